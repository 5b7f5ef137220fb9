import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app/build-app';
import { JobQueue } from '../../src/shared/jobs/job-queue';
import { openTestDb, type TestDb } from '../helpers/test-db';

describe('metrics and health', () => {
  let testDb: TestDb;
  let app: FastifyInstance;
  let withToken: FastifyInstance;
  let ready = false;
  beforeAll(async () => {
    testDb = await openTestDb('pglite');
    const jobs = new JobQueue(testDb.db, 50);
    app = await buildApp({ db: testDb.db, jobs, isReady: () => ready });
    withToken = await buildApp({ db: testDb.db, jobs, metricsToken: 'a-long-scrape-token-1234' });
  });
  afterAll(async () => {
    await app.close();
    await withToken.close();
    await testDb.drop();
  });

  it('answers liveness at once and readiness only when started', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/health/ready' })).statusCode).toBe(503);
    ready = true;
    expect((await app.inject({ method: 'GET', url: '/api/health/ready' })).json()).toEqual({ status: 'ok' });
  });

  it('counts requests by route pattern and reports the job queue and the matching index', async () => {
    await testDb.db.query(`insert into jobs (kind, payload) values ('import', '{}'), ('import', '{}')`);
    for (let i = 0; i < 3; i++) await app.inject({ method: 'GET', url: `/api/demands/${1000 + i}` });
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/kechuang_http_requests_total\{route="\/api\/demands\/:id",method="GET",status="\d{3}"\} 3/);
    expect(res.body).toMatch(/kechuang_http_request_duration_seconds_bucket\{le="[\d.]+",route="\/api\/demands\/:id",method="GET"\}/);
    expect(res.body).toContain('kechuang_jobs{kind="import",status="queued"} 2');
    expect(res.body).toMatch(/kechuang_jobs_oldest_queued_seconds \d/);
    expect(res.body).toMatch(/kechuang_matching_index_items\{kind="offers"\} \d+/);
    expect(res.body).toContain('kechuang_process_cpu_seconds_total');
  });

  it('refuses scrapes through a proxy without the token, and checks the token when one is set', async () => {
    expect((await app.inject({ method: 'GET', url: '/metrics', headers: { 'x-forwarded-for': '203.0.113.5' } })).statusCode).toBe(403);
    expect((await withToken.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(403);
    expect((await withToken.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer a-long-scrape-token-1234' } })).statusCode).toBe(200);
  });
});
