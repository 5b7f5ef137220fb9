import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db, Queryable } from './db';

const migrationsDir = fileURLToPath(new URL('../../../migrations/', import.meta.url));

/**
 * Several instances may start at once on one database (a rolling upgrade, a restart of every instance): each file
 * is applied under a transaction-level advisory lock and only if it is still missing once the lock is held, so the
 * instances take turns and every file runs exactly once. The key is scoped to the schema (tests share a database, one
 * schema each). Transaction-level locks need no dedicated connection, so this works the same on a pool and on PGlite,
 * and a crashed instance's lock goes with its transaction.
 */
const LOCK_KEY = 0x6b636d67; // 'kcmg'
const lockStatement = `select pg_advisory_xact_lock(${LOCK_KEY}, hashtext(coalesce(current_schema(), '')))`;

async function appliedNames(db: Queryable): Promise<Set<string>> {
  return new Set((await db.query<{ name: string }>('select name from schema_migrations')).map((r) => r.name));
}

/**
 * Applies every numbered SQL file in migrations/ not yet recorded, each in its own transaction. `upTo` (a file name)
 * stops after that file: tests use it to build a database as an older release left it, then upgrade it.
 */
export async function migrate(db: Db, options: { upTo?: string } = {}): Promise<string[]> {
  // Two sessions creating the same table at once can collide in the catalogue even with "if not exists".
  await db.transaction(async (tx) => {
    await tx.query(lockStatement);
    await tx.exec(`create table if not exists schema_migrations (
      name text primary key, applied_at timestamptz not null default now())`);
  });
  const done = await appliedNames(db);
  const files = readdirSync(migrationsDir).filter((f) => /^\d{3}_.+\.sql$/.test(f)).sort()
    .filter((f) => options.upTo === undefined || f <= options.upTo);
  const applied: string[] = [];
  for (const file of files) {
    if (done.has(file)) continue;
    const sql = readFileSync(migrationsDir + file, 'utf8');
    const ran = await db.transaction(async (tx) => {
      await tx.query(lockStatement);
      // Another instance may have applied it while this one waited for the lock.
      if ((await tx.query('select 1 from schema_migrations where name = $1', [file])).length) return false;
      await tx.exec(sql);
      await tx.query('insert into schema_migrations (name) values ($1)', [file]);
      return true;
    });
    if (ran) applied.push(file);
  }
  return applied;
}
