import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db, Row } from '../db';
import type { Actor } from '../access/actor';
import type { EntityDef, FieldDef } from './field-def';
import { calendarDate, dbIdParam, int4Param, safeText } from '../http/zod-blocks';
import { createSchema, patchSchema, recordSchema, versionBody } from './record-schema';
import * as service from './record-service';

/** The five routes every described entity gets: list, get, create, patch, retire — plus its audit trail. */

const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');

function filterParam(f: FieldDef): z.ZodType {
  switch (f.type) {
    case 'int': return int4Param();
    case 'ref': return dbIdParam();
    case 'number': return z.coerce.number().finite();
    case 'bool': return boolParam;
    case 'enum': return z.enum((f.options ?? []).map((o) => o.value) as [string, ...string[]]);
    case 'date': return calendarDate();
    default: return safeText().max(200);
  }
}

export function listQuerySchema(def: EntityDef) {
  const shape: Record<string, z.ZodType> = {
    q: safeText().max(200).optional().describe('Text search: Chinese (Simplified or Traditional) or English'),
    zone: dbIdParam().optional().describe('Only records in this zone or below it'),
    limit: z.coerce.number().int().min(1).max(service.MAX_PAGE).optional(),
    offset: int4Param().min(0).optional(),
    sort: safeText().max(60).optional(),
    order: z.enum(['asc', 'desc']).optional(),
    includeRetired: boolParam.optional(),
  };
  if (def.fields.some((f) => f.name === 'valid_from')) {
    shape.asOf = calendarDate().optional().describe('Only records valid on this date');
  }
  for (const f of def.fields) if (f.filter) shape[f.name] = filterParam(f).optional();
  return z.object(shape);
}

export function toListParams(def: EntityDef, query: Record<string, unknown>): service.ListParams {
  const equals: Record<string, unknown> = {};
  for (const f of def.fields) if (f.filter && query[f.name] !== undefined) equals[f.name] = query[f.name];
  return {
    q: query.q as string | undefined,
    zone: query.zone as number | undefined,
    equals,
    asOf: query.asOf as string | undefined,
    includeRetired: query.includeRetired as boolean | undefined,
    sort: query.sort as string | undefined,
    order: query.order as 'asc' | 'desc' | undefined,
    limit: query.limit as number | undefined,
    offset: query.offset as number | undefined,
  };
}

const idParams = z.object({ id: dbIdParam() });

/**
 * Records leave the service already in their documented shape, so the hot read routes serialise them directly:
 * the zod response schemas still document them in OpenAPI and are checked by the API tests.
 */
const plainJson = () => (data: unknown) => JSON.stringify(data);

export function recordRoutes(app: FastifyInstance, db: Db, def: EntityDef, actorOf: (req: FastifyRequest) => Actor | null) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = `/api/${def.name}`;
  const tags = [def.name];
  const record = recordSchema(def);

  r.get(base, {
    schema: { tags, summary: `List ${def.label.en}`, querystring: listQuerySchema(def), response: { 200: z.object({ items: z.array(record), total: z.number(), totalIsLowerBound: z.boolean().describe('true when more than 1,000 records match: total is then 1,000 (a lower bound; a text search then returns 1,000 of the matches)') }) } },
    serializerCompiler: plainJson,
  }, async (req) => service.listRecords(req.readDb, actorOf(req), def, toListParams(def, req.query as Row)));

  r.get(`${base}/:id`, { schema: { tags, summary: `One of ${def.label.en}`, params: idParams, response: { 200: record } }, serializerCompiler: plainJson },
    async (req) => {
      const actor = actorOf(req);
      const row = await service.getRecordOrThrow(req.readDb, actor, def, req.params.id);
      // The web app shows edit and retire buttons only to those who may use them.
      return { ...row, may_edit: await service.mayEdit(req.readDb, actor, def, row) };
    });

  r.post(base, { schema: { tags, summary: `Create one of ${def.label.en}`, body: createSchema(def), response: { 201: record } } },
    async (req, reply) => reply.status(201).send(await service.createRecord(db, actorOf(req), def, req.body as Row)));

  r.patch(`${base}/:id`, { schema: { tags, summary: `Change one of ${def.label.en} (send the version you read)`, params: idParams, body: patchSchema(def), response: { 200: record } } },
    async (req) => service.updateRecord(db, actorOf(req), def, req.params.id, req.body as Row));

  r.post(`${base}/:id/retire`, { schema: { tags, summary: `Retire one of ${def.label.en}`, params: idParams, body: versionBody, response: { 200: record } } },
    async (req) => service.retireRecord(db, actorOf(req), def, req.params.id, req.body.version));

  r.get(`${base}/:id/audit`, { schema: { tags, summary: 'Who changed this record, when, and how', params: idParams } },
    async (req) => ({ items: await service.auditTrail(req.readDb, actorOf(req), def, req.params.id) }));
}
