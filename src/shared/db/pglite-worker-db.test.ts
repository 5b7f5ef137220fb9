import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from './index';

/** How late a 10 ms timer fires while `busy` runs (the event loop's worst stall), and how long `busy` took. */
async function timerLagDuring(busy: Promise<unknown>): Promise<{ lag: number; took: number }> {
  const started = performance.now();
  const lags: number[] = [];
  let running = true;
  const tick = async () => {
    while (running) {
      const t0 = performance.now();
      await new Promise((r) => setTimeout(r, 10));
      lags.push(performance.now() - t0 - 10);
    }
  };
  const ticking = tick();
  await busy;
  const took = performance.now() - started;
  running = false;
  await ticking;
  return { lag: Math.max(...lags), took };
}

// A statement that keeps PGlite computing for a while (pg_sleep would not occupy the thread). The assertions compare
// the stall with the statement's own duration, so a loaded machine slows both alike.
const SLOW = `select count(*) from generate_series(1, 1000000) a where a % 7 = 3`;

describe('the embedded database on its own thread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kechuang-pglite-worker-'));
  let db: Db;
  beforeAll(async () => {
    db = await openDb({ dataDir: join(dir, 'pglite') });
    await db.exec(`create table t (id int primary key, name text not null, data bytea, at date)`);
  });
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers queries with the same value mapping as in-thread PGlite', async () => {
    await db.query('insert into t values ($1, $2, $3, $4)', [1, '兰州新区', new Uint8Array([0, 1, 255]), '2024-02-29']);
    const [row] = await db.query<{ id: number; name: string; data: Uint8Array; at: string; n: number }>(
      'select *, 12345678901::int8 as n from t where id = 1');
    expect(row).toEqual({ id: 1, name: '兰州新区', data: new Uint8Array([0, 1, 255]), at: '2024-02-29', n: 12345678901 });
  });

  it('commits and rolls back transactions, and keeps PostgreSQL error fields', async () => {
    await db.transaction(async (tx) => { await tx.query(`insert into t (id, name) values (2, 'kept')`); });
    await expect(db.transaction(async (tx) => {
      await tx.query(`insert into t (id, name) values (3, 'dropped')`);
      throw new Error('changed my mind');
    })).rejects.toThrow('changed my mind');
    const dup = await db.query(`insert into t (id, name) values (2, 'again')`).catch((e: unknown) => e as Record<string, unknown>);
    expect(dup).toMatchObject({ code: '23505', constraint: 't_pkey' });
    expect((await db.query<{ id: number }>('select id from t order by id')).map((r) => r.id)).toEqual([1, 2]);
  });

  it('runs statements outside a transaction after it, not inside it', async () => {
    let inside = '';
    const tx = db.transaction(async (t) => {
      await t.query(`insert into t (id, name) values (4, 'pending')`);
      await new Promise((r) => setTimeout(r, 50));
      inside = 'done';
    });
    const outside = db.query<{ n: number }>(`select count(*)::int as n from t where id = 4`);
    await tx;
    expect(inside).toBe('done');
    expect((await outside)[0]!.n).toBe(1);
  });

  it('keeps this thread responsive while the database works', async () => {
    const { lag, took } = await timerLagDuring(db.query(SLOW));
    expect(took).toBeGreaterThan(100);
    expect(lag).toBeLessThan(took / 4);
  });

  it('in-thread PGlite, by contrast, stalls the thread for the whole statement', async () => {
    const local = await openDb({ ownThread: false });
    try {
      const { lag, took } = await timerLagDuring(local.query(SLOW));
      expect(took).toBeGreaterThan(100);
      expect(lag).toBeGreaterThan(took / 2);
    } finally {
      await local.close();
    }
  });
});
