/**
 * Descending ranks: the highest score gets rank 1, ties take the minimum rank, NA stays NA
 * (R: rank(-x, ties.method = "min", na.last = "keep")).
 */
import type { ColTable, Column } from './columns';

export function rankDescending(x: Column): Column {
  const idx: number[] = [];
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i])) idx.push(i);
  idx.sort((a, b) => x[b] - x[a]);
  const out = new Float64Array(x.length).fill(NaN);
  for (let k = 0; k < idx.length; k++) {
    out[idx[k]] = k > 0 && x[idx[k]] === x[idx[k - 1]] ? out[idx[k - 1]] : k + 1;
  }
  return out;
}

export function rankTable(t: ColTable): ColTable {
  return { units: [...t.units], codes: [...t.codes], cols: t.cols.map(rankDescending) };
}
