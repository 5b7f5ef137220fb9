/**
 * Hierarchical aggregation, level by level: each aggregate is computed from its direct
 * children only (never straight from the indicators), with the children's weights.
 * Row rules follow COINr:
 *   amean  Σ w·x over non-NA children, weights rescaled to sum to 1 over those children
 *   gmean  exp(Σ w·ln x / Σ w) over non-NA children; needs x > 0
 *   hmean  Σ w / Σ (w/x) over non-NA children; needs x ≠ 0
 * An aggregate is NA only when all of its children are NA (no minimum-data threshold).
 * copeland ranks units by pairwise outranking over one flat set of nodes instead (see copeland.ts).
 */
import type { ColTable, Column } from './columns';
import { copelandLevel, copelandMethods, copelandPlan, copelandScores } from './copeland';
import { CompositeError } from './errors';
import type { Framework } from './framework';
import type { AggregateMethod, AggregateMethodName } from './types';

/** A precompiled aggregation plan: column indices into the growing table and the weights. */
export interface AggregationPlan {
  /** Codes of the columns in the output table: indicators first, then aggregates. */
  codes: string[];
  nIndicators: number;
  steps: { code: string; children: Int32Array; weights: Float64Array; level: number }[];
}

export function compilePlan(fw: Framework, indicatorCodes: string[], weights: Record<string, number>): AggregationPlan {
  const codes = [...indicatorCodes];
  const pos = new Map<string, number>(codes.map((c, j) => [c, j]));
  const steps: AggregationPlan['steps'] = [];
  fw.aggregatesByLevel.forEach((codesAtLevel, k) => {
    for (const code of codesAtLevel) {
      const kids = fw.children.get(code) as string[];
      const idx = kids.map((c) => {
        const j = pos.get(c);
        if (j === undefined) throw new CompositeError('MISSING_INDICATOR_COLUMN', c, `child of "${code}" has no data column`);
        return j;
      });
      const w = kids.map((c) => weights[c]);
      let sum = 0;
      for (const [i, v] of w.entries()) {
        if (!Number.isFinite(v)) throw new CompositeError('INVALID_WEIGHT', kids[i], 'weight is missing or not a finite number');
        if (v < 0) throw new CompositeError('NEGATIVE_WEIGHT', kids[i], `weight ${v} is negative`);
        sum += v;
      }
      if (sum === 0) throw new CompositeError('ZERO_WEIGHT_SUM', code, 'the weights of its children sum to 0');
      steps.push({ code, children: Int32Array.from(idx), weights: Float64Array.from(w), level: k + 2 });
    }
    for (const code of codesAtLevel) {
      pos.set(code, codes.length);
      codes.push(code);
    }
  });
  return { codes, nIndicators: indicatorCodes.length, steps };
}

/** Run a plan over indicator columns; returns indicator + aggregate columns. */
export function runPlan(
  plan: AggregationPlan,
  indicatorCols: Column[],
  method: AggregateMethodName | AggregateMethodName[],
  units: string[],
): Column[] {
  const n = units.length;
  const cols: Column[] = [...indicatorCols];
  for (const step of plan.steps) {
    const m = Array.isArray(method) ? method[step.level - 2] ?? method[method.length - 1] : method;
    const kids = Array.from(step.children, (j) => cols[j]);
    let out: Column;
    if (m === 'copeland') {
      out = copelandScores(kids, step.weights).scores;
    } else {
      out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = aggregateRow(m, kids, step.weights, i, plan.codes, step.children, units);
    }
    cols.push(out);
  }
  return cols;
}

function aggregateRow(
  m: 'amean' | 'gmean' | 'hmean',
  kids: Column[],
  w: Float64Array,
  i: number,
  codes: string[],
  childIdx: Int32Array,
  units: string[],
): number {
  let wsum = 0;
  for (let k = 0; k < kids.length; k++) if (!Number.isNaN(kids[k][i])) wsum += w[k];
  if (wsum === 0) return NaN; // every child NA (or only zero-weight children present)
  let acc = 0;
  for (let k = 0; k < kids.length; k++) {
    const x = kids[k][i];
    if (Number.isNaN(x)) continue;
    if (m === 'amean') {
      acc += (w[k] / wsum) * x;
    } else if (m === 'gmean') {
      if (x <= 0) throw new CompositeError('NON_POSITIVE_VALUE', codes[childIdx[k]], `geometric mean needs values > 0; unit ${units[i]} has ${x}`);
      acc += w[k] * Math.log(x);
    } else {
      if (x === 0) throw new CompositeError('ZERO_VALUE', codes[childIdx[k]], `harmonic mean needs non-zero values; unit ${units[i]} has 0`);
      acc += w[k] / x;
    }
  }
  if (m === 'amean') return acc;
  if (m === 'gmean') return Math.exp(acc / wsum);
  return wsum / acc;
}

export function aggregate(
  normalised: ColTable,
  fw: Framework,
  weights: Record<string, number>,
  method: AggregateMethodName | AggregateMethodName[] | AggregateMethod,
): ColTable {
  let plan = compilePlan(fw, normalised.codes, weights);
  let m: AggregateMethodName | AggregateMethodName[] = typeof method === 'object' && !Array.isArray(method) ? method.method : method;
  if (m === 'copeland') {
    // Copeland over one flat set of criteria (see copeland.ts), not level by level.
    const spec = typeof method === 'object' && !Array.isArray(method) ? method : { method: m };
    const level = copelandLevel(fw, spec.level);
    plan = copelandPlan(plan, fw, weights, level);
    m = copelandMethods(fw, level, spec.below);
  }
  const cols = runPlan(plan, normalised.cols, m, normalised.units);
  return { units: [...normalised.units], codes: plan.codes, cols };
}
