/**
 * Disbursement and the ledger. A batch of approved applications is paid in ONE transaction: the programme's budget
 * account row is locked first (so batches of a programme run one after another, whatever the number of servers),
 * then the applications; every condition is checked under those locks; each payment is one journal row (debit the
 * organisation's paid account, credit the budget account). The database refuses what the checks might miss:
 * a budget below zero (check), a second payment of an application (unique), a payment of an application that is
 * not approved at that amount (foreign key), a reused idempotency key (unique). A killed process leaves nothing.
 */
import type { Db, Queryable } from '../../shared/db';
import type { Actor } from '../../shared/access/actor';
import { AppError, type FieldIssue } from '../../shared/http/errors';
import { assertManager, audit, conflict, today, yuan } from './access';
import { type AmountRule, type EligibilityRule, evaluateEligibility, yearsNeeded } from './eligibility';
import { loadOrgFacts } from './eligibility.repository';
import { loadProgramme } from './programme.service';

export interface DisburseInput {
  application_ids: number[];
  idempotency_key: string;
}

export interface BatchResult {
  batch_id: number;
  programme_id: number;
  application_ids: number[];
  total_fen: number;
  count: number;
  remaining_fen: number;
  replayed: boolean;
}

/** Test and benchmark hook: called inside the transaction after the payments are written, before commit. */
export type BeforeCommit = (tx: Queryable, batchId: number) => Promise<void>;

export async function disburse(db: Db, actor: Actor | null, programmeId: number, input: DisburseInput, opts: { beforeCommit?: BeforeCommit; date?: string } = {}): Promise<BatchResult> {
  const p = await loadProgramme(db, programmeId);
  const a = await assertManager(db, actor, p.zone_id);
  const ids = [...new Set(input.application_ids.map(Number))].sort((x, y) => x - y);
  const date = opts.date ?? today();
  try {
    return await db.transaction(async (tx) => {
      const budget = (await tx.query<{ id: number; balance_fen: number }>(
        `select id, balance_fen from policy_ledger_accounts where programme_id = $1 and kind = 'budget' for update`, [programmeId]))[0]!;
      const replay = await replayed(tx, programmeId, input.idempotency_key, ids);
      if (replay) return replay;
      const apps = await tx.query<{ id: number; programme_id: number; organization_id: number; zone_id: number; status: string; approved_fen: number | null; ends_on: string | null; paid: boolean; open_objections: number }>(
        `select a.id, a.programme_id, a.organization_id, a.zone_id, a.status, a.approved_fen, n.ends_on::text as ends_on,
           exists (select 1 from policy_disbursements d where d.application_id = a.id) as paid,
           (select count(*) from policy_objections x where x.application_id = a.id and x.status = 'open') as open_objections
         from policy_applications a left join policy_notices n on n.id = a.notice_id where a.id = any($1::int8[]) order by a.id for update of a`, [ids]);
      const issues = await check(tx, p, ids, apps, date);
      if (issues.length) throw new AppError('CONFLICT', 'policy.programmes.notDisbursable', { count: new Set(issues.map((i) => i.field)).size }, issues);
      const total = apps.reduce((s, x) => s + Number(x.approved_fen), 0);
      if (total > Number(budget.balance_fen)) {
        throw new AppError('CONFLICT', 'policy.programmes.budgetExceeded', { total: yuan(total), remaining: yuan(Number(budget.balance_fen)) },
          [{ field: 'application_ids', key: 'policy.programmes.budgetExceeded', params: { total: yuan(total), remaining: yuan(Number(budget.balance_fen)) } }]);
      }
      const batch = (await tx.query<{ id: number }>(
        `insert into policy_disbursement_batches (programme_id, zone_id, idempotency_key, application_ids, total_fen, paid_by) values ($1, $2, $3, $4, $5, $6) returning id`,
        [programmeId, p.zone_id, input.idempotency_key, ids, total, a.userId]))[0]!;
      const batchId = Number(batch.id);
      const orgs = apps.map((x) => Number(x.organization_id));
      await tx.query(`insert into policy_ledger_accounts (programme_id, zone_id, kind, organization_id) select $1, $3, 'paid', o from unnest($2::int8[]) as o
        on conflict (zone_id, programme_id, kind, coalesce(organization_id, 0)) do nothing`, [programmeId, [...new Set(orgs)], p.zone_id]);
      const paidAccounts = new Map((await tx.query<{ id: number; organization_id: number }>(
        `select id, organization_id from policy_ledger_accounts where programme_id = $1 and kind = 'paid' and organization_id = any($2::int8[])`, [programmeId, orgs]))
        .map((r) => [Number(r.organization_id), Number(r.id)]));
      const disb = await tx.query<{ id: number; application_id: number; organization_id: number; amount_fen: number }>(
        `insert into policy_disbursements (batch_id, application_id, programme_id, organization_id, zone_id, amount_fen)
         select $1, x.app, $2, x.org, x.zone, x.amount from unnest($3::int8[], $4::int8[], $5::int8[], $6::int8[]) as x(app, org, zone, amount)
         returning id, application_id, organization_id, amount_fen`,
        [batchId, programmeId, apps.map((x) => Number(x.id)), orgs, apps.map((x) => Number(x.zone_id)), apps.map((x) => Number(x.approved_fen))]);
      await tx.query(`insert into policy_ledger_entries (programme_id, zone_id, debit_account_id, credit_account_id, amount_fen, kind, disbursement_id, memo, created_by)
        select $1, $8, x.debit, $2, x.amount, 'disbursement', x.disb, 'application ' || x.app, $3
        from unnest($4::int8[], $5::int8[], $6::int8[], $7::int8[]) as x(debit, amount, disb, app)`,
        [programmeId, Number(budget.id), a.userId, disb.map((d) => paidAccounts.get(Number(d.organization_id))), disb.map((d) => Number(d.amount_fen)),
          disb.map((d) => Number(d.id)), disb.map((d) => Number(d.application_id)), p.zone_id]);
      await audit(tx, a, 'policy-disbursement-batches', batchId, p.zone_id, 'disburse', null,
        { programme_id: programmeId, idempotency_key: input.idempotency_key, total_fen: total, payments: disb.map((d) => ({ application_id: Number(d.application_id), amount_fen: Number(d.amount_fen) })) });
      if (opts.beforeCommit) await opts.beforeCommit(tx, batchId);
      return { batch_id: batchId, programme_id: programmeId, application_ids: ids, total_fen: total, count: ids.length, remaining_fen: Number(budget.balance_fen) - total, replayed: false };
    });
  } catch (err) {
    throw fromConstraint(err);
  }
}

