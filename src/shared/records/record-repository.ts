import type { Db, Queryable, Row } from '../db';
import type { EntityDef, FieldDef } from './field-def';
import { entityByName } from './registry-of-entities';

/** All SQL on record tables lives here; names of tables and columns come from entity descriptions, never from input. */

export interface Visibility {
  /** Everything (platform admin). */
  all?: boolean;
  /** Besides published rows, also rows in these zones (zone operator). */
  zoneIds?: readonly number[];
  /** Besides published rows, also rows of this organisation (organisation user). */
  organizationId?: number;
}

export interface ListQuery {
  tsquery?: string;
  /** The words as typed, for `sort: 'relevance'` (a record whose name contains them comes first). */
  text?: string;
  /** Restrict to these zones (a zone filter, expanded to its subtree). */
  zoneIds?: readonly number[];
  equals: Record<string, unknown>;
  /** For records with validity periods: valid on this date. */
  asOf?: string;
  /** Keyset paging in id order (exports): only records after this id, every match, no cap. */
  afterId?: number;
  includeRetired: boolean;
  sort: string;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
  visibility: Visibility;
}

const SQL_TYPE: Record<FieldDef['type'], string> = {
  text: 'text', longtext: 'text', int: 'int4', number: 'numeric', bool: 'bool', date: 'date', enum: 'text', list: 'text', ref: 'int8',
};

/**
 * The columns a record is read with, including a summary of each referenced record (id, code, names) fetched in the
 * same statement, so that a list or a detail is one round trip. See `withRefs` for how they are presented.
 */
const SELECT_COLUMNS = (def: EntityDef) => [
  ...['id', 'code', 'version', 'published', 'generated', 'retired_at', 'created_at', 'updated_at', ...def.fields.map((f) => f.name)].map((c) => `t.${c}`),
  ...def.fields.filter((f) => f.type === 'ref').map((f) => {
    const target = entityByName(f.ref!);
    const [zh, en] = target.labelColumns ?? ['name_zh', 'name_en'];
    // `_v` says who may see the target (published and current, its zone, its organisation): the service shows the
    // summary's content only to callers who may see the target itself (see presentRefs).
    const zone = target.zoneOwnership === 'self' ? 'r.id' : 'r.zone_id';
    const org = target.name === 'organizations' ? 'r.id' : target.fields.some((x) => x.name === 'organization_id') ? 'r.organization_id' : 'null';
    return `(select json_build_object('id', r.id, 'code', r.code, 'name_zh', r.${zh}, 'name_en', r.${en}, '_v', json_build_array(r.published and r.retired_at is null, ${zone}, ${org})) from ${target.table} r where r.id = t.${f.name}) as "ref:${f.name}"`;
  }),
].join(', ');

/** A reference summary as read, before `presentRefs` decides what of it the caller may see. */
interface RawRefSummary {
  id: number;
  code: string;
  name_zh: string | null;
  name_en: string | null;
  /** [published and not retired, zone id, organisation id] of the target. */
  _v?: [boolean, number | null, number | null];
}

/** Whether a caller with this visibility may see a referenced record's code and names. */
export function refVisible(v: Visibility, ref: RawRefSummary): boolean {
  const [published, zone, org] = ref._v ?? [false, null, null];
  if (v.all || published) return true;
  if (zone !== null && v.zoneIds?.includes(Number(zone))) return true;
  return org !== null && v.organizationId !== undefined && Number(org) === v.organizationId;
}

/**
 * The `refs` of a record as this caller may see them: the summary of a target they may see, or its id alone
 * (`hidden: true`), so that names of unpublished records of other zones never travel inside a visible record.
 */
export function presentRefs(row: Row, v: Visibility): Row {
  const refs = row.refs as Record<string, RawRefSummary | null> | undefined;
  if (!refs) return row;
  const shown: Record<string, unknown> = {};
  for (const [k, ref] of Object.entries(refs)) {
    if (!ref) shown[k] = null;
    else if (refVisible(v, ref)) shown[k] = { id: Number(ref.id), code: ref.code, name_zh: ref.name_zh, name_en: ref.name_en };
    else shown[k] = { id: Number(ref.id), code: null, name_zh: null, name_en: null, hidden: true };
  }
  return { ...row, refs: shown };
}

/** Moves the `ref:field` columns of a row into `refs: {field: summary | null}`. */
export function withRefs(def: EntityDef, row: Row): Row {
  const out: Row = {};
  const refs: Row = {};
  for (const [k, v] of Object.entries(row)) {
    if (k.startsWith('ref:')) refs[k.slice(4)] = v ?? null;
    else out[k] = v;
  }
  for (const f of def.fields) if (f.type === 'ref' && !(f.name in refs)) refs[f.name] = null;
  out.refs = refs;
  return out;
}

