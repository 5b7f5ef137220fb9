import type { Queryable } from '../../shared/db';
import type { CaseFacts } from './registry-case';
import type { QualificationSpan, StatisticsYear } from './registry-facts.repository';

/**
 * Cases for many enterprises at once, pre-aggregated in SQL: one row per enterprise with its statistics of the
 * years before the application year, its ladder and institution qualifications, and its IP counted by kind. Rows
 * come in ranges of organisation ids, so a million enterprises stream through in bounded memory and the caller can
 * hand each batch to a worker while the database prepares the next.
 */
export interface AggregateRow {
  id: number;
  zone_id: number;
  founded_year: number | null;
  /** [year, revenue, rd, staff, rd_staff][] */
  stats: [number, number | null, number | null, number | null, number | null][];
  /** [type, level, valid_from, valid_to][] */
  quals: [string, string | null, string, string | null][];
  /** IP items by achievement kind, granted up to the application year */
  ip: Record<string, number>;
  conv: number;
  std: boolean;
}

/**
 * One range of organisations as four compact texts, built by the database in one round trip: rows separated by
 * ';', fields by ',' (codes, numbers and ISO dates only, never free text; '' for null). Compact text costs the
 * database a fraction of JSON and is parsed where the rows are assessed (rowsFromText, in worker threads).
 */
export interface AggregateText { orgs: string; stats: string; quals: string; ach: string }

/** [lo, hi] organisation ids; `zoneIds` null = every zone; statistics of up to `years` years before the application year. */
export async function aggregateCasesText(db: Queryable, lo: number, hi: number, appYear: number, zoneIds: readonly number[] | null, years = 5): Promise<AggregateText> {
  const rows = await db.query<AggregateText>(`with o as (
      select id, zone_id, founded_year from organizations
       where id between $1 and $2 and kind = 'enterprise' and retired_at is null and ($4::int8[] is null or zone_id = any($4::int8[])))
    select
      (select coalesce(string_agg(concat_ws(',', id, zone_id, coalesce(founded_year::text, '')), ';'), '') from o) as orgs,
      (select coalesce(string_agg(concat_ws(',', organization_id, year, coalesce(operating_revenue::text, ''), coalesce(rd_expense::text, ''),
                coalesce(staff::text, ''), coalesce(rd_staff::text, '')), ';'), '')
         from annual_statistics where organization_id between $1 and $2 and retired_at is null and year >= $3::int - $5::int and year < $3::int) as stats,
      (select coalesce(string_agg(concat_ws(',', organization_id, type, coalesce(level, ''), valid_from::text, coalesce(valid_to::text, '')), ';'), '')
         from qualifications where organization_id between $1 and $2 and retired_at is null) as quals,
      (select coalesce(string_agg(concat_ws(',', organization_id, kind, n, conv), ';'), '') from (
         select organization_id, kind, count(*) filter (where year is null or year <= $3::int) as n,
                count(*) filter (where converted and year >= $3::int - 3 and year < $3::int) as conv
           from achievements where organization_id between $1 and $2 and retired_at is null group by organization_id, kind) k) as ach`,
  [lo, hi, appYear, zoneIds, years]);
  return rows[0]!;
}

const IP_KINDS = new Set(['invention_patent', 'new_variety', 'utility_model', 'design_patent', 'software_copyright']);
const numOrNull = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));

/** Parses the four texts into one row per enterprise (pure: runs in worker threads). */
export function rowsFromText(t: AggregateText): AggregateRow[] {
  const byId = new Map<number, AggregateRow>();
  const rows: AggregateRow[] = [];
  if (t.orgs) {
    for (const line of t.orgs.split(';')) {
      const [id, zone, founded] = line.split(',');
      const row: AggregateRow = { id: Number(id), zone_id: Number(zone), founded_year: numOrNull(founded), stats: [], quals: [], ip: {}, conv: 0, std: false };
      byId.set(row.id, row);
      rows.push(row);
    }
  }
  if (t.stats) {
    for (const line of t.stats.split(';')) {
      const [org, year, revenue, rd, staff, rdStaff] = line.split(',');
      byId.get(Number(org))?.stats.push([Number(year), numOrNull(revenue), numOrNull(rd), numOrNull(staff), numOrNull(rdStaff)]);
    }
    for (const row of rows) row.stats.sort((a, b) => a[0] - b[0]);
  }
  if (t.quals) {
    for (const line of t.quals.split(';')) {
      const [org, type, level, from, to] = line.split(',');
      byId.get(Number(org))?.quals.push([type!, level || null, from!, to || null]);
    }
  }
  if (t.ach) {
    for (const line of t.ach.split(';')) {
      const [org, kind, n, conv] = line.split(',');
      const row = byId.get(Number(org));
      if (!row) continue;
      if (IP_KINDS.has(kind!) && Number(n) > 0) row.ip[kind!] = Number(n);
      if (kind === 'standard' && Number(n) > 0) row.std = true;
      row.conv += Number(conv);
    }
  }
  return rows;
}

/** The rows of one range (for in-process use; batches go to workers as text). */
export async function aggregateCases(db: Queryable, lo: number, hi: number, appYear: number, zoneIds: readonly number[] | null, years = 5): Promise<AggregateRow[]> {
  return rowsFromText(await aggregateCasesText(db, lo, hi, appYear, zoneIds, years));
}

export async function organisationIdRange(db: Queryable, zoneIds: readonly number[] | null): Promise<{ lo: number; hi: number } | null> {
  const rows = await db.query<{ lo: number | null; hi: number | null }>(
    `select min(id) as lo, max(id) as hi from organizations where kind = 'enterprise' and retired_at is null and ($1::int8[] is null or zone_id = any($1::int8[]))`, [zoneIds]);
  const r = rows[0];
  return r && r.lo !== null && r.hi !== null ? { lo: Number(r.lo), hi: Number(r.hi) } : null;
}

/** The batch row in the form caseFromRegistry reads (pure: runs in worker threads too). */
export function caseFactsOfRow(row: AggregateRow): CaseFacts {
  const statistics: StatisticsYear[] = row.stats.map(([year, revenue, rd, staff, rdStaff]) => ({
    year, operating_revenue: revenue, rd_expense: rd, staff, rd_staff: rdStaff, patents_granted: null,
  }));
  const qualifications: QualificationSpan[] = row.quals.map(([type, level, from, to]) => ({ type, level, certificate_no: null, valid_from: from, valid_to: to }));
  return {
    name: '', foundedYear: row.founded_year, statistics, qualifications, ipCounts: row.ip,
    convertedLast3Years: row.conv, standardDrafting: row.std,
  };
}
