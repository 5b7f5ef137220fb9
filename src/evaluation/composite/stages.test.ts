/** Each stage on tiny hand-made inputs, with values worked out by hand. */
import { describe, expect, it } from 'vitest';
import { compilePlan, runPlan } from './aggregate';
import { effectiveWeights, cronbachAlpha } from './analysis';
import { type ColTable, toColumn } from './columns';
import { copelandScores } from './copeland';
import { formatNumber } from './csv';
import { denominate } from './denominate';
import { buildFramework } from './framework';
import { impute, imputeGroupMean } from './impute';
import { symmetricEigen } from './linalg';
import { minmax, normalise, prank, rankAscending, zscore } from './normalise';
import { rankDescending } from './rank';
import { buildPanel } from './panel';
import { screen } from './screen';
import { kurtosis, quantile, skewness } from './stats';
import { logCT, treatColumn, winsorise } from './treat';
import type { FrameworkNode } from './types';

const col = (...v: (number | null)[]): Float64Array => toColumn(v);
const arr = (c: Float64Array): (number | null)[] => Array.from(c, (v) => (Number.isNaN(v) ? null : v));

const FW: FrameworkNode[] = [
  { iCode: 'a', level: 1, direction: 1, weight: 1, parent: 'P', denominator: 'pop' },
  { iCode: 'b', level: 1, direction: -1, weight: 3, parent: 'P' },
  { iCode: 'c', level: 1, direction: 1, weight: 1, parent: 'Q' },
  { iCode: 'P', level: 2, direction: 1, weight: 1, parent: 'I' },
  { iCode: 'Q', level: 2, direction: 1, weight: 1, parent: 'I' },
  { iCode: 'I', level: 3, direction: 1, weight: 1, parent: null },
];

describe('denominate', () => {
  it('divides by the named denominator and keeps NA', () => {
    const fw = buildFramework(FW);
    const t: ColTable = { units: ['x', 'y'], codes: ['a', 'b'], cols: [col(10, null), col(1, 2)] };
    const out = denominate(t, fw, { pop: col(5, 2) });
    expect(arr(out.cols[0])).toEqual([2, null]);
    expect(arr(out.cols[1])).toEqual([1, 2]);
  });
});

describe('impute', () => {
  it('group mean fills NA with the mean of the same group', () => {
    const t: ColTable = { units: ['u1', 'u2', 'u3', 'u4'], codes: ['a'], cols: [col(1, null, 3, 10)] };
    const out = imputeGroupMean(t, ['E', 'E', 'E', 'A']);
    expect(arr(out.cols[0])).toEqual([1, 2, 3, 10]);
  });
  it('previous year carries the last earlier value forward; regression follows the trend', () => {
    const t: ColTable = { units: ['u', 'u', 'u', 'u'], codes: ['a'], cols: [col(1, 2, null, 4)] };
    const time = [2018, 2019, 2020, 2021];
    expect(arr(impute(t, { method: 'previous-year' }, { time }).cols[0])).toEqual([1, 2, 2, 4]);
    expect(arr(impute(t, { method: 'regression' }, { time }).cols[0])[2]).toBeCloseTo(3, 12);
  });
});

describe('screen', () => {
  it('drops units below the availability threshold', () => {
    const t: ColTable = { units: ['x', 'y'], codes: ['a', 'b', 'c'], cols: [col(1, null), col(1, null), col(1, 2)] };
    const r = screen(t, { minAvailability: 0.5 });
    expect(r.table.units).toEqual(['x']);
    expect(r.summary[1].nMissing).toBe(2);
    expect(r.summary[1].availability).toBeCloseTo(1 / 3, 12);
    expect(r.summary[1].included).toBe(false);
  });
});

describe('statistics', () => {
  it('skewness and kurtosis (type 2) on a small sample', () => {
    // Hand calculation for 1,2,3,4,10: mean 4, d = −3,−2,−1,0,6; Σd² 50, Σd³ 180, Σd⁴ 1394.
    const xs = [1, 2, 3, 4, 10];
    const g1 = ((Math.sqrt(5) * 180) / Math.pow(50, 1.5)) * (Math.sqrt(20) / 3);
    expect(skewness(xs)).toBeCloseTo(g1, 12);
    const r = (5 * 1394) / 2500;
    expect(kurtosis(xs)).toBeCloseTo(((6 * (r - 3) + 6) * 4) / (3 * 2), 12);
  });
  it('R type-7 quantiles', () => {
    expect(quantile([1, 2, 3, 4], 0.05)).toBeCloseTo(1.15, 12);
    expect(quantile([5, 1, 3], 0.5)).toBe(3);
  });
});

