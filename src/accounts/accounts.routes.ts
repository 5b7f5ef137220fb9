import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../shared/db';
import { login, logout, sessionOf, SESSION_DAYS } from './accounts.service';
import { sharedWindowLimit } from '../shared/http/shared-window-limit';

export const SESSION_COOKIE = 'kc_session';

const userSchema = z.object({
  id: z.number(), username: z.string(), display_name: z.string(), role: z.enum(['admin', 'zone_operator', 'org_user']),
  zone_id: z.number().nullable(), organization_id: z.number().nullable(),
});

/** Sign-in attempts per address and minute across all user names: stops password spraying, leaves an office's NAT room. */
export const LOGIN_ATTEMPTS_PER_ADDRESS = 30;
/** Sign-in attempts per address and user name and minute: slows password guessing without locking real users out for long. */
export const LOGIN_ATTEMPTS_PER_USER = 10;

export function accountsRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Both counted in the database, so several instances behind one proxy share them (docs/scaling.md).
  const perAddress = sharedWindowLimit(db, LOGIN_ATTEMPTS_PER_ADDRESS);
  const perUser = sharedWindowLimit(db, LOGIN_ATTEMPTS_PER_USER);
  r.post('/api/auth/login', {
    schema: {
      tags: ['accounts'], summary: 'Sign in',
      body: z.strictObject({ username: z.string().trim().min(1).max(40), password: z.string().min(1).max(200) }),
      response: { 200: z.object({ user: userSchema, csrfToken: z.string() }) },
    },
    // Per address across user names first (no body needed); per address and user name once the body is valid.
    onRequest: async (req) => perAddress(`sign-in-address|${req.ip}`),
    preHandler: async (req) => perUser(`sign-in-user|${req.ip}|${(req.body as { username: string }).username}`),
  }, async (req, reply) => {
    const { token, csrfToken, user } = await login(db, req.body.username, req.body.password, req.headers['user-agent']);
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https', maxAge: SESSION_DAYS * 86400 });
    return { user, csrfToken };
  });

  r.get('/api/auth/me', {
    schema: { tags: ['accounts'], summary: 'The signed-in user and the CSRF token to send with writes', response: { 200: z.object({ user: userSchema.nullable(), csrfToken: z.string().nullable() }) } },
  }, async (req) => {
    const session = await sessionOf(db, req.cookies[SESSION_COOKIE]);
    return { user: session?.user ?? null, csrfToken: session?.csrfToken ?? null };
  });

  r.post('/api/auth/logout', { schema: { tags: ['accounts'], summary: 'Sign out' } }, async (req, reply) => {
    await logout(db, req.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });
}
