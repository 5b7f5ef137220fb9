import type { Db, Queryable, Row } from '../../shared/db';
import type { Actor } from '../../shared/access/actor';
import { deny, type ItemKind, loadItem, notFoundItem, rejectField, requireActor, tableOf } from './common';
import { privileged, viewerOf, brokers } from './disclosure';
import { demandQuality, offerQuality, type QualityReport } from './quality';

/**
 * Status workflow of demands and offers. The owner submits; a broker screens (demands), publishes (the quality gate
 * applies to both kinds unless the broker overrides, with a note), or sends back with a note; owner or broker closes. Every change
 * is logged in transfer_status_events (the funnel reads it).
 */
export type Action = 'submit' | 'screen' | 'publish' | 'send_back' | 'close' | 'reopen';

const DEMAND_FLOW: Record<Action, { from: readonly (string | null)[]; to: string; broker: boolean }> = {
  submit: { from: ['draft', 'sent_back', null], to: 'submitted', broker: false },
  screen: { from: ['submitted'], to: 'screened', broker: true },
  publish: { from: ['submitted', 'screened'], to: 'published', broker: true },
  send_back: { from: ['submitted', 'screened', 'published'], to: 'sent_back', broker: true },
  close: { from: ['draft', 'submitted', 'screened', 'published', 'sent_back', null], to: 'closed', broker: false },
  reopen: { from: ['closed'], to: 'draft', broker: false },
};
const OFFER_FLOW: Record<Action, { from: readonly (string | null)[]; to: string; broker: boolean } | undefined> = {
  submit: { from: ['draft', 'sent_back', null], to: 'submitted', broker: false },
  screen: undefined,
  publish: { from: ['submitted'], to: 'published', broker: true },
  send_back: { from: ['submitted', 'published'], to: 'sent_back', broker: true },
  close: { from: ['draft', 'submitted', 'published', 'sent_back', null], to: 'closed', broker: false },
  reopen: { from: ['closed'], to: 'draft', broker: false },
};

export const qualityOf = (kind: ItemKind, row: Row): QualityReport => (kind === 'demand' ? demandQuality(row) : offerQuality(row));

export async function qualityReport(db: Queryable, actor: Actor | null, kind: ItemKind, id: number) {
  const v = await viewerOf(db, actor);
  const row = await loadItem(db, kind, id);
  if (!row || !privileged(v, row)) throw notFoundItem(kind, id);
  return qualityOf(kind, row);
}

export interface ChangeInput {
  action: Action;
  note?: string | null;
  /** Broker publishes below the quality threshold. */
  override?: boolean;
}

export async function changeStatus(db: Db, actor: Actor | null, kind: ItemKind, id: number, input: ChangeInput, afterCommit?: (kind: ItemKind, id: number) => Promise<void>) {
  const a = requireActor(actor);
  const v = await viewerOf(db, a);
  const result = await db.transaction(async (tx) => {
    const row = await loadItem(tx, kind, id, { forUpdate: true });
    if (!row || !privileged(v, row)) throw notFoundItem(kind, id);
    const rule = (kind === 'demand' ? DEMAND_FLOW : OFFER_FLOW)[input.action];
    if (!rule) throw rejectField('action', 'transfer.status.noSuchAction', { action: input.action });
    const isBroker = brokers(v, row.zone_id);
    if (rule.broker && !isBroker) throw deny('transfer.brokerOfZoneOnly');
    const from = (row.status as string | null) ?? null;
    if (!rule.from.includes(from)) {
      throw rejectField('status', 'transfer.status.notFrom', { action: input.action, from: from ?? 'draft', options: rule.from.filter((s): s is string => !!s) });
    }
    const quality = qualityOf(kind, row);
    // The gate holds for demands and offers alike; a broker may override it with a note, and the override is logged.
    if (input.action === 'publish' && !quality.passes) {
      if (!input.override) {
        throw rejectField('quality', 'transfer.status.belowThreshold', { score: quality.score, threshold: quality.threshold });
      }
      if (!input.note?.trim()) throw rejectField('note', 'transfer.status.overrideNote');
    }
    if (input.action === 'send_back' && !input.note?.trim()) throw rejectField('note', 'transfer.status.sendBackNote');
    const updated = (await tx.query(`update ${tableOf(kind)} set status = $1, version = version + 1, updated_at = now() where id = $2 returning id, code, status, version`, [rule.to, id]))[0]!;
    await tx.query(
      `insert into transfer_status_events (item_kind, item_id, zone_id, from_status, to_status, quality_score, override, note, user_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [kind, id, row.zone_id, from, rule.to, quality.score, input.action === 'publish' && !quality.passes, input.note ?? null, a.userId]);
    await tx.query('insert into audit_events (user_id, entity, entity_id, zone_id, action, before, after) values ($1, $2, $3, $4, $5, $6, $7)',
      [a.userId, kind === 'demand' ? 'demands' : 'offers', id, row.zone_id, `status:${input.action}`, JSON.stringify({ status: from }), JSON.stringify({ status: rule.to, note: input.note ?? null })]);
    return { ...updated, quality };
  });
  await afterCommit?.(kind, id);
  return result;
}

export async function statusHistory(db: Queryable, actor: Actor | null, kind: ItemKind, id: number) {
  const v = await viewerOf(db, actor);
  const row = await loadItem(db, kind, id);
  if (!row || !privileged(v, row)) throw notFoundItem(kind, id);
  return db.query(
    `select e.from_status, e.to_status, e.quality_score, e.override, e.note, e.via, e.at, u.username from transfer_status_events e
     left join users u on u.id = e.user_id where e.item_kind = $1 and e.item_id = $2 order by e.id`, [kind, id]);
}
