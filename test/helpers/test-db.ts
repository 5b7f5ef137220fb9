import pg from 'pg';
import { openDb, type Db } from '../../src/shared/db';

/**
 * Tests run against both back ends: embedded PGlite (in memory) and the PostgreSQL server at TEST_DATABASE_URL
 * (default: this machine's server). Each server-backed test database is a fresh schema, dropped afterwards.
 */
export const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type Backend = 'pglite' | 'postgres';
export const BACKENDS: Backend[] = process.env.KECHUANG_TEST_BACKENDS
  ? (process.env.KECHUANG_TEST_BACKENDS.split(',') as Backend[])
  : ['pglite', 'postgres'];

export interface TestDb {
  db: Db;
  /** PostgreSQL server only: the database URL (with its schema), for a second connection pool as another instance. */
  url?: string;
  drop(): Promise<void>;
}

export async function openTestDb(backend: Backend): Promise<TestDb> {
  if (backend === 'pglite') {
    const db = await openDb({});
    return { db, drop: () => db.close() };
  }
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(`The PostgreSQL server at ${SERVER_URL} is not reachable (${(err as Error).message}). Start it (see .ci/run) or set KECHUANG_TEST_BACKENDS=pglite.`);
  }
  // Extensions exist once per database: btree_gin goes to public, which outlives the per-test schemas (a schema's
  // own copy would be dropped with it). Test files start in parallel, so a racing twin's duplicate is fine.
  await admin.query('create extension if not exists btree_gin schema public').catch((err: { code?: string }) => {
    if (err.code !== '23505' && err.code !== '42710') throw err;
  });
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(SERVER_URL);
  url.search = `?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const db = await openDb({ databaseUrl: url.toString() });
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: SERVER_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}
