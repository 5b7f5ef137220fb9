import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openChangeFeed, type ChangeFeed, type ChangeNotice } from './change-feed';
import { openDb, type Db } from './index';
import { openPglite } from './pglite-db';
import { BACKENDS, openTestDb, type TestDb } from '../../../test/helpers/test-db';

describe.runIf(BACKENDS.includes('postgres'))('change notices between instances on the PostgreSQL server', () => {
  let here: TestDb;
  let elsewhere: TestDb;
  let twin: Db;
  const feeds: ChangeFeed[] = [];
  beforeAll(async () => {
    [here, elsewhere] = await Promise.all([openTestDb('postgres'), openTestDb('postgres')]);
    twin = await openDb({ databaseUrl: here.url! });
  });
  afterAll(async () => {
    await Promise.all(feeds.map((f) => f.close()));
    await twin.close();
    await Promise.all([here.drop(), elsewhere.drop()]);
  });

  const listen = async (db: Db, heard: ChangeNotice[], resyncs = { n: 0 }) => {
    const feed = await openChangeFeed(db, 'kechuang_test', (n) => heard.push(n), () => { resyncs.n++; });
    feeds.push(feed!);
    return feed!;
  };

  it('reach the other instances of the same schema, not the sender, not other schemas', async () => {
    const bySender: ChangeNotice[] = [];
    const byTwin: ChangeNotice[] = [];
    const byOtherSchema: ChangeNotice[] = [];
    const sender = await listen(here.db, bySender);
    await listen(twin, byTwin);
    await listen(elsewhere.db, byOtherSchema);
    await sender.publish({ kind: 'demand', id: 42 });
    const end = Date.now() + 1000;
    while (!byTwin.length && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
    expect(byTwin).toEqual([{ kind: 'demand', id: 42 }]);
    await new Promise((r) => setTimeout(r, 100));
    expect(bySender).toEqual([]);
    expect(byOtherSchema).toEqual([]);
  });

  it('reconnects after the listening connection is cut, and asks for a catch-up', async () => {
    const heard: ChangeNotice[] = [];
    const resyncs = { n: 0 };
    await listen(twin, heard, resyncs);
    const sender = await listen(here.db, []);
    // Cut every listening connection of this schema's twin pool from the server side.
    await here.db.query(`select pg_terminate_backend(pid) from pg_stat_activity where pid <> pg_backend_pid() and query like 'listen kechuang_test%'`);
    const end = Date.now() + 5000;
    while (resyncs.n === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect(resyncs.n).toBeGreaterThan(0);
    await sender.publish({ kind: 'offer', id: 7 });
    while (!heard.length && Date.now() < end + 1000) await new Promise((r) => setTimeout(r, 10));
    expect(heard).toContainEqual({ kind: 'offer', id: 7 });
  });
});

describe('change notices on the embedded database', () => {
  it('are not needed: one process, no feed', async () => {
    const db = await openPglite();
    expect(await openChangeFeed(db, 'kechuang_test', () => undefined, () => undefined)).toBeNull();
    await db.close();
  });
});
