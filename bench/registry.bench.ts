/**
 * `npm run bench -- registry [--orgs N] [--years Y] [--pglite-orgs N]`
 *
 * On the PostgreSQL server (DATABASE_URL or this machine's server) in a schema of its own: generates N organisations
 * (default 1,000,000) and Y years of statistics each (default 5 → 5,000,000 rows), then measures
 * - import_rows_per_s: the product's own import path (file → validation → upsert in one transaction per file),
 * - copy_rows_per_s: plain COPY (psql \copy) of the same rows (same search text) into the same tables, indexes and
 *   foreign keys included — the physical reference,
 * - search_p95_ms, list_p95_ms, dashboard_ms: through the HTTP app (inject, no network),
 * - api_rps: a detail GET under load from a second process (autocannon, 10 s) against a real server,
 * - api_rps_two_instances: the same load through nginx in front of two server processes on the same database (the
 *   set-up of docs/deployment.md; null without nginx). On a 2-core machine the two instances, nginx, PostgreSQL and
 *   autocannon share the same two cores, so this shows the proxy hop's and the second process's overhead, not
 *   scaling: more instances pay off with more cores or machines.
 * Then repeats on the embedded database (PGlite) at a tenth of the size. Progress on stderr, one JSON line last.
 * `--keep-schema NAME` keeps the server-side data; `--queries-only --keep-schema NAME` then measures only the queries
 * and the API on it (for iterating on query plans).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDb, type Db } from '../src/shared/db';
import { buildApp } from '../src/app/build-app';
import { JobQueue } from '../src/shared/jobs/job-queue';
import { commitImport } from '../src/shared/records/record-import';
import { createUser } from '../src/accounts/accounts.service';
import { annualStatistics, organizations, zones } from '../src/registry/entities';
import { SEED_ZONES, DEMO_ZONES_FOR_ORGS } from '../src/registry/demo/seed-zones';
import { generateOrganizations, generateStatistics, type ImportRecord } from '../src/registry/demo/generator';
import { exportColumns } from '../src/shared/records/record-export';
import { searchTextOf } from '../src/shared/records/record-service';
import type { EntityDef } from '../src/shared/records/field-def';
import type { Actor } from '../src/shared/access/actor';
import Papa from 'papaparse';
import { NGINX, startInstance, startNginx, waitReady } from '../test/helpers/instances';
import { measureReplicaLag } from './replica-lag';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ORGS = arg('orgs', 1_000_000);
const YEARS = arg('years', 5);
const PGLITE_ORGS = arg('pglite-orgs', Math.round(ORGS / 10));
const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const log = (m: string) => process.stderr.write(`[registry bench] ${m}\n`);
const FILE_ROWS = 250_000;
// For iterating on queries: keep the server-side data in a named schema, and later measure only the queries on it.
const flag = (name: string) => { const i = process.argv.indexOf(`--${name}`); return i >= 0 ? process.argv[i + 1] : undefined; };
const KEEP_SCHEMA = flag('keep-schema');
const QUERIES_ONLY = process.argv.includes('--queries-only');

const QUERIES_ZH = ['兰州', '蘭州', '生物', '新材料', '科技有限公司', '成都', '光伏', '陇原', '華信', '智能装备', '上海', '医药', '稀土', '氢能', '检测'];
const QUERIES_EN = ['lanzhou', 'biotech', 'materials', 'chengdu', 'photovoltaic', 'robotics', 'shanghai', 'copper foil', 'hydrogen', 'software', 'huaxin', 'energy storage'];

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
const round = (x: number) => Math.round(x * 100) / 100;

async function writeCsvFiles(dir: string, prefix: string, def: EntityDef, rows: Iterable<ImportRecord>, transform?: (r: ImportRecord) => ImportRecord): Promise<string[]> {
  const columns = exportColumns(def).filter((c) => c !== 'published');
  const files: string[] = [];
  let out: ReturnType<typeof createWriteStream> | undefined;
  let n = 0;
  let buffer: unknown[][] = [];
  const flush = async () => {
    if (buffer.length && out && !out.write(`${Papa.unparse(buffer)}\n`)) await once(out, 'drain');
    buffer = [];
  };
  const close = async () => {
    await flush();
    if (out) { out.end(); await once(out, 'finish'); }
  };
  for (const row of rows) {
    if (n % FILE_ROWS === 0) {
      await close();
      const path = join(dir, `${prefix}-${files.length}.csv`);
      files.push(path);
      out = createWriteStream(path);
      out.write(`${columns.join(',')}\n`);
    }
    const r = transform ? transform(row) : row;
    buffer.push(columns.map((c) => r[c] ?? ''));
    n++;
    if (buffer.length >= 5000) await flush();
  }
  await close();
  return files;
}

async function setupZones(db: Db, actor: Actor) {
  for (const depth of [0, 1, 2, 3]) {
    const rows = SEED_ZONES.filter((z) => depthOf(z.code) === depth).map((z) => ({ code: z.code, parent_id: z.parent ?? null, kind: z.kind, name_zh: z.name_zh, name_en: z.name_en }));
    if (rows.length) await commitImport(db, actor, zones, 'zones.json', new TextEncoder().encode(JSON.stringify(rows)), 'commit');
  }
}
function depthOf(code: string): number {
  let d = 0;
  for (let z = SEED_ZONES.find((x) => x.code === code); z?.parent; z = SEED_ZONES.find((x) => x.code === z!.parent)) d++;
  return d;
}

async function importFiles(db: Db, actor: Actor, def: EntityDef, files: string[]): Promise<number> {
  let rows = 0;
  for (const f of files) {
    const r = await commitImport(db, actor, def, f, new Uint8Array(readFileSync(f)), 'commit');
    rows += r.inserted + r.updated;
    log(`  imported ${f.split('/').pop()}: ${rows} ${def.name} rows so far`);
  }
  return rows;
}

async function measureQueries(db: Db, orgCount: number) {
  const jobs = new JobQueue(db);
  const app = await buildApp({ db, jobs });
  const zoneRows = await db.query<{ id: number; code: string }>('select id, code from zones');
  const zoneId = (code: string) => zoneRows.find((z) => z.code === code)!.id;
  const inject = async (url: string) => {
    const t = performance.now();
    const res = await app.inject({ method: 'GET', url });
    if (res.statusCode !== 200) throw new Error(`${url} → ${res.statusCode} ${res.body.slice(0, 200)}`);
    return performance.now() - t;
  };
  // Warm-up, then 1,000 mixed Chinese/English name searches.
  for (let i = 0; i < 20; i++) await inject(`/api/organizations?q=${encodeURIComponent(QUERIES_ZH[i % QUERIES_ZH.length]!)}&limit=20`);
  const search: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const pool = i % 2 ? QUERIES_EN : QUERIES_ZH;
    const q = pool[(i * 7) % pool.length]!;
    const z = i % 3 === 0 ? `&zone=${zoneId(DEMO_ZONES_FOR_ORGS[i % DEMO_ZONES_FOR_ORGS.length]!)}` : '';
    search.push(await inject(`/api/organizations?q=${encodeURIComponent(q)}${z}&limit=20`));
  }
  const fields = ['biomedicine', 'new_materials', 'electronic_information', 'new_energy', 'advanced_manufacturing'];
  const list: number[] = [];
  for (let i = 0; i < 500; i++) {
    const zone = zoneId(DEMO_ZONES_FOR_ORGS[i % DEMO_ZONES_FOR_ORGS.length]!);
    list.push(await inject(`/api/organizations?zone=${zone}&kind=enterprise&hightech_field=${fields[i % fields.length]}&limit=20&offset=${(i * 37) % 1000}&sort=name_zh`));
  }
  const dashboard: number[] = [];
  for (const code of ['LZNA', 'LZHTZ', 'CN-GS-LZ', 'CN-GS', 'CDSC']) dashboard.push(await inject(`/api/zones/${zoneId(code)}/dashboard`));
  const sampleId = (await db.query<{ id: number }>('select id from organizations order by id limit 1 offset $1', [Math.floor(orgCount / 2)]))[0]!.id;
  await app.close();
  return {
    search_p50_ms: round(percentile(search, 50)), search_p95_ms: round(percentile(search, 95)),
    list_p50_ms: round(percentile(list, 50)), list_p95_ms: round(percentile(list, 95)),
    dashboard_ms: round(Math.max(...dashboard.slice(1))), dashboard_each_ms: dashboard.map(round), sampleId,
  };
}

async function apiLoad(url: string, sampleId: number, dataDir: string): Promise<number> {
  const port = 3900 + Math.floor(Math.random() * 90);
  const server = spawn(process.execPath, ['bin/kechuang.mjs', 'serve', '--port', String(port), '--no-demo', '--data-dir', dataDir], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (let i = 0; i < 120; i++) {
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok).catch(() => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const run = spawnSync('npx', ['autocannon', '-j', '-c', '50', '-d', '10', `http://127.0.0.1:${port}/api/organizations/${sampleId}`], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const result = JSON.parse(run.stdout) as { requests: { average: number }; non2xx: number; errors: number };
    if (result.non2xx || result.errors) log(`  autocannon: ${result.non2xx} non-2xx, ${result.errors} errors`);
    return Math.round(result.requests.average);
  } finally {
    server.kill('SIGTERM');
  }
}

/** The same load as apiLoad, through nginx in front of two instances (round robin, keep-alive to both). */
async function apiLoadTwoInstances(url: string, sampleId: number, dataDir: string): Promise<number | null> {
  if (!NGINX) {
    log('  nginx is not installed: api_rps_two_instances skipped');
    return null;
  }
  const instances = await Promise.all([startInstance('bench-a', url, dataDir), startInstance('bench-b', url, dataDir)]);
  let proxy;
  try {
    await Promise.all(instances.map((i) => waitReady(i.url, i, 120_000)));
    proxy = await startNginx(join(dataDir, 'nginx'), instances.map((i) => i.port));
    const run = spawnSync('npx', ['autocannon', '-j', '-c', '50', '-d', '10', `${proxy.url}/api/organizations/${sampleId}`], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const result = JSON.parse(run.stdout) as { requests: { average: number }; non2xx: number; errors: number };
    if (result.non2xx || result.errors) log(`  autocannon (two instances): ${result.non2xx} non-2xx, ${result.errors} errors`);
    return Math.round(result.requests.average);
  } finally {
    await proxy?.stop();
    for (const i of instances) i.process.kill('SIGTERM');
    await Promise.all(instances.map((i) => i.exited));
  }
}

/**
 * The physical reference: the same rows, with the same search text, COPYed (psql \copy) into the same tables with
 * their indexes and foreign keys. COPY needs ids rather than codes, so the rows are first rewritten with zone and
 * organisation ids (not timed). The tables are emptied again afterwards for the product's import.
 */
async function copyReference(url: string, orgFiles: string[], statFiles: string[], db: Db): Promise<{ rows: number; ms: number }> {
  const zoneIds = new Map((await db.query<{ id: number; code: string }>('select id, code from zones')).map((z) => [z.code, z.id]));
  const orgIds = new Map<string, { id: number; zone: number }>();
  let nextId = 1;
  const tsvector = (text: string) => [...new Set(text.split(' ').filter(Boolean))].map((t) => `'${t.replace(/'/g, "''")}'`).join(' ');
  const copyFiles: [string, string, string][] = [];
  for (const f of orgFiles) {
    const parsed = Papa.parse<Record<string, string>>(readFileSync(f, 'utf8'), { header: true, skipEmptyLines: true });
    const rows = parsed.data.map((r) => {
      const id = nextId++;
      const zone = zoneIds.get(r.zone_id!)!;
      orgIds.set(r.code!, { id, zone });
      const search = tsvector(searchTextOf(organizations, r));
      return [id, r.code, r.name_zh, r.name_en, zone, r.kind, r.credit_code, r.industry_code, r.hightech_field, r.founded_year, r.description, r.generated, search];
    });
    await writeFile(`${f}.copy`, Papa.unparse(rows));
    copyFiles.push([`${f}.copy`, 'organizations', 'id,code,name_zh,name_en,zone_id,kind,credit_code,industry_code,hightech_field,founded_year,description,generated,search']);
  }
  for (const f of statFiles) {
    const parsed = Papa.parse<Record<string, string>>(readFileSync(f, 'utf8'), { header: true, skipEmptyLines: true });
    const rows = parsed.data.map((r) => {
      const org = orgIds.get(r.organization_id!)!;
      return [`S-${r.organization_id}-${r.year}`, org.id, org.zone, r.year, r.operating_revenue, r.rd_expense, r.staff, r.rd_staff, r.exports, r.patents_filed, r.patents_granted, r.generated];
    });
    await writeFile(`${f}.copy`, Papa.unparse(rows));
    copyFiles.push([`${f}.copy`, 'annual_statistics', 'code,organization_id,zone_id,year,operating_revenue,rd_expense,staff,rd_staff,exports,patents_filed,patents_granted,generated']);
  }
  let rows = 0;
  const started = performance.now();
  for (const [file, table, cols] of copyFiles) {
    const r = spawnSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-c', `\\copy ${table}(${cols}) from '${file}' csv`], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`COPY failed: ${r.stderr}`);
    rows += Number(/COPY (\d+)/.exec(r.stdout)?.[1] ?? 0);
  }
  const ms = performance.now() - started;
  await db.exec('truncate audit_events, annual_statistics, qualifications, people, achievements, projects, organizations restart identity cascade');
  for (const [file] of copyFiles) rmSync(file, { force: true });
  return { rows, ms };
}

async function writeFile(path: string, text: string) {
  const out = createWriteStream(path);
  out.end(text);
  await once(out, 'finish');
}

async function runOn(kind: 'postgres' | 'pglite', orgCount: number) {
  const dir = mkdtempSync(join(tmpdir(), `kc-bench-${kind}-`));
  const lastYear = new Date().getFullYear() - 1;
  const reuse = kind === 'postgres' && QUERIES_ONLY;
  if (!reuse) log(`${kind}: generating ${orgCount} organisations × ${YEARS} years into ${dir}`);
  const orgFiles = reuse ? [] : await writeCsvFiles(dir, 'organizations', organizations, generateOrganizations(orgCount, DEMO_ZONES_FOR_ORGS));
  const statFiles = reuse ? [] : await writeCsvFiles(dir, 'statistics', annualStatistics, generateStatistics(generateOrganizations(orgCount, DEMO_ZONES_FOR_ORGS), lastYear - YEARS + 1, lastYear));

  let db: Db;
  let url = '';
  const schema = KEEP_SCHEMA ?? `bench_registry_${process.pid}`;
  if (kind === 'postgres') {
    const c = new pg.Client({ connectionString: SERVER });
    await c.connect();
    if (!reuse) await c.query(`drop schema if exists ${schema} cascade; create schema ${schema}`);
    await c.end();
    const u = new URL(SERVER);
    u.search = `?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    url = u.toString();
    db = await openDb({ databaseUrl: url });
  } else {
    db = await openDb({ dataDir: join(dir, 'pglite') });
  }
  try {
    const makeActor = async (): Promise<Actor> => {
      const admin = await createUser(db, { username: 'bench', password: 'bench-password', displayName: 'bench', role: 'admin' });
      return { userId: admin.id, username: 'bench', role: 'admin', zoneId: null, organizationId: null };
    };
    if (reuse) {
      log(`postgres: measuring queries only, on the data kept in schema ${schema}`);
      const q = await measureQueries(db, orgCount);
      const { sampleId, ...queries } = q;
      return { database: kind, organizations: orgCount, reused_schema: schema, ...queries, api_rps: await apiLoad(url, sampleId, dir), api_rps_two_instances: await apiLoadTwoInstances(url, sampleId, dir) };
    }
    let actor = await makeActor();
    await setupZones(db, actor);
    let copy: { rows: number; ms: number } | undefined;
    if (kind === 'postgres') {
      log('postgres: plain COPY of the same rows into the same tables');
      copy = await copyReference(url, orgFiles, statFiles, db);
      actor = await makeActor(); // emptying the tables cascaded to users
    }
    log(`${kind}: importing through the product's import path`);
    const started = performance.now();
    const imported = (await importFiles(db, actor, organizations, orgFiles)) + (await importFiles(db, actor, annualStatistics, statFiles));
    const importMs = performance.now() - started;
    await db.exec('analyze');
    log(`${kind}: queries`);
    const q = await measureQueries(db, orgCount);
    let apiRps: number | null = null;
    let apiRpsTwo: number | null = null;
    if (kind === 'postgres') {
      log('postgres: API load from a second process (autocannon, 10 s)');
      apiRps = await apiLoad(url, q.sampleId, dir);
      log('postgres: the same load through nginx in front of two instances (autocannon, 10 s)');
      apiRpsTwo = await apiLoadTwoInstances(url, q.sampleId, dir);
    }
    const { sampleId: _, ...queries } = q;
    return {
      database: kind, organizations: orgCount, statistics_rows: imported - orgCount,
      import_rows_per_s: Math.round(imported / (importMs / 1000)), import_s: round(importMs / 1000),
      ...(copy ? { copy_rows_per_s: Math.round(copy.rows / (copy.ms / 1000)), import_vs_copy: round(imported / (importMs / 1000) / (copy.rows / (copy.ms / 1000))) } : {}),
      ...queries, api_rps: apiRps, api_rps_two_instances: apiRpsTwo,
    };
  } finally {
    await db.close();
    if (kind === 'postgres' && !KEEP_SCHEMA) {
      const c = new pg.Client({ connectionString: SERVER });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

const server = await runOn('postgres', ORGS);
log(JSON.stringify(server));
// Optional: a throwaway streaming replica (copies the whole server, so not while a kept schema holds the bench data).
const replica = KEEP_SCHEMA ? null : await measureReplicaLag(SERVER, log);
const embedded = await runOn('pglite', PGLITE_ORGS);
log(JSON.stringify(embedded));
const targets = { import_vs_copy: '>= 0.5', search_p95_ms: '< 50', list_p95_ms: '< 50', dashboard_ms: '< 500', api_rps: '>= 3000' };
console.log(JSON.stringify({ bench: 'registry', ...server, ...replica, embedded, targets }));
