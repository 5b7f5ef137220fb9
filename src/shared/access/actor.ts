import type { Queryable } from '../db';
import type { Visibility } from '../records/record-repository';

/** Who is asking. Anonymous visitors are `null`. */
export interface Actor {
  userId: number;
  username: string;
  role: 'admin' | 'zone_operator' | 'org_user';
  zoneId: number | null;
  organizationId: number | null;
}

/** The zone and every zone below it (zones form a small tree, so a recursive query per request is cheap). */
export async function zoneSubtree(db: Queryable, zoneId: number): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    `with recursive sub(id) as (select id from zones where id = $1 union select z.id from zones z join sub on z.parent_id = sub.id)
     select id from sub`, [zoneId]);
  return rows.map((r) => r.id);
}

/** What an actor may read beyond published records. */
export async function visibilityOf(db: Queryable, actor: Actor | null): Promise<Visibility> {
  if (!actor) return {};
  if (actor.role === 'admin') return { all: true };
  if (actor.role === 'zone_operator' && actor.zoneId !== null) return { zoneIds: await zoneSubtree(db, actor.zoneId) };
  if (actor.role === 'org_user' && actor.organizationId !== null) return { organizationId: actor.organizationId };
  return {};
}
