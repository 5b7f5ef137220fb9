import { type CompiledVersion, prepareRegistryCase } from './engine';
import { caseFromRegistry } from './registry-case';
import { caseFactsOfRow, type AggregateRow } from './registry-cases.batch';
import type { Programme } from './tiers';

/**
 * Self-assessment of many enterprises on registry data: each aggregated row becomes a case once and is assessed
 * against every programme's compiled version (the batch form: no trace, no text). Pure, so it runs in workers.
 */
export interface VerdictCounts { qualifies: number; qualifies_unverified: number; fails: number; incomplete: number }
export type BatchCounts = Record<string, VerdictCounts>;

export const emptyCounts = (programmes: readonly string[]): BatchCounts =>
  Object.fromEntries(programmes.map((p) => [p, { qualifies: 0, qualifies_unverified: 0, fails: 0, incomplete: 0 }]));

export function addCounts(into: BatchCounts, from: BatchCounts): void {
  for (const [p, c] of Object.entries(from)) {
    const t = (into[p] ??= { qualifies: 0, qualifies_unverified: 0, fails: 0, incomplete: 0 });
    t.qualifies += c.qualifies; t.qualifies_unverified += c.qualifies_unverified; t.fails += c.fails; t.incomplete += c.incomplete;
  }
}

export function assessRows(rows: readonly AggregateRow[], date: string, versions: readonly { programme: Programme; compiled: CompiledVersion }[]): BatchCounts {
  const counts = emptyCounts(versions.map((v) => v.programme));
  for (const row of rows) {
    const prepared = prepareRegistryCase(caseFromRegistry(caseFactsOfRow(row), date, false).case, date);
    for (const v of versions) counts[v.programme]![v.compiled.summary(prepared).verdict]++;
  }
  return counts;
}
