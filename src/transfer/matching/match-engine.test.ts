import { describe, expect, it } from 'vitest';
import { CONFIDENT_MATCH_THRESHOLD, feedbackToPartyWeights, getConceptsOnlyDictionary, MatchingEngine, MatchItemError, MAX_TEXT_CHARS } from './index';

const offers = [
  { id: 'foil-hant', lang: 'zh-Hant', title: '5G高頻反轉銅箔', text: '適用於高頻高速電路板的超低輪廓銅箔，剝離強度高。', fields: ['4.1'], ipc: ['C25D 1/04'], trl: 7, price: 200, party: 'lab-a' },
  { id: 'foil-en', lang: 'en', title: 'Copper foil for lithium batteries', text: 'Thin electrodeposited copper foil for battery anodes.', fields: ['4.1'], trl: 8, price: 900, party: 'lab-b' },
  { id: 'pump', lang: 'zh-Hans', title: '钍基熔盐堆主泵', text: '高温熔盐泵设计与热态试验平台。', fields: ['6.2'], ipc: ['G21C 15/243'], trl: 6, party: 'lab-c' },
  { id: 'valve', lang: 'en', title: 'Prosthetic heart valve', text: 'Bovine pericardium heart valve with anti-calcification treatment.', fields: ['2.5'], trl: 7 },
];

function engineWithOffers(): MatchingEngine {
  const engine = new MatchingEngine();
  engine.bulkLoad({ offers });
  return engine;
}

const demand = { id: 'd1', lang: 'en', title: 'Copper foil for 5G boards', text: 'Need very low profile copper foil for high-frequency circuit boards.', fields: ['4.1'], ipc: ['C25D'], trl: 6, budget: 300 };

