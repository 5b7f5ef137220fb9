import type { Queryable } from '../../shared/db';
import type { CaseFacts } from './registry-case';
import { FISCAL_YEARS_READ } from '../rules/metrics';
import type { QualificationSpan, StatisticsYear } from './registry-facts.repository';

/**
 * Cases for many enterprises at once, pre-aggregated in SQL: one row per enterprise with its statistics of the
 * years before the application year, its ladder and institution qualifications, and its IP counted by kind. Rows
 * come in ranges of organisation ids, so a million enterprises stream through in bounded memory and the caller can
 * hand each batch to a worker while the database prepares the next.
 */
export interface AggregateRow {
  id: number;
  founded_year: number | null;
  /** Statistics years, ascending, in the shape the case builder reads (no intermediate tuples: a million rows). */
  stats: StatisticsYear[];
  quals: QualificationSpan[];
  /** IP items by achievement kind, granted up to the application year */
  ip: Record<string, number>;
  conv: number;
  std: boolean;
}

/**
 * One range of organisations as four compact texts, built by the database in one round trip: rows separated by
 * ';', fields by ',' (codes, numbers and ISO dates only, never free text; '' for null). Compact text costs the
 * database a fraction of JSON and is parsed where the rows are assessed (rowsFromText, in worker threads). Fields
 * are joined with `||`, which PostgreSQL formats about twice as fast as concat_ws (every column here is not null or
 * coalesced).
 */
export interface AggregateText { orgs: string; stats: string; quals: string; ach: string }

/**
 * [lo, hi] organisation ids; `zoneIds` null = every zone; statistics of up to `years` years before the application
 * year (by default the years the rules read: fewer rows to format and parse).
 */
export async function aggregateCasesText(db: Queryable, lo: number, hi: number, appYear: number, zoneIds: readonly number[] | null, years = FISCAL_YEARS_READ): Promise<AggregateText> {
  const rows = await db.query<AggregateText>(`with o as (
      select id, founded_year from organizations
       where id between $1 and $2 and kind = 'enterprise' and retired_at is null and ($4::int8[] is null or zone_id = any($4::int8[])))
    select
      (select coalesce(string_agg(id || ',' || coalesce(founded_year::text, ''), ';'), '') from o) as orgs,
      (select coalesce(string_agg(organization_id || ',' || year || ',' || coalesce(operating_revenue::text, '') || ',' || coalesce(rd_expense::text, '')
                || ',' || coalesce(staff::text, '') || ',' || coalesce(rd_staff::text, ''), ';'), '')
         from annual_statistics where organization_id between $1 and $2 and retired_at is null and year >= $3::int - $5::int and year < $3::int) as stats,
      (select coalesce(string_agg(organization_id || ',' || type || ',' || coalesce(level, '') || ',' || valid_from::text || ',' || coalesce(valid_to::text, ''), ';'), '')
         from qualifications where organization_id between $1 and $2 and retired_at is null) as quals,
      (select coalesce(string_agg(organization_id || ',' || kind || ',' || n || ',' || conv, ';'), '') from (
         select organization_id, kind, count(*) filter (where year is null or year <= $3::int) as n,
                count(*) filter (where converted and year >= $3::int - 3 and year < $3::int) as conv
           from achievements where organization_id between $1 and $2 and retired_at is null group by organization_id, kind) k) as ach`,
  [lo, hi, appYear, zoneIds, years]);
  return rows[0]!;
}

const IP_KINDS = new Set(['invention_patent', 'new_variety', 'utility_model', 'design_patent', 'software_copyright']);
const COMMA = 44;
const SEMI = 59;
const MINUS = 45;
const DOT = 46;
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * A scanner over one of the texts: fields are read in place (no split, no substrings for numbers), which keeps a
 * million rows from turning into tens of millions of short-lived strings.
 */
