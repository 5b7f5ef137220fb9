import { assertGloballyUnique, globalKeyColumns, lockGlobalKeys } from './global-keys';
import type { Db, Queryable, Row } from '../db';
import { type Actor, visibilityOf, zoneSubtree } from '../access/actor';
import { AppError, forbidden, invalid, notFound, type FieldIssue } from '../http/errors';
import { databaseError } from '../http/database-errors';
import { analyze, hasCjk } from '../text';
import type { MessageKey } from '../i18n';
import type { EntityDef, FieldDef } from './field-def';
import * as repo from './record-repository';
import { allEntities, entityByName } from './registry-of-entities';

/**
 * Create, read, update and retire records of any described entity, with the same recipe each time:
 * check access → load or fail → validate references and cross-field rules → write → audit.
 */

export interface ListParams {
  q?: string;
  zone?: number;
  equals: Record<string, unknown>;
  asOf?: string;
  includeRetired?: boolean;
  sort?: string;
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  /** Keyset paging in id order, for exports: every record after this id. */
  afterId?: number;
}

export const MAX_PAGE = 500;

/**
 * A tsquery from the same analysis that built the index; undefined when the text has no searchable token.
 * Segmentation in search mode yields a long word's sub-words too (有限公司 → 有限, 公司, 有限公司), in the index as in
 * the query, so a word that is part of another query word adds nothing and is dropped. Words match exactly, except
 * single Chinese characters and, with `prefixLast`, a last word that is not Chinese (half-typed: 新材 → 新:* & 材:*,
 * huax → huax:*):
 * a prefix makes PostgreSQL merge the entries of every word that starts so, several times the cost of one word.
 */
export function toTsquery(text: string, prefixLast = false): string | undefined {
  const tokens = [...new Set(analyze(text))];
  const kept = tokens.filter((t) => !(hasCjk(t) && tokens.some((o) => o !== t && o.includes(t))));
  if (!kept.length) return undefined;
  const quote = (t: string) => `'${t.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`;
  // A Chinese word of two or more characters came out of the dictionary whole: it is not half-typed.
  const prefix = (t: string, i: number) => (hasCjk(t) ? t.length === 1 : prefixLast && i === kept.length - 1);
  return kept.map((t, i) => (prefix(t, i) ? `${quote(t)}:*` : quote(t))).join(' & ');
}

/** Below this many exact matches, a search without other filters also takes the last word as a prefix (still being typed). */
const PREFIX_FALLBACK_BELOW = 20;

export function searchTextOf(def: EntityDef, record: Row): string {
  const parts: string[] = [];
  for (const f of def.fields) {
    if (!f.search) continue;
    const v = record[f.name];
    if (v === null || v === undefined) continue;
    parts.push(Array.isArray(v) ? v.join(' ') : String(v));
  }
  // Codes are ASCII identifiers: PostgreSQL's own parser splits them (S-9162… → s, 9162…); only text needs analysis.
  const code = String(record.code ?? '').toLowerCase();
  return parts.length ? `${code} ${analyze(parts.join(' ')).join(' ')}` : code;
}

export async function listRecords(db: Db, actor: Actor | null, def: EntityDef, params: ListParams) {
  const sortable = new Set(['id', 'code', 'created_at', 'updated_at', ...def.fields.map((f) => f.name)]);
  // A search without a chosen order lists the best matches first.
  const searching = Boolean(params.q?.trim());
  const sort = params.sort && (sortable.has(params.sort) || (searching && params.sort === 'relevance')) ? params.sort
    : searching ? 'relevance' : def.defaultSort;
  let tsquery: string | undefined;
  let prefixQuery: string | undefined;
  if (params.q?.trim()) {
    tsquery = toTsquery(params.q);
    prefixQuery = toTsquery(params.q, true);
    if (!tsquery) return { items: [], total: 0, totalIsLowerBound: false };
  }
  const query: repo.ListQuery = {
    tsquery,
    text: params.q,
    zoneIds: params.zone !== undefined ? await zoneSubtree(db, params.zone) : undefined,
    equals: params.equals,
    asOf: params.asOf,
    includeRetired: params.includeRetired ?? false,
    sort,
    order: params.order ?? 'asc',
    limit: Math.min(Math.max(params.limit ?? 20, 1), MAX_PAGE),
    offset: Math.max(params.offset ?? 0, 0),
    afterId: params.afterId,
    visibility: await visibilityOf(db, actor),
  };
  const present = presenterOf(actor, query.visibility);
  const shown = (r: Awaited<ReturnType<typeof repo.listRecords>>) => ({ ...r, items: r.items.map((item) => present(def, item)) });
  const result = await repo.listRecords(db, def, query);
  // Only for a search on its own (as a reference select asks while the user types): with a zone or other filter,
  // few matches usually mean the word is not in that zone, not that it is half-typed.
  if (!prefixQuery || prefixQuery === tsquery || query.zoneIds || Object.keys(query.equals).length) return shown(result);
  // Decided on the exact total of the whole search, not on one page, so that every page uses the same query.
  const exactTotal = query.afterId === undefined ? result.total
    : (await repo.listRecords(db, def, { ...query, afterId: undefined, limit: 1, offset: 0 })).total;
  return shown(exactTotal < PREFIX_FALLBACK_BELOW ? await repo.listRecords(db, def, { ...query, tsquery: prefixQuery }) : result);
}

