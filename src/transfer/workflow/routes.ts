import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db, Row } from '../../shared/db';
import type { Actor } from '../../shared/access/actor';
import { localeFrom, translate } from '../../shared/i18n';
import { recordsChanged } from '../../shared/records/record-service';
import { AppError, type FieldIssue, invalid } from '../../shared/http/errors';
import { calendarDate, dbIdParam, versionField } from '../../shared/http/zod-blocks';
import { assertBroker, deny, type ItemKind, loadItem, notFoundItem, rejectField, requireActor, TransferError } from './common';
import { acceptNda, canSee, checkTiers, privileged, saveTiers, TIERABLE, tiersOf, viewerOf } from './disclosure';
import { getPublished, listPublished } from './public-listings';
import { addInterest, listInterests } from './interests.service';
import { COOPERATION_MODES } from '../entities';
import { HIGHTECH_FIELDS } from '../../registry/vocabulary';
import { fixedWindowLimit } from '../../shared/http/fixed-window-limit';
import * as S from './schemas';
import { declineMatch, DECLINE_REASONS, listFeedback, type MatchingHandle, matchesFor, setZoneWeights, weightsForZone } from './matching.service';
import { demandQuality, offerQuality } from './quality';
import { changeStatus, qualityReport, statusHistory } from './status.service';
import { addCaseNote, CASE_STAGES, getCase, listCases, moveCase, openCase } from './cases.service';
import { addCaseFile, attachmentHeader, MAX_CASE_FILE_MB, readCaseFile, removeCaseFile } from './case-files.service';
import { attachDemand, createChallenge, getChallenge, listChallenges, pairProposal, scoreProposal, setChallengeStatus, submitProposal } from './challenges.service';
import { transferFunnel } from './funnel';
import { partnerZoneRoutes } from './partner-zones.routes';
import { brokerRoutes } from './brokers.routes';
import { setChallengeFigures } from './challenge-totals';

/**
 * HTTP routes of the transfer workflow. The generic record routes (/api/demands, /api/offers) come from the entity
 * descriptions; the hooks here keep them honest (status and publication only through the workflow, no past
 * deadlines on create) and refresh the matching index after every committed write.
 */
type ActorOf = (req: FastifyRequest) => Actor | null;

const id = dbIdParam();
const idParams = z.object({ id });
const kindOf = (url: string): ItemKind => (url.startsWith('/api/demands') ? 'demand' : 'offer');
const DATE = calendarDate();
/** Money in integer fen (分): never a binary fraction. */
const FEN = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** Sends TransferError in the caller's language; everything else goes to the shared error handler. */
export async function run<T>(req: FastifyRequest, reply: FastifyReply, work: () => Promise<T>, status = 200) {
  try {
    const result = await work();
    return reply.status(status).send(result);
  } catch (err) {
    if (!(err instanceof TransferError)) throw err;
    const en = localeFrom(req.headers['accept-language']) === 'en';
    const message = en ? err.en : err.zh;
    return reply.status(err.status).type('application/problem+json').send({
      type: `https://kechuang.dev/problems/${err.code.toLowerCase()}`, title: message, status: err.status, code: err.code,
      detail: `${err.field}: ${message}`, errors: [{ field: err.field, message: `${err.field}: ${message}` }],
    });
  }
}

/** Filters of the public market: the vocabularies of the entity descriptions, a budget range in 10k yuan. */
const marketQuery = z.object({
  zone: id.optional(),
  q: z.string().max(200).optional(),
  field: z.enum(HIGHTECH_FIELDS.map((o) => o.value) as [string, ...string[]]).optional(),
  mode: z.enum(COOPERATION_MODES.map((o) => o.value) as [string, ...string[]]).optional(),
  budget_min: z.coerce.number().min(0).max(1e12).optional(),
  budget_max: z.coerce.number().min(0).max(1e12).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).max(10_000).optional(),
});

