/**
 * The full build: denominate → impute → screen → treat → normalise → weights → aggregate →
 * rank. Every stage's table is returned so any number in the index can be traced back.
 */
import { type ColTable, type Column, selectRows, toColumn, toPublic } from './columns';
import { aggregate } from './aggregate';
import { denominate } from './denominate';
import { CompositeError } from './errors';
import { type Framework, buildFramework } from './framework';
import { impute } from './impute';
import { normalise } from './normalise';
import { rankTable } from './rank';
import { screen } from './screen';
import { treat } from './treat';
import type { CompositeData, CompositeMethod, CompositeResult, FrameworkNode, ScreenSummary, TreatmentDetail } from './types';
import { resolveWeights } from './weights';

/** Indicator columns of the input as an internal table, checked against the framework. */
export function rawTable(fw: Framework, data: CompositeData): ColTable {
  const cols = fw.indicators.map((code) => {
    const v = data.indicators[code];
    if (!v) throw new CompositeError('MISSING_INDICATOR_COLUMN', code, 'indicator in the framework has no data column');
    if (v.length !== data.units.length) throw new CompositeError('MISSING_INDICATOR_COLUMN', code, 'column length differs from the number of units');
    return toColumn(v);
  });
  return { units: [...data.units], codes: [...fw.indicators], cols };
}

export function assertIndicatorsHaveData(t: ColTable): void {
  t.cols.forEach((c, j) => {
    if (c.every((v) => Number.isNaN(v))) throw new CompositeError('INDICATOR_NO_DATA', t.codes[j], 'no unit has a value for this indicator');
  });
}

export function assertUnitsHaveData(t: ColTable): void {
  t.units.forEach((u, i) => {
    if (t.cols.every((c) => Number.isNaN(c[i]))) throw new CompositeError('UNIT_NO_DATA', u, 'every indicator value of this unit is missing');
  });
}

export interface PreparedStages {
  raw: ColTable;
  denominated: ColTable;
  imputed: ColTable;
  screened: ColTable;
  screening: ScreenSummary[];
  /** Row indices (into the input) that survived screening. */
  keptRows: number[];
}

export function assertUniqueUnits(units: string[]): void {
  const seen = new Set<string>();
  for (const u of units) {
    if (seen.has(u)) throw new CompositeError('DUPLICATE_CODE', u, 'unit code appears more than once (panel data need buildPanel / a Time column)');
    seen.add(u);
  }
}

/** Stages before treatment: they do not depend on any of the sensitivity-analysis choices. */
export function prepareStages(
  fw: Framework,
  data: CompositeData,
  method: Pick<CompositeMethod, 'denominate' | 'impute' | 'screen'>,
  opts: { panelRows?: boolean } = {},
): PreparedStages {
  if (!opts.panelRows) assertUniqueUnits(data.units);
  const raw = rawTable(fw, data);
  assertIndicatorsHaveData(raw);
  let denominated = raw;
  if (method.denominate) {
    const denoms: Record<string, Column> = {};
    for (const [k, v] of Object.entries(data.denominators ?? {})) denoms[k] = toColumn(v);
    denominated = denominate(raw, fw, denoms);
  }
  const imputed = method.impute ? impute(denominated, method.impute, { groups: data.groups, time: data.time }) : denominated;
  let screened = imputed;
  let screening: ScreenSummary[] = imputed.units.map((uCode) => ({ uCode, nMissing: 0, availability: 1, included: true }));
  if (method.screen) {
    const s = screen(imputed, method.screen);
    screened = s.table;
    screening = s.summary;
  } else {
    screening = screen(imputed, { minAvailability: 0 }).summary;
  }
  const keptRows = screening.flatMap((s, i) => (s.included ? [i] : []));
  assertUnitsHaveData(screened);
  assertIndicatorsHaveData(screened);
  return { raw, denominated, imputed, screened, screening, keptRows };
}

export function buildComposite(framework: FrameworkNode[], data: CompositeData, method: CompositeMethod): CompositeResult {
  const fw = buildFramework(framework);
  return buildWithFramework(fw, data, method);
}

export function buildWithFramework(fw: Framework, data: CompositeData, method: CompositeMethod): CompositeResult {
  const st = prepareStages(fw, data, method);
  let treated = st.screened;
  let details: TreatmentDetail[] = [];
  let points: string[][] = st.screened.cols.map((c) => new Array<string>(c.length).fill(''));
  if (method.treat) {
    const r = treat(st.screened, method.treat);
    treated = r.table;
    details = r.details;
    points = r.points;
  }
  const normalised = normalise(treated, fw, method.normalise);
  const weights = resolveWeights(fw, method.weights, normalised);
  const aggregated = aggregate(normalised, fw, weights, method.aggregate);
  return {
    framework: fw.nodes,
    raw: toPublic(st.raw),
    denominated: toPublic(st.denominated),
    imputed: toPublic(st.imputed),
    screened: toPublic(st.screened),
    screening: st.screening,
    treated: toPublic(treated),
    treatment: details,
    treatedPoints: { units: [...treated.units], codes: [...treated.codes], values: points },
    normalised: toPublic(normalised),
    aggregated: toPublic(aggregated),
    ranks: toPublic(rankTable(aggregated)),
    weights,
  };
}

export { selectRows };
