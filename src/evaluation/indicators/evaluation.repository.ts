/**
 * SQL access for indicators, indicator values and frameworks. The only file of this module that writes SQL other
 * than the computations (computations.ts).
 */
import type { Queryable } from '../../shared/db';
import type { FrameworkMethod, FrameworkNodeDef, FrameworkOptions } from '../frameworks/types';

export interface IndicatorRow {
  id: number;
  code: string;
  name_zh: string;
  name_en: string | null;
  description: string | null;
  unit: string;
  direction: 1 | -1;
  kind: 'computed' | 'entered';
  computation: string | null;
  params: Record<string, unknown>;
  typical_min: number | null;
  typical_max: number | null;
  source: string | null;
  shipped: boolean;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ValueRow {
  indicator_id: number;
  indicator_code: string;
  zone_id: number;
  zone_code: string;
  year: number;
  value: number | null;
  origin: 'computed' | 'entered';
  provenance: Record<string, unknown>;
  computed_at: string;
}

export interface FrameworkRow {
  id: number;
  code: string;
  name_zh: string;
  name_en: string | null;
  description: string | null;
  method: FrameworkMethod;
  options: FrameworkOptions;
  shipped: boolean;
  copied_from: number | null;
  owner_zone_id: number | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface NodeRow {
  code: string;
  parent_code: string | null;
  level: number;
  indicator_id: number | null;
  indicator_code: string | null;
  name_zh: string;
  name_en: string | null;
  description: string | null;
  weight: number;
  sort: number;
  direction: 1 | -1 | null;
  unit: string | null;
}

const IND_COLS = 'id, code, name_zh, name_en, description, unit, direction::int as direction, kind, computation, params, typical_min, typical_max, source, shipped, version, created_at, updated_at';

export async function listIndicators(q: Queryable, filter: { kind?: string; codes?: string[] } = {}): Promise<IndicatorRow[]> {
  return q.query<IndicatorRow>(`select ${IND_COLS} from indicators where ($1::text is null or kind = $1) and ($2::text[] is null or code = any($2::text[])) order by code`,
    [filter.kind ?? null, filter.codes ?? null]);
}

export async function getIndicator(q: Queryable, idOrCode: number | string): Promise<IndicatorRow | undefined> {
  const rows = typeof idOrCode === 'number'
    ? await q.query<IndicatorRow>(`select ${IND_COLS} from indicators where id = $1`, [idOrCode])
    : await q.query<IndicatorRow>(`select ${IND_COLS} from indicators where code = $1`, [idOrCode]);
  return rows[0];
}

export type IndicatorInput = Pick<IndicatorRow, 'code' | 'name_zh' | 'unit' | 'kind'> & Partial<Pick<IndicatorRow, 'name_en' | 'description' | 'direction' | 'computation' | 'params' | 'typical_min' | 'typical_max' | 'source'>>;

export async function insertIndicator(q: Queryable, i: IndicatorInput, shipped = false): Promise<IndicatorRow> {
  const rows = await q.query<IndicatorRow>(`insert into indicators (code, name_zh, name_en, description, unit, direction, kind, computation, params, typical_min, typical_max, source, shipped)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13) returning ${IND_COLS}`,
    [i.code, i.name_zh, i.name_en ?? null, i.description ?? null, i.unit, i.direction ?? 1, i.kind, i.computation ?? null, JSON.stringify(i.params ?? {}),
      i.typical_min ?? null, i.typical_max ?? null, i.source ?? null, shipped]);
  return rows[0]!;
}

export async function updateIndicator(q: Queryable, id: number, i: IndicatorInput): Promise<IndicatorRow> {
  const rows = await q.query<IndicatorRow>(`update indicators set code = $2, name_zh = $3, name_en = $4, description = $5, unit = $6, direction = $7, kind = $8,
      computation = $9, params = $10::jsonb, typical_min = $11, typical_max = $12, source = $13, version = version + 1, updated_at = now()
    where id = $1 returning ${IND_COLS}`,
    [id, i.code, i.name_zh, i.name_en ?? null, i.description ?? null, i.unit, i.direction ?? 1, i.kind, i.computation ?? null, JSON.stringify(i.params ?? {}),
      i.typical_min ?? null, i.typical_max ?? null, i.source ?? null]);
  return rows[0]!;
}

/**
 * Indicator values with provenance. `visibleZones`: null = every value (admin, internal use); else only values of
 * these zones (the actor's own subtree) and values whose (zone, year) is published.
 */
export async function listValues(q: Queryable, f: { zoneIds?: number[] | null; indicatorIds?: number[] | null; from?: number | null; to?: number | null; limit?: number; visibleZones?: number[] | null }): Promise<ValueRow[]> {
  return q.query<ValueRow>(`select v.indicator_id, i.code as indicator_code, v.zone_id, z.code as zone_code, v.year, v.value, v.origin, v.provenance, v.computed_at
    from indicator_values v join indicators i on i.id = v.indicator_id join zones z on z.id = v.zone_id
    where ($1::int8[] is null or v.zone_id = any($1::int8[])) and ($2::int8[] is null or v.indicator_id = any($2::int8[]))
      and ($3::int is null or v.year >= $3) and ($4::int is null or v.year <= $4)
      and ($6::int8[] is null or v.zone_id = any($6::int8[])
           or exists (select 1 from indicator_publications p where p.zone_id = v.zone_id and p.year = v.year))
    order by z.code, i.code, v.year limit $5`,
  [f.zoneIds ?? null, f.indicatorIds ?? null, f.from ?? null, f.to ?? null, f.limit ?? 100000, f.visibleZones ?? null]);
}

export async function upsertEnteredValue(q: Queryable, v: { indicatorId: number; zoneId: number; year: number; value: number; userId: number; source: string; note: string | null; provenance: Record<string, unknown> }): Promise<ValueRow> {
  await q.query(`insert into indicator_values (indicator_id, zone_id, year, value, origin, provenance, entered_by, source_document, note, computed_at)
    values ($1, $2, $3, $4, 'entered', $5::jsonb, $6, $7, $8, now())
    on conflict (indicator_id, zone_id, year) do update set value = excluded.value, origin = 'entered', provenance = excluded.provenance,
      entered_by = excluded.entered_by, source_document = excluded.source_document, note = excluded.note, computed_at = excluded.computed_at`,
  [v.indicatorId, v.zoneId, v.year, v.value, JSON.stringify(v.provenance), v.userId, v.source, v.note]);
  return (await listValues(q, { zoneIds: [v.zoneId], indicatorIds: [v.indicatorId], from: v.year, to: v.year }))[0]!;
}

export interface ZoneRow { id: number; code: string; name_zh: string; name_en: string | null; kind: string; parent_id: number | null }

export async function zonesByIdsOrCodes(q: Queryable, keys: (number | string)[]): Promise<ZoneRow[]> {
  const ids = keys.filter((k): k is number => typeof k === 'number');
  const codes = keys.filter((k): k is string => typeof k === 'string');
  return q.query<ZoneRow>(`select id, code, name_zh, name_en, kind, parent_id from zones where id = any($1::int8[]) or code = any($2::text[])`, [ids, codes]);
}

// ---------------------------------------------------------------------------------------------------------------- frameworks

const FW_COLS = 'id, code, name_zh, name_en, description, method, options, shipped, copied_from, owner_zone_id, version, created_at, updated_at';

export async function listFrameworks(q: Queryable): Promise<(FrameworkRow & { nodes: number; indicators: number })[]> {
  return q.query(`select ${FW_COLS},
      (select count(*) from framework_nodes n where n.framework_id = f.id)::int8 as nodes,
      (select count(*) from framework_nodes n where n.framework_id = f.id and n.level = 1)::int8 as indicators
    from frameworks f order by shipped desc, id`);
}

export async function getFramework(q: Queryable, idOrCode: number | string): Promise<FrameworkRow | undefined> {
  const rows = typeof idOrCode === 'number'
    ? await q.query<FrameworkRow>(`select ${FW_COLS} from frameworks where id = $1`, [idOrCode])
    : await q.query<FrameworkRow>(`select ${FW_COLS} from frameworks where code = $1`, [idOrCode]);
  return rows[0];
}

export async function frameworkNodes(q: Queryable, frameworkId: number): Promise<NodeRow[]> {
  return q.query<NodeRow>(`select n.code, n.parent_code, n.level, n.indicator_id, i.code as indicator_code, n.name_zh, n.name_en, n.description, n.weight, n.sort,
      i.direction::int as direction, i.unit
    from framework_nodes n left join indicators i on i.id = n.indicator_id where n.framework_id = $1 order by n.sort, n.id`, [frameworkId]);
}

export async function insertFramework(q: Queryable, f: { code: string; name_zh: string; name_en: string | null; description: string | null; method: FrameworkMethod; options: FrameworkOptions; shipped: boolean; copiedFrom: number | null; ownerZoneId: number | null }): Promise<FrameworkRow> {
  const rows = await q.query<FrameworkRow>(`insert into frameworks (code, name_zh, name_en, description, method, options, shipped, copied_from, owner_zone_id)
    values ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9) returning ${FW_COLS}`,
  [f.code, f.name_zh, f.name_en, f.description, JSON.stringify(f.method), JSON.stringify(f.options), f.shipped, f.copiedFrom, f.ownerZoneId]);
  return rows[0]!;
}

export async function updateFrameworkRow(q: Queryable, id: number, f: { name_zh: string; name_en: string | null; description: string | null; method: FrameworkMethod; options: FrameworkOptions }): Promise<void> {
  await q.query(`update frameworks set name_zh = $2, name_en = $3, description = $4, method = $5::jsonb, options = $6::jsonb, version = version + 1, updated_at = now() where id = $1`,
    [id, f.name_zh, f.name_en, f.description, JSON.stringify(f.method), JSON.stringify(f.options)]);
}

/** Replaces the nodes of a framework; `indicatorIds` maps indicator codes to ids. */
export async function replaceNodes(q: Queryable, frameworkId: number, nodes: FrameworkNodeDef[], indicatorIds: Map<string, number>): Promise<void> {
  await q.query('delete from framework_nodes where framework_id = $1', [frameworkId]);
  if (!nodes.length) return;
  await q.query(`insert into framework_nodes (framework_id, code, parent_code, level, indicator_id, name_zh, name_en, description, weight, sort)
    select $1, x.code, x.parent, x.level, x.indicator_id, x.name_zh, x.name_en, x.description, x.weight, x.sort
    from jsonb_to_recordset($2::jsonb) as x(code text, parent text, level int, indicator_id int8, name_zh text, name_en text, description text, weight float8, sort int)`,
  [frameworkId, JSON.stringify(nodes.map((n, k) => ({
    code: n.code, parent: n.parent, level: n.level, indicator_id: n.indicator ? indicatorIds.get(n.indicator) ?? null : null,
    name_zh: n.name_zh, name_en: n.name_en ?? null, description: n.description ?? null, weight: n.weight, sort: k,
  })))]);
}
