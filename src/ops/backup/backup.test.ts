import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { create, extract } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Queryable } from '../../shared/db';
import { createPglite } from '../../shared/db/pglite-db';
import { loadDemo } from '../../registry/demo/load-demo';
import '../../app/entities';
import { BACKENDS, SERVER_URL, type Backend } from '../../../test/helpers/test-db';
import { runCommand } from '../../../test/helpers/run-command';
import { registerBackupCommands } from './backup.cli';
import { filesUnder } from './archive';
import { DATABASE_MEMBER, MANIFEST_FILE, type Manifest } from './manifest.schema';
import { tableStats } from './table-stats';

/**
 * Backup and restore through the real commands, on both back ends, with the demo region loaded: a round trip gives
 * the same tables, row counts and checksums; damaged, truncated and tampered files are refused and change nothing;
 * a deployment that already has data is refused.
 */

type Stats = Awaited<ReturnType<typeof tableStats>>;

/** A deployment of its own: a data folder and, on the server, a fresh database (pg_dump takes whole databases). */
interface Target {
  dataDir: string;
  databaseUrl?: string;
  drop(): Promise<void>;
}

const root = await mkdtemp(join(tmpdir(), 'kechuang-backup-test-'));
afterAll(() => rm(root, { recursive: true, force: true }));
let serial = 0;

async function serverAdmin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: SERVER_URL });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

