/**
 * Test-only helpers: locate the COINr reference folder and compare engine tables with its
 * CSV files. The folder sits beside the repo (../shared/reference/composite); if it is missing
 * the tests fail loudly instead of skipping.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { parseCsv, readData, readFramework } from './csv';
import type { CompositeData, CompositeMethod, FrameworkNode, Table } from './types';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const refDir = path.resolve(repoRoot, '../shared/reference/composite');

export function requireRefDir(): string {
  if (!existsSync(path.join(refDir, 'README.md'))) {
    throw new Error(`COINr reference data not found at ${refDir}. Clone the shared/ folder beside the repo (see src/evaluation/composite/README.md).`);
  }
  return refDir;
}

export function refPath(rel: string): string {
  return path.join(requireRefDir(), rel);
}

export function readRef(rel: string): string {
  return readFileSync(refPath(rel), 'utf8');
}

export interface RefTable {
  header: string[];
  rows: Record<string, string>[];
}

export function loadRef(rel: string): RefTable {
  return parseCsv(readRef(rel), rel);
}

export function num(s: string | undefined): number | null {
  if (s === undefined || s.trim() === '' || s === 'NA') return null;
  return Number(s);
}

export function loadInputs(dir: 'asem' | 'toy'): { framework: FrameworkNode[]; data: CompositeData } {
  const framework = readFramework(readRef(dir === 'asem' ? 'asem/inputs/iMeta.csv' : 'toy/iMeta.csv'));
  const indicators = framework.filter((n) => n.level === 1).map((n) => n.iCode);
  const data = readData(readRef(dir === 'asem' ? 'asem/inputs/iData.csv' : 'toy/iData.csv'), indicators);
  return { framework, data };
}

/**
 * Compare every value of the reference file with the engine's table by (key, column):
 * same set of rows, NA exactly where the reference has NA, values within `tol`.
 */
export function expectTableMatches(actual: Table, rel: string, tol = 1e-6, keyOf: (r: Record<string, string>) => string = (r) => r.uCode, actualKeys?: string[]): void {
  const ref = loadRef(rel);
  const keys = actualKeys ?? actual.units;
  const rowOf = new Map(keys.map((k, i) => [k, i]));
  expect(ref.rows.length, `${rel}: row count`).toBe(keys.length);
  let worst = 0;
  let checked = 0;
  for (const r of ref.rows) {
    const i = rowOf.get(keyOf(r));
    expect(i, `${rel}: unit ${keyOf(r)} missing from engine output`).not.toBeUndefined();
    for (const col of ref.header) {
      if (col === 'uCode' || col === 'Time' || col === 'uName') continue;
      const j = actual.codes.indexOf(col);
      expect(j, `${rel}: column ${col} missing from engine output`).toBeGreaterThanOrEqual(0);
      const want = num(r[col]);
      const got = actual.values[j][i as number];
      if (want === null) {
        expect(got, `${rel}: ${keyOf(r)}/${col} should be NA`).toBeNull();
      } else {
        expect(got, `${rel}: ${keyOf(r)}/${col} is NA, expected ${want}`).not.toBeNull();
        const d = Math.abs((got as number) - want);
        worst = Math.max(worst, d);
        if (d > tol) expect.fail(`${rel}: ${keyOf(r)}/${col} = ${got}, expected ${want} (|diff| ${d})`);
      }
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(0);
}

/** COINr's build_example_coin() settings (scenario B). */
export const B_METHOD: CompositeMethod = {
  denominate: true,
  impute: { method: 'group-mean', group: 'EurAsia_group' },
  screen: { minAvailability: 0.9 },
  treat: { method: 'winsorise-then-log', skew: 2, kurt: 3.5, winmax: 5 },
  normalise: { method: 'minmax', lower: 0, upper: 100 },
  aggregate: { method: 'amean' },
};
