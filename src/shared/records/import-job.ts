import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Db } from '../db';
import { JobStopped, type JobQueue } from '../jobs/job-queue';
import { commitImport, type ImportMode } from './record-import';
import { AppError } from '../http/errors';
import { databaseError } from '../http/database-errors';
import { issuesToErrors, problemOf } from '../http/problem';
import { entityByName } from './registry-of-entities';
import type { RowIssue } from './import-rows';
import type { EntityDef } from './field-def';
import type { Locale } from '../i18n';
import { presentImportIssues } from './import-messages';

/** Uploaded files wait in a folder until their import job has run, so a restart can run the job again. */
let uploadDir = join(tmpdir(), 'kechuang-uploads');

export function setUploadDir(dir: string): void {
  uploadDir = dir;
}

function uploadPath(fileName: string): string {
  return join(uploadDir, `${randomUUID()}-${fileName.replace(/[^\w.\-]/g, '_')}`);
}

/**
 * Writes an upload to the upload folder as it arrives (a multipart file stream is never gathered in memory) and
 * returns its path. A stream cut off by its size cap ends early (the caller checks `truncated`); on any error the
 * partial file is removed.
 */
export async function streamUpload(fileName: string, stream: Readable): Promise<string> {
  await mkdir(uploadDir, { recursive: true });
  const path = uploadPath(fileName);
  try {
    await pipeline(stream, createWriteStream(path));
  } catch (err) {
    await rm(path, { force: true });
    throw err;
  }
  return path;
}

const ANALYZE_AFTER_ROWS = 10_000;

/** Called after an import job has committed, e.g. to recompute what is derived from the imported records. */
export type AfterImport = (entity: string, userId: number | null) => Promise<void>;

export function defineImportJob(jobs: JobQueue, db: Db, afterImport?: AfterImport): void {
  jobs.define('import', async (ctx) => {
    const { entity, fileName, path, mode, locale, rows } = ctx.payload as { entity: string; fileName: string; path: string; mode: Exclude<ImportMode, 'validate'>; locale?: Locale; rows?: number };
    const users = await db.query<{ role: 'admin' | 'zone_operator' | 'org_user'; username: string; zone_id: number | null; organization_id: number | null }>(
      'select role, username, zone_id, organization_id from users where id = $1', [ctx.userId]);
    const user = users[0];
    if (!user) throw new Error('the user who started this import no longer exists');
    const actor = { userId: ctx.userId!, username: user.username, role: user.role, zoneId: user.zone_id, organizationId: user.organization_id };
    // On shutdown the import stops at a batch boundary: its transaction rolls back and the job runs again later.
    const progress = (done: number, total: number) => { ctx.setProgress(done, total); ctx.checkpoint(); };
    const result = await commitImport(db, actor, entityByName(entity), fileName, { path }, mode, progress, rows ?? 0)
      .catch((err: unknown) => { throw err instanceof JobStopped ? err : new Error(jobErrorText(err, locale, entityByName(entity))); });
    await rm(path, { force: true });
    // A large import changes the table's statistics enough to mislead the planner until autovacuum comes round.
    if (result.inserted + result.updated >= ANALYZE_AFTER_ROWS) await db.exec(`analyze ${entityByName(entity).table}`);
    if (afterImport && result.inserted + result.updated > 0) await afterImport(entity, ctx.userId);
    return { inserted: result.inserted, updated: result.updated, skipped: result.skipped };
  });
}

/**
 * What a failed import job records as its error: the field problems (with their lines), never a raw database message
 * such as `value "3000000000" is out of range for type integer`.
 */
export function jobErrorText(err: unknown, locale: Locale = 'en', def?: EntityDef): string {
  const appError = err instanceof AppError ? err : databaseError(err);
  if (!appError) return err instanceof Error ? err.message : String(err);
  const report = appError.extra.report as { errors?: RowIssue[] } | undefined;
  // In the language of the person who started the import, columns by their labels (as the wizard shows them).
  const message = (e: RowIssue) => (def ? presentImportIssues(locale, def, [e])[0]!.message : issuesToErrors(locale, [e])[0]!.message);
  const lines = (report?.errors ?? []).slice(0, 20).map((e) => (locale === 'en' ? `line ${e.line}: ${message(e)}` : `第 ${e.line} 行：${message(e)}`));
  const problem = problemOf(appError, locale);
  return [problem.detail ?? problem.title, ...lines].join('\n');
}
