import type { Db, DedicatedConnection, Row } from '../db';

/**
 * Long work (imports, recomputations, index rebuilds) runs as jobs on a queue kept in the database, so a restart
 * loses nothing. Progress lives in memory while a job runs (a job may hold the embedded database's only connection
 * in a transaction) and is written to the row when the job ends.
 *
 * Who runs a job, and what happens to a job whose process died:
 * - Embedded database (one process): jobs still marked running at start were interrupted and are queued again.
 * - PostgreSQL server (possibly several instances): a job is claimed with FOR UPDATE SKIP LOCKED and, in the same
 *   statement, a session-level advisory lock on its id, held on a connection of the instance's own until the job
 *   ends. The lock is the job's lease: PostgreSQL drops it the moment that instance's connection goes (a crash, a
 *   kill -9), and every instance looks now and then (`reclaimMs`) for running jobs whose lock is free and queues
 *   them again, so a live instance's job is never taken from it and a dead one's is picked up within seconds.
 * On shutdown (`stop`) running jobs are asked to stop at their next batch boundary (`checkpoint`); they are queued
 * again and run from the start later, by this instance or another (handlers skip what a previous run finished).
 */
export interface JobRecord {
  id: number;
  kind: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  progress: number;
  total: number;
  result: unknown;
  error: string | null;
  created_by: number | null;
  created_at: string;
  finished_at: string | null;
}

export interface JobContext {
  id: number;
  payload: Record<string, unknown>;
  userId: number | null;
  setProgress(done: number, total: number): void;
  /** Aborted when the queue is stopping (shutdown). */
  signal: AbortSignal;
  /** Call between batches: throws JobStopped when the queue is stopping, which queues the job again. */
  checkpoint(): void;
}

/** Thrown by `checkpoint` when the queue stops: the job is queued again rather than marked failed. */
export class JobStopped extends Error {
  constructor() {
    super('the job queue is stopping; the job will run again');
  }
}

export interface JobQueueOptions {
  /** How often an instance looks for running jobs whose instance has gone (PostgreSQL server only). */
  reclaimMs?: number;
}

// Advisory locks of job ids, in a key space of their own per schema (tests share a database, a schema each).
const LOCK_CLASS = `hashtext('kechuang.jobs.' || coalesce(current_schema(), ''))`;
const lockKey = (idSql: string) => `(${idSql} % 2147483647)::int4`;

export type JobHandler = (ctx: JobContext) => Promise<unknown>;

export class JobQueue {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly live = new Map<number, { progress: number; total: number }>();
  private timer: NodeJS.Timeout | undefined;
  private reclaimTimer: NodeJS.Timeout | undefined;
  private running = false;
  private readonly idle: Array<() => void> = [];
  private stopping = new AbortController();
  /** PostgreSQL server: the connection holding this instance's job locks (null while down or not opened). */
  private locks: DedicatedConnection | null = null;
  private readonly reclaimMs: number;

  constructor(private readonly db: Db, private readonly pollMs = 300, options: JobQueueOptions = {}) {
    this.reclaimMs = options.reclaimMs ?? 5000;
  }

  /** True on the PostgreSQL server, where several instances may share the queue. */
  private get shared(): boolean {
    return Boolean(this.db.dedicated);
  }

