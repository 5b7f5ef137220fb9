/**
 * Indicator values (official statistics with their source) imported from a file in the import wizard: a zone by code
 * or name, an entered indicator by code or name, a year, a value and its source (title or address, with the quote).
 * The same upload path as record imports (streamed to disk, capped per role, read a batch at a time); all-or-nothing
 * per file unless "valid rows only"; operators write only their zones' values, admins everywhere; organisation users
 * none. A committed import asks for a recompute of the zones it wrote (recompute.ts).
 */
import { rm } from 'node:fs/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { Db, Queryable } from '../../shared/db';
import { zoneSubtree, visibilityOf, type Actor } from '../../shared/access/actor';
import { AppError, forbidden, unauthenticated } from '../../shared/http/errors';
import { localeFrom, type Locale } from '../../shared/i18n';
import type { JobQueue } from '../../shared/jobs/job-queue';
import { label, type EntityDef } from '../../shared/records/field-def';
import { rowBatches, type ImportInput } from '../../shared/records/file-stream';
import { headerMap, headersOf, type RowIssue } from '../../shared/records/import-rows';
import { resolveReferences } from '../../shared/records/import-references';
import { presentImportIssues } from '../../shared/records/import-messages';
import { streamUpload } from '../../shared/records/import-job';
import { UPLOAD_MB } from '../../shared/records/file.routes';
import { entityByName } from '../../shared/records/registry-of-entities';
import { csvCell } from '../../shared/http/csv-safety';
import * as repo from './evaluation.repository';
import { unitQuestion } from './indicator.service';
import { requestRecompute } from './recompute';

export const INDICATOR_VALUES_IMPORT_JOB = 'import-indicator-values';

/** Columns of the file (described like an entity's fields, for header matching, labels and messages). */
export const indicatorValuesImport: EntityDef = {
  name: 'indicator-values', table: 'indicator_values', label: label('指标数值', 'Indicator values'), zoneOwnership: 'field', orgUserMayWrite: false,
  codePrefix: 'IV', defaultSort: 'year', publishedByDefault: false,
  fields: [
    { name: 'zone_id', type: 'ref', ref: 'zones', label: label('所属园区', 'Zone'), required: true },
    { name: 'indicator', type: 'text', label: label('指标', 'Indicator'), required: true },
    { name: 'year', type: 'int', label: label('年份', 'Year'), required: true },
    { name: 'value', type: 'number', label: label('数值', 'Value'), required: true },
    { name: 'source_title', type: 'text', label: label('来源标题', 'Source title') },
    { name: 'source_url', type: 'text', label: label('来源网址', 'Source URL') },
    { name: 'quote', type: 'longtext', label: label('原文引述', 'Quote') },
    { name: 'note', type: 'text', label: label('备注', 'Note') },
  ],
};

interface ValueRow { line: number; zoneId: number; indicator: repo.IndicatorRow; year: number; value: number; title: string | null; url: string | null; quote: string | null; note: string | null }
export interface ValuesReport { entity: string; rows: number; valid: number; errors: RowIssue[] }

const text = (v: unknown) => (v === undefined || v === null || String(v).trim() === '' ? null : (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim()));
const bilingual = (en: string, zh: string) => ({ type: `${en} / ${zh}` });

/** What the actor may write: every zone (admin) or their zone's subtree (operator). */
async function writableZones(db: Queryable, actor: Actor): Promise<Set<number> | 'all'> {
  if (actor.role === 'admin') return 'all';
  if (actor.role === 'zone_operator' && actor.zoneId !== null) return new Set(await zoneSubtree(db, actor.zoneId));
  throw forbidden('scope.role', { entity: 'indicator values' });
}

async function indicatorsByKey(db: Queryable): Promise<Map<string, repo.IndicatorRow | 'ambiguous'>> {
  const out = new Map<string, repo.IndicatorRow | 'ambiguous'>();
  for (const ind of await repo.listIndicators(db)) {
    out.set(ind.code.toLowerCase(), ind);
    for (const name of [ind.name_zh, ind.name_en]) {
      if (!name) continue;
      const key = name.trim().toLowerCase();
      const seen = out.get(key);
      out.set(key, seen && seen !== ind ? 'ambiguous' : ind);
    }
  }
  return out;
}

