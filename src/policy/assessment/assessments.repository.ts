import type { Queryable } from '../../shared/db';

/** SQL of saved assessments and their versions (one row per save; a version is never changed afterwards). */
export interface SavedVersion {
  assessment_id: number;
  version: number;
  application_date: string;
  rules_version: string;
  qualifies: boolean;
  uncertain: boolean;
  score: number | null;
  inputs: unknown;
  result: unknown;
  note: string | null;
  saved_by: string | null;
  saved_at: string;
}

export interface AssessmentHead {
  id: number;
  organization_id: number;
  zone_id: number;
  programme: string;
  version: number;
  created_at: string;
  updated_at: string;
  name_zh: string;
  name_en: string | null;
}

export interface NewVersion {
  applicationDate: string;
  rulesVersion: string;
  qualifies: boolean;
  uncertain: boolean;
  score: number | null;
  inputs: unknown;
  result: unknown;
  note: string | null;
}

const HEAD = `select a.id, a.organization_id, a.zone_id, a.programme, a.version, a.created_at, a.updated_at, o.name_zh, o.name_en
  from policy_assessments a join organizations o on o.id = a.organization_id`;

export async function insertAssessment(tx: Queryable, org: { id: number; zone_id: number }, programme: string, userId: number): Promise<number> {
  const rows = await tx.query<{ id: number }>(
    'insert into policy_assessments (organization_id, zone_id, programme, created_by) values ($1, $2, $3, $4) returning id', [org.id, org.zone_id, programme, userId]);
  return rows[0]!.id;
}

/** Moves the head to the next version only if it still is at `expected`; returns the new number or null when stale. */
export async function bumpVersion(tx: Queryable, id: number, expected: number): Promise<number | null> {
  const rows = await tx.query<{ version: number }>(
    'update policy_assessments set version = version + 1, updated_at = now() where id = $1 and version = $2 returning version', [id, expected]);
  return rows[0]?.version ?? null;
}

export async function insertVersion(tx: Queryable, id: number, version: number, v: NewVersion, userId: number): Promise<void> {
  await tx.query(`insert into policy_assessment_versions
      (assessment_id, zone_id, version, application_date, rules_version, qualifies, uncertain, score, inputs, result, note, saved_by)
      select $1, a.zone_id, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11 from policy_assessments a where a.id = $1`,
  [id, version, v.applicationDate, v.rulesVersion, v.qualifies, v.uncertain, v.score, JSON.stringify(v.inputs), JSON.stringify(v.result), v.note, userId]);
}

export async function findHead(db: Queryable, id: number): Promise<AssessmentHead | undefined> {
  return (await db.query<AssessmentHead>(`${HEAD} where a.id = $1`, [id]))[0];
}

export async function listHeads(db: Queryable, filter: { organizationId?: number; zoneIds?: number[] }, limit: number, offset: number) {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.organizationId !== undefined) { params.push(filter.organizationId); where.push(`a.organization_id = $${params.length}`); }
  if (filter.zoneIds) { params.push(filter.zoneIds); where.push(`a.zone_id = any($${params.length}::int8[])`); }
  const cond = where.length ? `where ${where.join(' and ')}` : '';
  const [items, total] = await Promise.all([
    db.query<AssessmentHead & { qualifies: boolean; uncertain: boolean; score: number | null; rules_version: string; application_date: string }>(
      `select h.*, v.qualifies, v.uncertain, v.score, v.rules_version, v.application_date from (${HEAD} ${cond}) h
         join policy_assessment_versions v on v.assessment_id = h.id and v.version = h.version
        order by h.updated_at desc, h.id desc limit ${limit} offset ${offset}`, params),
    db.query<{ n: number }>(`select count(*)::int8 as n from policy_assessments a ${cond}`, params),
  ]);
  return { items, total: total[0]!.n };
}

export async function listVersions(db: Queryable, id: number): Promise<SavedVersion[]> {
  return db.query<SavedVersion>(`select v.assessment_id, v.version, v.application_date, v.rules_version, v.qualifies, v.uncertain, v.score,
      v.inputs, v.result, v.note, u.username as saved_by, v.saved_at
    from policy_assessment_versions v left join users u on u.id = v.saved_by where v.assessment_id = $1 order by v.version desc`, [id]);
}

export async function auditAssessment(tx: Queryable, userId: number, id: number, zoneId: number, action: string, after: unknown): Promise<void> {
  await tx.query('insert into audit_events (user_id, entity, entity_id, zone_id, action, before, after) values ($1, $2, $3, $4, $5, null, $6::jsonb)',
    [userId, 'policy_assessments', id, zoneId, action, JSON.stringify(after)]);
}
