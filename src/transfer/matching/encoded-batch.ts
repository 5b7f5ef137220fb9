import type { ConceptDictionary } from './concept-dictionary';
import type { ItemField, MatchItem } from './match-item.schema';
import { ALL_FIELDS, type ItemAttributes, type PreparedItem, prepareItem } from './prepare-item';
import { TermCounter } from './term-counter';

/**
 * A batch of prepared items as a worker thread sends it back: terms as ids of the worker's own
 * vocabulary in flat typed arrays (transferred, not copied), so the main thread neither
 * deserialises a Map per item nor hashes every term string again — it only interns the
 * `newTerms` the worker met for the first time and maps ids through a table.
 */
export interface EncodedBatch {
  seq: number;
  /** Terms first seen by this worker in this batch; their local ids continue the worker's numbering. */
  newTerms: string[];
  ids: string[];
  /** Item i's terms are `termIds`/`counts` at [offsets[i], offsets[i + 1]). */
  offsets: Int32Array;
  termIds: Int32Array;
  counts: Int32Array;
  /** Item i's hidden terms (see PreparedItem) are `hiddenIds` at [hiddenOffsets[i], hiddenOffsets[i + 1]). */
  hiddenOffsets: Int32Array;
  hiddenIds: Int32Array;
  /** JSON array of attributes, `explainable` as a field list or null for all fields. */
  attributes: string;
}

/** Worker side: keeps the local vocabulary across batches. */
export class BatchEncoder {
  private readonly vocabulary = new Map<string, number>();
  /** Terms first met since the last batch was encoded. */
  private newTerms: string[] = [];
  private counter: TermCounter | undefined;
  private readonly localId = (term: string): number => {
    let id = this.vocabulary.get(term);
    if (id === undefined) {
      id = this.vocabulary.size;
      this.vocabulary.set(term, id);
      this.newTerms.push(term);
    }
    return id;
  };

  /**
   * Analyses and encodes validated items in one step: terms are counted straight into local ids
   * (`TermCounter`), attributes come from `prepareItem` without its text analysis. Items with
   * confidential text go through `prepareItem` whole. Same batch as `encode(prepareItem(...))`.
   */
  encodeItems(seq: number, items: readonly MatchItem[], dictionary: ConceptDictionary): EncodedBatch {
    this.counter ??= new TermCounter(dictionary, this.localId);
    const counter = this.counter;
    const offsets = new Int32Array(items.length + 1);
    let termIds = new Int32Array(items.length * 64);
    let counts = new Int32Array(items.length * 64);
    const hidden: number[] = [];
    const hiddenOffsets = new Int32Array(items.length + 1);
    const attributes: ItemAttributes[] = [];
    let at = 0;
    const append = (ids: ArrayLike<number>, itemCounts: ArrayLike<number>) => {
      if (at + ids.length > termIds.length) {
        const size = Math.max(at + ids.length, termIds.length * 2);
        const grownIds = new Int32Array(size);
        grownIds.set(termIds);
        termIds = grownIds;
        const grownCounts = new Int32Array(size);
        grownCounts.set(counts);
        counts = grownCounts;
      }
      termIds.set(ids, at);
      counts.set(itemCounts, at);
      at += ids.length;
    };
    items.forEach((item, i) => {
      if (counter.count(item, append)) {
        attributes.push(prepareItem(item, dictionary, { terms: false }).attributes);
      } else {
        const prepared = prepareItem(item, dictionary);
        append([...prepared.terms.keys()].map(this.localId), [...prepared.terms.values()]);
        for (const term of prepared.hiddenTerms) hidden.push(this.localId(term));
        attributes.push(prepared.attributes);
      }
      offsets[i + 1] = at;
      hiddenOffsets[i + 1] = hidden.length;
    });
    const newTerms = this.newTerms;
    this.newTerms = [];
    return {
      seq,
      newTerms,
      ids: items.map((item) => item.id),
      offsets,
      termIds: termIds.slice(0, at),
      counts: counts.slice(0, at),
      hiddenOffsets,
      hiddenIds: Int32Array.from(hidden),
      attributes: encodeAttributes(attributes),
    };
  }

