import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../helpers/test-db';
import { Client, startTestApp, type TestApp, demoClients } from '../helpers/test-app';
import { GOOD_DEMAND } from '../helpers/transfer-fixtures';

/**
 * The public market (src/transfer/workflow/market-search.ts, interests.service.ts): search folds Traditional and
 * Simplified Chinese and finds listings by their zone's name, filters respect disclosure tiers, and 我要对接 reaches the
 * zone's brokers only.
 */
describe.each(BACKENDS)('public technology market on %s', (backend) => {
  let t: TestApp;
  let admin: Client;
  let operator: Client;
  let orgUser: Client;
  let anon: Client;
  const ids: Record<string, number> = {};

  const ids$ = async (client: Client, query: string) => {
    const res = await client.get(`/api/transfer/demands?limit=200&${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { id: number }[]).map((i) => i.id);
  };

  beforeAll(async () => {
    t = await startTestApp(backend, { orgs: 20 });
    ({ admin, operator, orgUser, anon } = await demoClients(t.app));
    const db = t.testDb.db;
    const lz = Number((await db.query<{ id: number }>(`select id from zones where code = 'LZNA'`))[0]!.id);
    const orgL = Number((await db.query<{ id: number }>('select id from organizations where zone_id = $1 order by id limit 1', [lz]))[0]!.id);
    const orgX = Number((await db.query<{ id: number }>(`select o.id from organizations o join zones z on z.id = o.zone_id where z.code = 'ZJ' order by o.id limit 1`))[0]!.id);
    await db.query(`insert into organizations (code, zone_id, kind, name_zh, name_en, address, website)
      values ('TEST-LZ-TTC', $1, 'service_agency', '兰州新区技术转移测试中心', 'Lanzhou New Area test transfer centre', '兰州新区测试路 1 号', 'https://ttc.example.cn')`, [lz]);
    const create = async (key: string, body: object, publish = true) => {
      const res = await admin.post('/api/demands', { ...GOOD_DEMAND, ...body });
      expect(res.statusCode, res.body).toBe(201);
      ids[key] = res.json().id;
      if (!publish) return;
      for (const action of ['submit', 'publish']) {
        const s = await admin.post(`/api/demands/${ids[key]}/status`, { action, override: true, note: 'test' });
        expect(s.statusCode, s.body).toBe(200);
      }
    };
    await create('copper', { organization_id: orgX });
    await create('lanzhouText', { organization_id: orgX, title: '蘭州地區廢舊鋰電池回收利用技術', description: '面向蘭州及周邊地區的退役動力電池，需要高效拆解與材料回收技術，提高鋰、鈷、鎳回收率。',
      target_indicators: '锂回收率 ≥ 90%', hightech_field: 'resources_environment', ipc_code: 'H01M', budget_min: 1000, budget_max: 2000, cooperation_modes: ['consulting'] });
    await create('lanzhouZone', { organization_id: orgL, title: '高原光伏组件自动清洗机器人', description: '光伏电站组件表面积灰严重，需要一种适应高原风沙环境的自动清洗机器人，节水且可无人值守运行。',
      target_indicators: '清洗效率 ≥ 95%', hightech_field: 'new_energy', ipc_code: 'H02S', budget_min: 50, budget_max: 80, cooperation_modes: ['commissioned'] });
    await create('copperDeep', { organization_id: orgX, title: '锂电池负极集流体检测装备', acceptance_criteria: '可检测 6 μm 铜箔的针孔与褶皱缺陷，由第三方验收',
      description: '需要一套在线检测设备，用于电池极片生产线的表面缺陷检测，提升良品率。', target_indicators: '检出率 ≥ 99%', budget_min: 20, budget_max: 30 });
    await create('brokersOnly', { organization_id: orgX, title: '铜箔保密需求', confidentiality: 'brokers_only' });
    await create('draft', { organization_id: orgX, title: '铜箔草稿需求' }, false);
    await create('tiered', { organization_id: orgX, title: '航空结构件加工工艺需求', description: '需要钛合金薄壁件的高效铣削工艺，降低变形。', target_indicators: '变形量 ≤ 0.05 mm',
      budget_min: 3000, budget_max: 4000, hightech_field: 'aerospace', cooperation_modes: ['licence'] });
    const tiered = await admin.get(`/api/demands/${ids.tiered}/disclosure`);
    const put = await admin.request({ method: 'PUT', url: `/api/demands/${ids.tiered}/disclosure`,
      payload: { tiers: { description: 'nda', budget_min: 'signed_in', budget_max: 'signed_in', hightech_field: 'nda' }, version: tiered.json().version } });
    expect(put.statusCode, put.body).toBe(200);
  }, 180_000);
  afterAll(() => t?.close());

  it('finds the same listings for a Traditional and a Simplified query, ranked by relevance', async () => {
    const simplified = await ids$(anon, `q=${encodeURIComponent('铜箔')}`);
    const traditional = await ids$(anon, `q=${encodeURIComponent('銅箔')}`);
    expect(traditional).toEqual(simplified);
    expect(simplified).toContain(ids.copper);
    expect(simplified).toContain(ids.copperDeep);
    expect(simplified).not.toContain(ids.brokersOnly);
    expect(simplified).not.toContain(ids.draft);
    // The title match first: it holds the word in its title, the other only in its acceptance criteria.
    expect(simplified.indexOf(ids.copper)).toBeLessThan(simplified.indexOf(ids.copperDeep));
    // Segmentation: a phrase of several words finds the listing holding them apart.
    expect(await ids$(anon, `q=${encodeURIComponent('連續化銅箔製備')}`)).toContain(ids.copper);
  });

  it('finds listings mentioning Lanzhou and listings of Lanzhou zones, in either script', async () => {
    for (const q of ['兰州', '蘭州']) {
      const found = await ids$(anon, `q=${encodeURIComponent(q)}`);
      expect(found).toContain(ids.lanzhouText);
      expect(found).toContain(ids.lanzhouZone);
      expect(found).not.toContain(ids.copper);
    }
    // A word of the zone's name and a word of the listing's text together.
    expect(await ids$(anon, `q=${encodeURIComponent('兰州 光伏')}`)).toEqual([ids.lanzhouZone]);
  });

  it('filters by field, zone, budget range and cooperation mode; rejects unknown vocabulary', async () => {
    const lz = Number((await t.testDb.db.query<{ id: number }>(`select id from zones where code = 'LZNA'`))[0]!.id);
    const newEnergy = await ids$(anon, 'field=new_energy');
    expect(newEnergy).toContain(ids.lanzhouZone);
    expect(newEnergy).not.toContain(ids.copper);
    const inZone = await ids$(anon, `zone=${lz}`);
    expect(inZone).toContain(ids.lanzhouZone);
    expect(inZone).not.toContain(ids.copper);
    const budget = await ids$(anon, 'budget_min=600&budget_max=1500');
    expect(budget).toContain(ids.lanzhouText);
    expect(budget).not.toContain(ids.copper);
    expect(budget).not.toContain(ids.copperDeep);
    const consulting = await ids$(anon, 'mode=consulting');
    expect(consulting).toContain(ids.lanzhouText);
    expect(consulting).not.toContain(ids.copper);
    expect(await ids$(anon, `mode=consulting&q=${encodeURIComponent('铜箔')}`)).toEqual([]);
    for (const bad of ['field=alchemy', 'mode=barter', 'budget_min=-5']) {
      const res = await anon.get(`/api/transfer/demands?${bad}`);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain(bad.split('=')[0]);
    }
    const offers = await anon.get('/api/transfer/offers?field=new_materials&mode=licence&budget_max=1000');
    expect(offers.statusCode).toBe(200);
  });

  it('does not let a filter or a search reveal a field behind a disclosure tier', async () => {
    // Anonymous: the NDA-tier description and the signed-in budget do not count.
    expect(await ids$(anon, `q=${encodeURIComponent('钛合金')}`)).not.toContain(ids.tiered);
    expect(await ids$(anon, 'budget_min=3500')).not.toContain(ids.tiered);
    expect(await ids$(anon, 'field=aerospace')).not.toContain(ids.tiered);
    // Signed in, the budget counts; the NDA-tier field still does not. The broker (admin) sees everything.
    expect(await ids$(orgUser, 'budget_min=3500')).toContain(ids.tiered);
    expect(await ids$(orgUser, 'field=aerospace')).not.toContain(ids.tiered);
    expect(await ids$(admin, `q=${encodeURIComponent('钛合金')}`)).toContain(ids.tiered);
    expect(await ids$(admin, 'field=aerospace')).toContain(ids.tiered);
    // The title is always public.
    expect(await ids$(anon, `q=${encodeURIComponent('航空结构件')}`)).toContain(ids.tiered);
  });

  it('shows the zone\'s technology-transfer centre as the broker contact', async () => {
    const res = await anon.get(`/api/transfer/demands/${ids.lanzhouZone}`);
    expect(res.statusCode).toBe(200);
    const broker = res.json().broker;
    expect(broker.zone.name_zh).toBe('兰州新区');
    expect(broker.centres[0]).toMatchObject({ name_zh: '兰州新区技术转移测试中心', website: 'https://ttc.example.cn' });
  });

  const interest = { name: '李雷', organization: '甘肃某材料公司', contact: 'lilei@example.cn', message: '我们有类似技术，希望进一步沟通。', consent: true };

  it('takes 我要对接 from anyone on a published listing, validated, for the zone\'s brokers only', async () => {
    const created = await anon.post(`/api/transfer/demands/${ids.lanzhouZone}/interest`, interest);
    expect(created.statusCode, created.body).toBe(201);
    const other = await anon.post(`/api/transfer/demands/${ids.copper}/interest`, { ...interest, contact: '13800000000' });
    expect(other.statusCode).toBe(201);

    for (const [patch, field] of [[{ consent: false }, 'consent'], [{ consent: undefined }, 'consent'], [{ name: '  ' }, 'name'], [{ contact: '' }, 'contact'], [{ message: 'x'.repeat(2001) }, 'message']] as const) {
      const res = await anon.post(`/api/transfer/demands/${ids.copper}/interest`, { ...interest, ...patch });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain(field);
    }
    for (const hidden of [ids.draft, ids.brokersOnly]) {
      expect((await anon.post(`/api/transfer/demands/${hidden}/interest`, interest)).statusCode).toBe(404);
    }

    expect((await anon.get('/api/transfer/interests')).statusCode).toBe(401);
    expect((await orgUser.get('/api/transfer/interests')).statusCode).toBe(403);
    const seenByOperator = (await operator.get('/api/transfer/interests')).json();
    expect(seenByOperator.items.map((i: { item_id: number }) => i.item_id)).toEqual([ids.lanzhouZone]);
    expect(seenByOperator.items[0]).toMatchObject({ name: '李雷', contact: 'lilei@example.cn', item_kind: 'demand', item_title: '高原光伏组件自动清洗机器人' });
    const seenByAdmin = (await admin.get(`/api/transfer/interests?kind=demand&item=${ids.copper}`)).json();
    expect(seenByAdmin.items.map((i: { contact: string }) => i.contact)).toEqual(['13800000000']);
    // Never in the public listing.
    for (const client of [anon, orgUser]) {
      expect((await client.get(`/api/transfer/demands/${ids.lanzhouZone}`)).body).not.toContain('lilei@example.cn');
    }
  });

  it('limits expressions of interest per address', async () => {
    const from = (ip: string) => t.app.inject({ method: 'POST', url: `/api/transfer/demands/${ids.copper}/interest`, payload: interest, remoteAddress: ip, headers: { 'accept-language': 'zh-CN' } });
    for (let i = 0; i < 5; i++) expect((await from('203.0.113.7')).statusCode).toBe(201);
    const limited = await from('203.0.113.7');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().title).toMatch(/[\u4e00-\u9fff]/);
    expect((await from('203.0.113.8')).statusCode).toBe(201);
  });
});
