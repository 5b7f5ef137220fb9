import type { Queryable } from '../../shared/db';

/** SQL of rule versions added from files. */
export interface StoredRuleVersion {
  id: number;
  programme: string;
  version_id: string;
  effective_from: string;
  effective_to: string | null;
  definition: unknown;
  file_name: string | null;
  zone_id: number | null;
  uploaded_by: string | null;
  uploaded_at: string;
}

const SELECT = `select v.id, v.programme, v.version_id, v.effective_from, v.effective_to, v.definition, v.file_name, v.zone_id,
  u.username as uploaded_by, v.uploaded_at from policy_rule_versions v left join users u on u.id = v.uploaded_by`;

/** Versions that apply to an enterprise of `zoneId`: the platform's and those of the zone or a zone above it. */
export async function versionsForZone(db: Queryable, programme: string | null, zoneId: number | null): Promise<StoredRuleVersion[]> {
  return db.query<StoredRuleVersion>(`with recursive up(id) as (select $2::int8 where $2::int8 is not null union select z.parent_id from zones z join up on z.id = up.id where z.parent_id is not null)
    ${SELECT} where v.retired_at is null and ($1::text is null or v.programme = $1) and (v.zone_id is null or v.zone_id in (select id from up))
    order by v.programme, v.effective_from`, [programme, zoneId]);
}

/** Every stored version (admins), or those a zone operator's subtree uses. */
export async function versionsVisible(db: Queryable, programme: string | null, zoneIds: number[] | null): Promise<StoredRuleVersion[]> {
  return db.query<StoredRuleVersion>(`${SELECT} where v.retired_at is null and ($1::text is null or v.programme = $1)
    and ($2::int8[] is null or v.zone_id is null or v.zone_id = any($2::int8[])) order by v.programme, v.effective_from`, [programme, zoneIds]);
}

export async function versionIdTaken(db: Queryable, programme: string, versionId: string): Promise<boolean> {
  return (await db.query('select 1 from policy_rule_versions where programme = $1 and version_id = $2', [programme, versionId])).length > 0;
}

export async function insertRuleVersion(tx: Queryable, v: { programme: string; versionId: string; from: string; to: string | null; definition: unknown; fileName: string | null; zoneId: number | null; userId: number }) {
  const rows = await tx.query<{ id: number }>(`insert into policy_rule_versions (programme, version_id, effective_from, effective_to, definition, file_name, zone_id, uploaded_by)
    values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8) returning id`, [v.programme, v.versionId, v.from, v.to, JSON.stringify(v.definition), v.fileName, v.zoneId, v.userId]);
  const id = rows[0]!.id;
  await tx.query('insert into audit_events (user_id, entity, entity_id, zone_id, action, before, after) values ($1, $2, $3, $4, $5, null, $6::jsonb)',
    [v.userId, 'policy_rule_versions', id, v.zoneId, 'create', JSON.stringify({ programme: v.programme, version_id: v.versionId, effective_from: v.from, effective_to: v.to, file_name: v.fileName })]);
  return id;
}
