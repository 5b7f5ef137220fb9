import { hash, verify } from '@node-rs/argon2';
import type { Db, Queryable } from '../shared/db';
import { type Actor, zoneSubtree } from '../shared/access/actor';
import { AppError, forbidden, invalid, unauthenticated, type FieldIssue } from '../shared/http/errors';
import { writeTransaction } from '../shared/records/record-service';
import { passwordIssues, USERNAME_PATTERN } from './password-policy';
import { auditAccount } from './account-audit';

/**
 * Account management: admins manage every account; a zone operator manages the organisation users of organisations in
 * their zone's subtree. Every change is audited (entity `users`) without the password hash.
 */

export type Role = Actor['role'];

export interface ScopeRef { id: number; code: string; name_zh: string; name_en: string | null }

export interface ManagedUser {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  zone_id: number | null;
  organization_id: number | null;
  active: boolean;
  last_login_at: string | null;
  created_at: string;
  version: number;
  zone: ScopeRef | null;
  organization: ScopeRef | null;
}

const SELECT_USERS = `
  select u.id, u.username, u.display_name, u.role, u.zone_id, u.organization_id, u.active, u.last_login_at, u.created_at, u.version,
    z.code as zone_code, z.name_zh as zone_name_zh, z.name_en as zone_name_en,
    o.code as org_code, o.name_zh as org_name_zh, o.name_en as org_name_en, o.zone_id as org_zone_id
  from users u left join zones z on z.id = u.zone_id left join organizations o on o.id = u.organization_id`;

type UserRow = Omit<ManagedUser, 'zone' | 'organization'> & {
  zone_code: string | null; zone_name_zh: string | null; zone_name_en: string | null;
  org_code: string | null; org_name_zh: string | null; org_name_en: string | null; org_zone_id: number | null;
};

function present(r: UserRow): ManagedUser {
  return {
    id: r.id, username: r.username, display_name: r.display_name, role: r.role, zone_id: r.zone_id, organization_id: r.organization_id,
    active: r.active, last_login_at: r.last_login_at, created_at: r.created_at, version: r.version,
    zone: r.zone_id !== null ? { id: r.zone_id, code: r.zone_code!, name_zh: r.zone_name_zh!, name_en: r.zone_name_en } : null,
    organization: r.organization_id !== null ? { id: r.organization_id, code: r.org_code!, name_zh: r.org_name_zh!, name_en: r.org_name_en } : null,
  };
}

/** What an audit event keeps of an account: everything shown, never the hash. */
export const auditImage = (u: ManagedUser) => ({
  id: u.id, username: u.username, display_name: u.display_name, role: u.role, zone_id: u.zone_id, organization_id: u.organization_id,
  active: u.active, version: u.version,
});

/** The zone an account belongs to, for the audit log's zone column: an operator's zone, an org user's organisation's zone. */
const zoneOfAccount = (u: { zone_id: number | null; organization: ScopeRef | null }, orgZone: number | null) => u.zone_id ?? orgZone;

function requireManager(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated();
  if (actor.role !== 'admin' && actor.role !== 'zone_operator') throw forbidden('accounts.scope.users');
  return actor;
}

/** The zones whose organisations' users this actor manages; undefined for an admin (all). */
async function managedZones(db: Queryable, actor: Actor): Promise<number[] | undefined> {
  if (actor.role === 'admin') return undefined;
  return actor.zoneId !== null ? zoneSubtree(db, actor.zoneId) : [];
}

async function loadUser(db: Queryable, id: number): Promise<(ManagedUser & { orgZoneId: number | null }) | undefined> {
  const rows = await db.query<UserRow>(`${SELECT_USERS} where u.id = $1`, [id]);
  return rows[0] ? { ...present(rows[0]), orgZoneId: rows[0].org_zone_id } : undefined;
}

const userNotFound = (id: number) => new AppError('NOT_FOUND', 'accounts.userNotFound', { id });

/** Loads an account the actor may manage; one they may not see is "not found" for operators, like records outside their zone. */
async function managedUser(db: Queryable, actor: Actor, id: number) {
  const user = await loadUser(db, id);
  if (!user) throw userNotFound(id);
  const zones = await managedZones(db, actor);
  if (zones && !(user.role === 'org_user' && user.orgZoneId !== null && zones.includes(user.orgZoneId))) throw userNotFound(id);
  return user;
}

