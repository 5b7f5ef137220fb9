/**
 * Programmes: defined by a manager of their zone with eligibility and amount rules (eligibility.ts), a budget, an
 * application window and the documents an application needs. Creating one opens its ledger: an appropriation
 * account, a budget account and the allocation entry between them; a budget change is another allocation entry.
 */
import type { Db, Queryable, Row } from '../../shared/db';
import type { Actor } from '../../shared/access/actor';
import { AppError } from '../../shared/http/errors';
import { assertManager, audit, conflict, fieldError, programmeNotFound, requireActor, yuan } from './access';
import type { AmountRule, EligibilityRule } from './eligibility';

export interface RequiredDocument { key: string; name_zh: string; name_en: string }

export interface ProgrammeInput {
  code?: string | null;
  zone_id: number;
  name_zh: string;
  name_en: string;
  description_zh?: string | null;
  description_en?: string | null;
  rules: EligibilityRule[];
  amount_rule: AmountRule;
  budget_fen: number;
  opens_on: string;
  closes_on: string;
  required_documents: RequiredDocument[];
  /** An accepted policy proposal from an ingested document that this programme puts into effect. */
  source_proposal_id?: number | null;
}

export type ProgrammePatch = Partial<Omit<ProgrammeInput, 'zone_id' | 'code' | 'source_proposal_id'>> & { version: number };

const COLUMNS = `p.id, p.code, p.zone_id, z.name_zh as zone_name_zh, z.name_en as zone_name_en, p.name_zh, p.name_en, p.description_zh, p.description_en,
  p.rules, p.amount_rule, p.budget_fen, p.opens_on::text as opens_on, p.closes_on::text as closes_on, p.required_documents, p.version, p.created_at, p.updated_at,
  coalesce((select balance_fen from policy_ledger_accounts b where b.programme_id = p.id and b.kind = 'budget'), 0) as remaining_fen,
  (select count(*) from policy_applications a where a.programme_id = p.id and a.status <> 'draft') as applications,
  (select json_build_object('id', sp.id, 'document_id', sp.document_id, 'file_name', sd.file_name, 'title', sd.title, 'kind', sp.kind, 'name', sp.name, 'quote', sp.quote)
     from intel_policy_proposals sp join intel_documents sd on sd.id = sp.document_id where sp.id = p.source_proposal_id) as source_proposal`;

export interface Programme {
  id: number; code: string; zone_id: number; zone_name_zh: string; zone_name_en: string | null; name_zh: string; name_en: string;
  description_zh: string | null; description_en: string | null; rules: EligibilityRule[]; amount_rule: AmountRule; budget_fen: number;
  remaining_fen: number; paid_fen: number; opens_on: string; closes_on: string; required_documents: RequiredDocument[];
  applications: number; version: number; created_at: string; updated_at: string;
  /** The document measure this programme was defined from, with its quote (null when defined directly). */
  source_proposal: { id: number; document_id: number; file_name: string; title: string | null; kind: string; name: string; quote: string } | null;
}

function shape(r: Row): Programme {
  return { ...(r as unknown as Programme), id: Number(r.id), zone_id: Number(r.zone_id), budget_fen: Number(r.budget_fen), remaining_fen: Number(r.remaining_fen),
    paid_fen: Number(r.budget_fen) - Number(r.remaining_fen), applications: Number(r.applications), version: Number(r.version) };
}

export async function loadProgramme(db: Queryable, id: number, forUpdate = false): Promise<Programme> {
  const row = (await db.query(`select ${COLUMNS} from policy_programmes p join zones z on z.id = p.zone_id where p.id = $1${forUpdate ? ' for update of p' : ''}`, [id]))[0];
  if (!row) throw programmeNotFound(id);
  return shape(row);
}

/** Every signed-in user sees the programmes (they are public calls); `zone` filters to a zone subtree. */
export async function listProgrammes(db: Queryable, actor: Actor | null, q: { zone?: number; open?: boolean }) {
  requireActor(actor);
  const rows = await db.query(`with recursive sub(id) as (select id from zones where id = $1 union select z.id from zones z join sub on z.parent_id = sub.id)
    select ${COLUMNS} from policy_programmes p join zones z on z.id = p.zone_id
    where ($1::int8 is null or p.zone_id in (select id from sub)) and (not $2::bool or current_date between p.opens_on and p.closes_on)
    order by p.id desc limit 500`, [q.zone ?? null, q.open ?? false]);
  return { items: rows.map(shape), total: rows.length };
}

/**
 * A programme may rest on a policy measure found in a document only once a reviewer accepted it, and only in the
 * zone (or a zone below the one) the document was filed for.
 */
async function checkSourceProposal(db: Queryable, proposalId: number, zoneId: number) {
  const rows = await db.query<{ status: string; inside: boolean }>(`with recursive up(id) as (select $2::int8 union select z.parent_id from zones z join up on z.id = up.id where z.parent_id is not null)
    select p.status, p.zone_id in (select id from up) as inside from intel_policy_proposals p where p.id = $1`, [proposalId, zoneId]);
  const p = rows[0];
  if (!p || !p.inside) throw fieldError('source_proposal_id', 'problem.reference', { field: 'source_proposal_id' });
  if (p.status !== 'accepted') throw fieldError('source_proposal_id', 'policy.programmes.proposalNotAccepted');
}

function checkDates(opens: string, closes: string) {
  if (closes < opens) throw fieldError('closes_on', 'policy.programmes.closesBeforeOpens');
}

function checkDocuments(docs: RequiredDocument[]) {
  const keys = new Set<string>();
  docs.forEach((d, i) => {
    if (keys.has(d.key)) throw new AppError('VALIDATION', 'problem.validation', {}, [{ field: `required_documents.${i}.key`, key: 'problem.duplicate', params: { field: 'key' } }]);
    keys.add(d.key);
  });
}

