/**
 * Uncertainty analysis over method choices (Saisana, Saltelli & Tarantola 2005; COINr
 * get_sensitivity): each run picks a winmax, a normalisation, an aggregation and a perturbed
 * weight set, rebuilds the index and ranks the units. Choices are drawn as uniforms and mapped
 * to discrete options with COINr's cut(x, k); weight sets multiply each weight at the chosen
 * levels by (1 + u·noise), u uniform on [−1, 1]. Summary per unit: nominal rank, mean, median
 * and the 5–95 % interval (R quantile type 7).
 */
import { FastModel, type ModelSpec, type RunSettings } from './fastModel';
import { buildFramework } from './framework';
import { createRng, cutToOptions, type Rng } from './random';
import { rankDescending } from './rank';
import { type BatchOptions, runBatch } from './runBatch';
import type { AggregateMethodName, CompositeData, CompositeMethod, FrameworkNode, NormaliseMethod } from './types';
import { metaWeights } from './weights';

export interface UncertainInputs {
  winmax?: number[];
  normalise?: NormaliseMethod[];
  aggregate?: AggregateMethodName[];
  weights?: { levels: number[]; noise: number; nSets?: number };
}

export type InputName = 'Winmax' | 'Normalisation' | 'Weights' | 'Aggregation';

export interface RankStats {
  uCode: string;
  nominal: number | null;
  mean: number | null;
  median: number | null;
  q5: number | null;
  q95: number | null;
}

export interface UncertaintyResult {
  units: string[];
  nominalScores: Float64Array;
  nominalRanks: Float64Array;
  /** Run-major ranks: ranks[r * nUnits + i]. */
  ranks: Float64Array;
  /** Run-major index scores. */
  scores: Float64Array;
  runs: RunSettings[];
  rankStats: RankStats[];
}

/** Inputs that are actually uncertain, in COINr's vignette order, with their option counts. */
export function activeInputs(inputs: UncertainInputs): { name: InputName; k: number }[] {
  const out: { name: InputName; k: number }[] = [];
  if (inputs.winmax?.length) out.push({ name: 'Winmax', k: inputs.winmax.length });
  if (inputs.normalise?.length) out.push({ name: 'Normalisation', k: inputs.normalise.length });
  if (inputs.weights) out.push({ name: 'Weights', k: inputs.weights.nSets ?? 100 });
  if (inputs.aggregate?.length) out.push({ name: 'Aggregation', k: inputs.aggregate.length });
  return out;
}

export function noisyWeightSets(framework: FrameworkNode[], spec: NonNullable<UncertainInputs['weights']>, rng: Rng): Record<string, number>[] {
  const fw = buildFramework(framework);
  const base = metaWeights(fw);
  const targets = fw.nodes.filter((n) => spec.levels.includes(n.level)).map((n) => n.iCode);
  return Array.from({ length: spec.nSets ?? 100 }, () => {
    const set: Record<string, number> = {};
    for (const c of targets) set[c] = base[c] * (1 + (2 * rng() - 1) * spec.noise);
    return set;
  });
}

/** Turn a design matrix of uniforms (row-major, d columns) into run settings. */
export function designToRuns(u: Float64Array, d: number, inputs: UncertainInputs): RunSettings[] {
  const act = activeInputs(inputs);
  const nRows = u.length / d;
  const idx = act.map((a, c) => cutToOptions(Float64Array.from({ length: nRows }, (_, r) => u[r * d + c]), a.k));
  return Array.from({ length: nRows }, (_, r) => {
    const run: RunSettings = {};
    act.forEach((a, c) => {
      const o = idx[c][r];
      if (a.name === 'Winmax') run.winmax = (inputs.winmax as number[])[o];
      else if (a.name === 'Normalisation') run.normalise = (inputs.normalise as NormaliseMethod[])[o];
      else if (a.name === 'Aggregation') run.aggregate = (inputs.aggregate as AggregateMethodName[])[o];
      else run.weightSet = o;
    });
    return run;
  });
}

export function rankRuns(scores: Float64Array, n: number, nRuns: number): Float64Array {
  const ranks = new Float64Array(scores.length);
  for (let r = 0; r < nRuns; r++) rankDescending(scores.subarray(r * n, (r + 1) * n), ranks.subarray(r * n, (r + 1) * n));
  return ranks;
}

/** R type-7 quantile of an ascending-sorted array. */
function sortedQuantile(s: Float64Array, p: number): number {
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo] + (h - lo) * (s[hi] - s[lo]);
}

export function summariseRanks(units: string[], nominalRanks: Float64Array, ranks: Float64Array, nRuns: number): RankStats[] {
  const n = units.length;
  const buf = new Float64Array(nRuns);
  return units.map((uCode, i) => {
    let m = 0;
    let sum = 0;
    for (let r = 0; r < nRuns; r++) {
      const v = ranks[r * n + i];
      if (!Number.isNaN(v)) { buf[m++] = v; sum += v; }
    }
    const nominal = Number.isNaN(nominalRanks[i]) ? null : nominalRanks[i];
    if (m === 0) return { uCode, nominal, mean: null, median: null, q5: null, q95: null };
    const s = buf.subarray(0, m).sort();
    return { uCode, nominal, mean: sum / m, median: sortedQuantile(s, 0.5), q5: sortedQuantile(s, 0.05), q95: sortedQuantile(s, 0.95) };
  });
}

export interface UncertaintyOptions extends BatchOptions {
  nRuns: number;
  seed: number;
}

export async function runUncertainty(
  framework: FrameworkNode[],
  data: CompositeData,
  base: CompositeMethod,
  inputs: UncertainInputs,
  opts: UncertaintyOptions,
): Promise<UncertaintyResult> {
  const rng = createRng(opts.seed);
  const weightSets = inputs.weights ? noisyWeightSets(framework, inputs.weights, rng) : [];
  const d = activeInputs(inputs).length;
  const u = Float64Array.from({ length: opts.nRuns * d }, () => rng());
  const runs = designToRuns(u, d, inputs);
  return evaluateRuns({ framework, data, base, weightSets }, runs, opts);
}

/** Evaluate given runs plus the nominal build; rank and summarise. */
export async function evaluateRuns(spec: ModelSpec, runs: RunSettings[], opts: BatchOptions = {}): Promise<UncertaintyResult> {
  // Start the workers first: the nominal build below overlaps with their start-up.
  const pending = runBatch(spec, runs, opts);
  pending.catch(() => undefined); // if the nominal build throws first, do not leave an unhandled rejection
  const model = new FastModel(spec);
  const nominalScores = model.index({});
  const nominalRanks = rankDescending(nominalScores);
  const batch = await pending;
  const ranks = batch.ranks;
  return {
    units: model.units,
    nominalScores,
    nominalRanks,
    ranks,
    scores: batch.scores,
    runs,
    rankStats: summariseRanks(model.units, nominalRanks, ranks, runs.length),
  };
}
