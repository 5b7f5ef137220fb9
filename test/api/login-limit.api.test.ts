import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app/build-app';
import { JobQueue } from '../../src/shared/jobs/job-queue';
import { LOGIN_ATTEMPTS_PER_ADDRESS } from '../../src/accounts/accounts.routes';
import { openTestDb, type TestDb } from '../helpers/test-db';

// Password spraying: many user names from one address. The limit is in memory, so one back end suffices.
describe('sign-in limits', () => {
  let testDb: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    testDb = await openTestDb('pglite');
    app = await buildApp({ db: testDb.db, jobs: new JobQueue(testDb.db, 50), trustProxy: true });
  });
  afterAll(async () => {
    await app.close();
    await testDb.drop();
  });

  const attempt = (username: string, from: string) => app.inject({
    method: 'POST', url: '/api/auth/login', payload: { username, password: 'wrong-password' },
    headers: { 'x-forwarded-for': from, 'accept-language': 'zh-CN' },
  });

  it('throttles one address trying many user names, and only that address', async () => {
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_ADDRESS; i++) expect((await attempt(`user${i}`, '198.51.100.7')).statusCode).toBe(401);
    const blocked = await attempt('someone-else', '198.51.100.7');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().title).toMatch(/尝试|次数|稍后/);
    expect((await attempt('user0', '198.51.100.8')).statusCode).toBe(401);
  });
});
