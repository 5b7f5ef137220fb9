import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getConceptsOnlyDictionary, getDefaultConceptDictionary, type ConceptDictionary } from './concept-dictionary';
import { type MatchItem, parseMatchItem } from './match-item.schema';
import { prepareItem } from './prepare-item';
import { parseJsonlItems } from './read-jsonl-items';
import { generateSyntheticCorpus } from './synthetic-corpus';
import { TermCounter } from './term-counter';

const read = (set: string, name: string) => parseJsonlItems(readFileSync(join(import.meta.dirname, set, name), 'utf8'), name);

/** Terms and counts as the bulk loader's counter sees them, by term string (undefined: it defers to prepareItem). */
function counted(dictionary: ConceptDictionary, items: readonly MatchItem[]): (Map<string, number> | undefined)[] {
  const vocabulary: string[] = [];
  const ids = new Map<string, number>();
  const counter = new TermCounter(dictionary, (term) => {
    let id = ids.get(term);
    if (id === undefined) ids.set(term, (id = vocabulary.push(term) - 1));
    return id;
  });
  return items.map((item) => {
    let terms: Map<string, number> | undefined;
    counter.count(item, (termIds, counts) => {
      terms = new Map(Array.from(termIds, (id, i) => [vocabulary[id], counts[i]]));
    });
    return terms;
  });
}

const sorted = (terms: ReadonlyMap<string, number>) => [...terms].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe('TermCounter', () => {
  const items = [
    ...read('eval-set', 'offers.jsonl'),
    ...read('eval-set', 'demands.jsonl'),
    ...read('real-set', 'offers.jsonl'),
    ...read('real-set', 'demands.jsonl'),
    ...generateSyntheticCorpus(getDefaultConceptDictionary().concepts, { offers: 3000, demands: 0 }).offers.map((o) => parseMatchItem(o)),
  ];

  it.each([
    ['hand concepts over the lexicon', getDefaultConceptDictionary],
    ['hand concepts only', getConceptsOnlyDictionary],
  ])('counts the same terms as prepareItem (%s)', (_, dictionary) => {
    const fast = counted(dictionary(), items);
    items.forEach((item, i) => expect(sorted(fast[i] as Map<string, number>), item.id).toEqual(sorted(prepareItem(item, dictionary()).terms)));
  }, 60_000);

  it('respects matchable fields and defers confidential text to prepareItem', () => {
    const dictionary = getDefaultConceptDictionary();
    const titleOnly = parseMatchItem({ id: 'a', lang: 'zh-Hans', title: '锂电池 负极', text: '铜箔 copper foil', matchable: ['title'] });
    const confidential = parseMatchItem({ id: 'b', lang: 'en', title: 'copper foil', text: 'secret lithium anode', explainable: ['title'] });
    const [title, secret] = counted(dictionary, [titleOnly, confidential]);
    expect(sorted(title as Map<string, number>)).toEqual(sorted(prepareItem(titleOnly, dictionary).terms));
    expect([...(title as Map<string, number>).keys()]).not.toContain('铜箔');
    expect(secret).toBeUndefined();
  });
});
