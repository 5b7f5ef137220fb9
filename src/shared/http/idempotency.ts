import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db';
import { AppError } from './errors';

/**
 * Idempotent writes: a POST, PUT, PATCH or DELETE with an `Idempotency-Key` header is answered once; a retry with the
 * same key (same user, same request) gets the first answer again (header `idempotent-replayed: true`) instead of
 * doing the write twice. While the first is still running a retry gets 409; a key reused for a different request
 * gets 409 too. Answers that invite a retry (409 conflicts, 429, 5xx) are not kept. Keys expire after a day.
 */
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY_PATTERN = /^[\x21-\x7e]{8,200}$/;
const KEEP_HOURS = 24;
const MAX_KEPT_BODY = 1024 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { scope: string; key: string } | null;
  }
}

function fingerprintOf(req: FastifyRequest): string {
  const route = req.routeOptions.url ?? req.url;
  const body = req.body === undefined ? '' : JSON.stringify(req.body);
  return createHash('sha256').update(`${req.method} ${req.url}\n${body}`).digest('hex') + `:${route}`;
}

export function registerIdempotency(app: FastifyInstance, db: Db): void {
  let lastSweep = 0;
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (req, reply) => {
    const key = req.headers['idempotency-key'];
    if (!WRITE_METHODS.has(req.method) || key === undefined) return;
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new AppError('VALIDATION', 'problem.validation', {}, [{ field: 'Idempotency-Key', key: 'idempotency.key' }]);
    }
    if (Date.now() - lastSweep > 10 * 60_000) {
      lastSweep = Date.now();
      void db.query(`delete from idempotency_keys where created_at < now() - interval '${KEEP_HOURS} hours'`).catch(() => undefined);
    }
    const scope = req.actor ? `u:${req.actor.userId}` : `a:${req.ip}`;
    const fingerprint = fingerprintOf(req);
    const claimed = await db.query(
      `insert into idempotency_keys (scope, key, fingerprint, method, url) values ($1, $2, $3, $4, $5)
       on conflict (scope, key) do nothing returning 1 as claimed`, [scope, key, fingerprint, req.method, req.url]);
    if (claimed.length) {
      req.idempotency = { scope, key };
      return;
    }
    const [kept] = await db.query<{ fingerprint: string; method: string; url: string; status_code: number | null; content_type: string | null; body: string | null }>(
      'select fingerprint, method, url, status_code, content_type, body from idempotency_keys where scope = $1 and key = $2', [scope, key]);
    if (!kept) throw new AppError('CONFLICT', 'idempotency.inProgress');
    if (kept.fingerprint !== fingerprint) throw new AppError('CONFLICT', 'idempotency.reused', { method: kept.method, url: kept.url });
    if (kept.status_code === null) throw new AppError('CONFLICT', 'idempotency.inProgress');
    return reply.status(kept.status_code).header('idempotent-replayed', 'true')
      .type(kept.content_type ?? 'application/json').send(kept.body ?? '');
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const claim = req.idempotency;
    if (!claim) return payload;
    req.idempotency = null;
    const status = reply.statusCode;
    const type = String(reply.getHeader('content-type') ?? 'application/json');
    const textual = /json|^text\//.test(type);
    const body = !textual ? null : typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
    const retryable = status >= 500 || status === 409 || status === 429;
    if (retryable || body === null || body.length > MAX_KEPT_BODY) {
      // Nothing worth replaying (or too large to keep): free the key so that a retry runs again.
      await db.query('delete from idempotency_keys where scope = $1 and key = $2', [claim.scope, claim.key]);
    } else {
      await db.query('update idempotency_keys set status_code = $3, content_type = $4, body = $5 where scope = $1 and key = $2',
        [claim.scope, claim.key, status, type, body]);
    }
    return payload;
  });
}
