/**
 * The registry side of eligibility: loads the facts the pure rules of eligibility.ts read, and answers "which
 * enterprises qualify for a programme" in one SQL statement compiled from the same rules (same comparisons, so the
 * list and the per-organisation explanation agree; a test checks it). Reused by policy matching.
 */
import type { Queryable } from '../../shared/db';
import { zoneSubtree } from '../../shared/access/actor';
import { type EligibilityRule, MONEY_FIELDS, type OrgFacts, type YearFigures, yearOf } from './eligibility';
import { eligibleTotals } from './eligibility.batch';

/** Facts of the given organisations for rules evaluated on `date`; `programmeZoneId` decides `inProgrammeZone`. */
export async function loadOrgFacts(db: Queryable, organizationIds: readonly number[], programmeZoneId: number, years: readonly number[]): Promise<Map<number, OrgFacts>> {
  const ids = [...new Set(organizationIds.map(Number))];
  const out = new Map<number, OrgFacts>();
  if (!ids.length) return out;
  const subtree = new Set(await zoneSubtree(db, programmeZoneId));
  const orgs = await db.query<{ id: number; kind: string; zone_id: number; founded_year: number | null; retired: boolean }>(
    'select id, kind, zone_id, founded_year, retired_at is not null as retired from organizations where id = any($1::int8[])', [ids]);
  for (const o of orgs) {
    out.set(Number(o.id), { organizationId: Number(o.id), kind: o.kind, zoneId: Number(o.zone_id), inProgrammeZone: subtree.has(Number(o.zone_id)),
      foundedYear: o.founded_year === null ? null : Number(o.founded_year), retired: o.retired, qualifications: [], statistics: {} });
  }
  const quals = await db.query<{ organization_id: number; type: string; valid_from: string; valid_to: string | null }>(
    `select organization_id, type, valid_from::text as valid_from, valid_to::text as valid_to from qualifications
     where organization_id = any($1::int8[]) and retired_at is null`, [ids]);
  for (const q of quals) out.get(Number(q.organization_id))?.qualifications.push({ type: q.type, validFrom: q.valid_from, validTo: q.valid_to });
  // Money in fen, rounded in SQL from the exact numeric (never through a binary float).
  const stats = await db.query<Record<string, number | null> & { organization_id: number; year: number }>(
    `select organization_id, year, ${MONEY_FIELDS.map((f) => `round(${f} * 1000000)::int8 as ${f}`).join(', ')}, staff, rd_staff, patents_filed, patents_granted
     from annual_statistics where organization_id = any($1::int8[]) and year = any($2::int[]) and retired_at is null`, [ids, [...years]]);
  for (const s of stats) {
    const f = out.get(Number(s.organization_id));
    if (!f) continue;
    const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    const figures: YearFigures = { operating_revenue: n(s.operating_revenue), rd_expense: n(s.rd_expense), exports: n(s.exports), staff: n(s.staff),
      rd_staff: n(s.rd_staff), patents_filed: n(s.patents_filed), patents_granted: n(s.patents_granted) };
    f.statistics[Number(s.year)] = figures;
  }
  return out;
}

export interface ProgrammeRules {
  id?: number;
  zone_id: number;
  rules: readonly EligibilityRule[];
}

