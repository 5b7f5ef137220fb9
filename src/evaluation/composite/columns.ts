/**
 * Internal column representation: Float64Array with NaN standing for NA. Typed arrays keep a
 * single run cheap (Monte Carlo does thousands); public tables convert NaN back to null so
 * no NaN ever leaves the engine.
 */
import type { Table } from './types';

export type Column = Float64Array;

export function toColumn(values: ReadonlyArray<number | null | undefined>): Column {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v === null || v === undefined || !Number.isFinite(v) ? NaN : v;
  }
  return out;
}

export function fromColumn(col: Column): (number | null)[] {
  const out: (number | null)[] = new Array(col.length);
  for (let i = 0; i < col.length; i++) out[i] = Number.isNaN(col[i]) ? null : col[i];
  return out;
}

/** Internal table: same shape as the public Table, typed columns. */
export interface ColTable {
  units: string[];
  codes: string[];
  cols: Column[];
}

export function toPublic(t: ColTable): Table {
  return { units: [...t.units], codes: [...t.codes], values: t.cols.map(fromColumn) };
}

export function fromPublic(t: Table): ColTable {
  return { units: [...t.units], codes: [...t.codes], cols: t.values.map(toColumn) };
}

export function cloneTable(t: ColTable): ColTable {
  return { units: [...t.units], codes: [...t.codes], cols: t.cols.map((c) => c.slice()) };
}

/** Keep only the rows whose flag is true. */
export function selectRows(t: ColTable, keep: boolean[]): ColTable {
  const idx: number[] = [];
  keep.forEach((k, i) => k && idx.push(i));
  return {
    units: idx.map((i) => t.units[i]),
    codes: [...t.codes],
    cols: t.cols.map((c) => Float64Array.from(idx, (i) => c[i])),
  };
}

export function column(t: ColTable, code: string): Column {
  const j = t.codes.indexOf(code);
  if (j < 0) throw new Error(`internal: column ${code} not in table`);
  return t.cols[j];
}

/** Non-NA values of a column, in order. */
export function present(col: Column): number[] {
  const out: number[] = [];
  for (let i = 0; i < col.length; i++) if (!Number.isNaN(col[i])) out.push(col[i]);
  return out;
}
