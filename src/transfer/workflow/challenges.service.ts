import type { Db, Queryable, Row } from '../../shared/db';
import type { Actor } from '../../shared/access/actor';
import { createRecord } from '../../shared/records/record-service';
import { offers } from '../entities';
import { assertBroker, deny, loadItem, notFoundItem, rejectField, requireActor, TransferError } from './common';
import { openCase } from './cases.service';
import { canSee, viewerOf } from './disclosure';
import { withTotals } from './challenge-totals';

/**
 * Innovation challenges (揭榜挂帅): a zone's campaign collects demands (open), screens them (screening), publishes
 * them for solvers (published: proposals accepted), has a panel score proposals (scoring), and closes. A pairing of a
 * proposal with its demand opens a brokerage case (with the solver's offer, or one created from the proposal).
 */
export const CHALLENGE_STATUSES = ['open', 'screening', 'published', 'scoring', 'closed'] as const;
type Status = (typeof CHALLENGE_STATUSES)[number];
const hasWords = (s: unknown) => typeof s === 'string' && /[\p{L}\p{N}]/u.test(s);

const challengeNotFound = (id: number) => new TransferError('NOT_FOUND', 'challenges', 'transfer.challengeNotFound', { id });

async function challengeRow(db: Queryable, id: number) {
  const row = (await db.query('select * from transfer_challenges where id = $1', [id]))[0];
  if (!row) throw challengeNotFound(id);
  return row;
}

export async function createChallenge(db: Db, actor: Actor | null, input: { zone_id: number; title: string; description?: string | null; opens_on: string; closes_on: string; prize_amount_fen?: number | null }) {
  const a = await assertBroker(db, actor, input.zone_id);
  if (!hasWords(input.title)) throw rejectField('title', 'transfer.challenge.title');
  if (input.closes_on < input.opens_on) throw rejectField('closes_on', 'transfer.challenge.closesBeforeOpens');
  const code = `CH-${Date.now().toString(36).toUpperCase()}${Math.random().toString(36).slice(2, 5).toUpperCase()}`;
  const rows = await db.query(
    `insert into transfer_challenges (code, zone_id, title, description, opens_on, closes_on, created_by, prize_amount_fen) values ($1, $2, $3, $4, $5, $6, $7, $8) returning *`,
    [code, input.zone_id, input.title.trim(), input.description ?? null, input.opens_on, input.closes_on, a.userId, input.prize_amount_fen ?? null]);
  return (await withTotals(db, rows))[0]!;
}

export async function setChallengeStatus(db: Db, actor: Actor | null, id: number, status: string) {
  const row = await challengeRow(db, id);
  await assertBroker(db, actor, Number(row.zone_id));
  const from = CHALLENGE_STATUSES.indexOf(row.status as Status);
  const to = CHALLENGE_STATUSES.indexOf(status as Status);
  if (to !== from + 1) {
    const next = CHALLENGE_STATUSES[from + 1];
    throw next ? rejectField('status', 'transfer.challenge.nextStatus', { status: String(row.status), next }) : rejectField('status', 'transfer.challenge.isClosed');
  }
  return (await withTotals(db, await db.query('update transfer_challenges set status = $1, updated_at = now() where id = $2 returning *', [status, id])))[0]!;
}

export async function attachDemand(db: Db, actor: Actor | null, id: number, demandId: number) {
  const row = await challengeRow(db, id);
  const a = requireActor(actor);
  const demand = await loadItem(db, 'demand', demandId);
  if (!demand) throw notFoundItem('demand', demandId);
  const v = await viewerOf(db, a);
  const ownerOrBroker = (a.role === 'org_user' && a.organizationId === Number(demand.organization_id)) || v.allZones || v.brokerZones.has(Number(row.zone_id));
  if (!ownerOrBroker) throw deny('transfer.challenge.attachWho');
  if (!['open', 'screening'].includes(String(row.status))) throw rejectField('status', 'transfer.challenge.attachWhen');
  await db.query('insert into transfer_challenge_demands (challenge_id, demand_id, zone_id) values ($1, $2, $3) on conflict do nothing', [id, demandId, row.zone_id]);
  return getChallenge(db, actor, id);
}

