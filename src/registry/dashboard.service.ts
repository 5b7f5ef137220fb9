import type { Db, Row } from '../shared/db';
import { type Actor, visibilityOf, zoneSubtree } from '../shared/access/actor';
import { getRecordOrThrow } from '../shared/records/record-service';
import { HIGHTECH_FIELDS, ORG_KINDS, QUALIFICATION_TYPES } from './vocabulary';
import { zones } from './entities';
import type { Label } from '../shared/i18n';

/**
 * A zone's dashboard: counts of its actors (the zone and every zone below it), qualification counts at each
 * year end, the largest organisations by revenue in the latest year, and the facts recorded from documents.
 * Anonymous visitors see aggregates of published records only.
 */
const labelOf = (options: readonly { value: string; label: Label }[], key: string | null): Label =>
  options.find((o) => o.value === key)?.label ?? { zh: key ?? '未填写', en: key ?? 'Not given' };

/** The columns of a zone record the dashboard names (the record has them all: registry/entities.ts). */
type ZoneRecord = Row & { id: number; code: string; name_zh: string; name_en: string | null; generated: boolean; retired_at: string | null };

export async function zoneDashboard(db: Db, actor: Actor | null, zoneId: number, years = 10) {
  const zone = (await getRecordOrThrow(db, actor, zones, zoneId)) as ZoneRecord;
  const subtree = await zoneSubtree(db, zoneId);
  const visibility = await visibilityOf(db, actor);
  // $1 = the zone's subtree; $2 = zones whose unpublished records the actor may also see; $3 = 'see everything'.
  const seen = `(t.published or t.zone_id = any($2::int8[]) or $3::bool)`;
  const base = [subtree, visibility.zoneIds ?? [], Boolean(visibility.all)];
  const live = `t.zone_id = any($1::int8[]) and t.retired_at is null and ${seen}`;
  const endYear = new Date().getFullYear() - 1; // the last complete year

  // Enterprise statistics are confidential by default: the largest organisations are listed only for actors who may
  // read unpublished records in this zone, which also spares anonymous visitors a scan of the zone's statistics.
  const mayRankByRevenue = visibility.all || subtree.every((z) => visibility.zoneIds?.includes(z));

  const [orgGroups, counts, trend, top, facts] = await Promise.all([
    // One scan of the zone's organisations gives the total, the enterprises and both breakdowns.
    db.query<{ kind: string; field: string | null; count: number }>(
      `select kind, hightech_field as field, count(*)::int8 as count from organizations t where ${live} group by kind, hightech_field`, base),
    db.query<{ highTechEnterprises: number; people: number; achievements: number; projects: number }>(`select
        (select count(distinct organization_id) from qualifications t where ${live} and type = 'hightech_enterprise'
           and valid_from <= current_date and (valid_to is null or valid_to >= current_date))::int8 as "highTechEnterprises",
        (select count(*) from people t where ${live})::int8 as people,
        (select count(*) from achievements t where ${live})::int8 as achievements,
        (select count(*) from projects t where ${live})::int8 as projects`, base),
    db.query<{ year: number; type: string; count: number }>(`select y.year, t.type, count(distinct t.organization_id)::int8 as count
        from generate_series($4::int, $5::int) as y(year)
        join qualifications t on t.valid_from <= make_date(y.year, 12, 31) and (t.valid_to is null or t.valid_to >= make_date(y.year, 12, 31))
        where ${live} group by y.year, t.type order by y.year, t.type`, [...base, endYear - years + 1, endYear]),
    mayRankByRevenue ? topByRevenue(db, subtree) : Promise.resolve([]),
    db.query<ZoneFactRow>(
      `select t.id, t.metric, t.metric_en, t.value, t.unit, t.unit_en, t.period, t.period_en, t.source, t.source_en, t.quote, t.generated, t.zone_id
        from zone_facts t where ${live} order by t.period desc, t.id limit 100`, base),
  ]);
  const byKind = sumBy(orgGroups, (g) => g.kind);
  const byField = sumBy(orgGroups, (g) => g.field);
  const organizationsCount = orgGroups.reduce((n, g) => n + g.count, 0);
  return {
    zone,
    counts: { organizations: organizationsCount, enterprises: byKind.find((k) => k.key === 'enterprise')?.count ?? 0, ...counts[0]! },
    byKind: byKind.map((r) => ({ ...r, key: r.key ?? 'none', label: labelOf(ORG_KINDS, r.key) })),
    byField: byField.map((r) => ({ ...r, key: r.key ?? 'none', label: labelOf(HIGHTECH_FIELDS, r.key) })),
    qualificationTrend: trend.map((r) => ({ ...r, label: labelOf(QUALIFICATION_TYPES, r.type) })),
    topOrganizations: top,
    facts: facts.map((f) => ({
      ...f, label: inBothLanguages(f.metric, f.metric_en), unitLabel: inBothLanguages(f.unit, f.unit_en),
      periodLabel: inBothLanguages(f.period, f.period_en), sourceLabel: inBothLanguages(f.source, f.source_en),
    })),
  };
}

interface ZoneFactRow {
  id: number; metric: string; metric_en: string | null; value: number; unit: string; unit_en: string | null; period: string; period_en: string | null;
  source: string; source_en: string | null; quote: string | null; generated: boolean; zone_id: number;
}

/** A zone fact's text keeps the Chinese in one column and the English in its *_en column; a missing English is the Chinese. */
function inBothLanguages(zh: string, en: string | null) {
  return { zh, en: en || zh };
}

function sumBy<T extends { count: number }>(rows: readonly T[], key: (row: T) => string | null) {
  const totals = new Map<string | null, number>();
  for (const r of rows) totals.set(key(r), (totals.get(key(r)) ?? 0) + r.count);
  return [...totals].map(([k, count]) => ({ key: k, count })).sort((a, b) => b.count - a.count);
}

/**
 * The ten largest organisations by operating revenue in the zone's latest year: one index scan per zone of the
 * subtree (annual_statistics_zone_revenue), then the best ten of those.
 */
async function topByRevenue(db: Db, subtree: readonly number[]) {
  return db.query<{ id: number; name_zh: string | null; name_en: string | null; generated: boolean; year: number; operating_revenue: number | null; rd_expense: number | null }>(
    `with latest as (select max(year) as year from annual_statistics where zone_id = any($1::int8[]))
    select o.id, o.name_zh, o.name_en, o.generated, s.year, s.operating_revenue, s.rd_expense
    from unnest($1::int8[]) as z(id), latest,
      lateral (select * from annual_statistics t where t.zone_id = z.id and t.year = latest.year and t.retired_at is null
               order by t.operating_revenue desc nulls last limit 10) s
    join organizations o on o.id = s.organization_id
    order by s.operating_revenue desc nulls last limit 10`, [subtree]);
}
