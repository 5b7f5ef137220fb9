import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { ConceptDictionary } from './concept-dictionary';
import { BatchDecoder, type EncodedBatch } from './encoded-batch';
import { InvertedIndex } from './inverted-index';
import { type MatchItem, MatchItemError, parseMatchItem } from './match-item.schema';
import { type ItemAttributes, prepareItem, type PreparedItem } from './prepare-item';
import type { PrepareFailure, PrepareRequest } from './prepare.worker';
import { startWorker } from '../../shared/workers/start-worker';
import { TermCounter } from './term-counter';

export interface ParallelLoadOptions {
  /** Worker threads analysing items (default: one per core but one, 1 at least; 0 = analyse on this thread). */
  workers?: number;
  /** Items per message to a worker (default 1000: large enough that messaging costs little). */
  batchSize?: number;
}

/** Items, or their JSON texts (e.g. lines of a JSONL file: the worker parses them, not this thread). */
export type ItemSource = Iterable<unknown> | AsyncIterable<unknown>;

// Each worker holds at most this many batches, so some are queued while another is analysed and
// input is read no faster than it is indexed. With 2, a worker ran dry while this thread analysed
// a batch of its own and indexed the replies (~14 % of a 200k build's worker time idle).
const IN_FLIGHT_PER_WORKER = 3;

/**
 * Builds a fresh index from items: workers validate and analyse (fold scripts, segment, stem,
 * find concepts — the costly part), this thread maps their term ids and appends postings, so
 * indexing overlaps analysis; when all workers are busy it analyses a batch itself. Items are added in input order (so ties rank as in a
 * sequential build). The first invalid item rejects with a MatchItemError naming its position.
 */
export async function buildIndexParallel(source: ItemSource, dictionary: ConceptDictionary, options: ParallelLoadOptions = {}): Promise<InvertedIndex> {
  const index = new InvertedIndex();
  // This thread reads input and indexes in order, on the critical path: it keeps a core. On the
  // loaded 2-core benchmark machine, 1 worker built 200k offers in 30 s where 2 took 46 s.
  const workerCount = options.workers ?? Math.max(1, availableParallelism() - 1);
  // Items analysed on this thread have their terms counted straight into the index's term ids.
  const counter = new TermCounter(dictionary, index.internTerm.bind(index));
  const analyseHere = (item: MatchItem): AnalysedItem => {
    let counted: AnalysedItem | undefined;
    const found = counter.count(item, (ids, counts) => {
      counted = { id: item.id, termIds: ids, counts, attributes: prepareItem(item, dictionary, { terms: false }).attributes };
    });
    return found && counted ? counted : prepareItem(item, dictionary);
  };
  const indexAnalysed = (item: AnalysedItem) => {
    if ('terms' in item) index.upsert(item);
    else index.upsertInterned(item.id, item.termIds, item.counts, undefined, item.attributes);
  };
  if (workerCount <= 0) {
    let position = 0;
    for await (const raw of source) {
      position++;
      try {
        indexAnalysed(analyseHere(parseMatchItem(typeof raw === 'string' ? JSON.parse(raw) : raw)));
      } catch (error) {
        throw positioned(error, position);
      }
    }
    index.trim();
    return index;
  }
  const batchSize = options.batchSize ?? 1000;
  const workers = Array.from({ length: workerCount }, () => startPrepareWorker(dictionary));
  const decoders = workers.map(() => new BatchDecoder());
  const inFlight = new Int32Array(workerCount);
  // Batches analysed but not yet indexed: by a worker (encoded) or on this thread (prepared).
  const pending = new Map<number, { worker: number; batch: EncodedBatch } | { prepared: AnalysedItem[] }>();
  let nextToApply = 0;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const add = index.upsertInterned.bind(index);
  const intern = index.internTerm.bind(index);
  // Apply in input order; a worker's own batches come back in the order it got them, so its
  // new terms are always interned before any batch that uses them.
  const applyReady = () => {
    for (let next = pending.get(nextToApply); next && failure === undefined; next = pending.get(nextToApply)) {
      pending.delete(nextToApply++);
      if ('prepared' in next) for (const item of next.prepared) indexAnalysed(item);
      else decoders[next.worker].decode(next.batch, intern, add);
    }
  };
  workers.forEach((worker, w) => {
    worker.on('message', (message: EncodedBatch | PrepareFailure) => {
      inFlight[w]--;
      if ('error' in message) {
        failure ??= new MatchItemError(message.error.field, `${message.error.detail} (item ${message.seq * batchSize + message.error.index + 1})`);
      } else {
        pending.set(message.seq, { worker: w, batch: message });
        applyReady();
      }
      notify();
    });
    worker.on('error', (error) => {
      failure ??= error;
      notify();
    });
    worker.on('exit', (code) => {
      if (nextToApply < seq || inFlight[w] > 0) failure ??= new Error(`matching worker exited early (code ${code})`);
      notify();
    });
  });
  const waitFor = async (ready: () => boolean) => {
    while (failure === undefined && !ready()) await new Promise<void>((resolve) => (wake = resolve));
    if (failure !== undefined) throw failure;
  };
  let seq = 0;
  try {
    const dispatch = async (items: unknown[]) => {
      if (failure !== undefined) throw failure;
      const target = inFlight.indexOf(Math.min(...inFlight));
      if (inFlight[target] < IN_FLIGHT_PER_WORKER) {
        inFlight[target]++;
        const request: PrepareRequest = { seq: seq++, items };
        workers[target].postMessage(request);
        return;
      }
      // Every worker has work queued: rather than wait, this thread analyses the batch itself
      // (its indexing share leaves it idle most of the time), then lets worker replies in.
      const first = seq * batchSize;
      const prepared = items.map((raw, i) => {
        try {
          return analyseHere(parseMatchItem(typeof raw === 'string' ? JSON.parse(raw) : raw));
        } catch (error) {
          throw positioned(error, first + i + 1);
        }
      });
      pending.set(seq++, { prepared });
      applyReady();
      await new Promise((resolve) => setImmediate(resolve));
    };
    let batch: unknown[] = [];
    for await (const raw of source) {
      batch.push(raw);
      if (batch.length === batchSize) {
        await dispatch(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await dispatch(batch);
    await waitFor(() => nextToApply === seq);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  index.trim();
  return index;
}

/** An item analysed on this thread: terms counted into the index's ids, or prepared whole (confidential text). */
type AnalysedItem = PreparedItem | { id: string; termIds: Int32Array; counts: Int32Array; attributes: ItemAttributes };

function positioned(error: unknown, position: number): unknown {
  if (error instanceof MatchItemError) return new MatchItemError(error.field, `${error.detail} (item ${position})`);
  if (error instanceof SyntaxError) return new MatchItemError('(line)', `not valid JSON (item ${position})`);
  return error;
}

function startPrepareWorker(dictionary: ConceptDictionary): Worker {
  // Analysis allocates many short-lived strings: a larger young generation means fewer scavenges
  // (measured: ~5–10 % less CPU for a 200k-offer build than V8's default).
  return startWorker(import.meta.url, 'prepare.worker', { concepts: dictionary.concepts, lexicon: dictionary.lexicon?.serialized }, { maxYoungGenerationSizeMb: 96 });
}
