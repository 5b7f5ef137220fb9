/**
 * Uncertainty and sensitivity against COINr's own vignette results (asem/E_sensitivity). The
 * random draws cannot be reproduced, so the check is statistical: median ranks close to the
 * published ones for most units, and the same ordering of total-effect indices. Seeds are
 * fixed, so the test is deterministic.
 */
import { describe, expect, it } from 'vitest';
import { FastModel } from './fastModel';
import { buildComposite } from './pipeline';
import { createRng, cutToOptions } from './random';
import { B_METHOD, loadInputs, loadRef, num } from './reference.fixture';
import { runSaltelli, sobolIndices } from './saltelli';
import { type UncertainInputs, runUncertainty } from './uncertainty';

const { framework, data } = loadInputs('asem');
const INPUTS: UncertainInputs = {
  winmax: [1, 2, 3, 4, 5],
  normalise: [{ method: 'minmax', lower: 1, upper: 100 }, { method: 'zscore', mean: 10, sd: 2 }],
  weights: { levels: [2, 3], noise: 0.25, nSets: 100 },
  aggregate: ['amean', 'gmean'],
};

describe('random helpers', () => {
  it('the PRNG is deterministic and uniform-looking', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 10000 }, () => a());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    const m = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(m - 0.5)).toBeLessThan(0.01);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });
  it('cut(x, k) splits the observed range, not [0, 1]', () => {
    // Range 0.2..0.6 into 2 bins: (0.1996, 0.4], (0.4, 0.6004]
    expect(Array.from(cutToOptions([0.2, 0.4, 0.41, 0.6], 2))).toEqual([0, 0, 1, 1]);
    expect(Array.from(cutToOptions([0.1, 0.5, 0.9], 3))).toEqual([0, 1, 2]);
  });
  it('Sobol estimators on a known additive model', () => {
    // y = x1 + 0·x2 evaluated on a design: x2 has no effect.
    const N = 4000;
    const rng = createRng(7);
    const A = Array.from({ length: N }, () => [rng(), rng()]);
    const B = Array.from({ length: N }, () => [rng(), rng()]);
    const f = (x: number[]): number => x[0];
    const yA = Float64Array.from(A, f);
    const yB = Float64Array.from(B, f);
    const yAB = [0, 1].map((i) => Float64Array.from(A, (a, r) => f(a.map((v, c) => (c === i ? B[r][c] : v)))));
    const s = sobolIndices(yA, yB, yAB, Int32Array.from({ length: N }, (_, k) => k));
    expect(s.sti[0]).toBeGreaterThan(0.9);
    expect(Math.abs(s.sti[1])).toBeLessThan(1e-12);
    expect(Math.abs(s.si[0] - 1)).toBeLessThan(0.1);
  });
});

describe('fast model equals the full pipeline', () => {
  it('nominal index equals scenario B', () => {
    const model = new FastModel({ framework, data, base: B_METHOD });
    const full = buildComposite(framework, data, B_METHOD);
    const idx = model.index({});
    const j = full.aggregated.codes.indexOf('Index');
    model.units.forEach((u, i) => {
      expect(Math.abs(idx[i] - (full.aggregated.values[j][full.aggregated.units.indexOf(u)] as number))).toBeLessThan(1e-9);
    });
  });
  it('a run with z-score and geometric mean equals a full build with the same settings', () => {
    const model = new FastModel({ framework, data, base: B_METHOD });
    const full = buildComposite(framework, data, {
      ...B_METHOD,
      treat: { method: 'winsorise-then-log', winmax: 2 },
      normalise: { method: 'zscore', mean: 10, sd: 2 },
      aggregate: { method: 'gmean' },
    });
    const idx = model.index({ winmax: 2, normalise: { method: 'zscore', mean: 10, sd: 2 }, aggregate: 'gmean' });
    const j = full.aggregated.codes.indexOf('Index');
    model.units.forEach((u, i) => {
      expect(Math.abs(idx[i] - (full.aggregated.values[j][full.aggregated.units.indexOf(u)] as number))).toBeLessThan(1e-9);
    });
  });
});

describe('uncertainty analysis vs COINr vignette (N = 100)', () => {
  it('median ranks within ±2 for most units, on worker threads', async () => {
    const res = await runUncertainty(framework, data, B_METHOD, INPUTS, { nRuns: 400, seed: 20240601, workers: 2, minRunsForWorkers: 0 });
    const ref = loadRef('asem/E_sensitivity/vignette_UA_N100_rankstats.csv');
    let close = 0;
    for (const r of ref.rows) {
      const s = res.rankStats.find((x) => x.uCode === r.uCode);
      expect(s?.nominal).toBe(num(r.Nominal));
      if (Math.abs((s?.median ?? NaN) - (num(r.Median) as number)) <= 2) close++;
    }
    expect(close / ref.rows.length).toBeGreaterThanOrEqual(0.9);
  });

  it('workers and inline evaluation give identical results', async () => {
    const a = await runUncertainty(framework, data, B_METHOD, INPUTS, { nRuns: 60, seed: 5, workers: 2, minRunsForWorkers: 0 });
    const b = await runUncertainty(framework, data, B_METHOD, INPUTS, { nRuns: 60, seed: 5, workers: 0 });
    expect(Array.from(a.scores)).toEqual(Array.from(b.scores));
  });
});

describe('Saltelli sensitivity indices vs COINr vignette', () => {
  it('same order of total indices: Aggregation > Normalisation > Weights > Winmax', async () => {
    const res = await runSaltelli(framework, data, B_METHOD, INPUTS, { N: 300, seed: 12345, workers: 2, minRunsForWorkers: 0 });
    const st = Object.fromEntries(res.indices.map((x) => [x.input, x.sti]));
    expect(st.Aggregation).toBeGreaterThan(st.Normalisation);
    expect(st.Normalisation).toBeGreaterThan(st.Weights);
    expect(st.Weights).toBeGreaterThan(st.Winmax);
    const ref = loadRef('asem/E_sensitivity/vignette_SA_N100_sensitivity_indices.csv');
    for (const r of ref.rows) {
      const got = res.indices.find((x) => x.input === r.Variable);
      expect(got, r.Variable).toBeDefined();
      // Loose statistical agreement with the published STi (bootstrap intervals are wide at N = 100).
      expect(Math.abs((got?.sti ?? NaN) - (num(r.STi) as number))).toBeLessThan(0.25);
      expect(got?.stiQ5).toBeLessThanOrEqual(got?.stiQ95 as number);
    }
    expect(res.nRuns).toBe(300 * 6);
  });
});
