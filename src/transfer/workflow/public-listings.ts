import type { Queryable, Row } from '../../shared/db';
import type { Actor } from '../../shared/access/actor';
import { type ItemKind, loadItem, notFoundItem, tableOf } from './common';
import { canSee, logReveal, NDA_TEXT, ndaAccepted, viewerOf, viewItem } from './disclosure';

/**
 * Published demands and offers as anyone (anonymous visitors included) may see them: brokers-only demands never
 * appear; fields behind a tier are null and listed in `withheld`; the owner organisation is named only when its
 * tier allows (otherwise the listing is anonymous and contact goes through the zone's broker).
 */
export interface ListingQuery {
  zone?: number;
  q?: string;
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

const publicOnly = (kind: ItemKind) => (kind === 'demand' ? "and coalesce(confidentiality, 'public') = 'public'" : '');

export async function listPublished(db: Queryable, actor: Actor | null, kind: ItemKind, query: ListingQuery) {
  const v = await viewerOf(db, actor);
  const q = query.q?.trim() ? `%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = `retired_at is null and status = 'published' ${publicOnly(kind)} and ($1::int8 is null or zone_id = $1) and ($2::text is null or title ilike $2)`;
  const rows = await db.query(`select * from ${tableOf(kind)} where ${where} order by id desc limit $3 offset $4`,
    [query.zone ?? null, q, query.limit ?? 50, query.offset ?? 0]);
  const total = Number((await db.query<{ n: number }>(`select count(*)::int as n from ${tableOf(kind)} where ${where}`, [query.zone ?? null, q]))[0]!.n);
  const views = rows.filter((row) => canSee(v, kind, row)).map((row) => viewItem(v, kind, row, false));
  return { items: await withNames(db, views), total };
}

export async function getPublished(db: Queryable, actor: Actor | null, kind: ItemKind, id: number) {
  const v = await viewerOf(db, actor);
  const row = await loadItem(db, kind, id);
  if (!row || !canSee(v, kind, row)) throw notFoundItem(kind, id);
  const accepted = await ndaAccepted(db, v, kind, id);
  const view = viewItem(v, kind, row, accepted);
  if (v.actor && view.revealed.length) await logReveal(db, v.actor, kind, id, view.revealed);
  const [item] = await withNames(db, [view]);
  return { ...item!, nda: view.withheld.some((w) => w.tier === 'nda') ? NDA_TEXT : null };
}
