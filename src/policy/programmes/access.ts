/**
 * Who may do what with incentive programmes. Managers (define, review, notice, disburse, export) are admins and the
 * zone operators whose zone subtree holds the programme's zone; organisation users apply for their own organisation
 * and see only its applications; any signed-in user reads programmes and public notices and may lodge objections.
 */
import type { Queryable } from '../../shared/db';
import { type Actor, zoneSubtree } from '../../shared/access/actor';
import { AppError, type FieldIssue, forbidden, unauthenticated } from '../../shared/http/errors';
import type { MessageKey } from '../../shared/i18n';

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated();
  return actor;
}

export async function managesZone(db: Queryable, actor: Actor, zoneId: number): Promise<boolean> {
  if (actor.role === 'admin') return true;
  if (actor.role === 'zone_operator' && actor.zoneId !== null) return (await zoneSubtree(db, actor.zoneId)).includes(Number(zoneId));
  return false;
}

export async function assertManager(db: Queryable, actor: Actor | null, zoneId: number): Promise<Actor> {
  const a = requireActor(actor);
  if (!(await managesZone(db, a, zoneId))) throw forbidden('policy.programmes.managersOnly');
  return a;
}

/** Zones whose programmes an actor manages: null = all (admin); [] = none. */
export async function managedZones(db: Queryable, actor: Actor): Promise<number[] | null> {
  if (actor.role === 'admin') return null;
  if (actor.role === 'zone_operator' && actor.zoneId !== null) return zoneSubtree(db, actor.zoneId);
  return [];
}

export const fieldError = (field: string, key: MessageKey, params?: Record<string, string | number>) =>
  new AppError('VALIDATION', 'problem.validation', {}, [{ field, key, params }]);
export const conflict = (key: MessageKey, params: Record<string, string | number> = {}, issues: FieldIssue[] = [], extra: Record<string, unknown> = {}) =>
  new AppError('CONFLICT', key, params, issues, extra);
export const programmeNotFound = (id: number) => new AppError('NOT_FOUND', 'policy.programmes.notFound', { id });
export const applicationNotFound = (id: number) => new AppError('NOT_FOUND', 'policy.programmes.applicationNotFound', { id });

export async function audit(db: Queryable, actor: Actor, entity: string, entityId: number, zoneId: number, action: string, before: unknown, after: unknown) {
  await db.query('insert into audit_events (user_id, entity, entity_id, zone_id, action, before, after) values ($1, $2, $3, $4, $5, $6, $7)',
    [actor.userId, entity, entityId, zoneId, action, before === null ? null : JSON.stringify(before), after === null ? null : JSON.stringify(after)]);
}

export const today = () => new Date().toISOString().slice(0, 10);
export const yuan = (fen: number) => (Number(fen) / 100).toFixed(2);
