import type { Queryable } from '../../shared/db';
import { TIER_VALUES_SQL } from './tiers';

/**
 * The pipeline's SQL. `ladder` is every ladder qualification of the zone subtree with its effective end: the
 * registry's valid_to, or valid_from plus the rung's default validity (HNTE certificates run three years).
 */
const LADDER = `ladder as (
  select q.organization_id, t.tier, q.type, q.certificate_no, q.valid_from,
         coalesce(q.valid_to, (q.valid_from + make_interval(years => t.years) - interval '1 day')::date) as valid_to
    from qualifications q join (values ${TIER_VALUES_SQL}) as t(type, tier, years) on t.type = q.type
    join organizations o on o.id = q.organization_id
   where q.zone_id = any($1::int8[]) and q.retired_at is null and o.retired_at is null and o.kind = 'enterprise')`;

export async function countTiers(db: Queryable, subtree: number[], date: string) {
  return db.query<{ tier: number; count: number }>(`with ${LADDER},
    held as (select organization_id, max(tier) as tier from ladder where valid_from <= $2::date and valid_to >= $2::date group by organization_id),
    total as (select count(*)::int8 as n from organizations o where o.zone_id = any($1::int8[]) and o.kind = 'enterprise' and o.retired_at is null)
    select tier, count(*)::int8 as count from held group by tier
    union all
    select 0, (select n from total) - (select count(*) from held)`, [subtree, date]);
}

/** Tier at each year end from `fromYear - 1` to `toYear`, compared year on year: only changes are returned. */
export async function tierTransitions(db: Queryable, subtree: number[], fromYear: number, toYear: number) {
  return db.query<{ year: number; from_tier: number; to_tier: number; count: number }>(`with ${LADDER},
    years as (select generate_series($2::int - 1, $3::int) as y),
    laddered as (select distinct organization_id from ladder),
    at_end as (
      select l.organization_id, y.y,
             coalesce(max(d.tier) filter (where d.valid_from <= make_date(y.y, 12, 31) and d.valid_to >= make_date(y.y, 12, 31)), 0) as tier
        from laddered l cross join years y left join ladder d on d.organization_id = l.organization_id
       group by l.organization_id, y.y)
    select b.y as year, a.tier as from_tier, b.tier as to_tier, count(*)::int8 as count
      from at_end a join at_end b on b.organization_id = a.organization_id and b.y = a.y + 1
     where a.tier <> b.tier
     group by b.y, a.tier, b.tier order by b.y, a.tier, b.tier`, [subtree, fromYear, toYear]);
}

export interface LapsingRow {
  organization_id: number;
  name_zh: string;
  name_en: string | null;
  generated: boolean;
  type: string;
  tier: number;
  certificate_no: string | null;
  valid_from: string;
  valid_to: string;
  days_left: number;
}

/** Certificates ending within `days` of the date with no renewal of the same title starting after them. */
export async function lapsingCertificates(db: Queryable, subtree: number[], date: string, days: number, limit: number) {
  const where = `l.valid_to >= $2::date and l.valid_to <= $2::date + $3::int
      and not exists (select 1 from ladder r where r.organization_id = l.organization_id and r.type = l.type and r.valid_from > l.valid_from and r.valid_to > l.valid_to)`;
  const [rows, total] = await Promise.all([
    db.query<LapsingRow>(`with ${LADDER}
      select l.organization_id, o.name_zh, o.name_en, o.generated, l.type, l.tier, l.certificate_no, l.valid_from, l.valid_to, (l.valid_to - $2::date)::int as days_left
        from ladder l join organizations o on o.id = l.organization_id
       where ${where} order by l.valid_to, l.tier desc, l.organization_id limit $4`, [subtree, date, days, limit]),
    db.query<{ n: number }>(`with ${LADDER} select count(*)::int8 as n from ladder l where ${where}`, [subtree, date, days]),
  ]);
  return { rows, total: total[0]?.n ?? 0 };
}

/** Every enterprise of the subtree with its tier on the date (the candidates for "closest to the next tier"). */
export async function enterpriseTiers(db: Queryable, subtree: number[], date: string) {
  return db.query<{ id: number; tier: number }>(`with ${LADDER},
    held as (select organization_id, max(tier) as tier from ladder where valid_from <= $2::date and valid_to >= $2::date group by organization_id)
    select o.id, coalesce(h.tier, 0) as tier from organizations o left join held h on h.organization_id = o.id
     where o.zone_id = any($1::int8[]) and o.kind = 'enterprise' and o.retired_at is null order by o.id`, [subtree, date]);
}
