import type { Queryable } from '../db';
import { type Actor, zoneSubtree } from '../access/actor';
import { forbidden, unauthenticated } from '../http/errors';

/**
 * The audit view: events of `audit_events` (record, account, workflow and settings changes) and the batches of
 * `audit_created_batches` (records created by an import, one row per batch and zone) as one list, newest first.
 * Admins see everything; a zone operator sees the events of their zone's subtree (events without a zone, such as an
 * admin's framework or a platform admin account, are the admins' alone); organisation users and visitors see none.
 */

export interface AuditFilter {
  entity?: string;
  /** The record the event is about; matches the batches that created it too. */
  recordId?: number;
  /** User name of whoever made the change. */
  user?: string;
  action?: string;
  /** A date (YYYY-MM-DD, from its start in UTC) or an ISO date-time with offset. */
  from?: string;
  /** A date (YYYY-MM-DD, to its end in UTC) or an ISO date-time with offset, inclusive. */
  to?: string;
  /** A zone; its subtree is included. */
  zone?: number;
}

export interface AuditEvent {
  /** `event` (audit_events) or `batch` (audit_created_batches); ids are unique per source. */
  source: 'event' | 'batch';
  id: number;
  at: string;
  user: { id: number; username: string } | null;
  entity: string;
  entity_id: number | null;
  zone: { id: number; code: string; name_zh: string; name_en: string | null } | null;
  action: string;
  before: unknown;
  after: unknown;
  /** For an import batch: how many records it created, and the lowest and highest id. */
  batch: { count: number; first_id: number; last_id: number } | null;
}

/** The action under which import batches are listed (the record audit trail uses the same word). */
export const IMPORT_CREATE = 'import-create';

/** The zones the actor may see events of; undefined for an admin (all, including events without a zone). */
async function scopeOf(db: Queryable, actor: Actor | null): Promise<number[] | undefined> {
  if (!actor) throw unauthenticated();
  if (actor.role === 'admin') return undefined;
  if (actor.role === 'zone_operator' && actor.zoneId !== null) return zoneSubtree(db, actor.zoneId);
  throw forbidden('audit.scope');
}

const nextUtcDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString();
const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * The filtered union of both tables as SQL with its parameters. Each branch gets its own conditions, so that the
 * indexes of each table serve them.
 */
async function filteredEvents(db: Queryable, actor: Actor | null, f: AuditFilter) {
  const scope = await scopeOf(db, actor);
  const params: unknown[] = [];
  const p = (value: unknown) => { params.push(value); return `$${params.length}`; };
  const common: string[] = [];
  if (scope) common.push(`zone_id = any(${p(scope)}::int8[])`);
  if (f.zone !== undefined) {
    const asked = await zoneSubtree(db, f.zone);
    common.push(`zone_id = any(${p(scope ? asked.filter((z) => scope.includes(z)) : asked)}::int8[])`);
  }
  if (f.entity) common.push(`entity = ${p(f.entity)}`);
  if (f.user) common.push(`user_id = (select id from users where username = ${p(f.user.trim().toLowerCase())})`);
  if (f.from) common.push(`at >= ${p(isDate(f.from) ? `${f.from}T00:00:00Z` : f.from)}::timestamptz`);
  if (f.to) common.push(isDate(f.to) ? `at < ${p(nextUtcDay(f.to))}::timestamptz` : `at <= ${p(f.to)}::timestamptz`);

  const events = [...common];
  const batches = [...common];
  if (f.recordId !== undefined) {
    const id = p(f.recordId);
    events.push(`entity_id = ${id}`);
    batches.push(`first_id <= ${id} and last_id >= ${id} and ${id} = any(ids)`);
  }
  if (f.action) {
    events.push(`action = ${p(f.action)}`);
    if (f.action !== IMPORT_CREATE) batches.push('false');
  }
  const where = (c: string[]) => (c.length ? ` where ${c.join(' and ')}` : '');
  const sql = `
    select 'event' as source, id, at, user_id, entity, entity_id, zone_id, action, before, after, null::int4 as batch_count, null::int8 as first_id, null::int8 as last_id
      from audit_events${where(events)}
    union all
    select 'batch', id, at, user_id, entity, null::int8, zone_id, '${IMPORT_CREATE}', null::jsonb, null::jsonb, cardinality(ids), first_id, last_id
      from audit_created_batches${where(batches)}`;
  return { sql, params };
}

