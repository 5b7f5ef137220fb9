import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Db } from '../shared/db';
import type { Actor } from '../shared/access/actor';
import { AppError } from '../shared/http/errors';
import { cacheControlFor, registerSecurityHeaders } from '../shared/http/security-headers';
import { registerMetrics } from '../shared/http/metrics';
import { registerIdempotency } from '../shared/http/idempotency';
import { sendProblem } from '../shared/http/problem';
import { registerInputGuards } from '../shared/http/input-guards';
import { registerOpenApi } from '../shared/http/openapi';
import { registerReadRouting } from '../shared/http/read-routing';
import type { ReadReplica } from '../shared/db/read-replica';
import { recordRoutes } from '../shared/records/record-routes';
import { metaRoutes } from '../shared/records/meta.routes';
import { allEntities } from '../shared/records/registry-of-entities';
import { accountsRoutes, SESSION_COOKIE } from '../accounts/accounts.routes';
import { accountManagementRoutes } from '../accounts/account-management.routes';
import { auditRoutes } from '../shared/audit/audit.routes';
import { sessionOf } from '../accounts/accounts.service';
import { registryRoutes } from '../registry/registry.routes';
import { fileRoutes } from '../shared/records/file.routes';
import { indicatorValuesImportRoutes } from '../evaluation/indicators/indicator-values.import';
import { jobRoutes } from '../shared/jobs/job.routes';
import type { JobQueue } from '../shared/jobs/job-queue';
import { startMatching, transferRoutes } from '../transfer/workflow';
import { evaluationRoutes } from '../evaluation/indicators/evaluation.routes';
import { reportRoutes } from '../evaluation/report/report.routes';
import { policyRoutes } from '../policy/policy.routes';
import { intelligenceRoutes } from '../intelligence/intelligence.routes';
import './entities';

export interface AppOptions {
  db: Db;
  jobs: JobQueue;
  /** Pino logger options; false in tests. */
  logger?: boolean | object;
  /** Becomes true once migrations and demo data are in place; /api/health reports it. */
  isReady?: () => boolean;
  /** Trust X-Forwarded-* from a reverse proxy (KECHUANG_TRUST_PROXY), so the session cookie is Secure behind TLS. */
  trustProxy?: boolean | string;
  /** Bearer token Prometheus must send to GET /metrics; without it only direct loopback scrapes are answered. */
  metricsToken?: string;
  /** DATABASE_READ_URL: read routes use req.readDb, which reads from this replica (read-your-writes per user). */
  readReplica?: ReadReplica;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
  }
}

// KECHUANG_WEB_DIST serves a web build from elsewhere (a browser check of a build kept apart from web/dist).
const WEB_DIST = process.env.KECHUANG_WEB_DIST ? `${process.env.KECHUANG_WEB_DIST.replace(/\/$/, '')}/` : fileURLToPath(new URL('../../web/dist/', import.meta.url));
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Builds the HTTP application without listening, so tests call app.inject() with no open port. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { db } = options;
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 50 * 1024 * 1024, trustProxy: options.trustProxy ?? false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(sendProblem);
  registerInputGuards(app);

  await registerSecurityHeaders(app);
  await app.register(cookie);
  // preHandler, so that the sign-in limit can key on the user name in the parsed body.
  await app.register(rateLimit, { global: false, hook: 'preHandler' });
  await app.register(multipart, { limits: { fileSize: 200 * 1024 * 1024, files: 1 } });
  await registerOpenApi(app, { sessionCookie: SESSION_COOKIE });

  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await sessionOf(db, token);
    if (!session) return;
    // Writes must carry the session's CSRF token in a header a cross-site form cannot set.
    if (!SAFE_METHODS.has(req.method) && req.url !== '/api/auth/login' && req.headers['x-csrf-token'] !== session.csrfToken) {
      throw new AppError('CSRF', 'problem.csrf');
    }
    req.actor = session.actor;
    req.csrfToken = session.csrfToken;
  });
  registerReadRouting(app, db, options.readReplica);

  registerIdempotency(app, db);
  const actorOf = (req: FastifyRequest) => req.actor;
  const metrics = registerMetrics(app, db, options.metricsToken);
  app.get('/api/health', { schema: { tags: ['meta'], summary: 'Ready once migrations and demo data are in place' } }, async (_req, reply) => {
    const ready = options.isReady?.() ?? true;
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ok' : 'starting' });
  });
  // Liveness: the process answers (restart it if not). Readiness: it may take traffic (started, database reachable).
  app.get('/api/health/live', { schema: { tags: ['meta'], summary: 'Liveness: the process answers' } }, async () => ({ status: 'ok' }));
  app.get('/api/health/ready', { schema: { tags: ['meta'], summary: 'Readiness: started and the database answers' } }, async (req, reply) => {
    if (!(options.isReady?.() ?? true)) return reply.status(503).send({ status: 'starting' });
    try {
      await db.query('select 1');
    } catch (err) {
      req.log.error({ err }, 'readiness: database unreachable');
      return reply.status(503).send({ status: 'database unreachable' });
    }
    return { status: 'ok' };
  });
  accountsRoutes(app, db);
  accountManagementRoutes(app, db, actorOf);
  auditRoutes(app, db, actorOf);
  metaRoutes(app, allEntities());
  for (const def of allEntities()) recordRoutes(app, db, def, actorOf);
  registryRoutes(app, db, actorOf);
  const matching = await startMatching(db);
  app.addHook('onClose', () => matching.close());
  transferRoutes(app, db, actorOf, matching);
  metrics.gauge('kechuang_matching_index_items', 'Items in the in-memory matching index', ['kind'], (set) => {
    for (const [kind, n] of Object.entries(matching.size())) set({ kind }, n);
  });
  evaluationRoutes(app, db, actorOf);
  reportRoutes(app);
  policyRoutes(app, db, actorOf);
  intelligenceRoutes(app, db, actorOf);
  fileRoutes(app, db, options.jobs, actorOf);
  indicatorValuesImportRoutes(app, db, options.jobs, actorOf);
  jobRoutes(app, options.jobs, actorOf);

  if (existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, {
      root: WEB_DIST, wildcard: false, cacheControl: false,
      setHeaders: (res, path) => res.header('cache-control', cacheControlFor(path)),
    });
    app.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith('/api/') || req.url.startsWith('/docs')) {
        return reply.status(404).type('application/problem+json').send({ type: 'about:blank', title: 'Not found', status: 404, code: 'NOT_FOUND' });
      }
      return reply.sendFile('index.html');
    });
  }
  return app;
}
