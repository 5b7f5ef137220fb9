import type { Queryable } from '../../shared/db';

/**
 * Whom a visitor contacts about a listing: the technology-transfer service agencies (科技服务机构) of the listing's
 * zone or, failing that, of the nearest zone above it — technology-transfer centres first. Only the organisation's
 * public registry fields are given (name, address, website); no person's contact data. When no zone up the tree has
 * one, `centres` is empty and the page points to the zone's brokers through 我要对接.
 */
export interface BrokerContact {
  zone: { id: number; name_zh: string | null; name_en: string | null } | null;
  centres: { id: number; name_zh: string; name_en: string | null; address: string | null; website: string | null; zone_id: number }[];
}

const MAX_CENTRES = 3;

export async function brokerContact(db: Queryable, zoneId: number): Promise<BrokerContact> {
  const zone = (await db.query<{ id: number; name_zh: string | null; name_en: string | null }>('select id, name_zh, name_en from zones where id = $1', [zoneId]))[0];
  const centres = await db.query<BrokerContact['centres'][number] & { depth: number }>(
    `with recursive up(id, parent_id, depth) as (
       select id, parent_id, 0 from zones where id = $1
       union all select z.id, z.parent_id, up.depth + 1 from zones z join up on z.id = up.parent_id where up.depth < 20)
     select o.id, o.name_zh, o.name_en, o.address, o.website, o.zone_id, up.depth
       from up join organizations o on o.zone_id = up.id
      where o.kind = 'service_agency' and o.retired_at is null and o.published
      order by up.depth, (o.name_zh like '%技术转移%' or o.name_en ilike '%transfer%') desc, o.id
      limit 20`, [zoneId]);
  const nearest = centres.length ? centres[0]!.depth : 0;
  return {
    zone: zone ? { id: Number(zone.id), name_zh: zone.name_zh, name_en: zone.name_en } : null,
    centres: centres.filter((c) => c.depth === nearest).slice(0, MAX_CENTRES)
      .map(({ depth: _, ...c }) => ({ ...c, id: Number(c.id), zone_id: Number(c.zone_id) })),
  };
}