interface EventRow {
  source: 'event' | 'batch'; id: number; at: string; user_id: number | null; username: string | null; entity: string; entity_id: number | null;
  zone_id: number | null; zone_code: string | null; zone_name_zh: string | null; zone_name_en: string | null; action: string;
  before: unknown; after: unknown; batch_count: number | null; first_id: number | null; last_id: number | null;
}

const parsed = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v ?? null);

function present(r: EventRow): AuditEvent {
  return {
    source: r.source, id: Number(r.id), at: new Date(r.at).toISOString(),
    user: r.user_id !== null ? { id: Number(r.user_id), username: r.username ?? '' } : null,
    entity: r.entity, entity_id: r.entity_id !== null ? Number(r.entity_id) : null,
    zone: r.zone_id !== null && r.zone_code !== null ? { id: Number(r.zone_id), code: r.zone_code, name_zh: r.zone_name_zh ?? r.zone_code, name_en: r.zone_name_en } : null,
    action: r.action, before: parsed(r.before), after: parsed(r.after),
    batch: r.source === 'batch' ? { count: Number(r.batch_count), first_id: Number(r.first_id), last_id: Number(r.last_id) } : null,
  };
}

/** Newest first; ties (one transaction writes several events) in the order they were written, last first. */
const ORDER = 'order by e.at desc, e.source desc, e.id desc';

async function selectEvents(db: Queryable, actor: Actor | null, f: AuditFilter, limit: number, offset: number): Promise<AuditEvent[]> {
  const { sql, params } = await filteredEvents(db, actor, f);
  const rows = await db.query<EventRow>(
    `select e.*, u.username, z.code as zone_code, z.name_zh as zone_name_zh, z.name_en as zone_name_en
     from (${sql}) e left join users u on u.id = e.user_id left join zones z on z.id = e.zone_id
     ${ORDER} limit ${Math.trunc(limit)} offset ${Math.trunc(offset)}`, params);
  return rows.map(present);
}

export async function listAuditEvents(db: Queryable, actor: Actor | null, f: AuditFilter, page: { limit: number; offset: number }) {
  const { sql, params } = await filteredEvents(db, actor, f);
  const total = Number((await db.query<{ n: number }>(`select count(*)::int8 as n from (${sql}) e`, params))[0]!.n);
  return { items: await selectEvents(db, actor, f, page.limit, page.offset), total };
}

/** At most this many events go into one export file; the response says how many matched. */
export const EXPORT_MAX_EVENTS = 50_000;

export async function eventsForExport(db: Queryable, actor: Actor | null, f: AuditFilter) {
  const { sql, params } = await filteredEvents(db, actor, f);
  const total = Number((await db.query<{ n: number }>(`select count(*)::int8 as n from (${sql}) e`, params))[0]!.n);
  return { items: await selectEvents(db, actor, f, EXPORT_MAX_EVENTS, 0), total };
}

/** The entities and actions that occur in the actor's scope, for the filter lists of the audit page. */
export async function auditFacets(db: Queryable, actor: Actor | null) {
  const { sql, params } = await filteredEvents(db, actor, {});
  const rows = await db.query<{ entity: string; action: string }>(`select distinct entity, action from (${sql}) e order by entity, action`, params);
  return {
    entities: [...new Set(rows.map((r) => r.entity))],
    actions: [...new Set(rows.map((r) => r.action))].sort(),
  };
}
