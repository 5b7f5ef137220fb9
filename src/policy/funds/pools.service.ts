/**
 * Risk-compensation pools (风险补偿资金池). A zone operator endows a pool (size, compensation share, per-loan cap,
 * partner banks); partner banks' loans to enterprises of the zone are registered as covered; a default is claimed
 * once per loan and compensated (compensation.ts) from the pool's balance. Every change of the balance is one
 * transaction that locks the loan and then the pool row (always in that order, so claims cannot deadlock), writes
 * the claim, the movement with the balance after it, and the audit event. The balance check constraint and the
 * unique claim per loan make a negative pool or a second payment impossible even if this code were wrong.
 */
import type { Db, Queryable, Row } from '../../shared/db';
import type { Actor } from '../../shared/access/actor';
import { notFound } from '../../shared/http/errors';
import { compensationFor } from './compensation';
import { assertManager, audit, badField, conflictOn, managedZones, managesZone, orgInZone, orgOrFail, requireActor, toNum, today } from './funds-common';

export interface PoolInput {
  code?: string | null;
  zone_id: number;
  name_zh: string;
  name_en?: string | null;
  size_fen: number;
  share_bp: number;
  loan_cap_fen: number;
  valid_from: string;
  valid_to?: string | null;
  bank_ids: number[];
}

export interface LoanInput {
  bank_org_id: number;
  borrower_org_id: number;
  contract_no?: string | null;
  principal_fen: number;
  start_date: string;
  maturity_date: string;
}

export interface ClaimInput { loss_fen: number; default_date: string; note?: string | null }

const newCode = (prefix: string) => `${prefix}-${Date.now().toString(36).toUpperCase()}${Math.random().toString(36).slice(2, 6).toUpperCase()}`;

function poolOut(r: Row) {
  return {
    id: Number(r.id), code: String(r.code), zone_id: Number(r.zone_id), name_zh: String(r.name_zh), name_en: (r.name_en as string | null) ?? null,
    size_fen: Number(r.size_fen), balance_fen: Number(r.balance_fen), share_bp: Number(r.share_bp), loan_cap_fen: Number(r.loan_cap_fen),
    valid_from: String(r.valid_from), valid_to: (r.valid_to as string | null) ?? null, version: Number(r.version),
  };
}

async function poolRow(db: Queryable, id: number, lock = false) {
  const row = (await db.query(`select * from risk_pools where id = $1${lock ? ' for update' : ''}`, [id]))[0];
  if (!row) throw notFound('risk pool', id);
  return row;
}

export async function createPool(db: Db, actor: Actor | null, input: PoolInput) {
  const a = await assertManager(db, actor, input.zone_id);
  if (input.valid_to && input.valid_to < input.valid_from) throw badField('valid_to', 'policy.funds.dateOrder', { other: 'valid_from' });
  if (new Set(input.bank_ids).size !== input.bank_ids.length) throw badField('bank_ids', 'policy.funds.duplicateIds');
  // Partner banks are organisations of the registry; a provincial branch may sit outside the zone, so only existence is checked.
  for (const [i, id] of input.bank_ids.entries()) await orgOrFail(db, id, `bank_ids.${i}`);
  return db.transaction(async (tx) => {
    const row = (await tx.query(
      `insert into risk_pools (code, zone_id, name_zh, name_en, size_fen, balance_fen, share_bp, loan_cap_fen, valid_from, valid_to, created_by)
       values ($1, $2, $3, $4, $5, $5, $6, $7, $8, $9, $10) returning *`,
      [input.code?.trim() || newCode('RP'), input.zone_id, input.name_zh.trim(), input.name_en ?? null, input.size_fen, input.share_bp, input.loan_cap_fen, input.valid_from, input.valid_to ?? null, a.userId]))[0]!;
    for (const id of input.bank_ids) await tx.query('insert into risk_pool_banks (pool_id, zone_id, organization_id) values ($1, $2, $3)', [row.id, input.zone_id, id]);
    await tx.query(`insert into risk_pool_movements (pool_id, zone_id, kind, amount_fen, balance_after_fen, user_id) values ($1, $4, 'endowment', $2, $2, $3)`, [row.id, input.size_fen, a.userId, input.zone_id]);
    const out = { ...poolOut(row), bank_ids: input.bank_ids };
    await audit(tx, a, 'risk_pools', out.id, out.zone_id, 'create', null, out);
    return out;
  });
}

