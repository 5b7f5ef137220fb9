import type { FastifyInstance } from 'fastify';
import type { Db } from '../shared/db';
import type { ActorOf } from '../shared/http/actor-of';
import { assessmentRoutes } from './assessment/assessment.routes';
import { programmeRoutes } from './programmes/programme.routes';
import { fundsTalentRoutes } from './funds/funds-talent.routes';

/** The policy domain's HTTP API: self-assessment, calculators, matching, pipeline and talent (assessment/); programmes, ledger (programmes/); funds and talent evaluation (funds/, talent/). */
export function policyRoutes(app: FastifyInstance, db: Db, actorOf: ActorOf): void {
  assessmentRoutes(app, db, actorOf);
  programmeRoutes(app, db, actorOf);
  fundsTalentRoutes(app, db, actorOf);
}
