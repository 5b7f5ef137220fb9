/**
 * "Remove one and rebuild" sensitivity check (COINr remove_elements): the index is rebuilt with
 * each aggregate of a level left out in turn (its weight set to 0, which is the same as
 * deleting it from its parent's mean), showing how much each one drives the ranking.
 */
import { FastModel } from './fastModel';
import { CompositeError } from './errors';
import { buildFramework } from './framework';
import { rankDescending } from './rank';
import type { CompositeData, CompositeMethod, FrameworkNode } from './types';

export interface RemovalResult {
  units: string[];
  nominal: Float64Array;
  nominalRanks: Float64Array;
  removed: string[];
  scores: Float64Array[];
  ranks: Float64Array[];
}

export function removeEachAggregate(framework: FrameworkNode[], data: CompositeData, method: CompositeMethod, level = 2): RemovalResult {
  const fw = buildFramework(framework);
  const removed = fw.aggregatesByLevel[level - 2];
  if (!removed || removed.length === 0) throw new CompositeError('LEVEL_MISMATCH', `level ${level}`, 'no aggregates at this level');
  const weightSets = removed.map((code) => ({ [code]: 0 }));
  const model = new FastModel({ framework, data, base: method, weightSets });
  const nominal = model.index({});
  const scores = removed.map((code, k) => {
    try {
      return model.index({ weightSet: k });
    } catch (e) {
      // Removing the only child of a parent leaves nothing to aggregate: say which one.
      if (e instanceof CompositeError && e.code === 'ZERO_WEIGHT_SUM') throw new CompositeError('ZERO_WEIGHT_SUM', code, 'cannot remove the only child of its parent');
      throw e;
    }
  });
  return { units: model.units, nominal, nominalRanks: rankDescending(nominal), removed, scores, ranks: scores.map((c) => rankDescending(c)) };
}