export async function addBank(db: Db, actor: Actor | null, poolId: number, organizationId: number) {
  const pool = await poolRow(db, poolId);
  const a = await assertManager(db, actor, Number(pool.zone_id));
  await orgOrFail(db, organizationId, 'organization_id');
  await db.transaction(async (tx) => {
    const added = await tx.query('insert into risk_pool_banks (pool_id, zone_id, organization_id) values ($1, $3, $2) on conflict do nothing returning organization_id', [poolId, organizationId, pool.zone_id]);
    if (added.length) await audit(tx, a, 'risk_pools', poolId, Number(pool.zone_id), 'add_bank', null, { organization_id: organizationId });
  });
  return getPool(db, actor, poolId);
}

export async function topUp(db: Db, actor: Actor | null, poolId: number, amountFen: number, note: string | null) {
  const zone = Number((await poolRow(db, poolId)).zone_id);
  const a = await assertManager(db, actor, zone);
  await db.transaction(async (tx) => {
    const before = poolOut(await poolRow(tx, poolId, true));
    const after = poolOut((await tx.query(`update risk_pools set size_fen = size_fen + $2, balance_fen = balance_fen + $2, version = version + 1, updated_at = now()
      where id = $1 returning *`, [poolId, amountFen]))[0]!);
    await tx.query(`insert into risk_pool_movements (pool_id, zone_id, kind, amount_fen, balance_after_fen, note, user_id) values ($1, $6, 'top_up', $2, $3, $4, $5)`,
      [poolId, amountFen, after.balance_fen, note, a.userId, zone]);
    await audit(tx, a, 'risk_pools', poolId, zone, 'top_up', before, after);
  });
  return getPool(db, actor, poolId);
}

/** Partner banks register their own loans; operators of the zone register any partner bank's loan. */
export async function registerLoan(db: Db, actor: Actor | null, poolId: number, input: LoanInput) {
  const a = requireActor(actor);
  const pool = poolOut(await poolRow(db, poolId));
  const isManager = await managesZone(db, a, pool.zone_id);
  if (!isManager && !(a.role === 'org_user' && a.organizationId === input.bank_org_id)) await assertManager(db, a, pool.zone_id);
  const partner = await db.query('select 1 from risk_pool_banks where pool_id = $1 and organization_id = $2', [poolId, input.bank_org_id]);
  if (!partner.length) throw badField('bank_org_id', 'policy.funds.bankNotPartner', { id: input.bank_org_id });
  if (input.borrower_org_id === input.bank_org_id) throw badField('borrower_org_id', 'policy.funds.bankIsBorrower');
  await orgInZone(db, input.borrower_org_id, pool.zone_id, 'borrower_org_id');
  const now = await today(db);
  if (input.start_date > now) throw badField('start_date', 'policy.funds.dateFuture');
  if (input.start_date < pool.valid_from || (pool.valid_to && input.start_date > pool.valid_to)) {
    throw badField('start_date', 'policy.funds.outsidePeriod', { from: pool.valid_from, to: pool.valid_to ?? '…' });
  }
  if (input.maturity_date <= input.start_date) throw badField('maturity_date', 'policy.funds.dateOrder', { other: 'start_date' });
  return db.transaction(async (tx) => {
    const row = (await tx.query(
      `insert into risk_pool_loans (pool_id, zone_id, bank_org_id, borrower_org_id, contract_no, principal_fen, start_date, maturity_date, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning *`,
      [poolId, pool.zone_id, input.bank_org_id, input.borrower_org_id, input.contract_no ?? null, input.principal_fen, input.start_date, input.maturity_date, a.userId]))[0]!;
    const out = loanOut(row);
    await audit(tx, a, 'risk_pool_loans', out.id, pool.zone_id, 'create', null, out);
    return out;
  });
}

function loanOut(r: Row) {
  return {
    id: Number(r.id), pool_id: Number(r.pool_id), zone_id: Number(r.zone_id), bank_org_id: Number(r.bank_org_id), borrower_org_id: Number(r.borrower_org_id),
    contract_no: (r.contract_no as string | null) ?? null, principal_fen: Number(r.principal_fen), start_date: String(r.start_date), maturity_date: String(r.maturity_date),
    status: String(r.status),
  };
}

