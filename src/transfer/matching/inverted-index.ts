import { PostingList } from './posting-list';
import type { ItemAttributes, PreparedItem } from './prepare-item';
import { TopKHeap } from './top-k-heap';

/** BM25 parameters: k1 saturates repeated terms, b normalises for document length. */
export const BM25 = { k1: 1.2, b: 0.75 } as const;

export interface QueryTerm {
  term: string;
  /** Query-side weight (counts in the query × per-kind boost). */
  weight: number;
  /**
   * A translation from the bilingual lexicon rather than a word of the query: such terms get a
   * term budget of their own, so a Chinese query's English translations are not all crowded out
   * by its Chinese words (they are what reaches English items).
   */
  derived?: boolean;
}

/** Retrieval options: `allTerms` lifts the dynamic stopwords and term budget (used to fill a short result list). */
export interface SearchOptions {
  allTerms?: boolean;
}

export interface TextHit {
  doc: number;
  score: number;
}

interface SearchCursor {
  list: PostingList;
  weightIdf: number;
  bound: number;
}

/**
 * Dynamic stopwords: query terms found in more than this fraction of documents (idf below ~2.3)
 * are left out of retrieval. They add little evidence but their long posting lists would make up
 * most of the work. A query made only of such terms still uses them.
 */
const COMMON_TERM_FRACTION_DEFAULT = 0.1;
const MIN_DOCS_FOR_COMMON_TERMS = 50;

/**
 * Search parameters, exported so benchmarks can explore them: the dynamic-stopword document
 * fraction, and how many query terms (strongest weight × idf first) a query keeps — long descriptions would otherwise
 * drag dozens of weak terms through retrieval (on the 300k generated corpus, 16 terms cut p95
 * by ~15 % with unchanged nDCG on both corpora).
 */
export const SEARCH_TUNING = { commonTermFraction: COMMON_TERM_FRACTION_DEFAULT, maxTerms: 16 };

interface StoredDoc {
  id: string;
  /** The doc's term ids, sorted (for binary search) by the first `isExplainableTermId` that looks into the doc. */
  termIds: Int32Array;
  /** Term ids that must not appear in explanations (undefined: none). */
  hiddenTermIds?: Int32Array;
  attributes: ItemAttributes;
  /** Whether `termIds` has been sorted yet. */
  sorted: boolean;
}

/**
 * In-memory inverted index with BM25 scoring and MaxScore dynamic pruning.
 * Documents get increasing internal numbers; an update is a remove plus an add, a removal
 * only marks the document dead. `compact` (run automatically once a quarter of the slots are
 * dead) sweeps the postings and renumbers the live documents, reclaiming the dead slots.
 */
export class InvertedIndex {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly postings: PostingList[] = [];
  private docs: (StoredDoc | undefined)[] = [];
  private docLengths = new Float32Array(1024);
  private readonly docById = new Map<string, number>();
  private totalLength = 0;
  private deadDocs = 0;

  get size(): number {
    return this.docById.size;
  }

  get vocabularySize(): number {
    return this.terms.length;
  }

  has(id: string): boolean {
    return this.docById.has(id);
  }

  /** Adds or replaces an item; it is searchable as soon as this returns. */
  upsert(item: PreparedItem): void {
    const termIds = new Int32Array(item.terms.size);
    const counts = new Int32Array(item.terms.size);
    let i = 0;
    for (const [term, count] of item.terms) {
      termIds[i] = this.internTerm(term);
      counts[i++] = count;
    }
    let hiddenTermIds: Int32Array | undefined;
    if (item.hiddenTerms.size > 0) hiddenTermIds = Int32Array.from([...item.hiddenTerms], (t) => this.termIds.get(t) ?? -1);
    this.upsertInterned(item.id, termIds, counts, hiddenTermIds, item.attributes);
  }

  /**
   * `upsert` for terms already turned into ids with `internTerm` (parallel loading does the
   * analysis in workers and only maps their term ids here). Takes ownership of the arrays:
   * `termIds` and `hiddenTermIds` are kept and sorted in place (`termIds` only once an
   * explanation first looks into the doc: sorting every doc's ~100 ids cost ~3 µs a doc of the
   * bulk load, on the thread that indexes, for the few docs that are ever explained).
   */
  upsertInterned(id: string, termIds: Int32Array, counts: ArrayLike<number>, hiddenTermIds: Int32Array | undefined, attributes: ItemAttributes): void {
    this.remove(id);
    const doc = this.docs.length;
    let length = 0;
    for (let i = 0; i < counts.length; i++) length += counts[i];
    if (doc === this.docLengths.length) {
      const grown = new Float32Array(doc * 2);
      grown.set(this.docLengths);
      this.docLengths = grown;
    }
    this.docLengths[doc] = length;
    for (let i = 0; i < termIds.length; i++) this.postings[termIds[i]].append(doc, counts[i], length);
    hiddenTermIds?.sort();
    this.docs.push({ id, termIds, hiddenTermIds, attributes, sorted: false });
    this.docById.set(id, doc);
    this.totalLength += length;
  }

