/**
 * "How many enterprises qualify" for many programmes in one pass over the registry. Each organisation's facts are
 * joined once (the statistics of every year a rule reads, the programmes applied to; qualification tests are sets of
 * ids built once), and every programme's rules become one FILTER over that row: twenty programmes cost about one. The
 * comparisons are those of compileRules (eligibility.repository.ts), so totals agree with its lists and with the
 * per-organisation evaluation of eligibility.ts (a test checks both).
 */
import type { Queryable } from '../../shared/db';
import { zoneSubtree } from '../../shared/access/actor';
import { type EligibilityRule, MONEY_FIELDS, yearOf } from './eligibility';

export interface BatchProgramme {
  id?: number;
  zone_id: number;
  rules: readonly EligibilityRule[];
}

export interface BatchOptions {
  /** Zones to look in for every programme (instead of each programme's zone subtree). */
  zoneIds?: readonly number[];
  /** Leave out organisations that already applied to the programme (its id). */
  notApplied?: boolean;
}

/** Predicate of one programme over the joined row (`o`, `s<year>`, `a.ids`); null counts as false. */
function compileJoined(rules: readonly EligibilityRule[], date: string, p: (v: unknown) => string, qualFlag: (type: string, on: string) => string,
  statYear: (year: number) => string): string {
  const parts: string[] = [];
  for (const r of rules) {
    switch (r.kind) {
      case 'org_kind':
        parts.push(`o.kind = any(${p(r.in)}::text[])`);
        break;
      case 'qualification':
        parts.push(`coalesce(${qualFlag(r.type, r.on ?? date)}, false)`);
        break;
      case 'statistic': {
        const s = statYear(yearOf(date) + r.year);
        const op = r.op; // from a closed enum, never user text
        let cond: string;
        if (r.field === 'rd_intensity') cond = `${s}.operating_revenue > 0 and ${s}.rd_expense * 100 ${op} ${p(r.value)}::numeric * ${s}.operating_revenue`;
        else if ((MONEY_FIELDS as readonly string[]).includes(r.field)) cond = `round(${s}.${r.field} * 1000000) ${op} round(${p(r.value)}::numeric * 1000000)`;
        else cond = `${s}.${r.field} ${op} ${p(r.value)}::numeric`;
        parts.push(`coalesce(${s}.year is not null and ${cond}, false)`);
        break;
      }
      case 'founded_before':
        parts.push(`coalesce(o.founded_year < ${p(yearOf(r.date))}::int, false)`);
        break;
    }
  }
  return parts.length ? parts.join(' and ') : 'true';
}

/** Number of organisations (registered in each programme's zone subtree, not retired) meeting every rule on `date`. */
export async function eligibleTotals(db: Queryable, programmes: readonly BatchProgramme[], date: string, opts: BatchOptions = {}): Promise<number[]> {
  if (!programmes.length) return [];
  const params: unknown[] = [];
  const p = (v: unknown) => { params.push(v); return `$${params.length}`; };
  const zoneSets = opts.zoneIds ? programmes.map(() => opts.zoneIds!) : await Promise.all(programmes.map((g) => zoneSubtree(db, g.zone_id)));
  const union = [...new Set(zoneSets.flat().map(Number))];

  // A qualification test is a hashed set of the organisations holding it that day, built once per (type, day).
  const quals = new Map<string, string>();
  const qualFlag = (type: string, on: string) => {
    const key = `${type}@${on}`;
    if (!quals.has(key)) {
      quals.set(key, `o.id in (select organization_id from qualifications where retired_at is null and type = ${p(type)}
        and valid_from <= ${p(on)}::date and (valid_to is null or valid_to >= ${p(on)}::date))`);
    }
    return quals.get(key)!;
  };
  const years = new Set<number>();
  const statYear = (year: number) => { years.add(year); return `s${year}`; };

  const filters = programmes.map((g, i) => {
    const zones = opts.zoneIds ? '' : `o.zone_id = any(${p(zoneSets[i]!.map(Number))}::int8[]) and `;
    const applied = opts.notApplied && g.id ? ` and not coalesce(a.ids @> array[${p(g.id)}::int8], false)` : '';
    return `count(*) filter (where ${zones}${compileJoined(g.rules, date, p, qualFlag, statYear)}${applied}) as t${i}`;
  });
  const joins: string[] = [];
  for (const y of years) {
    joins.push(`left join annual_statistics s${y} on s${y}.organization_id = o.id and s${y}.year = ${p(y)}::int and s${y}.retired_at is null`);
  }
  const ids = programmes.map((g) => g.id).filter((x): x is number => opts.notApplied === true && x !== undefined);
  if (ids.length) {
    joins.push(`left join (select organization_id, array_agg(programme_id) as ids from policy_applications where programme_id = any(${p(ids)}::int8[])
      group by organization_id) a on a.organization_id = o.id`);
  }
  const rows = await db.query<Record<string, number>>(`select ${filters.join(', ')} from organizations o ${joins.join(' ')}
    where o.retired_at is null and o.zone_id = any(${p(union)}::int8[])`, params);
  return programmes.map((_, i) => Number(rows[0]![`t${i}`]));
}