export async function getRecordOrThrow(db: Queryable, actor: Actor | null, def: EntityDef, id: number): Promise<Row> {
  const row = await repo.getRecord(db, def, id);
  if (!row || !(await canRead(db, actor, def, row))) throw notFound(def.name, id);
  return (await presenterFor(db, actor))(def, row);
}

/** Fields holding personal contact data (PIPL): shown only to callers with a reason to contact the person. */
const isContactField = (f: FieldDef) => f.contact === true;

/**
 * Brokers (admins and zone operators) and the person's own organisation may see contact data; anonymous visitors and
 * other organisations' users may not.
 */
export function mayReadContacts(actor: Actor | null, def: EntityDef, row: Row): boolean {
  if (!actor) return false;
  if (actor.role === 'admin' || actor.role === 'zone_operator') return true;
  return actor.organizationId !== null && Number(owningOrganization(def, row)) === actor.organizationId;
}

export type Presenter = (def: EntityDef, row: Row) => Row;

/** A record as this caller may see it: references to records they may not see without content, contacts withheld. */
export function presenterOf(actor: Actor | null, visibility: repo.Visibility): Presenter {
  return (def, row) => {
    const out = repo.presentRefs(row, visibility);
    if (!def.fields.some(isContactField) || mayReadContacts(actor, def, row)) return out;
    for (const f of def.fields) if (isContactField(f) && out[f.name] != null) out[f.name] = null;
    return out;
  };
}

export async function presenterFor(db: Queryable, actor: Actor | null): Promise<Presenter> {
  return presenterOf(actor, await visibilityOf(db, actor));
}

