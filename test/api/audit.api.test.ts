import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { BACKENDS } from '../helpers/test-db';
import { Client, startTestApp, type TestApp, demoClients } from '../helpers/test-app';
import { GOOD_DEMAND } from '../helpers/transfer-fixtures';
import { exportAuditEvents } from '../../src/shared/audit/audit.export';
import type { AuditEvent } from '../../src/shared/audit/audit.service';

/** The audit view (src/shared/audit): scope, filters, paging, export; and that settings changes are audited. */
interface Item { source: string; id: number; at: string; user: { username: string } | null; entity: string; entity_id: number | null; zone: { id: number; code: string } | null; action: string; before: unknown; after: unknown; batch: unknown }

describe.each(BACKENDS)('audit view on %s', (backend) => {
  let t: TestApp;
  let admin: Client;
  let operator: Client;
  let orgUser: Client;
  let anon: Client;
  const zone: Record<string, number> = {};
  let lznaSubtree: number[];

  const list = async (c: Client, query = '') => {
    const res = await c.get(`/api/audit?limit=200${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Item[]; total: number };
  };

  beforeAll(async () => {
    t = await startTestApp(backend, { orgs: 20 });
    ({ admin, operator, orgUser, anon } = await demoClients(t.app));
    for (const z of (await anon.get('/api/zones?limit=200')).json().items as { code: string; id: number }[]) zone[z.code] = z.id;
    lznaSubtree = (await t.testDb.db.query<{ id: number }>(
      `with recursive s(id) as (select id from zones where code = 'LZNA' union select z.id from zones z join s on z.parent_id = s.id) select id from s`)).map((r) => Number(r.id));
  }, 180_000);
  afterAll(() => t?.close());

  it('is for admins and zone operators: visitors get 401, organisation users 403', async () => {
    expect((await anon.get('/api/audit')).statusCode).toBe(401);
    expect((await orgUser.get('/api/audit')).statusCode).toBe(403);
    expect((await orgUser.get('/api/audit/export?format=csv')).statusCode).toBe(403);
    expect((await orgUser.get('/api/audit/facets')).statusCode).toBe(403);
    expect((await anon.get('/api/audit/export')).statusCode).toBe(401);
  });

  it('shows a record change with who, when, before and after, newest first; the demo import as batches', async () => {
    const org = (await admin.get(`/api/organizations?zone=${zone.LZNA}&limit=1`)).json().items[0];
    const changed = await operator.patch(`/api/organizations/${org.id}`, { version: org.version, name_en: 'Audited Name Ltd' });
    expect(changed.statusCode, changed.body).toBe(200);
    const { items } = await list(admin, `&entity=organizations&record_id=${org.id}`);
    const update = items.find((i) => i.action === 'update')!;
    expect(update).toMatchObject({ source: 'event', user: { username: 'operator' }, entity: 'organizations', entity_id: org.id, zone: { id: zone.LZNA } });
    expect((update.before as { name_en: string }).name_en).toBe(org.name_en);
    expect((update.after as { name_en: string }).name_en).toBe('Audited Name Ltd');
    // The demo loader imported the organisation: its batch matches the record id too, and comes last (oldest).
    expect(items.at(-1)).toMatchObject({ source: 'batch', action: 'import-create', entity: 'organizations', entity_id: null, batch: { count: expect.any(Number) } });
    const all = (await list(admin)).items;
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.at >= all[i]!.at).toBe(true);
  });

  it('an operator sees only the events of their zone subtree; admins see events without a zone too', async () => {
    const starter = (await anon.get('/api/frameworks')).json().items.find((f: { shipped: boolean }) => f.shipped).id;
    const copy = await admin.post(`/api/frameworks/${starter}/copy`, { code: `audit-admin-${backend}` });
    expect(copy.statusCode).toBe(201);
    const mine = await list(operator);
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((i) => i.zone !== null && lznaSubtree.includes(i.zone.id))).toBe(true);
    expect(mine.items.some((i) => i.entity === 'frameworks' && i.entity_id === copy.json().id)).toBe(false);
    // Asking for a zone outside the subtree gives nothing rather than someone else's events.
    expect((await list(operator, `&zone=${zone.ZJ}`)).total).toBe(0);
    expect((await list(admin, `&zone=${zone.ZJ}`)).total).toBeGreaterThan(0);
    expect((await list(admin, '&entity=frameworks')).items[0]).toMatchObject({ action: 'copy', zone: null, user: { username: 'admin' } });
  });

  it('framework, indicator, disclosure-tier, match-weight and account changes are audited with before and after', async () => {
    const starter = (await anon.get('/api/frameworks')).json().items.find((f: { shipped: boolean }) => f.shipped).id;
    const copy = (await operator.post(`/api/frameworks/${starter}/copy`, { code: `audit-op-${backend}` })).json();
    const patched = await operator.patch(`/api/frameworks/${copy.id}`, { name_en: 'Audited framework' });
    expect(patched.statusCode, patched.body).toBe(200);
    const fw = (await list(operator, `&entity=frameworks&record_id=${copy.id}`)).items;
    expect(fw.map((i) => i.action)).toEqual(['update', 'copy']);
    expect(fw[0]).toMatchObject({ zone: { id: zone.LZNA }, before: { name_en: copy.name_en }, after: { name_en: 'Audited framework' } });
    expect((fw[0]!.after as { nodes: unknown[] }).nodes.length).toBeGreaterThan(0);

    const ind = (await anon.get('/api/indicators')).json().items[0];
    expect((await admin.patch(`/api/indicators/${ind.id}`, { name_en: 'Audited indicator' })).statusCode).toBe(200);
    expect((await list(admin, `&entity=indicators&record_id=${ind.id}`)).items[0]).toMatchObject({ action: 'update', after: { name_en: 'Audited indicator' } });

    const demand = (await operator.post('/api/demands', { ...GOOD_DEMAND, organization_id: (await admin.get(`/api/organizations?zone=${zone.LZNA}&limit=1`)).json().items[0].id })).json();
    const tiers = await operator.request({ method: 'PUT', url: `/api/demands/${demand.id}/disclosure`, payload: { version: demand.version, tiers: { budget_max: 'nda' } } });
    expect(tiers.statusCode, tiers.body).toBe(200);
    const tierEvent = (await list(operator, `&entity=demands&record_id=${demand.id}&action=set-disclosure`)).items;
    expect(tierEvent).toHaveLength(1);
    expect(tierEvent[0]).toMatchObject({ before: { disclosure: { decision_owner: 'signed_in' } }, after: { disclosure: { decision_owner: 'signed_in', budget_max: 'nda' } } });
    // A refused (stale) tier edit leaves no event.
    expect((await operator.request({ method: 'PUT', url: `/api/demands/${demand.id}/disclosure`, payload: { version: demand.version, tiers: {} } })).statusCode).toBe(409);
    expect((await list(operator, `&entity=demands&record_id=${demand.id}&action=set-disclosure`)).total).toBe(1);

    expect((await operator.request({ method: 'PUT', url: `/api/zones/${zone.LZNA}/match-weights`, payload: { field: 0.2 } })).statusCode).toBe(200);
    expect((await operator.request({ method: 'PUT', url: `/api/zones/${zone.LZNA}/match-weights`, payload: { field: 0.3 } })).statusCode).toBe(200);
    const weights = (await list(operator, '&entity=match-weights')).items;
    expect(weights.slice(0, 2).map((w) => [w.before, w.after])).toEqual([[{ field: 0.2 }, { field: 0.3 }], [null, { field: 0.2 }]]);

    const user = await operator.post('/api/users', { username: `audit.org.${backend}`, display_name: 'Audit', password: 'quiet-harbour-42', role: 'org_user', organization_id: (await admin.get(`/api/organizations?zone=${zone.LZNA}&limit=1`)).json().items[0].id });
    expect(user.statusCode, user.body).toBe(201);
    expect((await list(operator, `&entity=users&record_id=${user.json().id}`)).items[0]).toMatchObject({ action: 'create', user: { username: 'operator' }, after: { role: 'org_user' } });
  });

  it('filters by user, action, dates and zone, and pages', async () => {
    const byOperator = await list(admin, '&user=operator');
    expect(byOperator.total).toBeGreaterThan(0);
    expect(byOperator.items.every((i) => i.user?.username === 'operator')).toBe(true);
    expect((await list(admin, '&user=nobody-of-that-name')).total).toBe(0);
    expect((await list(admin, '&action=import-create')).items.every((i) => i.source === 'batch')).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    const all = await list(admin);
    expect((await list(admin, `&from=${today}&to=${today}`)).total).toBe(all.total);
    expect((await list(admin, '&to=2000-01-01')).total).toBe(0);
    expect((await list(admin, `&from=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`)).total).toBe(0);
    const page1 = (await admin.get('/api/audit?limit=3&offset=0')).json();
    const page2 = (await admin.get('/api/audit?limit=3&offset=3')).json();
    expect(page1.total).toBe(all.total);
    expect([...page1.items, ...page2.items].map((i: Item) => `${i.source}${i.id}`)).toEqual(all.items.slice(0, 6).map((i) => `${i.source}${i.id}`));
    const facets = (await operator.get('/api/audit/facets')).json();
    expect(facets.entities).toEqual(expect.arrayContaining(['organizations', 'frameworks', 'match-weights']));
    expect(facets.entities).not.toContain('indicators');
    const bad = await admin.get('/api/audit?from=2023-02-30&record_id=x&to=0000-01-01T00:00:00Z');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['querystring.from', 'querystring.record_id', 'querystring.to']);
  });

  it('exports the filtered view as CSV and XLSX', async () => {
    const csv = await operator.get('/api/audit/export?format=csv&entity=match-weights');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Time,User,Entity,Record id,Zone,Action,Before,After,Source,Log id');
    expect(lines).toHaveLength(1 + Number(csv.headers['x-total-count']));
    expect(lines[1]).toContain('set-weights');
    const zh = await new Client(t.app, 'zh-CN').login('admin');
    const xlsx = await zh.request({ method: 'GET', url: '/api/audit/export?format=xlsx&entity=frameworks' });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('时间');
    expect(sheet.rowCount - 1).toBe(Number(xlsx.headers['x-total-count']));
    expect(sheet.getRow(2).getCell(3).value).toBe('frameworks');
  });
});

describe('audit export cells', () => {
  const event = (text: string): AuditEvent => ({
    source: 'event', id: 1, at: '2026-01-01T00:00:00.000Z', user: { id: 1, username: 'admin' }, entity: text, entity_id: 7, zone: null,
    action: '@SUM(A1)', before: null, after: { name: 'x' }, batch: null,
  });

  it('neutralises formulas in CSV and XLSX cells, and keeps JSON images intact', async () => {
    const csv = (await exportAuditEvents([event('=HYPERLINK("http://evil")')], 'csv', 'en')).toString('utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain(`'@SUM(A1)`);
    expect(csv).toContain('"{""name"":""x""}"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await exportAuditEvents([event('+cmd|x')], 'xlsx', 'en') as unknown as ArrayBuffer);
    const row = wb.worksheets[0]!.getRow(2);
    expect(row.getCell(3).value).toBe(`'+cmd|x`);
    expect(row.getCell(6).value).toBe(`'@SUM(A1)`);
    expect(row.getCell(8).value).toBe('{"name":"x"}');
  });
});
