import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/accounts/accounts.service';
import { BACKENDS } from '../helpers/test-db';
import { Client, startTestApp, type TestApp } from '../helpers/test-app';
import { ROLES, ROUTE_ACCESS, type Role } from './route-access';

/**
 * The authorization suite, part 2: every route of the app (from its OpenAPI document) for every role, against the
 * table in route-access.ts. A new route without an entry there fails this test; so does any 5xx, and any change in
 * who gets what. The requests use fixtures of zone A (Lanzhou New Area) that are unpublished and belong to the
 * organisation user's organisation, so that each role's view differs: anonymous, admin, the operator of zone A, the
 * operator of zone B (Zhangjiang) and the organisation user.
 * Set KECHUANG_RECORD_ROUTE_ACCESS=1 to print the observed table (to review, then paste into route-access.ts).
 */
const future = `${new Date().getFullYear() + 1}-06-30`;

describe.each(BACKENDS)('every route for every role on %s', (backend) => {
  let t: TestApp;
  const clients = {} as Record<Role, Client>;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await startTestApp(backend, { orgs: 10 });
    const admin = await new Client(t.app).login('admin');
    const anon = new Client(t.app);
    const zone = Object.fromEntries((await anon.get('/api/zones?limit=100')).json().items.map((z: { code: string; id: number }) => [z.code, z.id]));
    await createUser(t.testDb.db, { username: 'operator-b', password: 'operator-b-pw', displayName: 'Zone B operator', role: 'zone_operator', zoneId: zone.ZJ });
    Object.assign(clients, {
      anonymous: anon,
      orgUser: await new Client(t.app).login('orguser'),
      operatorB: await new Client(t.app).loginWith({ username: 'operator-b', password: 'operator-b-pw' }),
      operatorA: await new Client(t.app).login('operator'),
      admin,
    });
    const org = (await clients.orgUser.get('/api/auth/me')).json().user.organization_id as number;
    const own = (await admin.get(`/api/organizations/${org}`)).json();
    expect(own.zone_id).toBe(zone.LZNA);
    await admin.patch(`/api/organizations/${org}`, { version: own.version, published: false });
    const made = async (url: string, body: object) => {
      const res = await admin.post(url, body);
      if (res.statusCode !== 201) throw new Error(`${url}: ${res.body}`);
      return res.json().id as number;
    };
    Object.assign(ids, {
      zones: zone.LZNA,
      organizations: org,
      qualifications: await made('/api/qualifications', { organization_id: org, type: 'tech_sme', valid_from: '2024-01-01', published: false }),
      people: await made('/api/people', { name_zh: '路由测试人员', zone_id: zone.LZNA, organization_id: org, email: 'r@example.org', published: false }),
      achievements: await made('/api/achievements', { title: '路由测试成果', organization_id: org, kind: 'invention_patent', published: false }),
      projects: await made('/api/projects', { name_zh: '路由测试项目', zone_id: zone.LZNA, kind: 'rd', status: 'planned', published: false }),
      'annual-statistics': await made('/api/annual-statistics', { organization_id: org, year: 2021, staff: 5 }),
      'zone-facts': await made('/api/zone-facts', { zone_id: zone.LZNA, metric: '路由测试', value: 1, unit: '个', period: '2023', source: 'test', published: false }),
      demands: await made('/api/demands', { title: '路由测试需求：铜箔连续制备', description: '路由测试需求的描述，铜箔连续化制备与表面处理，用于动力电池集流体。', organization_id: org, deadline: future }),
      offers: await made('/api/offers', { title: '路由测试成果：超薄铜箔', summary: '路由测试成果的摘要，超薄电解铜箔连续化制备及表面处理工艺。', organization_id: org }),
      challenges: await made('/api/transfer/challenges', { zone_id: zone.LZNA, title: '路由测试挑战', opens_on: '2025-01-01', closes_on: future }),
      indicators: (await anon.get('/api/indicators')).json().items[0].id,
      frameworks: (await anon.get('/api/frameworks')).json().items[0].id,
    });
    ids.cases = await made('/api/transfer/cases', { demand_id: ids.demands, offer_id: ids.offers });
  });
  afterAll(() => t?.close());

  /** A concrete URL for a route of the OpenAPI document: its path parameters filled with the fixtures. */
  function urlOf(path: string): string {
    const segments = path.split('/');
    return segments.map((s, i) => {
      if (s === '{entity}') return 'organizations';
      if (s === '{resultId}') return String(ids.offers);
      if (!s.startsWith('{')) return s;
      const owner = segments[i - 1]!;
      return String(ids[owner] ?? 987654321);
    }).join('/');
  }

  it('answers every route for every role as the table says, and never with a 5xx', async () => {
    await t.app.ready();
    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    // Signing out ends the session the other routes use: it goes last.
    routes.sort((a, b) => Number(a.endsWith('/logout')) - Number(b.endsWith('/logout')));
    const observed: Record<string, number[]> = {};
    for (const route of routes) {
      const [method, path] = route.split(' ') as [string, string];
      observed[route] = [];
      for (const role of ROLES) {
        const res = await clients[role].request({ method: method as 'GET', url: urlOf(path), ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }) });
        observed[route]!.push(res.statusCode);
      }
    }
    if (process.env.KECHUANG_RECORD_ROUTE_ACCESS) {
      console.log(Object.entries(observed).map(([r, s]) => `  '${r}': [${s.join(', ')}],`).join('\n'));
    }
    const failures: string[] = [];
    for (const [route, statuses] of Object.entries(observed)) {
      statuses.forEach((s, i) => { if (s >= 500) failures.push(`${route} as ${ROLES[i]}: ${s}`); });
      const expected = ROUTE_ACCESS[route];
      if (!expected) failures.push(`${route}: no entry in test/api/route-access.ts (who may call it?)`);
      else if (expected.join() !== statuses.join()) failures.push(`${route}: expected [${expected.join(', ')}], got [${statuses.join(', ')}] for ${ROLES.join(', ')}`);
      // Anonymous callers change nothing: a write answered 2xx must be one of the few public ones.
      if (!route.startsWith('GET') && statuses[0]! < 300 && !PUBLIC_WRITES.has(route)) failures.push(`${route}: anonymous write answered ${statuses[0]}`);
    }
    for (const route of Object.keys(ROUTE_ACCESS)) if (!observed[route]) failures.push(`${route}: in the table but no longer a route`);
    expect(failures).toEqual([]);
  }, 240_000);
});

/** Writes an anonymous visitor may make: signing in and out, and scoring a draft that is not stored. */
const PUBLIC_WRITES = new Set(['POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/transfer/quality/demand', 'POST /api/transfer/quality/offer']);
