import type { Worker } from 'node:worker_threads';
import type { Db, Queryable, Row } from './db';
import type { WorkerReply, WorkerRequest } from './pglite-worker-protocol';
import { startWorker } from '../workers/start-worker';

type Pending = { resolve: (reply: Extract<WorkerReply, { ok: true }>) => void; reject: (err: Error) => void };
type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/**
 * The embedded database on a thread of its own. PGlite executes each statement synchronously on the thread that
 * owns it: in the server's thread a slow query or a large import would stall every other request (health checks
 * included) until it finished. Here the server's thread only posts messages, so it keeps answering while the
 * database works; statements still run one at a time, in order, as they do in PGlite itself.
 */
export async function openPgliteWorker(dataDir?: string): Promise<Db> {
  const worker: Worker = startWorker(import.meta.url, 'pglite.worker', { dataDir });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let failure: Error | null = null;

  const ready = new Promise<void>((resolve, reject) => {
    pending.set(0, { resolve: () => resolve(), reject });
  });
  worker.on('message', (msg: WorkerReply) => {
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.ok) p.resolve(msg);
    else p.reject(Object.assign(new Error(String(msg.error.message)), msg.error));
  });
  const failAll = (err: Error) => {
    failure = err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  worker.on('error', (err) => failAll(err));
  worker.on('exit', (code) => failAll(new Error(`the embedded database thread stopped (exit code ${code})`)));

  const send = (req: Request) => new Promise<Extract<WorkerReply, { ok: true }>>((resolve, reject) => {
    if (failure) return reject(failure);
    const id = nextId++;
    pending.set(id, { resolve, reject });
    worker.postMessage({ ...req, id });
  });
  await ready;

  const queryable = (tx?: number): Queryable => ({
    async query<T = Row>(sql: string, params?: readonly unknown[]) {
      const res = await send({ op: 'query', sql, params: params ? [...params] : undefined, tx });
      return (res.rows ?? []) as T[];
    },
    async exec(sql: string) {
      await send({ op: 'exec', sql, tx });
    },
  });
  const base = queryable();
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    async transaction(work) {
      const { tx } = await send({ op: 'begin' });
      let result;
      try {
        result = await work(queryable(tx));
      } catch (err) {
        await send({ op: 'end', commit: false, tx: tx! }).catch(() => undefined);
        throw err;
      }
      await send({ op: 'end', commit: true, tx: tx! });
      return result;
    },
    async dumpDataDir() {
      const { data } = await send({ op: 'dump' });
      return new Uint8Array(data!);
    },
    async close() {
      if (!failure) await send({ op: 'close' }).catch(() => undefined);
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
