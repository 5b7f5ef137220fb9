/**
 * Outlier treatment, indicator by indicator, as in COINr's default Treat():
 *  1. pass test: |skew| < skewThresh OR kurt < kurtThresh;
 *  2. if it fails, winsorise: at the high end when skew ≥ 0 (else the low end) every point equal
 *     to the current extreme takes the next value in; repeat while it fails and fewer than
 *     `winmax` points are affected (COINr counts the points tied at the last extreme);
 *  3. if it still fails, discard the winsorisation and apply log_CT to the original values:
 *     ln(x − min + 0.01·(max − min)).
 * The 'winsorise' and 'log' variants stop after step 2, or skip straight to step 3.
 */
import { type ColTable, type Column, cloneTable, present } from './columns';
import { kurtosis, skewness } from './stats';
import type { TreatMethod, TreatmentDetail } from './types';

export const DEFAULT_SKEW_THRESHOLD = 2;
export const DEFAULT_KURT_THRESHOLD = 3.5;
export const DEFAULT_WINMAX = 5;

interface Check {
  pass: boolean;
  skew: number;
  kurt: number;
}

/** Too few values for skew/kurtosis (n < 4) count as passing: there is nothing to treat. */
export function checkSkewKurt(x: Column, skewT: number, kurtT: number): Check {
  const xs = present(x);
  const skew = skewness(xs);
  const kurt = kurtosis(xs);
  if (Number.isNaN(skew) || Number.isNaN(kurt)) return { pass: true, skew, kurt };
  return { pass: Math.abs(skew) < skewT || kurt < kurtT, skew, kurt };
}

export interface WinsoriseResult {
  x: Column;
  nwin: number;
  points: string[];
  check: Check;
}

export function winsorise(x0: Column, winmax: number, skewT: number, kurtT: number): WinsoriseResult {
  const x = x0.slice();
  let check = checkSkewKurt(x, skewT, kurtT);
  let imax: number[] = [];
  let imin: number[] = [];
  let nwin = 0;
  while (!check.pass && nwin < winmax) {
    const high = check.skew >= 0;
    const extreme = high ? maxOf(x) : minOf(x);
    const at: number[] = [];
    let next = high ? -Infinity : Infinity;
    for (let i = 0; i < x.length; i++) {
      if (Number.isNaN(x[i])) continue;
      if (x[i] === extreme) at.push(i);
      else next = high ? Math.max(next, x[i]) : Math.min(next, x[i]);
    }
    if (!Number.isFinite(next)) break; // all values equal: nothing left to winsorise towards
    for (const i of at) x[i] = next;
    if (high) imax = at;
    else imin = at;
    nwin = imax.length + imin.length;
    check = checkSkewKurt(x, skewT, kurtT);
  }
  const points = new Array<string>(x.length).fill('');
  for (const i of imax) points[i] = 'winhi';
  for (const i of imin) points[i] = 'winlo';
  return { x, nwin, points, check };
}

export function logCT(x: Column): Column {
  const mn = minOf(x);
  const mx = maxOf(x);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = Math.log(x[i] - mn + 0.01 * (mx - mn));
  return out;
}

function maxOf(x: Column): number {
  let m = -Infinity;
  for (let i = 0; i < x.length; i++) if (x[i] > m) m = x[i];
  return m;
}

function minOf(x: Column): number {
  let m = Infinity;
  for (let i = 0; i < x.length; i++) if (x[i] < m) m = x[i];
  return m;
}

export interface TreatColumnResult {
  x: Column;
  detail: TreatmentDetail;
  points: string[];
}

export function treatColumn(iCode: string, x: Column, m: TreatMethod): TreatColumnResult {
  const skewT = m.skew ?? DEFAULT_SKEW_THRESHOLD;
  const kurtT = m.kurt ?? DEFAULT_KURT_THRESHOLD;
  const c0 = checkSkewKurt(x, skewT, kurtT);
  const detail: TreatmentDetail = {
    iCode, pass0: c0.pass, skew0: c0.skew, kurt0: c0.kurt,
    nwin: null, pass1: null, skew1: null, kurt1: null, logged: false, pass2: null, skew2: null, kurt2: null,
  };
  let out = x;
  let points = new Array<string>(x.length).fill('');
  if (c0.pass) return { x: out, detail, points };
  let stillFails = true;
  if (m.method !== 'log') {
    const w = winsorise(x, m.winmax ?? DEFAULT_WINMAX, skewT, kurtT);
    Object.assign(detail, { nwin: w.nwin, pass1: w.check.pass, skew1: w.check.skew, kurt1: w.check.kurt });
    out = w.x;
    points = w.points;
    stillFails = !w.check.pass;
  }
  if (stillFails && m.method !== 'winsorise') {
    out = logCT(x);
    const c2 = checkSkewKurt(out, skewT, kurtT);
    Object.assign(detail, { logged: true, pass2: c2.pass, skew2: c2.skew, kurt2: c2.kurt });
    points = Array.from(x, (v) => (Number.isNaN(v) ? '' : 'log_CT'));
  }
  return { x: out, detail, points };
}

export interface TreatResult {
  table: ColTable;
  details: TreatmentDetail[];
  points: string[][];
}

export function treat(t: ColTable, m: TreatMethod): TreatResult {
  const table = cloneTable(t);
  const details: TreatmentDetail[] = [];
  const points: string[][] = [];
  t.codes.forEach((code, j) => {
    const r = treatColumn(code, t.cols[j], m);
    table.cols[j] = r.x;
    details.push(r.detail);
    points.push(r.points);
  });
  return { table, details, points };
}
