import type { Worker } from 'node:worker_threads';
import type { Db } from '../../shared/db';
import type { PolicyCaseInput } from '../rules/case';
import { startWorker } from '../../shared/workers/start-worker';
import { addCounts, emptyCounts, type BatchCounts } from './batch-assess';
import { aggregateCasesText, type AggregateText, organisationIdRange } from './registry-cases.batch';
import { type Programme, PROGRAMMES } from './tiers';

/**
 * Self-assessment of every enterprise (of a zone set, or all) against the programmes, on registry data: the database
 * aggregates one range of organisation ids at a time into compact text, worker threads parse and assess it. Each lane
 * fetches its next range while its worker assesses the current one, so the database and the workers stay busy.
 */
export interface AssessAllOptions {
  date: string;
  zoneIds?: number[] | null;
  programmes?: Programme[];
  /** Rule versions added from files (their JSON definitions), used where in force. */
  extraDefinitions?: unknown[];
  /** Statements taken as made by every enterprise (merged over its registry case as a user's input is). */
  given?: PolicyCaseInput;
  workers?: number;
  /** Organisation ids per database round trip. */
  rangeSize?: number;
  onProgress?: (done: number) => void;
}

export interface AssessAllResult { enterprises: number; ranges: number; counts: BatchCounts }

class AssessWorker {
  private next = 0;
  private waiting = new Map<number, { ok: (v: { n: number; counts: BatchCounts }) => void; fail: (e: Error) => void }>();
  readonly ready: Promise<void>;
  constructor(private readonly worker: Worker) {
    let started: () => void = () => undefined;
    let broke: (e: Error) => void = () => undefined;
    this.ready = new Promise((ok, fail) => { started = ok; broke = fail; });
    worker.once('error', broke);
    worker.on('message', (m: { ready?: boolean; id: number; ok: boolean; n: number; counts: BatchCounts; error?: string }) => {
      if (m.ready) return started();
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.ok) w?.ok({ n: m.n, counts: m.counts }); else w?.fail(new Error(m.error));
    });
    worker.on('error', (e) => { for (const w of this.waiting.values()) w.fail(e); this.waiting.clear(); });
  }
  assess(text: AggregateText) {
    const id = this.next++;
    return new Promise<{ n: number; counts: BatchCounts }>((ok, fail) => { this.waiting.set(id, { ok, fail }); this.worker.postMessage({ id, text }); });
  }
  stop() { return this.worker.terminate(); }
}

/** Worker threads that have loaded the engine and compiled the versions in force: start them before timing work. */
export class AssessPool {
  private readonly workers: AssessWorker[];
  constructor(private readonly opts: AssessAllOptions) {
    const programmes = opts.programmes ?? [...PROGRAMMES];
    this.workers = Array.from({ length: Math.max(1, opts.workers ?? 2) }, () => new AssessWorker(
      startWorker(import.meta.url, 'batch-assess.worker', { date: opts.date, programmes, extraDefinitions: opts.extraDefinitions ?? [], given: opts.given })));
  }

  async ready(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.ready));
  }

  async run(db: Db): Promise<AssessAllResult> {
    const opts = this.opts;
    const zoneIds = opts.zoneIds ?? null;
    const appYear = Number(opts.date.slice(0, 4));
    const counts = emptyCounts(opts.programmes ?? [...PROGRAMMES]);
    const span = await organisationIdRange(db, zoneIds);
    if (!span) return { enterprises: 0, ranges: 0, counts };
    const size = opts.rangeSize ?? 10_000;
    const ranges: [number, number][] = [];
    for (let lo = span.lo; lo <= span.hi; lo += size) ranges.push([lo, Math.min(span.hi, lo + size - 1)]);
    let nextRange = 0;
    let enterprises = 0;
    const fetchNext = () => {
      const r = ranges[nextRange++];
      return r ? aggregateCasesText(db, r[0], r[1], appYear, zoneIds) : null;
    };
    await this.ready();
    await Promise.all(this.workers.map(async (worker) => {
      let pending = fetchNext();
      while (pending) {
        const text = await pending;
        pending = fetchNext();
        const done = await worker.assess(text);
        enterprises += done.n;
        addCounts(counts, done.counts);
        opts.onProgress?.(enterprises);
      }
    }));
    return { enterprises, ranges: ranges.length, counts };
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.stop()));
  }
}

export async function assessAll(db: Db, opts: AssessAllOptions): Promise<AssessAllResult> {
  const pool = new AssessPool(opts);
  try {
    return await pool.run(db);
  } finally {
    await pool.stop();
  }
}
