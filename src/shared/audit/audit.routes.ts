import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db';
import type { ActorOf } from '../http/actor-of';
import { localeFrom } from '../i18n';
import { dbIdParam, isCalendarDate, safeText } from '../http/zod-blocks';
import { auditFacets, eventsForExport, listAuditEvents, type AuditFilter } from './audit.service';
import { exportAuditEvents } from './audit.export';

/**
 * The audit view (GET /api/audit) and its export: admins see all events, zone operators those of their zone subtree
 * (audit.service.ts); organisation users get 403, visitors 401.
 */
const word = () => safeText().pipe(z.string().trim().min(1).max(100));
/** An ISO 8601 moment with its offset, in years PostgreSQL can store (year 0 is not one). */
const isMoment = (v: string) => z.iso.datetime({ offset: true }).safeParse(v).success && Number(v.slice(0, 4)) >= 1 && isCalendarDate(v.slice(0, 10));
/** A day (YYYY-MM-DD, UTC) or an exact moment with its offset, as the web app sends the start and end of a local day. */
const moment = () => z.string().max(40).refine((v) => isCalendarDate(v) || isMoment(v), { params: { key: 'field.dateInvalid' } });

const filters = z.object({
  entity: word().optional().describe('Entity name, e.g. organizations, users, frameworks'),
  record_id: dbIdParam().optional().describe('The record the event is about (also finds the import batch that created it)'),
  user: word().optional().describe('User name of whoever made the change'),
  action: word().optional().describe('e.g. create, update, import-create, disclosure'),
  from: moment().optional().describe('From this day (YYYY-MM-DD, UTC) or moment (ISO 8601 with offset)'),
  to: moment().optional().describe('Up to and including this day (YYYY-MM-DD, UTC) or moment (ISO 8601 with offset)'),
  zone: dbIdParam().optional().describe('A zone; its sub-zones are included'),
});

const toFilter = (q: z.infer<typeof filters>): AuditFilter => ({
  entity: q.entity, recordId: q.record_id, user: q.user, action: q.action, from: q.from, to: q.to, zone: q.zone,
});

const scopeRef = z.object({ id: z.number(), code: z.string(), name_zh: z.string(), name_en: z.string().nullable() });
const auditEvent = z.object({
  source: z.enum(['event', 'batch']).describe('event: audit_events; batch: records created by one import (audit_created_batches)'),
  id: z.number(), at: z.string(), user: z.object({ id: z.number(), username: z.string() }).nullable(),
  entity: z.string(), entity_id: z.number().nullable(), zone: scopeRef.nullable(), action: z.string(),
  before: z.unknown(), after: z.unknown(),
  batch: z.object({ count: z.number(), first_id: z.number(), last_id: z.number() }).nullable(),
});

export function auditRoutes(app: FastifyInstance, db: Db, actorOf: ActorOf): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];

  r.get('/api/audit', {
    schema: {
      tags, summary: 'Audit log of your scope, newest first (admin: all; zone operator: events of their zone subtree)',
      querystring: filters.extend({
        limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
      }),
      response: { 200: z.object({ items: z.array(auditEvent), total: z.number() }) },
    },
  }, (req) => listAuditEvents(db, actorOf(req), toFilter(req.query), { limit: req.query.limit, offset: req.query.offset }));

  r.get('/api/audit/facets', {
    schema: {
      tags, summary: 'The entities and actions that occur in your audit scope (for filter lists)',
      response: { 200: z.object({ entities: z.array(z.string()), actions: z.array(z.string()) }) },
    },
  }, (req) => auditFacets(db, actorOf(req)));

  r.get('/api/audit/export', {
    schema: {
      tags, summary: 'The filtered audit log as CSV or XLSX (formula-neutralised cells; at most 50 000 events, header x-total-count says how many matched)',
      querystring: filters.extend({ format: z.enum(['csv', 'xlsx']).default('csv') }),
    },
  }, async (req, reply) => {
    const { items, total } = await eventsForExport(db, actorOf(req), toFilter(req.query));
    const body = await exportAuditEvents(items, req.query.format, localeFrom(req.headers['accept-language']));
    const type = req.query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    return reply.header('content-type', type).header('x-total-count', String(total)).header('x-exported-count', String(items.length))
      .header('content-disposition', `attachment; filename="audit-log.${req.query.format}"`).send(body);
  });
}
