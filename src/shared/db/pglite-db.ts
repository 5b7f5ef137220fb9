import { mkdirSync } from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import type { Db, Queryable, Row } from './db';

// Keep bigint and numeric as JS numbers/strings consistently with the node-postgres adapter:
// int8 → number (ids stay far below 2^53), numeric → number, timestamps → ISO 8601 strings (what the API returns).
export const parsers = {
  [types.INT8]: (v: string) => Number(v),
  [types.NUMERIC]: (v: string) => Number(v),
  [types.DATE]: (v: string) => v,
  [types.TIMESTAMPTZ]: (v: string) => new Date(v).toISOString(),
};

/** The embedded database itself, in this thread. */
export async function createPglite(dataDir?: string, loadDataDir?: Blob): Promise<PGlite> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // btree_gin: zone and search text in one GIN index (migrations/008); the server has it from PostgreSQL's contrib.
  const extensions = { btree_gin };
  return PGlite.create({ ...(dataDir ? { dataDir } : {}), ...(loadDataDir ? { loadDataDir } : {}), parsers, extensions });
}

/**
 * Embedded PostgreSQL in WebAssembly, in this thread; `dataDir` undefined means in memory (tests). PGlite runs each
 * query synchronously on the thread that owns it, so a server uses openPgliteWorker (pglite-worker-db.ts) instead.
 */
export async function openPglite(dataDir?: string): Promise<Db> {
  const pg = await createPglite(dataDir);
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T = Row>(sql: string, params?: readonly unknown[]) {
      const res = await q.query<T>(sql, params as unknown[] | undefined);
      return res.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const base = wrap(pg);
  return {
    kind: 'pglite',
    query: base.query,
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    exec: base.exec,
    close: () => pg.close(),
    dumpDataDir: async () => new Uint8Array(await (await pg.dumpDataDir('gzip')).arrayBuffer()),
  };
}
