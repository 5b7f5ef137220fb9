import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import type { Queryable } from '../../shared/db';
import type { Actor } from '../../shared/access/actor';
import { deny, rejectField, requireActor, TransferError } from './common';
import { brokers, viewerOf } from './disclosure';
import { caseNotFound, caseRow, mayReadCase } from './case-access';

/**
 * Files of a brokerage case: contract scans, minutes, test reports. Whoever may read the case (its two parties and
 * the zone's brokers) may add files and download them; the uploader or a broker may remove one, which hides it and
 * keeps who removed it and when.
 */
export const MAX_CASE_FILE_MB = 20;
/** Documents a case collects, by extension; the media type is taken from here, never from the client. */
const MEDIA_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.ofd': 'application/ofd',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.zip': 'application/zip',
};
export const CASE_FILE_EXTENSIONS = Object.keys(MEDIA_TYPES);

export interface CaseFileInput {
  filename: string;
  bytes: Uint8Array;
}

/** Checks a file before anything is stored (pure); returns its media type. */
export function checkCaseFile({ filename, bytes }: CaseFileInput): string {
  const name = filename.trim();
  if (name.length === 0 || name.length > 200 || /[\\/\u0000-\u001f]/.test(name)) throw rejectField('file', 'transfer.case.fileName');
  const mediaType = MEDIA_TYPES[extname(name).toLowerCase()];
  if (!mediaType) throw rejectField('file', 'transfer.case.fileType', { options: CASE_FILE_EXTENSIONS });
  if (bytes.length === 0) throw rejectField('file', 'transfer.case.fileEmpty');
  if (bytes.length > MAX_CASE_FILE_MB * 1024 * 1024) throw rejectField('file', 'transfer.case.fileTooLarge', { max: MAX_CASE_FILE_MB });
  return mediaType;
}

export async function listCaseFiles(db: Queryable, caseId: number) {
  const rows = await db.query(
    `select f.id, f.filename, f.media_type, f.size_bytes, f.sha256, f.uploaded_by, u.username, f.uploaded_at
     from transfer_case_files f left join users u on u.id = f.uploaded_by where f.case_id = $1 and f.removed_at is null order by f.id`, [caseId]);
  return rows.map((r) => ({ ...r, id: Number(r.id), size_bytes: Number(r.size_bytes) }));
}

async function readableCase(db: Queryable, actor: Actor, caseId: number) {
  const row = await caseRow(db, caseId);
  if (!row || !(await mayReadCase(db, actor, row))) throw caseNotFound(caseId);
  return row;
}

export async function addCaseFile(db: Queryable, actor: Actor | null, caseId: number, input: CaseFileInput) {
  const a = requireActor(actor);
  const row = await readableCase(db, a, caseId);
  const mediaType = checkCaseFile(input);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  await db.query(
    `insert into transfer_case_files (case_id, zone_id, filename, media_type, size_bytes, sha256, content, uploaded_by) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [caseId, row.zone_id, input.filename.trim(), mediaType, input.bytes.length, sha256, Buffer.from(input.bytes), a.userId]);
}

const fileNotFound = (id: number, fileId: number) => new TransferError('NOT_FOUND', 'files', 'transfer.case.fileNotFound', { id, fileId });

export async function readCaseFile(db: Queryable, actor: Actor | null, caseId: number, fileId: number) {
  await readableCase(db, requireActor(actor), caseId);
  const file = (await db.query<{ filename: string; media_type: string; content: Uint8Array }>(
    'select filename, media_type, content from transfer_case_files where id = $1 and case_id = $2 and removed_at is null', [fileId, caseId]))[0];
  if (!file) throw fileNotFound(caseId, fileId);
  return file;
}

export async function removeCaseFile(db: Queryable, actor: Actor | null, caseId: number, fileId: number) {
  const a = requireActor(actor);
  const row = await readableCase(db, a, caseId);
  const file = (await db.query<{ uploaded_by: number | null }>(
    'select uploaded_by from transfer_case_files where id = $1 and case_id = $2 and removed_at is null', [fileId, caseId]))[0];
  if (!file) throw fileNotFound(caseId, fileId);
  const isBroker = a.role !== 'org_user' && brokers(await viewerOf(db, a), row.zone_id);
  if (!isBroker && Number(file.uploaded_by) !== a.userId) throw deny('transfer.case.fileRemoveDenied');
  await db.query('update transfer_case_files set removed_at = now(), removed_by = $1 where id = $2', [a.userId, fileId]);
}

/** `attachment` with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987), so Chinese file names survive. */
export function attachmentHeader(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
