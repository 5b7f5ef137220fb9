import { describe, expect, it } from 'vitest';
import { InvertedIndex, type QueryTerm } from './inverted-index';
import type { PreparedItem } from './prepare-item';

const ALL = new Set(['title', 'text', 'fields', 'ipc', 'trl', 'budget', 'price', 'zone'] as const);

function item(id: string, terms: Record<string, number>): PreparedItem {
  return { id, terms: new Map(Object.entries(terms)), hiddenTerms: new Set(), attributes: { fields: [], ipc: [], explainable: ALL } };
}

// Deterministic pseudo-random numbers so the test corpus is the same on every run.
function lcg(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe('InvertedIndex', () => {
  it('MaxScore top-k equals exhaustive BM25 ranking', () => {
    const random = lcg(42);
    const index = new InvertedIndex();
    const vocabulary = Array.from({ length: 300 }, (_, i) => `t${i}`);
    for (let d = 0; d < 3000; d++) {
      const terms: Record<string, number> = {};
      const size = 5 + Math.floor(random() * 30);
      // Skewed term choice gives long and short posting lists, as in real text.
      for (let i = 0; i < size; i++) {
        const term = vocabulary[Math.floor(random() ** 2 * vocabulary.length)];
        terms[term] = (terms[term] ?? 0) + 1;
      }
      index.upsert(item(`d${d}`, terms));
    }
    for (let q = 0; q < 50; q++) {
      const query: QueryTerm[] = Array.from({ length: 2 + (q % 8) }, () => ({
        term: vocabulary[Math.floor(random() * vocabulary.length)],
        weight: 0.5 + random(),
      }));
      const pruned = index.search(query, 10);
      const exhaustive = index.search(query, index.size).slice(0, 10);
      expect(pruned.map((h) => h.doc)).toEqual(exhaustive.map((h) => h.doc));
      pruned.forEach((hit, i) => expect(hit.score).toBeCloseTo(exhaustive[i].score, 9));
    }
  });

  it('makes added, updated and removed items visible immediately', () => {
    const index = new InvertedIndex();
    index.upsert(item('a', { copper: 1, foil: 1 }));
    index.upsert(item('b', { pump: 1 }));
    const ids = (terms: string[]) => index.search(terms.map((term) => ({ term, weight: 1 })), 10).map((h) => index.docId(h.doc));
    expect(ids(['copper'])).toEqual(['a']);
    index.upsert(item('b', { copper: 2 }));
    expect(ids(['copper']).sort()).toEqual(['a', 'b']);
    expect(ids(['pump'])).toEqual([]);
    expect(index.remove('a')).toBe(true);
    expect(ids(['copper'])).toEqual(['b']);
    expect(index.size).toBe(1);
    expect(index.remove('a')).toBe(false);
  });

  it('keeps results correct across compaction of removed items', () => {
    const index = new InvertedIndex();
    for (let i = 0; i < 3000; i++) index.upsert(item(`d${i}`, { common: 1, [`u${i % 7}`]: 1 }));
    for (let i = 0; i < 2500; i++) index.remove(`d${i}`);
    const hits = index.search([{ term: 'u3', weight: 1 }], 1000);
    expect(hits.map((h) => index.docId(h.doc)).every((id) => Number(id.slice(1)) >= 2500)).toBe(true);
    expect(hits).toHaveLength(Array.from({ length: 500 }, (_, i) => 2500 + i).filter((n) => n % 7 === 3).length);
  });

  it('reclaims the slots of removed items, so remove + re-add does not grow without bound', () => {
    const index = new InvertedIndex();
    for (let i = 0; i < 2000; i++) index.upsert(item(`d${i}`, { common: 1, [`u${i % 5}`]: 1 }));
    // Every round re-adds all items (an update is remove + add): 20 rounds = 40,000 adds.
    for (let round = 0; round < 20; round++) {
      for (let i = 0; i < 2000; i++) index.upsert(item(`d${i}`, { common: 1, [`u${(i + round) % 5}`]: 1 }));
    }
    expect(index.size).toBe(2000);
    expect(index.slots).toBeLessThanOrEqual(2000 * 4 / 3 + 1001);
    // Renumbered documents still answer correctly: the last round put d0, d5, … under u4 (19 % 5).
    const hits = index.search([{ term: 'u4', weight: 1 }], 2000).map((h) => index.docId(h.doc));
    expect(hits.sort()).toEqual(Array.from({ length: 400 }, (_, k) => `d${k * 5}`).sort());
  });

  it('returns nothing for unknown terms or k = 0', () => {
    const index = new InvertedIndex();
    index.upsert(item('a', { copper: 1 }));
    expect(index.search([{ term: 'zinc', weight: 1 }], 5)).toEqual([]);
    expect(index.search([{ term: 'copper', weight: 1 }], 0)).toEqual([]);
  });
});
