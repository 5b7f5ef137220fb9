import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { AppError } from '../../src/shared/http/errors';
import { sendProblem } from '../../src/shared/http/problem';
import { recordRoutes } from '../../src/shared/records/record-routes';
import { registerEntities } from '../../src/shared/records/registry-of-entities';
import { accountsRoutes, SESSION_COOKIE } from '../../src/accounts/accounts.routes';
import { sessionOf } from '../../src/accounts/accounts.service';
import { loadDemo } from '../../src/registry/demo/load-demo';
import { TRANSFER_ENTITIES } from '../../src/transfer/entities';
import { startMatching, transferRoutes, type MatchingHandle } from '../../src/transfer/workflow';
import '../../src/app/entities';
import { openTestDb, type Backend, type TestDb } from '../helpers/test-db';

registerEntities(TRANSFER_ENTITIES);

/** A small app with the accounts, the generic routes of demands and offers, and the transfer routes (until wired in build-app). */
export interface TransferApp {
  app: FastifyInstance;
  testDb: TestDb;
  matching: MatchingHandle;
  close(): Promise<void>;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function startTransferApp(backend: Backend): Promise<TransferApp> {
  const testDb = await openTestDb(backend);
  const { db } = testDb;
  await loadDemo(db, { generatedOrganizations: 20 });
  const app = Fastify({ logger: process.env.TRANSFER_TEST_LOG ? { level: 'error' } : false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(sendProblem);
  await app.register(cookie);
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await sessionOf(db, token);
    if (!session) return;
    if (!SAFE.has(req.method) && req.url !== '/api/auth/login' && req.headers['x-csrf-token'] !== session.csrfToken) throw new AppError('CSRF', 'problem.csrf');
    req.actor = session.actor;
    req.csrfToken = session.csrfToken;
  });
  const actorOf = (req: FastifyRequest) => req.actor;
  accountsRoutes(app, db);
  for (const def of TRANSFER_ENTITIES) recordRoutes(app, db, def, actorOf);
  const matching = await startMatching(db);
  transferRoutes(app, db, actorOf, matching);
  await app.ready();
  return { app, testDb, matching, async close() { await app.close(); await testDb.drop(); } };
}
