import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from '../../shared/db';
import { createPglite } from '../../shared/db/pglite-db';
import { BackupError } from './backup.messages';
import { filesUnder, openArchive, writeArchive } from './archive';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, DATABASE_MEMBER, UPLOADS_PREFIX, type Manifest, type TableStats } from './manifest.schema';
import { pgDump, pgRestore } from './pg-tools';
import { compareStats, tableStats, userTableNames } from './table-stats';

/** Where a deployment keeps its state: the data folder (embedded database, uploads) and, if set, the PostgreSQL server. */
export interface Deployment {
  dataDir: string;
  databaseUrl?: string;
}

export const pgliteDirOf = (d: Deployment) => join(resolve(d.dataDir), 'pglite');
export const uploadsDirOf = (d: Deployment) => join(resolve(d.dataDir), 'uploads');

type Stats = { tables: TableStats[]; schemaMigrations: string[] };

// ---------------------------------------------------------------------------------------------------------------
// Backup

/**
 * Scratch folders go whatever happened; a failed clean-up must not hide the reason the work stopped. (An extraction
 * stopped by a damaged file may still be finishing its last write, hence the retries.)
 */
async function removeScratch(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }).catch(() => undefined);
}

/** Writes one backup file of the database `db` (of `deployment`) and its uploaded files. */
export async function createBackup(db: Db, deployment: Deployment, out: string): Promise<{ file: string; manifest: Manifest }> {
  const file = resolve(out);
  await mkdir(dirname(file), { recursive: true });
  const staging = await mkdtemp(join(dirname(file), '.kechuang-backup-'));
  try {
    await mkdir(join(staging, 'database'));
    const stats = db.kind === 'pglite'
      ? await dumpPglite(db, join(staging, DATABASE_MEMBER.pglite))
      : await dumpPostgres(db, deployment.databaseUrl!, join(staging, DATABASE_MEMBER.postgres));
    if ((await filesUnder(uploadsDirOf(deployment))).length) {
      await cp(uploadsDirOf(deployment), join(staging, UPLOADS_PREFIX), { recursive: true });
    }
    const manifest = await writeArchive(staging, file, {
      format: BACKUP_FORMAT, version: BACKUP_FORMAT_VERSION, backend: db.kind, createdAt: new Date().toISOString(), ...stats,
    });
    return { file, manifest };
  } finally {
    await removeScratch(staging);
  }
}

/**
 * PGlite's own data-folder dump, taken between statements. The checksums are computed from the dump itself (loaded
 * into a scratch in-memory instance), so they describe exactly what the file holds even while the server keeps writing.
 */
async function dumpPglite(db: Db, path: string): Promise<Stats> {
  if (!db.dumpDataDir) throw new BackupError('backup.noDump', {}, false);
  const bytes = await db.dumpDataDir();
  await writeFile(path, bytes);
  return statsOfPglite(await createPglite(undefined, new Blob([bytes])));
}

/** pg_dump of the whole database under the same snapshot the checksums are read in, so that both describe one moment. */
async function dumpPostgres(db: Db, databaseUrl: string, path: string): Promise<Stats> {
  return db.transaction(async (tx) => {
    await tx.exec('set transaction isolation level repeatable read, read only');
    const [row] = await tx.query<{ snapshot: string }>('select pg_export_snapshot() as snapshot');
    const stats = await tableStats(tx);
    await pgDump(databaseUrl, path, row!.snapshot);
    return stats;
  });
}

