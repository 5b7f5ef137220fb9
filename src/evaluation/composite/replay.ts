/**
 * Replay of a recorded uncertainty analysis: each recorded run (winmax, normalisation with its
 * two parameters, aggregation at every level, a named weight set) is applied on top of the base
 * method and the top-level index recomputed, so a published analysis can be reproduced exactly.
 */
import { FastModel, type RunSettings } from './fastModel';
import { CompositeError } from './errors';
import { buildFramework } from './framework';
import type { AggregateMethodName, CompositeData, CompositeMethod, FrameworkNode, NormaliseMethod } from './types';
import { type BatchOptions, runBatch } from './runBatch';
import { rankDescending } from './rank';

export interface RecordedRun {
  run: string;
  winmax: number | null;
  /** COINr names: n_minmax (params l, u) or n_zscore (params m, s). */
  normalisation: 'n_minmax' | 'n_zscore' | null;
  normParam1: number | null;
  normParam2: number | null;
  /** COINr names: a_amean, a_gmean, a_hmean, a_copeland. */
  aggregation: string | null;
  weightSet: string | null;
}

export interface ReplayResult {
  units: string[];
  runs: string[];
  nominal: Float64Array;
  nominalRanks: Float64Array;
  /** One column of index scores per run. */
  scores: Float64Array[];
  ranks: Float64Array[];
}

const AGG: Record<string, AggregateMethodName> = { a_amean: 'amean', a_gmean: 'gmean', a_hmean: 'hmean', a_copeland: 'copeland' };

export function recordedToSettings(r: RecordedRun, setIndex: Map<string, number>): RunSettings {
  const s: RunSettings = {};
  if (r.winmax !== null) s.winmax = r.winmax;
  if (r.normalisation === 'n_minmax') {
    s.normalise = { method: 'minmax', lower: r.normParam1 ?? 0, upper: r.normParam2 ?? 100 } satisfies NormaliseMethod;
  } else if (r.normalisation === 'n_zscore') {
    s.normalise = { method: 'zscore', mean: r.normParam1 ?? 0, sd: r.normParam2 ?? 1 } satisfies NormaliseMethod;
  }
  if (r.aggregation !== null) {
    const a = AGG[r.aggregation];
    if (!a) throw new CompositeError('INVALID_METHOD', `run ${r.run}: aggregation`, `unknown aggregation "${r.aggregation}"`);
    s.aggregate = a;
  }
  if (r.weightSet !== null) {
    const k = setIndex.get(r.weightSet);
    if (k === undefined) throw new CompositeError('INVALID_WEIGHT', `run ${r.run}: weight_set`, `weight set "${r.weightSet}" is not defined`);
    s.weightSet = k;
  }
  return s;
}

export async function replayRuns(
  framework: FrameworkNode[],
  data: CompositeData,
  base: CompositeMethod,
  runs: RecordedRun[],
  weightSets: Record<string, Record<string, number>>,
  opts: BatchOptions = {},
): Promise<ReplayResult> {
  const fw = buildFramework(framework);
  for (const [name, set] of Object.entries(weightSets)) {
    for (const code of Object.keys(set)) {
      if (!fw.byCode.has(code)) throw new CompositeError('UNKNOWN_WEIGHT_CODE', code, `weight set "${name}" names a code that is not in the framework`);
    }
  }
  const names = Object.keys(weightSets);
  const setIndex = new Map(names.map((n, k) => [n, k]));
  const spec = { framework, data, base, weightSets: names.map((n) => weightSets[n]) };
  const model = new FastModel(spec);
  const nominal = model.index({});
  const settings = runs.map((r) => recordedToSettings(r, setIndex));
  const batch = await runBatch(spec, settings, opts);
  const n = model.n;
  const scores = runs.map((_, r) => batch.scores.slice(r * n, (r + 1) * n));
  return {
    units: model.units,
    runs: runs.map((r) => r.run),
    nominal,
    nominalRanks: rankDescending(nominal),
    scores,
    ranks: scores.map((c) => rankDescending(c)),
  };
}
