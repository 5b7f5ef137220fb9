import type { Db, Queryable, Row } from '../../shared/db';
import type { Actor } from '../../shared/access/actor';
import { assertBroker, deny, loadItem, notFoundItem, rejectField, requireActor, TransferError } from './common';
import { caseNotFound, caseRow, mayReadCase } from './case-access';
import { listCaseFiles } from './case-files.service';
import { brokers, canSee, viewerOf } from './disclosure';
import { isCalendarDate } from '../../shared/http/zod-blocks';

/**
 * Brokerage cases: a broker opens a case from a match (demand + offer) and moves it through
 * introduced → negotiating → contract_signed → registered → implementing → closed, or to failed from any open stage.
 * Each stage entered is a row of transfer_case_stages (entered_at, left_at). Parties see only their own cases.
 */
export const CASE_STAGES = ['introduced', 'negotiating', 'contract_signed', 'registered', 'implementing', 'closed', 'failed'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];
export const CONTRACT_TYPES = ['development', 'transfer', 'licence', 'consulting', 'service'] as const;

export const NEXT_STAGES: Record<CaseStage, readonly CaseStage[]> = {
  introduced: ['negotiating', 'failed'],
  negotiating: ['contract_signed', 'failed'],
  contract_signed: ['registered', 'failed'],
  registered: ['implementing', 'failed'],
  implementing: ['closed', 'failed'],
  closed: [],
  failed: [],
};

export interface StageInput {
  stage: string;
  note?: string | null;
  contract_type?: string | null;
  contract_amount?: number | null;
  contract_date?: string | null;
  registration_no?: string | null;
  failure_reason?: string | null;
}

/** Checks a transition and its required data (pure); returns the columns to set. */
export function checkTransition(current: CaseStage, input: StageInput, today = new Date().toISOString().slice(0, 10)): Row {
  const to = input.stage as CaseStage;
  if (!CASE_STAGES.includes(to)) throw rejectField('stage', 'transfer.case.stageUnknown', { options: CASE_STAGES });
  const allowed = NEXT_STAGES[current];
  if (!allowed.includes(to)) {
    throw allowed.length
      ? rejectField('stage', 'transfer.case.nextStage', { current, options: allowed, to })
      : rejectField('stage', 'transfer.case.ended', { current });
  }
  const set: Row = {};
  if (to === 'contract_signed') {
    if (!input.contract_type || !CONTRACT_TYPES.includes(input.contract_type as never)) throw rejectField('contract_type', 'transfer.case.contractType', { options: CONTRACT_TYPES });
    if (input.contract_amount == null || !(Number(input.contract_amount) >= 0)) throw rejectField('contract_amount', 'transfer.case.contractAmount');
    if (!input.contract_date || !isCalendarDate(input.contract_date)) throw rejectField('contract_date', 'transfer.case.contractDate');
    if (input.contract_date > today) throw rejectField('contract_date', 'transfer.case.contractDateFuture');
    Object.assign(set, { contract_type: input.contract_type, contract_amount: input.contract_amount, contract_date: input.contract_date });
  }
  if (to === 'registered') {
    if (!input.registration_no?.trim() || !/[\p{L}\p{N}]/u.test(input.registration_no)) throw rejectField('registration_no', 'transfer.case.registrationNo');
    set.registration_no = input.registration_no.trim();
  }
  if (to === 'failed') {
    if (!input.failure_reason?.trim() || !/[\p{L}\p{N}]/u.test(input.failure_reason)) throw rejectField('failure_reason', 'transfer.case.failureReason');
    set.failure_reason = input.failure_reason.trim();
  }
  return set;
}

