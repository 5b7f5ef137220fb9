import type { FastifyInstance } from 'fastify';
import type { Db } from '../../shared/db';
import type { ActorOf } from '../../shared/http/actor-of';
import { fundsRoutes } from './funds.routes';
import { talentRoutes } from '../talent/talent.routes';

/** Funds (risk-compensation pools, innovation vouchers) and talent evaluation. */
export function fundsTalentRoutes(app: FastifyInstance, db: Db, actorOf: ActorOf): void {
  fundsRoutes(app, db, actorOf);
  talentRoutes(app, db, actorOf);
}
