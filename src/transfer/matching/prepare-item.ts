import { analyzeFolded, foldScript } from '../../shared/text';
import { type BilingualLexicon, PHRASE_PREFIX } from './bilingual-lexicon';
import type { ConceptDictionary } from './concept-dictionary';
import { extractIpcCodes } from './ipc-from-text';
import { ITEM_FIELDS, type ItemField, type MatchItem } from './match-item.schema';
import type { SurfaceForms } from './surface-forms';

/** Prefix that keeps concept ids apart from word tokens (tokens never contain ':'). */
export const CONCEPT_PREFIX = 'c:';
/** A title word counts this many times, since titles name the technology. */
export const TITLE_REPEAT = 2;

/** Non-text attributes used for re-ranking, already filtered by `matchable`. */
export interface ItemAttributes {
  /** The item's language; text scores of items in different languages are balanced (match-engine.ts). */
  lang?: MatchItem['lang'];
  fields: string[];
  ipc: string[];
  /** GB/T 4754 industry codes of the owning organisation (absent when none: most items have none). */
  industries?: string[];
  trl?: number;
  budget?: number;
  price?: number;
  zone?: string;
  /** Zones paired with `zone`. */
  partnerZones?: string[];
  coords?: [number, number];
  party?: string;
  /** The IPC codes were read from the item's text, not given as data. */
  ipcFromText?: boolean;
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
  /**
   * Terms that only the bilingual lexicon contributed (translations of Chinese words, English
   * gloss phrases), with the lexicon's weight (ambiguity × rarity, 0..1). Used on the query side.
   */
  derived?: Map<string, number>;
  /** Query side only: the written forms explanations name (surface-forms.ts). */
  surfaces?: SurfaceForms;
}

// "c:<id>" per concept index, made once per dictionary rather than once per occurrence.
const conceptTermsOf = new WeakMap<ConceptDictionary, string[]>();

export function conceptTerms(dictionary: ConceptDictionary): string[] {
  let terms = conceptTermsOf.get(dictionary);
  if (!terms) {
    terms = dictionary.concepts.map((c) => CONCEPT_PREFIX + c.id);
    conceptTermsOf.set(dictionary, terms);
  }
  return terms;
}

const curatedOf = new WeakMap<ConceptDictionary, Set<string>>();

/** Folded Chinese surfaces and English phrase terms (`p:` + stems) of the hand concepts. */
export function curatedSurfaces(dictionary: ConceptDictionary): Set<string> {
  let curated = curatedOf.get(dictionary);
  if (!curated) {
    curated = new Set();
    for (const concept of dictionary.concepts) {
      for (const zh of concept.zh) curated.add(foldScript(zh));
      for (const en of concept.en) {
        const stems = analyzeFolded(foldScript(en));
        if (stems.length > 1) curated.add(PHRASE_PREFIX + stems.join(' '));
      }
    }
    curatedOf.set(dictionary, curated);
  }
  return curated;
}

export function isIdeograph(code: number): boolean {
  return code >= 0x3400 && code <= 0x9fff;
}

/**
 * Lexicon candidates of a Chinese word; a word the lexicon lacks (jieba knows 铜箔, CC-CEDICT does
 * not) is read as its longest known pieces, left to right (铜 + 箔 → copper, metal foil).
 */
function translate(word: string, lexicon: BilingualLexicon, out: (term: string, weight: number) => void): void {
  const whole = lexicon.lookup(word);
  if (whole) {
    for (const c of whole) emit(c.tokens, c.phrase, c.weight, out);
    return;
  }
  for (let start = 0; start < word.length;) {
    let end = word.length;
    while (end > start && !lexicon.lookup(word.slice(start, end))) end--;
    if (end === start) {
      start++;
      continue;
    }
    for (const c of lexicon.lookup(word.slice(start, end)) ?? []) emit(c.tokens, c.phrase, c.weight, out);
    start = end;
  }
}

/** The lexicon terms (and their weights) one Chinese token adds, in the order `translate` emits them. */
export interface Expansion {
  terms: readonly string[];
  weights: readonly number[];
}

const NO_EXPANSION: Expansion = { terms: [], weights: [] };
/** Bounds the memo (distinct Chinese words of a corpus; ~100 bytes each). */
const MAX_MEMO_EXPANSIONS = 300_000;
const expansionsOf = new WeakMap<ConceptDictionary, Map<string, Expansion>>();

/**
 * What the lexicon adds for one folded Chinese token (nothing for a word a hand concept names:
 * the curated layer bridges it already, and translating it again would only add postings).
 * Word frequencies are Zipfian, so most tokens were translated before: memoised per dictionary.
 */
export function tokenExpansion(token: string, dictionary: ConceptDictionary, lexicon: BilingualLexicon): Expansion {
  let memo = expansionsOf.get(dictionary);
  if (!memo) expansionsOf.set(dictionary, (memo = new Map()));
  let expansion = memo.get(token);
  if (expansion === undefined) {
    expansion = curatedSurfaces(dictionary).has(token) ? NO_EXPANSION : expand(token, lexicon);
    if (memo.size < MAX_MEMO_EXPANSIONS) memo.set(token, expansion);
  }
  return expansion;
}

