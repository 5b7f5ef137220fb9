import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../helpers/test-db';
import { demoClients, startTestApp, type Client, type TestApp } from '../helpers/test-app';
import { naceSharesOfIpc } from '../../src/shared/classification/crosswalk';

// The classification crosswalks (src/shared/classification) in statistics and in matching, through the HTTP API.
describe.each(BACKENDS)('classification crosswalks on %s', (backend) => {
  let t: TestApp;
  let admin: Client;
  let anon: Client;
  let zone: number;
  const org: Record<string, number> = {};

  beforeAll(async () => {
    t = await startTestApp(backend, { orgs: 10 });
    ({ admin, anon } = await demoClients(t.app));
    const z = await admin.post('/api/zones', { name_zh: '分类统计测试园区', kind: 'park' });
    expect(z.statusCode).toBe(201);
    zone = z.json().id;
    for (const [key, industry, kind] of [['battery', 'C3841', 'enterprise'], ['chips', '3971', 'enterprise'], ['plain', null, 'enterprise'], ['uni', 'C39', 'university']] as const) {
      const res = await admin.post('/api/organizations', { name_zh: `测试机构-${key}`, zone_id: zone, kind, ...(industry ? { industry_code: industry } : {}) });
      expect(res.statusCode, res.body).toBe(201);
      org[key] = res.json().id;
    }
    const achievements = [
      { title: '锂电池正极材料', ipc_code: 'H01M 4/58' },
      { title: '废旧锂电池回收', ipc_code: 'H01M 10/54' },
      { title: '数据加密方法', ipc_code: 'G06F 21/60' },
      { title: '犁铧', ipc_code: 'A01B 15/00' },
      { title: '无分类号成果' },
      { title: '未公开的电池成果', ipc_code: 'H01M 4/13', published: false },
    ];
    for (const a of achievements) {
      const res = await admin.post('/api/achievements', { ...a, organization_id: org.battery, kind: 'invention_patent' });
      expect(res.statusCode, res.body).toBe(201);
    }
  }, 120_000);
  afterAll(() => t?.close());

  it('counts achievements per high-tech sub-field and field through the IPC crosswalk, published ones only for visitors', async () => {
    const res = await anon.get(`/api/zones/${zone}/classification`);
    expect(res.statusCode).toBe(200);
    const { achievements } = res.json();
    expect([achievements.total, achievements.withIpc]).toEqual([5, 4]);
    const count = (buckets: { key: string; count: number }[]) => Object.fromEntries(buckets.map((b) => [b.key, b.count]));
    expect(count(achievements.bySubField)).toEqual({ '6.3': 1, '7.3': 1, '1.7': 1, unmapped: 1 });
    expect(count(achievements.byField)).toEqual({ 6: 1, 7: 1, 1: 1, unmapped: 1 });
    const storage = achievements.bySubField.find((b: { key: string }) => b.key === '6.3');
    expect(storage.label).toEqual({ zh: '6.3 新型高效能量转换与储存技术', en: '6.3 Energy conversion and storage' });

    const forAdmin = (await admin.get(`/api/zones/${zone}/classification`)).json().achievements;
    expect([forAdmin.total, forAdmin.withIpc]).toEqual([6, 5]);
    expect(count(forAdmin.bySubField)['6.3']).toBe(2);
  });

  it('spreads achievements over industries by the concordance’s shares, naming the GB/T 4754 divisions', async () => {
    const { achievements, sources } = (await anon.get(`/api/zones/${zone}/classification`)).json();
    const expected = (nace: string) => Math.round(['H01M', 'H01M', 'G06F', 'A01B'].reduce((sum, ipc) => sum + (naceSharesOfIpc(ipc).get(nace) ?? 0), 0) * 10) / 10;
    const electronics = achievements.byIndustry.find((b: { key: string }) => b.key === '26');
    expect(electronics.count).toBe(expected('26'));
    expect(electronics.count).toBeGreaterThan(1); // H01 and G06 are led by NACE 26
    expect(electronics.industries).toEqual(['C39', 'C40']);
    expect(electronics.label.zh).toBe('C39 计算机、通信和其他电子设备制造业；C40 仪器仪表制造业（NACE 26）');
    expect(electronics.label.en).toBe('NACE 26 Manufacture of computer, electronic and optical products');
    const total = achievements.byIndustry.reduce((sum: number, b: { count: number }) => sum + b.count, 0);
    expect(total).toBeGreaterThan(3.5); // four achievements with an IPC, less what rounds away below 0.1
    expect(total).toBeLessThanOrEqual(4.05);
    expect(sources.map((s: { key: string }) => s.key)).toContain('fraunhofer-isi-2019');
  });

  it('counts enterprises per GB/T 4754 division, leaving out other kinds of organisation', async () => {
    const { enterprises } = (await anon.get(`/api/zones/${zone}/classification`)).json();
    expect(enterprises.total).toBe(3);
    expect(Object.fromEntries(enterprises.byIndustry.map((b: { key: string; count: number }) => [b.key, b.count]))).toEqual({ C38: 1, C39: 1, none: 1 });
    const c38 = enterprises.byIndustry.find((b: { key: string }) => b.key === 'C38');
    expect(c38.label).toEqual({ zh: 'C38 电气机械和器材制造业', en: 'C38 (≈ NACE 27 Manufacture of electrical equipment)' });
  });

  it('answers 400 naming the field for a bad id and 404 for an unknown zone', async () => {
    const bad = await anon.get('/api/zones/abc/classification');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id');
    expect((await anon.get('/api/zones/987654321/classification')).statusCode).toBe(404);
  });

  it('meets the demanding enterprise’s industry with an offer’s IPC in matching, explained in both languages', async () => {
    const text = '需要高能量密度锂离子电池正极材料的制备技术，提升循环寿命与倍率性能。';
    const demand = await admin.post('/api/demands', { title: '锂电池正极材料制备技术', description: text, organization_id: org.chips, lang: 'zh-Hans' });
    expect(demand.statusCode, demand.body).toBe(201);
    const offer = await admin.post('/api/offers', { title: '高镍正极材料制备技术', summary: `本成果提供锂离子电池正极材料制备工艺。${text}`, ipc_code: 'H01M 4/58', organization_id: org.plain, lang: 'zh-Hans' });
    expect(offer.statusCode, offer.body).toBe(201);
    const body = (await admin.get(`/api/demands/${demand.json().id}/matches?limit=10`)).json();
    const match = body.items.find((i: { id: number }) => i.id === offer.json().id);
    expect(match.signals.industry).toBe(1); // C39 ↔ NACE 26, the principal industry of IPC class H01
    expect(match.why.some((w: string) => w.startsWith('需求方所属行业 C39 计算机、通信和其他电子设备制造业 持有 IPC H01 类约') && w.includes("/ the demand's industry C39"))).toBe(true);

    // The owner's industry changes: the next write of the listing carries the new code.
    const owner = (await admin.get(`/api/organizations/${org.chips}`)).json();
    expect((await admin.patch(`/api/organizations/${org.chips}`, { version: owner.version, industry_code: 'A0111' })).statusCode).toBe(200);
    const listing = (await admin.get(`/api/demands/${demand.json().id}`)).json();
    expect((await admin.patch(`/api/demands/${demand.json().id}`, { version: listing.version, title: '锂电池正极材料制备技术（更新）' })).statusCode).toBe(200);
    const after = (await admin.get(`/api/demands/${demand.json().id}/matches?limit=10`)).json();
    expect(after.items.find((i: { id: number }) => i.id === offer.json().id).signals.industry).toBeLessThan(0.1);
  });
});
