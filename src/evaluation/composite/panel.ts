/**
 * Panel (unit × year) builds. Imputation, screening and treatment run year by year (as COINr
 * does for a purse of coins); normalisation either pools the min and max over all years and
 * units (EIS "rescale over the whole period", so scores are comparable across years) or runs
 * per year. Aggregation is row-wise, so it is the same either way.
 */
import { type ColTable, selectRows, toPublic } from './columns';
import { aggregate } from './aggregate';
import { CompositeError } from './errors';
import { buildFramework } from './framework';
import { impute } from './impute';
import { normalise } from './normalise';
import { prepareStages } from './pipeline';
import { rankDescending } from './rank';
import { treat } from './treat';
import type { CompositeData, CompositeMethod, FrameworkNode, Table } from './types';
import { resolveWeights } from './weights';

export type PanelTable = Table & { time: number[] };

export interface PanelResult {
  screened: PanelTable;
  treated: PanelTable;
  normalised: PanelTable;
  aggregated: PanelTable;
  /** Ranks within each year. */
  ranks: PanelTable;
}

export interface PanelMethod extends CompositeMethod {
  /** 'pooled' (default): min-max bounds over all years; 'per-year': each year on its own. */
  normaliseScope?: 'pooled' | 'per-year';
}

export function buildPanel(framework: FrameworkNode[], data: CompositeData, method: PanelMethod): PanelResult {
  const fw = buildFramework(framework);
  const time = data.time;
  if (!time || time.some((t) => t === null)) throw new CompositeError('MISSING_TIME', 'Time', 'panel data need a year on every row');
  const years = [...new Set(time as number[])].sort((a, b) => a - b);
  // Panel imputation (previous-year, regression) needs the whole series, so it runs first.
  const panelImpute = method.impute && method.impute.method !== 'group-mean' ? method.impute : null;
  let base = data;
  if (panelImpute) {
    const st = prepareStages(fw, data, { denominate: method.denominate, impute: null, screen: null }, { panelRows: true });
    const filled = impute(st.denominated, panelImpute, { time: data.time });
    base = { ...data, indicators: Object.fromEntries(filled.codes.map((c, j) => [c, Array.from(filled.cols[j], (v) => (Number.isNaN(v) ? null : v))])), denominators: {} };
  }
  const screenedParts: ColTable[] = [];
  const treatedParts: ColTable[] = [];
  const partTimes: number[][] = [];
  for (const year of years) {
    const rows = (time as number[]).flatMap((t, i) => (t === year ? [i] : []));
    const sub = subsetData(base, rows);
    const st = prepareStages(fw, sub, {
      denominate: panelImpute ? false : method.denominate,
      impute: panelImpute ? null : method.impute,
      screen: method.screen,
    });
    screenedParts.push(st.screened);
    treatedParts.push(method.treat ? treat(st.screened, method.treat).table : st.screened);
    partTimes.push(st.screened.units.map(() => year));
  }
  const rowTime = partTimes.flat();
  const screened = stack(screenedParts);
  const treated = stack(treatedParts);
  let normalised: ColTable;
  if ((method.normaliseScope ?? 'pooled') === 'pooled') {
    normalised = normalise(treated, fw, method.normalise);
  } else {
    normalised = stack(treatedParts.map((p) => normalise(p, fw, method.normalise)));
  }
  const weights = resolveWeights(fw, method.weights, normalised);
  const aggregated = aggregate(normalised, fw, weights, method.aggregate);
  const ranks: ColTable = { units: [...aggregated.units], codes: [...aggregated.codes], cols: aggregated.cols.map((c) => c.slice()) };
  for (const year of years) {
    const keep = rowTime.map((t) => t === year);
    const idx = rowTime.flatMap((t, i) => (t === year ? [i] : []));
    aggregated.cols.forEach((c, j) => {
      const r = rankDescending(selectRows({ units: aggregated.units, codes: ['x'], cols: [c] }, keep).cols[0]);
      idx.forEach((i, k) => (ranks.cols[j][i] = r[k]));
    });
  }
  const withTime = (t: ColTable): PanelTable => ({ ...toPublic(t), time: [...rowTime] });
  return { screened: withTime(screened), treated: withTime(treated), normalised: withTime(normalised), aggregated: withTime(aggregated), ranks: withTime(ranks) };
}

function subsetData(d: CompositeData, rows: number[]): CompositeData {
  const pick = <T>(a: T[]): T[] => rows.map((i) => a[i]);
  const mapRec = <T>(r: Record<string, T[]> | undefined): Record<string, T[]> | undefined =>
    r ? Object.fromEntries(Object.entries(r).map(([k, v]) => [k, pick(v)])) : undefined;
  return {
    units: pick(d.units),
    indicators: mapRec(d.indicators) as Record<string, (number | null)[]>,
    denominators: mapRec(d.denominators),
    groups: mapRec(d.groups),
    time: d.time ? pick(d.time) : undefined,
  };
}

function stack(parts: ColTable[]): ColTable {
  const codes = parts[0]?.codes ?? [];
  return {
    units: parts.flatMap((p) => p.units),
    codes: [...codes],
    cols: codes.map((_, j) => {
      const n = parts.reduce((s, p) => s + p.units.length, 0);
      const out = new Float64Array(n);
      let o = 0;
      for (const p of parts) { out.set(p.cols[j], o); o += p.units.length; }
      return out;
    }),
  };
}
