import { describe, expect, it } from 'vitest';
import { buildConceptDictionary } from './concept-dictionary';
import { MatchingEngine } from './match-engine';

// 80 offers all about sensors (so "sensor" is a dynamic stopword: in more than 10 % of items),
// three of them about graphene. Retrieval alone would see only the three graphene offers.
function sensorCorpus() {
  return Array.from({ length: 80 }, (_, i) => ({
    id: `o${i}`,
    lang: 'en' as const,
    title: i < 3 ? `Graphene sensor ${i}` : `Pressure sensor model ${i}`,
    text: i < 3 ? 'A graphene sensor for strain.' : `Industrial sensor number ${i} for pipelines.`,
  }));
}

describe('honest top N', () => {
  const engine = new MatchingEngine(buildConceptDictionary([]));
  engine.bulkLoad({ offers: sensorCorpus() });

  it('returns up to N results, scored and flagged, even where pruning found fewer', () => {
    const response = engine.matchOffersForDemand({ id: 'd', lang: 'en', title: 'graphene sensor', text: 'graphene sensor' }, { top: 50 });
    expect(response.results).toHaveLength(50);
    expect(response.results.slice(0, 3).map((r) => r.id).sort()).toEqual(['o0', 'o1', 'o2']);
    for (const r of response.results) expect(r.confident).toBe(r.score >= response.threshold);
    expect(response.results.some((r) => !r.confident)).toBe(true);
    for (let i = 1; i < response.results.length; i++) expect(response.results[i - 1].score).toBeGreaterThanOrEqual(response.results[i].score);
  });

  it('keeps the no-confident-match state while still listing the results', () => {
    const response = engine.matchOffersForDemand({ id: 'd', lang: 'en', title: 'sensor', text: 'sensor housing paint colour options' }, { top: 100 });
    expect(response.results).toHaveLength(80);
    expect(response.noMatch).toBe(false);
    expect(response.noConfidentMatch).toBe(!response.results.some((r) => r.confident));
  });
});
