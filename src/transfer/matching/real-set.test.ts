import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseQrels } from './evaluate-run';
import { parseJsonlItems } from './read-jsonl-items';

// Structure of the sets built from real public texts (real-set/README.md, real-dev/README.md). No
// quality bar is set here on purpose: real-set measures the engine and nothing is tuned against it;
// real-dev is where constants are tuned, and a bar there would only invite fitting it.

const nonEmpty = z.string().trim().min(1);
const sourceSchema = z.union([
  z.object({ url: z.url(), publisher: nonEmpty, title: nonEmpty }).strict(),
  z.object({ repository: nonEmpty, path: nonEmpty, publisher: nonEmpty, title: nonEmpty }).strict(),
]);

const readSet = (set: string) => (name: string) => readFileSync(join(import.meta.dirname, set, name), 'utf8');

describe.each([
  // real-dev has more Chinese demands, so more of its cross pairs are Simplified against Traditional.
  { set: 'real-set', minDemands: 60, minOffers: 200, minEnglishChinese: 0.9 },
  { set: 'real-dev', minDemands: 60, minOffers: 240, minEnglishChinese: 0.8 },
])('real-text set $set', ({ set, minDemands, minOffers, minEnglishChinese }) => {
  const read = readSet(set);
  const demands = parseJsonlItems(read('demands.jsonl'), 'demands.jsonl');
  const offers = parseJsonlItems(read('offers.jsonl'), 'offers.jsonl');
  const qrels = parseQrels(read('qrels.tsv'));
  const sources = z.record(z.string(), sourceSchema).parse(JSON.parse(read('sources.json')));
  const language = new Map([...demands, ...offers].map((item) => [item.id, item.lang]));
  const relevantPairs = [...qrels].flatMap(([demand, judged]) => [...judged].filter(([, grade]) => grade > 0).map(([offer]) => [demand, offer]));

  it('has unique ids across demands and offers', () => {
    const ids = [...demands, ...offers].map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('judges only existing items, on the 0-3 scale', () => {
    const demandIds = new Set(demands.map((d) => d.id));
    const offerIds = new Set(offers.map((o) => o.id));
    for (const [demand, judged] of qrels) {
      expect(demandIds.has(demand), demand).toBe(true);
      for (const [offer, grade] of judged) {
        expect(offerIds.has(offer), `${demand} -> ${offer}`).toBe(true);
        expect(grade).toBeLessThanOrEqual(3);
      }
    }
  });

  it(`has at least ${minDemands} demands with a relevant offer and a pool of at least ${minOffers} offers`, () => {
    const withRelevant = demands.filter((d) => [...(qrels.get(d.id)?.values() ?? [])].some((grade) => grade > 0));
    expect(withRelevant.length).toBeGreaterThanOrEqual(minDemands);
    expect(offers.length).toBeGreaterThanOrEqual(minOffers);
  });

  it('has at least half of its relevant pairs across languages, most of them English against Chinese', () => {
    const crossLanguage = relevantPairs.filter(([d, o]) => language.get(d) !== language.get(o));
    const englishChinese = crossLanguage.filter(([d, o]) => [language.get(d), language.get(o)].includes('en'));
    expect(crossLanguage.length / relevantPairs.length).toBeGreaterThanOrEqual(0.5);
    expect(englishChinese.length / crossLanguage.length).toBeGreaterThanOrEqual(minEnglishChinese);
  });

  it('names a source for every demand and offer, and for nothing else', () => {
    expect(Object.keys(sources).sort()).toEqual([...language.keys()].sort());
  });
});

describe('real-text development set', () => {
  const ids = (set: string) => ['demands.jsonl', 'offers.jsonl'].flatMap((f) => parseJsonlItems(readSet(set)(f), f)).map((item) => item);

  it('shares no item, source or text with the report set', () => {
    const report = ids('real-set');
    const dev = ids('real-dev');
    const reportIds = new Set(report.map((i) => i.id));
    const reportTexts = new Set(report.map((i) => i.text));
    expect(dev.filter((i) => reportIds.has(i.id) || reportTexts.has(i.text))).toEqual([]);
    const urls = (set: string) => Object.values(JSON.parse(readSet(set)('sources.json')) as Record<string, { url?: string }>).flatMap((s) => (s.url ? [s.url] : []));
    const reportUrls = new Set(urls('real-set'));
    expect(urls('real-dev').filter((u) => reportUrls.has(u))).toEqual([]);
  });

  it('has more Chinese-language demands than the report set', () => {
    const chinese = (set: string) => parseJsonlItems(readSet(set)('demands.jsonl'), 'demands.jsonl').filter((d) => d.lang !== 'en').length;
    expect(chinese('real-dev')).toBeGreaterThan(chinese('real-set'));
  });
});