/** Column holding the owning zone: zones own themselves. */
const zoneColumn = (def: EntityDef) => (def.zoneOwnership === 'self' ? 't.id' : 't.zone_id');
const orgColumn = (def: EntityDef) =>
  def.name === 'organizations' ? 't.id' : def.fields.some((f) => f.name === 'organization_id') ? 't.organization_id' : null;

class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

function whereClause(def: EntityDef, q: Omit<ListQuery, 'sort' | 'order' | 'limit' | 'offset'>, p: Params): string {
  const where: string[] = [];
  if (!q.includeRetired) where.push('t.retired_at is null');
  if (!q.visibility.all) {
    const alts = ['t.published'];
    if (q.visibility.zoneIds?.length) alts.push(`${zoneColumn(def)} = any(${p.add(q.visibility.zoneIds)}::int8[])`);
    const org = orgColumn(def);
    if (q.visibility.organizationId !== undefined && org) alts.push(`${org} = ${p.add(q.visibility.organizationId)}`);
    where.push(`(${alts.join(' or ')})`);
  }
  // Text search within zones goes through the (zone as text, search) GIN index where there is one.
  if (q.zoneIds && q.tsquery && def.searchIndexedByZone) where.push(`(t.zone_id::text) = any(${p.add(q.zoneIds.map(String))}::text[])`);
  // A single zone as an equality, so that indexes led by zone_id can also deliver the sort order.
  else if (q.zoneIds?.length === 1) where.push(`${zoneColumn(def)} = ${p.add(q.zoneIds[0])}::int8`);
  else if (q.zoneIds) where.push(`${zoneColumn(def)} = any(${p.add(q.zoneIds)}::int8[])`);
  if (q.tsquery && def.searchThroughOrganization) {
    // Qualifications and statistics say little themselves: a search also finds them by their organisation's name,
    // through organisations the caller may see (a hidden organisation's name must not find its records).
    const tsq = p.add(q.tsquery);
    const seen = q.visibility.all ? '' : ` and (o.published${q.visibility.zoneIds?.length ? ` or o.zone_id = any(${p.add(q.visibility.zoneIds)}::int8[])` : ''}${
      q.visibility.organizationId !== undefined ? ` or o.id = ${p.add(q.visibility.organizationId)}::int8` : ''})`;
    where.push(`(t.search @@ to_tsquery('simple', ${tsq}) or t.organization_id in (
      select o.id from organizations o where o.search @@ to_tsquery('simple', ${tsq}) and o.retired_at is null${seen}))`);
  } else if (q.tsquery) where.push(`t.search @@ to_tsquery('simple', ${p.add(q.tsquery)})`);
  if (q.afterId !== undefined) where.push(`t.id > ${p.add(q.afterId)}::int8`);
  for (const [name, value] of Object.entries(q.equals)) {
    const field = def.fields.find((f) => f.name === name);
    if (!field) continue;
    where.push(`t.${name} = ${p.add(value)}::${SQL_TYPE[field.type]}`);
  }
  if (q.asOf && def.fields.some((f) => f.name === 'valid_from')) {
    const d = p.add(q.asOf);
    where.push(`t.valid_from <= ${d}::date and (t.valid_to is null or t.valid_to >= ${d}::date)`);
  }
  return where.length ? `where ${where.join(' and ')}` : '';
}

/** Counting stops here: past COUNT_CAP matches the total is reported as a lower bound (the web app shows "1,000+"). */
export const COUNT_CAP = 1_000;

type ListResult = { items: Row[]; total: number; totalIsLowerBound: boolean };

/** Up to this many zones, a list over a zone and its sub-zones is merged from one ordered read per zone. */
const MERGE_ZONES_UP_TO = 32;

export async function listRecords(db: Db, def: EntityDef, q: ListQuery): Promise<ListResult> {
  if (q.tsquery && q.afterId === undefined) return searchRecords(db, def, q);
  const p = new Params();
  const where = whereClause(def, q, p);
  const countSql = `select count(*)::int8 as n from (select 1 from ${def.table} t ${where} limit ${COUNT_CAP + 1}) capped`;
  const countParams = [...p.values];
  const merged = q.zoneIds && q.zoneIds.length > 1 && q.zoneIds.length <= MERGE_ZONES_UP_TO && def.zoneOwnership !== 'self';
  const pageParams = merged ? new Params() : p;
  const sql = merged ? mergedPageSql(def, q, pageParams) : `select ${SELECT_COLUMNS(def)} from ${def.table} t ${where}
    order by ${orderBy(q, 't')}
    limit ${p.add(q.limit)} offset ${p.add(q.offset)}`;
  const [items, count] = await Promise.all([db.query(sql, pageParams.values), db.query<{ n: number }>(countSql, countParams)]);
  const n = count[0]?.n ?? 0;
  return { items: items.map((r) => withRefs(def, r)), total: Math.min(n, COUNT_CAP), totalIsLowerBound: n > COUNT_CAP };
}

