import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarDate, dbIdParam, versionField } from '../../shared/http/zod-blocks';
import type { Db } from '../../shared/db';
import type { ActorOf } from '../../shared/http/actor-of';
import { localeFrom } from '../../shared/i18n';
import { recordsChanged } from '../../shared/records/record-service';
import { fieldError, requireActor } from './access';
import { amountRule, eligibilityRules } from './eligibility';
import { createProgramme, listProgrammes, loadProgramme, updateProgramme } from './programme.service';
import { APPLICATION_STATUSES, createApplication, getApplication, listApplications, prefill, readableApplication, reviewApplication, submitApplication } from './application.service';
import { addApplicationFile, attachmentHeader, MAX_APPLICATION_FILE_MB, readApplicationFile } from './application-files.service';
import { getNotice, listNotices, listObjections, lodgeObjection, publishNotice, resolveObjection } from './notice.service';
import { disburse, ledger } from './ledger.service';
import { exportLedgerXlsx } from './ledger.export';
import * as S from './programme.schemas';
import { checked } from '../../shared/http/checked-answer';

/**
 * HTTP API of incentive programmes (/api/policy/…): programmes, applications with documents, review, public notice
 * and objections, disbursement and the ledger. Access is checked in the services (access.ts says who may do what).
 */
const id = dbIdParam();
const idParams = z.object({ id });
const DATE = calendarDate();
const text = (max: number) => z.string().trim().min(1).max(max);
const document = z.object({ key: z.string().regex(/^[a-z0-9_]{1,40}$/), name_zh: text(100), name_en: text(100) }).strict();
const money = z.number().int().positive().max(1e13);

const programmeBody = z.object({
  code: z.string().trim().regex(/^[A-Za-z0-9_-]{1,40}$/).nullish(),
  zone_id: id,
  name_zh: text(200), name_en: text(200),
  description_zh: z.string().max(20_000).nullish(), description_en: z.string().max(20_000).nullish(),
  rules: eligibilityRules,
  amount_rule: amountRule,
  budget_fen: money,
  opens_on: DATE, closes_on: DATE,
  required_documents: z.array(document).max(20).default([]),
  source_proposal_id: id.nullish().describe('An accepted policy proposal (GET /api/intelligence/policy-proposals) this programme puts into effect'),
}).strict();
const programmePatch = programmeBody.omit({ code: true, zone_id: true, source_proposal_id: true }).partial().extend({ version: versionField() }).strict();

