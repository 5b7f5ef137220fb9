import { assertGloballyUnique, lockGlobalKeys } from './global-keys';
import type { Db, Queryable, Row } from '../db';
import type { Actor } from '../access/actor';
import { AppError } from '../http/errors';
import type { EntityDef } from './field-def';
import type { RawRow } from './file-reader';
import { rowBatches, type ImportInput } from './file-stream';
import { headerMap, headersOf, resolveRows, type PreparedRow, type RowIssue } from './import-rows';
import { visibilityOf } from '../access/actor';
import { findIdsByCode, upsertRecords } from './record-repository';
import { searchTextOf, writeCheckFor, constraintError, type WriteCheck } from './record-service';

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

/**
 * Validation of a file a batch at a time (file-stream.ts): only one batch's rows are held as objects at once, and the
 * file itself stays on disk, so the memory a validation needs does not grow with the file.
 */
export async function validateImport(db: Db, actor: Actor, def: EntityDef, fileName: string, input: ImportInput): Promise<{ report: ImportReport }> {
  const check = await writeCheckFor(db, actor);
  const visibility = await visibilityOf(db, actor);
  const seenCodes = new Map<string, number>();
  const errors: RowIssue[] = [];
  const unknownColumns = new Set<string>();
  let rows = 0;
  let valid = 0;
  for await (const raw of rowBatches(fileName, input, BATCH)) {
    const preparer = await resolveRows(db, def, raw, seenCodes, visibility);
    const prepared = preparer.finish(0, preparer.count);
    errors.push(...newFileIssues(preparer.fileIssues, unknownColumns));
    rows += raw.length;
    const scoped = await checkScope(db, actor, check, def, prepared.rows);
    errors.push(...prepared.issues, ...scoped.issues);
    valid += scoped.rows.length;
  }
  return { report: { entity: def.name, rows, valid, errors: errors.sort((a, b) => a.line - b.line) } };
}

/** Unknown columns once per file (JSON objects may bring new ones in a later batch). */
function newFileIssues(issues: readonly RowIssue[], seen: Set<string>): RowIssue[] {
  return issues.filter((i) => !seen.has(i.field) && seen.add(i.field));
}

/** Writing is refused for rows outside the actor's scope, including rows whose code names a record of another zone. */
async function checkScope(db: Queryable, actor: Actor, check: WriteCheck, def: EntityDef, rows: PreparedRow[]) {
  const existing = actor.role === 'admin' ? new Map() : await findIdsByCode(db, def, rows.map((r) => String(r.record.code)));
  const issues: RowIssue[] = [];
  const ok: PreparedRow[] = [];
  for (const row of rows) {
    const found = existing.get(String(row.record.code));
    const problem = check(def, row.record) ?? (found ? check(def, { ...row.record, id: found.id, zone_id: found.zone_id, organization_id: row.record.organization_id }) : null);
    const guarded = problem ? null : def.checkImportRow?.(row.record, actor);
    if (problem) issues.push({ line: row.line, field: def.zoneOwnership === 'organization' ? 'organization_id' : 'zone_id', key: problem.key, params: problem.params });
    else if (guarded) issues.push({ line: row.line, field: guarded.field, key: guarded.key, params: guarded.params });
    else ok.push(row);
  }
  return { rows: ok, issues };
}

/**
 * Reads, validates and writes a batch at a time inside one transaction. Validating batch i+1 (CPU, in this process)
 * overlaps with the database writing batch i (CPU, in the database's process), which is what makes an import on two
 * cores run at a good fraction of COPY's speed. In 'commit' mode the first invalid row stops the writing, validation
 * goes on to the end of the file so that every bad row is reported, and the transaction is rolled back.
 * `expectedRows` (from the validation before the job) is the total that progress is reported against.
 */
export async function commitImport(
  db: Db, actor: Actor, def: EntityDef, fileName: string, input: ImportInput, mode: Exclude<ImportMode, 'validate'>,
  onProgress: (done: number, total: number) => void = () => undefined, expectedRows = 0,
): Promise<ImportResult & { report: ImportReport }> {
  const check = await writeCheckFor(db, actor);
  const visibility = await visibilityOf(db, actor);
  const errors: RowIssue[] = [];
  const unknownColumns = new Set<string>();
  const seenCodes = new Map<string, number>();
  const stopOnError = mode === 'commit';
  let rows = 0;
  let valid = 0;
  let inserted = 0;
  let updated = 0;
  const written: string[] = [];
  const count = (result: { inserted: number; updated: number }, done: number) => {
    inserted += result.inserted;
    updated += result.updated;
    onProgress(done, Math.max(expectedRows, done));
  };
  try {
    await db.transaction(async (tx) => {
      await lockGlobalKeys(tx, def);
      const keyed: Row[] = [];
      let pending: Promise<{ inserted: number; updated: number }> | undefined;
      for await (const raw of rowBatches(fileName, input, BATCH)) {
        const preparer = await resolveRows(tx, def, raw, seenCodes, visibility);
        const prepared = preparer.finish(0, preparer.count);
        errors.push(...newFileIssues(preparer.fileIssues, unknownColumns));
        const before = rows;
        rows += raw.length;
        const scoped = await checkScope(tx, actor, check, def, prepared.rows);
        errors.push(...prepared.issues, ...scoped.issues);
        valid += scoped.rows.length;
        if (stopOnError && errors.length) continue;
        const batch = scoped.rows.map((r) => r.record);
        for (const r of batch) r.published ??= def.publishedByDefault;
        const columns = importColumns(def, raw, batch);
        const searches = batch.map((r) => searchTextOf(def, r));
        if (def.afterImport) for (const r of batch) written.push(String(r.code));
        for (const r of batch) keyed.push({ code: r.code, credit_code: r.credit_code });
        if (pending) count(await pending, before);
        pending = batch.length ? upsertRecords(tx, def, columns, batch, searches, actor.userId) : undefined;
      }
      if (pending) count(await pending, rows);
      if (stopOnError && errors.length) throw invalidFile(def, rows, valid, errors);
      await assertGloballyUnique(tx, def, keyed);
      if (written.length) await def.afterImport?.(tx, written, actor);
    });
  } catch (err) {
    throw constraintError(err) ?? err;
  }
  const report: ImportReport = { entity: def.name, rows, valid, errors: errors.sort((a, b) => a.line - b.line) };
  return { inserted, updated, skipped: rows - inserted - updated, report };
}

function invalidFile(def: EntityDef, rows: number, valid: number, errors: RowIssue[]): AppError {
  const report: ImportReport = { entity: def.name, rows, valid, errors: errors.sort((a, b) => a.line - b.line) };
  return new AppError('IMPORT_INVALID', 'problem.import', { count: new Set(errors.map((e) => e.line)).size }, [], { report });
}

/**
 * The columns a batch of an import writes: those the batch's rows have, plus what validation adds to every row (defaults, a derived zone,
 * natural codes). A column the file lacks is left as it is on records being updated.
 */
function importColumns(def: EntityDef, raw: readonly RawRow[], batch: readonly Row[]): string[] {
  const { map } = headerMap(def, headersOf(raw));
  const cols = new Set<string>(['code', 'published', ...map.values()]);
  for (const f of def.fields) if (f.derived) cols.delete(f.name);
  for (const r of batch) for (const k of Object.keys(r)) cols.add(k);
  return [...cols];
}