async function statsOfPglite(instance: PGlite): Promise<Stats> {
  try {
    return await instance.transaction((tx) => tableStats({
      query: async (sql, params) => (await tx.query(sql, params as unknown[] | undefined)).rows as never[],
      exec: async (sql) => { await tx.exec(sql); },
    }));
  } finally {
    await instance.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Restore

const migrationsDir = fileURLToPath(new URL('../../../migrations/', import.meta.url));

/**
 * Restores a backup file into an empty deployment. The whole file is extracted to a scratch folder and verified
 * (manifest checksum, every member's size and sha256, format version, back end, known migrations) and the target is
 * checked to be empty before anything is written; afterwards the restored tables must match the manifest's row
 * counts and checksums.
 */
export async function restoreBackup(file: string, deployment: Deployment): Promise<Manifest> {
  const staging = await mkdtemp(join(tmpdir(), 'kechuang-restore-'));
  try {
    const manifest = await openArchive(resolve(file), staging);
    checkCompatible(manifest, deployment);
    if (deployment.databaseUrl) await refuseNonEmptyDatabase(deployment.databaseUrl);
    else await refuseExistingPglite(pgliteDirOf(deployment));
    const uploads = await filesUnder(uploadsDirOf(deployment));
    if (uploads.length) throw new BackupError('backup.notEmptyUploads', { dir: uploadsDirOf(deployment), count: uploads.length });

    if (deployment.databaseUrl) await restorePostgres(join(staging, DATABASE_MEMBER.postgres), manifest, deployment.databaseUrl);
    else await restorePglite(join(staging, DATABASE_MEMBER.pglite), manifest, pgliteDirOf(deployment));
    if (manifest.members.some((m) => m.path.startsWith(UPLOADS_PREFIX))) {
      await cp(join(staging, UPLOADS_PREFIX), uploadsDirOf(deployment), { recursive: true });
    }
    return manifest;
  } finally {
    await removeScratch(staging);
  }
}

function checkCompatible(manifest: Manifest, deployment: Deployment): void {
  const target = deployment.databaseUrl ? 'postgres' : 'pglite';
  if (manifest.backend !== target) {
    throw new BackupError('backup.backendMismatch', { backup: manifest.backend, target, urlState: deployment.databaseUrl ? 'set' : 'unset' });
  }
  const known = new Set(readdirSync(migrationsDir));
  const unknown = manifest.schemaMigrations.filter((m) => !known.has(m));
  if (unknown.length) throw new BackupError('backup.newerMigrations', { names: unknown.join(', ') });
}

async function refuseExistingPglite(dir: string): Promise<void> {
  const entries = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    throw err;
  });
  if (entries.length) throw new BackupError('backup.notEmptyPglite', { dir });
}

/** The database named by the URL, for messages: host and name, never the password. */
function describeUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `${url.host}${url.pathname}`;
}

async function withClient<T>(databaseUrl: string, work: (q: Queryable) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work({
      query: async (sql, params) => (await client.query(sql, params as unknown[] | undefined)).rows,
      exec: async (sql) => { await client.query(sql); },
    });
  } finally {
    await client.end();
  }
}

async function refuseNonEmptyDatabase(databaseUrl: string): Promise<void> {
  const names = await withClient(databaseUrl, userTableNames);
  if (names.length) {
    const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? ', …' : '');
    throw new BackupError('backup.notEmptyDatabase', { target: describeUrl(databaseUrl), count: names.length, names: shown });
  }
}

/** Loads the dump into a scratch folder beside the target and moves it into place only once it matches the manifest. */
async function restorePglite(dump: string, manifest: Manifest, dir: string): Promise<void> {
  await mkdir(dirname(dir), { recursive: true });
  const loading = join(dirname(dir), `.pglite-restoring-${randomBytes(4).toString('hex')}`);
  try {
    const stats = await statsOfPglite(await createPglite(loading, new Blob([await readFile(dump)])));
    const problems = compareStats(manifest.tables, stats.tables);
    if (problems.length) throw new BackupError('backup.mismatchDiscarded', { detail: problems.slice(0, 5).join('; ') }, false);
    await rmdir(dir).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
    await rename(loading, dir);
  } finally {
    await removeScratch(loading);
  }
}

async function restorePostgres(dump: string, manifest: Manifest, databaseUrl: string): Promise<void> {
  await pgRestore(databaseUrl, dump);
  const stats = await withClient(databaseUrl, async (q) => {
    await q.exec('begin read only');
    try {
      return await tableStats(q);
    } finally {
      await q.exec('rollback');
    }
  });
  const problems = compareStats(manifest.tables, stats.tables);
  if (problems.length) throw new BackupError('backup.mismatchLeft', { target: describeUrl(databaseUrl), detail: problems.slice(0, 5).join('; ') }, false);
}

/** Totals for the messages: tables, rows and uploaded files in a manifest. */
export function summarise(manifest: Manifest) {
  return {
    backend: manifest.backend,
    tables: manifest.tables.length,
    rows: manifest.tables.reduce((sum, t) => sum + t.rows, 0),
    files: manifest.members.filter((m) => m.path.startsWith(UPLOADS_PREFIX)).length,
  };
}
