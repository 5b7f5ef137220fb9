import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../helpers/test-db';
import { Client, startTestApp, type TestApp } from '../helpers/test-app';
import { completeCreditCode } from '../../src/registry/credit-code';
import { REGISTRY_ENTITIES } from '../../src/registry/entities';
import { recordSchema } from '../../src/shared/records/record-schema';
import { SEED_FACTS } from '../../src/registry/demo/seed-facts';
import { CONVERSION_ARTEFACT, SEED_DIR, cleanedSeedDocuments } from '../helpers/seed-documents';

describe.each(BACKENDS)('registry API on %s', (backend) => {
  let t: TestApp;
  let admin: Client;
  let anon: Client;
  let lzna: number;
  let zj: number;

  beforeAll(async () => {
    t = await startTestApp(backend);
    admin = await new Client(t.app).login('admin');
    anon = new Client(t.app);
    const zones = (await anon.get('/api/zones?limit=100')).json().items as { id: number; code: string }[];
    lzna = zones.find((z) => z.code === 'LZNA')!.id;
    zj = zones.find((z) => z.code === 'ZJ')!.id;
  });
  afterAll(() => t?.close());

  it('reports health and serves the OpenAPI document', async () => {
    expect((await anon.get('/api/health')).json()).toEqual({ status: 'ok' });
    const doc = (await anon.get('/docs/json')).json();
    expect(doc.paths['/api/organizations']).toBeDefined();
    for (const path of ['/api/zones/{id}/dashboard', '/api/zones/{id}/partners']) {
      expect(doc.paths[path]?.get?.responses?.['200']?.content?.['application/json']?.schema, path).toBeTruthy();
    }
  });

  it('lists organisations with total, zone filter (including sub-zones) and pagination', async () => {
    const all = (await anon.get('/api/organizations?limit=5')).json();
    expect(all.items).toHaveLength(5);
    expect(all.total).toBeGreaterThan(60);
    const inZone = (await anon.get(`/api/organizations?zone=${lzna}&limit=500`)).json();
    expect(inZone.total).toBeGreaterThan(0);
    expect(inZone.items.every((o: { refs: { zone_id: { code: string } } }) => o.refs.zone_id.code === 'LZNA')).toBe(true);
    const lanzhou = (await anon.get('/api/zones?limit=100')).json().items.find((z: { code: string }) => z.code === 'CN-GS-LZ');
    const inCity = (await anon.get(`/api/organizations?zone=${lanzhou.id}&limit=1`)).json();
    expect(inCity.total).toBeGreaterThan(inZone.total);
  });

  it('pages a list over a zone and its sub-zones in one order, merged zone by zone', async () => {
    const zones = (await anon.get('/api/zones?limit=100')).json().items as { id: number; code: string }[];
    const city = zones.find((z) => z.code === 'CN-GS-LZ')!.id;
    for (const [sort, order] of [['name_zh', 'asc'], ['founded_year', 'desc']] as const) {
      const all = (await admin.get(`/api/organizations?zone=${city}&sort=${sort}&order=${order}&limit=500`)).json();
      expect(all.items.length).toBeGreaterThan(30);
      expect(new Set(all.items.map((o: { zone_id: number }) => o.zone_id)).size).toBeGreaterThan(1);
      const pages = [];
      for (let offset = 0; offset < 30; offset += 10) {
        pages.push(...(await admin.get(`/api/organizations?zone=${city}&sort=${sort}&order=${order}&limit=10&offset=${offset}`)).json().items);
      }
      expect(pages.map((o: { id: number }) => o.id)).toEqual(all.items.slice(0, 30).map((o: { id: number }) => o.id));
    }
    // The same order as one statement over the whole subtree gives (here: names in the database's collation).
    const names = (await t.testDb.db.query<{ id: number }>(
      `with recursive sub as (select id from zones where id = $1 union all select z.id from zones z join sub on z.parent_id = sub.id)
       select id from organizations where zone_id in (select id from sub) and retired_at is null order by name_zh, id limit 10`, [city])).map((r) => r.id);
    expect((await admin.get(`/api/organizations?zone=${city}&sort=name_zh&limit=10`)).json().items.map((o: { id: number }) => o.id)).toEqual(names);
  });

  it('finds 蘭州 when searching 兰州 and the reverse, and English names', async () => {
    const simplified = (await anon.get(`/api/organizations?q=${encodeURIComponent('兰州')}&limit=1`)).json();
    const traditional = (await anon.get(`/api/organizations?q=${encodeURIComponent('蘭州')}&limit=1`)).json();
    expect(simplified.total).toBeGreaterThan(0);
    expect(traditional.total).toBe(simplified.total);
    const english = (await anon.get('/api/organizations?q=lanzhou&limit=1')).json();
    expect(english.total).toBeGreaterThan(0);
    const none = (await anon.get(`/api/organizations?q=${encodeURIComponent('量子引力冰淇淋')}`)).json();
    expect(none.total).toBe(0);
  });

  it('creates an organisation, refusing a credit code with a wrong check character and naming the field', async () => {
    const good = completeCreditCode('91620100MA7TNC01X');
    const wrongCheck = good.slice(0, 17) + (good[17] === 'A' ? 'B' : 'A');
    const bad = await admin.post('/api/organizations', { name_zh: '测试企业', zone_id: lzna, kind: 'enterprise', credit_code: wrongCheck });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors[0].field).toBe('credit_code');
    expect(bad.json().errors[0].message).toContain(`check character should be "${good[17]}"`);
    const created = await admin.post('/api/organizations', { name_zh: '测试企业', name_en: 'Test Enterprise', zone_id: lzna, kind: 'enterprise', credit_code: good });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name_zh: '测试企业', version: 1, generated: false, refs: { zone_id: { code: 'LZNA' } } });
    const dup = await admin.post('/api/organizations', { name_zh: '重复', zone_id: lzna, kind: 'enterprise', credit_code: good });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('DUPLICATE');
  });

  it('reports every bad field of a malformed request', async () => {
    const res = await admin.post('/api/organizations', { zone_id: 'x', kind: 'spaceship', founded_year: 1200, surprise: 1 });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['founded_year', 'kind', 'name_zh', 'surprise', 'zone_id']));
  });

  it('answers in Chinese when asked', async () => {
    const zh = new Client(t.app, 'zh-CN');
    const res = await zh.get('/api/organizations/999999');
    expect(res.statusCode).toBe(404);
    expect(res.json().title).toContain('不存在');
  });

  it('refuses the second of two concurrent edits with a conflict', async () => {
    const org = (await admin.post('/api/organizations', { name_zh: '并发测试', zone_id: lzna, kind: 'lab' })).json();
    const first = await admin.patch(`/api/organizations/${org.id}`, { version: 1, name_en: 'First' });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const second = await admin.patch(`/api/organizations/${org.id}`, { version: 1, name_en: 'Second' });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('CONFLICT');
    expect((await admin.get(`/api/organizations/${org.id}`)).json().name_en).toBe('First');
    const audit = (await admin.get(`/api/organizations/${org.id}/audit`)).json().items;
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['update', 'create']);
    expect(audit[0].before.name_en).toBeNull();
    expect(audit[0].after.name_en).toBe('First');
    expect(audit[0].user.username).toBe('admin');
  });

  it('retires a record: hidden from lists unless asked for', async () => {
    const org = (await admin.post('/api/organizations', { name_zh: '退出测试机构', zone_id: lzna, kind: 'incubator' })).json();
    const retired = await admin.post(`/api/organizations/${org.id}/retire`, { version: 1 });
    expect(retired.json().retired_at).not.toBeNull();
    const q = encodeURIComponent('退出测试机构');
    expect((await admin.get(`/api/organizations?q=${q}`)).json().total).toBe(0);
    expect((await admin.get(`/api/organizations?q=${q}&includeRetired=true`)).json().total).toBe(1);
  });

  it('counts high-tech enterprises valid on a date', async () => {
    const asOf = `${new Date().getFullYear() - 2}-12-31`;
    const res = (await anon.get(`/api/qualifications?zone=${lzna}&type=hightech_enterprise&asOf=${asOf}&limit=500`)).json();
    for (const q of res.items) {
      expect(q.valid_from <= asOf).toBe(true);
      expect(q.valid_to === null || q.valid_to >= asOf).toBe(true);
    }
    const all = (await anon.get(`/api/qualifications?zone=${lzna}&type=hightech_enterprise&limit=1`)).json();
    expect(all.total).toBeGreaterThanOrEqual(res.total);
  });

  it('loads the seed facts with cleaned quotes, each a passage of its cleaned seed document', async () => {
    const loaded = (await admin.get('/api/zone-facts?limit=500&sort=code')).json().items.filter((f: { code: string }) => f.code.startsWith('SEED-F-')) as
      { code: string; metric: string; metric_en: string; quote: string; source: string; source_en: string }[];
    expect(loaded).toHaveLength(SEED_FACTS.length);
    for (const f of loaded) {
      expect(f.quote, f.code).not.toMatch(CONVERSION_ARTEFACT);
      expect(f.metric_en, f.code).toBeTruthy();
      expect(`${f.source} ${f.source_en}`, f.code).not.toMatch(/\.txt/);
    }
    const documents = await cleanedSeedDocuments();
    if (!documents) {
      console.warn(`seed documents not found at ${SEED_DIR}: loaded quotes not compared with the cleaned documents`);
      return;
    }
    const byCode = new Map(loaded.map((f) => [f.code, f]));
    const notInDocument = SEED_FACTS.map((seed, i) => ({ seed, loaded: byCode.get(`SEED-F-${String(i + 1).padStart(3, '0')}`)! }))
      .filter(({ seed, loaded: f }) => !documents.get(seed.source)!.includes(f.quote)).map(({ loaded: f }) => f.code);
    expect(notInDocument).toEqual([]);
  });

  it('shows a zone dashboard with counts, trends and sourced facts', async () => {
    const lanzhouNewArea = (await anon.get(`/api/zones/${lzna}/dashboard`)).json();
    expect(lanzhouNewArea.counts.organizations).toBeGreaterThan(0);
    expect(lanzhouNewArea.byKind.length).toBeGreaterThan(0);
    expect(lanzhouNewArea.facts.length).toBeGreaterThan(0);
    // Each text of a fact in both languages, one language each: the source by title, publisher and date, no file name.
    for (const f of lanzhouNewArea.facts) {
      for (const key of ['label', 'unitLabel', 'periodLabel', 'sourceLabel']) expect(f[key], key).toEqual({ zh: expect.any(String), en: expect.any(String) });
      expect(f.label.zh).not.toContain(' / ');
      expect(`${f.source} ${f.sourceLabel.en}`).not.toMatch(/\.txt/);
    }
    const seeded = lanzhouNewArea.facts.find((f: { label: { zh: string } }) => f.label.zh === '创新孵化平台新建数');
    expect(seeded).toMatchObject({ label: { en: 'Innovation and incubation platforms built' }, unitLabel: { zh: '个', en: 'platforms' } });
    expect(seeded.sourceLabel.zh).toMatch(/^《Lanzhou New Area: .*》，英文网络文章（发布者未署名），2022年5月10日$/);
    expect(seeded.sourceLabel.en).toMatch(/, 10 May 2022$/);
    expect(lanzhouNewArea.qualificationTrend.length).toBeGreaterThan(0);
    // Revenue rankings come from confidential statistics: admins see them, anonymous visitors do not.
    expect(lanzhouNewArea.topOrganizations).toEqual([]);
    const forAdmin = (await admin.get(`/api/zones/${lzna}/dashboard`)).json();
    expect(forAdmin.topOrganizations.length).toBeGreaterThan(0);
    const revenues = forAdmin.topOrganizations.map((o: { operating_revenue: number }) => o.operating_revenue);
    expect(revenues).toEqual([...revenues].sort((a, b) => b - a));
    expect(forAdmin.counts.organizations).toBe(forAdmin.byKind.reduce((n: number, k: { count: number }) => n + k.count, 0));
    const partners = (await anon.get(`/api/zones/${zj}/partners`)).json();
    expect(partners.items.map((p: { code: string }) => p.code)).toContain('LBZ');
  });

  it('returns records in the shape the OpenAPI document describes', async () => {
    for (const def of REGISTRY_ENTITIES) {
      const list = (await admin.get(`/api/${def.name}?limit=20`)).json();
      expect(typeof list.totalIsLowerBound).toBe('boolean');
      const schema = recordSchema(def);
      for (const item of list.items) schema.parse(item);
      if (list.items[0]) schema.parse((await admin.get(`/api/${def.name}/${list.items[0].id}`)).json());
    }
  });

  it('describes entities for the web app', async () => {
    const meta = (await anon.get('/api/meta/entities')).json();
    const orgs = meta.entities.find((e: { name: string }) => e.name === 'organizations');
    expect(orgs.label).toEqual({ zh: '创新主体', en: 'Organisations' });
    expect(orgs.fields.find((f: { name: string }) => f.name === 'kind').options.length).toBeGreaterThan(5);
  });
});
