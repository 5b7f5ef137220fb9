/**
 * Imputation of missing indicator values.
 * - group-mean: COINr's i_mean_grp, the mean of the indicator over units in the same group
 *   (a group with no data leaves the NA in place).
 * - previous-year (panel): the unit's most recent earlier observation (last value carried forward).
 * - regression (panel): a least-squares line of the unit's values on year, evaluated at the
 *   missing year; with a single observation it falls back to that value.
 */
import { type ColTable, type Column, cloneTable } from './columns';
import { CompositeError } from './errors';
import type { ImputeMethod } from './types';

export interface ImputeContext {
  groups?: Record<string, (string | null)[]>;
  time?: (number | null)[];
}

export function impute(t: ColTable, m: ImputeMethod, ctx: ImputeContext): ColTable {
  switch (m.method) {
    case 'group-mean':
      return imputeGroupMean(t, groupColumn(ctx, m.group));
    case 'previous-year':
      return imputePanel(t, timeColumn(ctx), previousYear);
    case 'regression':
      return imputePanel(t, timeColumn(ctx), linearTrend);
  }
}

function groupColumn(ctx: ImputeContext, name: string): (string | null)[] {
  const g = ctx.groups?.[name];
  if (!g) throw new CompositeError('UNKNOWN_GROUP_COLUMN', name, 'group column for group-mean imputation is not in the data');
  return g;
}

function timeColumn(ctx: ImputeContext): (number | null)[] {
  if (!ctx.time) throw new CompositeError('MISSING_TIME', 'Time', 'panel imputation needs a Time column');
  return ctx.time;
}

export function imputeGroupMean(t: ColTable, groups: (string | null)[]): ColTable {
  const out = cloneTable(t);
  t.cols.forEach((src, j) => {
    const sums = new Map<string | null, { s: number; n: number }>();
    for (let i = 0; i < src.length; i++) {
      if (Number.isNaN(src[i])) continue;
      const acc = sums.get(groups[i]) ?? { s: 0, n: 0 };
      acc.s += src[i];
      acc.n += 1;
      sums.set(groups[i], acc);
    }
    const dst = out.cols[j];
    for (let i = 0; i < src.length; i++) {
      if (!Number.isNaN(src[i])) continue;
      const acc = sums.get(groups[i]);
      if (acc && acc.n > 0) dst[i] = acc.s / acc.n;
    }
  });
  return out;
}

type SeriesFill = (years: number[], values: number[], at: number) => number;

const previousYear: SeriesFill = (years, values, at) => {
  let best = -Infinity;
  let val = NaN;
  for (let k = 0; k < years.length; k++) {
    if (years[k] < at && years[k] > best) {
      best = years[k];
      val = values[k];
    }
  }
  return val;
};

const linearTrend: SeriesFill = (years, values, at) => {
  if (years.length === 0) return NaN;
  if (years.length === 1) return values[0];
  const my = years.reduce((a, b) => a + b, 0) / years.length;
  const mv = values.reduce((a, b) => a + b, 0) / values.length;
  let sxy = 0;
  let sxx = 0;
  for (let k = 0; k < years.length; k++) {
    sxy += (years[k] - my) * (values[k] - mv);
    sxx += (years[k] - my) * (years[k] - my);
  }
  if (sxx === 0) return mv;
  return mv + (sxy / sxx) * (at - my);
};

/** Rows are (unit, year) pairs; fill each unit's gaps from its own series. */
function imputePanel(t: ColTable, time: (number | null)[], fill: SeriesFill): ColTable {
  const out = cloneTable(t);
  const rowsByUnit = new Map<string, number[]>();
  t.units.forEach((u, i) => {
    const rows = rowsByUnit.get(u) ?? [];
    rows.push(i);
    rowsByUnit.set(u, rows);
  });
  t.cols.forEach((src: Column, j) => {
    for (const rows of rowsByUnit.values()) {
      const obs = rows.filter((i) => !Number.isNaN(src[i]) && time[i] !== null);
      const years = obs.map((i) => time[i] as number);
      const values = obs.map((i) => src[i]);
      for (const i of rows) {
        if (!Number.isNaN(src[i]) || time[i] === null) continue;
        out.cols[j][i] = fill(years, values, time[i] as number);
      }
    }
  });
  return out;
}