/**
 * A page of a list over several zones (a zone and its sub-zones): an index led by zone_id gives each zone's records
 * in order, but not the union's, so PostgreSQL would sort every match. Instead each zone contributes its first
 * offset + limit records in order, and the page is taken from their merge.
 */
function mergedPageSql(def: EntityDef, q: ListQuery, p: Params): string {
  const perZone = q.offset + q.limit;
  const branches = q.zoneIds!.map((zone) =>
    `(select t.id, t.${q.sort} as s from ${def.table} t ${whereClause(def, { ...q, zoneIds: [zone] }, p)} order by ${orderBy(q, 't')} limit ${perZone})`);
  return `select ${SELECT_COLUMNS(def)}
    from (select u.id, u.s from (${branches.join(' union all ')}) u order by ${orderBy(q, 'u', 'u.s')} limit ${p.add(q.limit)} offset ${p.add(q.offset)}) pg
    join ${def.table} t on t.id = pg.id
    order by ${orderBy(q, 'pg', 'pg.s')}`;
}

const orderBy = (q: Pick<ListQuery, 'sort' | 'order'>, alias: string, sortColumn = `${alias}.${q.sort}`) => {
  // Relevance: the best first, ties in id order.
  if (q.sort === 'relevance') return `${sortColumn} desc nulls last, ${alias}.id asc`;
  const dir = q.order === 'desc' ? 'desc' : 'asc';
  return `${sortColumn} ${dir} nulls last, ${alias}.id ${dir}`;
};

/**
 * How well a search candidate matches: a record whose name (its label columns) contains the words as typed comes
 * first, then PostgreSQL's ts_rank over the search text. Computed only for the candidates (at most COUNT_CAP + 1).
 */
function relevance(def: EntityDef, q: ListQuery, p: Params): string {
  const rank = `ts_rank(t.search, to_tsquery('simple', ${p.add(q.tsquery ?? '')}))`;
  const names = (def.labelColumns ?? ['name_zh', 'name_en']).filter((c) => def.fields.some((f) => f.name === c));
  const text = q.text?.trim().toLowerCase();
  if (!names.length || !text) return rank;
  const haystack = names.map((c) => `coalesce(t.${c}, '')`).join(` || ' ' || `);
  return `(case when position(${p.add(text)} in lower(${haystack})) > 0 then 1 else 0 end + ${rank})`;
}

/**
 * Text search. PostgreSQL cannot know how the words of a name go with a zone (兰州 names sit in Lanzhou's zones), so
 * for "成都 in Lanzhou New Area" it may walk the whole table in id order hoping to meet a match soon. So the
 * candidates are found in one of two ways whose cost is bounded, and at most COUNT_CAP + 1 of them are read; the
 * page is sorted from them. When more than COUNT_CAP records match, the result is COUNT_CAP of them (the total is
 * then a lower bound, and the user narrows the search); below that it is exact.
 * 1. Common words, default order: the first DENSE_WINDOW records in id order (of the table, or of one zone) are
 *    checked. If more than COUNT_CAP of them match, those are the first matches in id order; nothing else is read.
 * 2. Otherwise through the indexes only (GIN on the search text, b-trees on zone and filters, combined as bitmaps:
 *    sequential and ordered index scans are off for this one statement).
 */
const DENSE_WINDOW = 8 * COUNT_CAP;
const DENSE_ZONE_WINDOW = 2 * COUNT_CAP;

async function searchRecords(db: Db, def: EntityDef, q: ListQuery): Promise<ListResult> {
  const dense = denseWindow(def, q);
  if (dense) {
    const page = await candidatePage(db, def, q, dense);
    if (page.totalIsLowerBound) return page;
  }
  return db.transaction(async (tx) => {
    // work_mem big enough that bitmaps of a few hundred thousand rows stay exact: lossy ones make ANDs recheck pages.
    await tx.exec("set local enable_seqscan = off; set local enable_indexscan = off; set local enable_indexonlyscan = off; set local work_mem = '64MB'");
    return candidatePage(tx, def, q, def.table);
  });
}

