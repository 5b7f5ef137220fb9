import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../helpers/test-db';
import { Client, multipart, startTestApp, type TestApp } from '../helpers/test-app';
import { toTsquery } from '../../src/shared/records/record-service';
import { COUNT_CAP } from '../../src/shared/records/record-repository';

// Enough organisations sharing a name that counting stops at COUNT_CAP and the search takes its capped paths.
const MANY = COUNT_CAP + 50;

describe('search queries', () => {
  it('drop sub-words that a longer query word implies, and match words exactly', () => {
    expect(toTsquery('科技有限公司')).toBe("'科技' & '有限公司'");
    expect(toTsquery('蘭州')).toBe("'兰州'");
    expect(toTsquery('Lanzhou materials')).toBe("'lanzhou' & 'materi'");
    expect(toTsquery('Lanzhou materi', true)).toBe("'lanzhou' & 'materi':*");
    expect(toTsquery('！？。')).toBeUndefined();
  });
});

describe.each(BACKENDS)('search at the count cap on %s', (backend) => {
  let t: TestApp;
  let admin: Client;
  let anon: Client;
  let zoneId: (code: string) => number;

  beforeAll(async () => {
    t = await startTestApp(backend);
    admin = await new Client(t.app).login('admin');
    anon = new Client(t.app);
    const rows = Array.from({ length: MANY }, (_, i) => ({
      code: `SRCH-${String(i).padStart(5, '0')}`, name_zh: `检索样本${i}号科技有限公司`, name_en: `Retrievalsample ${i} Technology`,
      zone_id: 'LZNA', kind: 'enterprise',
    }));
    const res = await admin.request({ method: 'POST', url: '/api/imports/organizations?mode=commit', ...multipart('many.json', JSON.stringify(rows)) });
    expect(res.statusCode).toBe(202);
    await t.jobs.drain();
    const zones = (await anon.get('/api/zones?limit=100')).json().items as { id: number; code: string }[];
    zoneId = (code) => zones.find((z) => z.code === code)!.id;
  }, 120_000);
  afterAll(() => t?.close());

  it('reports a lower bound past the cap and pages through matches in id order', async () => {
    const q = encodeURIComponent('检索样本');
    const first = (await anon.get(`/api/organizations?q=${q}&limit=20`)).json();
    expect(first).toMatchObject({ total: COUNT_CAP, totalIsLowerBound: true });
    const second = (await anon.get(`/api/organizations?q=${q}&limit=20&offset=20`)).json();
    const ids = [...first.items, ...second.items].map((o: { id: number }) => o.id);
    expect(ids).toHaveLength(40);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(40);
  });

  it('finds nothing quickly where a common word and a zone never meet, and counts exactly below the cap', async () => {
    const q = encodeURIComponent('检索样本');
    expect((await anon.get(`/api/organizations?q=${q}&zone=${zoneId('ZJ')}`)).json()).toMatchObject({ items: [], total: 0, totalIsLowerBound: false });
    const one = (await anon.get(`/api/organizations?q=${encodeURIComponent('检索样本7号')}&zone=${zoneId('LZNA')}`)).json();
    expect(one.totalIsLowerBound).toBe(false);
    expect(one.items.map((o: { name_zh: string }) => o.name_zh)).toContain('检索样本7号科技有限公司');
  });

  it('takes the last word as a prefix when it matches too little on its own (still being typed)', async () => {
    const partial = (await anon.get('/api/organizations?q=retrievalsamp&limit=5')).json();
    expect(partial.total).toBe(COUNT_CAP);
    expect(partial.items[0].name_en).toMatch(/^Retrievalsample/);
  });

  it('exports every match of a search, past the cap', async () => {
    const res = await admin.get(`/api/exports/organizations?format=json&q=${encodeURIComponent('检索样本')}`);
    expect(res.statusCode).toBe(200);
    const rows = JSON.parse(res.body) as { code: string }[];
    expect(rows).toHaveLength(MANY);
    expect(new Set(rows.map((r) => r.code)).size).toBe(MANY);
  });
});

describe.each(BACKENDS)('search by organisation name and relevance on %s', (backend) => {
  let t: TestApp;
  let admin: Client;
  let anon: Client;
  let hiddenId = 0;

  beforeAll(async () => {
    t = await startTestApp(backend, { orgs: 1 });
    admin = await new Client(t.app).login('admin');
    anon = new Client(t.app);
    const org = async (body: Record<string, unknown>) => {
      const res = await admin.post('/api/organizations', { kind: 'enterprise', zone_id: (await anon.get('/api/zones?limit=100')).json().items[0].id, ...body });
      expect(res.statusCode).toBe(201);
      return res.json() as { id: number };
    };
    const shown = await org({ name_zh: '铜箔新材料科技有限公司', published: true });
    const hidden = await org({ name_zh: '隐秘铜箔研究公司', published: false });
    hiddenId = hidden.id;
    for (const [o, cert] of [[shown, 'GR2023620001'], [hidden, 'GR2023620002']] as const) {
      const q = await admin.post('/api/qualifications', { organization_id: o.id, type: 'hightech_enterprise', valid_from: '2023-11-01', certificate_no: cert, published: true });
      expect(q.statusCode).toBe(201);
    }
    // Relevance: a description that mentions the word ranks below a name that holds it.
    await org({ name_zh: '甘肃某机械公司', description: '主营机械，兼营铜箔贸易', published: true });
    await org({ name_zh: '兰州铜箔有限公司', published: true });
  }, 120_000);
  afterAll(() => t?.close());

  it('finds qualifications by their organisation name, through organisations the caller may see only', async () => {
    const q = encodeURIComponent('铜箔新材料');
    const found = (await anon.get(`/api/qualifications?q=${q}`)).json();
    expect(found.items.map((i: { certificate_no: string }) => i.certificate_no)).toEqual(['GR2023620001']);
    const hidden = (await anon.get(`/api/qualifications?q=${encodeURIComponent('隐秘铜箔')}`)).json();
    expect(hidden.items).toEqual([]);
    const asAdmin = (await admin.get(`/api/qualifications?q=${encodeURIComponent('隐秘铜箔')}`)).json();
    expect(asAdmin.items.map((i: { organization_id: number }) => i.organization_id)).toEqual([hiddenId]);
  });

  it('lists the best matches first when searching without a chosen order', async () => {
    const items = (await anon.get(`/api/organizations?q=${encodeURIComponent('铜箔')}`)).json().items as { name_zh: string; id: number }[];
    const names = items.map((i) => i.name_zh);
    const last = names.indexOf('甘肃某机械公司');
    expect(last).toBeGreaterThan(names.indexOf('兰州铜箔有限公司'));
    expect(last).toBeGreaterThan(names.indexOf('铜箔新材料科技有限公司'));
    expect(names.indexOf('兰州铜箔有限公司')).toBeGreaterThanOrEqual(0);
    // A chosen order still holds.
    const byId = (await anon.get(`/api/organizations?q=${encodeURIComponent('铜箔')}&sort=id&order=desc`)).json().items as { id: number }[];
    expect(byId.map((i) => i.id)).toEqual([...byId.map((i) => i.id)].sort((a, b) => b - a));
  });
});
