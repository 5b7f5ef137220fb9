import { createHash, randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { Db, Queryable } from '../shared/db';
import { type Actor, zoneSubtree } from '../shared/access/actor';
import { AppError, forbidden, invalid, unauthenticated, type FieldIssue } from '../shared/http/errors';
import { createRecord, writeTransaction } from '../shared/records/record-service';
import { checkCreditCode } from '../registry/credit-code';
import { organizations } from '../registry/entities';
import { passwordIssues, USERNAME_PATTERN } from './password-policy';
import { auditAccount } from './account-audit';

/**
 * Enterprise self-registration: anyone submits a request (credit code, name, contact, desired account); an operator of
 * the zone's subtree or an admin approves it, which creates the organisation in the registry (or links the one that
 * already has this credit code) and its organisation user, or rejects it with a reason. The requester follows the
 * request with the ticket handed out at submission; contact data is shown only to the reviewers.
 */

export interface RegistrationInput {
  credit_code: string;
  enterprise_name: string;
  contact_name: string;
  email?: string | null;
  phone?: string | null;
  username: string;
  password: string;
  zone_id: number;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{6,20}$/;
const ticketHash = (ticket: string) => createHash('sha256').update(ticket).digest('hex');
const requestNotFound = (id: number | string) => new AppError('NOT_FOUND', 'accounts.requestNotFound', { id });

export async function submitRegistration(db: Db, input: RegistrationInput) {
  const creditCode = input.credit_code.trim().toUpperCase();
  const username = input.username.trim();
  const email = input.email?.trim() || null;
  const phone = input.phone?.trim() || null;
  const issues: FieldIssue[] = [];
  const codeProblem = checkCreditCode(creditCode);
  if (codeProblem?.kind === 'format') issues.push({ field: 'credit_code', key: 'field.creditCode.format' });
  if (codeProblem?.kind === 'check') issues.push({ field: 'credit_code', key: 'field.creditCode.check', params: { expected: codeProblem.expected, actual: codeProblem.actual } });
  if (!input.enterprise_name.trim()) issues.push({ field: 'enterprise_name', key: 'field.required' });
  if (!input.contact_name.trim()) issues.push({ field: 'contact_name', key: 'field.required' });
  if (email && !EMAIL.test(email)) issues.push({ field: 'email', key: 'accounts.email' });
  if (phone && !PHONE.test(phone)) issues.push({ field: 'phone', key: 'accounts.phone' });
  if (!email && !phone) issues.push({ field: 'email', key: 'accounts.contactRequired' });
  if (!USERNAME_PATTERN.test(username)) issues.push({ field: 'username', key: 'accounts.username' });
  issues.push(...passwordIssues(input.password, username));
  if (issues.length) throw invalid(issues);
  if (!(await db.query('select 1 from zones where id = $1', [input.zone_id])).length) {
    throw invalid([{ field: 'zone_id', key: 'problem.reference', params: { field: 'zone_id' } }]);
  }
  if ((await db.query('select 1 from users where username = $1', [username])).length) {
    throw new AppError('DUPLICATE', 'problem.duplicate', { field: 'username' }, [{ field: 'username', key: 'problem.duplicate', params: { field: 'username' } }]);
  }
  const ticket = randomBytes(24).toString('base64url');
  const passwordHash = await hash(input.password);
  const pendingCode = () => new AppError('DUPLICATE', 'accounts.registration.pending', { code: creditCode }, [{ field: 'credit_code', key: 'accounts.registration.pending', params: { code: creditCode } }]);
  const takenName = () => new AppError('DUPLICATE', 'problem.duplicate', { field: 'username' }, [{ field: 'username', key: 'problem.duplicate', params: { field: 'username' } }]);
  try {
    return await db.transaction(async (tx) => {
      // One open request per enterprise and per user name across all zones: the database holds it per zone only
      // (registration_requests is distributed by zone, migrations/030), so requests take turns under this lock.
      await tx.query("select pg_advisory_xact_lock(hashtext('kechuang.registration-pending'))");
      const open = await tx.query<{ credit_code: string; username: string }>(
        `select credit_code, username from registration_requests where status = 'pending' and (credit_code = $1 or username = $2) limit 1`, [creditCode, username]);
      if (open.length) throw open[0]!.credit_code === creditCode ? pendingCode() : takenName();
      const rows = await tx.query<{ id: number; status: 'pending' | 'approved' | 'rejected'; created_at: string }>(
        `insert into registration_requests (zone_id, credit_code, enterprise_name, contact_name, email, phone, username, password_hash, ticket_hash)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id, status, created_at`,
        [input.zone_id, creditCode, input.enterprise_name.trim(), input.contact_name.trim(), email, phone, username, passwordHash, ticketHash(ticket)]);
      return { ...rows[0]!, ticket };
    });
  } catch (err) {
    const constraint = (err as { constraint?: string }).constraint;
    if (constraint === 'registration_requests_pending_code') throw pendingCode();
    if (constraint === 'registration_requests_pending_username') throw takenName();
    throw err;
  }
}

interface RequestRow {
  id: number; zone_id: number; credit_code: string; enterprise_name: string; contact_name: string; email: string | null; phone: string | null;
  username: string; password_hash: string; status: 'pending' | 'approved' | 'rejected'; reason: string | null;
  organization_id: number | null; user_id: number | null; decided_by: number | null; decided_at: string | null; created_at: string;
  zone_code: string; zone_name_zh: string; zone_name_en: string | null; decided_by_username: string | null;
}

const SELECT_REQUESTS = `
  select r.*, z.code as zone_code, z.name_zh as zone_name_zh, z.name_en as zone_name_en, d.username as decided_by_username
  from registration_requests r join zones z on z.id = r.zone_id left join users d on d.id = r.decided_by`;

/** The request as a reviewer sees it (contact data included); never the password hash or the ticket. */
function forReviewer(r: RequestRow) {
  return {
    id: r.id, status: r.status, credit_code: r.credit_code, enterprise_name: r.enterprise_name, contact_name: r.contact_name,
    email: r.email, phone: r.phone, username: r.username, reason: r.reason, organization_id: r.organization_id, user_id: r.user_id,
    zone: { id: r.zone_id, code: r.zone_code, name_zh: r.zone_name_zh, name_en: r.zone_name_en },
    decided_by: r.decided_by_username, decided_at: r.decided_at, created_at: r.created_at,
  };
}

/** The audit image: what was decided, without password hash or ticket. */
const auditImage = (r: RequestRow) => ({
  id: r.id, status: r.status, credit_code: r.credit_code, enterprise_name: r.enterprise_name, username: r.username,
  reason: r.reason, organization_id: r.organization_id, user_id: r.user_id, zone_id: r.zone_id,
});

/** What the holder of the ticket may read: the decision, not the contact data (a leaked ticket leaks no personal data). */
export async function registrationStatus(db: Queryable, ticket: string) {
  const r = (await db.query<RequestRow>(`${SELECT_REQUESTS} where r.ticket_hash = $1`, [ticketHash(ticket)]))[0];
  if (!r) throw requestNotFound('?');
  return {
    id: r.id, status: r.status, credit_code: r.credit_code, enterprise_name: r.enterprise_name, username: r.username, reason: r.reason,
    zone: { id: r.zone_id, code: r.zone_code, name_zh: r.zone_name_zh, name_en: r.zone_name_en }, decided_at: r.decided_at, created_at: r.created_at,
  };
}

function requireReviewer(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated();
  if (actor.role !== 'admin' && actor.role !== 'zone_operator') throw forbidden('accounts.scope.registrations');
  return actor;
}

async function reviewedZones(db: Queryable, actor: Actor): Promise<number[] | undefined> {
  if (actor.role === 'admin') return undefined;
  return actor.zoneId !== null ? zoneSubtree(db, actor.zoneId) : [];
}

export async function listRegistrations(db: Queryable, actor: Actor | null, query: { status?: RequestRow['status']; limit?: number; offset?: number }) {
  const who = requireReviewer(actor);
  const zones = await reviewedZones(db, who);
  const where: string[] = [];
  const params: unknown[] = [];
  if (zones) { params.push(zones); where.push(`r.zone_id = any($${params.length}::bigint[])`); }
  if (query.status) { params.push(query.status); where.push(`r.status = $${params.length}`); }
  const filter = where.length ? ` where ${where.join(' and ')}` : '';
  const total = (await db.query<{ n: number }>(`select count(*)::int8 as n from registration_requests r${filter}`, params))[0]!.n;
  const rows = await db.query<RequestRow>(`${SELECT_REQUESTS}${filter} order by r.id desc limit ${Math.min(query.limit ?? 50, 500)} offset ${Math.max(query.offset ?? 0, 0)}`, params);
  return { items: rows.map(forReviewer), total };
}

/** A request of the reviewer's zones; others' requests are "not found", so their contact data stays hidden. */
async function reviewable(db: Queryable, actor: Actor, id: number, lock = false): Promise<RequestRow> {
  const r = (await db.query<RequestRow>(`${SELECT_REQUESTS} where r.id = $1${lock ? ' for update of r' : ''}`, [id]))[0];
  const zones = await reviewedZones(db, actor);
  if (!r || (zones && !zones.includes(r.zone_id))) throw requestNotFound(id);
  return r;
}

export async function getRegistration(db: Queryable, actor: Actor | null, id: number) {
  return forReviewer(await reviewable(db, requireReviewer(actor), id));
}

const decided = (r: RequestRow) => new AppError('CONFLICT', 'accounts.registration.decided', { status: r.status });

/** Finds the organisation with this credit code, or creates it in the request's zone through the registry's own service. */
async function organizationFor(db: Db, actor: Actor, r: RequestRow): Promise<number> {
  const find = async () => (await db.query<{ id: number; zone_id: number }>('select id, zone_id from organizations where credit_code = $1', [r.credit_code]))[0];
  let org = await find();
  if (!org) {
    try {
      const created = await createRecord(db, actor, organizations, { name_zh: r.enterprise_name, zone_id: r.zone_id, kind: 'enterprise', credit_code: r.credit_code });
      return Number(created.id);
    } catch (err) {
      // Someone registered the code meanwhile (another approval or an import): link to theirs.
      if (!(err instanceof AppError && err.code === 'DUPLICATE')) throw err;
      org = await find();
      if (!org) throw err;
    }
  }
  const zones = await reviewedZones(db, actor);
  if (zones && !zones.includes(org.zone_id)) throw forbidden('accounts.registration.orgOutsideZone');
  return org.id;
}

export async function approveRegistration(db: Db, actor: Actor | null, id: number) {
  const who = requireReviewer(actor);
  const request = await reviewable(db, who, id);
  if (request.status !== 'pending') throw decided(request);
  const organizationId = await organizationFor(db, who, request);
  await writeTransaction(db, async (tx) => {
    const r = await reviewable(tx, who, id, true);
    if (r.status !== 'pending') throw decided(r);
    const user = await tx.query<{ id: number }>(
      `insert into users (username, password_hash, display_name, role, organization_id) values ($1, $2, $3, 'org_user', $4) returning id`,
      [r.username, r.password_hash, r.contact_name, organizationId]);
    const userId = user[0]!.id;
    await tx.query(`update registration_requests set status = 'approved', organization_id = $2, user_id = $3, decided_by = $4, decided_at = now() where id = $1`,
      [id, organizationId, userId, who.userId]);
    const after = (await tx.query<RequestRow>(`${SELECT_REQUESTS} where r.id = $1`, [id]))[0]!;
    await auditAccount(tx, who, 'registration_requests', id, r.zone_id, 'approve', auditImage(r), auditImage(after));
    await auditAccount(tx, who, 'users', userId, r.zone_id, 'create', null,
      { id: userId, username: r.username, display_name: r.contact_name, role: 'org_user', organization_id: organizationId, active: true, registration_request_id: id });
  });
  return getRegistration(db, who, id);
}

export async function rejectRegistration(db: Db, actor: Actor | null, id: number, reason: string) {
  const who = requireReviewer(actor);
  if (!reason.trim()) throw invalid([{ field: 'reason', key: 'field.required' }]);
  await writeTransaction(db, async (tx) => {
    const r = await reviewable(tx, who, id, true);
    if (r.status !== 'pending') throw decided(r);
    await tx.query(`update registration_requests set status = 'rejected', reason = $2, decided_by = $3, decided_at = now() where id = $1`, [id, reason.trim(), who.userId]);
    const after = (await tx.query<RequestRow>(`${SELECT_REQUESTS} where r.id = $1`, [id]))[0]!;
    await auditAccount(tx, who, 'registration_requests', id, r.zone_id, 'reject', auditImage(r), auditImage(after));
  });
  return getRegistration(db, who, id);
}