/** Checks one batch of rows; `seen` carries (zone, indicator, year) keys across batches for duplicates in the file. */
async function checkBatch(db: Queryable, actor: Actor, raw: { line: number; values: Record<string, unknown> }[], ctx: {
  writable: Set<number> | 'all'; indicators: Map<string, repo.IndicatorRow | 'ambiguous'>; seen: Map<string, number>; unknownColumns: Set<string>;
}): Promise<{ rows: ValueRow[]; issues: RowIssue[] }> {
  const { map, unknown } = headerMap(indicatorValuesImport, headersOf(raw));
  const issues: RowIssue[] = [];
  for (const h of unknown) if (!ctx.unknownColumns.has(h)) { ctx.unknownColumns.add(h); issues.push({ line: 1, field: h, key: 'field.unknown', params: { entity: 'indicator-values' } }); }
  const byField = (values: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const [header, field] of map) if (header in values) out[field] = values[header];
    return out;
  };
  const records = raw.map((r) => ({ line: r.line, v: byField(r.values) }));
  // Zones only among those the importer may see: any other is "not found", whatever exists.
  const zones = await resolveReferences(db, entityByName('zones'), records.map((r) => text(r.v.zone_id)).filter((v): v is string => v !== null), await visibilityOf(db, actor));
  const rows: ValueRow[] = [];
  for (const { line, v } of records) {
    const rowIssues: RowIssue[] = [];
    const problem = (field: string, key: RowIssue['key'], params?: RowIssue['params']) => rowIssues.push({ line, field, key, params });
    const zoneText = text(v.zone_id);
    const zoneHit = zoneText ? zones.get(zoneText) : undefined;
    let zoneId: number | undefined;
    if (!zoneText) problem('zone_id', 'field.required');
    else if (!zoneHit) problem('zone_id', 'field.unknownRef', { entity: 'zones', value: zoneText });
    else if ('ambiguous' in zoneHit) problem('zone_id', 'field.ambiguousRef', { entity: 'zones', value: zoneText, count: zoneHit.ambiguous });
    else if (ctx.writable !== 'all' && !ctx.writable.has(zoneHit.id)) problem('zone_id', 'scope.zone');
    else zoneId = zoneHit.id;
    const indText = text(v.indicator);
    const ind = indText ? ctx.indicators.get(indText.toLowerCase()) : undefined;
    if (!indText) problem('indicator', 'field.required');
    else if (!ind) problem('indicator', 'field.type', bilingual(`an indicator of the library, by code or name ("${indText}" is none)`, `指标库中的指标（代码或名称；“${indText}”不是）`));
    else if (ind === 'ambiguous') problem('indicator', 'field.type', bilingual(`one indicator ("${indText}" names several): write its code`, `唯一的指标（“${indText}”对应多个指标），请改填代码`));
    else if (ind.kind !== 'entered') problem('indicator', 'field.type', bilingual(`an entered indicator ("${ind.code}" is computed from the registry)`, `录入型指标（“${ind.code}”由登记数据自动计算）`));
    const yearText = text(v.year);
    const year = yearText === null ? NaN : Number(yearText.replace(/年$/, ''));
    if (yearText === null) problem('year', 'field.required');
    else if (!Number.isInteger(year)) problem('year', 'field.integer');
    else if (year < 1949) problem('year', 'field.min', { min: 1949 });
    else if (year > new Date().getFullYear()) problem('year', 'field.max', { max: new Date().getFullYear() });
    const valueText = typeof v.value === 'number' ? String(v.value) : text(v.value);
    const value = valueText === null ? NaN : Number(valueText.replace(/[,，\s]/g, ''));
    if (valueText === null) problem('value', 'field.required');
    else if (!Number.isFinite(value)) problem('value', 'field.number');
    else if (ind && ind !== 'ambiguous' && ind.kind === 'entered') {
      if (ind.unit === 'count' && value < 0) problem('value', 'field.min', { min: 0 });
      else if (unitQuestion(ind, value)) problem('value', 'field.type', bilingual(`a value in the indicator's unit (${ind.unit}): ${value} looks wrong, check the unit`, `符合指标单位（${ind.unit}）的数值：${value} 似有误，请核对单位`));
    }
    const title = text(v.source_title);
    const url = text(v.source_url);
    if (!title && !url) problem('source_title', 'field.required');
    if (url && !/^https?:\/\/\S+$/i.test(url)) problem('source_url', 'field.type', bilingual('a web address (http:// or https://)', '网址（以 http:// 或 https:// 开头）'));
    if (zoneId !== undefined && ind && ind !== 'ambiguous' && Number.isInteger(year)) {
      const key = `${zoneId}|${ind.id}|${year}`;
      const first = ctx.seen.get(key);
      if (first !== undefined) problem('year', 'field.duplicateInFile', { line: first });
      else ctx.seen.set(key, line);
    }
    if (rowIssues.length) { issues.push(...rowIssues); continue; }
    rows.push({ line, zoneId: zoneId!, indicator: ind as repo.IndicatorRow, year, value, title, url, quote: text(v.quote), note: text(v.note) });
  }
  return { rows, issues };
}

