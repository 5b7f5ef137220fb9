import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { BACKENDS, openTestDb, SERVER_URL, type TestDb } from '../helpers/test-db';
import { cascadingZoneKeys, distributionProblems } from '../helpers/distribution-check';

import { TABLE_CLASSES } from './table-classes';

const currentSchema = async (t: TestDb) => (await t.db.query<{ s: string }>('select current_schema() as s'))[0]!.s;

describe.each(BACKENDS)('the migrated schema is distributable by zone_id (%s)', (backend) => {
  let t: TestDb;
  beforeAll(async () => { t = await openTestDb(backend); });
  afterAll(async () => t?.drop());

  it('has no table or constraint that would block create_distributed_table(…, zone_id)', async () => {
    expect(await distributionProblems(t.db, await currentSchema(t), TABLE_CLASSES)).toEqual([]);
  });

  it('catches a zone-owned table keyed by id alone, a key without zone_id and a reference table pointing at it', async () => {
    const bad = `t_bad_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await t.db.exec(`create schema ${bad};
      create table ${bad}.zones (id bigint primary key);
      create table ${bad}.orgs (id bigint primary key, zone_id bigint not null references ${bad}.zones(id), code text unique);
      create table ${bad}.quals (id bigint, zone_id bigint not null, org_id bigint references ${bad}.orgs(id), primary key (zone_id, id));
      create table ${bad}.notes (id bigint primary key, zone_id bigint, text text);
      create unique index notes_text on ${bad}.notes (text) where text is not null;
      create table ${bad}.users (id bigint primary key, org_id bigint references ${bad}.orgs(id));
      create table ${bad}.plain (id bigint primary key)`);
    try {
      const problems = await distributionProblems(t.db, bad, { reference: ['zones', 'users'], local: [] });
      const expected = [
        /^notes: primary key .* lacks zone_id$/,
        /^notes: unique partial index notes_text \(text\) lacks zone_id$/,
        /^notes: zone_id may be null/,
        /^orgs: primary key .* lacks zone_id$/,
        /^orgs: unique constraint .* \(code\) lacks zone_id$/,
        /^plain: has no zone_id/,
        /^quals\..* \(org_id\) → orgs \(id\): does not carry zone_id to zone_id$/,
        /^users\..* \(org_id\) → orgs \(id\): a reference table points at a distributed table$/,
      ];
      for (const pattern of expected) expect(problems.filter((p) => pattern.test(p)), String(pattern)).toHaveLength(1);
      expect(problems).toHaveLength(expected.length);
    } finally {
      await t.db.exec(`drop schema ${bad} cascade`);
    }
  });

  it('names in docs/scaling.md every table to distribute and every reference table, and says which keys cascade', async () => {
    const doc = readFileSync(new URL('../../docs/scaling.md', import.meta.url), 'utf8');
    const schema = await currentSchema(t);
    const tables = (await t.db.query<{ name: string }>(
      `select relname as name from pg_class where relnamespace = $1::regnamespace and relkind = 'r' order by 1`, [schema])).map((r) => r.name);
    const distributed = tables.filter((n) => !TABLE_CLASSES.reference.includes(n) && !TABLE_CLASSES.local.includes(n));
    const inDoc = (fn: string) => new Set([...doc.matchAll(new RegExp(`${fn}\\('(\\w+)'`, 'g'))].map((m) => m[1]));
    expect([...inDoc('create_distributed_table')].sort()).toEqual(distributed);
    expect([...inDoc('create_reference_table')].sort()).toEqual([...TABLE_CLASSES.reference].sort());
    // The keys that move a record with its organisation exist here, and the doc's DDL turns them to NO ACTION.
    expect((await cascadingZoneKeys(t.db, schema)).length).toBeGreaterThan(30);
    expect(doc).toContain('on update no action');
  });
});

describe.runIf(BACKENDS.includes('postgres'))('the check on a schema of the PostgreSQL server', () => {
  it('reads the catalogue of the schema it is given, not the search path', async () => {
    const c = new pg.Client({ connectionString: SERVER_URL });
    await c.connect();
    const schema = `t_dist_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    try {
      await c.query(`create schema ${schema}; create table ${schema}.lonely (id bigint primary key)`);
      const db = { query: async (sql: string, params?: unknown[]) => (await c.query(sql, params)).rows, exec: async () => undefined };
      expect(await distributionProblems(db as never, schema, { reference: [], local: [] })).toEqual([
        'lonely: has no zone_id (distribute it by zone or name it a reference or local table)',
      ]);
    } finally {
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    }
  });
});