async function replayed(tx: Queryable, programmeId: number, key: string, ids: number[]): Promise<BatchResult | null> {
  const prior = (await tx.query<{ id: number; programme_id: number; application_ids: number[]; total_fen: number }>(
    'select id, programme_id, application_ids, total_fen from policy_disbursement_batches where idempotency_key = $1', [key]))[0];
  if (!prior) return null;
  const priorIds = prior.application_ids.map(Number);
  if (Number(prior.programme_id) !== programmeId || priorIds.join(',') !== ids.join(',')) throw conflict('policy.programmes.keyReused', { id: Number(prior.id) }, [{ field: 'idempotency_key', key: 'policy.programmes.keyReused', params: { id: Number(prior.id) } }]);
  const remaining = Number((await tx.query<{ b: number }>(`select balance_fen as b from policy_ledger_accounts where programme_id = $1 and kind = 'budget'`, [programmeId]))[0]!.b);
  return { batch_id: Number(prior.id), programme_id: programmeId, application_ids: priorIds, total_fen: Number(prior.total_fen), count: priorIds.length, remaining_fen: remaining, replayed: true };
}

/** Every reason an application of the batch cannot be paid, one issue each (field: its position in the request). */
async function check(tx: Queryable, p: Awaited<ReturnType<typeof loadProgramme>>, ids: number[], apps: { id: number; programme_id: number; organization_id: number; status: string; ends_on: string | null; paid: boolean; open_objections: number }[], date: string) {
  const issues: FieldIssue[] = [];
  const byId = new Map(apps.map((x) => [Number(x.id), x]));
  const rules = p.rules as EligibilityRule[];
  const facts = await loadOrgFacts(tx, apps.map((x) => Number(x.organization_id)), p.zone_id, yearsNeeded(rules, p.amount_rule as AmountRule, date));
  ids.forEach((id, i) => {
    const field = `application_ids.${i}`;
    const x = byId.get(id);
    if (!x) { issues.push({ field, key: 'policy.programmes.applicationNotFound', params: { id } }); return; }
    if (Number(x.programme_id) !== p.id) { issues.push({ field, key: 'policy.programmes.reason.otherProgramme', params: { id } }); return; }
    if (x.paid) issues.push({ field, key: 'policy.programmes.reason.paid', params: { id } });
    else if (x.status !== 'approved') issues.push({ field, key: 'policy.programmes.reason.status', params: { id, status: x.status } });
    else if (!x.ends_on) issues.push({ field, key: 'policy.programmes.reason.notice', params: { id } });
    else if (x.ends_on >= date) issues.push({ field, key: 'policy.programmes.reason.noticeRunning', params: { id, ends: x.ends_on } });
    else if (Number(x.open_objections) > 0) issues.push({ field, key: 'policy.programmes.reason.objections', params: { id } });
    else {
      const f = facts.get(Number(x.organization_id));
      if (!f || !evaluateEligibility(rules, f, date).eligible) issues.push({ field, key: 'policy.programmes.reason.ineligible', params: { id } });
    }
  });
  return issues;
}