/** 我要对接: who, how to reach them, what about, and the PIPL consent to hand the contact data to the broker. */
const interestBody = z.object({
  name: z.string().trim().min(1).max(100),
  organization: z.string().trim().max(200).nullish(),
  contact: z.string().trim().min(3).max(200),
  message: z.string().trim().min(1).max(2000),
  consent: z.literal(true),
});
const INTERESTS_PER_ADDRESS = 5;
const INTEREST_WINDOW_MINUTES = 10;

const GENERIC = new Set(['/api/demands', '/api/demands/:id', '/api/demands/:id/retire', '/api/offers', '/api/offers/:id', '/api/offers/:id/retire']);

export function transferRoutes(app: FastifyInstance, db: Db, actorOf: ActorOf, matching: MatchingHandle) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const interestsPerAddress = fixedWindowLimit(INTERESTS_PER_ADDRESS, INTEREST_WINDOW_MINUTES * 60_000);

  // ——— guards and index refresh around the generic record routes ———
  app.addHook('preHandler', async (req) => {
    const url = req.routeOptions.url ?? '';
    if (!GENERIC.has(url) || (req.method !== 'POST' && req.method !== 'PATCH') || url.endsWith('/retire')) return;
    const body = (req.body ?? {}) as Row;
    const issues: FieldIssue[] = [];
    if (body.published === true) issues.push({ field: 'published', key: 'transfer.write.publishViaWorkflow' });
    if (req.method === 'POST') {
      if (body.status != null && body.status !== 'draft') issues.push({ field: 'status', key: 'transfer.write.draftOnCreate' });
      if (typeof body.deadline === 'string' && body.deadline < new Date().toISOString().slice(0, 10)) {
        issues.push({ field: 'deadline', key: 'field.type', params: { type: translate(localeFrom(req.headers['accept-language']), 'transfer.write.deadlinePast') } });
      }
      if (body.confidentiality === null) delete body.confidentiality;
      if (body.status === null) delete body.status;
    } else if ('status' in body) {
      issues.push({ field: 'status', key: 'field.readOnly' });
    }
    if (body.achievement_id != null) {
      const found = await db.query('select organization_id from achievements where id = $1 and retired_at is null', [body.achievement_id]);
      if (!found.length) issues.push({ field: 'achievement_id', key: 'field.type', params: { type: translate(localeFrom(req.headers['accept-language']), 'transfer.write.achievementExists') } });
    }
    if (issues.length) throw invalid(issues);
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const url = req.routeOptions.url ?? '';
    if (!GENERIC.has(url) || req.method === 'GET' || reply.statusCode >= 300) return payload;
    const params = req.params as { id?: string };
    let itemId = Number(params.id);
    if (!itemId && typeof payload === 'string') itemId = Number((JSON.parse(payload) as Row).id);
    if (itemId) await matching.refresh(kindOf(url), itemId);
    return payload;
  });

  for (const kind of ['demand', 'offer'] as const) {
    const base = kind === 'demand' ? '/api/demands' : '/api/offers';
    const tags = ['transfer'];

    // Public view with disclosure tiers (anyone, including anonymous visitors).
    r.get(`/api/transfer/${kind}s`, {
      schema: { tags, summary: `Published ${kind}s, as this viewer may see them (brokers-only demands never appear)`,
        querystring: marketQuery, response: { 200: S.publicList } },
    }, (req, reply) => run(req, reply, () => listPublished(req.readDb, actorOf(req), kind, req.query)));

    r.post(`/api/transfer/${kind}s/:id/interest`, {
      schema: { tags, summary: `Express interest (我要对接) in a published ${kind}, signed in or not; seen only by the zone's brokers. At most ${INTERESTS_PER_ADDRESS} per address in ${INTEREST_WINDOW_MINUTES} minutes`,
        params: idParams, body: interestBody, response: { 201: S.interestCreated } },
    }, (req, reply) => run(req, reply, () => {
      interestsPerAddress(req.ip);
      return addInterest(db, actorOf(req), kind, req.params.id, req.body, localeFrom(req.headers['accept-language']));
    }, 201));

    r.get(`/api/transfer/${kind}s/:id`, { schema: { tags, summary: `One ${kind} with disclosure tiers applied; NDA reveals are logged`, params: idParams, response: { 200: S.publicDetail } } },
      (req, reply) => run(req, reply, () => getPublished(db, actorOf(req), kind, req.params.id, req.readDb)));

    r.post(`/api/transfer/${kind}s/:id/nda`, { schema: { tags, summary: 'Accept the click-through non-disclosure terms of this item', params: idParams, body: z.object({ accept: z.literal(true) }), response: { 200: S.ndaAccepted } } },
      (req, reply) => run(req, reply, async () => {
        const a = requireActor(actorOf(req));
        const v = await viewerOf(db, a);
        const row = await loadItem(db, kind, req.params.id);
        if (!row || !canSee(v, kind, row)) throw notFoundItem(kind, req.params.id);
        await acceptNda(db, a, kind, req.params.id);
        return { accepted: true };
      }));

    r.get(`${base}/:id/disclosure`, { schema: { tags, summary: 'Disclosure tier of each field, and the NDA reveal log (owner and brokers)', params: idParams, response: { 200: S.disclosure } } },
      (req, reply) => run(req, reply, async () => {
        const v = await viewerOf(db, actorOf(req));
        const row = await loadItem(db, kind, req.params.id);
        if (!row || !privileged(v, row)) throw notFoundItem(kind, req.params.id);
        const reveals = await db.query(`select x.fields, x.at, u.username from transfer_disclosure_reveals x join users u on u.id = x.user_id
          where x.item_kind = $1 and x.item_id = $2 order by x.id desc limit 500`, [kind, req.params.id]);
        return { tiers: tiersOf(kind, row), version: Number(row.version), tierable: TIERABLE[kind], reveals };
      }));

    r.put(`${base}/:id/disclosure`, { schema: { tags, summary: 'Set disclosure tiers (public | signed_in | nda) per field', params: idParams, body: z.object({ tiers: z.record(z.string(), z.string()), version: versionField() }), response: { 200: S.tiersOnly } } },
      (req, reply) => run(req, reply, async () => {
        const v = await viewerOf(db, requireActor(actorOf(req)));
        const row = await loadItem(db, kind, req.params.id);
        if (!row || !privileged(v, row)) throw notFoundItem(kind, req.params.id);
        const tiers = checkTiers(kind, req.body.tiers);
        const version = await saveTiers(db, v.actor!, kind, row, tiers, req.body.version);
        await matching.refresh(kind, req.params.id);
        return { tiers: { ...tiersOf(kind, { disclosure: tiers }) }, version };
      }));

    r.get(`${base}/:id/quality`, { schema: { tags, summary: 'Quality score 0–100 with suggestions (zh, en)', params: idParams, response: { 200: S.quality } } },
      (req, reply) => run(req, reply, () => qualityReport(db, actorOf(req), kind, req.params.id)));

    r.post(`/api/transfer/quality/${kind}`, { schema: { tags, summary: `Quality score of a ${kind} draft (nothing stored)`, body: z.record(z.string(), z.unknown()), response: { 200: S.quality } } },
      (req, reply) => run(req, reply, async () => (kind === 'demand' ? demandQuality(req.body) : offerQuality(req.body))));

    r.post(`${base}/:id/status`, {
      schema: { tags, summary: 'submit | screen | publish (broker; override below the quality threshold with a note) | send_back (broker, note) | close | reopen', params: idParams,
        body: z.object({ action: z.enum(['submit', 'screen', 'publish', 'send_back', 'close', 'reopen']), note: z.string().max(5000).nullish(), override: z.boolean().optional() }), response: { 200: S.statusChanged } },
    }, (req, reply) => run(req, reply, () => changeStatus(db, actorOf(req), kind, req.params.id, req.body, (k, i) => matching.refresh(k, i))));

    r.get(`${base}/:id/status-history`, { schema: { tags, summary: 'Workflow history (notes, overrides)', params: idParams, response: { 200: S.statusHistory } } },
      (req, reply) => run(req, reply, async () => ({ items: await statusHistory(db, actorOf(req), kind, req.params.id) })));

    r.get(`${base}/:id/matches`, { schema: { tags, summary: `Ranked ${kind === 'demand' ? 'offers' : 'demands'} with explanations`, params: idParams, querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).optional() }), response: { 200: S.matches } } },
      (req, reply) => run(req, reply, () => matchesFor(db, matching, actorOf(req), kind, req.params.id, req.query.limit ?? 10)));

    r.post(`${base}/:id/matches/:resultId/decline`, {
      schema: { tags, summary: 'Decline a proposed match with a reason; later matches for this party take it into account',
        params: z.object({ id, resultId: id }), body: z.object({ reason: z.enum(DECLINE_REASONS), note: z.string().max(5000).nullish() }), response: { 201: S.declined } },
    }, (req, reply) => run(req, reply, () => declineMatch(db, matching, actorOf(req), kind, req.params.id, req.params.resultId, req.body.reason, req.body.note), 201));
  }

  r.get('/api/transfer/interests', {
    schema: { tags: ['transfer'], summary: 'Expressions of interest (我要对接) on listings of the caller\'s zones, newest first (brokers: zone operators and admins)',
      querystring: z.object({ zone: id.optional(), kind: z.enum(['demand', 'offer']).optional(), item: id.optional(), limit: z.coerce.number().int().min(1).max(200).optional(), offset: z.coerce.number().int().min(0).optional() }),
      response: { 200: S.interestList } },
  }, (req, reply) => run(req, reply, () => listInterests(db, actorOf(req), req.query)));

  r.get('/api/transfer/feedback', { schema: { tags: ['transfer'], summary: 'Declined matches with reasons (brokers)', querystring: z.object({ zone: id.optional() }), response: { 200: S.feedback } } },
    (req, reply) => run(req, reply, async () => ({ items: await listFeedback(db, actorOf(req), req.query.zone) })));

  r.get('/api/zones/:id/match-weights', { schema: { tags: ['transfer'], summary: 'Matching weights in force for a zone', params: idParams, response: { 200: S.weights } } },
    (req, reply) => run(req, reply, () => weightsForZone(db, req.params.id)));
  r.put('/api/zones/:id/match-weights', { schema: { tags: ['transfer'], summary: 'Set matching weights for a zone (admin, zone operator)', params: idParams, body: z.record(z.string(), z.unknown()), response: { 200: S.weights } } },
    (req, reply) => run(req, reply, () => setZoneWeights(db, actorOf(req), req.params.id, req.body)));

  r.post('/api/transfer/matching/rebuild', { schema: { tags: ['transfer'], summary: 'Rebuild the matching index from the database (admin)', response: { 200: S.rebuilt } } },
    (req, reply) => run(req, reply, async () => {
      const a = requireActor(actorOf(req));
      if (a.role !== 'admin') throw deny('transfer.adminOnlyRebuild');
      return matching.rebuild();
    }));

  partnerZoneRoutes(app, db, actorOf, matching);
  brokerRoutes(app, db, actorOf);

  // ——— cases ———
  r.post('/api/transfer/cases', { schema: { tags: ['transfer'], summary: 'Open a brokerage case from a match (broker)', body: z.object({ demand_id: id, offer_id: id, note: z.string().max(5000).nullish() }), response: { 201: S.caseDetail } } },
    (req, reply) => run(req, reply, () => openCase(db, actorOf(req), req.body), 201));
  r.get('/api/transfer/cases', { schema: { tags: ['transfer'], summary: 'Cases: brokers see their zones, parties their own', querystring: z.object({ stage: z.enum(CASE_STAGES).optional(), zone: id.optional() }), response: { 200: S.caseList } } },
    (req, reply) => run(req, reply, async () => ({ items: await listCases(db, actorOf(req), req.query) })));
  r.get('/api/transfer/cases/:id', { schema: { tags: ['transfer'], summary: 'One case with its stage history and notes', params: idParams, response: { 200: S.caseDetail } } },
    (req, reply) => run(req, reply, () => getCase(db, actorOf(req), req.params.id)));
  r.post('/api/transfer/cases/:id/stage', {
    schema: { tags: ['transfer'], summary: 'Move a case to its next stage', params: idParams,
      body: z.object({ stage: z.string().max(40), note: z.string().max(5000).nullish(), contract_type: z.string().max(40).nullish(), contract_amount: z.number().min(0).nullish(),
        contract_date: z.string().max(10).nullish(), registration_no: z.string().max(100).nullish(), failure_reason: z.string().max(5000).nullish() }), response: { 200: S.caseDetail } },
  }, (req, reply) => run(req, reply, async () => {
    const moved = await moveCase(db, actorOf(req), req.params.id, req.body);
    // Contracts and their turnover are indicators of the zone (and the zones above): recompute them.
    await recordsChanged(db, 'transfer-cases', [Number(moved.zone_id)]);
    return moved;
  }));
  r.post('/api/transfer/cases/:id/notes', { schema: { tags: ['transfer'], summary: 'Add a broker note', params: idParams, body: z.object({ note: z.string() }), response: { 201: S.caseDetail } } },
    (req, reply) => run(req, reply, () => addCaseNote(db, actorOf(req), req.params.id, req.body.note), 201));
  const fileParams = z.object({ id, fileId: id });
  r.post('/api/transfer/cases/:id/files', {
    schema: { tags: ['transfer'], summary: `Add a document to a case (multipart field "file", at most ${MAX_CASE_FILE_MB} MB; the parties and brokers)`, params: idParams, response: { 201: S.caseDetail } },
  }, (req, reply) => run(req, reply, async () => {
    const actor = requireActor(actorOf(req));
    const file = await req.file({ limits: { fileSize: MAX_CASE_FILE_MB * 1024 * 1024 } });
    if (!file) throw rejectField('file', 'transfer.case.fileMissing');
    let bytes: Buffer;
    try {
      bytes = await file.toBuffer();
    } catch (err) {
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw rejectField('file', 'transfer.case.fileTooLarge', { max: MAX_CASE_FILE_MB });
      throw err;
    }
    await addCaseFile(db, actor, req.params.id, { filename: file.filename, bytes });
    return getCase(db, actor, req.params.id);
  }, 201));
  r.get('/api/transfer/cases/:id/files/:fileId', { schema: { tags: ['transfer'], summary: 'Download a document of a case', params: fileParams } },
    (req, reply) => run(req, reply, async () => {
      const file = await readCaseFile(db, actorOf(req), req.params.id, req.params.fileId);
      reply.header('content-type', file.media_type).header('content-disposition', attachmentHeader(file.filename));
      return Buffer.from(file.content);
    }));
  r.delete('/api/transfer/cases/:id/files/:fileId', { schema: { tags: ['transfer'], summary: 'Remove a document (its uploader, or a broker)', params: fileParams, response: { 200: S.caseDetail } } },
    (req, reply) => run(req, reply, async () => {
      await removeCaseFile(db, actorOf(req), req.params.id, req.params.fileId);
      return getCase(db, actorOf(req), req.params.id);
    }));

  // ——— challenges ———
  r.post('/api/transfer/challenges', {
    schema: { tags: ['transfer'], summary: 'Create an innovation challenge (揭榜挂帅)', body: z.object({ zone_id: id, title: z.string().max(300), description: z.string().max(100_000).nullish(), opens_on: DATE, closes_on: DATE, prize_amount_fen: FEN.nullish() }), response: { 201: S.challenge } },
  }, (req, reply) => run(req, reply, () => createChallenge(db, actorOf(req), req.body), 201));
  r.get('/api/transfer/challenges', { schema: { tags: ['transfer'], summary: 'Challenges', querystring: z.object({ zone: id.optional() }), response: { 200: S.challengeList } } },
    (req, reply) => run(req, reply, async () => ({ items: await listChallenges(db, actorOf(req), req.query.zone) })));
  r.get('/api/transfer/challenges/:id', { schema: { tags: ['transfer'], summary: 'A challenge with its demands and proposals (brokers see all proposals with scores, solvers their own)', params: idParams, response: { 200: S.challengeDetail } } },
    (req, reply) => run(req, reply, () => getChallenge(db, actorOf(req), req.params.id)));
  r.patch('/api/transfer/challenges/:id', {
    schema: { tags: ['transfer'], summary: 'Set a challenge\'s prize and the agreements reported as signed at it outside the platform (broker; integer fen, null clears)', params: idParams,
      body: z.object({ prize_amount_fen: FEN.nullish(), agreements_reported: z.number().int().min(0).max(10_000_000).nullish(), agreement_amount_reported_fen: FEN.nullish() }), response: { 200: S.challenge } },
  }, (req, reply) => run(req, reply, () => setChallengeFigures(db, actorOf(req), req.params.id, req.body)));
  r.post('/api/transfer/challenges/:id/status', { schema: { tags: ['transfer'], summary: 'Move a challenge to its next status', params: idParams, body: z.object({ status: z.string().max(20) }), response: { 200: S.challenge } } },
    (req, reply) => run(req, reply, () => setChallengeStatus(db, actorOf(req), req.params.id, req.body.status)));
  r.post('/api/transfer/challenges/:id/demands', { schema: { tags: ['transfer'], summary: 'Attach a demand', params: idParams, body: z.object({ demand_id: id }), response: { 200: S.challengeDetail } } },
    (req, reply) => run(req, reply, () => attachDemand(db, actorOf(req), req.params.id, req.body.demand_id)));
  r.post('/api/transfer/challenges/:id/proposals', {
    schema: { tags: ['transfer'], summary: 'Submit a solver proposal (揭榜)', params: idParams, body: z.object({ demand_id: id, organization_id: id.nullish(), offer_id: id.nullish(), text: z.string() }), response: { 201: S.proposal } },
  }, (req, reply) => run(req, reply, () => submitProposal(db, actorOf(req), req.params.id, req.body), 201));
  r.post('/api/transfer/proposals/:id/scores', { schema: { tags: ['transfer'], summary: 'Panel score 0–100 with comment', params: idParams, body: z.object({ score: z.number(), comment: z.string().max(5000).nullish() }), response: { 200: S.proposalScore } } },
    (req, reply) => run(req, reply, () => scoreProposal(db, actorOf(req), req.params.id, req.body)));
  r.post('/api/transfer/proposals/:id/pair', { schema: { tags: ['transfer'], summary: 'Pair a proposal with its demand and open a case', params: idParams, response: { 201: S.caseDetail } } },
    (req, reply) => run(req, reply, () => pairProposal(db, actorOf(req), req.params.id), 201));

  // ——— funnel ———
  r.get('/api/zones/:id/transfer-funnel', {
    schema: { tags: ['transfer'], summary: 'Transfer funnel of a zone subtree for demands collected in [from, to]', params: idParams, querystring: z.object({ from: DATE.optional(), to: DATE.optional() }), response: { 200: S.funnel } },
  }, (req, reply) => run(req, reply, async () => {
    const actor = actorOf(req);
    if (!actor) throw requireActor(actor);
    if (actor.role !== 'org_user') await assertBroker(db, actor, req.params.id);
    else throw deny('transfer.funnelForBrokers');
    const to = req.query.to ?? new Date().toISOString().slice(0, 10);
    // A year back, through the calendar (29 February 2024 → 1 March 2023, not the nonexistent 29 February 2023).
    const back = new Date(`${to}T00:00:00Z`);
    back.setUTCFullYear(back.getUTCFullYear() - 1);
    const from = req.query.from ?? back.toISOString().slice(0, 10);
    return transferFunnel(db, req.params.id, from, to);
  }));
}
