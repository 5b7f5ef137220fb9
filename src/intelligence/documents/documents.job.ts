import type { Db, Queryable } from '../../shared/db';
import type { JobQueue } from '../../shared/jobs/job-queue';
import { analyze } from '../../shared/text';
import { extractContext, runPipeline, type PipelineOutcome, type ZoneAlias } from './pipeline';

/** The job that processes ingested documents: read → clean → extract, each document's rows in one transaction. */
export const INGEST_JOB = 'intelligence.ingest';

// Routes enqueue on the queue the app runs; build-app hands routes only the database, so the queue is found by it.
const queues = new WeakMap<Db, JobQueue>();

export function queueFor(db: Db): JobQueue {
  const queue = queues.get(db);
  if (!queue) throw new Error('the intelligence jobs are not defined on this database (defineDocumentJobs)');
  return queue;
}

export function defineDocumentJobs(jobs: JobQueue, db: Db): void {
  queues.set(db, jobs);
  jobs.define(INGEST_JOB, async (ctx) => {
    const ids = (ctx.payload as { documentIds: number[] }).documentIds;
    const zones = await zoneAliases(db);
    const context = extractContext(zones);
    let processed = 0;
    let failed = 0;
    ctx.setProgress(0, ids.length);
    for (const [i, id] of ids.entries()) {
      // A restarted job (after a shutdown stopped it here, or a crash) skips what an earlier run already finished.
      ctx.checkpoint();
      const outcome = await processDocument(db, id, zones, context);
      if (outcome === 'processed') processed++;
      if (outcome === 'failed') failed++;
      ctx.setProgress(i + 1, ids.length);
    }
    return { processed, failed };
  });
}

export async function zoneAliases(db: Queryable): Promise<ZoneAlias[]> {
  const rows = await db.query<{ id: number; code: string; name_zh: string; name_en: string | null }>('select id, code, name_zh, name_en from zones where retired_at is null');
  return rows.map((z) => ({ id: Number(z.id), code: z.code, names: [z.name_zh, ...(z.name_en ? [z.name_en] : [])] }));
}

/** The search text of a document: title and clean text through the platform's analyzer, as registry search does. */
export function documentSearchText(title: string | null, text: string): string {
  return analyze(`${title ?? ''} ${text}`).join(' ');
}

export async function processDocument(db: Db, id: number, zones: ZoneAlias[], context = extractContext(zones)): Promise<'processed' | 'failed' | 'skipped'> {
  const rows = await db.query<{ id: number; zone_id: number; file_name: string; content: Uint8Array; article_date: string | null; status: string }>(
    'select id, zone_id, file_name, content, article_date, status from intel_documents where id = $1', [id]);
  const doc = rows[0];
  if (!doc || doc.status !== 'queued') return 'skipped';
  let outcome;
  try {
    outcome = await runPipeline(new Uint8Array(doc.content), doc.file_name, { date: doc.article_date ?? undefined, context });
  } catch (err) {
    // A reader library that throws on a malformed file is a per-file failure, not a failed job.
    outcome = { ok: false as const, code: 'corrupt', message: { en: `the file could not be read (${(err as Error).message})`, zh: `无法读取该文件（${(err as Error).message}）` } };
  }
  if (!outcome.ok) {
    await markFailed(db, id, outcome.code, outcome.message);
    return 'failed';
  }
  try {
    await storeDerived(db, id, Number(doc.zone_id), outcome, zones);
  } catch (err) {
    // The transaction rolled back: nothing of this document was written; the job goes on with the next one.
    const reason = (err as Error).message;
    await markFailed(db, id, 'store', { en: `the document's results could not be stored (${reason})`, zh: `无法保存该文档的处理结果（${reason}）` });
    return 'failed';
  }
  return 'processed';
}

async function markFailed(db: Db, id: number, code: string, message: { en: string; zh: string }) {
  await db.query("update intel_documents set status = 'failed', error = $2, processed_at = now() where id = $1",
    [id, JSON.stringify({ code, en: message.en, zh: message.zh })]);
}