  remove(id: string): boolean {
    const doc = this.docById.get(id);
    if (doc === undefined) return false;
    const stored = this.docs[doc];
    if (stored) for (const termId of stored.termIds) this.postings[termId].docFrequency--;
    this.docs[doc] = undefined;
    this.docById.delete(id);
    this.totalLength -= this.docLengths[doc];
    this.deadDocs++;
    if (this.deadDocs > 1000 && this.deadDocs * 4 > this.docs.length) this.compact();
    return true;
  }

  /** Document slots in use, live or removed-but-not-yet-compacted (bounded by ~4/3 of `size` + 1000). */
  get slots(): number {
    return this.docs.length;
  }

  /**
   * Sweeps removed documents out of the posting lists and renumbers the live ones densely, so
   * their slots (doc entry, length, id) are reclaimed: removing and re-adding items forever
   * keeps the index bounded. Doc numbers are internal and never held across calls.
   */
  compact(): void {
    const remap = new Int32Array(this.docs.length);
    const docs: (StoredDoc | undefined)[] = [];
    const lengths = new Float32Array(Math.max(1024, this.docById.size));
    for (let doc = 0; doc < this.docs.length; doc++) {
      const stored = this.docs[doc];
      if (!stored) {
        remap[doc] = -1;
        continue;
      }
      remap[doc] = docs.length;
      lengths[docs.length] = this.docLengths[doc];
      this.docById.set(stored.id, docs.length);
      docs.push(stored);
    }
    for (const list of this.postings) list.compact(remap);
    this.docs = docs;
    this.docLengths = lengths;
    this.deadDocs = 0;
  }

  /** Releases spare array capacity after a bulk load, and computes score bounds before the first query needs them. */
  trim(): void {
    const average = this.averageDocLength();
    for (const list of this.postings) {
      list.trim();
      list.scoreBound(average, this.docLengths, BM25.k1, BM25.b);
    }
  }

  docId(doc: number): string {
    return this.docs[doc]?.id ?? '';
  }

  docNumber(id: string): number | undefined {
    return this.docById.get(id);
  }

  attributes(doc: number): ItemAttributes | undefined {
    return this.docs[doc]?.attributes;
  }

  /** Whether the doc contains the term in a field its owner allows explanations to name. */
  isExplainableTerm(doc: number, term: string): boolean {
    return this.isExplainableTermId(doc, this.termId(term));
  }

  /** `isExplainableTerm` by term id (-1: unknown term). */
  isExplainableTermId(doc: number, termId: number): boolean {
    const stored = this.docs[doc];
    if (!stored || termId < 0) return false;
    if (stored.hiddenTermIds && binaryIncludes(stored.hiddenTermIds, termId)) return false;
    if (!stored.sorted) {
      stored.termIds.sort();
      stored.sorted = true;
    }
    return binaryIncludes(stored.termIds, termId);
  }

  /** The term's id, or -1 if no document ever had it. */
  termId(term: string): number {
    return this.termIds.get(term) ?? -1;
  }