  encode(seq: number, items: readonly PreparedItem[]): EncodedBatch {
    const localId = this.localId;
    let total = 0;
    let hiddenTotal = 0;
    for (const item of items) {
      total += item.terms.size;
      hiddenTotal += item.hiddenTerms.size;
    }
    const offsets = new Int32Array(items.length + 1);
    const termIds = new Int32Array(total);
    const counts = new Int32Array(total);
    const hiddenOffsets = new Int32Array(items.length + 1);
    const hiddenIds = new Int32Array(hiddenTotal);
    let at = 0;
    let hiddenAt = 0;
    items.forEach((item, i) => {
      for (const [term, count] of item.terms) {
        termIds[at] = localId(term);
        counts[at++] = count;
      }
      for (const term of item.hiddenTerms) hiddenIds[hiddenAt++] = localId(term);
      offsets[i + 1] = at;
      hiddenOffsets[i + 1] = hiddenAt;
    });
    const attributes = encodeAttributes(items.map((item) => item.attributes));
    const newTerms = this.newTerms;
    this.newTerms = [];
    return { seq, newTerms, ids: items.map((item) => item.id), offsets, termIds, counts, hiddenOffsets, hiddenIds, attributes };
  }
}

function encodeAttributes(attributes: readonly ItemAttributes[]): string {
  return JSON.stringify(attributes.map((a) => ({ ...a, explainable: a.explainable === ALL_FIELDS ? null : [...a.explainable] })));
}

/** The buffers a batch can hand over without copying. */
export function transferList(batch: EncodedBatch): ArrayBuffer[] {
  return [batch.offsets, batch.termIds, batch.counts, batch.hiddenOffsets, batch.hiddenIds].map((a) => a.buffer as ArrayBuffer);
}

type EncodedAttributes = Omit<ItemAttributes, 'explainable'> & { explainable: ItemField[] | null };

/** Main-thread side: one per worker, maps its local term ids to the index's. */
export class BatchDecoder {
  private globalIds = new Int32Array(1024);
  private known = 0;

  /**
   * Calls `add` per item with global, per-item term id arrays (views into the batch buffer) —
   * the shape `InvertedIndex.upsertInterned` takes.
   */
  decode(
    batch: EncodedBatch,
    intern: (term: string) => number,
    add: (id: string, termIds: Int32Array, counts: Int32Array, hidden: Int32Array | undefined, attributes: ItemAttributes) => void,
  ): void {
    for (const term of batch.newTerms) {
      if (this.known === this.globalIds.length) {
        const grown = new Int32Array(this.known * 2);
        grown.set(this.globalIds);
        this.globalIds = grown;
      }
      this.globalIds[this.known++] = intern(term);
    }
    const { termIds, hiddenIds, offsets, hiddenOffsets, counts } = batch;
    for (let i = 0; i < termIds.length; i++) termIds[i] = this.globalIds[termIds[i]];
    for (let i = 0; i < hiddenIds.length; i++) hiddenIds[i] = this.globalIds[hiddenIds[i]];
    const attributes = JSON.parse(batch.attributes) as EncodedAttributes[];
    for (let i = 0; i < batch.ids.length; i++) {
      const encoded = attributes[i];
      // The parsed object becomes the item's attributes (no copy per item): only `explainable` is rebuilt.
      const decoded = encoded as unknown as ItemAttributes;
      (decoded as { explainable: ReadonlySet<ItemField> }).explainable = encoded.explainable === null ? ALL_FIELDS : new Set(encoded.explainable);
      const hidden = hiddenOffsets[i + 1] > hiddenOffsets[i] ? hiddenIds.subarray(hiddenOffsets[i], hiddenOffsets[i + 1]) : undefined;
      add(batch.ids[i], termIds.subarray(offsets[i], offsets[i + 1]), counts.subarray(offsets[i], offsets[i + 1]), hidden, decoded);
    }
  }
}
