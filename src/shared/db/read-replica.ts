import type { Db, Queryable } from './db';
import { openPostgres } from './postgres-db';

/**
 * Reads from a streaming replica (DATABASE_READ_URL) with read-your-writes: after a signed-in user writes, the
 * primary's WAL position is remembered for that user, and their reads go to the replica only once it has replayed that
 * far — until then to the primary. Anonymous reads always go to the replica; so do a user's reads once it caught up.
 * A replica that does not answer (down, restarting, a query cancelled by a recovery conflict) is skipped for a few
 * seconds and the read runs on the primary instead, so the replica only ever adds capacity.
 *
 * The remembered positions live in this process: with several app servers behind a balancer, keep a user on one
 * server (sticky sessions) or accept that their writes may take the replica's lag (milliseconds) to show elsewhere.
 */
export interface ReadReplica {
  /** A database for this request's reads; `userOf` is asked at the first query (after the session is known). */
  readerFor(userOf: () => number | null): Db;
  /** After a write by this user: their later reads wait for the replica to replay past it (or use the primary). */
  noteWrite(userId: number): Promise<void>;
  /** Counts of reads routed each way since start (for tests and metrics). */
  readonly routed: { replica: number; primary: number; fallback: number };
  close(): Promise<void>;
}

/** A PostgreSQL WAL position ('16/B374D848') as a number that compares correctly. */
export function parseLsn(lsn: string): bigint {
  const [hi, lo] = lsn.split('/');
  return (BigInt(`0x${hi}`) << 32n) | BigInt(`0x${lo}`);
}

export interface ReadReplicaOptions {
  /** How long a fetched replay position of the replica is reused (ms); reads by users with recent writes ask anew after it. */
  lsnMaxAgeMs?: number;
  /** How long a replica that failed is left aside (ms). */
  retryAfterMs?: number;
  poolSize?: number;
}

/** Errors that say "the replica cannot answer this now", not "the query is wrong": the read is retried on the primary. */
function replicaUnavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  const code = e.code ?? '';
  return code.startsWith('08') || code.startsWith('57P') || code === '40001' || code === '40P01'
    || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(code)
    || /Connection terminated|connection timeout/i.test(e.message ?? '');
}

export async function openReadReplica(primary: Db, url: string, options: ReadReplicaOptions = {}): Promise<ReadReplica> {
  const replica = await openPostgres(url, options.poolSize ?? 10);
  const lsnMaxAge = options.lsnMaxAgeMs ?? 5;
  const retryAfter = options.retryAfterMs ?? 5000;
  const pending = new Map<number, bigint>(); // user id → primary WAL position after their last write
  const routed = { replica: 0, primary: 0, fallback: 0 };
  let replayed: { lsn: bigint | null; at: number } = { lsn: null, at: -Infinity };
  let refreshing: Promise<bigint | null> | null = null;
  let downUntil = 0;

  const refreshReplayed = () => {
    refreshing ??= replica.query<{ lsn: string | null }>('select pg_last_wal_replay_lsn()::text as lsn')
      .then(([row]) => {
        replayed = { lsn: row?.lsn ? parseLsn(row.lsn) : null, at: performance.now() };
        return replayed.lsn;
      })
      .finally(() => { refreshing = null; });
    return refreshing;
  };

  /** Whether the replica has replayed `needed`: the cached position if it suffices, else a fresh one once it is stale. */
  async function caughtUp(needed: bigint): Promise<boolean> {
    if (replayed.lsn !== null && replayed.lsn >= needed) return true;
    if (performance.now() - replayed.at < lsnMaxAge) return false;
    const lsn = await refreshReplayed();
    return lsn !== null && lsn >= needed;
  }

  async function choose(userId: number | null): Promise<'replica' | 'primary'> {
    if (performance.now() < downUntil) return 'primary';
    const needed = userId === null ? undefined : pending.get(userId);
    if (needed === undefined) return 'replica';
    if (!(await caughtUp(needed))) return 'primary';
    if (pending.get(userId!) === needed) pending.delete(userId!);
    return 'replica';
  }

  /** Runs one read on the replica, or on the primary if the replica cannot answer (and then leaves it aside a while). */
  async function run<T>(target: 'replica' | 'primary', work: (db: Db) => Promise<T>): Promise<T> {
    if (target === 'primary' || performance.now() < downUntil) {
      routed.primary++;
      return work(primary);
    }
    try {
      routed.replica++;
      return await work(replica);
    } catch (err) {
      if (!replicaUnavailable(err)) throw err;
      downUntil = performance.now() + retryAfter;
      routed.fallback++;
      return work(primary);
    }
  }

  return {
    routed,
    readerFor(userOf) {
      let target: Promise<'replica' | 'primary'> | undefined;
      // One decision per request: its reads then see one database, not a mix of two moments.
      const decide = () => (target ??= choose(userOf()).catch(() => {
        downUntil = performance.now() + retryAfter;
        return 'primary' as const;
      }));
      const reader: Db = {
        kind: 'postgres',
        query: async (sql, params) => run(await decide(), (db) => db.query(sql, params)),
        exec: async (sql) => run(await decide(), (db) => db.exec(sql)),
        transaction: async <T>(work: (tx: Queryable) => Promise<T>) => run(await decide(), (db) => db.transaction(work)),
        // The pools belong to the app, not to one request.
        close: async () => undefined,
      };
      return reader;
    },
    async noteWrite(userId) {
      const [row] = await primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
      pending.set(userId, parseLsn(row!.lsn));
      // Forget users the replica has long caught up with, so the map stays as small as the set of recent writers.
      if (pending.size > 10_000 && replayed.lsn !== null) {
        for (const [user, lsn] of pending) if (lsn <= replayed.lsn) pending.delete(user);
      }
    },
    close: () => replica.close(),
  };
}