/** Claims a loan's default and pays the compensation, all in one transaction (see the file comment). */
export async function claimLoan(db: Db, actor: Actor | null, loanId: number, input: ClaimInput) {
  const a = requireActor(actor);
  const loan0 = (await db.query('select * from risk_pool_loans where id = $1', [loanId]))[0];
  if (!loan0) throw notFound('loan', loanId);
  await assertManager(db, a, Number(loan0.zone_id));
  if (input.default_date <= String(loan0.start_date)) throw badField('default_date', 'policy.funds.dateOrder', { other: 'start_date' });
  if (input.default_date > (await today(db))) throw badField('default_date', 'policy.funds.dateFuture');
  if (input.loss_fen > Number(loan0.principal_fen)) throw badField('loss_fen', 'policy.funds.lossAbovePrincipal', { loss: input.loss_fen, principal: Number(loan0.principal_fen) });
  return db.transaction(async (tx) => {
    const loan = (await tx.query('select * from risk_pool_loans where id = $1 for update', [loanId]))[0]!;
    const earlier = (await tx.query('select id from risk_pool_claims where loan_id = $1', [loanId]))[0];
    if (earlier) throw conflictOn('loan_id', 'policy.funds.alreadyClaimed', { id: loanId, claim: Number(earlier.id) });
    if (loan.status !== 'covered') throw conflictOn('loan_id', 'policy.funds.loanNotCovered', { id: loanId, status: String(loan.status) });
    const pool = poolOut(await poolRow(tx, Number(loan.pool_id), true));
    const c = compensationFor(input.loss_fen, pool.share_bp, pool.loan_cap_fen, pool.balance_fen);
    if (c.compensatedFen === 0) throw conflictOn('loss_fen', 'policy.funds.poolExhausted');
    const claim = (await tx.query(
      `insert into risk_pool_claims (pool_id, loan_id, zone_id, default_date, loss_fen, share_fen, compensated_fen, limited_by, note, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning *`,
      [pool.id, loanId, pool.zone_id, input.default_date, input.loss_fen, c.shareFen, c.compensatedFen, c.limitedBy, input.note ?? null, a.userId]))[0]!;
    const after = poolOut((await tx.query('update risk_pools set balance_fen = balance_fen - $2, version = version + 1, updated_at = now() where id = $1 returning *', [pool.id, c.compensatedFen]))[0]!);
    await tx.query(`insert into risk_pool_movements (pool_id, zone_id, kind, amount_fen, balance_after_fen, claim_id, user_id) values ($1, $6, 'compensation', $2, $3, $4, $5)`,
      [pool.id, -c.compensatedFen, after.balance_fen, claim.id, a.userId, pool.zone_id]);
    await tx.query(`update risk_pool_loans set status = 'compensated' where id = $1`, [loanId]);
    const out = claimOut(claim);
    await audit(tx, a, 'risk_pool_claims', out.id, pool.zone_id, 'compensate', { balance_fen: pool.balance_fen }, { ...out, balance_fen: after.balance_fen });
    return { ...out, balance_after_fen: after.balance_fen };
  });
}

function claimOut(r: Row) {
  return {
    id: Number(r.id), pool_id: Number(r.pool_id), loan_id: Number(r.loan_id), default_date: String(r.default_date), loss_fen: Number(r.loss_fen),
    share_fen: Number(r.share_fen), compensated_fen: Number(r.compensated_fen), limited_by: String(r.limited_by) as 'share' | 'loan_cap' | 'balance', note: (r.note as string | null) ?? null,
    created_at: String(r.created_at),
  };
}

