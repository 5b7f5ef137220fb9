import type { FastifyInstance } from 'fastify';
import type { Db } from '../shared/db';
import type { ActorOf } from '../shared/http/actor-of';
import { assessmentRoutes } from './assessment/assessment.routes';
import { programmeRoutes } from './programmes/programme.routes';

/** The policy domain's HTTP API: self-assessment, calculators, matching, pipeline and talent (assessment/); programmes, ledger and funds (programmes/). */
export function policyRoutes(app: FastifyInstance, db: Db, actorOf: ActorOf): void {
  assessmentRoutes(app, db, actorOf);
  programmeRoutes(app, db, actorOf);
}
