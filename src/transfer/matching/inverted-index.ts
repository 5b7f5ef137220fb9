import { PostingList } from './posting-list';
import type { ItemAttributes, PreparedItem } from './prepare-item';
import { TopKHeap } from './top-k-heap';

/** BM25 parameters: k1 saturates repeated terms, b normalises for document length. */
export const BM25 = { k1: 1.2, b: 0.75 } as const;

export interface QueryTerm {
  term: string;
  /** Query-side weight (counts in the query × per-kind boost). */
  weight: number;
}

export interface TextHit {
  doc: number;
  score: number;
}

interface StoredDoc {
  id: string;
  termIds: Int32Array;
  /** Term ids that must not appear in explanations (undefined: none). */
  hiddenTermIds?: Int32Array;
  attributes: ItemAttributes;
}

/**
 * In-memory inverted index with BM25 scoring and MaxScore dynamic pruning.
 * Documents get increasing internal numbers; an update is a remove plus an add, a removal
 * only marks the document dead (postings are swept by `compact`, run automatically when a
 * quarter of the postings belong to dead documents).
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
    this.remove(item.id);
    const doc = this.docs.length;
    let length = 0;
    for (const count of item.terms.values()) length += count;
    if (doc === this.docLengths.length) {
      const grown = new Float32Array(doc * 2);
      grown.set(this.docLengths);
      this.docLengths = grown;
    }
    this.docLengths[doc] = length;
    const termIds = new Int32Array(item.terms.size);
    let i = 0;
    for (const [term, count] of item.terms) {
      const termId = this.internTerm(term);
      termIds[i++] = termId;
      this.postings[termId].append(doc, count, length);
    }
    termIds.sort(); // sorted, for binary search when explaining
    let hiddenTermIds: Int32Array | undefined;
    if (item.hiddenTerms.size > 0) {
      hiddenTermIds = Int32Array.from([...item.hiddenTerms].map((t) => this.termIds.get(t) ?? -1)).sort();
    }
    this.docs.push({ id: item.id, termIds, hiddenTermIds, attributes: item.attributes });
    this.docById.set(item.id, doc);
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

  /** Sweeps removed documents out of the posting lists. */
  compact(): void {
    const isLive = (doc: number) => this.docs[doc] !== undefined;
    for (const list of this.postings) list.compact(isLive);
    this.deadDocs = 0;
  }

  /** Releases spare array capacity after a bulk load. */
  trim(): void {
    for (const list of this.postings) list.trim();
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
    const stored = this.docs[doc];
    const termId = this.termIds.get(term);
    if (!stored || termId === undefined) return false;
    if (stored.hiddenTermIds && binaryIncludes(stored.hiddenTermIds, termId)) return false;
    return binaryIncludes(stored.termIds, termId);
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

  /** BM25 of a pseudo-document with the given term counts: the best score a query can reach, for calibration. */
  selfScore(query: readonly QueryTerm[], counts: ReadonlyMap<string, number>): number {
    let length = 0;
    for (const count of counts.values()) length += count;
    const norm = this.lengthNorm(length);
    let score = 0;
    for (const { term, weight } of query) {
      const tf = Math.min(255, counts.get(term) ?? 0);
      score += weight * this.idf(term) * ((tf * (BM25.k1 + 1)) / (tf + norm));
    }
    return score;
  }

  /**
   * Top-k documents by BM25, using MaxScore: query terms are ordered by their score upper bound,
   * and once the k-th best score exceeds the summed bounds of the weakest terms, documents that
   * contain only those terms are never visited, and they are only probed (by galloping seek)
   * for documents that could still enter the top k.
   */
  search(query: readonly QueryTerm[], k: number): TextHit[] {
    const avgLength = this.averageDocLength();
    const cursors: { list: PostingList; weightIdf: number; bound: number; pos: number }[] = [];
    for (const { term, weight } of query) {
      const termId = this.termIds.get(term);
      if (termId === undefined) continue;
      const list = this.postings[termId];
      if (list.docFrequency === 0) continue;
      const weightIdf = weight * this.idf(term);
      const bestNorm = BM25.k1 * (1 - BM25.b + (BM25.b * list.minDocLength) / avgLength);
      const bound = weightIdf * ((list.maxCount * (BM25.k1 + 1)) / (list.maxCount + bestNorm));
      cursors.push({ list, weightIdf, bound, pos: 0 });
    }
    if (cursors.length === 0 || k <= 0) return [];
    cursors.sort((a, b) => a.bound - b.bound);
    const n = cursors.length;
    const prefixBound = new Float64Array(n);
    for (let i = 0, sum = 0; i < n; i++) prefixBound[i] = sum += cursors[i].bound;

    const heap = new TopKHeap(k);
    const lengths = this.docLengths;
    const normBase = BM25.k1 * (1 - BM25.b);
    const normScale = (BM25.k1 * BM25.b) / avgLength;
    let threshold = 0;
    let firstEssential = 0; // cursors below this index are non-essential
    for (;;) {
      let doc = 0x7fffffff;
      for (let i = firstEssential; i < n; i++) {
        const c = cursors[i];
        if (c.pos < c.list.length && c.list.docs[c.pos] < doc) doc = c.list.docs[c.pos];
      }
      if (doc === 0x7fffffff) break;
      const norm = normBase + normScale * lengths[doc];
      let score = 0;
      for (let i = firstEssential; i < n; i++) {
        const c = cursors[i];
        if (c.pos < c.list.length && c.list.docs[c.pos] === doc) {
          const tf = c.list.counts[c.pos];
          score += c.weightIdf * ((tf * (BM25.k1 + 1)) / (tf + norm));
          c.pos++;
        }
      }
      for (let i = firstEssential - 1; i >= 0 && score + prefixBound[i] > threshold; i--) {
        const c = cursors[i];
        c.pos = c.list.seek(c.pos, doc);
        if (c.pos < c.list.length && c.list.docs[c.pos] === doc) {
          const tf = c.list.counts[c.pos];
          score += c.weightIdf * ((tf * (BM25.k1 + 1)) / (tf + norm));
        }
      }
      if (score > threshold && this.docs[doc] !== undefined) {
        heap.push(doc, score);
        if (heap.isFull()) {
          threshold = heap.minScore();
          while (firstEssential < n && prefixBound[firstEssential] <= threshold) firstEssential++;
          if (firstEssential === n) break;
        }
      }
    }
    return heap.sortedDescending();
  }

  private lengthNorm(length: number): number {
    return BM25.k1 * (1 - BM25.b + (BM25.b * length) / this.averageDocLength());
  }

  private internTerm(term: string): number {
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
