import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../shared/db';
import { BACKENDS } from '../../../test/helpers/test-db';
import { Client, startTestApp, type TestApp } from '../../../test/helpers/test-app';
import { GOOD_DEMAND } from '../../../test/helpers/transfer-fixtures';
import { startMatching, type MatchingHandle } from './matching.service';

/**
 * Two instances on one PostgreSQL database: the app (instance A) and a second matching index on a pool of its own
 * (instance B). A demand written through A reaches B's index by a change notice, without B syncing.
 */
describe.runIf(BACKENDS.includes('postgres'))('the matching index of another instance', () => {
  let t: TestApp;
  let otherDb: Db;
  let other: MatchingHandle;
  beforeAll(async () => {
    t = await startTestApp('postgres', { orgs: 10 });
    otherDb = await openDb({ databaseUrl: t.testDb.url! });
    other = await startMatching(otherDb);
  }, 120_000);
  afterAll(async () => {
    await other?.close();
    await otherDb?.close();
    await t?.close();
  });

  it('follows writes made through this one within a second', async () => {
    const admin = await new Client(t.app).login('admin');
    const org = (await t.testDb.db.query<{ id: number }>('select id from organizations order by id limit 1'))[0]!.id;
    const before = other.size().demands;
    const res = await admin.post('/api/demands', { ...GOOD_DEMAND, organization_id: org });
    expect(res.statusCode).toBe(201);
    const started = Date.now();
    while (other.size().demands === before && Date.now() - started < 1000) await new Promise((r) => setTimeout(r, 10));
    expect(other.size().demands).toBe(before + 1);
    expect(other.engine.demands.has(String(res.json().id))).toBe(true);

    // Closing it through A takes it out of B's index too.
    const closed = await admin.post(`/api/demands/${res.json().id}/status`, { action: 'close' });
    expect(closed.statusCode).toBe(200);
    const t2 = Date.now();
    while (other.size().demands !== before && Date.now() - t2 < 1000) await new Promise((r) => setTimeout(r, 10));
    expect(other.size().demands).toBe(before);
  });
});
