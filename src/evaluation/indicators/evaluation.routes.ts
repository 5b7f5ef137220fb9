/**
 * HTTP API of the evaluation module: indicator library, indicator values (computed and entered), frameworks,
 * evaluation, uncertainty, a zone's evaluation page and its exports. Definitions and frameworks are open to anonymous
 * visitors; values and evaluations only where published (publication.service.ts). Writes need a signed-in admin
 * (definitions, recomputation) or a zone operator within their zone (entered values, copies, publication).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../shared/db';
import type { Actor } from '../../shared/access/actor';
import { notFound } from '../../shared/http/errors';
import { dbIdParam, ID_MAX, int4, int4Param } from '../../shared/http/zod-blocks';
import { COMPUTATIONS } from './computations';
import * as repo from './evaluation.repository';
import { computeValues, createIndicator, enteredValueSchema, enterValue, indicatorInputSchema, indicatorPatchSchema, updateIndicator } from './indicator.service';
import { copyFramework, frameworkDetail, frameworkUpdateSchema, updateFramework } from './framework.service';
import { evaluate, uncertainty, zoneEvaluation } from './evaluate.service';
import { evaluationCsv, evaluationXlsx, type ExportLang } from './evaluation.export';
import { listPublications, publishSchema, setPublished, visibleZonesOf } from './publication.service';
import * as S from './evaluation.schemas';

export { loadShippedFrameworks } from '../frameworks/load';

const id = z.object({ id: dbIdParam() });
const year = z.number().int().min(1949).max(2100);
const zoneKey = z.union([z.number().int().positive(), z.string().min(1)]);
const evaluateBody = z.object({ zones: z.array(zoneKey).min(1).max(500), year, missing: z.enum(['error', 'drop']).optional() }).strict();
const intList = z.string().regex(/^\d+(,\d+)*$/).transform((s) => s.split(',').map(Number))
  .refine((ids) => ids.every((n) => n <= ID_MAX), { params: { key: 'field.max', params: { max: ID_MAX } } });

export function evaluationRoutes(app: FastifyInstance, db: Db, actorOf: (req: FastifyRequest) => Actor | null) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['evaluation'];

  r.get('/api/indicators', {
    schema: { tags, summary: 'The indicator library', querystring: z.object({ kind: z.enum(['computed', 'entered']).optional() }), response: { 200: S.indicatorList } },
  }, async (req) => ({ items: await repo.listIndicators(db, { kind: req.query.kind }) }));

  r.get('/api/indicators/computations', {
    schema: { tags, summary: 'The fixed set of registry computations a computed indicator may name', response: { 200: S.computationList } },
  }, async () => ({ items: Object.entries(COMPUTATIONS).map(([key, c]) => ({ key, source: c.source, description: c.description })) }));

  r.get('/api/indicators/:id', { schema: { tags, summary: 'One indicator definition', params: id, response: { 200: S.indicator } } }, async (req) => {
    const ind = await repo.getIndicator(db, req.params.id);
    if (!ind) throw notFound('indicator', req.params.id);
    return ind;
  });

  r.post('/api/indicators', { schema: { tags, summary: 'Create an indicator (admin)', body: indicatorInputSchema, response: { 201: S.indicator } } },
    async (req, reply) => reply.status(201).send(await createIndicator(db, actorOf(req), req.body)));

  r.patch('/api/indicators/:id', { schema: { tags, summary: 'Change an indicator (admin)', params: id, body: indicatorPatchSchema, response: { 200: S.indicator } } },
    async (req) => updateIndicator(db, actorOf(req), req.params.id, req.body));

  r.post('/api/indicator-values/compute', {
    schema: {
      tags, summary: 'Recompute registry-based indicator values for zones (each covering its sub-zones) and years (admin)',
      body: z.object({ zones: z.array(z.number().int().positive()).max(10000).nullish(), years: z.union([year, z.object({ from: year, to: year })]), indicators: z.array(z.string()).nullish() }).strict(),
      response: { 200: S.computeResult },
    },
  }, async (req) => computeValues(db, actorOf(req), {
    zones: req.body.zones ?? null, indicators: req.body.indicators ?? null,
    years: typeof req.body.years === 'number' ? { from: req.body.years, to: req.body.years } : req.body.years,
  }));

  r.get('/api/indicator-values', {
    schema: {
      tags, summary: 'Indicator values with provenance',
      querystring: z.object({ zone: intList.optional(), indicator: z.string().optional(), from: int4Param().optional(), to: int4Param().optional(), limit: z.coerce.number().int().min(1).max(100000).default(10000) }),
      response: { 200: S.indicatorValueList },
    },
  }, async (req) => {
    let indicatorIds: number[] | null = null;
    if (req.query.indicator) {
      const inds = await repo.listIndicators(req.readDb, { codes: req.query.indicator.split(',') });
      indicatorIds = [...inds.map((i) => i.id), ...req.query.indicator.split(',').filter((s) => /^\d+$/.test(s)).map(Number)];
    }
    return { items: await repo.listValues(req.readDb, { zoneIds: req.query.zone ?? null, indicatorIds, from: req.query.from ?? null, to: req.query.to ?? null, limit: req.query.limit,
      visibleZones: await visibleZonesOf(req.readDb, actorOf(req)) }) };
  });

  r.get('/api/indicator-publications', {
    schema: { tags, summary: 'Which zones have published their indicator values for which years, by whom and when',
      querystring: z.object({ zone: intList.optional(), year: int4Param().optional() }), response: { 200: S.publications } },
  }, async (req) => ({ items: await listPublications(db, { zoneIds: req.query.zone ?? null, year: req.query.year ?? null }) }));

  r.post('/api/indicator-publications', {
    schema: { tags, summary: 'Publish the indicator values and evaluations of zones for years (admin, or zone operator in their zone): anonymous visitors see published values only', body: publishSchema, response: { 201: S.publications } },
  }, async (req, reply) => reply.status(201).send({ items: await setPublished(db, actorOf(req), req.body, true) }));

  r.post('/api/indicator-publications/withdraw', {
    schema: { tags, summary: 'Withdraw a publication (admin, or zone operator in their zone)', body: publishSchema, response: { 200: S.publications } },
  }, async (req) => ({ items: await setPublished(db, actorOf(req), req.body, false) }));

  r.post('/api/indicator-values', {
    schema: { tags, summary: 'Enter an official statistic for an entered indicator (admin, or zone operator in their zone); checked against the unit', body: enteredValueSchema, response: { 201: S.indicatorValue } },
  }, async (req, reply) => reply.status(201).send(await enterValue(db, actorOf(req), req.body)));

  r.get('/api/frameworks', { schema: { tags, summary: 'Evaluation frameworks', response: { 200: S.frameworkList } } }, async () => ({ items: await repo.listFrameworks(db) }));

  r.get('/api/frameworks/:id', { schema: { tags, summary: 'A framework with its nodes, method and options', params: id, response: { 200: S.frameworkDetail } } }, async (req) => frameworkDetail(req.readDb, req.params.id));

  r.post('/api/frameworks/:id/copy', {
    schema: { tags, summary: 'Copy a framework to change it (admin or zone operator)', params: id,
      body: z.object({ code: z.string().min(1).max(80).regex(/^[A-Za-z0-9_.-]+$/).optional(), name_zh: z.string().min(1).max(300).optional(), name_en: z.string().max(300).nullish() }).strict().default({}), response: { 201: S.frameworkDetail } },
  }, async (req, reply) => reply.status(201).send(await copyFramework(db, actorOf(req), req.params.id, req.body ?? {})));

  r.patch('/api/frameworks/:id', {
    schema: { tags, summary: 'Change a copied framework: nodes, weights, method, options (validated)', params: id, body: frameworkUpdateSchema, response: { 200: S.frameworkDetail } },
  }, async (req) => updateFramework(db, actorOf(req), req.params.id, req.body));

  r.post('/api/frameworks/:id/evaluate', {
    schema: { tags, summary: 'Evaluate zones in a year: scores per node, ranks, rank change, drill-down to the data', params: id, body: evaluateBody, response: { 200: S.evaluation } },
  }, async (req) => evaluate(req.readDb, req.params.id, req.body, await visibleZonesOf(req.readDb, actorOf(req))));

  r.post('/api/frameworks/:id/uncertainty', {
    schema: { tags, summary: 'Monte Carlo uncertainty of the ranks: median and 5–95 % interval per zone', params: id,
      body: evaluateBody.extend({ runs: z.number().int().min(10).max(5000).default(500), seed: int4().default(1) }), response: { 200: S.uncertainty } },
  }, async (req) => uncertainty(req.readDb, req.params.id, req.body, await visibleZonesOf(req.readDb, actorOf(req))));

  const zoneQuery = z.object({ framework: dbIdParam(), year: z.coerce.number().int().min(1949).max(2100).optional(),
    years: z.coerce.number().int().min(1).max(20).default(5), peers: intList.optional(),
    lang: z.enum(['zh-CN', 'en']).optional().describe('Language of the CSV and XLSX headers and texts (default: from Accept-Language, else Chinese)') });
  const exportLang = (req: FastifyRequest, q: z.infer<typeof zoneQuery>): ExportLang =>
    q.lang ?? (/^en\b/i.test(String(req.headers['accept-language'] ?? '')) ? 'en' : 'zh-CN');
  const lastYear = () => new Date().getFullYear() - 1;
  const load = async (zoneId: number, q: z.infer<typeof zoneQuery>, req: FastifyRequest) =>
    zoneEvaluation(req.readDb, zoneId, q.framework, q.year ?? lastYear(), q.years, q.peers, await visibleZonesOf(req.readDb, actorOf(req)));

  r.get('/api/zones/:id/evaluation', {
    schema: { tags, summary: 'A zone against its peers: indicator time series, radar of dimensions, rank by year', params: id, querystring: zoneQuery, response: { 200: S.zoneEvaluation } },
  }, async (req) => load(req.params.id, req.query, req));

  r.get('/api/zones/:id/evaluation.json', { schema: { tags, summary: 'The zone evaluation as a JSON download', params: id, querystring: zoneQuery } },
    async (req, reply) => reply.header('content-disposition', `attachment; filename="evaluation-${req.params.id}.json"`).send(await load(req.params.id, req.query, req)));

  r.get('/api/zones/:id/evaluation.csv', { schema: { tags, summary: 'The zone evaluation as CSV (results, then inputs with provenance)', params: id, querystring: zoneQuery } },
    async (req, reply) => reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="evaluation-${req.params.id}.csv"`)
      .send(evaluationCsv(await load(req.params.id, req.query, req), exportLang(req, req.query))));

  r.get('/api/zones/:id/evaluation.xlsx', { schema: { tags, summary: 'The zone evaluation as XLSX (sheets Results and Inputs)', params: id, querystring: zoneQuery } },
    async (req, reply) => reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="evaluation-${req.params.id}.xlsx"`).send(await evaluationXlsx(await load(req.params.id, req.query, req), exportLang(req, req.query))));
}
