import { analyzeFolded, foldScript } from '../../shared/text';
import type { ConceptDictionary } from './concept-dictionary';
import { ITEM_FIELDS, type ItemField, type MatchItem } from './match-item.schema';
import { conceptTerms, curatedSurfaces, isIdeograph, TITLE_REPEAT, tokenExpansion } from './prepare-item';

/**
 * Counts an item's index terms straight into term ids, for bulk loading: the same terms and
 * counts as `prepareItem` (tested), without its per-item Maps. Each distinct token is looked up
 * once in a memo that holds its id and the ids of its lexicon translations, so a Chinese word's
 * ~3–6 translations cost no hashing, and counts go into a flat array indexed by term id. On the
 * generated corpus the lexicon doubles the terms of an item (~45 tokens → ~97 terms), and the
 * Maps of `prepareItem` (counts, lexicon weights, native words) were most of the analysis cost
 * that the lexicon added. Items whose text is partly kept out of explanations need the hidden-term
 * bookkeeping of `prepareItem`: `count` returns false for them.
 */
export class TermCounter {
  /** Native token → [its id, ids of the lexicon terms it adds]. */
  private readonly tokenIds = new Map<string, Int32Array>();
  private counts = new Int32Array(1 << 16);
  /** Term ids of the current item, in first-seen order: `touched[0, touchedCount)` (reused across items). */
  private touched = new Int32Array(256);
  private touchedCount = 0;
  /** Gloss phrases found in the current field (reused across fields). */
  private readonly phrases: string[] = [];
  /** Concept index → its term id (-1: not yet assigned), so a concept costs no hashing of its term. */
  private conceptIds: Int32Array | undefined;
  private readonly lexiconOn: boolean;

  /** `termId` assigns ids (a worker's local vocabulary, or the index's own `internTerm`). */
  constructor(private readonly dictionary: ConceptDictionary, private readonly termId: (term: string) => number) {
    this.lexiconOn = dictionary.lexicon !== undefined;
  }

  /**
   * Counts the item's terms; `out(ids, counts)` receives them in arrays of their own (the
   * callee may keep them). Returns false, counting nothing, when the item needs `prepareItem`
   * (confidential text).
   */
  count(item: MatchItem, out: (ids: Int32Array, counts: Int32Array) => void): boolean {
    const matchable = item.matchable ? new Set<ItemField>(item.matchable) : undefined;
    if (matchable || item.explainable) {
      const explainable = new Set((item.explainable ?? [...(matchable ?? ITEM_FIELDS)]).filter((f) => !matchable || matchable.has(f)));
      const has = (f: ItemField) => !matchable || matchable.has(f);
      if ((has('title') && !explainable.has('title')) || (has('text') && !explainable.has('text'))) return false;
    }
    if (item.title && (!matchable || matchable.has('title'))) this.addField(item.title, TITLE_REPEAT);
    if (!matchable || matchable.has('text')) this.addField(item.text, 1);
    const n = this.touchedCount;
    const ids = this.touched.slice(0, n);
    const counts = new Int32Array(n);
    const all = this.counts;
    for (let i = 0; i < n; i++) {
      counts[i] = all[ids[i]];
      all[ids[i]] = 0;
    }
    this.touchedCount = 0;
    out(ids, counts);
    return true;
  }

  private add(id: number, repeat: number): void {
    if (id >= this.counts.length) {
      const grown = new Int32Array(Math.max(id + 1, this.counts.length * 2));
      grown.set(this.counts);
      this.counts = grown;
    }
    if (this.counts[id] === 0) {
      if (this.touchedCount === this.touched.length) {
        const grown = new Int32Array(this.touched.length * 2);
        grown.set(this.touched);
        this.touched = grown;
      }
      this.touched[this.touchedCount++] = id;
    }
    this.counts[id] += repeat;
  }

  private addField(raw: string, repeat: number): void {
    if (raw.length === 0) return;
    const folded = foldScript(raw);
    const tokens = analyzeFolded(folded);
    const concepts = this.dictionary.scanFolded(folded, tokens);
    for (const token of tokens) {
      let ids = this.tokenIds.get(token);
      if (ids === undefined) {
        ids = this.idsOf(token);
        if (this.tokenIds.size < MAX_MEMO_TOKENS) this.tokenIds.set(token, ids);
      }
      for (let i = 0; i < ids.length; i++) this.add(ids[i], repeat);
    }
    const lexicon = this.dictionary.lexicon;
    if (lexicon) {
      const phrases = this.phrases;
      lexicon.scanPhrases(tokens, phrases);
      if (phrases.length > 0) {
        const curated = curatedSurfaces(this.dictionary);
        for (const phrase of phrases) if (!curated.has(phrase)) this.add(this.termId(phrase), repeat);
        phrases.length = 0;
      }
    }
    if (concepts.size > 0) {
      const conceptIds = (this.conceptIds ??= new Int32Array(this.dictionary.concepts.length).fill(-1));
      for (const concept of concepts) {
        let id = conceptIds[concept];
        if (id < 0) id = conceptIds[concept] = this.termId(conceptTerms(this.dictionary)[concept]);
        this.add(id, repeat);
      }
    }
  }

  private idsOf(token: string): Int32Array {
    const lexicon = this.dictionary.lexicon;
    if (!this.lexiconOn || !lexicon || !isIdeograph(token.charCodeAt(0))) return Int32Array.of(this.termId(token));
    const { terms } = tokenExpansion(token, this.dictionary, lexicon);
    const ids = new Int32Array(terms.length + 1);
    ids[0] = this.termId(token);
    for (let i = 0; i < terms.length; i++) ids[i + 1] = this.termId(terms[i]);
    return ids;
  }
}

/** Bounds the token memo (distinct words of a corpus; ~100 bytes each, as the stemmer memo of src/shared/text). */
const MAX_MEMO_TOKENS = 200_000;