describe('treat', () => {
  it('winsorises the top point into the next value and counts tied points', () => {
    const x = col(1, 2, 3, 4, 5, 6, 7, 8, 9, 100);
    const w = winsorise(x, 5, 2, 3.5);
    expect(w.nwin).toBe(1);
    expect(w.x[9]).toBe(9);
    expect(w.points[9]).toBe('winhi');
  });
  it('falls back to log_CT on the original values when winsorising is not enough', () => {
    const x = toColumn([...Array<number>(15).fill(1), 100, 200]);
    const r = treatColumn('x', x, { method: 'winsorise-then-log', winmax: 1 });
    expect(r.detail.nwin).toBe(1);
    expect(r.detail.pass1).toBe(false);
    expect(r.detail.logged).toBe(true);
    expect(Array.from(r.x)).toEqual(Array.from(logCT(x)));
    expect(r.x[0]).toBeCloseTo(Math.log(0.01 * 199), 12);
  });
  it('leaves passing indicators untouched', () => {
    const x = col(1, 2, 3, 4, 5);
    const r = treatColumn('x', x, { method: 'winsorise-then-log' });
    expect(r.detail.pass0).toBe(true);
    expect(r.x).toBe(x);
  });
});

describe('normalise', () => {
  it('min-max, z-score, rank and percentile rank', () => {
    expect(arr(minmax('x', col(1, 3, null, 5), 0, 100))).toEqual([0, 50, null, 100]);
    const z = zscore('x', col(1, 2, 3), 10, 2);
    expect(arr(z)).toEqual([8, 10, 12]);
    expect(arr(rankAscending(col(3, 1, 3, null, 2)))).toEqual([3, 1, 3, null, 2]);
    expect(arr(prank('x', col(3, 1, 3, 2)))).toEqual([2 / 3, 0, 2 / 3, 1 / 3]);
  });
  it('flips Direction −1 before normalising', () => {
    const fw = buildFramework(FW);
    const t: ColTable = { units: ['x', 'y', 'z'], codes: ['a', 'b'], cols: [col(1, 2, 3), col(1, 2, 3)] };
    const out = normalise(t, fw, { method: 'minmax', lower: 0, upper: 1 });
    expect(arr(out.cols[1])).toEqual([1, 0.5, 0]);
  });
  it('goalposts and distance to target', () => {
    const fw = buildFramework([
      { iCode: 'a', level: 1, direction: 1, weight: 1, parent: 'I', target: 4, goalposts: { worst: 0, best: 10 } },
      { iCode: 'I', level: 2, direction: 1, weight: 1, parent: null },
    ]);
    const t: ColTable = { units: ['x', 'y', 'z'], codes: ['a'], cols: [col(-5, 2, 20)] };
    expect(arr(normalise(t, fw, { method: 'goalposts', scale: 100 }).cols[0])).toEqual([0, 20, 100]);
    expect(arr(normalise(t, fw, { method: 'distance-to-target' }).cols[0])).toEqual([0, 7 / 9, 1]);
    expect(arr(normalise(t, fw, { method: 'distance-to-reference', unit: 'y' }).cols[0])).toEqual([-2.5, 1, 10]);
  });
});

