/**
 * Who sees which indicator values and evaluations. Computed values aggregate registry records that are not all
 * public (annual statistics are unpublished by default), so:
 *   - an admin sees every value;
 *   - a zone operator sees the values of their zone's subtree, and published values elsewhere;
 *   - organisation users and anonymous visitors see published values only.
 * A zone's values for a year are published (or withdrawn) by an admin or an operator of that zone; who and when
 * are kept on the publication and in the audit trail. Enforced here, server-side, for every read of values.
 */
import { z } from 'zod';
import type { Db, Queryable } from '../../shared/db';
import { type Actor, zoneSubtree } from '../../shared/access/actor';
import { forbidden, invalid } from '../../shared/http/errors';
import * as repo from './evaluation.repository';
import { requireActor, requireZoneWriter } from './indicator.service';

/** null = every zone; else the zones whose values are visible unpublished (the actor's own subtree). */
export type Visible = number[] | null;

export async function visibleZonesOf(db: Queryable, actor: Actor | null): Promise<Visible> {
  if (actor?.role === 'admin') return null;
  if (actor?.role === 'zone_operator' && actor.zoneId !== null) return zoneSubtree(db, actor.zoneId);
  return [];
}

/** The zones among `zoneIds` whose values for `year` the viewer may not see. */
export async function hiddenZones(db: Queryable, visible: Visible, zoneIds: number[], year: number): Promise<number[]> {
  if (visible === null || !zoneIds.length) return [];
  const rows = await db.query<{ z: number }>(`select z from unnest($1::int8[]) z
    where not (z = any($2::int8[])) and not exists (select 1 from indicator_publications p where p.zone_id = z and p.year = $3)`, [zoneIds, visible, year]);
  return rows.map((r) => Number(r.z));
}

/** A 403 naming the zones whose values for the year are not published (to this viewer). */
export async function assertVisible(db: Queryable, visible: Visible, zones: { id: number; code: string }[], year: number): Promise<void> {
  const hidden = new Set(await hiddenZones(db, visible, zones.map((z) => z.id), year));
  if (hidden.size) throw forbidden('evaluation.notPublished', { zones: zones.filter((z) => hidden.has(z.id)).map((z) => z.code).join(', '), year });
}

const year = z.number().int().min(1949).max(2100);
export const publishSchema = z.object({
  zones: z.array(z.union([z.number().int().positive(), z.string().min(1)])).min(1).max(1000),
  years: z.union([year, z.object({ from: year, to: year })]),
}).strict();

export interface PublicationRow { zone_id: number; zone_code: string; year: number; published_by: number; username: string | null; published_at: string }

export async function listPublications(q: Queryable, f: { zoneIds?: number[] | null; year?: number | null }): Promise<PublicationRow[]> {
  return q.query<PublicationRow>(`select p.zone_id, z.code as zone_code, p.year, p.published_by, u.username, p.published_at
    from indicator_publications p join zones z on z.id = p.zone_id left join users u on u.id = p.published_by
    where ($1::int8[] is null or p.zone_id = any($1::int8[])) and ($2::int is null or p.year = $2)
    order by z.code, p.year`, [f.zoneIds ?? null, f.year ?? null]);
}

/** Publishes (or withdraws) the values of zones for years: admin, or a zone operator for zones in their subtree. */
export async function setPublished(db: Db, actor: Actor | null, body: z.infer<typeof publishSchema>, publish: boolean): Promise<PublicationRow[]> {
  const a = requireActor(actor);
  const zones = await repo.zonesByIdsOrCodes(db, body.zones);
  const unknown = body.zones.filter((k) => !zones.some((zn) => zn.id === k || zn.code === k));
  if (unknown.length) throw invalid(unknown.map((k) => ({ field: 'zones', key: 'field.unknownRef' as const, params: { entity: 'zone', value: String(k) } })));
  for (const zn of zones) await requireZoneWriter(db, a, zn.id);
  const { from, to } = typeof body.years === 'number' ? { from: body.years, to: body.years } : body.years;
  if (to < from) throw invalid([{ field: 'years.to', key: 'field.min', params: { min: from } }]);
  if (to - from > 50) throw invalid([{ field: 'years.to', key: 'field.max', params: { max: from + 50 } }]);
  const ids = zones.map((zn) => zn.id);
  await db.transaction(async (tx) => {
    if (publish) {
      await tx.query(`insert into indicator_publications (zone_id, year, published_by)
        select z, y, $4 from unnest($1::int8[]) z cross join generate_series($2::int, $3::int) y
        on conflict (zone_id, year) do update set published_by = excluded.published_by, published_at = now()`, [ids, from, to, a.userId]);
    } else {
      await tx.query('delete from indicator_publications where zone_id = any($1::int8[]) and year between $2 and $3', [ids, from, to]);
    }
    await tx.query(`insert into audit_events (user_id, entity, entity_id, zone_id, action, after)
      select $1, 'indicator-publications', z, z, $2, $3::jsonb from unnest($4::int8[]) z`,
    [a.userId, publish ? 'publish' : 'withdraw', JSON.stringify({ years: { from, to } }), ids]);
  });
  return listPublications(db, { zoneIds: ids });
}