class Fields {
  i = 0;
  constructor(readonly s: string) {}
  get more(): boolean { return this.i < this.s.length; }
  /** Past the field separator that ends the current field (',' or ';'). */
  private skip(): void { if (this.i < this.s.length) this.i++; }
  /**
   * A number, null when empty. Decimal text with up to 15 digits is read as digits / 10^k, one correctly rounded
   * division of two exact doubles, hence the same double as Number(text); anything longer goes through Number.
   */
  num(): number | null {
    const s = this.s;
    const start = this.i;
    let i = start;
    let c = s.charCodeAt(i);
    if (i >= s.length || c === COMMA || c === SEMI) { this.i = i; this.skip(); return null; }
    let negative = false;
    if (c === MINUS) { negative = true; c = s.charCodeAt(++i); }
    let m = 0;
    let digits = 0;
    let decimals = -1;
    let plain = true;
    for (; i < s.length; c = s.charCodeAt(++i)) {
      if (c === COMMA || c === SEMI) break;
      if (c === DOT) { decimals = 0; continue; }
      if (c < 48 || c > 57) plain = false; // 'NaN', 'Infinity': Number reads them
      m = m * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    }
    this.i = i;
    this.skip();
    if (digits > 15 || !plain) return Number(s.slice(start, i));
    const v = decimals > 0 ? m / POW10[decimals]! : m;
    return negative ? -v : v;
  }
  /** A text field (codes and ISO dates). */
  str(): string {
    const s = this.s;
    const start = this.i;
    let i = start;
    for (; i < s.length; i++) { const c = s.charCodeAt(i); if (c === COMMA || c === SEMI) break; }
    this.i = i;
    this.skip();
    return s.slice(start, i);
  }
}

/** Parses the four texts into one row per enterprise (pure: runs in worker threads). */
export function rowsFromText(t: AggregateText): AggregateRow[] {
  const rows: AggregateRow[] = [];
  // Ids of one range are dense and ascending: a row is found by its offset from the first id.
  let first = 0;
  let byOffset: (AggregateRow | undefined)[] = [];
  const find = (id: number) => byOffset[id - first];
  if (t.orgs) {
    const f = new Fields(t.orgs);
    while (f.more) {
      const id = f.num()!;
      const row: AggregateRow = { id, founded_year: f.num(), stats: [], quals: [], ip: {}, conv: 0, std: false };
      rows.push(row);
    }
    if (rows.length) {
      let lo = rows[0]!.id;
      let hi = lo;
      for (const r of rows) { if (r.id < lo) lo = r.id; if (r.id > hi) hi = r.id; }
      first = lo;
      byOffset = new Array(hi - lo + 1);
      for (const r of rows) byOffset[r.id - lo] = r;
    }
  }
  if (t.stats) {
    const f = new Fields(t.stats);
    let unsorted = false;
    while (f.more) {
      const row = find(f.num()!);
      const year = f.num()!;
      const entry: StatisticsYear = { year, operating_revenue: f.num(), rd_expense: f.num(), staff: f.num(), rd_staff: f.num(), patents_granted: null };
      if (!row) continue;
      const last = row.stats[row.stats.length - 1];
      if (last && last.year > year) unsorted = true;
      row.stats.push(entry);
    }
    if (unsorted) for (const row of rows) row.stats.sort((a, b) => a.year - b.year);
  }
  if (t.quals) {
    const f = new Fields(t.quals);
    while (f.more) {
      const row = find(f.num()!);
      const type = f.str();
      const level = f.str();
      const from = f.str();
      const to = f.str();
      row?.quals.push({ type, level: level || null, certificate_no: null, valid_from: from, valid_to: to || null });
    }
  }
  if (t.ach) {
    const f = new Fields(t.ach);
    while (f.more) {
      const row = find(f.num()!);
      const kind = f.str();
      const n = f.num()!;
      const conv = f.num()!;
      if (!row) continue;
      if (n > 0 && IP_KINDS.has(kind)) row.ip[kind] = n;
      if (kind === 'standard' && n > 0) row.std = true;
      row.conv += conv;
    }
  }
  return rows;
}

/** The rows of one range (for in-process use; batches go to workers as text). */
export async function aggregateCases(db: Queryable, lo: number, hi: number, appYear: number, zoneIds: readonly number[] | null, years = FISCAL_YEARS_READ): Promise<AggregateRow[]> {
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
  return {
    name: '', foundedYear: row.founded_year, statistics: row.stats, qualifications: row.quals, ipCounts: row.ip,
    convertedLast3Years: row.conv, standardDrafting: row.std,
  };
}
