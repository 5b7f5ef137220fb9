import type { FastifyInstance } from 'fastify';
import type { Db } from '../../shared/db';
import type { ActorOf } from '../../shared/http/actor-of';

export function fundsTalentRoutes(_app: FastifyInstance, _db: Db, _actorOf: ActorOf): void {
  // filled in by the funds and talent work
}
