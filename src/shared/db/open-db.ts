import type { Db } from './db';
import { openPglite } from './pglite-db';
import { openPostgres } from './postgres-db';
import { migrate } from './migrate';

export interface DbConfig {
  /** postgres://… to use a PostgreSQL server; otherwise the embedded database. */
  databaseUrl?: string;
  /** Folder of the embedded database; undefined = in memory. */
  dataDir?: string;
}

export async function openDb(config: DbConfig): Promise<Db> {
  const db = config.databaseUrl ? await openPostgres(config.databaseUrl) : await openPglite(config.dataDir);
  await migrate(db);
  return db;
}
