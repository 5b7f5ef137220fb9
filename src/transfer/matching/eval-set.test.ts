import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDefaultLexicon } from './bilingual-lexicon';
import { buildConceptDictionary } from './concept-dictionary';
import { evaluateRun, parseQrels } from './evaluate-run';
import { MatchingEngine } from './match-engine';
import { rankingsToRun, rankOffersForDemands } from './rank-all';
import { parseJsonlItems } from './read-jsonl-items';

const dir = join(import.meta.dirname, 'eval-set');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

describe('hand-made evaluation set', () => {
  const offers = parseJsonlItems(read('offers.jsonl'), 'offers.jsonl');
  const demands = parseJsonlItems(read('demands.jsonl'), 'demands.jsonl');
  const qrels = parseQrels(read('qrels.tsv'));
  const engine = new MatchingEngine();
  engine.bulkLoad({ offers });

  it('covers enough demands in all three scripts', () => {
    expect(demands.length).toBeGreaterThanOrEqual(60);
    expect(offers.length).toBeGreaterThanOrEqual(200);
    for (const lang of ['zh-Hans', 'zh-Hant', 'en'] as const) {
      expect(demands.filter((d) => d.lang === lang).length).toBeGreaterThanOrEqual(12);
    }
  });

  // Bars sit slightly below what the engine measured when they were set (README lists the figures).
  it('ranks relevant offers well with all signals', () => {
    const summary = evaluateRun(qrels, rankingsToRun(rankOffersForDemands(engine, demands, { top: 100 })));
    expect(summary.ndcgAt10).toBeGreaterThanOrEqual(0.9);
    expect(summary.recallAt100).toBeGreaterThanOrEqual(0.86);
    expect(summary.mrr).toBeGreaterThanOrEqual(0.97);
  });

  it('ranks relevant offers well on text and concepts alone', () => {
    const textOnly = { field: 0, ipc: 0, trl: 0, budget: 0, zone: 0 };
    const summary = evaluateRun(qrels, rankingsToRun(rankOffersForDemands(engine, demands, { top: 100, weights: textOnly })));
    expect(summary.ndcgAt10).toBeGreaterThanOrEqual(0.84);
    expect(summary.mrr).toBeGreaterThanOrEqual(0.94);
  });

  // The set was written with the hand dictionary; the CC-CEDICT lexicon alone (none of the 420
  // concepts) measured 0.921 / 0.912, words alone 0.612 / 0.500 (README).
  it('reaches relevant offers through the CC-CEDICT lexicon without the hand dictionary', () => {
    const score = (withLexicon: boolean) => {
      const bare = new MatchingEngine(buildConceptDictionary([], { lexicon: withLexicon ? getDefaultLexicon() : undefined }));
      bare.bulkLoad({ offers });
      return evaluateRun(qrels, rankingsToRun(rankOffersForDemands(bare, demands, { top: 100 })));
    };
    const lexicon = score(true);
    expect(lexicon.ndcgAt10).toBeGreaterThanOrEqual(0.88);
    expect(lexicon.recallAt100).toBeGreaterThanOrEqual(0.88);
    expect(score(false).ndcgAt10).toBeLessThan(0.7);
  }, 60_000);

  it('finds each demand a relevant offer across scripts', () => {
    // For every demand, some top-3 hit is relevant and written in another script.
    let crossScript = 0;
    for (const demand of demands) {
      const top = engine.matchOffersForDemand(demand, { top: 3 }).results;
      const languages = new Map(offers.map((o) => [o.id, o.lang]));
      if (top.some((r) => (qrels.get(demand.id)?.get(r.id) ?? 0) > 0 && languages.get(r.id) !== demand.lang)) crossScript++;
    }
    expect(crossScript / demands.length).toBeGreaterThanOrEqual(0.85);
  });
});