export async function createRecord(db: Db, actor: Actor | null, def: EntityDef, input: Row): Promise<Row> {
  const actorOrThrow = requireActor(actor);
  const created = await writeTransaction(db, async (tx) => {
    const values: Row = { ...input };
    values.published ??= def.publishedByDefault;
    await deriveZone(tx, def, values);
    await checkReferences(tx, actorOrThrow, def, values);
    checkRecordRules(def, values);
    await assertMayWrite(tx, actorOrThrow, def, values);
    values.code ??= `${def.codePrefix}-${Date.now().toString(36).toUpperCase()}${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
    await lockGlobalKeys(tx, def);
    const row = await repo.insertRecord(tx, def, values, searchTextOf(def, values));
    await assertGloballyUnique(tx, def, [row]);
    await audit(tx, actorOrThrow, def, row, 'create', null, row);
    return row;
  });
  await changed(db, def, created);
  return (await presenterFor(db, actorOrThrow))(def, created);
}

export async function updateRecord(db: Db, actor: Actor | null, def: EntityDef, id: number, patch: Row): Promise<Row> {
  const actorOrThrow = requireActor(actor);
  const { version, ...changes } = patch;
  let prior: Row | undefined;
  let movedWith: string[] = [];
  const updated = await writeTransaction(db, async (tx) => {
    const before = prior = await repo.getRecord(tx, def, id, true);
    if (!before || !(await canRead(tx, actorOrThrow, def, before))) throw notFound(def.name, id);
    await assertMayWrite(tx, actorOrThrow, def, before);
    if (Number(version) !== before.version) throw conflict(before.version as number, Number(version));
    const merged: Row = { ...before, ...changes };
    if ('organization_id' in changes) await deriveZone(tx, def, merged);
    if (merged.zone_id !== before.zone_id) changes.zone_id = merged.zone_id;
    assertMayMove(actorOrThrow, def, before, changes);
    await checkReferences(tx, actorOrThrow, def, changes);
    checkRecordRules(def, merged);
    await assertMayWrite(tx, actorOrThrow, def, merged);
    if (def.zoneOwnership === 'self' && changes.parent_id != null) await assertNoZoneCycle(tx, id, Number(changes.parent_id));
    const rekeyed = globalKeyColumns(def).some((c) => c in changes);
    if (rekeyed) await lockGlobalKeys(tx, def);
    const after = await repo.updateRecord(tx, def, id, Number(version), changes, searchTextOf(def, merged));
    if (!after) throw conflict(before.version as number, Number(version));
    if (rekeyed) await assertGloballyUnique(tx, def, [after]);
    await audit(tx, actorOrThrow, def, after, 'update', before, after);
    if (def.name === 'organizations' && Number(after.zone_id) !== Number(before.zone_id)) {
      movedWith = await moveOrganizationRecords(tx, actorOrThrow, id, Number(before.zone_id), Number(after.zone_id));
    }
    return after;
  });
  await changed(db, def, prior, updated);
  for (const entity of movedWith) await recordsChanged(db, entity, [Number(prior?.zone_id), Number(updated.zone_id)]);
  return (await presenterFor(db, actorOrThrow))(def, updated);
}

/**
 * Moving a zone under another parent changes whose operators govern it and its records: only an admin may do it.
 * Moving an organisation to another zone is a broker's act (zone operator of both zones, or admin), never its own
 * user's: the organisation's records then move with it (moveOrganizationRecords).
 */
function assertMayMove(actor: Actor, def: EntityDef, before: Row, changes: Row): void {
  if (def.zoneOwnership === 'self' && 'parent_id' in changes && (changes.parent_id ?? null) !== (before.parent_id ?? null) && actor.role !== 'admin') {
    throw forbidden('scope.zoneParent');
  }
  if (def.name === 'organizations' && 'zone_id' in changes && Number(changes.zone_id) !== Number(before.zone_id) && actor.role === 'org_user') {
    throw forbidden('scope.organizationMove');
  }
}

/**
 * Records whose zone is their organisation's (qualifications, achievements, statistics, demands, offers) follow it to
 * its new zone in the same transaction, each with an audit event, so that no record is left in a zone its organisation
 * has left. People and projects have a zone of their own and stay. The database has already moved them: their keys
 * (zone_id, organization_id) → organizations (zone_id, id) cascade on update (migrations/030), and with them the
 * cases, applications and assessments below them; here each moved record gets its new version and audit event.
 */
async function moveOrganizationRecords(tx: Queryable, actor: Actor, orgId: number, from: number, to: number): Promise<string[]> {
  const moved: string[] = [];
  for (const dep of allEntities().filter((d) => d.zoneOwnership === 'organization')) {
    const rows = await tx.query(
      `with m as (update ${dep.table} t set version = t.version + 1, updated_at = now()
         where t.organization_id = $1 and t.zone_id = $2 returning t.id)
       insert into audit_events (user_id, entity, entity_id, zone_id, action, before, after)
       select $3, $4, m.id, $2, 'move-with-organization', jsonb_build_object('zone_id', $5::int8), jsonb_build_object('zone_id', $2::int8) from m
       returning entity_id`, [orgId, to, actor.userId, dep.name, from]);
    if (rows.length) moved.push(dep.name);
  }
  return moved;
}

export async function retireRecord(db: Db, actor: Actor | null, def: EntityDef, id: number, version: number): Promise<Row> {
  const actorOrThrow = requireActor(actor);
  const retired = await writeTransaction(db, async (tx) => {
    const before = await repo.getRecord(tx, def, id, true);
    if (!before || !(await canRead(tx, actorOrThrow, def, before))) throw notFound(def.name, id);
    await assertMayWrite(tx, actorOrThrow, def, before);
    const after = await repo.retireRecord(tx, def, id, version);
    if (!after) throw conflict(before.version as number, version);
    await audit(tx, actorOrThrow, def, after, 'retire', before, after);
    return after;
  });
  await changed(db, def, retired);
  return (await presenterFor(db, actorOrThrow))(def, retired);
}

/** Told after a write has committed which zones the record was in (before and after), e.g. to recompute what derives from it. */
export type RecordChangeListener = (entity: string, zoneIds: number[]) => Promise<void>;
// Keyed by database: each app (and each test app in one process) hears only its own writes.
const changeListeners = new WeakMap<Db, RecordChangeListener>();

export function onRecordChange(db: Db, listener: RecordChangeListener): void {
  changeListeners.set(db, listener);
}

async function changed(db: Db, def: EntityDef, ...rows: (Row | undefined)[]): Promise<void> {
  const zones = rows.map((r) => Number(r && (def.zoneOwnership === 'self' ? r.id : r.zone_id))).filter((z) => z > 0);
  await recordsChanged(db, def.name, [...new Set(zones)]);
}

/** For writers outside the generic record routes (e.g. a brokerage case moving stage): tells the listener after commit. */
export async function recordsChanged(db: Db, entity: string, zoneIds: number[]): Promise<void> {
  await changeListeners.get(db)?.(entity, zoneIds);
}

export async function auditTrail(db: Queryable, actor: Actor | null, def: EntityDef, id: number) {
  const current = await getRecordOrThrow(db, actor, def, id);
  await assertMayReadAudit(db, requireActor(actor), def, current);
  const events = await db.query(
    `select a.id, a.at, a.action, a.before, a.after, u.id as user_id, u.username
     from audit_events a left join users u on u.id = a.user_id
     where a.entity = $1 and a.entity_id = $2 order by a.id desc limit 200`, [def.name, id]);
  // Records created by an import are audited by batch (see upsertRecords): the creation comes first, so it goes last.
  const created = await db.query(
    `select b.id, b.at, 'import-create' as action, null as before, null as after, u.id as user_id, u.username
     from audit_created_batches b left join users u on u.id = b.user_id
     where b.entity = $1 and b.first_id <= $2 and b.last_id >= $2 and $2 = any(b.ids)
     order by b.first_id desc limit 1`, [def.name, id]);
  const rows = [...events, ...created];
  // The created version is the `before` of the next change that has one, or the record as it is now.
  const { refs: _, ...now } = current;
  const afterOf = (i: number) => {
    if (rows[i]!.after !== null || rows[i]!.action !== 'import-create') return rows[i]!.after;
    for (let j = i - 1; j >= 0; j--) if (rows[j]!.before !== null) return rows[j]!.before;
    return now;
  };
  return rows.map((r, i) => ({
    id: r.id, at: r.at, action: r.action, before: r.before, after: afterOf(i),
    user: r.user_id ? { id: r.user_id, username: r.username } : null,
  }));
}

// ——— access ———

/**
 * Audit trails carry user names and full before/after images: they are for admins, the operators of the record's zone
 * and the record's own organisation, not for everyone who may read the published record.
 */
async function assertMayReadAudit(db: Queryable, actor: Actor, def: EntityDef, row: Row): Promise<void> {
  if (actor.role === 'admin') return;
  const zone = Number(def.zoneOwnership === 'self' ? row.id : row.zone_id);
  if (actor.role === 'zone_operator' && actor.zoneId !== null && (await zoneSubtree(db, actor.zoneId)).includes(zone)) return;
  if (actor.role === 'org_user' && actor.organizationId !== null && Number(owningOrganization(def, row)) === actor.organizationId) return;
  throw forbidden('scope.audit');
}

function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'problem.unauthenticated');
  return actor;
}

function owningOrganization(def: EntityDef, record: Row): unknown {
  return def.name === 'organizations' ? record.id : record.organization_id;
}

async function canRead(db: Queryable, actor: Actor | null, def: EntityDef, row: Row): Promise<boolean> {
  if (row.published && !row.retired_at) return true;
  if (!actor) return false;
  const v = await visibilityOf(db, actor);
  if (v.all) return true;
  const zone = def.zoneOwnership === 'self' ? row.id : row.zone_id;
  if (v.zoneIds?.includes(Number(zone))) return true;
  return v.organizationId !== undefined && owningOrganization(def, row) === v.organizationId;
}

/** Whether `actor` may change or retire `row` (the same rule as assertMayWrite, as a yes or no). */
export async function mayEdit(db: Queryable, actor: Actor | null, def: EntityDef, row: Row): Promise<boolean> {
  return actor !== null && (await writeCheckFor(db, actor))(def, row) === null;
}

/** Admins write everything; zone operators inside their zone's subtree; organisation users their own organisation's records. */
export async function assertMayWrite(db: Queryable, actor: Actor, def: EntityDef, record: Row): Promise<void> {
  const problem = (await writeCheckFor(db, actor))(def, record);
  if (problem) throw forbidden(problem.key, problem.params);
}

export type WriteCheck = (def: EntityDef, record: Row) => { key: MessageKey; params?: Record<string, string> } | null;

/** Prepares the actor's write scope once (e.g. for every row of an import) and returns a check for one record. */
export async function writeCheckFor(db: Queryable, actor: Actor): Promise<WriteCheck> {
  if (actor.role === 'admin') return () => null;
  if (actor.role === 'zone_operator' && actor.zoneId !== null) {
    const subtree = new Set(await zoneSubtree(db, actor.zoneId));
    return (def, record) => {
      const zone = def.zoneOwnership === 'self' ? (record.id ?? record.parent_id) : record.zone_id;
      return zone !== undefined && zone !== null && subtree.has(Number(zone)) ? null : { key: 'scope.zone' };
    };
  }
  return (def, record) => {
    if (actor.role !== 'org_user' || !def.orgUserMayWrite) return { key: 'scope.role', params: { entity: def.name } };
    const org = owningOrganization(def, record);
    return org !== undefined && org !== null && Number(org) === actor.organizationId ? null : { key: 'scope.organization' };
  };
}

// ——— rules ———

async function deriveZone(db: Queryable, def: EntityDef, values: Row): Promise<void> {
  if (def.zoneOwnership !== 'organization' || values.organization_id == null) return;
  const rows = await db.query<{ zone_id: number }>('select zone_id from organizations where id = $1', [values.organization_id]);
  if (!rows[0]) throw invalid([{ field: 'organization_id', key: 'field.unknownRef', params: { entity: 'organizations', value: String(values.organization_id) } }]);
  values.zone_id = rows[0].zone_id;
}

/**
 * Every referenced record must exist and be visible to the writer: a reference to a record they may not see is refused
 * exactly like one to a record that does not exist, so that ids cannot be walked to learn what exists elsewhere.
 */
async function checkReferences(db: Queryable, actor: Actor, def: EntityDef, values: Row): Promise<void> {
  const issues: FieldIssue[] = [];
  for (const f of def.fields) {
    if (f.type !== 'ref' || values[f.name] == null) continue;
    const target = entityByName(f.ref!);
    const found = await repo.getRecord(db, target, Number(values[f.name]));
    if (!found || !(await canRead(db, actor, target, found))) issues.push({ field: f.name, key: 'field.unknownRef', params: { entity: target.name, value: String(values[f.name]) } });
  }
  if (issues.length) throw invalid(issues);
}

function checkRecordRules(def: EntityDef, record: Row): void {
  const problem = def.checkRecord?.(record);
  if (problem) throw invalid([{ field: problem.field, key: problem.key, params: problem.params }]);
}

async function assertNoZoneCycle(db: Queryable, zoneId: number, newParent: number): Promise<void> {
  if ((await zoneSubtree(db, zoneId)).includes(newParent)) {
    throw invalid([{ field: 'parent_id', key: 'field.type', params: { type: 'a zone outside this zone\'s own subtree' } }]);
  }
}

function conflict(current: number, sent: number): AppError {
  return new AppError('CONFLICT', 'problem.conflict', { current, sent });
}

// ——— helpers ———

/** Runs a write in a transaction and turns constraint violations into field problems. */
export async function writeTransaction<T>(db: Db, work: (tx: Queryable) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(work);
  } catch (err) {
    throw constraintError(err) ?? err;
  }
}

export function constraintError(err: unknown): AppError | undefined {
  return databaseError(err);
}

async function audit(db: Queryable, actor: Actor, def: EntityDef, row: Row, action: string, before: Row | null, after: Row | null) {
  const zone = def.zoneOwnership === 'self' ? row.id : row.zone_id;
  await db.query(
    'insert into audit_events (user_id, entity, entity_id, zone_id, action, before, after) values ($1, $2, $3, $4, $5, $6, $7)',
    [actor.userId, def.name, row.id, zone, action, before ? JSON.stringify(before) : null, after ? JSON.stringify(after) : null]);
}
