export type { Db, DedicatedConnection, Queryable, Row } from './db';
export { openDb, type DbConfig } from './open-db';
export { migrate } from './migrate';
