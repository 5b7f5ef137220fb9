/**
 * Public notice (公示) of approved applications and objections. A manager publishes the programme's approved,
 * not yet noticed applications with a period; during it any signed-in user may object; a manager resolves each
 * objection (upheld → the application is rejected; dismissed → it stands). After the period, with no open
 * objection, an application is disbursable. A period may lie in the past when the notice was posted elsewhere
 * (e.g. on the government website): the platform records it, and the audit log says who recorded it.
 */
import type { Db, Queryable } from '../../shared/db';
import type { Actor } from '../../shared/access/actor';
import { AppError } from '../../shared/http/errors';
import { assertManager, audit, conflict, fieldError, managedZones, requireActor, today } from './access';
import { loadApplication } from './application.service';
import { loadProgramme } from './programme.service';

export async function publishNotice(db: Db, actor: Actor | null, programmeId: number, input: { starts_on: string; ends_on: string }) {
  const p = await loadProgramme(db, programmeId);
  const a = await assertManager(db, actor, p.zone_id);
  if (input.ends_on < input.starts_on) throw fieldError('ends_on', 'field.min', { min: input.starts_on });
  const id = await db.transaction(async (tx) => {
    const waiting = await tx.query<{ id: number }>(`select id from policy_applications where programme_id = $1 and status = 'approved' and notice_id is null for update`, [programmeId]);
    if (!waiting.length) throw conflict('policy.programmes.nothingToNotice');
    const n = (await tx.query<{ id: number }>('insert into policy_notices (programme_id, zone_id, starts_on, ends_on, published_by) values ($1, $2, $3, $4, $5) returning id',
      [programmeId, p.zone_id, input.starts_on, input.ends_on, a.userId]))[0]!;
    const ids = waiting.map((w) => Number(w.id));
    await tx.query('update policy_applications set notice_id = $1, version = version + 1 where id = any($2::int8[])', [n.id, ids]);
    await audit(tx, a, 'policy-notices', Number(n.id), p.zone_id, 'publish', null, { programme_id: programmeId, ...input, application_ids: ids });
    return Number(n.id);
  });
  return getNotice(db, actor, id);
}

/** A notice with its applications: public to every signed-in user (that is what a public notice is). */
export async function getNotice(db: Queryable, actor: Actor | null, id: number) {
  requireActor(actor);
  const n = (await db.query(`select n.id, n.programme_id, p.name_zh as programme_name_zh, p.name_en as programme_name_en, n.zone_id, n.starts_on::text as starts_on, n.ends_on::text as ends_on, n.created_at
    from policy_notices n join policy_programmes p on p.id = n.programme_id where n.id = $1`, [id]))[0];
  if (!n) throw new AppError('NOT_FOUND', 'problem.notFound', { entity: 'notices', id });
  const items = await db.query(`select a.id, a.status, a.approved_fen, a.score, o.name_zh as organization_name_zh, o.name_en as organization_name_en, o.credit_code,
      (select count(*) from policy_objections x where x.application_id = a.id and x.status = 'open') as open_objections
    from policy_applications a join organizations o on o.id = a.organization_id where a.notice_id = $1 order by a.id`, [id]);
  const t = today();
  return { ...n, id: Number(n.id), programme_id: Number(n.programme_id), zone_id: Number(n.zone_id), running: (n.starts_on as string) <= t && t <= (n.ends_on as string),
    items: items.map((i) => ({ ...i, id: Number(i.id), approved_fen: i.approved_fen === null ? null : Number(i.approved_fen), open_objections: Number(i.open_objections) })) };
}

export async function listNotices(db: Queryable, actor: Actor | null, q: { programme?: number }) {
  requireActor(actor);
  const rows = await db.query<{ id: number }>('select id from policy_notices where ($1::int8 is null or programme_id = $1) order by id desc limit 100', [q.programme ?? null]);
  return { items: await Promise.all(rows.map((r) => getNotice(db, actor, Number(r.id)))) };
}

