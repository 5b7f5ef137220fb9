import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../helpers/test-db';
import { Client, multipart, startTestApp, type TestApp } from '../helpers/test-app';

describe.each(BACKENDS)('roles, zone scope, sessions on %s', (backend) => {
  let t: TestApp;
  let admin: Client;
  let operator: Client;
  let orgUser: Client;
  let anon: Client;
  let zone: Record<string, number>;

  beforeAll(async () => {
    t = await startTestApp(backend);
    admin = await new Client(t.app).login('admin');
    operator = await new Client(t.app).login('operator');
    orgUser = await new Client(t.app).login('orguser');
    anon = new Client(t.app);
    zone = Object.fromEntries((await anon.get('/api/zones?limit=100')).json().items.map((z: { code: string; id: number }) => [z.code, z.id]));
  });
  afterAll(() => t?.close());

  it('lets anonymous visitors read published records only, and write nothing', async () => {
    const hidden = (await admin.post('/api/organizations', { name_zh: '未公开机构甲', zone_id: zone.ZJ, kind: 'lab', published: false })).json();
    expect((await anon.get(`/api/organizations/${hidden.id}`)).statusCode).toBe(404);
    expect((await anon.get(`/api/organizations?q=${encodeURIComponent('未公开机构甲')}`)).json().total).toBe(0);
    expect((await anon.post('/api/organizations', { name_zh: '匿名', zone_id: zone.LZNA, kind: 'lab' })).statusCode).toBe(401);
  });

  it('keeps a zone operator inside their zone: no reading unpublished records of another zone, no writing there', async () => {
    const elsewhere = (await admin.post('/api/organizations', { name_zh: '张江未公开机构', zone_id: zone.ZJ, kind: 'lab', published: false })).json();
    const mine = (await admin.post('/api/organizations', { name_zh: '新区未公开机构', zone_id: zone.LZNA, kind: 'lab', published: false })).json();
    expect((await operator.get(`/api/organizations/${elsewhere.id}`)).statusCode).toBe(404);
    expect((await operator.get(`/api/organizations/${mine.id}`)).statusCode).toBe(200);
    expect((await operator.get(`/api/organizations?q=${encodeURIComponent('张江未公开机构')}`)).json().total).toBe(0);

    const published = (await anon.get(`/api/organizations?zone=${zone.ZJ}&limit=1`)).json().items[0];
    const write = await operator.patch(`/api/organizations/${published.id}`, { version: published.version, name_en: 'hijacked' });
    expect(write.statusCode).toBe(403);
    const create = await operator.post('/api/organizations', { name_zh: '越界', zone_id: zone.ZJ, kind: 'lab' });
    expect(create.statusCode).toBe(403);
    const move = await operator.patch(`/api/organizations/${mine.id}`, { version: mine.version, zone_id: zone.ZJ });
    expect(move.statusCode).toBe(403);
    const ok = await operator.patch(`/api/organizations/${mine.id}`, { version: mine.version, name_en: 'Mine' });
    expect(ok.statusCode).toBe(200);
    const zoneEdit = await operator.patch(`/api/zones/${zone.ZJ}`, { version: 1, name_en: 'x' });
    expect(zoneEdit.statusCode).toBe(403);
  });

  it('refuses a zone operator importing rows into another zone, writing nothing', async () => {
    const csv = 'name_zh,zone,kind,code\n新区企业,LZNA,enterprise,IMP-OK-1\n张江企业,ZJ,enterprise,IMP-BAD-1\n';
    const form = multipart('orgs.csv', csv);
    const res = await operator.request({ method: 'POST', url: '/api/imports/organizations?mode=commit', ...form });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.some((e: { line: number }) => e.line === 3)).toBe(true);
    expect((await admin.get('/api/organizations?q=IMP-OK-1')).json().total).toBe(0);
  });

  it('lets an organisation user edit only their own organisation and its statistics', async () => {
    const me = (await orgUser.get('/api/auth/me')).json().user;
    const own = (await orgUser.get(`/api/organizations/${me.organization_id}`)).json();
    expect((await orgUser.patch(`/api/organizations/${own.id}`, { version: own.version, website: 'https://example.org' })).statusCode).toBe(200);
    const other = (await anon.get('/api/organizations?limit=50')).json().items.find((o: { id: number }) => o.id !== own.id);
    expect((await orgUser.patch(`/api/organizations/${other.id}`, { version: other.version, website: 'https://x' })).statusCode).toBe(403);
    expect((await orgUser.post('/api/annual-statistics', { organization_id: own.id, year: 2015, operating_revenue: 100 })).statusCode).toBe(201);
    expect((await orgUser.post('/api/annual-statistics', { organization_id: other.id, year: 2015, operating_revenue: 100 })).statusCode).toBe(403);
    expect((await orgUser.post('/api/zones', { name_zh: '新园区', kind: 'park' })).statusCode).toBe(403);
  });

  it('requires the CSRF token on writes', async () => {
    const res = await operator.request({ method: 'POST', url: '/api/organizations', payload: { name_zh: 'x', zone_id: zone.LZNA, kind: 'lab' }, headers: { 'x-csrf-token': 'forged' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF');
  });

  it('rate-limits sign-in attempts', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      codes.push((await anon.post('/api/auth/login', { username: 'guesser', password: `wrong-${i}` })).statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes[11]).toBe(429);
  });

  it('tells the web app whether the caller may edit a record, and which entities organisation users may create', async () => {
    const me = (await orgUser.get('/api/auth/me')).json().user;
    const other = (await anon.get(`/api/organizations?zone=${zone.ZJ}&limit=1`)).json().items[0];
    expect((await orgUser.get(`/api/organizations/${me.organization_id}`)).json().may_edit).toBe(true);
    expect((await orgUser.get(`/api/organizations/${other.id}`)).json().may_edit).toBe(false);
    expect((await anon.get(`/api/organizations/${other.id}`)).json().may_edit).toBe(false);
    expect((await operator.get(`/api/organizations/${other.id}`)).json().may_edit).toBe(false);
    expect((await admin.get(`/api/organizations/${other.id}`)).json().may_edit).toBe(true);
    const lanzhou = (await anon.get(`/api/organizations?zone=${zone.LZNA}&limit=1`)).json().items[0];
    expect((await operator.get(`/api/organizations/${lanzhou.id}`)).json().may_edit).toBe(true);
    const metas = (await anon.get('/api/meta/entities')).json().entities as { name: string; orgUserMayWrite: boolean }[];
    expect(metas.find((m) => m.name === 'annual-statistics')?.orgUserMayWrite).toBe(true);
    expect(metas.find((m) => m.name === 'qualifications')?.orgUserMayWrite).toBe(false);
  });

  it('stores passwords as Argon2id hashes', async () => {
    const rows = await t.testDb.db.query<{ password_hash: string }>('select password_hash from users');
    expect(rows.every((r) => r.password_hash.startsWith('$argon2id$'))).toBe(true);
  });
});
