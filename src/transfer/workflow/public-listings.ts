import type { Queryable, Row } from '../../shared/db';
import type { Actor } from '../../shared/access/actor';
import { type ItemKind, loadItem, notFoundItem } from './common';
import { zoneSubtree } from '../../shared/access/actor';
import { brokerContact } from './broker-contact';
import { findListings, type MarketFilters } from './market-search';
import { canSee, logReveal, NDA_TEXT, ndaAccepted, viewerOf, viewItem } from './disclosure';

/**
 * Published demands and offers as anyone (anonymous visitors included) may see them: brokers-only demands never
 * appear; fields behind a tier are null and listed in `withheld`; the owner organisation is named only when its
 * tier allows (otherwise the listing is anonymous and contact goes through the zone's broker).
 */
export interface ListingQuery extends MarketFilters {
  limit?: number;
  offset?: number;
}

type Named = { id: number; name_zh: string | null; name_en: string | null } | null;

async function namesOf(db: Queryable, table: 'organizations' | 'zones', ids: unknown[]): Promise<Map<number, Named>> {
  const wanted = [...new Set(ids.filter((x) => x != null).map(Number))];
  if (!wanted.length) return new Map();
  const rows = await db.query<{ id: number; name_zh: string | null; name_en: string | null }>(`select id, name_zh, name_en from ${table} where id = any($1::int8[])`, [wanted]);
  return new Map(rows.map((r) => [Number(r.id), { id: Number(r.id), name_zh: r.name_zh, name_en: r.name_en }]));
}

async function withNames(db: Queryable, views: { item: Row; withheld: unknown[] }[]) {
  const orgs = await namesOf(db, 'organizations', views.map((v) => v.item.organization_id));
  const zones = await namesOf(db, 'zones', views.map((v) => v.item.zone_id));
  return views.map(({ item, withheld }) => ({
    ...item,
    organization: item.organization_id == null ? null : orgs.get(Number(item.organization_id)) ?? null,
    zone: zones.get(Number(item.zone_id)) ?? null,
    withheld,
  }));
}

export async function listPublished(db: Queryable, actor: Actor | null, kind: ItemKind, query: ListingQuery) {
  const v = await viewerOf(db, actor);
  const zoneIds = query.zone !== undefined ? await zoneSubtree(db, query.zone) : undefined;
  const { rows, total } = await findListings(db, v, kind, query, zoneIds, { limit: query.limit ?? 50, offset: query.offset ?? 0 });
  const views = rows.filter((row) => canSee(v, kind, row)).map((row) => viewItem(v, kind, row, false));
  return { items: await withNames(db, views), total };
}

/** `read` may be the read replica (req.readDb); the reveal log is a write, so it goes to `db`. */
export async function getPublished(db: Queryable, actor: Actor | null, kind: ItemKind, id: number, read: Queryable = db) {
  const v = await viewerOf(read, actor);
  const row = await loadItem(read, kind, id);
  if (!row || !canSee(v, kind, row)) throw notFoundItem(kind, id);
  const accepted = await ndaAccepted(read, v, kind, id);
  const view = viewItem(v, kind, row, accepted);
  if (v.actor && view.revealed.length) await logReveal(db, v.actor, kind, id, view.revealed);
  const [item] = await withNames(read, [view]);
  return { ...item!, nda: view.withheld.some((w) => w.tier === 'nda') ? NDA_TEXT : null, broker: await brokerContact(read, Number(row.zone_id)) };
}
