/**
 * One term's postings: ascending internal doc numbers with their term counts, in growable
 * typed arrays (5 bytes per posting instead of a JS object). Docs are only ever appended with
 * increasing numbers, so the list stays sorted without insertion work.
 */
export class PostingList {
  docs = new Int32Array(4);
  counts = new Uint8Array(4);
  length = 0;
  /** Live documents containing the term (removed docs stay in `docs` until compaction). */
  docFrequency = 0;

  /**
   * Cached upper bound of the BM25 term-frequency part over this list's postings, valid while
   * the index's average document length stays ≤ `boundAverage` (the part only grows with the
   * average). Tighter than combining the largest count with the shortest document (on the
   * generated corpus that saved only ~2 % of the postings visited, but it never costs more);
   * -1 = not computed.
   */
  private bound = -1;
  private boundAverage = 0;
  private boundK1 = 0;
  private boundB = 0;

  scoreBound(averageLength: number, docLengths: Float32Array, k1: number, b: number): number {
    if (this.bound >= 0 && averageLength <= this.boundAverage && k1 === this.boundK1 && b === this.boundB) return this.bound;
    // 10 % headroom, so a drifting average does not force a rescan after every update.
    const average = averageLength * 1.1;
    let best = 0;
    for (let i = 0; i < this.length; i++) {
      const tf = this.counts[i];
      const part = (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * docLengths[this.docs[i]]) / average));
      if (part > best) best = part;
    }
    this.bound = best;
    this.boundAverage = average;
    this.boundK1 = k1;
    this.boundB = b;
    return best;
  }

  append(doc: number, count: number, docLength: number): void {
    if (this.bound >= 0) {
      const tf = Math.min(255, count);
      const k1 = this.boundK1;
      const part = (tf * (k1 + 1)) / (tf + k1 * (1 - this.boundB + (this.boundB * docLength) / this.boundAverage));
      if (part > this.bound) this.bound = part;
    }
    if (this.length === this.docs.length) {
      const capacity = this.length * 2;
      const docs = new Int32Array(capacity);
      docs.set(this.docs);
      const counts = new Uint8Array(capacity);
      counts.set(this.counts);
      this.docs = docs;
      this.counts = counts;
    }
    const clamped = Math.min(255, count);
    this.docs[this.length] = doc;
    this.counts[this.length] = clamped;
    this.length++;
    this.docFrequency++;
  }

  /** Releases spare capacity (after a bulk build, growable arrays are up to half empty). */
  trim(): void {
    if (this.docs.length === this.length) return;
    this.docs = this.docs.slice(0, this.length);
    this.counts = this.counts.slice(0, this.length);
  }

  /**
   * Drops postings of removed docs and renumbers the rest: `remap[doc]` is the doc's new number,
   * or -1 if it was removed. Renumbering keeps the order, so the list stays sorted.
   */
  compact(remap: Int32Array): void {
    let kept = 0;
    for (let i = 0; i < this.length; i++) {
      const doc = remap[this.docs[i]];
      if (doc < 0) continue;
      this.docs[kept] = doc;
      this.counts[kept] = this.counts[i];
      kept++;
    }
    this.length = kept;
    this.trim();
  }

  /** First position ≥ `from` whose doc is ≥ `target` (galloping, then binary search). */
  seek(from: number, target: number): number {
    const docs = this.docs;
    const end = this.length;
    if (from >= end || docs[from] >= target) return from;
    let step = 1;
    let low = from;
    let high = from + 1;
    while (high < end && docs[high] < target) {
      low = high;
      step *= 2;
      high = from + step;
    }
    if (high > end) high = end;
    while (low + 1 < high) {
      const mid = (low + high) >>> 1;
      if (docs[mid] < target) low = mid;
      else high = mid;
    }
    return high;
  }
}