/**
 * Validates the file and, unless `write` is absent, writes its values in the same pass (inside the caller's
 * transaction). Returns the report and the zones written.
 */
export async function importIndicatorValues(db: Queryable, actor: Actor, fileName: string, input: ImportInput, write?: { mode: 'commit' | 'valid-only' }) {
  const ctx = { writable: await writableZones(db, actor), indicators: await indicatorsByKey(db), seen: new Map<string, number>(), unknownColumns: new Set<string>() };
  const errors: RowIssue[] = [];
  const zones = new Set<number>();
  let rows = 0;
  let valid = 0;
  let written = 0;
  for await (const raw of rowBatches(fileName, input)) {
    rows += raw.length;
    const checked = await checkBatch(db, actor, raw, ctx);
    errors.push(...checked.issues);
    valid += checked.rows.length;
    if (!write || (write.mode === 'commit' && errors.length)) continue;
    for (const r of checked.rows) {
      const source = r.title ?? r.url!;
      const provenance = { origin: 'entered', user: actor.userId, username: actor.username, source, source_title: r.title, source_url: r.url, quote: r.quote,
        note: r.note, unit: r.indicator.unit, imported_from: fileName, entered_at: new Date().toISOString() };
      await repo.upsertEnteredValue(db, { indicatorId: r.indicator.id, zoneId: r.zoneId, year: r.year, value: r.value, userId: actor.userId, source, note: r.note, provenance });
      zones.add(r.zoneId);
      written++;
    }
  }
  const report: ValuesReport = { entity: indicatorValuesImport.name, rows, valid, errors: errors.sort((a, b) => a.line - b.line) };
  if (write?.mode === 'commit' && errors.length) {
    throw new AppError('IMPORT_INVALID', 'problem.import', { count: new Set(errors.map((e) => e.line)).size }, [], { report });
  }
  return { report, written, zones: [...zones] };
}

async function actorOfUser(db: Db, userId: number): Promise<Actor> {
  const [u] = await db.query<{ role: Actor['role']; username: string; zone_id: number | null; organization_id: number | null }>(
    'select role, username, zone_id, organization_id from users where id = $1', [userId]);
  if (!u) throw new Error('the user who started this import no longer exists');
  return { userId, username: u.username, role: u.role, zoneId: u.zone_id, organizationId: u.organization_id };
}

/** The job that writes a validated file: one transaction, then a recompute of the zones written. */
export function defineIndicatorValuesImportJob(jobs: JobQueue, db: Db): void {
  jobs.define(INDICATOR_VALUES_IMPORT_JOB, async (ctx) => {
    const { fileName, path, mode, locale } = ctx.payload as { fileName: string; path: string; mode: 'commit' | 'valid-only'; locale?: Locale };
    const actor = await actorOfUser(db, ctx.userId!);
    let result;
    try {
      result = await db.transaction((tx) => importIndicatorValues(tx, actor, fileName, { path }, { mode }));
    } catch (err) {
      if (err instanceof AppError && err.extra.report) {
        const errs = presentImportIssues(locale ?? 'en', indicatorValuesImport, (err.extra.report as ValuesReport).errors).slice(0, 20);
        throw new Error(errs.map((e) => (locale === 'en' ? `line ${e.line}: ${e.message}` : `第 ${e.line} 行：${e.message}`)).join('\n'));
      }
      throw err;
    }
    await rm(path, { force: true });
    if (result.zones.length) await requestRecompute(db, jobs, result.zones, ctx.userId);
    return { inserted: result.written, updated: 0, skipped: result.report.rows - result.written };
  });
}

