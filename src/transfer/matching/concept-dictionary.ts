import { analyzeFolded, foldScript, hasCjk, splitWords } from '../../shared/text';
import { type BilingualLexicon, getDefaultLexicon } from './bilingual-lexicon';
import { TERM_DICTIONARY_SOURCE } from './term-dictionary.data';

export interface Concept {
  /** Stable id, e.g. "copper-foil" (slug of the first English term). */
  id: string;
  /** High-tech sub-field code the concept belongs to, e.g. "4.1". */
  field: string;
  zh: string[];
  en: string[];
}

interface TrieNode<K> {
  children: Map<K, TrieNode<K>>;
  concepts: number[];
}

export interface ConceptDictionary {
  concepts: readonly Concept[];
  byId: ReadonlyMap<string, Concept>;
  indexOf(id: string): number | undefined;
  /** Analysed word tokens of each concept's surface forms (by concept index). */
  surfaceTokens: readonly ReadonlySet<string>[];
  /** Concept indexes found in folded text (CJK surface forms, matched character by character). */
  scanFolded(folded: string, tokens: readonly string[]): Set<number>;
  /** Broad Chinese → English lexicon under the curated concepts (undefined: concepts only). */
  lexicon?: BilingualLexicon;
}

export interface ConceptDictionaryOptions {
  lexicon?: BilingualLexicon;
}

function newNode<K>(): TrieNode<K> {
  return { children: new Map(), concepts: [] };
}

function insert<K>(root: TrieNode<K>, keys: readonly K[], concept: number): void {
  let node = root;
  for (const key of keys) {
    let next = node.children.get(key);
    if (!next) {
      next = newNode<K>();
      node.children.set(key, next);
    }
    node = next;
  }
  if (!node.concepts.includes(concept)) node.concepts.push(concept);
}

function collectFrom<K>(root: TrieNode<K>, keys: ArrayLike<K>, start: number, found: Set<number>): void {
  let node: TrieNode<K> | undefined = root;
  for (let i = start; i < keys.length && node; i++) {
    node = node.children.get(keys[i]);
    if (node && node.concepts.length > 0) for (const concept of node.concepts) found.add(concept);
  }
}

function slug(term: string): string {
  return term.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function parseConcepts(source: string): Concept[] {
  const concepts: Concept[] = [];
  const seen = new Set<string>();
  for (const line of source.split('\n')) {
    if (!line.includes('|')) continue;
    const [field, zh, en] = line.split('|').map((part) => part.trim());
    const split = (part: string | undefined) => (part ?? '').split(',').map((t) => t.trim()).filter(Boolean);
    const english = split(en);
    let id = slug(english[0] ?? '');
    if (seen.has(id)) id = `${id}-${field}`;
    seen.add(id);
    concepts.push({ id, field, zh: split(zh), en: english });
  }
  return concepts;
}

/**
 * Builds two tries: CJK surface forms are matched on folded characters (segmentation-independent,
 * so 铜箔 is found inside 电解铜箔), and Latin surface forms on the stemmed token stream (so
 * "copper foils" finds "copper foil").
 */
export function buildConceptDictionary(concepts: readonly Concept[], options: ConceptDictionaryOptions = {}): ConceptDictionary {
  const charRoot = newNode<number>();
  const tokenRoot = newNode<string>();
  concepts.forEach((concept, index) => {
    for (const surface of [...concept.zh, ...concept.en]) {
      const folded = foldScript(surface);
      if (hasCjk(folded)) {
        insert(charRoot, Array.from(folded, (ch) => ch.charCodeAt(0)), index);
      } else {
        const tokens = splitWords(folded);
        if (tokens.length > 0) insert(tokenRoot, tokens, index);
      }
    }
  });
  const indexById = new Map(concepts.map((c, i) => [c.id, i]));
  const surfaceTokens = concepts.map((c) => new Set([...c.zh, ...c.en].flatMap((surface) => analyzeFolded(foldScript(surface)))));
  // Most characters of a text start no concept: a flat table answers that without a Map lookup.
  const startsConcept = new Uint8Array(0x10000);
  for (const code of charRoot.children.keys()) startsConcept[code] = 1;
  return {
    lexicon: options.lexicon,
    concepts,
    byId: new Map(concepts.map((c) => [c.id, c])),
    indexOf: (id) => indexById.get(id),
    surfaceTokens,
    scanFolded(folded, tokens) {
      const found = new Set<number>();
      if (hasCjk(folded)) {
        for (let i = 0; i < folded.length; i++) {
          if (startsConcept[folded.charCodeAt(i)] === 0) continue;
          let node: TrieNode<number> | undefined = charRoot;
          for (let j = i; j < folded.length && node; j++) {
            node = node.children.get(folded.charCodeAt(j));
            // (most trie nodes are inner nodes: skip the loop's iterator for them)
            if (node && node.concepts.length > 0) for (const concept of node.concepts) found.add(concept);
          }
        }
      }
      for (let i = 0; i < tokens.length; i++) collectFrom(tokenRoot, tokens, i, found);
      return found;
    },
  };
}

let defaultDictionary: ConceptDictionary | undefined;

let conceptsOnly: ConceptDictionary | undefined;

/** The built-in dictionary: the hand-written concepts over the CC-CEDICT lexicon (built once, on first use). */
export function getDefaultConceptDictionary(): ConceptDictionary {
  defaultDictionary ??= buildConceptDictionary(parseConcepts(TERM_DICTIONARY_SOURCE), { lexicon: getDefaultLexicon() });
  return defaultDictionary;
}

/** The hand-written concepts alone, without the lexicon (for comparisons and small tests). */
export function getConceptsOnlyDictionary(): ConceptDictionary {
  conceptsOnly ??= buildConceptDictionary(parseConcepts(TERM_DICTIONARY_SOURCE));
  return conceptsOnly;
}
