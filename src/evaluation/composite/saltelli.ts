/**
 * Variance-based sensitivity indices with a Saltelli design, as in COINr's get_sensitivity
 * (SA_type = "SA"). Matrices A and B hold N rows of uniforms over the d uncertain inputs;
 * AB_i is A with column i taken from B; N·(d+2) runs in all. The output analysed for each run
 * is the mean absolute rank change of the index against the nominal ranking.
 *   V   = variance of yA and yB pooled (n − 1)
 *   Si  = mean(yB·(yABi − yA)) / V
 *   STi = Σ(yA − yABi)² / (2N·V)
 * q5/q95 come from bootstrap resamples of the N rows (default 100).
 */
import { FastModel } from './fastModel';
import { createRng } from './random';
import { type BatchOptions } from './runBatch';
import { quantile } from './stats';
import { type InputName, type RankStats, type UncertainInputs, activeInputs, designToRuns, evaluateRuns, noisyWeightSets } from './uncertainty';
import type { CompositeData, CompositeMethod, FrameworkNode } from './types';

export interface SensitivityIndex {
  input: InputName;
  si: number;
  sti: number;
  siQ5: number;
  siQ95: number;
  stiQ5: number;
  stiQ95: number;
}

export interface SaltelliResult {
  indices: SensitivityIndex[];
  rankStats: RankStats[];
  /** Output of every run (mean absolute rank change), in design order A, B, AB_1 … AB_d. */
  y: Float64Array;
  nRuns: number;
}

export interface SaltelliOptions extends BatchOptions {
  N: number;
  seed: number;
  nBoot?: number;
}

function variance(xs: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < xs.length; i++) m += xs[i];
  m /= xs.length;
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += (xs[i] - m) * (xs[i] - m);
  return s / (xs.length - 1);
}

/** Si and STi from the output blocks, over the given row indices (for bootstrapping). */
export function sobolIndices(yA: Float64Array, yB: Float64Array, yAB: Float64Array[], rows: ArrayLike<number>): { si: number[]; sti: number[] } {
  const N = rows.length;
  const pooled = new Float64Array(2 * N);
  for (let k = 0; k < N; k++) {
    pooled[k] = yA[rows[k]];
    pooled[N + k] = yB[rows[k]];
  }
  const V = variance(pooled);
  const si: number[] = [];
  const sti: number[] = [];
  for (const yi of yAB) {
    let a = 0;
    let b = 0;
    for (let k = 0; k < N; k++) {
      const r = rows[k];
      a += yB[r] * (yi[r] - yA[r]);
      b += (yA[r] - yi[r]) * (yA[r] - yi[r]);
    }
    si.push(a / N / V);
    sti.push(b / (2 * N * V));
  }
  return { si, sti };
}

export async function runSaltelli(
  framework: FrameworkNode[],
  data: CompositeData,
  base: CompositeMethod,
  inputs: UncertainInputs,
  opts: SaltelliOptions,
): Promise<SaltelliResult> {
  const rng = createRng(opts.seed);
  const act = activeInputs(inputs);
  const d = act.length;
  const N = opts.N;
  const weightSets = inputs.weights ? noisyWeightSets(framework, inputs.weights, rng) : [];
  const A = Float64Array.from({ length: N * d }, () => rng());
  const B = Float64Array.from({ length: N * d }, () => rng());
  const X = new Float64Array(N * (d + 2) * d);
  X.set(A, 0);
  X.set(B, N * d);
  for (let i = 0; i < d; i++) {
    const block = A.slice();
    for (let r = 0; r < N; r++) block[r * d + i] = B[r * d + i];
    X.set(block, N * d * (2 + i));
  }
  const runs = designToRuns(X, d, inputs);
  const spec = { framework, data, base, weightSets };
  const res = await evaluateRuns(spec, runs, opts);
  const n = res.units.length;
  const y = new Float64Array(runs.length);
  for (let r = 0; r < runs.length; r++) {
    let s = 0;
    let cnt = 0;
    for (let i = 0; i < n; i++) {
      const a = res.ranks[r * n + i];
      const b = res.nominalRanks[i];
      if (Number.isNaN(a) || Number.isNaN(b)) continue;
      s += Math.abs(a - b);
      cnt++;
    }
    y[r] = s / cnt;
  }
  const yA = y.subarray(0, N);
  const yB = y.subarray(N, 2 * N);
  const yAB = act.map((_, i) => y.subarray(N * (2 + i), N * (3 + i)));
  const all = Int32Array.from({ length: N }, (_, k) => k);
  const point = sobolIndices(yA, yB, yAB, all);
  const nBoot = opts.nBoot ?? 100;
  const bootSi: number[][] = act.map(() => []);
  const bootSti: number[][] = act.map(() => []);
  for (let b = 0; b < nBoot; b++) {
    const rows = Int32Array.from({ length: N }, () => Math.floor(rng() * N));
    const r = sobolIndices(yA, yB, yAB, rows);
    act.forEach((_, i) => {
      bootSi[i].push(r.si[i]);
      bootSti[i].push(r.sti[i]);
    });
  }
  const indices = act.map((a, i) => ({
    input: a.name,
    si: point.si[i],
    sti: point.sti[i],
    siQ5: quantile(bootSi[i], 0.05),
    siQ95: quantile(bootSi[i], 0.95),
    stiQ5: quantile(bootSti[i], 0.05),
    stiQ95: quantile(bootSti[i], 0.95),
  }));
  return { indices, rankStats: res.rankStats, y, nRuns: runs.length };
}

export { FastModel };
