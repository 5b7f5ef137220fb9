import type { Queryable } from '../../shared/db';
import type { Actor } from '../../shared/access/actor';

/**
 * Logs the status changes a file import made (a broker bringing in another platform's listings with their status),
 * so that an item's history and the funnel's stage dates are complete: an event wherever an item's status now differs
 * from the last one its history shows (draft for a new item). Runs inside the import's transaction. Kept apart from
 * status.service so that the entity descriptions can name it without an import cycle.
 */
export async function logImportedStatuses(tx: Queryable, kind: 'demand' | 'offer', table: string, codes: readonly string[], actor: Actor) {
  await tx.query(
    `insert into transfer_status_events (item_kind, item_id, zone_id, from_status, to_status, via, user_id)
     select $1, t.id, t.zone_id, last.to_status, coalesce(t.status, 'draft'), 'import', $3 from ${table} t
     left join lateral (select e.to_status from transfer_status_events e where e.item_kind = $1 and e.item_id = t.id order by e.id desc limit 1) last on true
     where t.code = any($2::text[]) and coalesce(t.status, 'draft') <> coalesce(last.to_status, 'draft')`,
    [kind, codes, actor.userId]);
}
