/**
 * Indicator library: definitions (validated computation parameters), recomputation against the registry,
 * hand-entered values checked against their unit, and access rules.
 */
import { z } from 'zod';
import type { Db, Queryable } from '../../shared/db';
import { type Actor, zoneSubtree } from '../../shared/access/actor';
import { AppError, type FieldIssue, forbidden, invalid, notFound, unauthenticated } from '../../shared/http/errors';
import { fieldIssueFromZod, type IssueLike } from '../../shared/http/zod-issues';
import { COMPUTATIONS, type ComputedIndicator, isComputationKey, parseParams } from './computations';
import { runComputations } from './compute-run';
import * as repo from './evaluation.repository';
import { INDICATOR_UNITS } from '../frameworks/indicators';
import { appendAudit } from '../../shared/audit/audit-log';
import { translate } from '../../shared/i18n/messages';

/** A free-text field problem, shown as "<field>: must be <text>". */
export const issue = (field: string, text: string): FieldIssue => ({ field, key: 'field.type', params: { type: text } });

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated();
  return actor;
}

export function requireAdmin(actor: Actor | null, entity = 'indicators'): Actor {
  const a = requireActor(actor);
  if (a.role !== 'admin') throw forbidden('scope.role', { entity });
  return a;
}

/** Admin anywhere; a zone operator inside their zone's subtree. */
export async function requireZoneWriter(q: Queryable, actor: Actor | null, zoneId: number): Promise<Actor> {
  const a = requireActor(actor);
  if (a.role === 'admin') return a;
  if (a.role === 'zone_operator' && a.zoneId !== null && (await zoneSubtree(q, a.zoneId)).includes(zoneId)) return a;
  if (a.role === 'zone_operator') throw forbidden('scope.zone');
  throw forbidden('scope.role', { entity: 'indicator values' });
}

/** The fields of an indicator without defaults: a patch names only what it changes (see indicatorPatchSchema). */
const indicatorFields = z.object({
  code: z.string().min(1).max(80).regex(/^[A-Za-z0-9_.-]+$/),
  name_zh: z.string().min(1).max(300),
  name_en: z.string().max(300).nullish(),
  description: z.string().max(5000).nullish(),
  unit: z.enum(INDICATOR_UNITS as [string, ...string[]]),
  direction: z.union([z.literal(1), z.literal(-1)]),
  kind: z.enum(['computed', 'entered']),
  computation: z.string().nullish(),
  params: z.record(z.string(), z.unknown()),
  typical_min: z.number().nullish(),
  typical_max: z.number().nullish(),
  source: z.string().max(2000).nullish(),
}).strict();

export const indicatorInputSchema = indicatorFields.extend({
  direction: indicatorFields.shape.direction.default(1),
  params: indicatorFields.shape.params.default({}),
}).strict();

/**
 * A change to an indicator: only the fields sent change. (A partial of the create schema would fill its defaults in,
 * so a description edit would also reset the direction to 1 and invert every ranking that uses the indicator.)
 */
export const indicatorPatchSchema = indicatorFields.partial().strict();
export type IndicatorInputBody = z.infer<typeof indicatorInputSchema>;

/** Checks kind/computation/params; returns the definition with parameters defaulted. */
export function checkDefinition(i: IndicatorInputBody): repo.IndicatorInput {
  if (i.kind === 'entered') {
    if (i.computation) throw invalid([issue('computation', 'empty for an entered indicator')]);
    return { ...i, computation: null, params: {} } as repo.IndicatorInput;
  }
  if (!i.computation || !isComputationKey(i.computation)) {
    throw invalid([{ field: 'computation', key: 'field.enum', params: { options: Object.keys(COMPUTATIONS).join(', ') } }]);
  }
  try {
    return { ...i, params: parseParams(i.computation, i.params) } as repo.IndicatorInput;
  } catch (err) {
    if (err instanceof z.ZodError) throw invalid(err.issues.flatMap((x) => fieldIssueFromZod({ ...x, path: ['params', ...x.path] } as unknown as IssueLike)));
    throw err;
  }
}

export async function createIndicator(db: Db, actor: Actor | null, body: IndicatorInputBody) {
  const a = requireAdmin(actor);
  const def = checkDefinition(body);
  if (await repo.getIndicator(db, def.code)) throw new AppError('DUPLICATE', 'problem.duplicate', { field: 'code' }, [{ field: 'code', key: 'problem.duplicate', params: { field: 'code' } }]);
  // Indicator definitions are the platform's (admins only): their audit events have no zone.
  return db.transaction(async (tx) => {
    const created = await repo.insertIndicator(tx, def);
    await appendAudit(tx, a, { entity: 'indicators', entityId: created.id, zoneId: null, action: 'create', after: created });
    return created;
  });
}

