import type { Queryable, Row } from '../../shared/db';
import { type Actor, zoneSubtree } from '../../shared/access/actor';
import { AppError, type ErrorCode, unauthenticated } from '../../shared/http/errors';
import { demands, offers } from '../entities';
import type { EntityDef } from '../../shared/records/field-def';

/**
 * Workflow errors carry their own Chinese and English text (the shared message catalogue stays untouched):
 * the route wrapper sends the text in the caller's language; elsewhere the fallback key shows both.
 */
export class TransferError extends AppError {
  constructor(code: ErrorCode, readonly field: string, readonly zh: string, readonly en: string) {
    super(code, code === 'FORBIDDEN' ? 'scope.zone' : code === 'NOT_FOUND' ? 'problem.notFound' : 'problem.validation',
      code === 'NOT_FOUND' ? { entity: field, id: '' } : {},
      code === 'VALIDATION' || code === 'CONFLICT' ? [{ field, key: 'field.type', params: { type: `${en} / ${zh}` } }] : []);
    this.message = `${code}: ${field}: ${en}`;
  }
}

export const rejectField = (field: string, zh: string, en: string) => new TransferError('VALIDATION', field, zh, en);
export const deny = (zh: string, en: string) => new TransferError('FORBIDDEN', '(access)', zh, en);

export type ItemKind = 'demand' | 'offer';
export const defOf = (kind: ItemKind): EntityDef => (kind === 'demand' ? demands : offers);
export const tableOf = (kind: ItemKind) => (kind === 'demand' ? 'tech_demands' : 'tech_offers');

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated();
  return actor;
}

/** Brokers are admins and zone operators; a zone operator brokers inside their zone's subtree. */
export async function isBrokerFor(db: Queryable, actor: Actor | null, zoneId: number): Promise<boolean> {
  if (!actor) return false;
  if (actor.role === 'admin') return true;
  if (actor.role === 'zone_operator' && actor.zoneId !== null) return (await zoneSubtree(db, actor.zoneId)).includes(Number(zoneId));
  return false;
}

export async function assertBroker(db: Queryable, actor: Actor | null, zoneId: number): Promise<Actor> {
  const a = requireActor(actor);
  if (!(await isBrokerFor(db, a, zoneId))) throw deny('只有该园区的技术经纪人（管理员或园区运营人员）可以执行此操作。', 'Only a broker of this zone (admin or zone operator) may do this.');
  return a;
}

export const isOwner = (actor: Actor | null, row: Row) => !!actor && actor.role === 'org_user' && actor.organizationId === Number(row.organization_id);

/** Loads a demand or offer (not retired unless asked); undefined when absent. */
export async function loadItem(db: Queryable, kind: ItemKind, id: number, opts: { forUpdate?: boolean; includeRetired?: boolean } = {}): Promise<Row | undefined> {
  const rows = await db.query(`select * from ${tableOf(kind)} where id = $1${opts.forUpdate ? ' for update' : ''}`, [id]);
  const row = rows[0];
  if (!row || (row.retired_at && !opts.includeRetired)) return undefined;
  delete row.search;
  return row;
}

export function notFoundItem(kind: ItemKind, id: number) {
  return new TransferError('NOT_FOUND', kind === 'demand' ? 'demands' : 'offers', `${kind === 'demand' ? '技术需求' : '成果'} ${id} 不存在`, `${kind} ${id} does not exist`);
}

export const toNumber = (v: unknown) => (v === null || v === undefined ? null : Number(v));