const TEMPLATE_EXAMPLE = { zh: ['兰州新区', '{indicator}', '2023', '12.5', '兰州新区 2023 年国民经济和社会发展统计公报', 'https://example.org/gongbao-2023', '全年……为 12.5', ''], en: ['Lanzhou New Area', '{indicator}', '2023', '12.5', 'Statistical communiqué 2023', 'https://example.org/communique-2023', '… was 12.5 in the year', ''] };

async function template(db: Queryable, locale: Locale, format: 'csv' | 'xlsx'): Promise<Buffer> {
  const en = locale === 'en';
  const headers = indicatorValuesImport.fields.map((f) => `${en ? f.label.en : f.label.zh}${f.required ? (en ? ' *' : '＊') : ''}`);
  const entered = (await repo.listIndicators(db)).find((i) => i.kind === 'entered');
  const example = TEMPLATE_EXAMPLE[en ? 'en' : 'zh'].map((c) => c.replace('{indicator}', entered?.code ?? ''));
  if (format === 'csv') return Buffer.from(`\ufeff${[headers, example].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(en ? 'Indicator values' : '指标数值');
  sheet.addRow(headers).font = { bold: true };
  sheet.addRow(example);
  sheet.columns.forEach((c) => { c.width = 22; });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** POST /api/imports/indicator-values and its template (static paths, beside the record entities' /api/imports/:entity). */
export function indicatorValuesImportRoutes(app: FastifyInstance, db: Db, jobs: JobQueue, actorOf: (req: FastifyRequest) => Actor | null): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/imports/indicator-values', {
    schema: {
      tags: ['import-export'], summary: 'Upload indicator values with their source (CSV, XLSX or JSON; multipart field "file"): validate, or import as a job (admin; zone operator for their zones)',
      querystring: z.object({ mode: z.enum(['validate', 'commit', 'valid-only']).default('validate') }),
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    if (!actor) throw unauthenticated();
    await writableZones(db, actor);
    const maxMb = UPLOAD_MB[actor.role];
    const file = await req.file({ limits: { fileSize: maxMb * 1024 * 1024 } });
    if (!file) throw new AppError('BAD_FILE', 'problem.file', { reason: 'no file in the multipart field "file"' });
    const path = await streamUpload(file.filename, file.file);
    let keep = false;
    try {
      if (file.file.truncated) throw new AppError('TOO_LARGE', 'problem.fileTooLarge', { max: maxMb });
      const locale = localeFrom(req.headers['accept-language']);
      const { report } = await importIndicatorValues(db, actor, file.filename, { path });
      const presented = { ...report, errors: presentImportIssues(locale, indicatorValuesImport, report.errors) };
      if (req.query.mode === 'validate') return presented;
      if (req.query.mode === 'commit' && report.errors.length) {
        throw new AppError('IMPORT_INVALID', 'problem.import', { count: new Set(report.errors.map((e) => e.line)).size }, [], { report: presented, errors: presented.errors });
      }
      const job = await jobs.enqueue(INDICATOR_VALUES_IMPORT_JOB, { fileName: file.filename, path, mode: req.query.mode, locale, rows: report.rows }, actor.userId);
      keep = true;
      return reply.status(202).send({ job, report: presented });
    } finally {
      if (!keep) await rm(path, { force: true });
    }
  });

  r.get('/api/imports/indicator-values/template', {
    schema: {
      tags: ['import-export'], summary: 'A file to fill in for importing indicator values: column labels in your language and one example row',
      querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx'), lang: z.enum(['zh-CN', 'en']).optional().describe('the language of the labels; Accept-Language when absent') }),
    },
  }, async (req, reply) => {
    if (!actorOf(req)) throw unauthenticated();
    const locale = req.query.lang ?? localeFrom(req.headers['accept-language']);
    const body = await template(db, locale, req.query.format);
    const types = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
    return reply.header('content-type', types[req.query.format])
      .header('content-disposition', `attachment; filename="indicator-values-template${locale === 'en' ? '' : '-zh'}.${req.query.format}"`).send(body);
  });
}