export async function updateIndicator(db: Db, actor: Actor | null, id: number, body: Partial<IndicatorInputBody>) {
  const a = requireAdmin(actor);
  const current = await repo.getIndicator(db, id);
  if (!current) throw notFound('indicator', id);
  const merged = indicatorInputSchema.parse({
    code: current.code, name_zh: current.name_zh, name_en: current.name_en, description: current.description, unit: current.unit,
    direction: current.direction, kind: current.kind, computation: current.computation, params: current.params,
    typical_min: current.typical_min, typical_max: current.typical_max, source: current.source, ...body,
  });
  const checked = checkDefinition(merged);
  return db.transaction(async (tx) => {
    const updated = await repo.updateIndicator(tx, id, checked);
    await appendAudit(tx, a, { entity: 'indicators', entityId: id, zoneId: null, action: 'update', before: current, after: updated });
    return updated;
  });
}

// ------------------------------------------------------------------------------------------------------- computing

export interface ComputeRequest {
  zones?: number[] | null;
  years: { from: number; to: number };
  indicators?: string[] | null;
}

export async function computeValues(db: Db, actor: Actor | null, req: ComputeRequest, opts: { skipAccess?: boolean; timings?: Record<string, number> } = {}) {
  if (!opts.skipAccess) requireAdmin(actor);
  if (req.years.to < req.years.from) throw invalid([{ field: 'years.to', key: 'field.min', params: { min: req.years.from } }]);
  if (req.years.to - req.years.from > 50) throw invalid([{ field: 'years.to', key: 'field.max', params: { max: req.years.from + 50 } }]);
  const defs = await repo.listIndicators(db, { kind: 'computed', codes: req.indicators ?? undefined });
  if (req.indicators) {
    const missing = req.indicators.filter((c) => !defs.some((d) => d.code === c));
    if (missing.length) throw invalid(missing.map((c) => ({ field: 'indicators', key: 'field.unknownRef' as const, params: { entity: 'computed indicator', value: c } })));
  }
  if (req.zones?.length) {
    const found = await db.query<{ id: number }>('select id from zones where id = any($1::int8[])', [req.zones]);
    const unknown = req.zones.filter((z) => !found.some((f) => f.id === z));
    if (unknown.length) throw invalid(unknown.map((z) => ({ field: 'zones', key: 'field.unknownRef' as const, params: { entity: 'zone', value: z } })));
  }
  const inds: ComputedIndicator[] = defs.filter((d) => d.computation && isComputationKey(d.computation))
    .map((d) => ({ id: d.id, code: d.code, computation: d.computation as ComputedIndicator['computation'], params: parseParams(d.computation as ComputedIndicator['computation'], d.params) }));
  const t0 = performance.now();
  const statements = await db.transaction((tx) => runComputations(tx, inds, { zoneIds: req.zones?.length ? req.zones : null, from: req.years.from, to: req.years.to }, opts.timings, db));
  const ms = Math.round(performance.now() - t0); // the count below only reports
  const counts = await db.query<{ n: number; nulls: number }>(`select count(*)::int8 as n, count(*) filter (where value is null)::int8 as nulls from indicator_values
    where origin = 'computed' and indicator_id = any($1::int8[]) and year between $2 and $3 and ($4::int8[] is null or zone_id = any($4::int8[]))`,
  [inds.map((i) => i.id), req.years.from, req.years.to, req.zones?.length ? req.zones : null]);
  return { indicators: inds.map((i) => i.code), statements, values: counts[0]!.n, undefinedValues: counts[0]!.nulls, ms };
}

// --------------------------------------------------------------------------------------------------- entered values

export const enteredValueSchema = z.object({
  indicator: z.union([z.number().int().positive(), z.string().min(1)]),
  zone: z.union([z.number().int().positive(), z.string().min(1)]),
  year: z.number().int().min(1949).max(2100),
  value: z.number(),
  // The source as one line, or as title / address with the quote (as the import wizard takes it): one of source,
  // source_title or source_url is required (checked in enterValue so the message names the field).
  source: z.string().min(1).max(2000).optional(),
  source_title: z.string().max(500).nullish(),
  source_url: z.string().max(2000).nullish(),
  quote: z.string().max(5000).nullish(),
  note: z.string().max(5000).nullish(),
  confirm: z.boolean().default(false),
}).strict();
export type EnteredValueBody = z.infer<typeof enteredValueSchema>;

