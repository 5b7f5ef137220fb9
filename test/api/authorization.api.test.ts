import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/accounts/accounts.service';
import { BACKENDS } from '../helpers/test-db';
import { Client, startTestApp, type TestApp, demoClients } from '../helpers/test-app';
import { GOOD_DEMAND, COPPER_OFFER } from '../helpers/transfer-fixtures';

/**
 * The authorization suite, part 1: the access holes of issue 12, each a test that failed before its fix. Part 2, every
 * route for every role, is in authorization-routes.api.test.ts. (Roles, zone scope and sessions in general:
 * access.api.test.ts.)
 */

describe.each(BACKENDS)('authorization (issue 12) on %s', (backend) => {
  let t: TestApp;
  let admin: Client;
  let operator: Client; // operator of Lanzhou New Area (zone A)
  let operatorB: Client; // operator of Zhangjiang (zone B)
  let orgUser: Client;
  let anon: Client;
  let zone: Record<string, number>;
  let ownOrg: number;

  beforeAll(async () => {
    t = await startTestApp(backend, { orgs: 20 });
    ({ admin, operator, orgUser, anon } = await demoClients(t.app));
    zone = Object.fromEntries((await anon.get('/api/zones?limit=100')).json().items.map((z: { code: string; id: number }) => [z.code, z.id]));
    await createUser(t.testDb.db, { username: 'operator-zj', password: 'operator-zj-pw', displayName: 'ZJ operator', role: 'zone_operator', zoneId: zone.ZJ });
    operatorB = await new Client(t.app).loginWith({ username: 'operator-zj', password: 'operator-zj-pw' });
    ownOrg = (await orgUser.get('/api/auth/me')).json().user.organization_id;
  });
  afterAll(() => t?.close());

  it('lets only an admin change a zone\'s parent; an operator creates zones only inside their subtree', async () => {
    const lzna = (await admin.get(`/api/zones/${zone.LZNA}`)).json();
    expect((await operator.patch(`/api/zones/${zone.LZNA}`, { version: lzna.version, parent_id: zone.ZJ })).statusCode).toBe(403);
    expect((await operator.patch(`/api/zones/${zone.LZNA}`, { version: lzna.version, parent_id: null })).statusCode).toBe(403);
    expect((await admin.get(`/api/zones/${zone.LZNA}`)).json().parent_id).toBe(lzna.parent_id);
    // Other changes of their own zone stay theirs, also when the unchanged parent is sent along.
    expect((await operator.patch(`/api/zones/${zone.LZNA}`, { version: lzna.version, parent_id: lzna.parent_id, name_en: 'Lanzhou New Area' })).statusCode).toBe(200);
    const inside = await operator.post('/api/zones', { name_zh: '新区子园区', kind: 'park', parent_id: zone.LZNA });
    expect(inside.statusCode).toBe(201);
    expect((await operator.post('/api/zones', { name_zh: '越界子园区', kind: 'park', parent_id: zone.ZJ })).statusCode).toBe(403);
    expect((await operator.post('/api/zones', { name_zh: '顶层园区', kind: 'park' })).statusCode).toBe(403);
    // A sub-zone of theirs cannot be hung elsewhere either.
    const sub = inside.json();
    expect((await operator.patch(`/api/zones/${sub.id}`, { version: sub.version, parent_id: zone.ZJ })).statusCode).toBe(403);
    const moved = await admin.patch(`/api/zones/${sub.id}`, { version: sub.version, parent_id: zone.LZHTZ });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().parent_id).toBe(zone.LZHTZ);
  });

  it('lets no organisation user move their organisation; a broker\'s move takes its records along', async () => {
    const own = (await admin.get(`/api/organizations/${ownOrg}`)).json();
    expect((await orgUser.patch(`/api/organizations/${ownOrg}`, { version: own.version, zone_id: zone.ZJ })).statusCode).toBe(403);
    expect((await admin.get(`/api/organizations/${ownOrg}`)).json().zone_id).toBe(own.zone_id);

    const org = (await admin.post('/api/organizations', { name_zh: '迁移测试机构', zone_id: zone.LZNA, kind: 'enterprise' })).json();
    const stat = (await admin.post('/api/annual-statistics', { organization_id: org.id, year: 2022, staff: 10 })).json();
    const demand = (await admin.post('/api/demands', { ...GOOD_DEMAND, organization_id: org.id })).json();
    // The zone A operator may not move it into zone B (not theirs); an admin may.
    expect((await operator.patch(`/api/organizations/${org.id}`, { version: org.version, zone_id: zone.ZJ })).statusCode).toBe(403);
    const moved = await admin.patch(`/api/organizations/${org.id}`, { version: org.version, zone_id: zone.ZJ });
    expect(moved.statusCode).toBe(200);
    expect((await admin.get(`/api/annual-statistics/${stat.id}`)).json().zone_id).toBe(zone.ZJ);
    expect((await admin.get(`/api/demands/${demand.id}`)).json().zone_id).toBe(zone.ZJ);
    const trail = (await admin.get(`/api/demands/${demand.id}/audit`)).json().items;
    expect(trail[0]).toMatchObject({ action: 'move-with-organization', before: { zone_id: zone.LZNA }, after: { zone_id: zone.ZJ } });
    // The records now belong to zone B's operator, no longer to zone A's.
    expect((await operator.get(`/api/annual-statistics/${stat.id}`)).statusCode).toBe(404);
    expect((await operatorB.get(`/api/annual-statistics/${stat.id}`)).statusCode).toBe(200);
  });

  it('shows references to records the caller may not see without their names, and refuses them on writes', async () => {
    const hidden = (await admin.post('/api/organizations', { name_zh: '隐藏的张江机构', name_en: 'Hidden ZJ org', zone_id: zone.ZJ, kind: 'lab', published: false })).json();
    const qual = (await admin.post('/api/qualifications', { organization_id: hidden.id, type: 'hightech_enterprise', valid_from: '2023-01-01', published: true })).json();
    expect(qual.refs.organization_id.name_zh).toBe('隐藏的张江机构');
    const list = (await anon.get('/api/qualifications?limit=500')).json();
    const shown = list.items.find((q: { id: number }) => q.id === qual.id);
    expect(shown.refs.organization_id).toEqual({ id: hidden.id, code: null, name_zh: null, name_en: null, hidden: true });
    expect(JSON.stringify(list)).not.toContain('隐藏的张江机构');
    expect((await anon.get(`/api/qualifications/${qual.id}`)).json().refs.organization_id.hidden).toBe(true);
    const csv = (await anon.get('/api/exports/qualifications?format=csv')).body;
    expect(csv).not.toContain(hidden.code);
    expect((await operatorB.get(`/api/qualifications/${qual.id}`)).json().refs.organization_id.name_zh).toBe('隐藏的张江机构');
    // Walking ids through a create: an invisible record is refused like a missing one, and its name never comes back.
    const walk = await operator.post('/api/projects', { name_zh: '探测项目', zone_id: zone.LZNA, kind: 'rd', status: 'planned', lead_organization_id: hidden.id });
    expect(walk.statusCode).toBe(400);
    expect(walk.json().errors[0].field).toBe('lead_organization_id');
    expect(walk.body).not.toContain('隐藏的张江机构');
    const missing = await operator.post('/api/projects', { name_zh: '探测项目', zone_id: zone.LZNA, kind: 'rd', status: 'planned', lead_organization_id: 987654321 });
    expect(missing.json().errors[0].message.replace('987654321', String(hidden.id))).toBe(walk.json().errors[0].message);
  });

  it('explains matches to anonymous callers without terms that occur only in NDA-tier fields', async () => {
    const orgL = (await admin.post('/api/organizations', { name_zh: '保密需求方', zone_id: zone.LZNA, kind: 'enterprise' })).json().id;
    const orgO = (await admin.post('/api/organizations', { name_zh: '涂层成果方', zone_id: zone.LZNA, kind: 'enterprise' })).json().id;
    // The secret word is in the NDA-tier description only; the offer mentions it openly.
    const demand = (await admin.post('/api/demands', { ...GOOD_DEMAND, organization_id: orgL, description: `${GOOD_DEMAND.description}关键是石墨烯涂层：石墨烯涂层的附着力、石墨烯涂层的导热。` })).json();
    const version = (await admin.get(`/api/demands/${demand.id}`)).json().version;
    expect((await admin.request({ method: 'PUT', url: `/api/demands/${demand.id}/disclosure`, payload: { version, tiers: { description: 'nda', problem: 'nda', target_indicators: 'nda', acceptance_criteria: 'nda' } } })).statusCode).toBe(200);
    await admin.post(`/api/demands/${demand.id}/status`, { action: 'submit' });
    expect((await admin.post(`/api/demands/${demand.id}/status`, { action: 'publish' })).statusCode).toBe(200);
    const offer = (await admin.post('/api/offers', { ...COPPER_OFFER, organization_id: orgO, title: '石墨烯涂层超薄铜箔', summary: `${COPPER_OFFER.summary}石墨烯涂层工艺成熟，石墨烯涂层附着力强。` })).json();
    await admin.post(`/api/offers/${offer.id}/status`, { action: 'submit' });
    expect((await admin.post(`/api/offers/${offer.id}/status`, { action: 'publish' })).statusCode).toBe(200);
    const forAdmin = (await admin.get(`/api/demands/${demand.id}/matches?limit=50`)).json();
    const adminHit = forAdmin.items.find((i: { id: number }) => i.id === offer.id);
    // The broker may see the description: the word explains the match to them.
    expect(adminHit.why.join(' ')).toMatch(/石墨烯/);
    const forAnon = await anon.get(`/api/demands/${demand.id}/matches?limit=50`);
    expect(forAnon.statusCode).toBe(200);
    const words = forAnon.json().items.flatMap((i: { why: string[] }) => i.why).join(' ');
    expect(words).not.toMatch(/石墨烯/);
  });

  it('opens a case only when the caller may see both the demand and the offer', async () => {
    const orgL = (await admin.post('/api/organizations', { name_zh: '案件需求方', zone_id: zone.LZNA, kind: 'enterprise' })).json().id;
    const orgZ = (await admin.post('/api/organizations', { name_zh: '案件张江成果方', zone_id: zone.ZJ, kind: 'enterprise' })).json().id;
    const demand = (await admin.post('/api/demands', { ...GOOD_DEMAND, organization_id: orgL })).json();
    const draftOffer = (await admin.post('/api/offers', { ...COPPER_OFFER, organization_id: orgZ })).json();
    const res = await operator.post('/api/transfer/cases', { demand_id: demand.id, offer_id: draftOffer.id });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(COPPER_OFFER.title);
    await admin.post(`/api/offers/${draftOffer.id}/status`, { action: 'submit' });
    expect((await admin.post(`/api/offers/${draftOffer.id}/status`, { action: 'publish' })).statusCode).toBe(200);
    expect((await operator.post('/api/transfer/cases', { demand_id: demand.id, offer_id: draftOffer.id })).statusCode).toBe(201);
  });

  it('shows audit trails to admins, the zone\'s operators and the record\'s own organisation only', async () => {
    const own = `/api/organizations/${ownOrg}/audit`;
    expect((await anon.get(own)).statusCode).toBe(401);
    expect((await operatorB.get(own)).statusCode).toBe(403);
    expect((await operator.get(own)).statusCode).toBe(200);
    expect((await orgUser.get(own)).statusCode).toBe(200);
    expect((await admin.get(own)).statusCode).toBe(200);
    const other = (await admin.post('/api/organizations', { name_zh: '审计他方机构', zone_id: zone.LZNA, kind: 'lab' })).json();
    expect((await orgUser.get(`/api/organizations/${other.id}/audit`)).statusCode).toBe(403);
    expect((await anon.get(`/api/zones/${zone.LZNA}/audit`)).statusCode).toBe(401);
    expect((await operatorB.get(`/api/zones/${zone.LZNA}/audit`)).statusCode).toBe(403);
  });

  it('checks the version of disclosure-tier changes, and patches indicators only where named', async () => {
    const org = (await admin.post('/api/organizations', { name_zh: '分级并发机构', zone_id: zone.LZNA, kind: 'enterprise' })).json().id;
    const demand = (await admin.post('/api/demands', { ...GOOD_DEMAND, organization_id: org })).json();
    const info = (await admin.get(`/api/demands/${demand.id}/disclosure`)).json();
    const a = await admin.request({ method: 'PUT', url: `/api/demands/${demand.id}/disclosure`, payload: { version: info.version, tiers: { description: 'nda' } } });
    const b = await operator.request({ method: 'PUT', url: `/api/demands/${demand.id}/disclosure`, payload: { version: info.version, tiers: { budget_max: 'signed_in' } } });
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect((await admin.get(`/api/demands/${demand.id}/disclosure`)).json().tiers.description).toBe('nda');
    expect((await admin.request({ method: 'PUT', url: `/api/demands/${demand.id}/disclosure`, payload: { tiers: {} } })).statusCode).toBe(400);

    const indicator = (await admin.post('/api/indicators', { code: 'TEST_LOWER_BETTER', name_zh: '越低越好', unit: 'percent', direction: -1, kind: 'entered', params: {} }));
    expect(indicator.statusCode, indicator.body).toBe(201);
    const changed = await admin.patch(`/api/indicators/${indicator.json().id}`, { description: '只改说明' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ description: '只改说明', direction: -1 });
  });

  it('shows people\'s e-mail addresses only to brokers, admins and the person\'s own organisation', async () => {
    const mine = (await admin.post('/api/people', { name_zh: '本单位专家', zone_id: zone.LZNA, organization_id: ownOrg, email: 'own@example.org', is_expert: true })).json();
    const other = (await admin.post('/api/people', { name_zh: '外单位专家', zone_id: zone.ZJ, email: 'other@example.org', is_expert: true })).json();
    for (const p of [mine, other]) {
      expect((await anon.get(`/api/people/${p.id}`)).json().email).toBeNull();
      expect((await admin.get(`/api/people/${p.id}`)).json().email).not.toBeNull();
      expect((await operator.get(`/api/people/${p.id}`)).json().email).not.toBeNull();
    }
    expect((await orgUser.get(`/api/people/${mine.id}`)).json().email).toBe('own@example.org');
    expect((await orgUser.get(`/api/people/${other.id}`)).json().email).toBeNull();
    const list = await anon.get('/api/people?limit=500');
    expect(list.body).not.toContain('@example.org');
    expect((await anon.get('/api/exports/people?format=json')).body).not.toContain('@example.org');
  });
});
