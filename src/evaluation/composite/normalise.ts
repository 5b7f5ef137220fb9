/**
 * Normalisation, column by column, after flipping Direction −1 indicators (x → −x) so that a
 * higher normalised score is always better. Definitions follow COINr:
 *   minmax(l,u)  (x − min)/(max − min)·(u − l) + l      min/max over units with data
 *   zscore(m,s)  (x − mean)/sd·s + m                    sd with n − 1
 *   rank         ascending rank, ties take the minimum, NA stays NA
 *   prank        (rank − 1)/(nNonNA − 1)
 * Extra methods (documented in README.md):
 *   distance-to-reference  x/x_ref (Direction −1: x_ref/x)
 *   distance-to-target     (x − min)/(target − min) on the flipped scale, optionally capped at 1
 *   goalposts              clamp((x − worst)/(best − worst), 0, 1)·scale, in original units
 * Constant columns and zero divisors are errors, never NaN.
 * For panels, calling this on the stacked (year × unit) table gives pooled, EIS-style bounds.
 */
import { type ColTable, type Column } from './columns';
import { CompositeError } from './errors';
import type { Framework } from './framework';
import type { NormaliseMethod } from './types';

export function normalise(t: ColTable, fw: Framework, m: NormaliseMethod): ColTable {
  const refRow = m.method === 'distance-to-reference' ? t.units.indexOf(m.unit) : -1;
  if (m.method === 'distance-to-reference' && refRow < 0) {
    throw new CompositeError('UNKNOWN_REFERENCE_UNIT', m.unit, 'reference unit is not among the (screened) units');
  }
  const cols = t.codes.map((code, j) => {
    const node = fw.byCode.get(code);
    const dir = node?.direction ?? 1;
    switch (m.method) {
      case 'goalposts': {
        const gp = node?.goalposts;
        if (!gp) throw new CompositeError('MISSING_TARGET', code, 'goalposts normalisation needs goalposts for every indicator');
        return goalposts(code, t.cols[j], gp.worst, gp.best, m.scale ?? 100);
      }
      case 'distance-to-reference':
        return distanceToReference(code, t.cols[j], refRow, dir);
      default:
        return normaliseColumn(code, flip(t.cols[j], dir), m, dir, node?.target ?? null);
    }
  });
  return { units: [...t.units], codes: [...t.codes], cols };
}

export function flip(x: Column, dir: number): Column {
  if (dir === 1) return x;
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] * dir;
  return out;
}

/** Normalise a column that is already direction-flipped. */
export function normaliseColumn(
  code: string,
  x: Column,
  m: NormaliseMethod,
  dir: number = 1,
  target: number | null = null,
): Column {
  switch (m.method) {
    case 'minmax':
      return minmax(code, x, m.lower ?? 0, m.upper ?? 100);
    case 'zscore':
      return zscore(code, x, m.mean ?? 0, m.sd ?? 1);
    case 'rank':
      return rankAscending(x);
    case 'prank':
      return prank(code, x);
    case 'distance-to-target':
      if (target === null) throw new CompositeError('MISSING_TARGET', code, 'distance-to-target needs a Target for every indicator');
      return distanceToTarget(code, x, target * dir, m.cap ?? true);
    default:
      throw new CompositeError('INVALID_METHOD', m.method, 'method needs the framework; call normalise()');
  }
}

export function minmaxBounds(x: Column): { min: number; max: number; n: number } {
  let min = Infinity;
  let max = -Infinity;
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (Number.isNaN(v)) continue;
    n++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max, n };
}

export function minmax(code: string, x: Column, l: number, u: number): Column {
  const { min, max, n } = minmaxBounds(x);
  if (n === 0) throw new CompositeError('INDICATOR_NO_DATA', code, 'no unit has data');
  if (max === min) throw new CompositeError('CONSTANT_INDICATOR', code, 'max equals min, min-max is undefined');
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = ((x[i] - min) / (max - min)) * (u - l) + l;
  return out;
}

export function zscore(code: string, x: Column, m: number, s: number): Column {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i])) { n++; sum += x[i]; }
  if (n < 2) throw new CompositeError('TOO_FEW_VALUES', code, 'z-score needs at least 2 values');
  const mu = sum / n;
  let ss = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i])) ss += (x[i] - mu) * (x[i] - mu);
  const sd = Math.sqrt(ss / (n - 1));
  if (sd === 0) throw new CompositeError('CONSTANT_INDICATOR', code, 'standard deviation is 0, z-score is undefined');
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = ((x[i] - mu) / sd) * s + m;
  return out;
}

/** Ascending rank, ties → minimum rank, NA stays NA (R: rank(ties.method = "min")). */
export function rankAscending(x: Column): Column {
  const idx: number[] = [];
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i])) idx.push(i);
  idx.sort((a, b) => x[a] - x[b]);
  const out = new Float64Array(x.length).fill(NaN);
  for (let k = 0; k < idx.length; k++) {
    out[idx[k]] = k > 0 && x[idx[k]] === x[idx[k - 1]] ? out[idx[k - 1]] : k + 1;
  }
  return out;
}

export function prank(code: string, x: Column): Column {
  const r = rankAscending(x);
  let n = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i])) n++;
  if (n < 2) throw new CompositeError('TOO_FEW_VALUES', code, 'percentile rank needs at least 2 values');
  for (let i = 0; i < r.length; i++) r[i] = (r[i] - 1) / (n - 1);
  return r;
}

function distanceToTarget(code: string, x: Column, target: number, cap: boolean): Column {
  const { min, n } = minmaxBounds(x);
  if (n === 0) throw new CompositeError('INDICATOR_NO_DATA', code, 'no unit has data');
  if (target === min) throw new CompositeError('DIVISION_BY_ZERO', code, 'target equals the minimum');
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = (x[i] - min) / (target - min);
    out[i] = cap ? Math.min(v, 1) : v;
  }
  return out;
}

function distanceToReference(code: string, x: Column, ref: number, dir: number): Column {
  const r = x[ref];
  if (Number.isNaN(r)) throw new CompositeError('UNKNOWN_REFERENCE_UNIT', code, 'reference unit has no value');
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i])) { out[i] = NaN; continue; }
    const den = dir === 1 ? r : x[i];
    if (den === 0) throw new CompositeError('DIVISION_BY_ZERO', code, 'distance to reference divides by 0');
    out[i] = dir === 1 ? x[i] / r : r / x[i];
  }
  return out;
}

function goalposts(code: string, x: Column, worst: number, best: number, scale: number): Column {
  if (worst === best) throw new CompositeError('DIVISION_BY_ZERO', code, 'goalposts are equal');
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = (x[i] - worst) / (best - worst);
    out[i] = Math.min(1, Math.max(0, v)) * scale;
    if (Number.isNaN(x[i])) out[i] = NaN;
  }
  return out;
}
