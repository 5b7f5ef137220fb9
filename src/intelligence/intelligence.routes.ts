import type { FastifyInstance } from 'fastify';
import type { Db } from '../shared/db';
import type { ActorOf } from '../shared/http/actor-of';
import { documentRoutes } from './documents/document.routes';

/** The intelligence domain's HTTP API: documents in, reviewed facts out. */
export function intelligenceRoutes(app: FastifyInstance, db: Db, actorOf: ActorOf): void {
  documentRoutes(app, db, actorOf);
}