function expand(word: string, lexicon: BilingualLexicon): Expansion {
  const terms: string[] = [];
  const weights: number[] = [];
  translate(word, lexicon, (term, weight) => {
    terms.push(term);
    weights.push(weight);
  });
  return terms.length === 0 ? NO_EXPANSION : { terms, weights };
}

function emit(tokens: readonly string[], phrase: string | undefined, weight: number, out: (term: string, weight: number) => void): void {
  for (const token of tokens) out(token, weight);
  if (phrase) out(phrase, weight);
}

/** Adds a field's words, concepts and lexicon terms to `counts` (× repeat); returns them for the explainability bookkeeping. */
function addFieldTerms(raw: string, dictionary: ConceptDictionary, counts: Map<string, number>, repeat: number, derived: Map<string, number>, nativeTerms: Set<string>): string[] {
  if (raw.length === 0) return [];
  const folded = foldScript(raw);
  const tokens = analyzeFolded(folded);
  const concepts = dictionary.scanFolded(folded, tokens);
  const names = conceptTerms(dictionary);
  const lexicon = dictionary.lexicon;
  const native = tokens.length;
  if (lexicon) {
    const translations: string[] = [];
    const note = (term: string, weight: number) => {
      translations.push(term);
      if (weight > (derived.get(term) ?? 0)) derived.set(term, weight);
    };
    // The curated layer on top: a word or phrase a hand concept names is bridged by that concept
    // already, and translating it again would only add postings.
    const curated = curatedSurfaces(dictionary);
    for (let i = 0; i < native; i++) {
      if (!isIdeograph(tokens[i].charCodeAt(0))) continue;
      const expansion = tokenExpansion(tokens[i], dictionary, lexicon);
      for (let j = 0; j < expansion.terms.length; j++) note(expansion.terms[j], expansion.weights[j]);
    }
    // English text yields the gloss phrases too, so "lithium battery" meets 锂电池 as a phrase.
    const phrases: string[] = [];
    lexicon.scanPhrases(tokens, phrases);
    for (const phrase of phrases) if (!curated.has(phrase)) note(phrase, 1);
    for (let i = 0; i < native; i++) nativeTerms.add(tokens[i]);
    for (const term of translations) tokens.push(term);
  }
  for (const index of concepts) tokens.push(names[index]);
  for (const term of tokens) counts.set(term, (counts.get(term) ?? 0) + repeat);
  return tokens;
}

// Shared by every item without restrictions, so a million items do not hold a million sets.
export const ALL_FIELDS: ReadonlySet<ItemField> = new Set(ITEM_FIELDS);

/** `terms: false`: attributes only, no text analysis (the bulk loader counts terms itself, `term-counter.ts`). */
export interface PrepareOptions {
  terms?: boolean;
}

export function prepareItem(item: MatchItem, dictionary: ConceptDictionary, options: PrepareOptions = {}): PreparedItem {
  const matchable = item.matchable ? new Set<ItemField>(item.matchable) : ALL_FIELDS;
  const explainableList = (item.explainable ?? [...matchable]).filter((f) => matchable.has(f));
  const explainable = explainableList.length === ITEM_FIELDS.length ? ALL_FIELDS : new Set(explainableList);
  const terms = new Map<string, number>();
  // Tracking which terms may be named is only needed when some text field is confidential.
  const textConfidential = (matchable.has('title') && !explainable.has('title')) || (matchable.has('text') && !explainable.has('text'));
  const visible = new Set<string>();
  const hidden = new Set<string>();
  const derived = new Map<string, number>();
  const nativeTerms = new Set<string>();
  for (const [field, raw, repeat] of [['title', item.title, TITLE_REPEAT], ['text', item.text, 1]] as const) {
    if (!matchable.has(field) || options.terms === false) continue;
    const fieldTerms = addFieldTerms(raw, dictionary, terms, repeat, derived, nativeTerms);
    if (textConfidential) for (const term of fieldTerms) (explainable.has(field) ? visible : hidden).add(term);
  }
  for (const term of visible) hidden.delete(term);
  // A word the item states itself is not a mere translation, whatever the lexicon also offers.
  for (const term of nativeTerms) derived.delete(term);
  const keep = <T>(field: ItemField, value: T): T | undefined => (matchable.has(field) ? value : undefined);
  // Patents and many offers state their IPC codes in the text; read them when none are given.
  const statedIpc = keep('ipc', item.ipc) ?? [];
  const textIpc = statedIpc.length === 0 && matchable.has('ipc') ? extractIpcCodes(`${matchable.has('title') ? item.title ?? '' : ''}\n${matchable.has('text') ? item.text : ''}`) : [];
  return {
    id: item.id,
    terms,
    hiddenTerms: hidden,
    ...(derived.size > 0 ? { derived } : {}),
    attributes: {
      lang: item.lang,
      fields: keep('fields', item.fields) ?? [],
      ipc: statedIpc.length > 0 ? statedIpc : textIpc,
      ...(textIpc.length > 0 ? { ipcFromText: true } : {}),
      ...(item.industries.length && matchable.has('industries') ? { industries: item.industries } : {}),
      trl: keep('trl', item.trl),
      budget: keep('budget', item.budget),
      price: keep('price', item.price),
      zone: keep('zone', item.zone),
      ...(item.partnerZones?.length && matchable.has('zone') ? { partnerZones: item.partnerZones } : {}),
      coords: keep('zone', item.coords),
      party: item.party,
      explainable,
    },
  };
}