export async function lodgeObjection(db: Db, actor: Actor | null, applicationId: number, text: string) {
  const a = requireActor(actor);
  const app = await loadApplication(db, applicationId);
  if (!app.notice_id) throw applicationNotInNotice(applicationId);
  const t = today();
  if (t < (app.notice_starts_on as string) || t > (app.notice_ends_on as string)) {
    throw fieldError('application', 'policy.programmes.noticeClosed', { starts: app.notice_starts_on as string, ends: app.notice_ends_on as string });
  }
  if (!/[\p{L}\p{N}]/u.test(text)) throw fieldError('text', 'field.required');
  const id = await db.transaction(async (tx) => {
    const row = (await tx.query<{ id: number }>('insert into policy_objections (application_id, zone_id, lodged_by, text) values ($1, $2, $3, $4) returning id',
      [applicationId, app.zone_id, a.userId, text.trim()]))[0]!;
    await audit(tx, a, 'policy-objections', Number(row.id), app.zone_id, 'lodge', null, { application_id: applicationId, text: text.trim() });
    return Number(row.id);
  });
  return { id, application_id: applicationId, status: 'open' };
}

const applicationNotInNotice = (id: number) => new AppError('NOT_FOUND', 'policy.programmes.applicationNotFound', { id });

export async function listObjections(db: Queryable, actor: Actor | null, q: { programme?: number; status?: string }) {
  const a = requireActor(actor);
  if (a.role === 'org_user') throw new AppError('FORBIDDEN', 'policy.programmes.managersOnly');
  const zones = await managedZones(db, a);
  const rows = await db.query(`select x.id, x.application_id, x.text, x.status, x.resolution, x.created_at, x.resolved_at, u.username as lodged_by,
      o.name_zh as organization_name_zh, o.name_en as organization_name_en, p.id as programme_id, p.name_zh as programme_name_zh, p.name_en as programme_name_en
    from policy_objections x join users u on u.id = x.lodged_by join policy_applications a on a.id = x.application_id
      join organizations o on o.id = a.organization_id join policy_programmes p on p.id = a.programme_id
    where ($1::int8[] is null or p.zone_id = any($1::int8[])) and ($2::int8 is null or p.id = $2) and ($3::text is null or x.status = $3)
    order by x.id desc limit 500`, [zones, q.programme ?? null, q.status ?? null]);
  return { items: rows.map((r) => ({ ...r, id: Number(r.id), application_id: Number(r.application_id), programme_id: Number(r.programme_id) })) };
}

export async function resolveObjection(db: Db, actor: Actor | null, objectionId: number, input: { outcome: 'upheld' | 'dismissed'; resolution: string }) {
  const x = (await db.query<{ application_id: number }>('select application_id from policy_objections where id = $1', [objectionId]))[0];
  if (!x) throw new AppError('NOT_FOUND', 'policy.programmes.objectionNotFound', { id: objectionId });
  const app = await loadApplication(db, Number(x.application_id));
  const a = await assertManager(db, actor, app.programme_zone_id);
  if (!/[\p{L}\p{N}]/u.test(input.resolution)) throw fieldError('resolution', 'policy.programmes.reasonRequired');
  await db.transaction(async (tx) => {
    // The application row first: the same lock a disbursement takes, so an upheld objection and a payment cannot cross.
    const cur = await loadApplication(tx, app.id, true);
    const obj = (await tx.query<{ status: string }>('select status from policy_objections where id = $1 for update', [objectionId]))[0]!;
    if (obj.status !== 'open') throw conflict('policy.programmes.objectionResolved', { status: obj.status });
    if (input.outcome === 'upheld') {
      if (cur.paid) throw conflict('policy.programmes.alreadyPaid', { id: app.id });
      if (cur.status === 'approved') {
        await tx.query(`update policy_applications set status = 'rejected', decision_reason = $2, decided_by = $3, decided_at = now(), version = version + 1 where id = $1`,
          [app.id, `objection ${objectionId} upheld: ${input.resolution.trim()}`, a.userId]);
        await audit(tx, a, 'policy-applications', app.id, app.zone_id, 'reject', { status: cur.status }, { status: 'rejected', objection_id: objectionId });
      }
    }
    await tx.query('update policy_objections set status = $2, resolution = $3, resolved_by = $4, resolved_at = now() where id = $1', [objectionId, input.outcome, input.resolution.trim(), a.userId]);
    await audit(tx, a, 'policy-objections', objectionId, app.zone_id, input.outcome, { status: 'open' }, { status: input.outcome, resolution: input.resolution.trim() });
  });
  return { id: objectionId, application_id: app.id, status: input.outcome };
}
