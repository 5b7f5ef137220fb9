import type { Queryable } from '../../shared/db';
import { type Actor, zoneSubtree } from '../../shared/access/actor';
import { AppError, unauthenticated } from '../../shared/http/errors';

/**
 * Who may do what with ingested documents (documented in src/intelligence/README.md):
 * - upload and review: admins anywhere; zone operators for documents of their zone or a zone below it;
 * - read (list, reader, original, search): the reviewers, and organisation users whose organisation sits in the
 *   document's zone (the documents are the zone's working material, not public records);
 * - anonymous visitors: nothing. What becomes public is the confirmed zone fact with its quote.
 * A confirmed fact about a zone outside the reviewer's subtree (a peer zone's figure) needs an admin, since it
 * writes a zone fact of that other zone.
 */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated();
  return actor;
}

export const forbiddenDocuments = () => new AppError('FORBIDDEN', 'intelligence.documents.forbidden');

export async function mayReview(db: Queryable, actor: Actor | null, zoneId: number): Promise<boolean> {
  if (!actor) return false;
  if (actor.role === 'admin') return true;
  if (actor.role !== 'zone_operator' || actor.zoneId === null) return false;
  return (await zoneSubtree(db, actor.zoneId)).includes(Number(zoneId));
}

export async function assertMayReview(db: Queryable, actor: Actor | null, zoneId: number): Promise<Actor> {
  const a = requireActor(actor);
  if (!(await mayReview(db, a, zoneId))) throw forbiddenDocuments();
  return a;
}

/** The zones whose documents the actor may read; 'all' for admins. */
export async function readableZones(db: Queryable, actor: Actor | null): Promise<number[] | 'all'> {
  const a = requireActor(actor);
  if (a.role === 'admin') return 'all';
  if (a.role === 'zone_operator' && a.zoneId !== null) return zoneSubtree(db, a.zoneId);
  if (a.role === 'org_user' && a.organizationId !== null) {
    const rows = await db.query<{ zone_id: number | null }>('select zone_id from organizations where id = $1', [a.organizationId]);
    const zone = rows[0]?.zone_id;
    return zone === null || zone === undefined ? [] : [Number(zone)];
  }
  return [];
}

export async function mayRead(db: Queryable, actor: Actor | null, zoneId: number): Promise<boolean> {
  const zones = await readableZones(db, actor);
  return zones === 'all' || zones.includes(Number(zoneId));
}