async function allocate(tx: Queryable, actor: Actor, programmeId: number, deltaFen: number, memo: string) {
  const accounts = await tx.query<{ id: number; kind: string }>(`select id, kind from policy_ledger_accounts where programme_id = $1 and kind in ('appropriation', 'budget')`, [programmeId]);
  const budget = Number(accounts.find((a) => a.kind === 'budget')!.id);
  const appropriation = Number(accounts.find((a) => a.kind === 'appropriation')!.id);
  const [debit, credit] = deltaFen > 0 ? [budget, appropriation] : [appropriation, budget];
  await tx.query(`insert into policy_ledger_entries (programme_id, zone_id, debit_account_id, credit_account_id, amount_fen, kind, memo, created_by)
    select $1, p.zone_id, $2, $3, $4, 'allocation', $5, $6 from policy_programmes p where p.id = $1`,
    [programmeId, debit, credit, Math.abs(deltaFen), memo, actor.userId]);
}

export async function createProgramme(db: Db, actor: Actor | null, input: ProgrammeInput) {
  const zone = (await db.query('select id from zones where id = $1 and retired_at is null', [input.zone_id]))[0];
  if (!zone) throw fieldError('zone_id', 'problem.reference', { field: 'zone_id' });
  const a = requireActor(actor);
  if (a.role === 'org_user') throw new AppError('FORBIDDEN', 'policy.programmes.managersOnly');
  await assertManager(db, a, input.zone_id).catch(() => { throw fieldError('zone_id', 'policy.programmes.zoneOutside'); });
  checkDates(input.opens_on, input.closes_on);
  checkDocuments(input.required_documents);
  if (input.source_proposal_id != null) await checkSourceProposal(db, input.source_proposal_id, input.zone_id);
  const id = await db.transaction(async (tx) => {
    const code = input.code?.trim() || `PP-${input.opens_on.slice(0, 4)}-${Date.now().toString(36).toUpperCase()}${Math.random().toString(36).slice(2, 5).toUpperCase()}`;
    if ((await tx.query('select 1 from policy_programmes where code = $1', [code])).length) throw fieldError('code', 'problem.duplicate', { field: 'code' });
    const row = (await tx.query<{ id: number }>(
      `insert into policy_programmes (code, zone_id, name_zh, name_en, description_zh, description_en, rules, amount_rule, budget_fen, opens_on, closes_on, required_documents, created_by, source_proposal_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) returning id`,
      [code, input.zone_id, input.name_zh.trim(), input.name_en.trim(), input.description_zh ?? null, input.description_en ?? null, JSON.stringify(input.rules),
        JSON.stringify(input.amount_rule), input.budget_fen, input.opens_on, input.closes_on, JSON.stringify(input.required_documents), a.userId, input.source_proposal_id ?? null]))[0]!;
    const pid = Number(row.id);
    await tx.query(`insert into policy_ledger_accounts (programme_id, zone_id, kind) values ($1, $2, 'appropriation'), ($1, $2, 'budget')`, [pid, input.zone_id]);
    await allocate(tx, a, pid, input.budget_fen, `budget ¥${yuan(input.budget_fen)}`);
    await audit(tx, a, 'policy-programmes', pid, input.zone_id, 'define', null, { ...input, code });
    return pid;
  });
  return loadProgramme(db, id);
}

export async function updateProgramme(db: Db, actor: Actor | null, id: number, patch: ProgrammePatch) {
  const current = await loadProgramme(db, id);
  const a = await assertManager(db, actor, current.zone_id);
  checkDates(patch.opens_on ?? current.opens_on, patch.closes_on ?? current.closes_on);
  if (patch.required_documents) checkDocuments(patch.required_documents);
  await db.transaction(async (tx) => {
    const before = await loadProgramme(tx, id, true);
    if (before.version !== patch.version) throw conflict('problem.conflict', { current: before.version, sent: patch.version });
    // The budget account row serialises this with disbursements, so "paid" cannot move while we compare.
    await tx.query(`select id from policy_ledger_accounts where programme_id = $1 and kind = 'budget' for update`, [id]);
    const paid = Number((await tx.query<{ s: number }>('select coalesce(sum(amount_fen), 0) as s from policy_disbursements where programme_id = $1', [id]))[0]!.s);
    if (patch.budget_fen !== undefined && patch.budget_fen < paid) throw fieldError('budget_fen', 'policy.programmes.budgetBelowPaid', { paid: yuan(paid) });
    const set: Record<string, unknown> = {};
    for (const k of ['name_zh', 'name_en', 'description_zh', 'description_en', 'budget_fen', 'opens_on', 'closes_on'] as const) if (patch[k] !== undefined) set[k] = patch[k];
    for (const k of ['rules', 'amount_rule', 'required_documents'] as const) if (patch[k] !== undefined) set[k] = JSON.stringify(patch[k]);
    const cols = Object.keys(set);
    if (cols.length) {
      await tx.query(`update policy_programmes set ${cols.map((c, i) => `${c} = $${i + 2}`).join(', ')}, version = version + 1, updated_at = now() where id = $1`, [id, ...Object.values(set)]);
    }
    if (patch.budget_fen !== undefined && patch.budget_fen !== before.budget_fen) {
      await allocate(tx, a, id, patch.budget_fen - before.budget_fen, `budget ¥${yuan(before.budget_fen)} → ¥${yuan(patch.budget_fen)}`);
    }
    await audit(tx, a, 'policy-programmes', id, before.zone_id, 'update', before, patch);
  });
  return loadProgramme(db, id);
}