export function programmeRoutes(app: FastifyInstance, db: Db, actorOf: ActorOf): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['policy programmes'];

  r.get('/api/policy/programmes', { schema: { tags, summary: 'Incentive programmes (signed-in users); zone = a zone subtree, open = taking applications today',
    querystring: z.object({ zone: id.optional(), open: z.enum(['true', 'false']).optional() }), response: { 200: S.programmeList } } },
  (req) => listProgrammes(db, actorOf(req), { zone: req.query.zone, open: req.query.open === 'true' }));
  r.post('/api/policy/programmes', { schema: { tags, summary: 'Define a programme for a zone (admin, operator of the zone): rules and amount as data (see src/policy/programmes/README.md)', body: programmeBody, response: { 201: S.programme } } },
    async (req, reply) => reply.status(201).send(await createProgramme(db, actorOf(req), req.body)));
  r.get('/api/policy/programmes/:id', { schema: { tags, summary: 'One programme with its budget left', params: idParams, response: { 200: S.programme } } },
    async (req) => { requireActor(actorOf(req)); return loadProgramme(db, req.params.id); });
  r.patch('/api/policy/programmes/:id', { schema: { tags, summary: 'Change a programme (optimistic version); a budget change is an allocation entry in the ledger', params: idParams, body: programmePatch, response: { 200: S.programme } } },
    (req) => updateProgramme(db, actorOf(req), req.params.id, req.body));
  r.get('/api/policy/programmes/:id/prefill', { schema: { tags, summary: 'The application form prefilled from the registry: figures, every rule with pass/fail and value, the computed amount',
    params: idParams, querystring: z.object({ organization_id: id.optional() }), response: { 200: S.prefill } } },
  (req) => checked(S.prefill, prefill(db, actorOf(req), req.params.id, req.query.organization_id)));

  // ——— applications ———
  r.post('/api/policy/programmes/:id/applications', { schema: { tags, summary: 'Open a draft application for your organisation (organisation users); ineligible → 400 with the failing rules, duplicate → 409',
    params: idParams, body: z.object({ organization_id: id.nullish(), note: z.string().max(5000).nullish() }).strict(), response: { 201: S.applicationDetail } } },
  async (req, reply) => reply.status(201).send(await checked(S.applicationDetail, createApplication(db, actorOf(req), req.params.id, req.body))));
  r.get('/api/policy/applications', { schema: { tags, summary: 'Applications: organisation users see their own, managers those of their zones\' programmes (the review queue: status=submitted)',
    querystring: z.object({ programme: id.optional(), status: z.enum(APPLICATION_STATUSES).optional(), disbursable: z.enum(['true', 'false']).optional(),
      limit: z.coerce.number().int().min(1).max(1000).optional(), offset: z.coerce.number().int().min(0).optional() }), response: { 200: S.applicationList } } },
  (req) => checked(S.applicationList, listApplications(db, actorOf(req), { ...req.query, disbursable: req.query.disbursable === undefined ? undefined : req.query.disbursable === 'true' })));
  r.get('/api/policy/applications/:id', { schema: { tags, summary: 'One application with its documents, objections and payment', params: idParams, response: { 200: S.applicationDetail } } },
    (req) => checked(S.applicationDetail, getApplication(db, actorOf(req), req.params.id)));
  r.post('/api/policy/applications/:id/submit', { schema: { tags, summary: 'Submit a draft (all required documents attached; eligibility checked again)', params: idParams, response: { 200: S.applicationDetail } } },
    (req) => checked(S.applicationDetail, submitApplication(db, actorOf(req), req.params.id)));
  r.post('/api/policy/applications/:id/files', { schema: { tags, summary: `Attach a document (multipart field "file", at most ${MAX_APPLICATION_FILE_MB} MB) for one of the programme's required documents`,
    params: idParams, querystring: z.object({ document: z.string().max(40) }), response: { 201: S.applicationDetail } } },
  async (req, reply) => {
    const { a, app: application } = await readableApplication(db, actorOf(req), req.params.id);
    if (a.role !== 'org_user') throw fieldError('file', 'policy.programmes.orgUsersOnly');
    const file = await req.file({ limits: { fileSize: MAX_APPLICATION_FILE_MB * 1024 * 1024 } });
    if (!file) throw fieldError('file', 'policy.programmes.fileMissing');
    let bytes: Buffer;
    try {
      bytes = await file.toBuffer();
    } catch (err) {
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fieldError('file', 'policy.programmes.fileTooLarge', { max: MAX_APPLICATION_FILE_MB });
      throw err;
    }
    const p = await loadProgramme(db, application.programme_id);
    await addApplicationFile(db, a, application, (p.required_documents as { key: string }[]).map((d) => d.key), req.query.document, file.filename, bytes);
    return reply.status(201).send(await checked(S.applicationDetail, getApplication(db, a, req.params.id)));
  });
  r.get('/api/policy/applications/:id/files/:fileId', { schema: { tags, summary: 'Download a document of an application', params: z.object({ id, fileId: id }) } },
    async (req, reply) => {
      await readableApplication(db, actorOf(req), req.params.id);
      const file = await readApplicationFile(db, req.params.id, req.params.fileId);
      return reply.header('content-type', file.media_type).header('content-disposition', attachmentHeader(file.filename)).send(Buffer.from(file.content));
    });
  r.post('/api/policy/applications/:id/review', { schema: { tags, summary: 'Score and decide (admin, operator of the programme\'s zone): approve with an amount ≤ the computed amount, or reject; reasons required',
    params: idParams, body: z.object({ decision: z.enum(['approve', 'reject']), score: z.number().int().min(0).max(100).nullish(), amount_fen: money.nullish(), reason: z.string().max(5000), version: versionField() }).strict(), response: { 200: S.applicationDetail } } },
  (req) => checked(S.applicationDetail, reviewApplication(db, actorOf(req), req.params.id, req.body)));

  // ——— public notice and objections ———
  r.post('/api/policy/programmes/:id/notices', { schema: { tags, summary: 'Publish the approved applications waiting for a public notice (公示) with its period', params: idParams,
    body: z.object({ starts_on: DATE, ends_on: DATE }).strict(), response: { 201: S.notice } } },
  async (req, reply) => reply.status(201).send(await checked(S.notice, publishNotice(db, actorOf(req), req.params.id, req.body))));
  r.get('/api/policy/notices', { schema: { tags, summary: 'Public notices with their applications (signed-in users)', querystring: z.object({ programme: id.optional() }), response: { 200: S.noticeList } } },
    (req) => checked(S.noticeList, listNotices(db, actorOf(req), req.query)));
  r.get('/api/policy/notices/:id', { schema: { tags, summary: 'One public notice', params: idParams, response: { 200: S.notice } } }, (req) => checked(S.notice, getNotice(db, actorOf(req), req.params.id)));
  r.post('/api/policy/applications/:id/objections', { schema: { tags, summary: 'Lodge an objection to an application during its public notice (signed-in users)', params: idParams,
    body: z.object({ text: z.string().max(5000) }).strict(), response: { 201: S.objectionChange } } },
  async (req, reply) => reply.status(201).send(await checked(S.objectionChange, lodgeObjection(db, actorOf(req), req.params.id, req.body.text))));
  r.get('/api/policy/objections', { schema: { tags, summary: 'Objections to applications of the programmes you manage', querystring: z.object({ programme: id.optional(), status: z.enum(['open', 'upheld', 'dismissed']).optional() }), response: { 200: S.objectionList } } },
    (req) => checked(S.objectionList, listObjections(db, actorOf(req), req.query)));
  r.post('/api/policy/objections/:id/resolve', { schema: { tags, summary: 'Resolve an objection: upheld rejects the application, dismissed keeps it', params: idParams,
    body: z.object({ outcome: z.enum(['upheld', 'dismissed']), resolution: z.string().max(5000) }).strict(), response: { 200: S.objectionChange } } },
  (req) => resolveObjection(db, actorOf(req), req.params.id, req.body));

  // ——— disbursement and ledger ———
  r.post('/api/policy/programmes/:id/disbursements', { schema: { tags, summary: 'Pay a batch of disbursable applications in one transaction; the same idempotency_key answers with the same batch, never pays twice',
    params: idParams, body: z.object({ application_ids: z.array(id).min(1).max(5000), idempotency_key: z.string().trim().min(8).max(100) }).strict(), response: { 200: S.batch, 201: S.batch } } },
  async (req, reply) => {
    const result = await disburse(db, actorOf(req), req.params.id, req.body);
    if (!result.replayed) {
      // Subsidies and enterprises supported are evaluation indicators of the organisations' zones: recompute them.
      const zones = await db.query<{ zone_id: number }>('select distinct zone_id from policy_disbursements where batch_id = $1', [result.batch_id]);
      await recordsChanged(db, 'policy-disbursements', zones.map((z) => Number(z.zone_id)));
    }
    return reply.status(result.replayed ? 200 : 201).send(result);
  });
  r.get('/api/policy/programmes/:id/ledger', { schema: { tags, summary: 'Accounts, balances and journal of a programme, checked against its budget', params: idParams, response: { 200: S.ledgerSchema } } },
    (req) => checked(S.ledgerSchema, ledger(db, actorOf(req), req.params.id)));
  r.get('/api/policy/programmes/:id/ledger.xlsx', { schema: { tags, summary: 'Finance export: disbursements, journal and balances as XLSX (headers in your language, yuan)', params: idParams } },
    async (req, reply) => {
      const buf = await exportLedgerXlsx(db, actorOf(req), req.params.id, localeFrom(req.headers['accept-language']));
      return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="programme-${req.params.id}-ledger.xlsx"`).send(buf);
    });
}
