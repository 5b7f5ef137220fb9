/**
 * Descending ranks: the highest score gets rank 1, ties take the minimum rank, NA stays NA
 * (R: rank(-x, ties.method = "min", na.last = "keep")).
 */
import type { ColTable, Column } from './columns';

export function rankDescending(x: Column, out: Float64Array = new Float64Array(x.length)): Column {
  // Rank = 1 + number of values strictly greater. Sorting a typed copy (native numeric sort)
  // and binary-searching each value is much cheaper than a comparator sort, which matters
  // when ranking thousands of Monte Carlo runs.
  let m = 0;
  const sorted = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i])) sorted[m++] = x[i];
  const s = sorted.subarray(0, m).sort();
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (Number.isNaN(v)) { out[i] = NaN; continue; }
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (s[mid] <= v) lo = mid + 1;
      else hi = mid;
    }
    out[i] = 1 + (m - lo);
  }
  return out;
}

export function rankTable(t: ColTable): ColTable {
  return { units: [...t.units], codes: [...t.codes], cols: t.cols.map((c) => rankDescending(c)) };
}