/** SQL predicate over `o` (organizations) for the rules, with parameters appended to `params`. */
export function compileRules(rules: readonly EligibilityRule[], date: string, params: unknown[]): string {
  const p = (v: unknown) => { params.push(v); return `$${params.length}`; };
  const parts: string[] = [];
  for (const r of rules) {
    switch (r.kind) {
      case 'org_kind':
        parts.push(`o.kind = any(${p(r.in)}::text[])`);
        break;
      case 'qualification': {
        const on = p(r.on ?? date);
        parts.push(`exists (select 1 from qualifications q where q.organization_id = o.id and q.retired_at is null and q.type = ${p(r.type)}
          and q.valid_from <= ${on}::date and (q.valid_to is null or q.valid_to >= ${on}::date))`);
        break;
      }
      case 'statistic': {
        const year = p(yearOf(date) + r.year);
        const op = r.op; // from a closed enum, never user text
        let cond: string;
        if (r.field === 'rd_intensity') cond = `s.operating_revenue > 0 and s.rd_expense * 100 ${op} ${p(r.value)}::numeric * s.operating_revenue`;
        else if ((MONEY_FIELDS as readonly string[]).includes(r.field)) cond = `round(s.${r.field} * 1000000) ${op} round(${p(r.value)}::numeric * 1000000)`;
        else cond = `s.${r.field} ${op} ${p(r.value)}::numeric`;
        parts.push(`exists (select 1 from annual_statistics s where s.organization_id = o.id and s.retired_at is null and s.year = ${year}::int and ${cond})`);
        break;
      }
      case 'founded_before':
        parts.push(`o.founded_year < ${p(yearOf(r.date))}::int`);
        break;
    }
  }
  return parts.length ? parts.join(' and ') : 'true';
}

/**
 * Organisations that meet every rule of a programme on `date` (registered in its zone subtree, not retired), by id.
 * `notAppliedTo`: leave out those that already applied to that programme (for "qualifies and has not applied").
 */
export async function eligibleOrganizations(db: Queryable, programme: ProgrammeRules, date: string,
  opts: { limit?: number; offset?: number; notAppliedTo?: number; zoneIds?: readonly number[] } = {}): Promise<{ ids: number[]; total: number }> {
  const params: unknown[] = [];
  const zones = opts.zoneIds ?? await zoneSubtree(db, programme.zone_id);
  params.push([...zones]);
  const where = [`o.retired_at is null`, `o.zone_id = any($1::int8[])`, compileRules(programme.rules, date, params)];
  if (opts.notAppliedTo) {
    params.push(opts.notAppliedTo);
    where.push(`not exists (select 1 from policy_applications a where a.programme_id = $${params.length} and a.organization_id = o.id)`);
  }
  const limit = Math.min(opts.limit ?? 1000, 100_000);
  params.push(limit, opts.offset ?? 0);
  // The page walks organisations in id order and stops when it is full; the total is counted in one pass over the
  // joined facts (eligibility.batch.ts) rather than by finishing this walk.
  const [rows, totals] = await Promise.all([
    db.query<{ id: number }>(`select o.id from organizations o where ${where.join(' and ')} order by o.id limit $${params.length - 1} offset $${params.length}`, params),
    eligibleTotals(db, [{ ...programme, id: opts.notAppliedTo }], date, { zoneIds: zones, notApplied: Boolean(opts.notAppliedTo) }),
  ]);
  return { ids: rows.map((r) => Number(r.id)), total: totals[0]! };
}

/**
 * eligibleOrganizations for many programmes at once (dashboards, the benchmark): the totals in one pass over the
 * registry for all of them, then each programme's first page of ids.
 */
export async function eligibleForProgrammes(db: Queryable, programmes: readonly ProgrammeRules[], date: string,
  opts: { limit?: number; zoneIds?: readonly number[] } = {}): Promise<{ ids: number[]; total: number }[]> {
  const zoneSets = opts.zoneIds ? programmes.map(() => opts.zoneIds!) : await Promise.all(programmes.map((g) => zoneSubtree(db, g.zone_id)));
  const limit = Math.min(opts.limit ?? 1000, 100_000);
  const [totals, ...pages] = await Promise.all([
    eligibleTotals(db, programmes, date, { zoneIds: opts.zoneIds }),
    ...programmes.map((g, i) => {
      const params: unknown[] = [[...zoneSets[i]!]];
      const where = [`o.retired_at is null`, `o.zone_id = any($1::int8[])`, compileRules(g.rules, date, params)];
      params.push(limit);
      return db.query<{ id: number }>(`select o.id from organizations o where ${where.join(' and ')} order by o.id limit $${params.length}`, params);
    }),
  ]);
  return programmes.map((_, i) => ({ ids: pages[i]!.map((r) => Number(r.id)), total: totals[i]! }));
}
