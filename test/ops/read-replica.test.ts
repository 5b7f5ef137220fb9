import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app/build-app';
import { JobQueue } from '../../src/shared/jobs/job-queue';
import { loadDemo } from '../../src/registry/demo/load-demo';
import { loadShippedFrameworks } from '../../src/evaluation/indicators/evaluation.routes';
import { openReadReplica, parseLsn, type ReadReplica } from '../../src/shared/db/read-replica';
import { BACKENDS, openTestDb, SERVER_URL, type TestDb } from '../helpers/test-db';
import { Client } from '../helpers/test-app';
import { replicaSupport, startReplica, type Replica } from '../helpers/replica';

/**
 * DATABASE_READ_URL against a real streaming replica of this machine's PostgreSQL server. Pausing the replica's WAL
 * replay makes the two databases differ on purpose: what a request then shows says which one it read.
 */
describe('WAL positions', () => {
  it('compare as PostgreSQL orders them, across the 32-bit boundary of the text form', () => {
    expect(parseLsn('0/FFFFFFFF') < parseLsn('1/0')).toBe(true);
    expect(parseLsn('16/B374D848') > parseLsn('16/B374D847')).toBe(true);
    expect(parseLsn('A/0')).toBe(10n << 32n);
  });
});

const support = BACKENDS.includes('postgres') ? await replicaSupport() : { skip: 'KECHUANG_TEST_BACKENDS leaves out the PostgreSQL server' };
if ('skip' in support) console.warn(`read replica test skipped: ${support.skip}`);

describe.skipIf('skip' in support)(`reads from a streaming replica${'skip' in support ? ` (skipped: ${support.skip})` : ''}`, () => {
  let replica: Replica;
  let testDb: TestDb;
  let readReplica: ReadReplica;
  let jobs: JobQueue;
  let app: FastifyInstance;
  let anon: Client;
  let admin: Client;
  let orgId: number;
  let zoneId: number;

  /** What each database has now (the primary directly; the replica through its admin connection, same schema). */
  const nameOn = async (where: 'primary' | 'replica', id: number) => where === 'primary'
    ? (await testDb.db.query<{ name_en: string }>('select name_en from organizations where id = $1', [id]))[0]!.name_en
    : (await replica.admin.query<{ name_en: string }>(`select name_en from ${schema}.organizations where id = $1`, [id])).rows[0]!.name_en;
  let schema: string;

  beforeAll(async () => {
    replica = await startReplica((support as { bin: string }).bin);
    testDb = await openTestDb('postgres');
    await loadShippedFrameworks(testDb.db);
    await loadDemo(testDb.db, { generatedOrganizations: 20 });
    schema = (await testDb.db.query<{ s: string }>('select current_schema() as s'))[0]!.s;
    const url = new URL(SERVER_URL);
    url.search = `?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    readReplica = await openReadReplica(testDb.db, replica.urlFor(url.toString()), { retryAfterMs: 60_000 });
    jobs = new JobQueue(testDb.db, 50);
    app = await buildApp({ db: testDb.db, jobs, readReplica });
    anon = new Client(app);
    admin = await new Client(app).login('admin');
    const mine = (await admin.get('/api/organizations?limit=50')).json().items as { id: number; zone_id: number; published: boolean }[];
    const org = mine.find((o) => o.published)!;
    orgId = org.id;
    zoneId = org.zone_id;
    await replica.catchUp();
  });

  afterAll(async () => {
    await replica?.resume().catch(() => undefined);
    await app?.close();
    await readReplica?.close();
    await testDb?.drop();
    await replica?.stop();
  });

  it('serves anonymous reads from the replica: a change on the primary shows only once replayed', async () => {
    await replica.pause();
    await testDb.db.query(`update organizations set name_en = 'Changed on the primary' where id = $1`, [orgId]);
    expect(await nameOn('primary', orgId)).toBe('Changed on the primary');
    const before = (await anon.get(`/api/organizations/${orgId}`)).json();
    expect(before.name_en).not.toBe('Changed on the primary');
    expect(before.name_en).toBe(await nameOn('replica', orgId));
    await replica.resume();
    await replica.catchUp();
    expect((await anon.get(`/api/organizations/${orgId}`)).json().name_en).toBe('Changed on the primary');
  });

  it('shows a user their own write at once, even while the replica replays nothing', async () => {
    await replica.pause();
    try {
      const current = (await admin.get(`/api/organizations/${orgId}`)).json();
      const patched = await admin.patch(`/api/organizations/${orgId}`, { version: current.version, name_en: 'Zanzibar Replica Works' });
      expect(patched.statusCode).toBe(200);
      const before = { ...readReplica.routed };
      // The record itself and a search for the new name, right after the write: from the primary.
      expect((await admin.get(`/api/organizations/${orgId}`)).json().name_en).toBe('Zanzibar Replica Works');
      const found = (await admin.get('/api/organizations?q=zanzibar')).json().items.map((o: { id: number }) => o.id);
      expect(found).toEqual([orgId]);
      expect(readReplica.routed.primary - before.primary).toBeGreaterThanOrEqual(2);
      // Everyone else still reads the replica, which has not replayed the write.
      expect((await anon.get(`/api/organizations/${orgId}`)).json().name_en).toBe('Changed on the primary');
      expect(await nameOn('replica', orgId)).toBe('Changed on the primary');
    } finally {
      await replica.resume();
    }
    await replica.catchUp();
    // Once the replica has replayed the write, the user's reads go back to it.
    const before = readReplica.routed.replica;
    expect((await admin.get(`/api/organizations/${orgId}`)).json().name_en).toBe('Zanzibar Replica Works');
    expect(readReplica.routed.replica).toBeGreaterThan(before);
  });

  it('routes dashboards, public listings and evaluations to the replica', async () => {
    const torch = (await anon.get('/api/frameworks')).json().items.find((f: { code: string }) => f.code === 'torch-2021').id;
    const year = new Date().getFullYear() - 1;
    for (const url of [`/api/zones/${zoneId}/dashboard`, '/api/transfer/demands', '/api/transfer/offers', `/api/frameworks/${torch}`,
      `/api/zones/${zoneId}/evaluation?framework=${torch}&year=${year}`, `/api/indicator-values?zone=${zoneId}`, '/api/organizations?q=zanzibar']) {
      const before = { ...readReplica.routed };
      const res = await anon.get(url);
      expect(res.statusCode, url).toBeLessThan(500);
      expect(readReplica.routed.replica - before.replica, url).toBeGreaterThan(0);
      expect(readReplica.routed.primary - before.primary, url).toBe(0);
    }
  });

  it('falls back to the primary when the replica stops answering', async () => {
    await replica.stop();
    const before = readReplica.routed.fallback;
    const res = await anon.get(`/api/organizations/${orgId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().name_en).toBe('Zanzibar Replica Works');
    expect(readReplica.routed.fallback).toBe(before + 1);
    // Left aside for a while: the next read goes straight to the primary.
    const primaryBefore = readReplica.routed.primary;
    expect((await anon.get('/api/organizations?limit=1')).statusCode).toBe(200);
    expect(readReplica.routed.primary).toBeGreaterThan(primaryBefore);
  });
});
