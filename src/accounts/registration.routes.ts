import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../shared/db';
import type { ActorOf } from '../shared/http/actor-of';
import { dbId, dbIdParam, safeText } from '../shared/http/zod-blocks';
import { MAX_PASSWORD_LENGTH } from './password-policy';
import { registration, registrationList, registrationStatus as statusSchema, registrationSubmitted } from './accounts.schemas';
import {
  approveRegistration, getRegistration, listRegistrations, registrationStatus, rejectRegistration, submitRegistration,
} from './registration.service';

/**
 * Enterprise self-registration (/api/registrations). Submitting and reading one's status (with the ticket) are open to
 * anyone; listing, reading with contact data, approving and rejecting are for admins and the operators of the
 * request's zone subtree (checked in registration.service.ts).
 */
const idParams = z.object({ id: dbIdParam() });
const text = (max: number) => safeText().pipe(z.string().trim().min(1).max(max));
const STATUSES = ['pending', 'approved', 'rejected'] as const;

/** Submissions per address and hour: enough for an office, too few to flood the reviewers' queue. */
export const REGISTRATIONS_PER_ADDRESS = 20;

export function registrationRoutes(app: FastifyInstance, db: Db, actorOf: ActorOf): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['accounts'];

  r.post('/api/registrations', {
    schema: { tags, summary: 'An enterprise asks to join (anyone): credit code (GB 32100 check), name, contact, desired account and zone; answers a ticket to follow the request',
      body: z.object({
        credit_code: z.string().trim().min(1).max(18), enterprise_name: text(200), contact_name: text(100),
        email: safeText().pipe(z.string().trim().max(200)).nullish(), phone: safeText().pipe(z.string().trim().max(30)).nullish(),
        username: z.string().trim().min(1).max(40), password: z.string().min(1).max(MAX_PASSWORD_LENGTH), zone_id: dbId(),
      }).strict(), response: { 201: registrationSubmitted } },
    config: { rateLimit: { max: REGISTRATIONS_PER_ADDRESS, timeWindow: '1 hour', keyGenerator: (req) => `registration|${req.ip}` } },
  }, async (req, reply) => reply.status(201).send(await submitRegistration(db, req.body)));
  r.get('/api/registrations/status', { schema: { tags, summary: 'The status of a request, for the holder of its ticket (anyone with the ticket; no contact data)',
    querystring: z.object({ ticket: z.string().min(16).max(100).regex(/^[A-Za-z0-9_-]+$/) }), response: { 200: statusSchema } } },
  (req) => registrationStatus(db, req.query.ticket));
  r.get('/api/registrations', { schema: { tags, summary: 'Registration requests with contact data (admin: all; zone operator: their zone subtree)',
    querystring: z.object({ status: z.enum(STATUSES).optional(), limit: z.coerce.number().int().min(1).max(500).optional(), offset: z.coerce.number().int().min(0).max(1_000_000).optional() }), response: { 200: registrationList } } },
  (req) => listRegistrations(db, actorOf(req), req.query));
  r.get('/api/registrations/:id', { schema: { tags, summary: 'One registration request (admin; zone operator of its zone subtree)', params: idParams, response: { 200: registration } } },
    (req) => getRegistration(db, actorOf(req), req.params.id));
  r.post('/api/registrations/:id/approve', { schema: { tags, summary: 'Approve (admin; zone operator of its zone subtree): creates or links the organisation by credit code and creates its user', params: idParams, response: { 200: registration } } },
    (req) => approveRegistration(db, actorOf(req), req.params.id));
  r.post('/api/registrations/:id/reject', { schema: { tags, summary: 'Reject with a reason (admin; zone operator of its zone subtree)', params: idParams, body: z.object({ reason: text(1000) }).strict(), response: { 200: registration } } },
    (req) => rejectRegistration(db, actorOf(req), req.params.id, req.body.reason));
}