describe('MatchingEngine', () => {
  it('matches across scripts: English demand finds Traditional Chinese offer first', () => {
    const response = engineWithOffers().matchOffersForDemand(demand);
    expect(response.results[0].id).toBe('foil-hant');
    expect(response.results.map((r) => r.id)).not.toContain('valve');
    expect(response.noMatch).toBe(false);
  });

  it('explains with shared concepts and the fit signals', () => {
    const [top] = engineWithOffers().matchOffersForDemand(demand).results;
    expect(top.why[0]).toMatch(/^共同技术概念 \/ shared concepts: .*(copper foil \/ 铜箔|very low profile \/ 超低轮廓)/);
    expect(top.why).toContain('IPC 分类相同 C25D / same IPC subclass C25D');
    expect(top.why).toContain('成熟度 TRL 7 满足要求 ≥6 / TRL 7 meets required ≥6');
    expect(top.why).toContain('价格在预算内 / price within budget');
    expect(top.why.some((w) => w.startsWith('同属高新技术领域 4.1 ') && w.includes('/ same high-tech field 4.1'))).toBe(true);
  });

  it('keeps scores in 0..1 and flags weak matches', () => {
    const { results } = engineWithOffers().matchOffersForDemand(demand);
    for (const result of results) {
      expect(result.score).toBeGreaterThanOrEqual(0);
      expect(result.score).toBeLessThanOrEqual(1);
      expect(result.confident).toBe(result.score >= CONFIDENT_MATCH_THRESHOLD);
    }
    expect(results[0].confident).toBe(true);
  });

  it('returns an empty result with a flag when nothing matches', () => {
    const response = engineWithOffers().matchOffersForDemand({ id: 'q', lang: 'en', text: 'quantum teleportation of giraffes' });
    expect(response).toMatchObject({ results: [], noMatch: true, noConfidentMatch: true, reason: 'no-candidates' });
    const stopwordsOnly = engineWithOffers().matchOffersForDemand({ id: 'q', lang: 'en', text: 'the of and' });
    expect(stopwordsOnly).toMatchObject({ noMatch: true, reason: 'no-query-terms' });
  });

  it('matches in the other direction: demands for an offer', () => {
    const engine = engineWithOffers();
    engine.upsertDemand(demand);
    engine.upsertDemand({ id: 'd2', lang: 'zh-Hans', title: '熔盐泵', text: '需要钍基熔盐堆一回路主泵。' });
    const response = engine.matchDemandsForOffer(offers[0]);
    expect(response.results[0].id).toBe('d1');
    expect(engine.matchDemandsForOffer(offers[2]).results[0].id).toBe('d2');
  });

  it('makes new, edited and removed offers visible immediately', () => {
    // Concepts only: through the CC-CEDICT lexicon 装置/治疗 would reach the other offers' words, and
    // this test is about index updates, so the query must share nothing with them.
    const engine = new MatchingEngine(getConceptsOnlyDictionary());
    engine.bulkLoad({ offers });
    const query = { id: 'q', lang: 'zh-Hans', text: '碳离子治疗装置' } as const;
    expect(engine.matchOffersForDemand(query).noMatch).toBe(true);
    engine.upsertOffer({ id: 'ion', lang: 'en', text: 'Carbon-ion therapy system with a compact synchrotron.' });
    expect(engine.matchOffersForDemand(query).results[0].id).toBe('ion');
    engine.upsertOffer({ id: 'ion', lang: 'en', text: 'Industrial ion exchange resin.' });
    expect(engine.matchOffersForDemand(query).noMatch).toBe(true);
    engine.upsertOffer({ id: 'ion', lang: 'en', text: 'Carbon-ion therapy system.' });
    expect(engine.removeOffer('ion')).toBe(true);
    expect(engine.matchOffersForDemand(query).noMatch).toBe(true);
  });

  it('never names confidential fields in explanations', () => {
    const engine = new MatchingEngine();
    engine.upsertOffer({
      id: 'secret', lang: 'en', title: 'Hall thruster for satellites', text: 'Electric propulsion with a proprietary xenon feed.',
      ipc: ['F03H 1/00'], trl: 7, price: 100, explainable: ['text'],
    });
    const { results } = engine.matchOffersForDemand({
      id: 'q', lang: 'en', text: 'Hall thruster electric propulsion test', ipc: ['F03H'], trl: 6, budget: 500,
    });
    const why = results[0].why.join(' | ');
    expect(why).toContain('electric propulsion');
    expect(why).not.toMatch(/hall|thruster/i); // title-only words
    expect(why).not.toMatch(/IPC|TRL|price|budget/);
  });

  it('leaves non-matchable fields out of scoring', () => {
    const engine = new MatchingEngine();
    engine.upsertOffer({ id: 'o', lang: 'en', title: 'Secret copper alloy', text: 'A new heat treatment.', matchable: ['text'] });
    expect(engine.matchOffersForDemand({ id: 'q', lang: 'en', text: 'copper alloy' }).noMatch).toBe(true);
    expect(engine.matchOffersForDemand({ id: 'q', lang: 'en', text: 'heat treatment' }).results[0].id).toBe('o');
  });

  it('scores partner-zone proximity and swaps roles in the offer-to-demand direction', () => {
    const engine = new MatchingEngine();
    engine.upsertDemand({ id: 'near', lang: 'en', text: 'copper foil supplier wanted', zone: 'lanzhou-new-area', trl: 6, budget: 100 });
    engine.upsertDemand({ id: 'far', lang: 'en', text: 'copper foil supplier wanted', coords: [22.5, 114.1], trl: 6, budget: 100 });
    const offer = { id: 'o', lang: 'en', text: 'copper foil', zone: 'lanzhou-new-area', coords: [36.5, 103.7] as [number, number], trl: 7, price: 80 };
    const { results } = engine.matchDemandsForOffer(offer);
    expect(results.map((r) => r.id)).toEqual(['near', 'far']);
    expect(results[0].why).toEqual(expect.arrayContaining(['同一或结对园区 / same partner zone', '成熟度 TRL 7 满足要求 ≥6 / TRL 7 meets required ≥6', '价格在预算内 / price within budget']));
    expect(results[1].signals.zone).toBeLessThan(0.01);
  });

  it('counts paired zones as the same partner zone, from either side', () => {
    const engine = new MatchingEngine();
    engine.upsertDemand({ id: 'paired', lang: 'en', text: 'copper foil supplier wanted', zone: '7', partnerZones: ['9'] });
    engine.upsertDemand({ id: 'unpaired', lang: 'en', text: 'copper foil supplier wanted', zone: '8' });
    const offer = { id: 'o', lang: 'en', text: 'copper foil', zone: '9' } as const;
    const byId = new Map(engine.matchDemandsForOffer(offer).results.map((r) => [r.id, r]));
    expect(byId.get('paired')?.why).toContain('同一或结对园区 / same partner zone');
    expect(byId.get('paired')?.signals.zone).toBe(1);
    expect(byId.get('unpaired')?.why).not.toContain('同一或结对园区 / same partner zone');
    // The offer's side naming the demand's zone counts too.
    const reverse = engine.matchDemandsForOffer({ ...offer, zone: '10', partnerZones: ['8'] }).results.find((r) => r.id === 'unpaired');
    expect(reverse?.why).toContain('同一或结对园区 / same partner zone');
  });

  it('applies feedback-derived party weights', () => {
    const engine = engineWithOffers();
    const twoFoils = { id: 'q', lang: 'en', text: 'copper foil' };
    const plain = engine.matchOffersForDemand(twoFoils, { weights: { field: 0, ipc: 0, trl: 0, budget: 0 } });
    const weights = feedbackToPartyWeights([
      ...Array.from({ length: 5 }, () => ({ party: plain.results[0].id === 'foil-en' ? 'lab-b' : 'lab-a', outcome: 'rejected' as const })),
    ]);
    const reweighted = engine.matchOffersForDemand(twoFoils, { partyWeights: weights, weights: { feedback: 1, field: 0, ipc: 0, trl: 0, budget: 0 } });
    expect(reweighted.results[0].id).toBe(plain.results[1].id);
  });
});

