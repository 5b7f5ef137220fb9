/**
 * Copeland aggregation (COINr a_copeland / outrankMatrix). For units p before q,
 * M[p,q] = Σ w over columns where p > q + ½ Σ w where p = q (weights rescaled to sum to 1 over
 * all columns; a column where either value is NA contributes nothing); M[q,p] = 1 − M[p,q];
 * the diagonal is 0. Cells are recoded > ½ → +1, < ½ → −1, = ½ → 0 and the score is the row
 * sum. A dominance pair is a cell equal to 1. Units with no data in any column get NA and are
 * left out of the comparisons (COINr would give them an arbitrary score).
 */
import type { AggregationPlan } from './aggregate';
import type { Column } from './columns';
import { CompositeError } from './errors';
import type { Framework } from './framework';
import type { AggregateMethodName } from './types';

export interface CopelandResult {
  scores: Column;
  /** Raw outranking matrix, row-major n × n (NaN for rows/cols of units without data). */
  matrix: Float64Array;
  nDominant: number;
  fracDominant: number;
}

export function copelandScores(cols: Column[], weights?: ArrayLike<number>): CopelandResult {
  const n = cols.length > 0 ? cols[0].length : 0;
  const k = cols.length;
  const w = new Float64Array(k);
  let wsum = 0;
  for (let j = 0; j < k; j++) wsum += weights ? weights[j] : 1;
  for (let j = 0; j < k; j++) w[j] = (weights ? weights[j] : 1) / wsum;
  const hasData = new Uint8Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) if (!Number.isNaN(cols[j][i])) hasData[i] = 1;
  const m = new Float64Array(n * n).fill(NaN);
  for (let p = 0; p < n; p++) {
    if (!hasData[p]) continue;
    m[p * n + p] = 0;
    for (let q = p + 1; q < n; q++) {
      if (!hasData[q]) continue;
      let s = 0;
      let ties = 0;
      for (let j = 0; j < k; j++) {
        const a = cols[j][p];
        const b = cols[j][q];
        if (a > b) s += w[j];
        else if (a === b) ties += w[j];
      }
      m[p * n + q] = s + ties / 2;
      m[q * n + p] = 1 - m[p * n + q];
    }
  }
  const scores = new Float64Array(n).fill(NaN);
  let nDominant = 0;
  for (let p = 0; p < n; p++) {
    if (!hasData[p]) continue;
    let s = 0;
    for (let q = 0; q < n; q++) {
      if (q === p || !hasData[q]) continue;
      const v = m[p * n + q];
      if (v === 1) nDominant++;
      s += v > 0.5 ? 1 : v < 0.5 ? -1 : 0;
    }
    scores[p] = s;
  }
  const nPairs = (n * n - n) / 2;
  return { scores, matrix: m, nDominant, fracDominant: nPairs > 0 ? nDominant / nPairs : 0 };
}

/**
 * `aggregate: {method: "copeland", level?, below?}` in a hierarchy. Copeland ranks units over ONE flat set of
 * criteria, so it is used where that set is: every aggregate above `level` is the weighted Copeland score over all
 * the level-`level` nodes under it (a flat set, each with its own framework weight — COINr's `a_copeland` on those
 * columns), and the nodes up to `level` are built as usual with `below` (default the arithmetic mean). `level`
 * defaults to the pillars (2) when there are aggregates above them, else to the indicators (a flat framework).
 * Copeland over Copeland scores (the old level-by-level use) is not offered: it re-ranks ranks.
 */
export function copelandLevel(fw: Framework, level?: number): number {
  const l = level ?? (fw.maxLevel > 2 ? 2 : 1);
  if (!Number.isInteger(l) || l < 1 || l >= fw.maxLevel) {
    throw new CompositeError('INVALID_METHOD', 'aggregate.level', `Copeland compares the nodes of one level below the top (1–${fw.maxLevel - 1}); got ${level}`);
  }
  return l;
}

/** The plan with every step above `level` reading the level-`level` nodes under it, with their own weights. */
export function copelandPlan(plan: AggregationPlan, fw: Framework, weights: Record<string, number>, level: number): AggregationPlan {
  const pos = new Map(plan.codes.map((c, j) => [c, j]));
  const below = (code: string): string[] => (fw.children.get(code) ?? []).flatMap((k) => ((fw.byCode.get(k)?.level ?? 1) === level ? [k] : below(k)));
  return {
    ...plan,
    steps: plan.steps.map((s) => {
      if (s.level <= level) return s;
      const kids = below(s.code);
      return { ...s, children: Int32Array.from(kids, (k) => pos.get(k)!), weights: Float64Array.from(kids, (k) => weights[k]) };
    }),
  };
}

/** Aggregation method per level (index 0 = level 2) for a Copeland index over `level`. */
export function copelandMethods(fw: Framework, level: number, below: Exclude<AggregateMethodName, 'copeland'> = 'amean'): AggregateMethodName[] {
  return Array.from({ length: fw.maxLevel - 1 }, (_, k) => (k + 2 > level ? 'copeland' : below));
}