async function newTarget(backend: Backend): Promise<Target> {
  const dataDir = join(root, `deployment-${++serial}`);
  if (backend === 'pglite') return { dataDir, drop: () => rm(dataDir, { recursive: true, force: true }) };
  const name = `kc_backup_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await serverAdmin((c) => c.query(`create database ${name}`));
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return {
    dataDir, databaseUrl: url.toString(),
    async drop() {
      await rm(dataDir, { recursive: true, force: true });
      await serverAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

function run(target: Target, args: string[]) {
  return runCommand((program) => registerBackupCommands(program, { DATABASE_URL: target.databaseUrl, KECHUANG_DATA_DIR: target.dataDir }), args);
}

/** What a deployment's database holds, read independently of the backup code's own connections. */
async function statsOf(target: Target): Promise<Stats> {
  if (target.databaseUrl) {
    const c = new pg.Client({ connectionString: target.databaseUrl });
    await c.connect();
    try {
      await c.query('begin read only');
      return await tableStats(queryable(c));
    } finally {
      await c.end();
    }
  }
  const instance = await createPglite(join(target.dataDir, 'pglite'));
  try {
    return await instance.transaction((tx) => tableStats({
      query: async (sql, params) => (await tx.query(sql, params as unknown[] | undefined)).rows as never[],
      exec: async (sql) => { await tx.exec(sql); },
    }));
  } finally {
    await instance.close();
  }
}

function queryable(c: pg.Client): Queryable {
  return { query: async (sql, params) => (await c.query(sql, params as unknown[] | undefined)).rows, exec: async (sql) => { await c.query(sql); } };
}

/** The state a refused restore must leave as it found: the database folder or tables, and the uploads. */
async function footprint(target: Target) {
  const pgliteFiles = await filesUnder(join(target.dataDir, 'pglite'));
  let tables: number | null = null;
  if (target.databaseUrl) {
    const c = new pg.Client({ connectionString: target.databaseUrl });
    await c.connect();
    try {
      tables = (await c.query<{ n: number }>(`select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`)).rows[0]!.n;
    } finally {
      await c.end();
    }
  }
  return { pgliteFiles: pgliteFiles.length, tables, uploads: await filesUnder(join(target.dataDir, 'uploads')) };
}

async function manifestOf(file: string): Promise<Manifest> {
  const dir = await mkdtemp(join(root, 'peek-'));
  await extract({ file, cwd: dir });
  return JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')) as Manifest;
}

describe.each(BACKENDS)('backup and restore (%s)', (backend) => {
  let source: Target;
  let backupFile: string;
  let sourceStats: Stats;
  const uploaded = { name: 'b2c7-organizations.csv', body: '名称,统一社会信用代码\n示例企业,91110000000000000X\n' };
  const targets: Target[] = [];
  const fresh = async () => {
    const t = await newTarget(backend);
    targets.push(t);
    return t;
  };

  beforeAll(async () => {
    source = await fresh();
    const db = await openDb({ databaseUrl: source.databaseUrl, dataDir: source.databaseUrl ? undefined : join(source.dataDir, 'pglite') });
    try {
      await loadDemo(db, { generatedOrganizations: 40 });
    } finally {
      await db.close();
    }
    await mkdir(join(source.dataDir, 'uploads'), { recursive: true });
    await writeFile(join(source.dataDir, 'uploads', uploaded.name), uploaded.body);
    backupFile = join(root, `${backend}-backup.tar.gz`);
    const { stdout, error } = await run(source, ['backup', '--out', backupFile]);
    expect(error, 'backup command').toBeUndefined();
    expect(stdout).toContain(`${backend} database`);
    sourceStats = await statsOf(source);
  }, 600_000);

  afterAll(async () => {
    for (const t of targets) await t.drop();
  });

  it('writes a manifest with the migrations, per-table rows and checksums, and every member', async () => {
    const manifest = await manifestOf(backupFile);
    expect(manifest).toMatchObject({ format: 'kechuang-backup', version: 1, backend });
    expect(manifest.schemaMigrations).toEqual(sourceStats.schemaMigrations);
    expect(manifest.schemaMigrations.length).toBeGreaterThan(5);
    expect(manifest.tables).toEqual(sourceStats.tables);
    expect(manifest.tables.find((t) => t.name === 'public.organizations')!.rows).toBeGreaterThan(40);
    expect(manifest.members.map((m) => m.path).sort()).toEqual([DATABASE_MEMBER[backend], `uploads/${uploaded.name}`].sort());
  });

  it('restores into an empty deployment with identical row counts, checksums and uploads', async () => {
    const target = await fresh();
    const { stdout, error } = await run(target, ['restore', backupFile]);
    expect(error, 'restore command').toBeUndefined();
    expect(stdout).toContain('row counts and checksums match');
    const restored = await statsOf(target);
    expect(restored.tables).toEqual(sourceStats.tables);
    expect(restored.schemaMigrations).toEqual(sourceStats.schemaMigrations);
    expect(await readFile(join(target.dataDir, 'uploads', uploaded.name), 'utf8')).toBe(uploaded.body);
    // The restored deployment opens (migrations are all there already) and serves its data.
    const db = await openDb({ databaseUrl: target.databaseUrl, dataDir: target.databaseUrl ? undefined : join(target.dataDir, 'pglite') });
    try {
      const [row] = await db.query<{ n: number }>('select count(*)::int8 as n from zones');
      expect(row!.n).toBe(sourceStats.tables.find((t) => t.name === 'public.zones')!.rows);
    } finally {
      await db.close();
    }
  }, 300_000);

  it('refuses to restore into a deployment that already has data, and leaves it as it was', async () => {
    const { error, stderr } = await run(source, ['restore', backupFile]);
    expect(error?.exitCode, stderr).toBe(2);
    expect(stderr).toMatch(backend === 'postgres' ? /Refused: the target database .* already has \d+ tables/ : /Refused: .* already holds an embedded database/);
    expect((await statsOf(source)).tables).toEqual(sourceStats.tables);
    const zh = await run(source, ['restore', backupFile, '--lang', 'zh-CN']);
    expect(zh.stderr).toContain('已拒绝');
  }, 120_000);

  it('refuses a file with a flipped byte and changes nothing', async () => {
    const bytes = await readFile(backupFile);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    const damaged = join(root, `${backend}-flipped.tar.gz`);
    await writeFile(damaged, bytes);
    const target = await fresh();
    const before = await footprint(target);
    const { error, stderr } = await run(target, ['restore', damaged]);
    expect(error?.exitCode, stderr).toBe(2);
    expect(stderr).toMatch(/is damaged/);
    expect(stderr).toContain('Nothing was changed');
    expect(await footprint(target)).toEqual(before);
  }, 120_000);

  it('refuses a truncated file and changes nothing', async () => {
    const bytes = await readFile(backupFile);
    const truncated = join(root, `${backend}-truncated.tar.gz`);
    await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const target = await fresh();
    const before = await footprint(target);
    const { error, stderr } = await run(target, ['restore', truncated]);
    expect(error?.exitCode, stderr).toBe(2);
    expect(stderr).toMatch(/damaged or truncated \(.*unexpected end of file\)/);
    expect(await footprint(target)).toEqual(before);
  }, 120_000);

  it('refuses a well-formed archive whose database member was altered, naming the member', async () => {
    const dir = await mkdtemp(join(root, 'tamper-'));
    await extract({ file: backupFile, cwd: dir });
    const member = join(dir, DATABASE_MEMBER[backend]);
    const bytes = await readFile(member);
    bytes[bytes.length - 100]! ^= 0x01;
    await writeFile(member, bytes);
    const tampered = join(root, `${backend}-tampered.tar.gz`);
    await create({ gzip: true, file: tampered, cwd: dir }, await filesUnder(dir));
    const target = await fresh();
    const before = await footprint(target);
    const { error, stderr } = await run(target, ['restore', tampered]);
    expect(error?.exitCode, stderr).toBe(2);
    expect(stderr).toContain(`${DATABASE_MEMBER[backend]} does not match its checksum in the manifest`);
    expect(await footprint(target)).toEqual(before);
    expect(existsSync(join(target.dataDir, 'pglite'))).toBe(false);
  }, 120_000);

  it.runIf(backend === 'pglite')('refuses to back up an embedded database another instance has open', async () => {
    const db = await openDb({ dataDir: join(source.dataDir, 'pglite'), ownThread: false });
    try {
      const { error, stderr } = await run(source, ['backup', '--out', join(root, 'in-use.tar.gz')]);
      expect(error?.exitCode, stderr).toBe(2);
      expect(stderr).toContain('is in use (postmaster.pid): stop the server first');
      expect(existsSync(join(root, 'in-use.tar.gz'))).toBe(false);
    } finally {
      await db.close();
    }
  }, 120_000);

  it('refuses a backup of the other back end', async () => {
    const other: Target = backend === 'pglite'
      ? { ...(await fresh()), databaseUrl: 'postgres://postgres@127.0.0.1:5432/kc_backup_never_created' }
      : { dataDir: join(root, `deployment-${++serial}`), drop: async () => undefined };
    const { error, stderr } = await run(other, ['restore', backupFile]);
    expect(error?.exitCode, stderr).toBe(2);
    expect(stderr).toContain(`The backup holds a ${backend} database`);
  });
});
