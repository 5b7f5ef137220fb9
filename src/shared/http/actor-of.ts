import type { FastifyRequest } from 'fastify';
import type { Actor } from '../access/actor';

/** How routes learn who is asking (null: anonymous). */
export type ActorOf = (req: FastifyRequest) => Actor | null;
