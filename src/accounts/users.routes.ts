import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../shared/db';
import type { ActorOf } from '../shared/http/actor-of';
import { dbId, dbIdParam, safeText, versionField } from '../shared/http/zod-blocks';
import { SESSION_COOKIE } from './accounts.routes';
import { sessionOf } from './accounts.service';
import { MAX_PASSWORD_LENGTH } from './password-policy';
import { managedUser, ok, ownSessions, userList } from './accounts.schemas';
import {
  changeOwnPassword, createAccount, endOwnSession, getUser, listOwnSessions, listUsers, resetPassword, setActive, updateAccount,
} from './users.service';

/**
 * Account management (/api/users) and a user's own sessions and password (/api/auth/…). Access is checked in
 * users.service.ts: admins manage every account, zone operators the organisation users of their zone's subtree,
 * organisation users and visitors none; every signed-in user manages their own sessions.
 */
const idParams = z.object({ id: dbIdParam() });
const ROLES = ['admin', 'zone_operator', 'org_user'] as const;
const password = z.string().min(1).max(MAX_PASSWORD_LENGTH);
const name = safeText().pipe(z.string().trim().min(1).max(100));

const newUser = z.object({
  username: z.string().trim().min(1).max(40),
  display_name: name,
  password,
  role: z.enum(ROLES),
  zone_id: dbId().nullish(),
  organization_id: dbId().nullish(),
}).strict();

const userPatch = z.object({
  version: versionField(),
  display_name: name.optional(),
  role: z.enum(ROLES).optional(),
  zone_id: dbId().nullish(),
  organization_id: dbId().nullish(),
}).strict();

export function usersRoutes(app: FastifyInstance, db: Db, actorOf: ActorOf): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['accounts'];
  const currentSession = async (req: { cookies: Record<string, string | undefined> }) => (await sessionOf(db, req.cookies[SESSION_COOKIE]))?.sessionId;

  r.get('/api/users', { schema: { tags, summary: 'Accounts with role, scope, active flag and last sign-in (admin: all; zone operator: organisation users of their zone subtree)',
    querystring: z.object({
      q: safeText().pipe(z.string().max(100)).optional(), role: z.enum(ROLES).optional(), active: z.enum(['true', 'false']).optional(),
      limit: z.coerce.number().int().min(1).max(500).optional(), offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
    }), response: { 200: userList } } },
  (req) => listUsers(db, actorOf(req), { ...req.query, active: req.query.active === undefined ? undefined : req.query.active === 'true' }));
  r.post('/api/users', { schema: { tags, summary: 'Create an account (admin: any role; zone operator: organisation users of organisations in their zone subtree); password rules apply', body: newUser, response: { 201: managedUser } } },
    async (req, reply) => reply.status(201).send(await createAccount(db, actorOf(req), req.body)));
  r.get('/api/users/:id', { schema: { tags, summary: 'One account (admin; zone operator for organisation users of their zone subtree)', params: idParams, response: { 200: managedUser } } },
    (req) => getUser(db, actorOf(req), req.params.id));
  r.patch('/api/users/:id', { schema: { tags, summary: 'Change name, role or scope (optimistic version); only an admin changes roles or gives operator/admin scope', params: idParams, body: userPatch, response: { 200: managedUser } } },
    (req) => updateAccount(db, actorOf(req), req.params.id, req.body));
  r.post('/api/users/:id/password', { schema: { tags, summary: 'Set a new password for an account you manage; its sessions end', params: idParams, body: z.object({ password }).strict(), response: { 200: ok } } },
    async (req) => { await resetPassword(db, actorOf(req), req.params.id, req.body.password); return { ok: true as const }; });
  r.post('/api/users/:id/deactivate', { schema: { tags, summary: 'Deactivate an account you manage: it cannot sign in and its sessions end', params: idParams, response: { 200: managedUser } } },
    (req) => setActive(db, actorOf(req), req.params.id, false));
  r.post('/api/users/:id/reactivate', { schema: { tags, summary: 'Let a deactivated account you manage sign in again', params: idParams, response: { 200: managedUser } } },
    (req) => setActive(db, actorOf(req), req.params.id, true));

  r.get('/api/auth/sessions', { schema: { tags, summary: 'Your own sessions (signed-in users): created, last seen, browser; the current one marked', response: { 200: ownSessions } } },
    async (req) => listOwnSessions(db, actorOf(req), await currentSession(req)));
  r.delete('/api/auth/sessions/:id', { schema: { tags, summary: 'End one of your own sessions (signed-in users)', params: idParams, response: { 200: ok } } },
    async (req) => { await endOwnSession(db, actorOf(req), req.params.id); return { ok: true as const }; });
  r.post('/api/auth/password', { schema: { tags, summary: 'Change your own password (signed-in users); your other sessions end',
    body: z.object({ current_password: password, new_password: password }).strict(), response: { 200: ok } } },
  async (req) => { await changeOwnPassword(db, actorOf(req), await currentSession(req), req.body.current_password, req.body.new_password); return { ok: true as const }; });
}
