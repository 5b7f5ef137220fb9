/**
 * Unit screening by data availability (COINr Screen, byNA): a unit is kept when its share of
 * non-NA indicators is at least the threshold.
 */
import { type ColTable, selectRows } from './columns';
import type { ScreenMethod, ScreenSummary } from './types';

export function screen(t: ColTable, m: ScreenMethod): { table: ColTable; summary: ScreenSummary[] } {
  const nInd = t.cols.length;
  const summary = t.units.map((uCode, i) => {
    let nMissing = 0;
    for (const c of t.cols) if (Number.isNaN(c[i])) nMissing++;
    const availability = 1 - nMissing / nInd;
    return { uCode, nMissing, availability, included: availability >= m.minAvailability };
  });
  return { table: selectRows(t, summary.map((s) => s.included)), summary };
}