/**
 * The first DENSE_WINDOW records in id order, of the table or, where organisations are indexed by (zone_id, id), of
 * one zone. Other filters make a quarter of the first records matching unlikely: then straight to the indexes.
 */
function denseWindow(def: EntityDef, q: ListQuery): string | undefined {
  if (!(q.sort === 'relevance' || (q.sort === 'id' && q.order === 'asc')) || Object.keys(q.equals).length || q.asOf) return undefined;
  if (!q.zoneIds) return `(select * from ${def.table} order by id limit ${DENSE_WINDOW})`;
  // Within a zone, words either go with the zone (兰州 in Lanzhou: nearly every record) or hardly appear: a small
  // window tells them apart without wasting much on the second kind.
  if (q.zoneIds.length === 1 && def.name === 'organizations') {
    return `(select * from ${def.table} where zone_id = ${Number(q.zoneIds[0])} order by id limit ${DENSE_ZONE_WINDOW})`;
  }
  return undefined;
}

/** Up to COUNT_CAP + 1 matching candidates from `source`, their count, and the requested page of them, in one statement. */
async function candidatePage(db: Queryable, def: EntityDef, q: ListQuery, source: string): Promise<ListResult> {
  const p = new Params();
  const where = whereClause(def, q, p);
  const sortValue = q.sort === 'relevance' ? relevance(def, q, p) : `t.${q.sort}`;
  const sql = `with c as materialized (select t.id, ${sortValue} as s from ${source} t ${where} limit ${COUNT_CAP + 1})
    select ${SELECT_COLUMNS(def)}, n.total as "_total"
    from (select count(*)::int8 as total from c) n
    left join lateral (select c.id, c.s from c order by ${orderBy(q, 'c', 'c.s')} limit ${p.add(q.limit)} offset ${p.add(q.offset)}) pg on true
    left join ${def.table} t on t.id = pg.id
    order by ${orderBy(q, 'pg', 'pg.s')}`;
  const rows = await db.query(sql, p.values);
  const n = Number(rows[0]?._total ?? 0);
  const items = rows.filter((r) => r.id !== null).map(({ _total: _, ...r }) => withRefs(def, r));
  return { items, total: Math.min(n, COUNT_CAP), totalIsLowerBound: n > COUNT_CAP };
}

export async function getRecord(db: Queryable, def: EntityDef, id: number, forUpdate = false): Promise<Row | undefined> {
  const rows = await db.query(`select ${SELECT_COLUMNS(def)} from ${def.table} t where t.id = $1${forUpdate ? ' for update of t' : ''}`, [id]);
  return rows[0] && withRefs(def, rows[0]);
}

export async function findIdsByCode(db: Queryable, def: EntityDef, codes: readonly string[]): Promise<Map<string, { id: number; zone_id: number }>> {
  if (!codes.length) return new Map();
  const zone = def.zoneOwnership === 'self' ? 'id' : 'zone_id';
  const rows = await db.query<{ id: number; code: string; zone_id: number }>(
    `select id, code, ${zone} as zone_id from ${def.table} where code = any($1::text[])`, [codes]);
  return new Map(rows.map((r) => [r.code, { id: r.id, zone_id: r.zone_id }]));
}

/** Values are already validated; `search` is the space-joined token text for the tsvector. */
export async function insertRecord(db: Queryable, def: EntityDef, values: Row, search: string): Promise<Row> {
  const p = new Params();
  const cols = Object.keys(values);
  const placeholders = cols.map((c) => castParam(def, c, p.add(toSqlValue(def, c, values[c]))));
  const rows = await db.query(
    `insert into ${def.table} as t (${[...cols, 'search'].join(', ')}) values (${[...placeholders, `to_tsvector('simple', ${p.add(search)})`].join(', ')})
     returning ${SELECT_COLUMNS(def)}`, p.values);
  return withRefs(def, rows[0]!);
}

/** Updates only if the stored version is `version`; returns undefined on a version mismatch. */
export async function updateRecord(db: Queryable, def: EntityDef, id: number, version: number, changes: Row, search: string): Promise<Row | undefined> {
  const p = new Params();
  const sets = Object.keys(changes).map((c) => `${c} = ${castParam(def, c, p.add(toSqlValue(def, c, changes[c])))}`);
  sets.push(`search = to_tsvector('simple', ${p.add(search)})`, 'version = t.version + 1', 'updated_at = now()');
  const rows = await db.query(
    `update ${def.table} t set ${sets.join(', ')} where t.id = ${p.add(id)} and t.version = ${p.add(version)} returning ${SELECT_COLUMNS(def)}`, p.values);
  return rows[0] && withRefs(def, rows[0]);
}

