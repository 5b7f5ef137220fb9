import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../helpers/test-db';
import { Client, startTestApp, type TestApp } from '../helpers/test-app';

describe.each(BACKENDS)('idempotent writes on %s', (backend) => {
  let t: TestApp;
  let admin: Client;
  let operator: Client;
  let zoneId: number;

  beforeAll(async () => {
    t = await startTestApp(backend, { orgs: 10 });
    admin = await new Client(t.app).login('admin');
    operator = await new Client(t.app).login('operator');
    zoneId = (await admin.get('/api/zones?limit=1')).json().items[0].id;
  });
  afterAll(() => t?.close());

  const create = (who: Client, key: string | undefined, name: string) => who.request({
    method: 'POST', url: '/api/organizations', payload: { name_zh: name, zone_id: zoneId, kind: 'lab' },
    headers: key === undefined ? {} : { 'idempotency-key': key },
  });
  const count = async (name: string) => (await t.testDb.db.query<{ n: number }>(
    'select count(*)::int as n from organizations where name_zh = $1', [name]))[0]!.n;

  it('answers a retried write with the first answer and writes once', async () => {
    const first = await create(admin, 'retry-key-0001', '幂等测试机构甲');
    const retry = await create(admin, 'retry-key-0001', '幂等测试机构甲');
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().id).toBe(first.json().id);
    expect(await count('幂等测试机构甲')).toBe(1);
  });

  it('writes once under concurrent retries with the same key', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => create(admin, 'concurrent-key-01', '幂等测试机构乙')));
    expect(await count('幂等测试机构乙')).toBe(1);
    const created = answers.filter((a) => a.statusCode === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((a) => a.json().id)).size).toBe(1);
    expect(answers.every((a) => a.statusCode === 201 || a.statusCode === 409)).toBe(true);
  });

  it('refuses a key reused for another request, a malformed key, and keeps users apart', async () => {
    await create(admin, 'reused-key-0001', '幂等测试机构丙');
    const reused = await create(admin, 'reused-key-0001', '幂等测试机构丁');
    expect(reused.statusCode).toBe(409);
    expect(reused.json().title).toContain('POST /api/organizations');
    expect(await count('幂等测试机构丁')).toBe(0);
    const bad = await create(admin, 'short', '幂等测试机构戊');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('Idempotency-Key');
    // The same key from another user is that user's own key.
    const other = await create(operator, 'reused-key-0001', '幂等测试机构己');
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    expect(await count('幂等测试机构己')).toBe(other.statusCode === 201 ? 1 : 0);
    expect([201, 403]).toContain(other.statusCode);
  });

  it('leaves the key unused by invalid input and frees it after an answer that invites a retry', async () => {
    // Invalid input is refused before anything runs: the corrected request may use the same key.
    const invalid = { name_zh: '幂等测试机构庚', zone_id: zoneId, kind: 'not-a-kind' };
    const refused = await admin.request({ method: 'POST', url: '/api/organizations', payload: invalid, headers: { 'idempotency-key': 'invalid-first-01' } });
    expect(refused.statusCode).toBe(400);
    const corrected = await admin.request({ method: 'POST', url: '/api/organizations', payload: { ...invalid, kind: 'lab' }, headers: { 'idempotency-key': 'invalid-first-01' } });
    expect(corrected.statusCode).toBe(201);
    expect(corrected.headers['idempotent-replayed']).toBeUndefined();
    // A duplicate code is a 409: its key is not kept, so a retry after fixing the cause runs for real.
    const dup = { name_zh: '幂等测试机构辛', zone_id: zoneId, kind: 'lab', code: 'IDEMPOTENT-DUP' };
    expect((await admin.post('/api/organizations', dup)).statusCode).toBe(201);
    const conflict = await admin.request({ method: 'POST', url: '/api/organizations', payload: dup, headers: { 'idempotency-key': 'duplicate-key-01' } });
    expect(conflict.statusCode).toBe(409);
    const kept = await t.testDb.db.query(`select 1 from idempotency_keys where key = 'duplicate-key-01'`);
    expect(kept).toEqual([]);
  });
});
