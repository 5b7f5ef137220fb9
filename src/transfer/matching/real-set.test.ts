import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseQrels } from './evaluate-run';
import { parseJsonlItems } from './read-jsonl-items';

// Structure of the set built from real public texts (real-set/README.md). No quality bar is set
// here on purpose: the set measures the engine, nothing is tuned against it.
const dir = join(import.meta.dirname, 'real-set');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

const nonEmpty = z.string().trim().min(1);
const sourceSchema = z.union([
  z.object({ url: z.url(), publisher: nonEmpty, title: nonEmpty }).strict(),
  z.object({ repository: nonEmpty, path: nonEmpty, publisher: nonEmpty, title: nonEmpty }).strict(),
]);

describe('real-text evaluation set', () => {
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

  it('has at least 60 demands with a relevant offer and a pool of at least 200 offers', () => {
    const withRelevant = demands.filter((d) => [...(qrels.get(d.id)?.values() ?? [])].some((grade) => grade > 0));
    expect(withRelevant.length).toBeGreaterThanOrEqual(60);
    expect(offers.length).toBeGreaterThanOrEqual(200);
  });

  it('has at least half of its relevant pairs across languages, most of them English against Chinese', () => {
    const crossLanguage = relevantPairs.filter(([d, o]) => language.get(d) !== language.get(o));
    const englishChinese = crossLanguage.filter(([d, o]) => [language.get(d), language.get(o)].includes('en'));
    expect(crossLanguage.length / relevantPairs.length).toBeGreaterThanOrEqual(0.5);
    expect(englishChinese.length / crossLanguage.length).toBeGreaterThanOrEqual(0.9);
  });

  it('names a source for every demand and offer, and for nothing else', () => {
    expect(Object.keys(sources).sort()).toEqual([...language.keys()].sort());
  });
});