const fmt = (x: number) => String(Number(x.toPrecision(6)));

/**
 * Questions a hand-entered value that does not fit its unit: a percent below 1 (0.037 where 3.7 is usual), a share
 * above 1 (3.7 where 0.037 is usual), a fractional or negative count, or a value outside the indicator's typical range.
 * Returns null when the value fits, else the reason (asked about unless confirm: true).
 */
export function unitQuestion(ind: Pick<repo.IndicatorRow, 'unit' | 'typical_min' | 'typical_max'>, value: number): UnitQuestion | null {
  const v = fmt(value);
  const ask = (key: UnitQuestion['key'], params: Record<string, string | number>, suggestion?: number): UnitQuestion =>
    ({ key, params: { value: v, ...params }, text: translate('en', key, { value: v, ...params }), ...(suggestion !== undefined ? { suggestion } : {}) });
  if (ind.unit === 'percent' && value !== 0 && Math.abs(value) < 1) return ask('indicator.percentLooksShare', { suggestion: fmt(value * 100) }, value * 100);
  if (ind.unit === 'share' && Math.abs(value) > 1) return ask('indicator.shareLooksPercent', { suggestion: fmt(value / 100) }, value / 100);
  if (ind.unit === 'count' && !Number.isInteger(value)) return ask('indicator.countWhole', {});
  if (ind.typical_min !== null && value < ind.typical_min) return ask('indicator.belowTypical', { min: ind.typical_min });
  if (ind.typical_max !== null && value > ind.typical_max) return ask('indicator.aboveTypical', { max: ind.typical_max });
  return null;
}

/** Why a value is questioned: a message key with its parameters (shown in the caller's language), and its English text for the provenance record
 * (which keeps the Chinese text too, as question_zh). */
interface UnitQuestion {
  key: 'indicator.percentLooksShare' | 'indicator.shareLooksPercent' | 'indicator.countWhole' | 'indicator.belowTypical' | 'indicator.aboveTypical';
  params: Record<string, string | number>;
  text: string;
  suggestion?: number;
}

export async function enterValue(db: Db, actor: Actor | null, body: EnteredValueBody) {
  const a = requireActor(actor);
  const ind = await repo.getIndicator(db, body.indicator);
  if (!ind) throw invalid([{ field: 'indicator', key: 'field.unknownRef', params: { entity: 'indicator', value: String(body.indicator) } }]);
  const [zone] = await repo.zonesByIdsOrCodes(db, [body.zone]);
  if (!zone) throw invalid([{ field: 'zone', key: 'field.unknownRef', params: { entity: 'zone', value: String(body.zone) } }]);
  await requireZoneWriter(db, a, zone.id);
  const title = body.source_title?.trim() || null;
  const url = body.source_url?.trim() || null;
  const quote = body.quote?.trim() || null;
  const source = body.source?.trim() || title || url;
  if (!source) throw invalid([{ field: 'source_title', key: 'field.required' }]);
  if (url && !/^https?:\/\/\S+$/i.test(url)) throw invalid([issue('source_url', 'a web address (http:// or https://)')]);
  if (ind.kind !== 'entered') throw invalid([issue('indicator', `an entered indicator; "${ind.code}" is computed from the registry (POST /api/indicator-values/compute)`)]);
  if (!Number.isFinite(body.value)) throw invalid([{ field: 'value', key: 'field.type', params: { type: 'a finite number' } }]);
  if (ind.unit === 'count' && body.value < 0) throw invalid([{ field: 'value', key: 'field.min', params: { min: 0 } }]);
  const question = unitQuestion(ind, body.value);
  if (question && !body.confirm) {
    throw new AppError('VALIDATION', 'problem.validation', {}, [{ field: 'value', key: question.key, params: question.params }],
      { confirmRequired: true, unit: ind.unit, ...(question.suggestion !== undefined ? { suggestion: Number(question.suggestion.toPrecision(12)) } : {}) });
  }
  const provenance = {
    origin: 'entered', user: a.userId, username: a.username, source, source_title: title, source_url: url, quote, note: body.note ?? null,
    unit: ind.unit, confirmed: Boolean(question && body.confirm), ...(question && body.confirm ? { question: question.text, question_zh: translate('zh-CN', question.key, question.params) } : {}), entered_at: new Date().toISOString(),
  };
  return repo.upsertEnteredValue(db, { indicatorId: ind.id, zoneId: zone.id, year: body.year, value: body.value, userId: a.userId, source, note: body.note ?? null, provenance });
}
