import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app/build-app';
import { openDb, type Db } from '../../src/shared/db';
import { JobQueue } from '../../src/shared/jobs/job-queue';
import { LOGIN_ATTEMPTS_PER_ADDRESS, LOGIN_ATTEMPTS_PER_USER } from '../../src/accounts/accounts.routes';
import { BACKENDS, openTestDb, type TestDb } from '../helpers/test-db';

/**
 * Two app instances, each with its own connection pool, on one PostgreSQL database (as behind a proxy,
 * docs/scaling.md): the sign-in limits are counted in the database, so attempts spread over both instances meet
 * one limit, not one per instance.
 */
const SKIP = !BACKENDS.includes('postgres');
if (SKIP) console.warn('test/api/login-limit-instances.api.test.ts skipped: the PostgreSQL server is not among KECHUANG_TEST_BACKENDS');

describe.skipIf(SKIP)('sign-in limits shared by two instances on one database', () => {
  let testDb: TestDb;
  let secondDb: Db;
  let a: FastifyInstance;
  let b: FastifyInstance;
  beforeAll(async () => {
    testDb = await openTestDb('postgres');
    secondDb = await openDb({ databaseUrl: testDb.url! });
    a = await buildApp({ db: testDb.db, jobs: new JobQueue(testDb.db, 50), trustProxy: true });
    b = await buildApp({ db: secondDb, jobs: new JobQueue(secondDb, 50), trustProxy: true });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await secondDb?.close();
    await testDb?.drop();
  });

  const attempt = (app: FastifyInstance, username: string, from: string) => app.inject({
    method: 'POST', url: '/api/auth/login', payload: { username, password: 'wrong-password' },
    headers: { 'x-forwarded-for': from, 'accept-language': 'en' },
  });

  it('counts one address trying many user names across both instances', async () => {
    const statuses: number[] = [];
    // Alternating instances: each sees only half the attempts, so a per-instance count would never reach the limit.
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_ADDRESS; i++) statuses.push((await attempt(i % 2 ? b : a, `spray${i}`, '203.0.113.5')).statusCode);
    expect(statuses.every((s) => s === 401)).toBe(true);
    for (const app of [a, b]) {
      const blocked = await attempt(app, 'one-more', '203.0.113.5');
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().code).toBe('RATE_LIMITED');
      expect(blocked.json().title).toMatch(/try again in \d+ s/);
    }
    expect((await attempt(b, 'spray0', '203.0.113.6')).statusCode).toBe(401);
  });

  it('counts one address and user name across both instances, without stopping that user elsewhere', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_USER; i++) statuses.push((await attempt(i % 2 ? a : b, 'guessed', '203.0.113.9')).statusCode);
    expect(statuses.every((s) => s === 401)).toBe(true);
    expect((await attempt(a, 'guessed', '203.0.113.9')).statusCode).toBe(429);
    expect((await attempt(b, 'guessed', '203.0.113.9')).statusCode).toBe(429);
    expect((await attempt(a, 'guessed', '203.0.113.10')).statusCode).toBe(401);
    expect((await attempt(b, 'someone-else', '203.0.113.9')).statusCode).toBe(401);
  });

  it('starts a new window once the minute is over', async () => {
    expect((await attempt(a, 'guessed', '203.0.113.9')).statusCode).toBe(429);
    // As if the minute had passed: the window of this address and user name began 61 seconds ago.
    await testDb.db.query(`update rate_limit_windows set window_start = now() - interval '61 seconds' where key = 'sign-in-user|203.0.113.9|guessed'`);
    expect((await attempt(b, 'guessed', '203.0.113.9')).statusCode).toBe(401);
    const [row] = await testDb.db.query<{ hits: number }>(`select hits from rate_limit_windows where key = 'sign-in-user|203.0.113.9|guessed'`);
    expect(row!.hits).toBe(1);
  });

  it('deletes windows that ended more than an hour ago', async () => {
    await testDb.db.query(`insert into rate_limit_windows (key, window_start, hits) values ('sign-in|old', now() - interval '2 hours', 3)`);
    // The sweep runs with the first attempt of a limiter after a minute; a new instance's limiter sweeps at once.
    const c = await buildApp({ db: secondDb, jobs: new JobQueue(secondDb, 50), trustProxy: true });
    try {
      await attempt(c, 'sweeper', '203.0.113.77');
      await expect.poll(async () => (await testDb.db.query(`select 1 from rate_limit_windows where key = 'sign-in|old'`)).length, { timeout: 5000 }).toBe(0);
    } finally {
      await c.close();
    }
  });
});
