import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../db';
import { BACKENDS, openTestDb, type TestDb } from '../../../test/helpers/test-db';
import { JobQueue } from './job-queue';

const until = async (check: () => Promise<boolean>, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};
const statusOf = async (db: Db, id: number) => (await db.query<{ status: string }>('select status from jobs where id = $1', [id]))[0]!.status;

/** A job of 40 batches that records each finished batch; a rerun skips what an earlier run finished. */
function defineBatches(queue: JobQueue, db: Db, ranBy: string) {
  queue.define('test.batches', async (ctx) => {
    for (let i = 0; i < 40; i++) {
      ctx.checkpoint();
      await db.query(`insert into test_batches (job_id, batch, ran_by) values ($1, $2, $3) on conflict do nothing`, [ctx.id, i, ranBy]);
      ctx.setProgress(i + 1, 40);
      await new Promise((r) => setTimeout(r, 25));
    }
    return { batches: 40 };
  });
}

describe.each(BACKENDS)('job queue on %s', (backend) => {
  let t: TestDb;
  /** Another instance: a second connection pool on the server, the same embedded database otherwise. */
  let other: Db;
  beforeAll(async () => {
    t = await openTestDb(backend);
    other = t.url ? await openDb({ databaseUrl: t.url }) : t.db;
    await t.db.exec('create table test_batches (job_id int8, batch int, ran_by text, primary key (job_id, batch))');
  });
  afterAll(async () => {
    if (other !== t.db) await other.close();
    await t.drop();
  });

  it('stops a running job at a batch boundary on shutdown; another instance finishes it', async () => {
    const first = new JobQueue(t.db, 20);
    defineBatches(first, t.db, 'first');
    await first.start();
    const job = await first.enqueue('test.batches', {}, null);
    await until(async () => (await first.get(job.id))!.progress >= 3);
    await first.stop();
    expect(await statusOf(t.db, job.id)).toBe('queued');
    const done = (await t.db.query<{ n: number }>(`select count(*)::int as n from test_batches where job_id = $1`, [job.id]))[0]!.n;
    expect(done).toBeGreaterThanOrEqual(3);
    expect(done).toBeLessThan(40);

    const second = new JobQueue(other, 20);
    defineBatches(second, other, 'second');
    await second.start();
    await until(async () => (await statusOf(t.db, job.id)) === 'succeeded');
    await second.stop();
    const rows = await t.db.query<{ ran_by: string; n: number }>(`select ran_by, count(*)::int as n from test_batches where job_id = $1 group by ran_by order by ran_by`, [job.id]);
    expect(rows).toEqual([{ ran_by: 'first', n: done }, { ran_by: 'second', n: 40 - done }]);
  });

  it.runIf(backend === 'postgres')('never takes a live instance\'s job, and takes over one whose instance has gone', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    const a = new JobQueue(t.db, 20);
    a.define('test.hold', async () => { await held; return 'a'; });
    await a.start();
    const job = await a.enqueue('test.hold', {}, null);
    await until(async () => (await statusOf(t.db, job.id)) === 'running');
    const b = new JobQueue(other, 20, { reclaimMs: 100 });
    b.define('test.hold', async () => 'b');
    await b.start();
    expect(await b.reclaim()).toEqual([]);
    await new Promise((r) => setTimeout(r, 300));
    expect(await statusOf(t.db, job.id)).toBe('running');
    release();
    await until(async () => (await statusOf(t.db, job.id)) === 'succeeded');
    expect((await a.get(job.id))!.result).toBe('a');
    await a.stop();

    // A job left running by an instance that is gone (no lock held): b queues it again within its reclaim period and runs it.
    const orphan = (await t.db.query<{ id: number }>(`insert into jobs (kind, payload, status, started_at) values ('test.hold', '{}', 'running', now()) returning id`))[0]!.id;
    await until(async () => (await statusOf(t.db, orphan)) === 'succeeded');
    expect((await b.get(orphan))!.result).toBe('b');
    await b.stop();
  });
});
