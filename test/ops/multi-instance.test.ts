import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDb, type Db } from '../../src/shared/db';
import { loadDemo } from '../../src/registry/demo/load-demo';
import { generateOrganizations } from '../../src/registry/demo/generator';
import { DEMO_ZONES_FOR_ORGS } from '../../src/registry/demo/seed-zones';
import { BACKENDS, SERVER_URL } from '../helpers/test-db';
import { multipart } from '../helpers/test-app';
import { COPPER_OFFER, GOOD_DEMAND } from '../helpers/transfer-fixtures';
import { NGINX, startInstance, startNginx, waitReady, type Instance, type Proxy } from '../helpers/instances';

/**
 * Two real server processes on one fresh PostgreSQL database, sharing one data folder (uploads), behind nginx —
 * the set-up of docs/deployment.md. Checks what running several instances needs: migrations once, sessions valid
 * on either instance, the matching index following the other instance's writes, no acknowledged write lost when an
 * instance is killed, and a killed instance's running job finished by the survivor.
 */
const SKIP = !NGINX ? 'nginx is not installed (Debian: apt-get install nginx)'
  : !BACKENDS.includes('postgres') ? 'the PostgreSQL server is not among KECHUANG_TEST_BACKENDS' : null;
if (SKIP) console.warn(`test/ops/multi-instance.test.ts skipped: ${SKIP}`);

const ADMIN = { username: 'platform-ops', password: 'north-star-keeper-2026' };
const IMPORT_ROWS = 20_000;

class Session {
  cookie = '';
  csrf = '';
  constructor(readonly base: string) {}
  async login(base = this.base) {
    const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
    this.cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
    this.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
    return this;
  }
  fetch(path: string, init: { method?: string; json?: unknown; body?: Buffer; headers?: Record<string, string> } = {}, base = this.base) {
    const headers: Record<string, string> = { cookie: this.cookie, 'x-csrf-token': this.csrf, ...(init.headers ?? {}) };
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    return fetch(`${base}${path}`, { method: init.method ?? 'GET', headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body && new Uint8Array(init.body) });
  }
}

