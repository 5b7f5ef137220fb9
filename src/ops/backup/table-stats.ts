import type { Queryable } from '../../shared/db';
import type { TableStats } from './manifest.schema';

/**
 * Row counts and content checksums of every user table, and the applied migrations: what a backup records and what a
 * restore must reproduce. Runs inside the caller's transaction, whose first statements fix the settings a row's text
 * form depends on (time zone, date and interval style, float digits), so that the same rows give the same checksum
 * whichever session computes them.
 */
export const TEXT_FORM_SETTINGS = [
  "set local timezone = 'UTC'",
  "set local datestyle = 'ISO, YMD'",
  "set local intervalstyle = 'postgres'",
  'set local extra_float_digits = 1',
  "set local bytea_output = 'hex'",
];

const USER_TABLES = `select quote_ident(schemaname) || '.' || quote_ident(tablename) as name from pg_tables
  where schemaname not in ('pg_catalog', 'information_schema') and schemaname not like 'pg\\_%' order by 1`;

export async function userTableNames(q: Queryable): Promise<string[]> {
  return (await q.query<{ name: string }>(USER_TABLES)).map((r) => r.name);
}

export async function tableStats(q: Queryable): Promise<{ tables: TableStats[]; schemaMigrations: string[] }> {
  for (const statement of TEXT_FORM_SETTINGS) await q.exec(statement);
  const tables: TableStats[] = [];
  for (const name of await userTableNames(q)) {
    // Sorting the rows' md5s (not the rows) keeps the aggregate small and independent of physical row order.
    const [row] = await q.query<{ rows: number; checksum: string }>(
      `select count(*)::int8 as rows, md5(coalesce(string_agg(h, '' order by h), '')) as checksum
         from (select md5(t::text) collate "C" as h from ${name} t) s`);
    tables.push({ name, rows: Number(row!.rows), checksum: row!.checksum });
  }
  const migrations = tables.some((t) => /(^|\.)schema_migrations$/.test(t.name))
    ? (await q.query<{ name: string }>('select name from schema_migrations order by name')).map((r) => r.name) : [];
  return { tables, schemaMigrations: migrations };
}

/** Differences between what the manifest promises and what a restored database holds; empty when they agree. */
export function compareStats(expected: TableStats[], actual: TableStats[]): string[] {
  const problems: string[] = [];
  const found = new Map(actual.map((t) => [t.name, t]));
  for (const e of expected) {
    const a = found.get(e.name);
    if (!a) problems.push(`${e.name} missing`);
    else if (a.rows !== e.rows) problems.push(`${e.name} ${a.rows} rows, expected ${e.rows}`);
    else if (a.checksum !== e.checksum) problems.push(`${e.name} checksum differs`);
    found.delete(e.name);
  }
  for (const extra of found.keys()) problems.push(`${extra} not in the backup`);
  return problems;
}