/**
 * A challenge being prepared (open: demands are gathered; screening: they are checked) is for the brokers of its zone;
 * from its publication on, everyone may read it.
 */
const PUBLIC_CHALLENGE = ['published', 'scoring', 'closed'];
const mayReadChallenge = (v: Awaited<ReturnType<typeof viewerOf>>, row: Row) =>
  PUBLIC_CHALLENGE.includes(String(row.status)) || v.allZones || v.brokerZones.has(Number(row.zone_id));

export async function getChallenge(db: Queryable, actor: Actor | null, id: number) {
  const v = await viewerOf(db, actor);
  const found = await challengeRow(db, id);
  if (!mayReadChallenge(v, found)) throw challengeNotFound(id);
  const row = (await withTotals(db, [found]))[0]!;
  const demandRows = await db.query(
    'select d.* from transfer_challenge_demands cd join tech_demands d on d.id = cd.demand_id where cd.challenge_id = $1 order by d.id', [id]);
  const isBroker = v.allZones || v.brokerZones.has(Number(row.zone_id));
  const proposals = await db.query(
    `select p.id, p.demand_id, p.organization_id, p.offer_id, p.text, p.case_id, p.created_at,
            count(s.score)::int as scores, avg(s.score)::float8 as average,
            max(o.name_zh) as org_name_zh, max(o.name_en) as org_name_en,
            max(case when s.scorer_id = $2 then s.score end) as my_score, max(case when s.scorer_id = $2 then s.comment end) as my_comment
     from transfer_challenge_proposals p left join transfer_proposal_scores s on s.proposal_id = p.id
     left join organizations o on o.id = p.organization_id
     where p.challenge_id = $1 group by p.zone_id, p.id order by average desc nulls last, p.id`, [id, actor?.userId ?? null]);
  return {
    ...row,
    demands: demandRows.filter((d) => canSee(v, 'demand', d)).map((d) => ({ id: d.id, code: d.code, title: d.title, status: d.status })),
    // Solvers see their own proposals; brokers see all with their scores (and the score they gave themselves).
    proposals: proposals
      .filter((p) => isBroker || (actor?.role === 'org_user' && actor.organizationId === Number(p.organization_id)))
      .map(({ org_name_zh, org_name_en, my_score, my_comment, ...p }) => ({
        ...p,
        average: p.average == null ? null : Math.round(Number(p.average) * 10) / 10,
        organization: { id: Number(p.organization_id), name_zh: (org_name_zh as string | null) ?? null, name_en: (org_name_en as string | null) ?? null },
        my_score: my_score == null ? null : { score: Number(my_score), comment: (my_comment as string | null) ?? null },
      })),
  };
}

export async function listChallenges(db: Queryable, actor: Actor | null, zoneId?: number) {
  const v = await viewerOf(db, actor);
  const rows = await db.query(`select * from transfer_challenges where ($1::int8 is null or zone_id = $1)
    and ($2::bool or status = any($3::text[]) or zone_id = any($4::int8[])) order by id desc limit 500`,
  [zoneId ?? null, v.allZones, PUBLIC_CHALLENGE, [...v.brokerZones]]);
  return withTotals(db, rows);
}

