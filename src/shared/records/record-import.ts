import type { Db, Row } from '../db';
import type { Actor } from '../access/actor';
import { AppError } from '../http/errors';
import type { EntityDef } from './field-def';
import { readTable } from './file-reader';
import { prepareRows, type PreparedRow, type RowIssue } from './import-rows';
import { findIdsByCode, upsertRecords } from './record-repository';
import { searchTextOf, writeCheckFor, constraintError } from './record-service';

/**
 * Imports are all-or-nothing per file: one transaction, so a failure or a killed process leaves the database as it
 * was. `validOnly` imports the valid rows and reports the others. Re-importing a file updates records by code.
 */
export type ImportMode = 'validate' | 'commit' | 'valid-only';

export interface ImportReport {
  entity: string;
  rows: number;
  valid: number;
  errors: RowIssue[];
}

export interface ImportResult {
  inserted: number;
  updated: number;
  skipped: number;
}

const BATCH = 5000;

export async function validateImport(db: Db, actor: Actor, def: EntityDef, fileName: string, bytes: Uint8Array) {
  const raw = await readTable(fileName, bytes);
  const { rows, issues } = await prepareRows(db, def, raw);
  const scoped = await checkScope(db, actor, def, rows);
  const errors = [...issues, ...scoped.issues].sort((a, b) => a.line - b.line);
  const report: ImportReport = { entity: def.name, rows: raw.length, valid: scoped.rows.length, errors };
  return { report, rows: scoped.rows };
}

/** Writing is refused for rows outside the actor's scope, including rows whose code names a record of another zone. */
async function checkScope(db: Db, actor: Actor, def: EntityDef, rows: PreparedRow[]) {
  const check = await writeCheckFor(db, actor);
  const existing = actor.role === 'admin' ? new Map() : await findIdsByCode(db, def, rows.map((r) => String(r.record.code)));
  const issues: RowIssue[] = [];
  const ok: PreparedRow[] = [];
  for (const row of rows) {
    const found = existing.get(String(row.record.code));
    const problem = check(def, row.record) ?? (found ? check(def, { ...row.record, id: found.id, zone_id: found.zone_id, organization_id: row.record.organization_id }) : null);
    if (problem) issues.push({ line: row.line, field: def.zoneOwnership === 'organization' ? 'organization_id' : 'zone_id', key: problem.key, params: problem.params });
    else ok.push(row);
  }
  return { rows: ok, issues };
}

export async function commitImport(
  db: Db, actor: Actor, def: EntityDef, fileName: string, bytes: Uint8Array, mode: Exclude<ImportMode, 'validate'>,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<ImportResult & { report: ImportReport }> {
  const { report, rows } = await validateImport(db, actor, def, fileName, bytes);
  if (mode === 'commit' && report.errors.length) {
    throw new AppError('IMPORT_INVALID', 'problem.import', { count: new Set(report.errors.map((e) => e.line)).size }, [], { report });
  }
  const columns = importColumns(def, rows);
  let inserted = 0;
  let updated = 0;
  try {
    await db.transaction(async (tx) => {
      // Analysing the text of batch i+1 (CPU, in this process) overlaps with the database writing batch i.
      let pending: Promise<{ inserted: number; updated: number }> | undefined;
      for (let i = 0; i < rows.length; i += BATCH) {
        const batch = rows.slice(i, i + BATCH).map((r) => r.record);
        const searches = batch.map((r) => searchTextOf(def, r));
        if (pending) count(await pending, i);
        pending = upsertRecords(tx, def, columns, batch, searches, actor.userId);
      }
      if (pending) count(await pending, rows.length);
    });
  } catch (err) {
    throw constraintError(err) ?? err;
  }
  function count(result: { inserted: number; updated: number }, done: number) {
    inserted += result.inserted;
    updated += result.updated;
    onProgress(done, rows.length);
  }
  return { inserted, updated, skipped: report.rows - rows.length, report };
}

/** Every column that any row sets, plus code; published defaults per entity when absent. */
function importColumns(def: EntityDef, rows: readonly PreparedRow[]): string[] {
  const cols = new Set<string>(['code', 'published']);
  for (const r of rows) for (const k of Object.keys(r.record)) cols.add(k);
  for (const r of rows) (r.record as Row).published ??= def.publishedByDefault;
  return [...cols];
}
