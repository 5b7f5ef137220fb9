import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Queryable } from '../shared/db';
import type { Actor } from '../shared/access/actor';
import { AppError, invalid } from '../shared/http/errors';

/** Accounts and sessions. Passwords are hashed with Argon2id (memory-hard); session tokens are stored only as hashes. */

export const SESSION_DAYS = 7;
/** A session unused this long ends before its absolute expiry (OWASP: idle timeout of hours, not days, for office use). */
export const SESSION_IDLE_HOURS = 12;
/** last_seen_at is refreshed at most this often, so that reads do not each cost a write. */
const LAST_SEEN_EVERY_SECONDS = 60;

export interface PublicUser {
  id: number;
  username: string;
  display_name: string;
  role: Actor['role'];
  zone_id: number | null;
  organization_id: number | null;
}

export interface NewUser {
  username: string;
  password: string;
  displayName: string;
  role: Actor['role'];
  zoneId?: number | null;
  organizationId?: number | null;
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createUser(db: Queryable, user: NewUser): Promise<PublicUser> {
  if (user.password.length < 10) throw invalid([{ field: 'password', key: 'field.type', params: { type: 'at least 10 characters' } }]);
  if (!/^[a-z0-9_.-]{3,40}$/.test(user.username)) throw invalid([{ field: 'username', key: 'field.type', params: { type: '3–40 lower-case letters, digits, _ . -' } }]);
  const rows = await db.query<PublicUser & { [k: string]: unknown }>(
    `insert into users (username, password_hash, display_name, role, zone_id, organization_id) values ($1, $2, $3, $4, $5, $6)
     on conflict (username) do update set password_hash = excluded.password_hash, display_name = excluded.display_name,
       role = excluded.role, zone_id = excluded.zone_id, organization_id = excluded.organization_id,
       active = true, version = users.version + 1
     returning id, username, display_name, role, zone_id, organization_id`,
    [user.username, await hash(user.password), user.displayName, user.role, user.zoneId ?? null, user.organizationId ?? null]);
  return rows[0]!;
}

export async function login(db: Queryable, username: string, password: string, userAgent?: string) {
  const rows = await db.query<PublicUser & { password_hash: string; active: boolean }>(
    'select id, username, display_name, role, zone_id, organization_id, password_hash, active from users where username = $1', [username]);
  const row = rows[0];
  // Verify against a fixed hash when the user is unknown so that timing does not reveal which user names exist.
  const ok = await verify(row?.password_hash ?? UNKNOWN_USER_HASH, password).catch(() => false);
  if (!row || !ok) throw new AppError('BAD_LOGIN', 'problem.badLogin');
  // Said only to someone who knows the password: a deactivated account is not a secret from its owner.
  if (!row.active) throw new AppError('FORBIDDEN', 'accounts.inactive');
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.query(`insert into sessions (token_hash, user_id, csrf_token, expires_at, user_agent) values ($1, $2, $3, now() + interval '${SESSION_DAYS} days', $4)`,
    [tokenHash(token), row.id, csrfToken, userAgent?.slice(0, 300) ?? null]);
  await db.query('update users set last_login_at = now() where id = $1', [row.id]);
  const { password_hash: _, active: _active, ...user } = row;
  return { token, csrfToken, user };
}

export async function sessionOf(db: Queryable, token: string | undefined) {
  if (!token) return undefined;
  const rows = await db.query<PublicUser & { csrf_token: string; session_id: number; stale: boolean }>(
    `select u.id, u.username, u.display_name, u.role, u.zone_id, u.organization_id, s.csrf_token, s.id as session_id,
       s.last_seen_at < now() - interval '${LAST_SEEN_EVERY_SECONDS} seconds' as stale
     from sessions s join users u on u.id = s.user_id
     where s.token_hash = $1 and s.expires_at > now() and s.last_seen_at > now() - interval '${SESSION_IDLE_HOURS} hours' and u.active`,
    [tokenHash(token)]);
  const row = rows[0];
  if (!row) return undefined;
  if (row.stale) await db.query('update sessions set last_seen_at = now() where id = $1', [row.session_id]);
  const { csrf_token, session_id: sessionId, stale: _stale, ...user } = row;
  const actor: Actor = { userId: user.id, username: user.username, role: user.role, zoneId: user.zone_id, organizationId: user.organization_id };
  return { user, actor, csrfToken: csrf_token, sessionId: Number(sessionId) };
}

export async function logout(db: Queryable, token: string | undefined) {
  if (token) await db.query('delete from sessions where token_hash = $1', [tokenHash(token)]);
}

// Argon2id hash of a random password nobody knows.
const UNKNOWN_USER_HASH = '$argon2id$v=19$m=19456,t=2,p=1$5T5HChLGb7g7kzzwvkKddA$5ALkHy4LhTswRcY9leNsqyIlG+QeS4dRtbrNW2M2Ss4';