/** The document's derived rows, all in one transaction. */
async function storeDerived(db: Db, id: number, zoneId: number, outcome: Extract<PipelineOutcome, { ok: true }>, zones: ZoneAlias[]) {
  const doc = { zone_id: zoneId };
  const { clean, facts, proposals } = outcome;
  // The extractor names a registry zone by its code (or id); a subject named exactly as a zone is linked too.
  const zoneByKey = new Map<string, number>(zones.flatMap((z) => [[z.code, z.id], [String(z.id), z.id], ...z.names.map((n) => [n, z.id] as [string, number])]));
  await db.transaction(async (tx) => {
    await tx.query(
      `update intel_documents set status = 'processed', error = null, title = $2, lang = $3, original_text = $4, clean_text = $5,
         removed = $6, paragraphs = $7, sentences = $8, repairs = $9, offset_map = $10, processed_at = now(),
         article_date = coalesce(article_date, $11::date), search = to_tsvector('simple', $12), version = version + 1
       where id = $1`,
      [id, clean.title, clean.lang, clean.original, clean.text, JSON.stringify(clean.removed), JSON.stringify(clean.paragraphs),
        JSON.stringify(clean.sentences), JSON.stringify(clean.repairs), JSON.stringify(clean.offsets), clean.date, documentSearchText(clean.title, clean.text)]);
    if (facts.length) {
      const subjectZone = (f: (typeof facts)[number]) => zoneByKey.get(String(f.subject_id ?? '')) ?? zoneByKey.get(f.subject ?? '') ?? null;
      await tx.query(
        `insert into intel_facts (document_id, zone_id, subject, subject_zone_id, metric, metric_label, value, unit, unit_raw, period, period_detail, quote,
           start_offset, end_offset, approx, bound, cumulative, target, extracted)
         select $1, $2, u.subject, u.subject_zone_id, u.metric, u.metric_label, u.value::numeric, u.unit, u.unit_raw, u.period, u.period_detail, u.quote,
           u.start_offset, u.end_offset, u.approx, u.bound, u.cumulative, u.target, u.extracted::jsonb
         from unnest($3::text[], $4::int8[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
           $12::int4[], $13::int4[], $14::bool[], $15::text[], $16::bool[], $17::bool[], $18::text[], $19::text[])
           as u(subject, subject_zone_id, metric, value, unit, unit_raw, period, period_detail, quote, start_offset, end_offset, approx, bound, cumulative, target, extracted, metric_label)`,
        [id, doc.zone_id, facts.map((f) => f.subject ?? ''), facts.map(subjectZone), facts.map((f) => f.metric), facts.map((f) => (f.value === null || f.value === undefined ? null : String(f.value))),
          facts.map((f) => f.unit ?? null), facts.map((f) => f.unit_raw ?? null), facts.map((f) => f.period ?? null), facts.map((f) => f.period_detail ?? null),
          facts.map((f) => f.quote), facts.map((f) => f.start), facts.map((f) => f.end), facts.map((f) => Boolean(f.approx)), facts.map((f) => f.bound ?? null),
          facts.map((f) => Boolean(f.cumulative)), facts.map((f) => Boolean(f.target)), facts.map((f) => JSON.stringify(f)), facts.map((f) => f.metric_label ?? null)]);
    }
    if (proposals.length) {
      await tx.query(
        `insert into intel_policy_proposals (document_id, zone_id, kind, name, detail, quote, start_offset, end_offset)
         select $1, $2, u.kind, u.name, u.detail::jsonb, u.quote, u.start_offset, u.end_offset
         from unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::int4[], $8::int4[]) as u(kind, name, detail, quote, start_offset, end_offset)`,
        [id, doc.zone_id, proposals.map((p) => p.kind), proposals.map((p) => p.name), proposals.map((p) => JSON.stringify(p.detail)),
          proposals.map((p) => p.quote), proposals.map((p) => p.start), proposals.map((p) => p.end)]);
    }
  });
}
