/**
 * Descriptive statistics with the exact definitions COINr uses, so thresholds on skew and
 * kurtosis flip at the same points: e1071 type-2 skewness and excess kurtosis (as in Excel),
 * sample sd with n − 1, R's default (type 7) quantiles. NAs are dropped.
 */
import { type Column, present } from './columns';

export function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
}

/** Sample standard deviation (divisor n − 1), two-pass like R's var(). */
export function sd(xs: ArrayLike<number>): number {
  const m = mean(xs);
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += (xs[i] - m) * (xs[i] - m);
  return Math.sqrt(s / (xs.length - 1));
}

/** Skewness G1 = sqrt(n(n−1))/(n−2) · m3/m2^1.5; NaN when fewer than 3 values. */
export function skewness(xs: ArrayLike<number>): number {
  const n = xs.length;
  if (n < 3) return NaN;
  const m = mean(xs);
  let s2 = 0;
  let s3 = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i] - m;
    s2 += d * d;
    s3 += d * d * d;
  }
  const y = (Math.sqrt(n) * s3) / Math.pow(s2, 1.5);
  return (y * Math.sqrt(n * (n - 1))) / (n - 2);
}

/** Excess kurtosis, type 2: ((n+1)(r−3)+6)(n−1)/((n−2)(n−3)), r = nΣd⁴/(Σd²)²; NaN when n < 4. */
export function kurtosis(xs: ArrayLike<number>): number {
  const n = xs.length;
  if (n < 4) return NaN;
  const m = mean(xs);
  let s2 = 0;
  let s4 = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i] - m;
    s2 += d * d;
    s4 += d * d * d * d;
  }
  const r = (n * s4) / (s2 * s2);
  return (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
}

export function median(xs: ArrayLike<number>): number {
  return quantile(xs, 0.5);
}

/** R's quantile(type = 7): linear interpolation between order statistics. */
export function quantile(xs: ArrayLike<number>, p: number): number {
  const s = Float64Array.from(xs).sort();
  const n = s.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return s[lo] + (h - lo) * (s[hi] - s[lo]);
}

/** The rows where both columns have a value (R's pairwise.complete.obs). */
function completePairs(a: Column, b: Column): [number[], number[]] {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < a.length; i++) {
    if (!Number.isNaN(a[i]) && !Number.isNaN(b[i])) {
      xs.push(a[i]);
      ys.push(b[i]);
    }
  }
  return [xs, ys];
}

/** Pearson correlation over the rows where both are present (R: pairwise.complete.obs). */
export function correlation(a: Column, b: Column): number {
  const [xs, ys] = completePairs(a, b);
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) * (xs[i] - mx);
    syy += (ys[i] - my) * (ys[i] - my);
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Sample covariance over pairwise-complete rows (R: cov(use = "pairwise.complete.obs")). */
export function covariance(a: Column, b: Column): number {
  const [xs, ys] = completePairs(a, b);
  const mx = mean(xs);
  const my = mean(ys);
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += (xs[i] - mx) * (ys[i] - my);
  return s / (xs.length - 1);
}

export interface IndicatorStats {
  iCode: string;
  min: number;
  max: number;
  mean: number;
  median: number;
  sd: number;
  skew: number;
  kurt: number;
  nAvail: number;
  nNonZero: number;
  nUnique: number;
  /** Size of the largest set of equal values. */
  nSame: number;
  frcAvail: number;
  frcNonZero: number;
  frcUnique: number;
  frcSame: number;
  flagAvail: 'ok' | 'LOW';
  flagNonZero: 'ok' | 'LOW';
  flagUnique: 'ok' | 'LOW';
  flagSkewKurt: 'ok' | 'OUT';
}

export interface StatsThresholds {
  skew: number;
  kurt: number;
  avail: number;
  zero: number;
  unique: number;
}

/** COINr's get_stats defaults. */
export const DEFAULT_STATS_THRESHOLDS: StatsThresholds = { skew: 2, kurt: 3.5, avail: 0.65, zero: 0.5, unique: 0.5 };

/** Per-indicator statistics, following COINr's get_stats (flags use the same ratios). */
export function indicatorStats(iCode: string, col: Column, th: StatsThresholds = DEFAULT_STATS_THRESHOLDS): IndicatorStats {
  const xs = present(col);
  const n = col.length;
  const nAvail = xs.length;
  const counts = new Map<number, number>();
  let nNonZero = 0;
  for (const x of xs) {
    counts.set(x, (counts.get(x) ?? 0) + 1);
    if (x !== 0) nNonZero++;
  }
  const nSame = Math.max(0, ...counts.values());
  const sk = skewness(xs);
  const kt = kurtosis(xs);
  return {
    iCode,
    min: Math.min(...xs),
    max: Math.max(...xs),
    mean: mean(xs),
    median: median(xs),
    sd: sd(xs),
    skew: sk,
    kurt: kt,
    nAvail,
    nNonZero,
    nUnique: counts.size,
    nSame,
    frcAvail: nAvail / n,
    frcNonZero: nNonZero / nAvail,
    frcUnique: counts.size / nAvail,
    frcSame: nSame / nAvail,
    flagAvail: nAvail / n >= th.avail ? 'ok' : 'LOW',
    flagNonZero: nNonZero / n >= th.zero ? 'ok' : 'LOW',
    flagUnique: counts.size / n >= th.unique ? 'ok' : 'LOW',
    flagSkewKurt: Math.abs(sk) > th.skew && kt > th.kurt ? 'OUT' : 'ok',
  };
}
