/**
 * What the funds and talent services share: who manages a zone, field errors in the caller's language (through the
 * shared catalogue, keys in funds-talent.messages.ts), the audit trail, and loading organisations.
 */
import type { Queryable, Row } from '../../shared/db';
import { type Actor, zoneSubtree } from '../../shared/access/actor';
import { AppError, forbidden, unauthenticated } from '../../shared/http/errors';
import type { MessageKey } from '../../shared/i18n';

export type Params = Record<string, string | number>;

/** A 400 naming the field. */
export const badField = (field: string, key: MessageKey, params: Params = {}) =>
  new AppError('VALIDATION', 'problem.validation', {}, [{ field, key, params }]);

/** A 409: the request is well formed but the state forbids it (already claimed, redeemed, exhausted). */
export const conflictOn = (field: string, key: MessageKey, params: Params = {}) =>
  new AppError('CONFLICT', key, params, [{ field, key, params }]);

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated();
  return actor;
}

/** Admins manage every zone; a zone operator manages their zone and the zones below it. */
export async function managesZone(db: Queryable, actor: Actor | null, zoneId: number): Promise<boolean> {
  if (!actor) return false;
  if (actor.role === 'admin') return true;
  if (actor.role !== 'zone_operator' || actor.zoneId === null) return false;
  return (await zoneSubtree(db, actor.zoneId)).includes(Number(zoneId));
}

export async function assertManager(db: Queryable, actor: Actor | null, zoneId: number): Promise<Actor> {
  const a = requireActor(actor);
  if (!(await managesZone(db, a, zoneId))) throw forbidden('policy.funds.managersOnly');
  return a;
}

/** The zones an actor manages (null = all, for admins), for list filters. */
export async function managedZones(db: Queryable, actor: Actor): Promise<number[] | null> {
  if (actor.role === 'admin') return null;
  if (actor.role === 'zone_operator' && actor.zoneId !== null) return zoneSubtree(db, actor.zoneId);
  return [];
}

export async function audit(db: Queryable, actor: Actor, entity: string, entityId: number, zoneId: number, action: string, before: Row | null, after: Row | null) {
  await db.query(
    'insert into audit_events (user_id, entity, entity_id, zone_id, action, before, after) values ($1, $2, $3, $4, $5, $6, $7)',
    [actor.userId, entity, entityId, zoneId, action, before ? JSON.stringify(before) : null, after ? JSON.stringify(after) : null]);
}

export interface OrgRow { id: number; zone_id: number; name_zh: string; name_en: string | null }

/** An organisation (not retired) or a 400 naming the field. */
export async function orgOrFail(db: Queryable, id: number, field: string): Promise<OrgRow> {
  const row = (await db.query<OrgRow>('select id, zone_id, name_zh, name_en from organizations where id = $1 and retired_at is null', [id]))[0];
  if (!row) throw badField(field, 'policy.funds.orgNotFound', { id });
  return { ...row, id: Number(row.id), zone_id: Number(row.zone_id) };
}

/** An organisation in `zoneId`'s subtree, or a 400 naming the field. */
export async function orgInZone(db: Queryable, id: number, zoneId: number, field: string): Promise<OrgRow> {
  const org = await orgOrFail(db, id, field);
  if (!(await zoneSubtree(db, zoneId)).includes(org.zone_id)) throw badField(field, 'policy.funds.orgOutsideZone', { id });
  return org;
}

/** Today in the database's clock, so that every date rule agrees with the rows it checks. */
export async function today(db: Queryable): Promise<string> {
  return (await db.query<{ d: string }>(`select current_date::text as d`))[0]!.d;
}

export const toNum = (v: unknown) => (v === null || v === undefined ? null : Number(v));
