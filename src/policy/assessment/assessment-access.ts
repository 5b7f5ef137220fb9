import type { Queryable } from '../../shared/db';
import { type Actor, zoneSubtree } from '../../shared/access/actor';
import { AppError, forbidden, invalid, notFound, unauthenticated } from '../../shared/http/errors';

/**
 * Who may assess which enterprise: an organisation user only their own; a zone operator the enterprises of their
 * zone subtree; an admin every one. Zone-wide views (matching lists, the pipeline) are for operators and admins.
 */
export interface AssessedOrganization {
  id: number;
  code: string;
  name_zh: string;
  name_en: string | null;
  zone_id: number;
  kind: string;
  founded_year: number | null;
  hightech_field: string | null;
  industry_code: string | null;
  generated: boolean;
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated();
  return actor;
}

/** Loads the enterprise if the actor may assess it; 404 when it does not exist, 403 outside the actor's scope. */
export async function enterpriseForActor(db: Queryable, actor: Actor | null, organizationId: number, field = 'organization_id'): Promise<AssessedOrganization> {
  const a = requireActor(actor);
  const rows = await db.query<AssessedOrganization>(
    `select id, code, name_zh, name_en, zone_id, kind, founded_year, hightech_field, industry_code, generated
       from organizations where id = $1 and retired_at is null`, [organizationId]);
  const org = rows[0];
  if (!org) throw notFound('organization', organizationId);
  if (a.role === 'org_user' && a.organizationId !== org.id) throw forbidden('policy.assessment.forbidden');
  if (a.role === 'zone_operator' && (a.zoneId === null || !(await zoneSubtree(db, a.zoneId)).includes(org.zone_id))) throw forbidden('policy.assessment.forbidden');
  if (org.kind !== 'enterprise') throw invalid([{ field, key: 'policy.assessment.notEnterprise' }]);
  return org;
}

/** The zone subtree an operator or admin asks about; organisation users and other zones are refused. */
export async function zoneForActor(db: Queryable, actor: Actor | null, zoneId: number): Promise<number[]> {
  const a = requireActor(actor);
  if (a.role === 'org_user') throw forbidden('policy.assessment.zoneOnly');
  const exists = await db.query('select 1 from zones where id = $1', [zoneId]);
  if (!exists.length) throw notFound('zone', zoneId);
  const subtree = await zoneSubtree(db, zoneId);
  if (a.role === 'zone_operator' && (a.zoneId === null || !(await zoneSubtree(db, a.zoneId)).includes(zoneId))) throw forbidden('policy.assessment.zoneOnly');
  return subtree;
}

/** Adding rule versions changes every later assessment: admins only (a zone's administrator is its operator). */
export function requireRuleAdmin(actor: Actor | null): Actor {
  const a = requireActor(actor);
  if (a.role !== 'admin' && a.role !== 'zone_operator') throw new AppError('FORBIDDEN', 'policy.assessment.rulesAdminOnly');
  return a;
}
