/**
 * Evaluate many runs of a model and return the top-level index scores, run-major
 * (scores[r * nUnits + i]). Large batches are split over worker threads; small ones run
 * inline because starting a worker costs more than a few hundred runs.
 */
import { availableParallelism } from 'node:os';
import { FastModel, type ModelSpec, type RunSettings } from './fastModel';
import { CompositeError, type CompositeErrorCode } from './errors';
import { rankDescending } from './rank';
import { startWorker } from '../../shared/workers/start-worker';

export interface BatchOptions {
  /** Number of worker threads; 0 = run inline. Default: available cores, when the batch is large. */
  workers?: number;
  /** Batches smaller than this run inline. Default 2000. */
  minRunsForWorkers?: number;
}

export interface BatchResult {
  units: string[];
  scores: Float64Array;
  /** Descending ranks of each run's scores, same layout (ranking is done where the runs ran). */
  ranks: Float64Array;
  nRuns: number;
}

export function runBatchInline(spec: ModelSpec, runs: RunSettings[], model = new FastModel(spec)): BatchResult {
  const n = model.n;
  const scores = new Float64Array(runs.length * n);
  const ranks = new Float64Array(runs.length * n);
  runs.forEach((run, r) => {
    const s = scores.subarray(r * n, (r + 1) * n);
    model.index(run, s);
    rankDescending(s, ranks.subarray(r * n, (r + 1) * n));
  });
  return { units: model.units, scores, ranks, nRuns: runs.length };
}

export async function runBatch(spec: ModelSpec, runs: RunSettings[], opts: BatchOptions = {}): Promise<BatchResult> {
  const threshold = opts.minRunsForWorkers ?? 2000;
  const nWorkers = Math.min(opts.workers ?? availableParallelism(), Math.ceil(runs.length / 100));
  if (nWorkers <= 0 || runs.length < threshold) return runBatchInline(spec, runs);
  const chunk = Math.ceil(runs.length / nWorkers);
  const parts = await Promise.all(
    Array.from({ length: nWorkers }, (_, w) => runInWorker(spec, runs.slice(w * chunk, (w + 1) * chunk))),
  );
  const units = parts[0].units;
  const scores = new Float64Array(runs.length * units.length);
  const ranks = new Float64Array(runs.length * units.length);
  let offset = 0;
  for (const p of parts) {
    scores.set(p.scores, offset);
    ranks.set(p.ranks, offset);
    offset += p.scores.length;
  }
  return { units, scores, ranks, nRuns: runs.length };
}

interface WorkerReply {
  ok: boolean;
  units?: string[];
  scores?: Float64Array;
  ranks?: Float64Array;
  error?: { code?: CompositeErrorCode; subject?: string; message: string };
}

function runInWorker(spec: ModelSpec, runs: RunSettings[]): Promise<BatchResult> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(import.meta.url, 'batch.worker', { spec, runs });
    worker.once('message', (msg: WorkerReply) => {
      void worker.terminate();
      if (msg.ok && msg.units && msg.scores && msg.ranks) resolve({ units: msg.units, scores: msg.scores, ranks: msg.ranks, nRuns: runs.length });
      else if (msg.error?.code) reject(new CompositeError(msg.error.code, msg.error.subject ?? '', msg.error.message));
      else reject(new Error(msg.error?.message ?? 'worker failed'));
    });
    worker.once('error', reject);
  });
}