  define(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  async enqueue(kind: string, payload: Record<string, unknown>, userId: number | null): Promise<JobRecord> {
    if (!this.handlers.has(kind)) throw new Error(`no handler for job kind ${kind}`);
    const rows = await this.db.query<JobRecord & Row>(
      'insert into jobs (kind, payload, created_by) values ($1, $2, $3) returning *', [kind, JSON.stringify(payload), userId]);
    this.kick();
    return this.present(rows[0]!);
  }

  async get(id: number): Promise<JobRecord | undefined> {
    const rows = await this.db.query<JobRecord & Row>('select * from jobs where id = $1', [id]);
    return rows[0] ? this.present(rows[0]) : undefined;
  }

  /** Starts polling; re-queues jobs a previous process (or a vanished instance) left running. */
  async start(): Promise<void> {
    this.stopping = new AbortController();
    if (this.shared) {
      await this.openLocks();
      await this.reclaim();
      this.reclaimTimer = setInterval(() => void this.reclaim().catch((err: Error) => process.stderr.write(`job reclaim failed: ${err.message}\n`)), this.reclaimMs);
      this.reclaimTimer.unref();
    } else {
      await this.db.query("update jobs set status = 'queued', progress = 0 where status = 'running'");
    }
    this.timer = setInterval(() => this.kick(), this.pollMs);
    this.timer.unref();
    this.kick();
  }

  /** Stops taking jobs; a running job stops at its next checkpoint (or ends) and is queued again. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.reclaimTimer) clearInterval(this.reclaimTimer);
    this.timer = this.reclaimTimer = undefined;
    this.stopping.abort();
    await this.whenIdle();
    const locks = this.locks;
    this.locks = null;
    await locks?.close();
  }

  /** Queues again the running jobs nobody holds the lock of (their instance has gone). Returns their ids. */
  async reclaim(): Promise<number[]> {
    const rows = await this.db.query<{ id: number }>(
      `update jobs set status = 'queued', progress = 0 where status = 'running' and pg_try_advisory_xact_lock(${LOCK_CLASS}, ${lockKey('id')}) returning id`);
    return rows.map((r) => Number(r.id));
  }

  private async openLocks(): Promise<void> {
    const conn = await this.db.dedicated!();
    conn.onEnd((err) => {
      if (this.locks === conn) this.locks = null;
      if (err) process.stderr.write(`job lock connection lost (${err.message}); running jobs may be taken over\n`);
    });
    // Jobs still running here keep their lease on the new connection (unless another instance took them meanwhile).
    for (const id of this.live.keys()) await conn.query(`select pg_try_advisory_lock(${LOCK_CLASS}, ${lockKey('$1::int8')})`, [id]);
    this.locks = conn;
  }

  /** Resolves when no job is running (tests, shutdown). */
  whenIdle(): Promise<void> {
    return this.running ? new Promise((resolve) => this.idle.push(resolve)) : Promise.resolve();
  }

  /** Runs queued jobs one after another until none is left. */
  async drain(): Promise<void> {
    await this.whenIdle();
    while (await this.runNext());
  }

  private kick(): void {
    if (this.running || this.stopping.signal.aborted) return;
    this.running = true;
    void (async () => {
      try {
        while (await this.runNext());
      } finally {
        this.running = false;
        this.idle.splice(0).forEach((resolve) => resolve());
      }
    })();
  }

  /** Takes the oldest queued job; on the server together with its lock, in one statement (see the header). */
  private async claim() {
    type Claimed = { id: number; kind: string; payload: Record<string, unknown>; created_by: number | null };
    if (!this.shared) {
      return (await this.db.query<Claimed>(
        `update jobs set status = 'running', started_at = now()
         where id = (select id from jobs where status = 'queued' order by id limit 1 for update skip locked)
         returning id, kind, payload, created_by`))[0];
    }
    if (!this.locks) await this.openLocks();
    return (await this.locks!.query<Claimed>(
      `update jobs j set status = 'running', started_at = now()
       from (select id from jobs where status = 'queued' order by id limit 1 for update skip locked) n
       where j.id = n.id and pg_try_advisory_lock(${LOCK_CLASS}, ${lockKey('n.id')})
       returning j.id, j.kind, j.payload, j.created_by`))[0];
  }

  private async release(id: number): Promise<void> {
    await this.locks?.query(`select pg_advisory_unlock(${LOCK_CLASS}, ${lockKey('$1::int8')})`, [id]).catch(() => undefined);
  }

  private async runNext(): Promise<boolean> {
    if (this.stopping.signal.aborted) return false;
    const job = await this.claim();
    if (!job) return false;
    const signal = this.stopping.signal;
    const handler = this.handlers.get(job.kind);
    const state = { progress: 0, total: 0 };
    this.live.set(job.id, state);
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      const result = await handler({
        id: job.id, payload: job.payload, userId: job.created_by,
        setProgress: (done, total) => { state.progress = done; state.total = total; },
        signal,
        checkpoint: () => { if (signal.aborted) throw new JobStopped(); },
      });
      await this.db.query(`update jobs set status = 'succeeded', result = $2, progress = $3, total = $4, finished_at = now() where id = $1`,
        [job.id, JSON.stringify(result ?? null), state.progress, state.total]);
    } catch (err) {
      if (err instanceof JobStopped) {
        await this.db.query(`update jobs set status = 'queued', progress = 0, started_at = null where id = $1`, [job.id]);
      } else {
        await this.db.query(`update jobs set status = 'failed', error = $2, progress = $3, total = $4, finished_at = now() where id = $1`,
          [job.id, err instanceof Error ? err.message : String(err), state.progress, state.total]);
      }
    } finally {
      this.live.delete(job.id);
      // After the row says how the job ended, so no other instance sees it running and unlocked meanwhile.
      await this.release(job.id);
    }
    return true;
  }

  private present(row: JobRecord & Row): JobRecord {
    const live = this.live.get(row.id);
    return {
      id: row.id, kind: row.kind, status: row.status, progress: live?.progress ?? row.progress, total: live?.total ?? row.total,
      result: row.result ?? null, error: row.error ?? null, created_by: row.created_by, created_at: String(row.created_at), finished_at: row.finished_at ? String(row.finished_at) : null,
    };
  }
}
