/**
 * Documents of an application, one or more per document the programme asks for. Stored and checked as brokerage
 * case files are (src/transfer/workflow/case-files.service.ts): the same accepted types, size limit and name rules,
 * the media type taken from the extension, the content with its SHA-256 in the database.
 */
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import type { Queryable } from '../../shared/db';
import type { Actor } from '../../shared/access/actor';
import { AppError } from '../../shared/http/errors';
import { CASE_FILE_EXTENSIONS, checkCaseFile, MAX_CASE_FILE_MB } from '../../transfer/workflow/case-files.service';
import { audit, fieldError } from './access';

export const MAX_APPLICATION_FILE_MB = MAX_CASE_FILE_MB;
export { attachmentHeader } from '../../transfer/workflow/case-files.service';

/** The same checks as case files, in the programmes' messages; then the shared check returns the media type. */
function checkFile(filename: string, bytes: Uint8Array): string {
  const name = filename.trim();
  if (name.length === 0 || name.length > 200 || /[\\/\u0000-\u001f]/.test(name)) throw fieldError('file', 'policy.programmes.fileName');
  if (!CASE_FILE_EXTENSIONS.includes(extname(name).toLowerCase())) throw fieldError('file', 'policy.programmes.fileType', { options: CASE_FILE_EXTENSIONS.join(', ') });
  if (bytes.length === 0) throw fieldError('file', 'policy.programmes.fileEmpty');
  if (bytes.length > MAX_APPLICATION_FILE_MB * 1024 * 1024) throw fieldError('file', 'policy.programmes.fileTooLarge', { max: MAX_APPLICATION_FILE_MB });
  return checkCaseFile({ filename: name, bytes });
}

export async function listApplicationFiles(db: Queryable, applicationId: number) {
  const rows = await db.query<{ id: number; document: string; filename: string; media_type: string; size_bytes: number; sha256: string; uploaded_at: string; username: string | null }>(
    `select f.id, f.document, f.filename, f.media_type, f.size_bytes, f.sha256, f.uploaded_at, u.username
     from policy_application_files f left join users u on u.id = f.uploaded_by where f.application_id = $1 order by f.id`, [applicationId]);
  return rows.map((r) => ({ ...r, id: Number(r.id), size_bytes: Number(r.size_bytes) }));
}

/** Adds a document to a draft application of the actor's organisation (the caller checked who may). */
export async function addApplicationFile(db: Queryable, actor: Actor, app: { id: number; zone_id: number; status: unknown }, requiredKeys: string[], document: string, filename: string, bytes: Uint8Array) {
  if (!requiredKeys.includes(document)) throw fieldError('document', 'policy.programmes.unknownDocument', { options: requiredKeys.join(', ') || '—' });
  if (app.status !== 'draft') throw new AppError('CONFLICT', 'policy.programmes.notDraft', { status: String(app.status) });
  const mediaType = checkFile(filename, bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const row = (await db.query<{ id: number }>(
    `insert into policy_application_files (application_id, zone_id, document, filename, media_type, size_bytes, sha256, content, uploaded_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [app.id, app.zone_id, document, filename.trim(), mediaType, bytes.length, sha256, Buffer.from(bytes), actor.userId]))[0]!;
  await audit(db, actor, 'policy-applications', app.id, app.zone_id, 'attach', null, { file_id: Number(row.id), document, filename: filename.trim(), sha256 });
}

export async function readApplicationFile(db: Queryable, applicationId: number, fileId: number) {
  const file = (await db.query<{ filename: string; media_type: string; content: Uint8Array }>(
    'select filename, media_type, content from policy_application_files where id = $1 and application_id = $2', [fileId, applicationId]))[0];
  if (!file) throw new AppError('NOT_FOUND', 'policy.programmes.fileNotFound', { id: applicationId, fileId });
  return file;
}
