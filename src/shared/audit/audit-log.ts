import type { Queryable } from '../db';
import type { Actor } from '../access/actor';

/** One change as the audit log keeps it: who (null: the system or a command run on the server), what, where, before and after. */
export interface AuditEntry {
  entity: string;
  entityId: number;
  /** The zone whose operators see the event in the audit view; null: admins only. */
  zoneId: number | null;
  action: string;
  before?: object | null;
  after?: object | null;
}

/**
 * Appends an event to `audit_events`, the table the record routes, accounts and the audit view (audit.service.ts) share.
 * Call it inside the transaction of the change, so that a change and its audit event commit together.
 */
export async function appendAudit(db: Queryable, actor: Actor | null, e: AuditEntry): Promise<void> {
  await db.query(
    'insert into audit_events (user_id, entity, entity_id, zone_id, action, before, after) values ($1, $2, $3, $4, $5, $6, $7)',
    [actor?.userId ?? null, e.entity, e.entityId, e.zoneId, e.action, e.before ? JSON.stringify(e.before) : null, e.after ? JSON.stringify(e.after) : null]);
}