export async function openCase(db: Db, actor: Actor | null, input: { demand_id: number; offer_id: number; note?: string | null; challenge_id?: number | null }) {
  const demand = await loadItem(db, 'demand', input.demand_id);
  if (!demand) throw notFoundItem('demand', input.demand_id);
  const offer = await loadItem(db, 'offer', input.offer_id);
  if (!offer) throw notFoundItem('offer', input.offer_id);
  const a = await assertBroker(db, actor, Number(demand.zone_id));
  // Both sides must be ones the broker may see: a draft offer of another zone is not theirs to introduce.
  const v = await viewerOf(db, a);
  if (!canSee(v, 'demand', demand)) throw notFoundItem('demand', input.demand_id);
  if (!canSee(v, 'offer', offer)) throw notFoundItem('offer', input.offer_id);
  return db.transaction(async (tx) => {
    const open = await tx.query(`select id from transfer_cases where demand_id = $1 and offer_id = $2 and stage not in ('closed', 'failed')`, [input.demand_id, input.offer_id]);
    if (open.length) throw new TransferError('CONFLICT', 'offer_id', 'transfer.case.openExists', { id: Number(open[0]!.id) });
    const code = `TC-${Date.now().toString(36).toUpperCase()}${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
    const c = (await tx.query(
      `insert into transfer_cases (code, zone_id, demand_id, offer_id, challenge_id, opened_by, broker_user_id) values ($1, $2, $3, $4, $5, $6, $6) returning id`,
      [code, demand.zone_id, input.demand_id, input.offer_id, input.challenge_id ?? null, a.userId]))[0]!;
    await tx.query('insert into transfer_case_stages (case_id, zone_id, stage, note, user_id) values ($1, $2, $3, $4, $5)', [c.id, demand.zone_id, 'introduced', input.note ?? null, a.userId]);
    await tx.query(`insert into transfer_match_feedback (zone_id, query_kind, query_id, result_id, party_org_id, result_org_id, outcome, user_id)
      values ($1, 'demand', $2, $3, $4, $5, 'accepted', $6)`, [demand.zone_id, demand.id, offer.id, demand.organization_id, offer.organization_id, a.userId]);
    return getCaseIn(tx, Number(c.id));
  });
}

async function getCaseIn(db: Queryable, id: number) {
  const row = (await caseRow(db, id))!;
  const stages = await db.query('select stage, entered_at, left_at, note, user_id from transfer_case_stages where case_id = $1 order by id', [id]);
  const notes = await db.query('select id, note, user_id, at from transfer_case_notes where case_id = $1 order by id', [id]);
  const files = await listCaseFiles(db, id);
  return { ...row, id: Number(row.id), zone_id: Number(row.zone_id), contract_amount: row.contract_amount == null ? null : Number(row.contract_amount), next: NEXT_STAGES[row.stage as CaseStage], stages, notes, files };
}

export async function getCase(db: Queryable, actor: Actor | null, id: number) {
  const a = requireActor(actor);
  const row = await caseRow(db, id);
  if (!row || !(await mayReadCase(db, a, row))) throw caseNotFound(id);
  return getCaseIn(db, id);
}

export async function listCases(db: Queryable, actor: Actor | null, filter: { stage?: string; zone?: number } = {}) {
  const a = requireActor(actor);
  const v = await viewerOf(db, a);
  const rows = await db.query(
    `select c.id, c.code, c.zone_id, c.demand_id, c.offer_id, c.stage, c.contract_amount, c.contract_date, c.updated_at,
            d.organization_id as demand_org_id, o.organization_id as offer_org_id, d.title as demand_title, o.title as offer_title
     from transfer_cases c join tech_demands d on d.id = c.demand_id join tech_offers o on o.id = c.offer_id
     where ($1::text is null or c.stage = $1)
       and ($2::int8 is null or d.organization_id = $2 or o.organization_id = $2)
     order by c.id desc limit 1000`,
    [filter.stage ?? null, a.role === 'org_user' ? a.organizationId : null]);
  const zoneOk = (z: unknown) => filter.zone === undefined || Number(z) === filter.zone;
  if (a.role === 'org_user') return rows.filter((r) => zoneOk(r.zone_id));
  return rows.filter((r) => brokers(v, r.zone_id) && zoneOk(r.zone_id));
}

export async function moveCase(db: Db, actor: Actor | null, id: number, input: StageInput) {
  const a = requireActor(actor);
  return db.transaction(async (tx) => {
    const row = await caseRow(tx, id, true);
    if (!row || !(await mayReadCase(tx, a, row))) throw caseNotFound(id);
    await assertBroker(tx, a, Number(row.zone_id));
    const set = checkTransition(row.stage as CaseStage, input);
    const cols = Object.keys(set);
    await tx.query(
      `update transfer_cases set stage = $1, version = version + 1, updated_at = now()${cols.map((c, i) => `, ${c} = $${i + 3}`).join('')} where id = $2`,
      [input.stage, id, ...cols.map((c) => set[c])]);
    await tx.query('update transfer_case_stages set left_at = now() where case_id = $1 and left_at is null', [id]);
    await tx.query('insert into transfer_case_stages (case_id, zone_id, stage, note, user_id) values ($1, $2, $3, $4, $5)', [id, row.zone_id, input.stage, input.note ?? null, a.userId]);
    if (input.stage === 'closed' || input.stage === 'failed') await tx.query('update transfer_case_stages set left_at = entered_at where case_id = $1 and left_at is null', [id]);
    return getCaseIn(tx, id);
  });
}

export async function addCaseNote(db: Db, actor: Actor | null, id: number, note: string) {
  const a = requireActor(actor);
  const row = await caseRow(db, id);
  if (!row || !(await mayReadCase(db, a, row))) throw caseNotFound(id);
  if (!/[\p{L}\p{N}]/u.test(note ?? '')) throw rejectField('note', 'transfer.case.noteEmpty');
  if (note.length > 20000) throw rejectField('note', 'transfer.case.noteTooLong');
  if (a.role === 'org_user') throw deny('transfer.case.notesByBrokers');
  await assertBroker(db, a, Number(row.zone_id));
  await db.query('insert into transfer_case_notes (case_id, zone_id, note, user_id) values ($1, $2, $3, $4)', [id, row.zone_id, note, a.userId]);
  return getCaseIn(db, id);
}
