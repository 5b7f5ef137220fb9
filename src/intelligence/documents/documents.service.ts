import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import type { Db, Queryable, Row } from '../../shared/db';
import { type Actor, zoneSubtree } from '../../shared/access/actor';
import { AppError, invalid } from '../../shared/http/errors';
import type { MessageKey } from '../../shared/i18n';
import { foldScript } from '../../shared/text';
import { toTsquery } from '../../shared/records/record-service';
import { assertMayReview, forbiddenDocuments, mayRead, readableZones, requireActor } from './documents.access';
import { INGEST_JOB, queueFor } from './documents.job';

export const MAX_DOCUMENT_MB = 20;
export const MAX_FILES_PER_UPLOAD = 20;
/** Readable formats by extension; the media type comes from here, never from the client. */
const MEDIA_TYPES: Record<string, string> = {
  '.txt': 'text/plain',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
export const DOCUMENT_EXTENSIONS = Object.keys(MEDIA_TYPES);

export const fieldError = (field: string, key: MessageKey, params: Record<string, string | number> = {}) => invalid([{ field, key, params }]);

export interface UploadedFile {
  fileName: string;
  bytes: Uint8Array;
  /** The upload stopped at the size limit: the bytes are incomplete. */
  truncated?: boolean;
}

/** One line of an upload's report: either a document (queued for processing) or why the file was refused. */
export interface FileReport {
  file_name: string;
  document_id: number | null;
  status: 'queued' | 'rejected';
  error: { field: string; code: string; message: string; en: string; zh: string } | null;
}

/** Checks a file before anything is stored (pure); returns its media type or the message key of the refusal. */
function checkFile(f: UploadedFile): { mediaType: string } | { key: MessageKey; params?: Record<string, string | number>; code: string } {
  const name = f.fileName.trim();
  if (!name || name.length > 200 || /[\\/\u0000-\u001f]/.test(name)) return { key: 'intelligence.documents.fileName', code: 'name' };
  const mediaType = MEDIA_TYPES[extname(name).toLowerCase()];
  if (!mediaType) return { key: 'intelligence.documents.fileType', params: { options: DOCUMENT_EXTENSIONS.join(', ') }, code: 'unsupported' };
  if (f.truncated || f.bytes.length > MAX_DOCUMENT_MB * 1024 * 1024) return { key: 'intelligence.documents.fileTooLarge', params: { max: MAX_DOCUMENT_MB }, code: 'too_large' };
  if (f.bytes.length === 0) return { key: 'intelligence.documents.fileEmpty', code: 'empty' };
  return { mediaType };
}

/** Which zone an upload goes to: the one named (if the actor may upload there), else an operator's own zone. */
async function uploadZone(db: Queryable, actor: Actor, zone: number | undefined): Promise<number> {
  const zoneId = zone ?? (actor.role === 'zone_operator' ? actor.zoneId ?? undefined : undefined);
  if (zoneId === undefined) throw fieldError('zone', 'field.required');
  const exists = await db.query('select 1 from zones where id = $1 and retired_at is null', [zoneId]);
  if (!exists.length) throw fieldError('zone', 'field.unknownRef', { entity: 'zone', value: String(zoneId) });
  try {
    await assertMayReview(db, actor, zoneId);
  } catch {
    throw actor.role === 'admin' || actor.role === 'zone_operator' ? fieldError('zone', 'intelligence.documents.zone') : forbiddenDocuments();
  }
  return zoneId;
}

export interface IngestInput {
  zone?: number;
  articleDate?: string;
  files: UploadedFile[];
  translate: (key: MessageKey, params?: Record<string, string | number>) => { en: string; zh: string; message: string };
}

/**
 * Stores the originals (bytes unchanged, with hash, name, type, size, uploader and zone), each waiting as 'queued'.
 * A refused file (wrong type, empty, too large, already ingested) is reported with its reason and the others go
 * on; only when every file is refused is the whole upload a 400.
 */
export async function storeDocuments(db: Db, actor: Actor | null, input: IngestInput) {
  const a = requireActor(actor);
  if (a.role === 'org_user') throw forbiddenDocuments();
  if (input.articleDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(input.articleDate)) throw fieldError('article_date', 'intelligence.documents.date');
  const zoneId = await uploadZone(db, a, input.zone);
  if (!input.files.length) throw fieldError('files', 'intelligence.documents.noFiles');
  if (input.files.length > MAX_FILES_PER_UPLOAD) throw fieldError('files', 'intelligence.documents.tooMany', { max: MAX_FILES_PER_UPLOAD });

  const reports: FileReport[] = [];
  const refuse = (f: UploadedFile, code: string, key: MessageKey, params?: Record<string, string | number>) => {
    const t = input.translate(key, params);
    reports.push({ file_name: f.fileName, document_id: null, status: 'rejected', error: { field: `files.${f.fileName}`, code, message: t.message, en: t.en, zh: t.zh } });
  };
  const accepted: number[] = [];
  for (const f of input.files) {
    const checked = checkFile(f);
    if (!('mediaType' in checked)) {
      refuse(f, checked.code, checked.key, checked.params);
      continue;
    }
    const sha256 = createHash('sha256').update(f.bytes).digest('hex');
    // `on conflict do nothing` instead of a failed insert: on PostgreSQL a failed statement would end the request's
    // chance to store the other files of the upload.
    const inserted = await db.query<{ id: number }>(
      `insert into intel_documents (zone_id, file_name, media_type, size_bytes, sha256, content, uploaded_by, article_date)
       values ($1, $2, $3, $4, $5, $6, $7, $8::date) on conflict (zone_id, sha256) do nothing returning id`,
      [zoneId, f.fileName.trim(), checked.mediaType, f.bytes.length, sha256, f.bytes, a.userId, input.articleDate ?? null]);
    if (!inserted[0]) {
      const existing = await db.query<{ id: number }>('select id from intel_documents where zone_id = $1 and sha256 = $2', [zoneId, sha256]);
      refuse(f, 'duplicate', 'intelligence.documents.duplicate', { id: Number(existing[0]?.id ?? 0) });
      continue;
    }
    const id = Number(inserted[0].id);
    accepted.push(id);
    reports.push({ file_name: f.fileName, document_id: id, status: 'queued', error: null });
  }
  if (!accepted.length) {
    throw new AppError('VALIDATION', 'intelligence.documents.noneAccepted', {},
      reports.map((r) => ({ field: r.error!.field, key: 'field.type', params: { type: r.error!.message } })), { files: reports });
  }
  await db.query(`insert into audit_events (user_id, entity, entity_id, zone_id, action, after)
    select $1, 'intel-documents', id, $2, 'upload', jsonb_build_object('file_name', file_name, 'sha256', sha256, 'size_bytes', size_bytes)
    from intel_documents where id = any($3::int8[])`, [a.userId, zoneId, accepted]);
  return { actor: a, zone_id: zoneId, accepted, files: reports };
}

/** Stores the files and queues one job that processes them (progress: GET /api/jobs/:id). */
export async function ingestDocuments(db: Db, actor: Actor | null, input: IngestInput) {
  const stored = await storeDocuments(db, actor, input);
  const job = await queueFor(db).enqueue(INGEST_JOB, { documentIds: stored.accepted }, stored.actor.userId);
  await db.query('update intel_documents set job_id = $1 where id = any($2::int8[])', [job.id, stored.accepted]);
  return { job, zone_id: stored.zone_id, files: stored.files };
}

export interface DocumentQuery {
  zone?: number;
  q?: string;
  period?: string;
  metric?: string;
  status?: 'queued' | 'processed' | 'failed';
  job?: number;
  limit: number;
  offset: number;
}

const LIST_COLUMNS = `d.id, d.zone_id, z.name_zh as zone_name_zh, z.name_en as zone_name_en, d.file_name, d.media_type, d.size_bytes, d.sha256,
  d.uploaded_by, u.username as uploaded_by_name, d.uploaded_at, d.article_date, d.status, d.error, d.job_id, d.title, d.lang, d.processed_at, d.version,
  (select count(*) from intel_facts f where f.document_id = d.id)::int8 as facts,
  (select count(*) from intel_facts f where f.document_id = d.id and f.status = 'proposed')::int8 as open_facts`;

/** Lists and searches the documents the actor may read (search: Simplified, Traditional or English, as registry search). */
export async function listDocuments(db: Db, actor: Actor | null, query: DocumentQuery) {
  const zones = await readableZones(db, actor);
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (v: unknown) => `$${params.push(v)}`;
  if (zones !== 'all') where.push(`d.zone_id = any(${add(zones)}::int8[])`);
  if (query.zone !== undefined) where.push(`d.zone_id = any(${add(await zoneSubtree(db, query.zone))}::int8[])`);
  if (query.status) where.push(`d.status = ${add(query.status)}`);
  if (query.job !== undefined) where.push(`d.job_id = ${add(query.job)}`);
  if (query.q !== undefined && query.q.trim()) {
    const tsquery = toTsquery(query.q);
    if (!tsquery) return { items: [], total: 0 };
    where.push(`d.search @@ to_tsquery('simple', ${add(tsquery)})`);
  }
  const factFilters: string[] = [];
  if (query.period) factFilters.push(`f.period = ${add(query.period)}`);
  if (query.metric) factFilters.push(`f.metric ilike ${add(`%${query.metric.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
  if (factFilters.length) where.push(`exists (select 1 from intel_facts f where f.document_id = d.id and f.status not in ('rejected', 'merged') and ${factFilters.join(' and ')})`);
  const clause = where.length ? `where ${where.join(' and ')}` : '';
  const [count] = await db.query<{ n: number }>(`select count(*)::int8 as n from intel_documents d ${clause}`, params);
  const rows = await db.query<Row & { clean_text: string | null }>(
    `select ${LIST_COLUMNS}, left(d.clean_text, 20000) as clean_text from intel_documents d join zones z on z.id = d.zone_id left join users u on u.id = d.uploaded_by
     ${clause} order by d.id desc limit ${add(query.limit)} offset ${add(query.offset)}`, params);
  return { items: rows.map(({ clean_text, ...r }) => ({ ...numbers(r), snippet: snippetOf(clean_text, query.q) })), total: Number(count?.n ?? 0) };
}

function numbers(r: Row): Row {
  return { ...r, id: Number(r.id), zone_id: Number(r.zone_id), size_bytes: Number(r.size_bytes), facts: Number(r.facts), open_facts: Number(r.open_facts) };
}

/** A piece of the clean text around the first query word found in it (scripts folded, so 區 finds 区). */
export function snippetOf(text: string | null, q?: string): string | null {
  if (!text) return null;
  const folded = foldScript(text);
  // foldScript maps character for character, so offsets in the folded text are offsets in the text
  const words = foldScript(q ?? '').split(/[\s,，;；]+/).filter(Boolean);
  const at = folded.length === text.length ? Math.min(...words.map((w) => folded.indexOf(w)).filter((i) => i >= 0), Infinity) : Infinity;
  const start = Number.isFinite(at) ? Math.max(0, at - 60) : 0;
  return `${start > 0 ? '…' : ''}${text.slice(start, start + 200)}${start + 200 < text.length ? '…' : ''}`;
}

async function readableDocument(db: Queryable, actor: Actor | null, id: number): Promise<Row> {
  requireActor(actor);
  const rows = await db.query(`select d.*, z.name_zh as zone_name_zh, z.name_en as zone_name_en, u.username as uploaded_by_name
    from intel_documents d join zones z on z.id = d.zone_id left join users u on u.id = d.uploaded_by where d.id = $1`, [id]);
  const doc = rows[0];
  // A document outside the actor's zones is answered as absent, so ids do not reveal other zones' documents.
  if (!doc || !(await mayRead(db, actor, Number(doc.zone_id)))) throw new AppError('NOT_FOUND', 'intelligence.documents.notFound', { id });
  return doc;
}

/** The reader: the document with its clean text, the original text, what was removed and why, facts and proposals. */
export async function getDocument(db: Db, actor: Actor | null, id: number) {
  const doc = await readableDocument(db, actor, id);
  const { content: _content, search: _search, ...rest } = doc;
  const [facts, proposals] = await Promise.all([
    db.query(`select f.id, f.subject, f.subject_zone_id, sz.name_zh as subject_zone_name_zh, sz.name_en as subject_zone_name_en, f.metric, f.metric_label,
        i.name_zh as metric_name_zh, i.name_en as metric_name_en, f.value::text as value,
        f.unit, f.unit_raw, f.period, f.period_detail, f.quote, f.start_offset, f.end_offset,
        (f.extracted->>'figure_start')::int as figure_start, (f.extracted->>'figure_end')::int as figure_end, f.approx, f.bound, f.cumulative, f.target, f.status, f.merged_into,
        f.extracted, f.zone_fact_id, f.reviewed_by, f.reviewed_at, f.version
      from intel_facts f left join zones sz on sz.id = f.subject_zone_id left join indicators i on i.code = f.metric where f.document_id = $1 order by f.start_offset, f.id`, [id]),
    db.query(`select id, kind, name, detail, quote, start_offset, end_offset, status, reviewed_by, reviewed_at
      from intel_policy_proposals where document_id = $1 order by start_offset, id`, [id]),
  ]);
  const conflicts = await conflictsOf(db, facts, await readableZones(db, actor));
  return {
    ...numbers({ ...rest, facts: facts.length, open_facts: facts.filter((f) => f.status === 'proposed').length }),
    may_review: await mayReviewQuietly(db, actor, Number(doc.zone_id)),
    facts: facts.map((f) => ({ ...f, id: Number(f.id), conflicts: conflicts.get(Number(f.id)) ?? [] })),
    proposals: proposals.map((p) => ({ ...p, id: Number(p.id) })),
  };
}

async function mayReviewQuietly(db: Queryable, actor: Actor | null, zoneId: number): Promise<boolean> {
  try {
    await assertMayReview(db, actor, zoneId);
    return true;
  } catch {
    return false;
  }
}

/**
 * Facts of other documents on the same subject, metric and period whose value or unit differ: both are shown and
 * the reviewer picks. Subjects are compared by registry zone where linked, else by their text. Only documents the
 * actor may read are named (a confirmed fact of another zone's document still blocks a confirm, with a 409).
 */
export async function conflictsOf(db: Queryable, facts: readonly Row[], zones: number[] | 'all'): Promise<Map<number, Row[]>> {
  const open = facts.filter((f) => f.status === 'proposed' || f.status === 'confirmed');
  const out = new Map<number, Row[]>();
  if (!open.length) return out;
  const rows = await db.query<Row & { for_id: number }>(
    `select mine.id as for_id, o.id, o.document_id, d.file_name, o.value::text as value, o.unit, o.period, o.status, o.quote, o.start_offset, o.end_offset
     from intel_facts mine
     join intel_facts o on o.id <> mine.id and o.document_id <> mine.document_id and o.metric = mine.metric and o.period = mine.period
       and (o.subject_zone_id = mine.subject_zone_id or (mine.subject_zone_id is null and o.subject_zone_id is null and o.subject = mine.subject))
       and o.status in ('proposed', 'confirmed') and (o.value is distinct from mine.value or o.unit is distinct from mine.unit)
     join intel_documents d on d.id = o.document_id and ($2::bool or d.zone_id = any($3::int8[]))
     where mine.id = any($1::int8[]) order by o.id`, [open.map((f) => Number(f.id)), zones === 'all', zones === 'all' ? [] : zones]);
  for (const r of rows) {
    const { for_id, ...other } = r;
    const list = out.get(Number(for_id)) ?? [];
    list.push({ ...other, id: Number(other.id), document_id: Number(other.document_id) });
    out.set(Number(for_id), list);
  }
  return out;
}

/** The original bytes, exactly as uploaded. */
export async function getOriginal(db: Db, actor: Actor | null, id: number) {
  const doc = await readableDocument(db, actor, id);
  return { fileName: String(doc.file_name), mediaType: String(doc.media_type), bytes: Buffer.from(doc.content as Uint8Array) };
}