export async function submitProposal(db: Db, actor: Actor | null, id: number, input: { demand_id: number; organization_id?: number | null; offer_id?: number | null; text: string }) {
  const a = requireActor(actor);
  const row = await challengeRow(db, id);
  if (row.status !== 'published') throw rejectField('status', 'transfer.challenge.proposeWhen');
  const attached = await db.query('select 1 from transfer_challenge_demands where challenge_id = $1 and demand_id = $2', [id, input.demand_id]);
  if (!attached.length) throw rejectField('demand_id', 'transfer.challenge.demandNotListed');
  const org = a.role === 'org_user' ? a.organizationId : input.organization_id;
  if (!org) throw rejectField('organization_id', 'transfer.challenge.solverMissing');
  if (a.role !== 'org_user') await assertBroker(db, a, Number(row.zone_id));
  if (!hasWords(input.text)) throw rejectField('text', 'transfer.challenge.proposalText');
  if (input.text.length > 100_000) throw rejectField('text', 'transfer.challenge.proposalTooLong');
  if (input.offer_id != null) {
    const offer = await loadItem(db, 'offer', input.offer_id);
    if (!offer || Number(offer.organization_id) !== Number(org)) throw rejectField('offer_id', 'transfer.challenge.offerNotSolvers');
  }
  return (await db.query(
    `insert into transfer_challenge_proposals (challenge_id, demand_id, zone_id, organization_id, offer_id, text, created_by) values ($1, $2, $3, $4, $5, $6, $7) returning *`,
    [id, input.demand_id, row.zone_id, org, input.offer_id ?? null, input.text, a.userId]))[0]!;
}

async function proposalRow(db: Queryable, proposalId: number) {
  const p = (await db.query('select p.*, c.status as challenge_status, c.title as challenge_title from transfer_challenge_proposals p join transfer_challenges c on c.id = p.challenge_id where p.id = $1', [proposalId]))[0];
  if (!p) throw new TransferError('NOT_FOUND', 'proposals', 'transfer.proposalNotFound', { id: proposalId });
  return p;
}

export async function scoreProposal(db: Db, actor: Actor | null, proposalId: number, input: { score: number; comment?: string | null }) {
  const p = await proposalRow(db, proposalId);
  const a = await assertBroker(db, actor, Number(p.zone_id));
  if (p.challenge_status !== 'scoring') throw rejectField('status', 'transfer.challenge.scoreWhen');
  if (!Number.isInteger(input.score) || input.score < 0 || input.score > 100) throw rejectField('score', 'transfer.challenge.scoreRange');
  await db.query(
    `insert into transfer_proposal_scores (proposal_id, scorer_id, zone_id, score, comment) values ($1, $2, $3, $4, $5)
     on conflict (zone_id, proposal_id, scorer_id) do update set score = excluded.score, comment = excluded.comment, at = now()`,
    [proposalId, a.userId, p.zone_id, input.score, input.comment ?? null]);
  const agg = (await db.query<{ n: number; average: number }>('select count(*)::int as n, avg(score)::float8 as average from transfer_proposal_scores where proposal_id = $1', [proposalId]))[0]!;
  return { proposal_id: proposalId, scores: agg.n, average: Math.round(Number(agg.average) * 10) / 10 };
}

/** Records the pairing of a proposal with its demand and opens a case (creating a draft offer from the proposal if needed). */
export async function pairProposal(db: Db, actor: Actor | null, proposalId: number) {
  const p = await proposalRow(db, proposalId);
  const a = await assertBroker(db, actor, Number(p.zone_id));
  if (!['scoring', 'closed'].includes(String(p.challenge_status))) throw rejectField('status', 'transfer.challenge.pairWhen');
  if (p.case_id) throw new TransferError('CONFLICT', 'case_id', 'transfer.challenge.alreadyPaired', { id: Number(p.case_id) });
  let offerId = p.offer_id as number | null;
  if (!offerId) {
    const text = String(p.text);
    const offer = await createRecord(db, a, offers, {
      title: `${String(p.challenge_title).slice(0, 200)} — 揭榜方案 / proposal ${p.id}`, summary: text, organization_id: Number(p.organization_id), status: 'draft',
    });
    offerId = Number(offer.id);
  }
  const c = await openCase(db, a, { demand_id: Number(p.demand_id), offer_id: offerId, challenge_id: Number(p.challenge_id), note: `揭榜挂帅配对 / challenge pairing, proposal ${p.id}` });
  await db.query('update transfer_challenge_proposals set case_id = $1, offer_id = $2 where id = $3', [(c as { id?: unknown }).id, offerId, proposalId]);
  return c;
}