function runCli(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/kechuang.mjs', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`kechuang ${args[0]} exited with ${code}: ${out}`))));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(Boolean(SKIP))(`two instances behind nginx on one PostgreSQL database${SKIP ? ` (skipped: ${SKIP})` : ''}`, () => {
  const dbName = `kc_multi_${process.pid}_${Math.random().toString(36).slice(2, 7)}`;
  const dbUrl = (() => { const u = new URL(SERVER_URL); u.pathname = `/${dbName}`; return u.toString(); })();
  const dir = mkdtempSync(join(tmpdir(), 'kechuang-multi-'));
  const dataDir = join(dir, 'data');
  let a: Instance;
  let b: Instance;
  let proxy: Proxy;
  let db: Db;
  let orgs: number[];

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: SERVER_URL });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    // Both instances and the CLI start at once on the empty database: the migrations run under the advisory lock.
    [a, b] = await Promise.all([startInstance('kc-a', dbUrl, dataDir), startInstance('kc-b', dbUrl, dataDir)]);
    await Promise.all([
      runCli(['create-admin', ADMIN.username, '--password', ADMIN.password], { DATABASE_URL: dbUrl, LOG_LEVEL: 'warn' }),
      waitReady(a.url, a), waitReady(b.url, b),
    ]);
    db = await openDb({ databaseUrl: dbUrl });
    await loadDemo(db, { generatedOrganizations: 10 });
    orgs = (await db.query<{ id: number }>('select id from organizations order by id limit 2')).map((r) => Number(r.id));
    proxy = await startNginx(join(dir, 'nginx'), [a.port, b.port]);
  }, 240_000);

  afterAll(async () => {
    await proxy?.stop();
    for (const i of [a, b]) if (i && i.process.exitCode === null && i.process.signalCode === null) { i.process.kill('SIGKILL'); await i.exited; }
    await db?.close();
    const admin = new pg.Client({ connectionString: SERVER_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ran every migration once although both instances and the CLI started together', async () => {
    const files = readdirSync(new URL('../../migrations/', import.meta.url)).filter((f) => /^\d{3}_.+\.sql$/.test(f));
    const rows = await db.query<{ name: string }>('select name from schema_migrations');
    expect(rows.length).toBe(files.length);
  });

  it('keeps a session signed in through the proxy whichever instance answers', async () => {
    const s = await new Session(proxy.url).login();
    const seen = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const res = await s.fetch('/api/auth/me');
      expect(res.status).toBe(200);
      expect(((await res.json()) as { user: { username: string } | null }).user?.username).toBe(ADMIN.username);
      seen.add(res.headers.get('x-kechuang-upstream')!);
    }
    expect([...seen].sort()).toEqual([`127.0.0.1:${a.port}`, `127.0.0.1:${b.port}`].sort());
  });

  it('makes a demand posted through one instance matchable through the other within a second', async () => {
    const viaA = await new Session(a.url).login();
    const viaB = await new Session(b.url).login();
    const offer = await viaA.fetch('/api/offers', { method: 'POST', json: { ...COPPER_OFFER, organization_id: orgs[0] } });
    expect(offer.status).toBe(201);
    const offerId = ((await offer.json()) as { id: number }).id;
    const indexed = async () => {
      const text = await (await fetch(`${b.url}/metrics`)).text();
      return Number(/kechuang_matching_index_items\{kind="demands"\} (\d+)/.exec(text)?.[1] ?? NaN);
    };
    // B answers a first match request (which catches up with the demo data just loaded), then the clock starts.
    expect((await viaB.fetch(`/api/offers/${offerId}/matches`)).status).toBe(200);
    const before = await indexed();
    const demand = await viaA.fetch('/api/demands', { method: 'POST', json: { ...GOOD_DEMAND, organization_id: orgs[1] } });
    expect(demand.status).toBe(201);
    const demandId = ((await demand.json()) as { id: number }).id;
    const posted = Date.now();
    // B's index has it by a change notice, before anyone asks B for matches.
    while ((await indexed()) === before && Date.now() - posted < 1000) await sleep(20);
    expect(await indexed()).toBe(before + 1);
    expect(Date.now() - posted).toBeLessThan(1000);
    // And B ranks it for the offer. (The request's own time is not counted above: each match request also re-reads
    // every row changed in the last two minutes, here all the demo data just loaded.)
    const matches = (await (await viaB.fetch(`/api/offers/${offerId}/matches`)).json()) as { items: { id: number }[] };
    expect(matches.items.map((m) => m.id)).toContain(demandId);
  });

  it('loses no acknowledged write and finishes the running job when an instance is killed', async () => {
    const s = await new Session(proxy.url).login();
    // A long job: an import, uploaded through the proxy (the file goes to the shared uploads folder).
    const rows = [...generateOrganizations(IMPORT_ROWS, DEMO_ZONES_FOR_ORGS, 7, 500_000)];
    const body = multipart('orgs.json', JSON.stringify(rows));
    const upload = await s.fetch('/api/imports/organizations?mode=commit', { method: 'POST', body: body.payload, headers: body.headers });
    expect(upload.status).toBe(202);
    const jobId = ((await upload.json()) as { job: { id: number } }).job.id;

    // A stream of writes through the proxy, four at a time, until told to stop.
    const acknowledged: number[] = [];
    const failed: number[] = [];
    let killedAt = 0;
    let ackAfterKill = 0;
    let writing = true;
    const writer = async () => {
      for (let n = 0; writing; n++) {
        // A response cut off mid-body (its instance killed) counts as a failed write, like no response at all.
        const outcome = await s.fetch('/api/demands', { method: 'POST', json: { ...GOOD_DEMAND, title: `${GOOD_DEMAND.title} ${n}`, organization_id: orgs[n % 2] } })
          .then(async (res) => ({ status: res.status, body: await res.text() }), () => ({ status: 0, body: '' }));
        if (outcome.status >= 200 && outcome.status < 300) {
          acknowledged.push((JSON.parse(outcome.body) as { id: number }).id);
          if (killedAt) ackAfterKill++;
        } else {
          failed.push(outcome.status);
        }
      }
    };
    const writers = [writer(), writer(), writer(), writer()];

    // Kill -9 whichever instance holds the job's lock (its lease), while the job runs.
    const holder = async () => (await db.query<{ name: string }>(
      `select a.application_name as name from pg_locks l join pg_stat_activity a on a.pid = l.pid
       where l.locktype = 'advisory' and l.objsubid = 2 and l.objid = $1 and a.datname = current_database()`, [jobId]))[0]?.name;
    let victimName: string | undefined;
    for (const end = Date.now() + 30_000; !victimName && Date.now() < end;) {
      victimName = await holder();
      if (!victimName) await sleep(50);
    }
    expect(victimName).toBeDefined();
    await sleep(300);
    const victim = victimName === a.name ? a : b;
    const survivor = victim === a ? b : a;
    victim.process.kill('SIGKILL');
    killedAt = Date.now();
    await victim.exited;
    expect((await db.query<{ status: string }>('select status from jobs where id = $1', [jobId]))[0]!.status,
      'the import ended before the kill; make IMPORT_ROWS larger').not.toBe('succeeded');

    await sleep(3000);
    writing = false;
    await Promise.all(writers);

    // Every write that got a 2xx is in the database; the survivor took the stream over.
    const stored = await db.query<{ id: number }>('select id from tech_demands where id = any($1::int8[])', [acknowledged]);
    expect(stored.length).toBe(acknowledged.length);
    expect(ackAfterKill).toBeGreaterThan(0);
    // Only requests already sent to the killed instance may fail (nginx does not resend a POST), as 502s.
    expect(failed.every((status) => status === 502), `failed writes: ${failed.join(', ')}`).toBe(true);
    expect(failed.length).toBeLessThanOrEqual(8);

    // The survivor finds the job's lease gone, queues the job again and runs it to the end.
    let job: { status: string; result: { inserted: number; updated: number } | null; error: string | null } | undefined;
    for (const end = Date.now() + 60_000; Date.now() < end; await sleep(250)) {
      job = (await db.query<NonNullable<typeof job>>('select status, result, error from jobs where id = $1', [jobId]))[0];
      if (job?.status === 'succeeded' || job?.status === 'failed') break;
    }
    expect(job?.error ?? null).toBeNull();
    expect(job?.status).toBe('succeeded');
    expect(job!.result!.inserted + job!.result!.updated).toBe(IMPORT_ROWS);

    // A graceful stop of the survivor: SIGTERM, requests in flight finish, exit code 0.
    survivor.process.kill('SIGTERM');
    expect(await survivor.exited).toBe(0);
  }, 120_000);
});