describe('aggregate', () => {
  const fw = buildFramework(FW);
  const w = { a: 1, b: 3, c: 1, P: 1, Q: 1, I: 1 };
  const cols = [col(10, null, 4), col(20, 5, null), col(30, null, null)];
  const units = ['x', 'y', 'z'];
  const plan = compilePlan(fw, ['a', 'b', 'c'], w);
  it('amean rescales weights over non-NA children; NA only when all children are NA', () => {
    const out = runPlan(plan, cols, 'amean', units);
    expect(plan.codes).toEqual(['a', 'b', 'c', 'P', 'Q', 'I']);
    expect(arr(out[3])).toEqual([17.5, 5, 4]);
    expect(arr(out[4])).toEqual([30, null, null]);
    expect(arr(out[5])).toEqual([23.75, 5, 4]);
  });
  it('gmean and hmean', () => {
    const g = runPlan(plan, cols, 'gmean', units);
    expect(g[3][0]).toBeCloseTo(Math.exp((Math.log(10) + 3 * Math.log(20)) / 4), 12);
    const h = runPlan(plan, cols, 'hmean', units);
    expect(h[3][0]).toBeCloseTo(4 / (1 / 10 + 3 / 20), 12);
  });
  it('Copeland: outranking, recoding, dominance pairs', () => {
    const r = copelandScores([col(3, 2, 1), col(1, 2, 3), col(3, 2, 1)]);
    expect(arr(r.scores)).toEqual([2, 0, -2]);
    expect(r.matrix[1]).toBeCloseTo(2 / 3, 12);
    expect(r.nDominant).toBe(0);
  });
  it('descending ranks with ties at the minimum, NA kept', () => {
    expect(arr(rankDescending(col(5, 7, 5, null, 1)))).toEqual([2, 1, 2, null, 4]);
  });
  it('effective weights multiply shares down the tree', () => {
    expect(effectiveWeights(fw, w)).toEqual({ I: 1, P: 0.5, Q: 0.5, a: 0.125, b: 0.375, c: 0.5 });
  });
});

describe('analysis helpers', () => {
  it('Jacobi eigen-decomposition of a 2×2 correlation matrix', () => {
    const e = symmetricEigen([[1, 0.5], [0.5, 1]]);
    expect(e.values[0]).toBeCloseTo(1.5, 12);
    expect(e.values[1]).toBeCloseTo(0.5, 12);
    expect(Math.abs(e.vectors[0][0])).toBeCloseTo(Math.SQRT1_2, 12);
  });
  it("Cronbach's alpha of identical columns is 1", () => {
    expect(cronbachAlpha([col(1, 2, 4), col(1, 2, 4)])).toBeCloseTo(1, 12);
  });
});

describe('number formatting', () => {
  it('17 significant digits, exact round trip, integers plain', () => {
    expect(formatNumber(100)).toBe('100');
    expect(formatNumber(0.1)).toBe('0.10000000000000001');
    expect(formatNumber(null)).toBe('');
    for (const v of [Math.PI, 1 / 3, 1.122477618627385e-5, 12345.678901234567]) expect(Number(formatNumber(v))).toBe(v);
  });
});

describe('panel', () => {
  const fw: FrameworkNode[] = [
    { iCode: 'a', level: 1, direction: 1, weight: 1, parent: 'I' },
    { iCode: 'b', level: 1, direction: 1, weight: 1, parent: 'I' },
    { iCode: 'I', level: 2, direction: 1, weight: 1, parent: null },
  ];
  const data = {
    units: ['x', 'y', 'x', 'y'],
    time: [2020, 2020, 2021, 2021],
    indicators: { a: [0, 10, 5, 20], b: [1, 3, null, 5] },
  };
  it('pooled min-max uses bounds over all years; previous-year fills gaps first', () => {
    const r = buildPanel(fw, data, { impute: { method: 'previous-year' }, normalise: { method: 'minmax', lower: 0, upper: 100 }, aggregate: { method: 'amean' }, normaliseScope: 'pooled' });
    const a = r.normalised.values[0];
    expect(a).toEqual([0, 50, 25, 100]);
    expect(r.normalised.values[1]).toEqual([0, 50, 0, 100]); // x/2021 b ← 1 from 2020
    expect(r.ranks.values[2]).toEqual([2, 1, 2, 1]);
  });
  it('per-year min-max rescales each year on its own', () => {
    const m = { normalise: { method: 'minmax', lower: 0, upper: 1 }, aggregate: { method: 'amean' }, normaliseScope: 'per-year' } as const;
    // Without imputation, b has a single value in 2021: a per-year min-max is undefined.
    expect(() => buildPanel(fw, data, m)).toThrow(/CONSTANT_INDICATOR \(b\)/);
    const r = buildPanel(fw, data, { ...m, impute: { method: 'previous-year' } });
    expect(r.normalised.values[0]).toEqual([0, 1, 0, 1]);
    expect(r.aggregated.time).toEqual([2020, 2020, 2021, 2021]);
  });
});
