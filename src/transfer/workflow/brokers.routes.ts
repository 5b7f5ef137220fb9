import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../shared/db';
import type { Actor } from '../../shared/access/actor';
import { dbIdParam } from '../../shared/http/zod-blocks';
import { assignCase, brokerFigures } from './brokers.service';
import { getCase } from './cases.service';
import { run } from './routes';
import * as S from './schemas';

/** Brokers and agencies as actors: who runs a case, and their workload, success rate and turnover. */
export function brokerRoutes(app: FastifyInstance, db: Db, actorOf: (req: FastifyRequest) => Actor | null) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['transfer'];
  const id = dbIdParam();
  r.get('/api/transfer/brokers', {
    schema: { tags, summary: 'Brokers and agencies with their open cases, success rate and turnover, over the zones the caller brokers', querystring: z.object({ zone: id.optional() }), response: { 200: S.brokerFigures } },
  }, (req, reply) => run(req, reply, () => brokerFigures(db, actorOf(req), req.query.zone)));
  r.post('/api/transfer/cases/:id/broker', {
    schema: { tags, summary: 'Set the broker (a user brokering the case\'s zone) and the agency (a service agency; null clears) running a case', params: z.object({ id }),
      body: z.object({ broker_user_id: id.optional(), agency_id: id.nullish() }), response: { 200: S.caseDetail } },
  }, (req, reply) => run(req, reply, async () => {
    await assignCase(db, actorOf(req), req.params.id, req.body);
    return getCase(db, actorOf(req), req.params.id);
  }));
}
