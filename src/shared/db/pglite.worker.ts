/**
 * The thread that owns the embedded database (see pglite-worker-db.ts). Messages in: query, exec, begin, end (commit
 * or roll back), close; each answered with the same id. A transaction holds PGlite's own lock while it waits for its
 * next statement, so other statements queue behind it exactly as they would in one thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Transaction } from '@electric-sql/pglite';
import { createPglite } from './pglite-db';
import type { WorkerRequest, WorkerReply } from './pglite-worker-protocol';

const port = parentPort!;
const pg = await createPglite((workerData as { dataDir?: string }).dataDir);

/** Statements waiting for an open transaction, and the hand-off to it. */
interface OpenTx {
  queue: WorkerRequest[];
  wake: (() => void) | null;
}
const transactions = new Map<number, OpenTx>();
let nextTx = 1;

const reply = (msg: WorkerReply) => port.postMessage(msg);

/** Errors cross threads as plain objects: PostgreSQL's fields (code, constraint, detail…) are what callers read. */
function errorOf(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const fields: Record<string, unknown> = { name: err.name, message: err.message };
  for (const [k, v] of Object.entries(err)) if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) fields[k] = v;
  return fields;
}

async function run(target: Pick<Transaction, 'query' | 'exec'>, req: WorkerRequest): Promise<void> {
  try {
    if (req.op === 'query') {
      const res = await target.query(req.sql, req.params);
      reply({ id: req.id, ok: true, rows: res.rows as unknown[] });
    } else if (req.op === 'exec') {
      await target.exec(req.sql);
      reply({ id: req.id, ok: true });
    }
  } catch (err) {
    reply({ id: req.id, ok: false, error: errorOf(err) });
  }
}

function begin(req: WorkerRequest): void {
  const txId = nextTx++;
  const open: OpenTx = { queue: [], wake: null };
  transactions.set(txId, open);
  const next = () => new Promise<WorkerRequest>((resolve) => {
    const take = () => resolve(open.queue.shift()!);
    if (open.queue.length) take();
    else open.wake = () => { open.wake = null; take(); };
  });
  let ended: WorkerRequest | null = null;
  pg.transaction(async (tx) => {
    reply({ id: req.id, ok: true, tx: txId });
    for (;;) {
      const msg = await next();
      if (msg.op === 'end') {
        ended = msg;
        if (!msg.commit) await tx.rollback();
        return;
      }
      await run(tx, msg);
    }
  }).then(
    () => ended && reply({ id: ended.id, ok: true }),
    (err) => ended ? reply({ id: ended.id, ok: false, error: errorOf(err) }) : reply({ id: req.id, ok: false, error: errorOf(err) }),
  ).finally(() => transactions.delete(txId));
}

port.on('message', (req: WorkerRequest) => {
  if (req.tx !== undefined) {
    const open = transactions.get(req.tx);
    if (!open) return reply({ id: req.id, ok: false, error: { message: `transaction ${req.tx} is not open` } });
    open.queue.push(req);
    open.wake?.();
    return;
  }
  if (req.op === 'begin') return begin(req);
  if (req.op === 'close') {
    void pg.close().then(() => reply({ id: req.id, ok: true }), (err) => reply({ id: req.id, ok: false, error: errorOf(err) }));
    return;
  }
  if (req.op === 'dump') {
    // The tarball's bytes move to the other thread rather than being copied.
    void pg.dumpDataDir('gzip').then((file) => file.arrayBuffer()).then(
      (data) => port.postMessage({ id: req.id, ok: true, data } satisfies WorkerReply, [data]),
      (err) => reply({ id: req.id, ok: false, error: errorOf(err) }));
    return;
  }
  void run(pg, req);
});

reply({ id: 0, ok: true });
