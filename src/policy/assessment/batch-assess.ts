import { type CompiledVersion, prepareRegistryCase } from './engine';
import type { PolicyCaseInput } from '../rules/case';
import { caseFromRegistry, mergerFor } from './registry-case';
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

/**
 * `given`: what every enterprise is taken to have stated on top of the registry (flags, counts the registry lacks),
 * merged into each case exactly as a user's input is in the one-enterprise assessment.
 */
export function assessRows(rows: readonly AggregateRow[], date: string, versions: readonly { programme: Programme; compiled: CompiledVersion }[],
  given?: PolicyCaseInput): BatchCounts {
  const counts = emptyCounts(versions.map((v) => v.programme));
  const merge = given ? mergerFor(given, { inPlace: true }) : null; // each registry case is built for this merge alone
  for (const row of rows) {
    const registry = caseFromRegistry(caseFactsOfRow(row), date, false).case;
    const prepared = prepareRegistryCase(merge ? merge(registry) : registry, date);
    for (const v of versions) counts[v.programme]![v.compiled.verdict(prepared)]++;
  }
  return counts;
}
