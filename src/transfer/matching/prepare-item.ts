import { analyzeFolded, foldScript } from '../../shared/text';
import type { ConceptDictionary } from './concept-dictionary';
import { ITEM_FIELDS, type ItemField, type MatchItem } from './match-item.schema';

/** Prefix that keeps concept ids apart from word tokens (tokens never contain ':'). */
export const CONCEPT_PREFIX = 'c:';
/** A title word counts this many times, since titles name the technology. */
const TITLE_REPEAT = 2;

/** Non-text attributes used for re-ranking, already filtered by `matchable`. */
export interface ItemAttributes {
  fields: string[];
  ipc: string[];
  trl?: number;
  budget?: number;
  price?: number;
  zone?: string;
  coords?: [number, number];
  party?: string;
  /** Fields that may be named in explanations. */
  explainable: ReadonlySet<ItemField>;
}

/** An item reduced to what the index needs: weighted term counts plus attributes. */
export interface PreparedItem {
  id: string;
  terms: Map<string, number>;
  /** Terms that appear only in fields the owner keeps out of explanations. */
  hiddenTerms: Set<string>;
  attributes: ItemAttributes;
}

// "c:<id>" per concept index, made once per dictionary rather than once per occurrence.
const conceptTermsOf = new WeakMap<ConceptDictionary, string[]>();

function conceptTerms(dictionary: ConceptDictionary): string[] {
  let terms = conceptTermsOf.get(dictionary);
  if (!terms) {
    terms = dictionary.concepts.map((c) => CONCEPT_PREFIX + c.id);
    conceptTermsOf.set(dictionary, terms);
  }
  return terms;
}

/** Adds a field's words and concepts to `counts` (× repeat); returns them for the explainability bookkeeping. */
function addFieldTerms(raw: string, dictionary: ConceptDictionary, counts: Map<string, number>, repeat: number): string[] {
  if (raw.length === 0) return [];
  const folded = foldScript(raw);
  const tokens = analyzeFolded(folded);
  const concepts = dictionary.scanFolded(folded, tokens);
  const names = conceptTerms(dictionary);
  for (const index of concepts) tokens.push(names[index]);
  for (const term of tokens) counts.set(term, (counts.get(term) ?? 0) + repeat);
  return tokens;
}

// Shared by every item without restrictions, so a million items do not hold a million sets.
export const ALL_FIELDS: ReadonlySet<ItemField> = new Set(ITEM_FIELDS);

export function prepareItem(item: MatchItem, dictionary: ConceptDictionary): PreparedItem {
  const matchable = item.matchable ? new Set<ItemField>(item.matchable) : ALL_FIELDS;
  const explainableList = (item.explainable ?? [...matchable]).filter((f) => matchable.has(f));
  const explainable = explainableList.length === ITEM_FIELDS.length ? ALL_FIELDS : new Set(explainableList);
  const terms = new Map<string, number>();
  // Tracking which terms may be named is only needed when some text field is confidential.
  const textConfidential = (matchable.has('title') && !explainable.has('title')) || (matchable.has('text') && !explainable.has('text'));
  const visible = new Set<string>();
  const hidden = new Set<string>();
  for (const [field, raw, repeat] of [['title', item.title, TITLE_REPEAT], ['text', item.text, 1]] as const) {
    if (!matchable.has(field)) continue;
    const fieldTerms = addFieldTerms(raw, dictionary, terms, repeat);
    if (textConfidential) for (const term of fieldTerms) (explainable.has(field) ? visible : hidden).add(term);
  }
  for (const term of visible) hidden.delete(term);
  const keep = <T>(field: ItemField, value: T): T | undefined => (matchable.has(field) ? value : undefined);
  return {
    id: item.id,
    terms,
    hiddenTerms: hidden,
    attributes: {
      fields: keep('fields', item.fields) ?? [],
      ipc: keep('ipc', item.ipc) ?? [],
      trl: keep('trl', item.trl),
      budget: keep('budget', item.budget),
      price: keep('price', item.price),
      zone: keep('zone', item.zone),
      coords: keep('zone', item.coords),
      party: item.party,
      explainable,
    },
  };
}
