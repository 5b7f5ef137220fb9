/** Worker thread entry: rebuild the model from plain data and evaluate a slice of runs. */
import { parentPort, workerData } from 'node:worker_threads';
import { isCompositeError } from './errors';
import type { ModelSpec, RunSettings } from './fastModel';
import { runBatchInline } from './runBatch';

const { spec, runs } = workerData as { spec: ModelSpec; runs: RunSettings[] };
try {
  const res = runBatchInline(spec, runs);
  parentPort?.postMessage({ ok: true, units: res.units, scores: res.scores, ranks: res.ranks }, [res.scores.buffer as ArrayBuffer, res.ranks.buffer as ArrayBuffer]);
} catch (e) {
  const error = isCompositeError(e)
    ? { code: e.code, subject: e.subject, message: e.message }
    : { message: e instanceof Error ? e.message : String(e) };
  parentPort?.postMessage({ ok: false, error });
}
