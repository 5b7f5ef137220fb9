import pg from 'pg';
import type { Db, DedicatedConnection, Queryable, Row } from './db';

// Same value mapping as the PGlite adapter: int8 and numeric as numbers, dates as 'YYYY-MM-DD' strings, timestamps as ISO 8601.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (v) => new Date(v).toISOString());

export async function openPostgres(url: string, poolSize = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server closed (restart, failover, a replica going away) is dropped by the pool and a new one
  // opened on next use; without a listener its 'error' event would end the process.
  pool.on('error', () => undefined);
  await pool.query('select 1');
  const dedicated = new Set<DedicatedConnection>();
  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T = Row>(sql: string, params?: readonly unknown[]) {
      const res = await c.query(sql, params as unknown[] | undefined);
      return res.rows as T[];
    },
    async exec(sql: string) {
      await c.query(sql);
    },
  });
  return {
    kind: 'postgres',
    query: wrap(pool).query,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work(wrap(client));
        await client.query('commit');
        return result;
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    exec: wrap(pool).exec,
    async dedicated() {
      const conn = await openDedicated(url);
      dedicated.add(conn);
      conn.onEnd(() => dedicated.delete(conn));
      return conn;
    },
    async close() {
      await Promise.all([...dedicated].map((c) => c.close()));
      await pool.end();
    },
  };
}

async function openDedicated(url: string): Promise<DedicatedConnection> {
  const client = new pg.Client({ connectionString: url });
  const ended: Array<(err?: Error) => void> = [];
  let done = false;
  const end = (err?: Error) => {
    if (done) return;
    done = true;
    ended.splice(0).forEach((handler) => handler(err));
  };
  // Without an 'error' listener a dropped connection would crash the process.
  client.on('error', (err) => { end(err); client.end().catch(() => undefined); });
  client.on('end', () => end());
  await client.connect();
  return {
    async query<T = Row>(sql: string, params?: readonly unknown[]) {
      return (await client.query(sql, params as unknown[] | undefined)).rows as T[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
    onNotification(handler) {
      client.on('notification', (msg) => handler(msg.channel, msg.payload ?? ''));
    },
    onEnd(handler) {
      if (done) handler();
      else ended.push(handler);
    },
    async close() {
      if (done) return;
      await client.end().catch(() => undefined);
      end();
    },
  };
}
