/**
 * "Remove one and rebuild" sensitivity check (COINr remove_elements): the index is rebuilt with
 * each aggregate of a level removed in turn, together with everything below it, exactly as if it
 * had never been in the framework (so unit screening is recomputed on the remaining indicators).
 * Shows how much each aggregate drives the ranking.
 */
import { CompositeError } from './errors';
import { buildFramework } from './framework';
import { buildComposite } from './pipeline';
import { rankDescending } from './rank';
import type { CompositeData, CompositeMethod, CompositeResult, FrameworkNode } from './types';

export interface RemovalResult {
  units: string[];
  nominal: Float64Array;
  nominalRanks: Float64Array;
  removed: string[];
  /** Top-level scores without each removed aggregate, aligned with `units` (NaN if screened out). */
  scores: Float64Array[];
  ranks: Float64Array[];
}

function rootScores(res: CompositeResult, root: string, units: string[]): Float64Array {
  const j = res.aggregated.codes.indexOf(root);
  const col = res.aggregated.values[j];
  const row = new Map(res.aggregated.units.map((u, i) => [u, i]));
  return Float64Array.from(units, (u) => {
    const i = row.get(u);
    const v = i === undefined ? null : col[i];
    return v === null ? NaN : v;
  });
}

/** The framework without `code` and all of its descendants. */
export function withoutSubtree(framework: FrameworkNode[], code: string): FrameworkNode[] {
  const drop = new Set([code]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const n of framework) {
      if (n.parent !== null && drop.has(n.parent) && !drop.has(n.iCode)) {
        drop.add(n.iCode);
        grew = true;
      }
    }
  }
  return framework.filter((n) => !drop.has(n.iCode));
}

export function removeEachAggregate(framework: FrameworkNode[], data: CompositeData, method: CompositeMethod, level = 2): RemovalResult {
  const fw = buildFramework(framework);
  const removed = fw.aggregatesByLevel[level - 2];
  if (!removed || removed.length === 0) throw new CompositeError('LEVEL_MISMATCH', `level ${level}`, 'no aggregates at this level');
  const root = fw.aggregatesByLevel[fw.aggregatesByLevel.length - 1][0];
  if (removed.includes(root)) throw new CompositeError('LEVEL_MISMATCH', root, 'cannot remove the top-level index');
  const base = buildComposite(framework, data, method);
  const units = base.aggregated.units;
  const nominal = rootScores(base, root, units);
  const scores = removed.map((code) => {
    const rest = withoutSubtree(framework, code);
    const parent = fw.byCode.get(code)?.parent as string;
    if (!rest.some((n) => n.parent === parent)) {
      throw new CompositeError('EMPTY_AGGREGATE', code, `removing it leaves its parent "${parent}" with no children`);
    }
    return rootScores(buildComposite(rest, data, method), root, units);
  });
  return { units, nominal, nominalRanks: rankDescending(nominal), removed, scores, ranks: scores.map((c) => rankDescending(c)) };
}
