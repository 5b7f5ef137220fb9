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
}