/** Which pools the actor may list: managers their zones', organisations those they bank for or borrow from. */
export async function listPools(db: Queryable, actor: Actor | null) {
  const a = requireActor(actor);
  const zones = await managedZones(db, a);
  const org = a.role === 'org_user' ? a.organizationId ?? -1 : null;
  const rows = await db.query(
    `select p.*, (select count(*) from risk_pool_loans l where l.pool_id = p.id and ($3::int8 is null or l.bank_org_id = $3 or l.borrower_org_id = $3)) as loans
     from risk_pools p
     where case when $3::int8 is null then ($1::boolean or p.zone_id = any($2::int8[]))
                else exists (select 1 from risk_pool_banks b where b.pool_id = p.id and b.organization_id = $3)
                  or exists (select 1 from risk_pool_loans l where l.pool_id = p.id and l.borrower_org_id = $3) end
     order by p.id desc limit 500`,
    [zones === null, zones ?? [], org]);
  return { items: rows.map((r) => ({ ...poolOut(r), loans: Number(r.loans) })) };
}

/** A pool with its banks, loans (an organisation sees only its own), claims and balance history. */
export async function getPool(db: Queryable, actor: Actor | null, poolId: number) {
  const a = requireActor(actor);
  const pool = poolOut(await poolRow(db, poolId));
  const manager = await managesZone(db, a, pool.zone_id);
  const org = manager ? null : a.role === 'org_user' ? a.organizationId : -1;
  const banks = await db.query(`select o.id, o.name_zh, o.name_en from risk_pool_banks b join organizations o on o.id = b.organization_id where b.pool_id = $1 order by o.id`, [poolId]);
  if (!manager && !banks.some((b) => Number(b.id) === org)) {
    const own = await db.query('select 1 from risk_pool_loans where pool_id = $1 and borrower_org_id = $2 limit 1', [poolId, org]);
    if (!own.length) throw notFound('risk pool', poolId);
  }
  const loans = await db.query(
    `select l.*, bo.name_zh as bank_name_zh, bo.name_en as bank_name_en, br.name_zh as borrower_name_zh, br.name_en as borrower_name_en,
            c.id as claim_id, c.loss_fen, c.compensated_fen, c.limited_by, c.default_date
     from risk_pool_loans l join organizations bo on bo.id = l.bank_org_id join organizations br on br.id = l.borrower_org_id
     left join risk_pool_claims c on c.loan_id = l.id
     where l.pool_id = $1 and ($2::int8 is null or l.bank_org_id = $2 or l.borrower_org_id = $2) order by l.id`, [poolId, org]);
  const totals = (await db.query<{ n: number; principal: number; claims: number; compensated: number }>(
    `select count(*)::int as n, coalesce(sum(principal_fen), 0)::int8 as principal,
            (select count(*)::int from risk_pool_claims where pool_id = $1) as claims,
            (select coalesce(sum(compensated_fen), 0)::int8 from risk_pool_claims where pool_id = $1) as compensated
     from risk_pool_loans where pool_id = $1 and status = 'covered'`, [poolId]))[0]!;
  // Balance history is the pool's own business: managers only.
  const movements = manager
    ? await db.query(`select m.id, m.kind, m.amount_fen, m.balance_after_fen, m.claim_id, m.note, m.at, u.username from risk_pool_movements m left join users u on u.id = m.user_id where m.pool_id = $1 order by m.id`, [poolId])
    : [];
  return {
    ...pool,
    manager,
    banks: banks.map((b) => ({ id: Number(b.id), name_zh: String(b.name_zh), name_en: (b.name_en as string | null) ?? null })),
    summary: { covered_loans: Number(totals.n), covered_principal_fen: Number(totals.principal), claims: Number(totals.claims), compensated_fen: Number(totals.compensated) },
    loans: loans.map((l) => ({
      ...loanOut(l), bank_name_zh: String(l.bank_name_zh), bank_name_en: (l.bank_name_en as string | null) ?? null,
      borrower_name_zh: String(l.borrower_name_zh), borrower_name_en: (l.borrower_name_en as string | null) ?? null,
      claim: l.claim_id == null ? null : { id: Number(l.claim_id), loss_fen: Number(l.loss_fen), compensated_fen: Number(l.compensated_fen), limited_by: String(l.limited_by), default_date: String(l.default_date) },
    })),
    movements: movements.map((m) => ({ id: Number(m.id), kind: String(m.kind), amount_fen: Number(m.amount_fen), balance_after_fen: Number(m.balance_after_fen), claim_id: toNum(m.claim_id), note: (m.note as string | null) ?? null, at: String(m.at), username: (m.username as string | null) ?? null })),
  };
}
