import type { Db, Row } from '../db';

/**
 * Long work (imports, recomputations, index rebuilds) runs as jobs on a queue kept in the database, so a restart
 * loses nothing: jobs still marked running at start were interrupted and are queued again.
 * Progress lives in memory while a job runs (a job may hold the embedded database's only connection in a
 * transaction) and is written to the row when the job ends.
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
}

export type JobHandler = (ctx: JobContext) => Promise<unknown>;

export class JobQueue {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly live = new Map<number, { progress: number; total: number }>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private readonly idle: Array<() => void> = [];

  constructor(private readonly db: Db, private readonly pollMs = 300) {}

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

  /** Starts polling; re-queues jobs a previous process left running. */
  async start(): Promise<void> {
    await this.db.query("update jobs set status = 'queued', progress = 0 where status = 'running'");
    this.timer = setInterval(() => this.kick(), this.pollMs);
    this.timer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.whenIdle();
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
    if (this.running) return;
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

  private async runNext(): Promise<boolean> {
    const rows = await this.db.query<{ id: number; kind: string; payload: Record<string, unknown>; created_by: number | null }>(
      `update jobs set status = 'running', started_at = now()
       where id = (select id from jobs where status = 'queued' order by id limit 1 for update skip locked)
       returning id, kind, payload, created_by`);
    const job = rows[0];
    if (!job) return false;
    const handler = this.handlers.get(job.kind);
    const state = { progress: 0, total: 0 };
    this.live.set(job.id, state);
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      const result = await handler({
        id: job.id, payload: job.payload, userId: job.created_by,
        setProgress: (done, total) => { state.progress = done; state.total = total; },
      });
      await this.db.query(`update jobs set status = 'succeeded', result = $2, progress = $3, total = $4, finished_at = now() where id = $1`,
        [job.id, JSON.stringify(result ?? null), state.progress, state.total]);
    } catch (err) {
      await this.db.query(`update jobs set status = 'failed', error = $2, progress = $3, total = $4, finished_at = now() where id = $1`,
        [job.id, err instanceof Error ? err.message : String(err), state.progress, state.total]);
    } finally {
      this.live.delete(job.id);
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