export interface UserQuery { q?: string; role?: Role; active?: boolean; limit?: number; offset?: number }

export async function listUsers(db: Queryable, actor: Actor | null, query: UserQuery) {
  const who = requireManager(actor);
  const zones = await managedZones(db, who);
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => { params.push(value); where.push(sql.replace('?', `$${params.length}`)); };
  if (zones) {
    where.push(`u.role = 'org_user'`);
    add('o.zone_id = any(?::bigint[])', zones);
  }
  if (query.role) add('u.role = ?', query.role);
  if (query.active !== undefined) add('u.active = ?', query.active);
  if (query.q?.trim()) add(`(u.username ilike ? or u.display_name ilike $${params.length + 1} or o.name_zh ilike $${params.length + 1})`, `%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const filter = where.length ? ` where ${where.join(' and ')}` : '';
  const total = (await db.query<{ n: number }>(`select count(*)::int8 as n from users u left join organizations o on o.id = u.organization_id${filter}`, params))[0]!.n;
  const rows = await db.query<UserRow>(`${SELECT_USERS}${filter} order by u.id limit ${Math.min(query.limit ?? 50, 500)} offset ${Math.max(query.offset ?? 0, 0)}`, params);
  return { items: rows.map(present), total };
}

export async function getUser(db: Queryable, actor: Actor | null, id: number): Promise<ManagedUser> {
  const { orgZoneId: _, ...user } = await managedUser(db, requireManager(actor), id);
  return user;
}

export interface NewAccount {
  username: string;
  display_name: string;
  password: string;
  role: Role;
  zone_id?: number | null;
  organization_id?: number | null;
}

/** Checks that role and scope fit together and exist; returns the organisation's zone for an org user. */
async function checkScope(db: Queryable, role: Role, zoneId: number | null, organizationId: number | null): Promise<number | null> {
  const issues: FieldIssue[] = [];
  if (role === 'zone_operator' && zoneId === null) issues.push({ field: 'zone_id', key: 'field.required' });
  if (role !== 'zone_operator' && zoneId !== null) issues.push({ field: 'zone_id', key: 'accounts.scopeNotAllowed', params: { role: 'zone_operator' } });
  if (role === 'org_user' && organizationId === null) issues.push({ field: 'organization_id', key: 'field.required' });
  if (role !== 'org_user' && organizationId !== null) issues.push({ field: 'organization_id', key: 'accounts.scopeNotAllowed', params: { role: 'org_user' } });
  if (issues.length) throw invalid(issues);
  if (zoneId !== null && !(await db.query('select 1 from zones where id = $1', [zoneId])).length) {
    throw invalid([{ field: 'zone_id', key: 'problem.reference', params: { field: 'zone_id' } }]);
  }
  if (organizationId === null) return null;
  const org = (await db.query<{ zone_id: number }>('select zone_id from organizations where id = $1', [organizationId]))[0];
  if (!org) throw invalid([{ field: 'organization_id', key: 'problem.reference', params: { field: 'organization_id' } }]);
  return org.zone_id;
}

/** An operator may give accounts only to organisations in their subtree, and only organisation-user accounts. */
async function assertMayAssign(db: Queryable, actor: Actor, role: Role, orgZoneId: number | null) {
  const zones = await managedZones(db, actor);
  if (!zones) return;
  if (role !== 'org_user') throw forbidden('accounts.scope.adminOnly');
  if (orgZoneId === null || !zones.includes(orgZoneId)) throw forbidden('accounts.scope.users');
}

export async function createAccount(db: Db, actor: Actor | null, input: NewAccount): Promise<ManagedUser> {
  const who = requireManager(actor);
  const username = input.username.trim();
  const issues: FieldIssue[] = [];
  if (!USERNAME_PATTERN.test(username)) issues.push({ field: 'username', key: 'accounts.username' });
  issues.push(...passwordIssues(input.password, username));
  if (issues.length) throw invalid(issues);
  const zoneId = input.zone_id ?? null;
  const organizationId = input.organization_id ?? null;
  const orgZone = await checkScope(db, input.role, zoneId, organizationId);
  await assertMayAssign(db, who, input.role, orgZone);
  const passwordHash = await hash(input.password);
  return writeTransaction(db, async (tx) => {
    const rows = await tx.query<{ id: number }>(
      `insert into users (username, password_hash, display_name, role, zone_id, organization_id) values ($1, $2, $3, $4, $5, $6) returning id`,
      [username, passwordHash, input.display_name.trim() || username, input.role, zoneId, organizationId]);
    const created = (await loadUser(tx, rows[0]!.id))!;
    await auditAccount(tx, who, 'users', created.id, zoneOfAccount(created, created.orgZoneId), 'create', null, auditImage(created));
    const { orgZoneId: _, ...user } = created;
    return user;
  });
}

/**
 * `kechuang create-admin`: creates a platform admin, or resets an existing account of that name to an active admin
 * with the new password. Run on the server by whoever holds its shell, so there is no actor, but the password and
 * user name rules apply as everywhere else, and the event is audited (user: none).
 */
export async function createOrResetAdmin(db: Db, input: { username: string; password: string; display_name: string }): Promise<ManagedUser> {
  const username = input.username.trim();
  const issues: FieldIssue[] = [];
  if (!USERNAME_PATTERN.test(username)) issues.push({ field: 'username', key: 'accounts.username' });
  issues.push(...passwordIssues(input.password, username));
  if (issues.length) throw invalid(issues);
  const passwordHash = await hash(input.password);
  return writeTransaction(db, async (tx) => {
    const existing = (await tx.query<{ id: number }>('select id from users where username = $1 for update', [username]))[0];
    const before = existing ? (await loadUser(tx, existing.id))! : null;
    const rows = await tx.query<{ id: number }>(
      `insert into users (username, password_hash, display_name, role) values ($1, $2, $3, 'admin')
       on conflict (username) do update set password_hash = excluded.password_hash, display_name = excluded.display_name,
         role = 'admin', zone_id = null, organization_id = null, active = true, version = users.version + 1
       returning id`,
      [username, passwordHash, input.display_name.trim() || username]);
    const after = (await loadUser(tx, rows[0]!.id))!;
    // A reset ends the account's sessions, as a reset by an admin does.
    if (before) await tx.query('delete from sessions where user_id = $1', [after.id]);
    await auditAccount(tx, null, 'users', after.id, null, before ? 'reset-admin' : 'create', before ? auditImage(before) : null, auditImage(after));
    const { orgZoneId: _, ...user } = after;
    return user;
  });
}

export interface AccountPatch {
  version: number;
  display_name?: string;
  role?: Role;
  zone_id?: number | null;
  organization_id?: number | null;
}

export async function updateAccount(db: Db, actor: Actor | null, id: number, patch: AccountPatch): Promise<ManagedUser> {
  const who = requireManager(actor);
  return writeTransaction(db, async (tx) => {
    const before = await managedUser(tx, who, id);
    const role = patch.role ?? before.role;
    // A new role resets the scope it does not use, so that changing operator → admin needs no explicit zone_id: null.
    const zoneId = patch.zone_id !== undefined ? patch.zone_id : role === 'zone_operator' ? before.zone_id : null;
    const organizationId = patch.organization_id !== undefined ? patch.organization_id : role === 'org_user' ? before.organization_id : null;
    const scopeChanged = role !== before.role || zoneId !== before.zone_id || organizationId !== before.organization_id;
    if (scopeChanged && before.id === who.userId) throw forbidden('accounts.self');
    const orgZone = await checkScope(tx, role, zoneId, organizationId);
    if (scopeChanged) await assertMayAssign(tx, who, role, orgZone);
    const updated = await tx.query<{ id: number }>(
      `update users set display_name = $3, role = $4, zone_id = $5, organization_id = $6, version = version + 1
       where id = $1 and version = $2 returning id`,
      [id, patch.version, patch.display_name?.trim() || before.display_name, role, zoneId, organizationId]);
    if (!updated.length) throw new AppError('CONFLICT', 'problem.conflict', { current: before.version, sent: patch.version });
    const after = (await loadUser(tx, id))!;
    await auditAccount(tx, who, 'users', id, zoneOfAccount(after, after.orgZoneId), scopeChanged ? 'change-role' : 'update', auditImage(before), auditImage(after));
    const { orgZoneId: _, ...user } = after;
    return user;
  });
}

/** Sets a new password chosen by an admin or operator; the account's sessions end, so whoever held them must sign in again. */
export async function resetPassword(db: Db, actor: Actor | null, id: number, password: string): Promise<void> {
  const who = requireManager(actor);
  const target = await managedUser(db, who, id);
  const issues = passwordIssues(password, target.username);
  if (issues.length) throw invalid(issues);
  const passwordHash = await hash(password);
  await writeTransaction(db, async (tx) => {
    await tx.query('update users set password_hash = $2, version = version + 1 where id = $1', [id, passwordHash]);
    await tx.query('delete from sessions where user_id = $1', [id]);
    await auditAccount(tx, who, 'users', id, zoneOfAccount(target, target.orgZoneId), 'reset-password', null, { id, username: target.username });
  });
}

/** Deactivating ends every session of the account at once; reactivating lets it sign in again. */
export async function setActive(db: Db, actor: Actor | null, id: number, active: boolean): Promise<ManagedUser> {
  const who = requireManager(actor);
  if (id === who.userId && !active) throw forbidden('accounts.self');
  return writeTransaction(db, async (tx) => {
    const before = await managedUser(tx, who, id);
    await tx.query('update users set active = $2, version = version + 1 where id = $1', [id, active]);
    if (!active) await tx.query('delete from sessions where user_id = $1', [id]);
    const after = (await loadUser(tx, id))!;
    await auditAccount(tx, who, 'users', id, zoneOfAccount(after, after.orgZoneId), active ? 'reactivate' : 'deactivate', auditImage(before), auditImage(after));
    const { orgZoneId: _, ...user } = after;
    return user;
  });
}

// ——— a user's own sessions and password ———

export async function listOwnSessions(db: Queryable, actor: Actor | null, currentSessionId: number | undefined) {
  if (!actor) throw unauthenticated();
  const rows = await db.query<{ id: number; created_at: string; last_seen_at: string; expires_at: string; user_agent: string | null }>(
    `select id, created_at, last_seen_at, expires_at, user_agent from sessions
     where user_id = $1 and expires_at > now() order by last_seen_at desc`, [actor.userId]);
  return { items: rows.map((r) => ({ ...r, current: r.id === currentSessionId })) };
}

export async function endOwnSession(db: Queryable, actor: Actor | null, sessionId: number): Promise<void> {
  if (!actor) throw unauthenticated();
  const rows = await db.query('delete from sessions where id = $1 and user_id = $2 returning id', [sessionId, actor.userId]);
  if (!rows.length) throw new AppError('NOT_FOUND', 'accounts.sessionNotFound', { id: sessionId });
}

/** Changing one's own password keeps the current session and ends the others (a thief's among them). */
export async function changeOwnPassword(db: Db, actor: Actor | null, currentSessionId: number | undefined, current: string, next: string): Promise<void> {
  if (!actor) throw unauthenticated();
  const row = (await db.query<{ password_hash: string }>('select password_hash from users where id = $1', [actor.userId]))[0];
  if (!row || !(await verify(row.password_hash, current).catch(() => false))) {
    throw invalid([{ field: 'current_password', key: 'accounts.password.current' }]);
  }
  const issues = passwordIssues(next, actor.username, 'new_password');
  if (issues.length) throw invalid(issues);
  const passwordHash = await hash(next);
  await writeTransaction(db, async (tx) => {
    await tx.query('update users set password_hash = $2, version = version + 1 where id = $1', [actor.userId, passwordHash]);
    await tx.query('delete from sessions where user_id = $1 and id <> $2', [actor.userId, currentSessionId ?? 0]);
    await auditAccount(tx, actor, 'users', actor.userId, actor.zoneId, 'change-password', null, { id: actor.userId, username: actor.username });
  });
}
