import type { Queryable } from '../../shared/db';
import type { Actor } from '../../shared/access/actor';
import type { Locale } from '../../shared/i18n';
import { deny, type ItemKind, loadItem, notFoundItem, requireActor } from './common';
import { canSee, viewerOf } from './disclosure';

/**
 * Expressions of interest (我要对接) on published listings. Anyone who can see a listing publicly may leave one
 * (signed in or not); they carry personal contact data, so only brokers read them: admins everywhere, zone operators
 * for listings in their zone's subtree. The listing's owner hears of it through the broker, as with anonymous listings.
 */
export interface InterestInput {
  name: string;
  organization?: string | null;
  contact: string;
  message: string;
  consent: true;
}

export async function addInterest(db: Queryable, actor: Actor | null, kind: ItemKind, itemId: number, input: InterestInput, locale: Locale) {
  const row = await loadItem(db, kind, itemId);
  // Only what the public sees takes interests: a draft or a brokers-only demand is "not found", as on its page.
  if (!row || !canSee(await viewerOf(db, null), kind, row)) throw notFoundItem(kind, itemId);
  const [created] = await db.query<{ id: number; created_at: string }>(
    `insert into transfer_interests (item_kind, item_id, zone_id, name, organization, contact, message, consented_at, locale, user_id)
     values ($1, $2, $3, $4, $5, $6, $7, now(), $8, $9) returning id, created_at`,
    [kind, itemId, row.zone_id, input.name.trim(), input.organization?.trim() || null, input.contact.trim(), input.message.trim(), locale, actor?.userId ?? null]);
  return { id: Number(created!.id), created_at: created!.created_at };
}

export interface InterestFilter {
  zone?: number;
  kind?: ItemKind;
  item?: number;
  limit?: number;
  offset?: number;
}

export async function listInterests(db: Queryable, actor: Actor | null, f: InterestFilter) {
  const a = requireActor(actor);
  const v = await viewerOf(db, a);
  if (!v.allZones && !v.brokerZones.size) throw deny('transfer.interest.brokersOnly');
  const params: unknown[] = [];
  const add = (x: unknown) => `$${params.push(x)}`;
  const where: string[] = [];
  if (!v.allZones) where.push(`i.zone_id = any(${add([...v.brokerZones])}::int8[])`);
  if (f.zone !== undefined) where.push(`i.zone_id in (with recursive sub(id) as (select id from zones where id = ${add(f.zone)} union select z.id from zones z join sub on z.parent_id = sub.id) select id from sub)`);
  if (f.kind) where.push(`i.item_kind = ${add(f.kind)}`);
  if (f.item !== undefined) where.push(`i.item_id = ${add(f.item)}`);
  const cond = where.length ? `where ${where.join(' and ')}` : '';
  const total = Number((await db.query<{ n: number }>(`select count(*)::int as n from transfer_interests i ${cond}`, params))[0]!.n);
  const items = await db.query(
    `select i.id, i.item_kind, i.item_id, i.zone_id, z.name_zh as zone_name_zh, z.name_en as zone_name_en,
        coalesce(d.title, o.title) as item_title, i.name, i.organization, i.contact, i.message, i.consented_at, i.locale, i.created_at
       from transfer_interests i join zones z on z.id = i.zone_id
       left join tech_demands d on i.item_kind = 'demand' and d.id = i.item_id
       left join tech_offers o on i.item_kind = 'offer' and o.id = i.item_id
       ${cond} order by i.id desc limit ${add(f.limit ?? 50)} offset ${add(f.offset ?? 0)}`, params);
  return { items: items.map((r) => ({ ...r, id: Number(r.id), item_id: Number(r.item_id), zone_id: Number(r.zone_id) })), total };
}
