import type { FastifyInstance } from 'fastify';
import type { Db } from '../shared/db';
import type { ActorOf } from '../shared/http/actor-of';
import { usersRoutes } from './users.routes';
import { registrationRoutes } from './registration.routes';

/** Account management and enterprise self-registration, registered beside the sign-in routes (src/app/build-app.ts). */
export function accountManagementRoutes(app: FastifyInstance, db: Db, actorOf: ActorOf): void {
  usersRoutes(app, db, actorOf);
  registrationRoutes(app, db, actorOf);
}
