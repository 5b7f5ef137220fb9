import type { Db } from '../shared/db';
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

export async function zoneDashboard(db: Db, actor: Actor | null, zoneId: number, years = 10) {
  const zone = await getRecordOrThrow(db, actor, zones, zoneId);
  const subtree = await zoneSubtree(db, zoneId);
  const visibility = await visibilityOf(db, actor);
  // $1 = the zone's subtree; $2 = zones whose unpublished records the actor may also see; $3 = 'see everything'.
  const seen = `(t.published or t.zone_id = any($2::int8[]) or $3::bool)`;
  const base = [subtree, visibility.zoneIds ?? [], Boolean(visibility.all)];
  const live = `t.zone_id = any($1::int8[]) and t.retired_at is null and ${seen}`;
  const endYear = new Date().getFullYear() - 1; // the last complete year

  const [counts, byKind, byField, trend, top, facts] = await Promise.all([
    db.query<Record<string, number>>(`select
        (select count(*) from organizations t where ${live})::int8 as organizations,
        (select count(*) from organizations t where ${live} and kind = 'enterprise')::int8 as enterprises,
        (select count(distinct organization_id) from qualifications t where ${live} and type = 'hightech_enterprise'
           and valid_from <= current_date and (valid_to is null or valid_to >= current_date))::int8 as "highTechEnterprises",
        (select count(*) from people t where ${live})::int8 as people,
        (select count(*) from achievements t where ${live})::int8 as achievements,
        (select count(*) from projects t where ${live})::int8 as projects`, base),
    db.query<{ key: string; count: number }>(`select kind as key, count(*)::int8 as count from organizations t where ${live} group by kind order by count desc`, base),
    db.query<{ key: string | null; count: number }>(`select hightech_field as key, count(*)::int8 as count from organizations t where ${live} group by hightech_field order by count desc`, base),
    db.query<{ year: number; type: string; count: number }>(`select y.year, t.type, count(distinct t.organization_id)::int8 as count
        from generate_series($4::int, $5::int) as y(year)
        join qualifications t on t.valid_from <= make_date(y.year, 12, 31) and (t.valid_to is null or t.valid_to >= make_date(y.year, 12, 31))
        where ${live} group by y.year, t.type order by y.year, t.type`, [...base, endYear - years + 1, endYear]),
    db.query(`select o.id, o.name_zh, o.name_en, o.generated, t.year, t.operating_revenue, t.rd_expense
        from annual_statistics t join organizations o on o.id = t.organization_id
        where ${live} and t.year = (select max(year) from annual_statistics s where s.zone_id = any($1::int8[]))
        order by t.operating_revenue desc nulls last limit 10`, base),
    db.query(`select t.id, t.metric, t.value, t.unit, t.period, t.source, t.quote, t.generated, t.zone_id
        from zone_facts t where ${live} order by t.period desc, t.id limit 100`, base),
  ]);
  return {
    zone,
    counts: counts[0]!,
    byKind: byKind.map((r) => ({ ...r, label: labelOf(ORG_KINDS, r.key) })),
    byField: byField.map((r) => ({ ...r, key: r.key ?? 'none', label: labelOf(HIGHTECH_FIELDS, r.key) })),
    qualificationTrend: trend.map((r) => ({ ...r, label: labelOf(QUALIFICATION_TYPES, r.type) })),
    topOrganizations: top,
    facts: facts.map((f) => ({ ...f, label: { zh: String(f.metric), en: String(f.metric) } })),
  };
}
