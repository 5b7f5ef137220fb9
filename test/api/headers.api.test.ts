import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app/build-app';
import { JobQueue } from '../../src/shared/jobs/job-queue';
import { loadDemo, DEMO_USERS } from '../../src/registry/demo/load-demo';
import { cacheControlFor } from '../../src/shared/http/security-headers';
import { openTestDb, type TestDb } from '../helpers/test-db';
import type { FastifyInstance } from 'fastify';

// Headers do not depend on the database back end: one (embedded) is enough here.
describe('response headers', () => {
  let testDb: TestDb;
  let app: FastifyInstance;
  let proxied: FastifyInstance;
  beforeAll(async () => {
    testDb = await openTestDb('pglite');
    await loadDemo(testDb.db, { generatedOrganizations: 300 });
    const jobs = new JobQueue(testDb.db, 50);
    app = await buildApp({ db: testDb.db, jobs });
    proxied = await buildApp({ db: testDb.db, jobs, trustProxy: true });
  });
  afterAll(async () => {
    await app.close();
    await proxied.close();
    await testDb.drop();
  });

  it('sends CSP, nosniff, frame and referrer policies on API answers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });

  it('compresses large answers for clients that accept it', async () => {
    const plain = await app.inject({ method: 'GET', url: '/api/organizations?limit=200' });
    const zipped = await app.inject({ method: 'GET', url: '/api/organizations?limit=200', headers: { 'accept-encoding': 'gzip' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
  });

  it('marks the session cookie Secure behind a trusted TLS proxy only', async () => {
    const direct = await app.inject({ method: 'POST', url: '/api/auth/login', payload: DEMO_USERS.admin, headers: { 'x-forwarded-proto': 'https' } });
    expect(String(direct.headers['set-cookie'])).not.toMatch(/Secure/i);
    const viaProxy = await proxied.inject({ method: 'POST', url: '/api/auth/login', payload: DEMO_USERS.admin, headers: { 'x-forwarded-proto': 'https' } });
    expect(viaProxy.statusCode).toBe(200);
    expect(String(viaProxy.headers['set-cookie'])).toMatch(/Secure/i);
  });

  it('rate-limits anonymous PDF report downloads by address, not signed-in users', async () => {
    // The report route asks this server's own evaluation API first, so it needs a real listening port.
    const base = await proxied.listen({ port: 0, host: '127.0.0.1' });
    const get = (from: string, cookie?: string) =>
      fetch(`${base}/api/zones/999999/evaluation.pdf?framework=1`, { headers: { 'x-forwarded-for': from, ...(cookie ? { cookie } : {}) } }).then((r) => r.status);
    const anonymous = [];
    for (let i = 0; i < 7; i++) anonymous.push(await get('203.0.113.9'));
    // No such zone: the evaluation API's own problem, until the limit answers instead.
    const refused = anonymous[0]!;
    expect(refused).toBeGreaterThanOrEqual(400);
    expect(refused).not.toBe(429);
    expect(anonymous).toEqual([refused, refused, refused, refused, refused, refused, 429]);
    // Another address is not affected, and a signed-in user is never limited.
    expect(await get('203.0.113.10')).toBe(refused);
    const login = await proxied.inject({ method: 'POST', url: '/api/auth/login', payload: DEMO_USERS.admin });
    expect(await get('203.0.113.9', String(login.headers['set-cookie']).split(';')[0])).toBe(refused);
  });

  it('lets browsers keep hashed assets for a year and revalidate the rest', () => {
    expect(cacheControlFor('/srv/web/dist/assets/index-B1x9_kQz.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('/srv/web/dist/index.html')).toBe('no-cache');
    expect(cacheControlFor('/srv/web/dist/favicon.svg')).toBe('no-cache');
  });
});
