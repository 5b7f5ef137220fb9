import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../shared/db';
import type { ActorOf } from '../../shared/http/actor-of';
import { invalid } from '../../shared/http/errors';
import { localeFrom } from '../../shared/i18n';
import type { PolicyCaseInput } from '../rules/case';
import * as S from './assessment.schemas';
import { checkDate, createAssessment, getAssessment, listAssessments, prefill, runAssessment, saveNewVersion, today } from './assessment.service';
import { closestToNextTier } from './closest.service';
import { exportMatches, matchesForEnterprise, qualifiedNotApplied } from './matching.service';
import { zonePipeline } from './pipeline.service';
import { requireRuleAdmin } from './assessment-access';
import { superDeduction } from './engine';
import { listRuleVersions, parseJsonFile, uploadRuleVersion } from './rule-versions.service';

/**
 * HTTP routes of self-assessment, rule versions, policy matching and the cultivation pipeline (/api/policy/…).
 * Each route validates, calls one service function with the actor, and returns what it gives.
 */
const tags = ['policy'];
const asCase = (c: Record<string, unknown> | undefined) => c as PolicyCaseInput | undefined;

export function assessmentRoutes(app: FastifyInstance, db: Db, actorOf: ActorOf): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/policy/assessment/prefill', {
    schema: { tags, summary: 'The case prefilled from the registry for an enterprise and programme, where each value came from, and the engine\'s preview on it', querystring: S.prefillQuery, response: { 200: S.prefillResponse } },
  }, (req) => prefill(db, actorOf(req), req.query.organization, req.query.programme, req.query.date));

  r.post('/api/policy/assessment/run', {
    schema: { tags, summary: 'Self-assess an enterprise (registry facts + the given case) with the rule version in force on the date; nothing is stored', body: S.runBody, response: { 200: S.runResponse } },
  }, (req) => runAssessment(db, actorOf(req), { ...req.body, case: asCase(req.body.case) }));

  r.get('/api/policy/assessments', {
    schema: { tags, summary: 'Saved assessments the caller may see, newest first, with the verdict of their latest version', querystring: S.listQuery, response: { 200: S.assessmentList } },
  }, (req) => listAssessments(db, actorOf(req), req.query));

  r.post('/api/policy/assessments', {
    schema: { tags, summary: 'Assess and save (version 1, with its inputs and result)', body: S.saveBody, response: { 201: S.assessmentDetail } },
  }, async (req, reply) => reply.status(201).send(await createAssessment(db, actorOf(req), { ...req.body, case: asCase(req.body.case) })));

  r.get('/api/policy/assessments/:id', {
    schema: { tags, summary: 'A saved assessment with every version (inputs, result, rule version, who and when)', params: z.object({ id: S.id }), response: { 200: S.assessmentDetail } },
  }, (req) => getAssessment(db, actorOf(req), req.params.id));

  r.post('/api/policy/assessments/:id/versions', {
    schema: { tags, summary: 'Assess again and save as the next version (send the version you read; 409 if another was saved meanwhile)', params: z.object({ id: S.id }), body: S.versionBody, response: { 201: S.assessmentDetail } },
  }, async (req, reply) => reply.status(201).send(await saveNewVersion(db, actorOf(req), req.params.id, { ...req.body, case: asCase(req.body.case) })));

  r.get('/api/policy/rule-versions', {
    schema: { tags, summary: 'Rule versions (shipped and added from files) with their effective period, status, sources and confidence of every rule', querystring: S.ruleVersionsQuery, response: { 200: S.ruleVersionList } },
  }, (req) => listRuleVersions(db, actorOf(req), req.query.programme));

  r.post('/api/policy/rule-versions', {
    schema: { tags, summary: 'Add a rule version from its JSON definition (platform admin: everywhere; zone operator: their zone subtree)', body: S.ruleUploadBody, response: { 201: S.ruleVersionView } },
  }, async (req, reply) => reply.status(201).send(await uploadRuleVersion(db, actorOf(req), req.body.definition, req.body.file_name ?? null, req.body.programme)));

  r.post('/api/policy/rule-versions/file', {
    schema: { tags, summary: 'Add a rule version from a JSON file (multipart field "file")', response: { 201: S.ruleVersionView } },
  }, async (req, reply) => {
    requireRuleAdmin(actorOf(req)); // before reading the upload
    const file = await req.file({ limits: { fileSize: 2 * 1024 * 1024 } });
    if (!file) throw invalid([{ field: 'file', key: 'policy.assessment.ruleFileMissing' }]);
    const text = (await file.toBuffer()).toString('utf8');
    return reply.status(201).send(await uploadRuleVersion(db, actorOf(req), parseJsonFile(text), file.filename));
  });

  r.get('/api/policy/matching/enterprises/:id', {
    schema: { tags, summary: 'Open incentive programmes and qualifications this enterprise meets or nearly meets, with the estimated amount', params: z.object({ id: S.id }), querystring: S.enterpriseMatchQuery, response: { 200: S.enterpriseMatches } },
  }, (req) => matchesForEnterprise(db, actorOf(req), req.params.id, checkDate(req.query.date)));

  r.get('/api/policy/matching/programme-candidates', {
    schema: { tags, summary: 'Enterprises of your zone that qualify for a programme and have not applied, with the estimated amount', querystring: S.zoneMatchQuery, response: { 200: S.zoneMatches } },
  }, (req) => qualifiedNotApplied(db, actorOf(req), { ...req.query, date: checkDate(req.query.date) }));

  r.get('/api/policy/matching/programme-candidates/export', {
    schema: { tags, summary: 'The same list as a CSV or XLSX contact list (every candidate, up to 100,000)', querystring: S.zoneMatchExportQuery },
  }, async (req, reply) => {
    const { format, ...q } = req.query;
    const result = await qualifiedNotApplied(db, actorOf(req), { ...q, date: checkDate(q.date), limit: 100_000, offset: 0 });
    const body = await exportMatches(result, format, localeFrom(req.headers['accept-language']) === 'en');
    return reply.header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="policy-candidates-${result.programme.id}-${result.date}.${format}"`).send(body);
  });

  r.post('/api/policy/super-deduction', {
    schema: { tags, summary: 'R&D super-deduction (研发费用加计扣除) for a tax year and enterprise kind: rate history, exclusions, caps, each line with its source', body: S.superDeductionBody, response: { 200: S.superDeduction } },
  }, async (req) => superDeduction(req.body));

  r.get('/api/policy/pipeline', {
    schema: { tags, summary: 'Gradient-cultivation pipeline of a zone subtree: enterprises per tier on a date, transitions by year, lapsing certificates', querystring: S.pipelineQuery, response: { 200: S.pipeline } },
  }, (req) => zonePipeline(db, actorOf(req), {
    zone: req.query.zone, date: checkDate(req.query.date), fromYear: req.query.from_year, toYear: req.query.to_year, lapsingDays: req.query.lapsing_days, limit: req.query.limit,
  }));

  r.get('/api/policy/pipeline/closest', {
    schema: { tags, summary: 'Enterprises closest to their next tier, by self-assessment on registry data', querystring: S.closestQuery, response: { 200: S.closest } },
  }, (req) => closestToNextTier(db, actorOf(req), { zone: req.query.zone, date: checkDate(req.query.date ?? today()), tier: req.query.tier, limit: req.query.limit }));
}