describe('input validation', () => {
  const engine = new MatchingEngine();
  const field = (input: unknown) => {
    try {
      engine.prepare(input);
    } catch (error) {
      if (error instanceof MatchItemError) return error.field;
      throw error;
    }
    return undefined;
  };

  it('names the offending field', () => {
    expect(field({ id: 'x', lang: 'en', text: '' })).toBe('text');
    expect(field({ id: 'x', lang: 'en', text: '，。!?…' })).toBe('text');
    expect(field({ id: 'x', lang: 'fr', text: 'bonjour' })).toBe('lang');
    expect(field({ id: '', lang: 'en', text: 'copper' })).toBe('id');
    expect(field({ id: 'x', lang: 'en', text: 'copper', ipc: ['nonsense'] })).toBe('ipc.0');
    expect(field({ id: 'x', lang: 'en', text: 'copper', fields: ['9.9'] })).toBe('fields.0');
    expect(field({ id: 'x', lang: 'en', text: 'copper', trl: 12 })).toBe('trl');
  });

  it('rejects a 5 MB description instead of truncating it', () => {
    expect(field({ id: 'x', lang: 'en', text: 'copper '.repeat(750_000) })).toBe('text');
    expect(() => engine.prepare({ id: 'x', lang: 'en', text: 'a'.repeat(MAX_TEXT_CHARS + 1) })).toThrow(/text is longer/);
  });

  it('leaves the index untouched when a bulk load has a bad item', () => {
    const fresh = new MatchingEngine();
    expect(() => fresh.bulkLoad({ offers: [offers[0], { id: 'bad', lang: 'en', text: '' }] })).toThrow(MatchItemError);
    expect(fresh.offers.size).toBe(0);
  });

  it('balances text scores across languages by the best score of each language, and leaves one-language lists alone', () => {
    const engine = engineWithOffers();
    const textOnly = { field: 0, ipc: 0, industry: 0, trl: 0, budget: 0, zone: 0 };
    const scores = (languageBalance: number) => new Map(engine.matchOffersForDemand(demand, { top: 10, weights: { ...textOnly, languageBalance } }).results.map((r) => [r.id, r.textScore]));
    const raw = scores(0);
    const balanced = scores(0.5);
    const best = (ids: string[]) => Math.max(...ids.filter((id) => raw.has(id)).map((id) => raw.get(id) as number));
    const english = best(['foil-en', 'valve']);
    const chinese = best(['foil-hant', 'pump']);
    const top = Math.max(english, chinese);
    // Each candidate × (best of all ÷ best of its language)^0.5; scores are rounded to 4 decimals.
    expect(balanced.get('foil-en')).toBeCloseTo(Math.min(1, (raw.get('foil-en') as number) * Math.sqrt(top / english)), 3);
    expect(balanced.get('foil-hant')).toBeCloseTo(Math.min(1, (raw.get('foil-hant') as number) * Math.sqrt(top / chinese)), 3);
    expect(english).not.toBe(chinese);

    const englishOnly = new MatchingEngine();
    englishOnly.bulkLoad({ offers: offers.filter((o) => o.lang === 'en') });
    const one = (languageBalance: number) => englishOnly.matchOffersForDemand(demand, { weights: { languageBalance } }).results;
    expect(one(0.5)).toEqual(one(0));
  });
});
