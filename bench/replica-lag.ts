/**
 * replica_lag_ms for `npm run bench -- registry`: how long after a write commits on the primary it is visible on a
 * streaming replica (DATABASE_READ_URL) — the window in which other users may read the older value (the writer
 * never does: read-your-writes, src/shared/db/read-replica.ts). Starts a throwaway replica of the server with the
 * tests' helper; null when one cannot be started here (the reason goes to the log).
 */
import pg from 'pg';
import { replicaSupport, startReplica } from '../test/helpers/replica';

const WRITES = 200;

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

export async function measureReplicaLag(serverUrl: string, log: (m: string) => void): Promise<{ replica_lag_ms: number; replica_lag_p95_ms: number } | null> {
  const support = await replicaSupport(serverUrl);
  if ('skip' in support) {
    log(`replica lag: skipped (${support.skip})`);
    return null;
  }
  log('replica lag: starting a streaming replica (pg_basebackup)');
  const replica = await startReplica(support.bin, serverUrl);
  const schema = `bench_replica_${process.pid}`;
  const primary = new pg.Client({ connectionString: serverUrl });
  await primary.connect();
  try {
    await primary.query(`create schema ${schema}; create table ${schema}.marks (id int primary key, at timestamptz not null default now())`);
    await replica.catchUp();
    const lags: number[] = [];
    for (let i = 1; i <= WRITES; i++) {
      await primary.query(`insert into ${schema}.marks (id) values ($1)`, [i]);
      const committed = performance.now();
      // Poll as fast as the replica answers: each probe is one round trip on an open connection (~0.1 ms here).
      while (!(await replica.admin.query(`select 1 from ${schema}.marks where id = $1`, [i])).rowCount) {
        if (performance.now() - committed > 10_000) throw new Error(`write ${i} not on the replica after 10 s`);
      }
      lags.push(performance.now() - committed);
    }
    const round = (x: number) => Math.round(x * 100) / 100;
    return { replica_lag_ms: round(percentile(lags, 50)), replica_lag_p95_ms: round(percentile(lags, 95)) };
  } finally {
    await primary.query(`drop schema if exists ${schema} cascade`).catch(() => undefined);
    await primary.end();
    await replica.stop();
  }
}
