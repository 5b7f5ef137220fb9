import { mkdirSync } from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import type { Db, Queryable, Row } from './db';

// Keep bigint and numeric as JS numbers/strings consistently with the node-postgres adapter:
// int8 → number (ids stay far below 2^53), numeric → number, timestamps → ISO 8601 strings (what the API returns).
const parsers = {
  [types.INT8]: (v: string) => Number(v),
  [types.NUMERIC]: (v: string) => Number(v),
  [types.DATE]: (v: string) => v,
  [types.TIMESTAMPTZ]: (v: string) => new Date(v).toISOString(),
};

/** Embedded PostgreSQL in WebAssembly; `dataDir` undefined means in memory (tests). */
export async function openPglite(dataDir?: string): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // btree_gin: zone and search text in one GIN index (migrations/008); the server has it from PostgreSQL's contrib.
  const extensions = { btree_gin };
  const pg = await PGlite.create(dataDir ? { dataDir, parsers, extensions } : { parsers, extensions });
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
  };
}
