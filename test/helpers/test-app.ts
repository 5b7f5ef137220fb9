import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../../src/app/build-app';
import { JobQueue } from '../../src/shared/jobs/job-queue';
import { defineJobs } from '../../src/app/jobs';
import { loadDemo, DEMO_USERS } from '../../src/registry/demo/load-demo';
import { loadShippedFrameworks } from '../../src/evaluation/indicators/evaluation.routes';
import { openTestDb, type Backend, type TestDb } from './test-db';

/** The HTTP app on a fresh database with a small demo region, driven through inject() with no open port. */
export interface TestApp {
  app: FastifyInstance;
  testDb: TestDb;
  jobs: JobQueue;
  close(): Promise<void>;
}

export async function startTestApp(backend: Backend, opts: { demo?: boolean; orgs?: number } = {}): Promise<TestApp> {
  const testDb = await openTestDb(backend);
  await loadShippedFrameworks(testDb.db);
  if (opts.demo !== false) await loadDemo(testDb.db, { generatedOrganizations: opts.orgs ?? 60 });
  const jobs = new JobQueue(testDb.db, 50);
  defineJobs(jobs, testDb.db);
  const app = await buildApp({ db: testDb.db, jobs });
  await jobs.start();
  return {
    app, testDb, jobs,
    async close() {
      await jobs.stop();
      await app.close();
      await testDb.drop();
    },
  };
}

/** The demo's three signed-in roles and an anonymous visitor, for tests that compare what each may do. */
export async function demoClients(app: FastifyInstance) {
  return {
    admin: await new Client(app).login('admin'),
    operator: await new Client(app).login('operator'),
    orgUser: await new Client(app).login('orguser'),
    anon: new Client(app),
  };
}

/** A signed-in client: keeps the session cookie and sends the CSRF token with every write. */
export class Client {
  private cookie = '';
  private csrf = '';
  constructor(private readonly app: FastifyInstance, private readonly lang = 'en') {}

  async login(who: 'admin' | 'operator' | 'orguser'): Promise<this> {
    return this.loginWith(DEMO_USERS[who === 'orguser' ? 'orgUser' : who]);
  }

  /** Signs in as any user (e.g. one a test created with createUser). */
  async loginWith(credentials: { username: string; password: string }): Promise<this> {
    const who = credentials.username;
    const res = await this.app.inject({ method: 'POST', url: '/api/auth/login', payload: credentials });
    if (res.statusCode !== 200) throw new Error(`login as ${who} failed: ${res.body}`);
    this.cookie = String(res.headers['set-cookie']).split(';')[0]!;
    this.csrf = res.json().csrfToken;
    return this;
  }

  request(opts: InjectOptions) {
    return this.app.inject({
      ...opts,
      headers: { 'accept-language': this.lang, ...(this.cookie ? { cookie: this.cookie, 'x-csrf-token': this.csrf } : {}), ...(opts.headers ?? {}) },
    });
  }
  get(url: string) { return this.request({ method: 'GET', url }); }
  post(url: string, payload?: object) { return this.request({ method: 'POST', url, payload }); }
  patch(url: string, payload: object) { return this.request({ method: 'PATCH', url, payload }); }
}

/** A multipart/form-data body with one file in the field "file", as the web app sends it. */
export function multipart(fileName: string, content: string | Uint8Array) {
  const boundary = '----kechuang-test-boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const body = Buffer.concat([head, typeof content === 'string' ? Buffer.from(content) : Buffer.from(content), tail]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
