import { randomUUID } from 'node:crypto';
import type { Db, DedicatedConnection } from './db';

/**
 * Change notices between instances that share one PostgreSQL database: an instance that changed a row publishes
 * a notice (pg_notify, delivered when its transaction commits; published after the write has committed, so the row
 * is readable when the notice arrives), and every other instance hears it on a connection of its own (LISTEN).
 * Notices carry the schema, so databases shared by several schemas (the tests) do not mix, and the sender's id, so
 * an instance skips its own. Notices missed while the connection was down are covered by `onResync`, called after
 * every reconnection. The embedded database is a single process: there is no feed (openChangeFeed returns null).
 */
export interface ChangeNotice {
  kind: string;
  id: number;
}

export interface ChangeFeed {
  publish(notice: ChangeNotice): Promise<void>;
  close(): Promise<void>;
}

interface Wire { s: string; o: string; k: string; i: number }

const RETRY_MS = [250, 1000, 5000, 15_000];

export async function openChangeFeed(
  db: Db, channel: string, onNotice: (notice: ChangeNotice) => void, onResync: () => void,
): Promise<ChangeFeed | null> {
  if (!db.dedicated || !/^[a-z_][a-z0-9_]*$/.test(channel)) return null;
  const origin = randomUUID();
  const schema = (await db.query<{ s: string | null }>('select current_schema() as s'))[0]?.s ?? '';
  let conn: DedicatedConnection | null = null;
  let closed = false;
  let failures = 0;

  const connect = async (): Promise<void> => {
    const c = await db.dedicated!();
    c.onNotification((ch, payload) => {
      if (ch !== channel) return;
      let wire: Wire;
      try {
        wire = JSON.parse(payload) as Wire;
      } catch {
        return;
      }
      if (wire.s === schema && wire.o !== origin && typeof wire.k === 'string' && Number.isSafeInteger(wire.i)) onNotice({ kind: wire.k, id: wire.i });
    });
    c.onEnd((err) => {
      conn = null;
      if (!closed && err) retry();
    });
    await c.query(`listen ${channel}`);
    conn = c;
    failures = 0;
  };
  const retry = () => {
    const wait = RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)]!;
    process.stderr.write(`change feed ${channel}: connection lost, reconnecting in ${wait} ms\n`);
    setTimeout(() => {
      if (closed) return;
      connect().then(onResync, () => retry());
    }, wait).unref();
  };
  await connect();

  return {
    async publish(notice) {
      const wire: Wire = { s: schema, o: origin, k: notice.kind, i: notice.id };
      await db.query('select pg_notify($1, $2)', [channel, JSON.stringify(wire)]);
    },
    async close() {
      closed = true;
      await conn?.close();
    },
  };
}
