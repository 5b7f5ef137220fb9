/** Fixed-capacity min-heap of (doc, score) keeping the k best; ties prefer the lower doc number. */
export class TopKHeap {
  private readonly docs: Int32Array;
  private readonly scores: Float64Array;
  private count = 0;

  constructor(private readonly capacity: number) {
    this.docs = new Int32Array(capacity);
    this.scores = new Float64Array(capacity);
  }

  isFull(): boolean {
    return this.count === this.capacity;
  }

  minScore(): number {
    return this.count === 0 ? 0 : this.scores[0];
  }

  push(doc: number, score: number): void {
    if (this.count < this.capacity) {
      let i = this.count++;
      this.docs[i] = doc;
      this.scores[i] = score;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.less(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    if (score <= this.scores[0]) return;
    this.docs[0] = doc;
    this.scores[0] = score;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < this.count && this.less(left, smallest)) smallest = left;
      if (right < this.count && this.less(right, smallest)) smallest = right;
      if (smallest === i) break;
      this.swap(i, smallest);
      i = smallest;
    }
  }

  sortedDescending(): { doc: number; score: number }[] {
    const out: { doc: number; score: number }[] = [];
    for (let i = 0; i < this.count; i++) out.push({ doc: this.docs[i], score: this.scores[i] });
    return out.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  // "Worse" entries sit at the root: lower score, or the same score and a later doc.
  private less(a: number, b: number): boolean {
    return this.scores[a] < this.scores[b] || (this.scores[a] === this.scores[b] && this.docs[a] > this.docs[b]);
  }

  private swap(a: number, b: number): void {
    const doc = this.docs[a];
    this.docs[a] = this.docs[b];
    this.docs[b] = doc;
    const score = this.scores[a];
    this.scores[a] = this.scores[b];
    this.scores[b] = score;
  }
}
