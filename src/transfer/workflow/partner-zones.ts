import type { Queryable } from '../../shared/db';
import type { Actor } from '../../shared/access/actor';
import { deny, rejectField, requireActor, TransferError } from './common';

/**
 * Partner zones (结对园区, e.g. 兰白 paired with 张江) for matching: a zone's partners are the zones paired with it or
 * with any zone above it, together with every zone below those partners — so an offer of a park inside Zhangjiang
 * counts as "same partner zone" for a demand of Lanzhou–Baiyin. Pairs live in `zone_partners` (the registry's table,
 * read publicly at /api/zones/:id/partners); only admins write them, through the routes here.
 */
export interface PartnerZones {
  /** Zone ids (as the engine's strings) paired with this zone; empty when it has none. */
  of(zoneId: number): string[];
}

export async function loadPartnerZones(db: Queryable): Promise<PartnerZones> {
  const [zones, pairs] = await Promise.all([
    db.query<{ id: number; parent_id: number | null }>('select id, parent_id from zones'),
    db.query<{ zone_id: number; partner_zone_id: number }>('select zone_id, partner_zone_id from zone_partners'),
  ]);
  const parent = new Map<number, number | null>();
  const children = new Map<number, number[]>();
  for (const z of zones) {
    const id = Number(z.id);
    const up = z.parent_id == null ? null : Number(z.parent_id);
    parent.set(id, up);
    if (up !== null) children.set(up, [...(children.get(up) ?? []), id]);
  }
  const paired = new Map<number, number[]>();
  for (const p of pairs) {
    const a = Number(p.zone_id);
    const b = Number(p.partner_zone_id);
    paired.set(a, [...(paired.get(a) ?? []), b]);
    paired.set(b, [...(paired.get(b) ?? []), a]);
  }
  const subtree = (root: number, into: Set<number>) => {
    const stack = [root];
    while (stack.length) {
      const id = stack.pop()!;
      if (into.has(id)) continue;
      into.add(id);
      stack.push(...(children.get(id) ?? []));
    }
  };
  const memo = new Map<number, string[]>();
  return {
    of(zoneId) {
      const known = memo.get(zoneId);
      if (known) return known;
      const found = new Set<number>();
      // Walk up (with a bound, in case of a cycle in bad data) collecting every partner's subtree.
      for (let z: number | null | undefined = zoneId, depth = 0; z != null && depth < 50; z = parent.get(z), depth++) {
        for (const partner of paired.get(z) ?? []) subtree(partner, found);
      }
      found.delete(zoneId);
      const list = [...found].sort((a, b) => a - b).map(String);
      memo.set(zoneId, list);
      return list;
    },
  };
}

// ——— the pairs, for admins ———

export interface ZonePair {
  zone_id: number;
  partner_zone_id: number;
  note: string | null;
  zone: { code: string; name_zh: string; name_en: string | null };
  partner: { code: string; name_zh: string; name_en: string | null };
}

function assertAdmin(actor: Actor | null): Actor {
  const a = requireActor(actor);
  if (a.role !== 'admin') throw deny('transfer.partners.adminOnly');
  return a;
}

const PAIR_SELECT = `select p.zone_id, p.partner_zone_id, p.note,
    json_build_object('code', a.code, 'name_zh', a.name_zh, 'name_en', a.name_en) as zone,
    json_build_object('code', b.code, 'name_zh', b.name_zh, 'name_en', b.name_en) as partner
  from zone_partners p join zones a on a.id = p.zone_id join zones b on b.id = p.partner_zone_id`;

const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const toPair = (r: Record<string, unknown>): ZonePair => ({
  zone_id: Number(r.zone_id), partner_zone_id: Number(r.partner_zone_id), note: (r.note as string | null) ?? null,
  zone: parseJson(r.zone), partner: parseJson(r.partner),
});

export async function listZonePairs(db: Queryable, actor: Actor | null): Promise<ZonePair[]> {
  assertAdmin(actor);
  return (await db.query(`${PAIR_SELECT} order by a.code, b.code`)).map(toPair);
}

export async function createZonePair(db: Queryable, actor: Actor | null, input: { zone_id: number; partner_zone_id: number; note?: string | null }): Promise<ZonePair> {
  assertAdmin(actor);
  if (input.zone_id === input.partner_zone_id) throw rejectField('partner_zone_id', 'transfer.partners.self');
  const found = await db.query<{ id: number }>('select id from zones where id = any($1::int8[]) and retired_at is null', [[input.zone_id, input.partner_zone_id]]);
  const ids = new Set(found.map((z) => Number(z.id)));
  for (const field of ['zone_id', 'partner_zone_id'] as const) {
    if (!ids.has(input[field])) throw rejectField(field, 'transfer.partners.noZone', { id: input[field] });
  }
  const existing = await db.query(`select 1 from zone_partners where (zone_id = $1 and partner_zone_id = $2) or (zone_id = $2 and partner_zone_id = $1)`,
    [input.zone_id, input.partner_zone_id]);
  if (existing.length) throw new TransferError('CONFLICT', 'partner_zone_id', 'transfer.partners.exists');
  await db.query('insert into zone_partners (zone_id, partner_zone_id, note) values ($1, $2, $3)', [input.zone_id, input.partner_zone_id, input.note?.trim() || null]);
  return toPair((await db.query(`${PAIR_SELECT} where p.zone_id = $1 and p.partner_zone_id = $2`, [input.zone_id, input.partner_zone_id]))[0]!);
}

/** Removes the pair in whichever order it was stored. */
export async function deleteZonePair(db: Queryable, actor: Actor | null, zoneId: number, partnerZoneId: number): Promise<void> {
  assertAdmin(actor);
  const removed = await db.query(`delete from zone_partners where (zone_id = $1 and partner_zone_id = $2) or (zone_id = $2 and partner_zone_id = $1) returning zone_id`,
    [zoneId, partnerZoneId]);
  if (!removed.length) throw new TransferError('NOT_FOUND', 'zone_partners', 'transfer.partners.notFound', { zone: zoneId, partner: partnerZoneId });
}
