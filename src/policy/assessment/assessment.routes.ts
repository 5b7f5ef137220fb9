import type { FastifyInstance } from 'fastify';
import type { Db } from '../../shared/db';
import type { ActorOf } from '../../shared/http/actor-of';

export function assessmentRoutes(_app: FastifyInstance, _db: Db, _actorOf: ActorOf): void {
  // filled in by the assessment work
}
