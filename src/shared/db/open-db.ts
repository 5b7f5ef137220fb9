import type { Db } from './db';
import { openPglite } from './pglite-db';
import { openPgliteWorker } from './pglite-worker-db';
import { openPostgres } from './postgres-db';
import { migrate } from './migrate';

export interface DbConfig {
  /** postgres://… to use a PostgreSQL server; otherwise the embedded database. */
  databaseUrl?: string;
  /** Folder of the embedded database; undefined = in memory. */
  dataDir?: string;
  /**
   * Run the embedded database on a thread of its own, so the server keeps answering while it works. Default: yes for
   * a data folder (the server, the CLI), no in memory (tests, where the thread's start-up would only add time).
   */
  ownThread?: boolean;
}

export async function openDb(config: DbConfig): Promise<Db> {
  const ownThread = config.ownThread ?? Boolean(config.dataDir);
  const db = config.databaseUrl ? await openPostgres(config.databaseUrl)
    : ownThread ? await openPgliteWorker(config.dataDir) : await openPglite(config.dataDir);
  await migrate(db);
  return db;
}
