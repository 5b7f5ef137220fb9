import type { Queryable, Row } from '../../shared/db';
import { type Actor, zoneSubtree } from '../../shared/access/actor';
import { AppError, type ErrorCode, unauthenticated } from '../../shared/http/errors';
import { translate, type MessageKey } from '../../shared/i18n';
import { demands, offers } from '../entities';
import type { EntityDef } from '../../shared/records/field-def';

/** Message parameters; a list is joined the way each language writes lists. */
export type TransferParams = Record<string, string | number | readonly string[]>;

function text(locale: 'zh-CN' | 'en', key: MessageKey, params: TransferParams): string {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v.join(locale === 'en' ? ', ' : '、') : (v as string | number)]));
  return translate(locale, key, flat);
}

/**
 * Workflow errors name a message of the shared catalogue (src/shared/i18n/messages.ts, `transfer.*`): the route
 * wrapper sends the text in the caller's language; elsewhere the fallback key shows both.
 */
export class TransferError extends AppError {
  readonly field: string;
  readonly zh: string;
  readonly en: string;
  constructor(code: ErrorCode, field: string, key: MessageKey, params: TransferParams = {}) {
    const zh = text('zh-CN', key, params);
    const en = text('en', key, params);
    super(code, code === 'FORBIDDEN' ? 'scope.zone' : code === 'NOT_FOUND' ? 'problem.notFound' : 'problem.validation',
      code === 'NOT_FOUND' ? { entity: field, id: '' } : {},
      code === 'VALIDATION' || code === 'CONFLICT' ? [{ field, key: 'field.type', params: { type: `${en} / ${zh}` } }] : []);
    this.field = field;
    this.zh = zh;
    this.en = en;
    this.message = `${code}: ${field}: ${en}`;
  }
}

/** A message in both languages, for texts the API hands out as {zh, en}. */
export const bothLanguages = (key: MessageKey, params: TransferParams = {}) => ({ zh: text('zh-CN', key, params), en: text('en', key, params) });

export const rejectField = (field: string, key: MessageKey, params?: TransferParams) => new TransferError('VALIDATION', field, key, params);
export const deny = (key: MessageKey, params?: TransferParams) => new TransferError('FORBIDDEN', '(access)', key, params);

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
  if (!(await isBrokerFor(db, a, zoneId))) throw deny('transfer.brokerOfZoneOnly');
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
  return new TransferError('NOT_FOUND', kind === 'demand' ? 'demands' : 'offers', kind === 'demand' ? 'transfer.demandNotFound' : 'transfer.offerNotFound', { id });
}

export const toNumber = (v: unknown) => (v === null || v === undefined ? null : Number(v));