/** A constraint that fired despite the checks (a race the locks did not see, or a bug) is a 409, never a 500. */
function fromConstraint(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code;
  if (code === '23514') return conflict('policy.programmes.budgetExceeded', { total: '?', remaining: '0.00' });
  if (code === '23505') {
    const constraint = String((err as { constraint?: string }).constraint ?? '');
    return constraint.includes('idempotency') ? conflict('policy.programmes.keyReused', { id: '?' }) : conflict('policy.programmes.reason.paid', { id: '?' });
  }
  if (code === '23503') return conflict('policy.programmes.reason.status', { id: '?', status: '?' });
  return err;
}

/** The ledger of a programme: accounts with balances, the journal (newest first) and the check against the budget. */
export async function ledger(db: Queryable, actor: Actor | null, programmeId: number, opts: { limit?: number } = {}) {
  const p = await loadProgramme(db, programmeId);
  await assertManager(db, actor, p.zone_id);
  const accounts = (await db.query<{ id: number; kind: string; organization_id: number | null; balance_fen: number; name_zh: string | null; name_en: string | null }>(
    `select a.id, a.kind, a.organization_id, a.balance_fen, o.name_zh, o.name_en from policy_ledger_accounts a left join organizations o on o.id = a.organization_id
     where a.programme_id = $1 order by case a.kind when 'appropriation' then 0 when 'budget' then 1 else 2 end, a.id`, [programmeId]))
    .map((r) => ({ ...r, id: Number(r.id), organization_id: r.organization_id === null ? null : Number(r.organization_id), balance_fen: Number(r.balance_fen) }));
  const entries = (await db.query(
    `select e.id, e.created_at, e.kind, e.amount_fen, e.memo, e.debit_account_id, e.credit_account_id, d.application_id, d.batch_id, u.username,
       coalesce(od.name_zh, da.kind) as debit_zh, coalesce(od.name_en, da.kind) as debit_en, coalesce(oc.name_zh, ca.kind) as credit_zh, coalesce(oc.name_en, ca.kind) as credit_en
     from policy_ledger_entries e join policy_ledger_accounts da on da.id = e.debit_account_id join policy_ledger_accounts ca on ca.id = e.credit_account_id
       left join organizations od on od.id = da.organization_id left join organizations oc on oc.id = ca.organization_id
       left join policy_disbursements d on d.id = e.disbursement_id left join users u on u.id = e.created_by
     where e.programme_id = $1 order by e.id desc limit $2`, [programmeId, opts.limit ?? 500]))
    .map((e) => ({ ...e, id: Number(e.id), amount_fen: Number(e.amount_fen), debit_account_id: Number(e.debit_account_id), credit_account_id: Number(e.credit_account_id),
      application_id: e.application_id === null ? null : Number(e.application_id), batch_id: e.batch_id === null ? null : Number(e.batch_id) }));
  const sum = (k: string) => accounts.filter((x) => x.kind === k).reduce((s, x) => s + x.balance_fen, 0);
  const allocated = -sum('appropriation');
  const remaining = sum('budget');
  const paid = sum('paid');
  const journal = (await db.query<{ paid: number; allocated: number }>(
    `select coalesce(sum(amount_fen) filter (where kind = 'disbursement'), 0) as paid,
            coalesce(sum(case when kind = 'allocation' and debit_account_id = (select id from policy_ledger_accounts where programme_id = $1 and kind = 'budget') then amount_fen
                              when kind = 'allocation' then -amount_fen end), 0) as allocated
     from policy_ledger_entries where programme_id = $1`, [programmeId]))[0]!;
  return {
    programme_id: programmeId, budget_fen: p.budget_fen, accounts, entries,
    totals: {
      allocated_fen: allocated, paid_fen: paid, remaining_fen: remaining,
      // Trial balance (all balances sum to zero), budget identity (remaining + paid = budget), and balances = journal.
      balanced: accounts.reduce((s, x) => s + x.balance_fen, 0) === 0 && remaining + paid === p.budget_fen && allocated === p.budget_fen
        && Number(journal.paid) === paid && Number(journal.allocated) === allocated,
    },
  };
}
