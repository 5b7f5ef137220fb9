import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import pg from 'pg';
import { migrate } from './migrate';
import { openPglite } from './pglite-db';
import { openPostgres } from './postgres-db';
import { BACKENDS, SERVER_URL } from '../../../test/helpers/test-db';

const FILES = readdirSync(new URL('../../../migrations/', import.meta.url)).filter((f) => /^\d{3}_.+\.sql$/.test(f)).sort();

/** Two instances starting at once on a fresh database: every migration runs exactly once, whoever runs it. */
describe.runIf(BACKENDS.includes('postgres'))('migrations on the PostgreSQL server', () => {
  const schema = `t_migrate_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  afterAll(async () => {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  });

  it('apply each file once when two connections migrate concurrently', async () => {
    await admin.connect();
    await admin.query('create extension if not exists btree_gin schema public').catch((err: { code?: string }) => {
      if (err.code !== '23505' && err.code !== '42710') throw err;
    });
    await admin.query(`create schema ${schema}`);
    const url = new URL(SERVER_URL);
    url.search = `?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    const [a, b] = await Promise.all([openPostgres(url.toString()), openPostgres(url.toString())]);
    try {
      const [fromA, fromB] = await Promise.all([migrate(a), migrate(b)]);
      expect([...fromA, ...fromB].sort()).toEqual(FILES);
      expect(fromA.filter((f) => fromB.includes(f))).toEqual([]);
      const rows = await a.query<{ name: string }>('select name from schema_migrations order by name');
      expect(rows.map((r) => r.name)).toEqual(FILES);
      // A third start finds nothing to do.
      expect(await migrate(b)).toEqual([]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('migrations on the embedded database', () => {
  it('run once when migrate is called twice at once on one connection', async () => {
    const db = await openPglite();
    try {
      const [first, second] = await Promise.all([migrate(db), migrate(db)]);
      expect([...first, ...second].sort()).toEqual(FILES);
      expect((await db.query('select name from schema_migrations')).length).toBe(FILES.length);
    } finally {
      await db.close();
    }
  });
});