  idf(term: string): number {
    const termId = this.termIds.get(term);
    const df = termId === undefined ? 0 : this.postings[termId].docFrequency;
    const n = this.docById.size;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  averageDocLength(): number {
    return this.docById.size === 0 ? 1 : this.totalLength / this.docById.size;
  }

  /** The query terms that take part in scoring: known ones, minus dynamic stopwords, at most `maxTerms`. */
  retrievalTerms(query: readonly QueryTerm[], options: SearchOptions = {}): QueryTerm[] {
    const frequency = (term: string) => this.postings[this.termIds.get(term) ?? -1]?.docFrequency ?? 0;
    const known = query.filter(({ term }) => frequency(term) > 0);
    if (options.allTerms || this.docById.size < MIN_DOCS_FOR_COMMON_TERMS) return known;
    const informative = known.filter(({ term }) => frequency(term) <= SEARCH_TUNING.commonTermFraction * this.docById.size);
    const chosen = informative.length > 0 ? informative : known;
    if (chosen.length <= SEARCH_TUNING.maxTerms) return chosen;
    const strongest = (terms: QueryTerm[]) => terms
      .map((q) => ({ q, strength: q.weight * this.idf(q.term) }))
      .sort((a, b) => b.strength - a.strength || (a.q.term < b.q.term ? -1 : 1))
      .slice(0, SEARCH_TUNING.maxTerms)
      .map(({ q }) => q);
    return [...strongest(chosen.filter((q) => !q.derived)), ...strongest(chosen.filter((q) => q.derived))];
  }

  /** Whether retrieval left out any known query term (dynamic stopwords or the term budget). */
  prunedAnyTerm(query: readonly QueryTerm[]): boolean {
    const known = query.filter(({ term }) => (this.postings[this.termIds.get(term) ?? -1]?.docFrequency ?? 0) > 0);
    return this.retrievalTerms(query).length < known.length;
  }

  /** BM25 of a pseudo-document with the given term counts: the best score a query can reach, for calibration. */
  selfScore(query: readonly QueryTerm[], counts: ReadonlyMap<string, number>): number {
    let length = 0;
    for (const count of counts.values()) length += count;
    const norm = this.lengthNorm(length);
    let score = 0;
    const retrieved = new Set(this.retrievalTerms(query).map((q) => q.term));
    // Unknown terms count (a query full of words no item has should not look fully matched);
    // dynamic stopwords do not, as no item's score includes them.
    for (const { term, weight } of query.filter((q) => retrieved.has(q.term) || !this.termIds.has(q.term))) {
      const tf = Math.min(255, counts.get(term) ?? 0);
      score += weight * this.idf(term) * ((tf * (BM25.k1 + 1)) / (tf + norm));
    }
    return score;
  }

  /**
   * Top-k documents by BM25, using MaxScore dynamic pruning: once the
   * k-th best score exceeds the summed bounds of the weakest terms, documents that contain only
   * those terms are never visited. Results equal an exhaustive ranking (tested).
   */
  search(query: readonly QueryTerm[], k: number, options: SearchOptions = {}): TextHit[] {
    const avgLength = this.averageDocLength();
    const cursors: SearchCursor[] = [];
    for (const { term, weight } of this.retrievalTerms(query, options)) {
      const list = this.postings[this.termIds.get(term) as number];
      const weightIdf = weight * this.idf(term);
      const bound = weightIdf * list.scoreBound(avgLength, this.docLengths, BM25.k1, BM25.b);
      cursors.push({ list, weightIdf, bound });
    }
    if (cursors.length === 0 || k <= 0) return [];
    cursors.sort((a, b) => a.bound - b.bound);
    const n = cursors.length;

    const heap = new TopKHeap(k);
    const lengths = this.docLengths;
    const normBase = BM25.k1 * (1 - BM25.b);
    const normScale = (BM25.k1 * BM25.b) / avgLength;
    let threshold = 0;
    // MaxScore: with cursors ordered by bound, the weakest ones whose summed bounds cannot beat
    // the threshold are "non-essential": candidates come only from the essential lists, and the
    // others are probed (galloping seek) only while the candidate could still make the top k.
    const prefixBound = new Float64Array(n);
    for (let i = 0, sum = 0; i < n; i++) prefixBound[i] = sum += cursors[i].bound;
    // Flat per-cursor arrays keep the hot loop free of property chains.
    const docsOf = cursors.map((c) => c.list.docs);
    const countsOf = cursors.map((c) => c.list.counts);
    const lists = cursors.map((c) => c.list);
    const ends = Int32Array.from(cursors, (c) => c.list.length);
    const weightIdf = Float64Array.from(cursors, (c) => c.weightIdf);
    const pos = new Int32Array(n);
    const END = 0x7fffffff;
    const current = Int32Array.from(cursors, (c) => (c.list.length > 0 ? c.list.docs[0] : END));
    const k1Plus1 = BM25.k1 + 1;
    let firstEssential = 0;
    while (firstEssential < n && prefixBound[firstEssential] <= threshold) firstEssential++;
    const nextCandidate = () => {
      let next = END;
      for (let i = firstEssential; i < n; i++) if (current[i] < next) next = current[i];
      return next;
    };
    let doc = nextCandidate();
    while (firstEssential < n && doc !== END) {
      const norm = normBase + normScale * lengths[doc];
      let score = 0;
      // One pass scores the essential lists on `doc`, advances them and finds the next candidate.
      let next = END;
      for (let i = firstEssential; i < n; i++) {
        let at = current[i];
        if (at === doc) {
          const p = pos[i];
          const tf = countsOf[i][p];
          score += weightIdf[i] * ((tf * k1Plus1) / (tf + norm));
          pos[i] = p + 1;
          at = current[i] = p + 1 < ends[i] ? docsOf[i][p + 1] : END;
        }
        if (at < next) next = at;
      }
      for (let i = firstEssential - 1; i >= 0 && score + prefixBound[i] > threshold; i--) {
        if (current[i] < doc) {
          const p = (pos[i] = lists[i].seek(pos[i], doc));
          current[i] = p < ends[i] ? docsOf[i][p] : END;
        }
        if (current[i] === doc) {
          const tf = countsOf[i][pos[i]];
          score += weightIdf[i] * ((tf * k1Plus1) / (tf + norm));
        }
      }
      if (score > threshold && this.docs[doc] !== undefined) {
        heap.push(doc, score);
        if (heap.isFull()) {
          threshold = heap.minScore();
          const before = firstEssential;
          while (firstEssential < n && prefixBound[firstEssential] <= threshold) firstEssential++;
          // Lists that just became non-essential no longer propose candidates.
          if (firstEssential !== before) next = nextCandidate();
        }
      }
      doc = next;
    }
    return heap.sortedDescending();
  }

  private lengthNorm(length: number): number {
    return BM25.k1 * (1 - BM25.b + (BM25.b * length) / this.averageDocLength());
  }

  /** The term's id, assigned on first sight. */
  internTerm(term: string): number {
    let termId = this.termIds.get(term);
    if (termId === undefined) {
      termId = this.terms.length;
      this.termIds.set(term, termId);
      this.terms.push(term);
      this.postings.push(new PostingList());
    }
    return termId;
  }
}

function binaryIncludes(sorted: Int32Array, value: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] === value) return true;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}