export async function retireRecord(db: Queryable, def: EntityDef, id: number, version: number): Promise<Row | undefined> {
  const rows = await db.query(
    `update ${def.table} t set retired_at = now(), version = t.version + 1, updated_at = now()
     where t.id = $1 and t.version = $2 returning ${SELECT_COLUMNS(def)}`, [id, version]);
  return rows[0] && withRefs(def, rows[0]);
}

/**
 * Inserts or updates many rows in one statement, keyed on `code`: columns travel as arrays through unnest, which is
 * the fastest portable path on both PGlite and a server. New codes are plain inserts (cheaper than ON CONFLICT);
 * existing ones are updated with their before and after images in the audit log. Created records are audited by
 * batch and zone in `audit_created_batches` (who, when, which ids): a record's first version is the `before` of its
 * first later change or, if there is none, the record as it is (see `auditTrail`); a row per record would cost an
 * import half again.
 * A concurrent insert of the same code makes the statement fail on the unique constraint rather than overwrite.
 */
export async function upsertRecords(db: Queryable, def: EntityDef, columns: readonly string[], rows: readonly Row[], searches: readonly string[], userId: number | null) {
  const p = new Params();
  const arrays = columns.map((c) => `${p.add(rows.map((r) => toSqlValue(def, c, r[c])))}::${columnSqlType(def, c)}[]`);
  const values = columns.map((c) => (fieldOf(def, c)?.type === 'list' ? `u.${c}::text[]` : `u.${c}`));
  const sets = columns.map((c, i) => `${c} = ${values[i]}`).filter((_, i) => columns[i] !== 'code');
  const zone = def.zoneOwnership === 'self' ? 't.id' : 't.zone_id';
  const user = p.add(userId);
  const entity = p.add(def.name);
  const sql = `with u as materialized (
      select * from unnest(${[...arrays, `${p.add(searches)}::text[]`].join(', ')}) as u(${[...columns, 'search'].join(', ')})
    ), old as materialized (
      select t.id, t.code, to_jsonb(t) - 'search' as before from ${def.table} t where t.code in (select code from u) for update of t
    ), ins as (
      insert into ${def.table} as t (${[...columns, 'search'].join(', ')})
      select ${values.join(', ')}, to_tsvector('simple', u.search) from u where u.code not in (select code from old)
      returning t.id, ${zone} as zone_id
    ), upd as (
      update ${def.table} t set ${[...sets, "search = to_tsvector('simple', u.search)", 'version = t.version + 1', 'updated_at = now()'].join(', ')}
      from u join old on old.code = u.code where t.id = old.id
      returning t.id, ${zone} as zone_id, old.before, to_jsonb(t) - 'search' as after
    ), created as (
      insert into audit_created_batches (user_id, entity, zone_id, first_id, last_id, ids)
      select ${user}::int8, ${entity}, zone_id, min(id), max(id), array_agg(id order by id) from ins group by zone_id
    ), updated as (
      insert into audit_events (user_id, entity, entity_id, zone_id, action, before, after)
      select ${user}::int8, ${entity}, id, zone_id, 'import-update', before, after from upd
    )
    select (select count(*) from ins)::int8 as inserted, (select count(*) from upd)::int8 as updated`;
  const result = await db.query<{ inserted: number; updated: number }>(sql, p.values);
  return result[0] ?? { inserted: 0, updated: 0 };
}

const fieldOf = (def: EntityDef, column: string) => def.fields.find((f) => f.name === column);

function columnSqlType(def: EntityDef, column: string): string {
  const f = fieldOf(def, column);
  if (f) return SQL_TYPE[f.type];
  if (column === 'published' || column === 'generated') return 'bool';
  if (column === 'zone_id' || column === 'parent_id') return 'int8';
  return 'text';
}

function castParam(def: EntityDef, column: string, placeholder: string): string {
  const f = fieldOf(def, column);
  return f?.type === 'list' ? `${placeholder}::text[]` : `${placeholder}::${columnSqlType(def, column)}`;
}

/** Lists travel as PostgreSQL array literals so that they fit in text[] parameters and unnest. */
function toSqlValue(def: EntityDef, column: string, value: unknown): unknown {
  if (value === undefined) return null;
  if (fieldOf(def, column)?.type === 'list' && Array.isArray(value)) {
    return `{${value.map((v) => `"${String(v).replace(/["\\]/g, (m) => `\\${m}`)}"`).join(',')}}`;
  }
  return value;
}
