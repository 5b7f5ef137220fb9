/** Who sees indicator values and evaluations: published ones for everybody, unpublished ones by role, server-side. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/helpers/test-db';
import { Client, startTestApp, type TestApp } from '../../../test/helpers/test-app';

const ZONES = ['LZNA', 'LZHTZ', 'LZEZ', 'BYHTZ', 'CDSC', 'TFNA', 'ZJ'];

describe.each(BACKENDS)('publication of indicator values on %s', (backend) => {
  let t: TestApp;
  let admin: Client;
  let operator: Client;
  let orguser: Client;
  let anon: Client;
  let zh: Client;
  let id: (code: string) => number;
  let year: number;
  let starter: number;

  beforeAll(async () => {
    t = await startTestApp(backend);
    admin = await new Client(t.app).login('admin');
    operator = await new Client(t.app).login('operator');
    orguser = await new Client(t.app).login('orguser');
    anon = new Client(t.app);
    zh = new Client(t.app, 'zh-CN');
    const zones = new Map((await t.testDb.db.query<{ id: number; code: string }>('select id, code from zones')).map((z) => [z.code, Number(z.id)]));
    id = (code) => zones.get(code)!;
    year = (await t.testDb.db.query<{ y: number }>('select max(year) as y from annual_statistics'))[0]!.y;
    starter = (await anon.get('/api/frameworks')).json().items.find((f: { code: string }) => f.code === 'zone-starter').id;
    expect((await admin.post('/api/indicator-values/compute', { years: { from: year - 1, to: year } })).statusCode).toBe(200);
  }, 120_000);
  afterAll(() => t?.close());

  const values = async (c: Client, zone: string) =>
    (await c.get(`/api/indicator-values?zone=${id(zone)}&from=${year - 1}&to=${year}`)).json().items as { year: number; value: number | null }[];

  it('shows unpublished values to an admin and to the zone operator only', async () => {
    expect((await values(admin, 'LZNA')).length).toBeGreaterThan(0);
    expect((await values(operator, 'LZNA')).length).toBe((await values(admin, 'LZNA')).length); // LZNA is the operator's zone
    expect(await values(operator, 'TFNA')).toEqual([]);
    expect(await values(orguser, 'LZNA')).toEqual([]);
    expect(await values(anon, 'LZNA')).toEqual([]);
  });

  it('refuses anonymous evaluations of unpublished zones, naming them, in both languages', async () => {
    const en = await anon.post(`/api/frameworks/${starter}/evaluate`, { zones: ZONES, year });
    expect(en.statusCode).toBe(403);
    expect(en.json().code).toBe('FORBIDDEN');
    expect(en.json().title).toContain('LZNA');
    expect(en.json().title).toContain('not published');
    const cn = await zh.post(`/api/frameworks/${starter}/evaluate`, { zones: ZONES, year });
    expect(cn.json().title).toContain('尚未发布');
    expect((await anon.get(`/api/zones/${id('LZNA')}/evaluation?framework=${starter}&year=${year}`)).statusCode).toBe(403);
    expect((await anon.get(`/api/zones/${id('LZNA')}/evaluation.csv?framework=${starter}&year=${year}`)).statusCode).toBe(403);
    expect((await anon.post(`/api/frameworks/${starter}/uncertainty`, { zones: ZONES, year, runs: 10 })).statusCode).toBe(403);
    // The operator sees their own zone unpublished, not a peer's.
    expect((await operator.post(`/api/frameworks/${starter}/evaluate`, { zones: ['LZNA'], year })).statusCode).not.toBe(403);
    const peer = await operator.post(`/api/frameworks/${starter}/evaluate`, { zones: ['LZNA', 'TFNA'], year });
    expect(peer.statusCode).toBe(403);
    expect(peer.json().title).toContain('TFNA');
    expect(peer.json().title).not.toContain('LZNA');
  });

  it('lets the zone operator publish their zone (who and when kept) and nobody else', async () => {
    expect((await anon.post('/api/indicator-publications', { zones: ['LZNA'], years: year })).statusCode).toBe(401);
    expect((await orguser.post('/api/indicator-publications', { zones: ['LZNA'], years: year })).statusCode).toBe(403);
    expect((await operator.post('/api/indicator-publications', { zones: ['TFNA'], years: year })).statusCode).toBe(403);
    const res = await operator.post('/api/indicator-publications', { zones: ['LZNA'], years: year });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().items).toEqual([expect.objectContaining({ zone_code: 'LZNA', year, username: 'operator', published_at: expect.any(String) })]);
    const [audit] = await t.testDb.db.query<{ action: string }>(`select action from audit_events where entity = 'indicator-publications' and entity_id = $1`, [id('LZNA')]);
    expect(audit!.action).toBe('publish');
    // Anonymous visitors now see LZNA's values for that year, not for the year before.
    const seen = await values(anon, 'LZNA');
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen.map((v) => v.year))).toEqual(new Set([year]));
    expect(await values(anon, 'TFNA')).toEqual([]);
  });

  it('gives anonymous visitors the same evaluation as an admin once every zone is published, and withdraws', async () => {
    expect((await admin.post('/api/indicator-publications', { zones: ZONES, years: { from: year - 1, to: year } })).statusCode).toBe(201);
    const pub = await anon.post(`/api/frameworks/${starter}/evaluate`, { zones: ZONES, year });
    expect(pub.statusCode, pub.body).toBe(200);
    const full = await admin.post(`/api/frameworks/${starter}/evaluate`, { zones: ZONES, year });
    expect(pub.json().results).toEqual(full.json().results);
    expect((await anon.get(`/api/zones/${id('LZNA')}/evaluation?framework=${starter}&year=${year}&years=2`)).statusCode).toBe(200);
    expect((await anon.get(`/api/indicator-publications?zone=${id('LZNA')}`)).json().items.map((p: { year: number }) => p.year)).toEqual([year - 1, year]);

    expect((await operator.post('/api/indicator-publications/withdraw', { zones: ['LZNA'], years: year })).statusCode).toBe(200);
    const after = await anon.post(`/api/frameworks/${starter}/evaluate`, { zones: ZONES, year });
    expect(after.statusCode).toBe(403);
    expect(after.json().title).toContain('LZNA');
    // A page for a published year still opens; the withdrawn year is marked, not shown.
    const page = await anon.get(`/api/zones/${id('LZNA')}/evaluation?framework=${starter}&year=${year - 1}&years=2`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().byYear.find((b: { year: number }) => b.year === year - 1).score).toEqual(expect.any(Number));
  });
});
