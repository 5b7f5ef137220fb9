/**
 * One small interface over the two PostgreSQL back ends the platform runs on:
 * embedded PGlite (a data folder, the default) and a PostgreSQL server (DATABASE_URL).
 * Everything above this file speaks plain PostgreSQL SQL with $1-style parameters.
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  query<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations, DDL). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: commits if it resolves, rolls back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** Embedded database only: its data folder as one gzipped tarball, taken between statements (backups). */
  dumpDataDir?(): Promise<Uint8Array<ArrayBuffer>>;
  /**
   * A connection of its own, outside the pool, for what belongs to one session: LISTEN and session-level advisory
   * locks. Only the PostgreSQL server has it; the embedded database is one process with one connection.
   */
  dedicated?(): Promise<DedicatedConnection>;
}

export interface DedicatedConnection extends Queryable {
  onNotification(handler: (channel: string, payload: string) => void): void;
  /** Called once when the connection breaks (with the error) or is closed; its session (listens, locks) is gone then. */
  onEnd(handler: (err?: Error) => void): void;
  close(): Promise<void>;
}
