import { describe, expect, it } from 'vitest';
import { feedbackToPartyWeights, MatchingEngine } from './index';

/** One party's offers in two fields and at two prices and maturities, all about copper foil, so text ties them. */
function engine() {
  const e = new MatchingEngine();
  e.upsertOffer({ id: 'foil-materials', lang: 'en', text: 'copper foil process', fields: ['4.1'], party: 'org:1', price: 900, trl: 4 });
  e.upsertOffer({ id: 'foil-electronics', lang: 'en', text: 'copper foil process', fields: ['1.2'], party: 'org:1', price: 100, trl: 8 });
  e.upsertOffer({ id: 'foil-other-party', lang: 'en', text: 'copper foil process', fields: ['4.1'], party: 'org:2', price: 950, trl: 8 });
  return e;
}
const demand = { id: 'd', lang: 'en', text: 'copper foil process', budget: 500 } as const;
const options = { weights: { feedback: 1, field: 0, ipc: 0, trl: 0, budget: 0, zone: 0 } };
const scores = (partyWeights?: ReturnType<typeof feedbackToPartyWeights>) =>
  Object.fromEntries(engine().matchOffersForDemand(demand, { ...options, partyWeights }).results.map((r) => [r.id, r.score]));

describe('declines re-weight by reason', () => {
  const plain = scores();

  it('a wrong-field decline lowers that party in that field only', () => {
    const after = scores(feedbackToPartyWeights([{ party: 'org:1', outcome: 'rejected', reason: 'wrong_field', item: 'foil-materials', fields: ['4.1'] }]));
    expect(after['foil-materials']).toBeLessThan(plain['foil-materials']!);
    expect(after['foil-electronics']).toBe(plain['foil-electronics']);
    expect(after['foil-other-party']).toBe(plain['foil-other-party']);
  });

  it('a price decline lowers results over the budget, of any party, and no others', () => {
    const after = scores(feedbackToPartyWeights([{ party: 'org:1', outcome: 'rejected', reason: 'too_expensive', item: 'foil-materials', fields: ['4.1'] }]));
    expect(after['foil-materials']).toBeLessThan(plain['foil-materials']!);
    expect(after['foil-other-party']).toBeLessThan(plain['foil-other-party']!);
    expect(after['foil-electronics']).toBe(plain['foil-electronics']);
  });

  it('a too-early decline lowers that party\'s results no more mature than the declined one', () => {
    const after = scores(feedbackToPartyWeights([{ party: 'org:1', outcome: 'rejected', reason: 'too_early', item: 'foil-materials', trl: 4 }]));
    expect(after['foil-materials']).toBeLessThan(plain['foil-materials']!);
    expect(after['foil-electronics']).toBe(plain['foil-electronics']);
  });

  it('a not-novel decline lowers the item itself; other, or no reason, the whole party', () => {
    const notNovel = scores(feedbackToPartyWeights([{ party: 'org:1', outcome: 'rejected', reason: 'not_novel', item: 'foil-electronics' }]));
    expect(notNovel['foil-electronics']).toBeLessThan(plain['foil-electronics']!);
    expect(notNovel['foil-materials']).toBe(plain['foil-materials']);
    const other = scores(feedbackToPartyWeights([{ party: 'org:1', outcome: 'rejected', reason: 'other' }]));
    expect(other['foil-electronics']).toBeLessThan(plain['foil-electronics']!);
    expect(other['foil-materials']).toBeLessThan(plain['foil-materials']!);
    expect(other['foil-other-party']).toBe(plain['foil-other-party']);
  });

  it('keeps the Laplace prior: an accepted match lifts the party, one rejection does not bury it', () => {
    const w = feedbackToPartyWeights([{ party: 'org:1', outcome: 'accepted' }, { party: 'org:2', outcome: 'rejected' }]);
    expect(w.parties).toEqual({ 'org:1': 2 * 2 / 3, 'org:2': 2 / 3 });
  });
});
