import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../helpers/test-db';
import { demoClients, startTestApp, type TestApp } from '../helpers/test-app';
import { completeCreditCode } from '../../src/registry/credit-code';
import { commitImport } from '../../src/shared/records/record-import';
import { organizations } from '../../src/registry/entities';

/**
 * What the database held across zones before migrations/030 and the application holds since: codes and credit codes
 * unique across all zones, one pending registration per enterprise, and the references that lost their foreign key
 * because they may cross zones (checked where the row is written).
 */
describe.each(BACKENDS)('cross-zone keys and references kept by the application (%s)', (backend) => {
  let t: TestApp;
  let c: Awaited<ReturnType<typeof demoClients>>;
  const zone: Record<string, number> = {};
  beforeAll(async () => {
    t = await startTestApp(backend, { orgs: 10 });
    c = await demoClients(t.app);
    for (const r of await t.testDb.db.query<{ id: number; code: string }>('select id, code from zones')) zone[r.code] = Number(r.id);
  }, 120_000);
  afterAll(async () => t?.close());
  const one = async (sql: string, params: unknown[] = []) => Object.values((await t.testDb.db.query(sql, params))[0]!)[0];

  it('refuses a record code or a credit code already used in another zone, also when two zones race for it', async () => {
    const credit = completeCreditCode('91620100MA7100001');
    const first = await c.admin.post('/api/organizations', { code: 'ORG-XZ-1', credit_code: credit, name_zh: '跨区甲', zone_id: zone.LZNA, kind: 'enterprise' });
    expect(first.statusCode).toBe(201);
    const sameCode = await c.admin.post('/api/organizations', { code: 'ORG-XZ-1', name_zh: '跨区乙', zone_id: zone.ZJ, kind: 'enterprise' });
    expect(sameCode.statusCode).toBe(409);
    expect(sameCode.json().errors[0].field).toBe('code');
    const sameCredit = await c.admin.post('/api/organizations', { credit_code: credit, name_zh: '跨区丙', zone_id: zone.ZJ, kind: 'enterprise' });
    expect(sameCredit.statusCode).toBe(409);
    expect(sameCredit.json().errors[0].field).toBe('credit_code');
    const race = await Promise.all([zone.LZNA, zone.ZJ].map((z) => c.admin.post('/api/organizations', { code: 'ORG-XZ-RACE', name_zh: '竞争', zone_id: z, kind: 'enterprise' })));
    expect(race.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await one(`select count(*)::int from organizations where code in ('ORG-XZ-1', 'ORG-XZ-RACE')`)).toBe(2);
  });

  it('re-imports a record by its code into another zone by moving it, not by adding a second one', async () => {
    const admin = { userId: Number(await one(`select id from users where username = 'admin'`)), username: 'admin', role: 'admin' as const, zoneId: null, organizationId: null };
    const file = (z: string) => new TextEncoder().encode(JSON.stringify([{ code: 'ORG-XZ-IMP', name_zh: '导入机构', zone_id: z, kind: 'enterprise' }]));
    await commitImport(t.testDb.db, admin, organizations, 'a.json', file('LZNA'), 'commit');
    const moved = await commitImport(t.testDb.db, admin, organizations, 'b.json', file('ZJ'), 'commit');
    expect(moved).toMatchObject({ inserted: 0, updated: 1 });
    expect(await t.testDb.db.query(`select zone_id from organizations where code = 'ORG-XZ-IMP'`)).toEqual([{ zone_id: zone.ZJ }]);
  });

  it('checks references that may cross zones where they are written', async () => {
    const person = await c.admin.post('/api/people', { name_zh: '无单位', zone_id: zone.LZNA, organization_id: 99_999_999 });
    expect(person.statusCode).toBe(400);
    expect(person.json().errors[0].field).toBe('organization_id');
    const user = await c.admin.post('/api/users', { username: 'org.none', display_name: '无', password: 'no-such-org-2026', role: 'org_user', organization_id: 99_999_999 });
    expect(user.statusCode).toBe(400);
    expect(user.json().errors[0].field).toBe('organization_id');
    const demand = Number(await one('select min(id) from tech_demands'));
    const kase = await c.admin.post('/api/transfer/cases', { demand_id: demand, offer_id: 99_999_999 });
    expect([400, 404]).toContain(kase.statusCode);
    expect(await one('select count(*)::int from transfer_cases where offer_id = 99999999')).toBe(0);
  });

  it('keeps one pending registration per enterprise across zones', async () => {
    const credit = completeCreditCode('91620100MA7100002');
    const request = { credit_code: credit, enterprise_name: '跨区注册有限公司', contact_name: '李', email: 'li@example.cn', username: 'reg.xz1', password: 'amber-valley-2026', zone_id: zone.LZNA };
    expect((await c.anon.post('/api/registrations', request)).statusCode).toBe(201);
    const again = await c.anon.post('/api/registrations', { ...request, username: 'reg.xz2', zone_id: zone.ZJ });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].field).toBe('credit_code');
    const sameName = await c.anon.post('/api/registrations', { ...request, credit_code: completeCreditCode('91620100MA7100003'), zone_id: zone.ZJ });
    expect(sameName.statusCode).toBe(409);
    expect(sameName.json().errors[0].field).toBe('username');
  });
});
