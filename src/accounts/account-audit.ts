import type { Queryable } from '../shared/db';
import type { Actor } from '../shared/access/actor';

/**
 * Appends an account event to the audit log, in the same table and shape as record changes
 * (src/shared/records/record-service.ts), so that an audit view of a zone shows account changes beside record changes.
 * A null actor is a command run on the server (kechuang create-admin).
 */
export async function auditAccount(
  db: Queryable, actor: Actor | null, entity: 'users' | 'registration_requests', entityId: number, zoneId: number | null,
  action: string, before: object | null, after: object | null,
): Promise<void> {
  await db.query(
    'insert into audit_events (user_id, entity, entity_id, zone_id, action, before, after) values ($1, $2, $3, $4, $5, $6, $7)',
    [actor?.userId ?? null, entity, entityId, zoneId, action, before ? JSON.stringify(before) : null, after ? JSON.stringify(after) : null]);
}
