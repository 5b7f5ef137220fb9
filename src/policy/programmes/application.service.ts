/**
 * Applications: an organisation user opens one for their organisation (prefilled from the registry: its figures,
 * the rule results and the computed amount), attaches the documents the programme asks for, and submits. Reviewers
 * (managers of the programme's zone) score and decide. Ineligible or duplicate applications are refused.
 */
import type { Db, Queryable, Row } from '../../shared/db';
import type { Actor } from '../../shared/access/actor';
import { AppError, type FieldIssue } from '../../shared/http/errors';
import { applicationNotFound, assertManager, audit, conflict, fieldError, managedZones, requireActor, today } from './access';
import { type AmountRule, computeAmount, type Eligibility, type EligibilityRule, evaluateEligibility, yearsNeeded } from './eligibility';
import { loadOrgFacts } from './eligibility.repository';
import { loadProgramme, type Programme } from './programme.service';
import { listApplicationFiles } from './application-files.service';

export const APPLICATION_STATUSES = ['draft', 'submitted', 'approved', 'rejected'] as const;

/** Rules and amount of a programme for one organisation, evaluated now on registry data. */
export async function assess(db: Queryable, p: Programme, organizationId: number, date = today()) {
  const rules: EligibilityRule[] = p.rules;
  const amountRule: AmountRule = p.amount_rule;
  const facts = (await loadOrgFacts(db, [organizationId], p.zone_id, yearsNeeded(rules, amountRule, date))).get(organizationId);
  if (!facts) throw fieldError('organization_id', 'problem.reference', { field: 'organization_id' });
  const eligibility = evaluateEligibility(rules, facts, date);
  const amount = computeAmount(amountRule, facts, date);
  const org = (await db.query<Row>('select id, code, name_zh, name_en, credit_code, kind, founded_year, zone_id from organizations where id = $1', [organizationId]))[0]!;
  return { date, organization: { ...org, id: Number(org.id), zone_id: Number(org.zone_id) }, statistics: facts.statistics, qualifications: facts.qualifications, eligibility, amount };
}

export function notEligible(e: Eligibility) {
  const failed = e.results.filter((r) => !r.pass);
  const issues: FieldIssue[] = failed.map((r) => ({ field: 'organization_id', key: 'policy.programmes.ruleFailed', params: { zh: r.label.zh, en: r.label.en, value: r.value === null ? '—' : String(r.value) } }));
  return new AppError('VALIDATION', 'policy.programmes.notEligible', { failed: failed.length }, issues, { eligibility: e.results });
}

function ownOrganization(actor: Actor | null, organizationId?: number | null): { a: Actor; org: number } {
  const a = requireActor(actor);
  if (a.role !== 'org_user' || a.organizationId === null) throw new AppError('FORBIDDEN', 'policy.programmes.orgUsersOnly');
  if (organizationId != null && organizationId !== a.organizationId) throw new AppError('FORBIDDEN', 'scope.organization');
  return { a, org: a.organizationId };
}

/** The application form, prefilled: for an organisation user their organisation; a manager may look at any of the zone. */
export async function prefill(db: Queryable, actor: Actor | null, programmeId: number, organizationId?: number) {
  const a = requireActor(actor);
  const p = await loadProgramme(db, programmeId);
  let org: number;
  if (a.role === 'org_user') org = ownOrganization(a, organizationId).org;
  else {
    await assertManager(db, a, p.zone_id);
    if (!organizationId) throw fieldError('organization_id', 'field.required');
    org = organizationId;
  }
  const existing = (await db.query<{ id: number }>('select id from policy_applications where programme_id = $1 and organization_id = $2', [programmeId, org]))[0];
  return { programme: p, ...(await assess(db, p, org)), existing_application_id: existing ? Number(existing.id) : null };
}

export async function createApplication(db: Db, actor: Actor | null, programmeId: number, input: { organization_id?: number | null; note?: string | null }) {
  const { a, org } = ownOrganization(actor, input.organization_id);
  const p = await loadProgramme(db, programmeId);
  const now = today();
  if (now < (p.opens_on) || now > (p.closes_on)) throw fieldError('programme', 'policy.programmes.windowClosed', { opens: p.opens_on, closes: p.closes_on });
  const result = await assess(db, p, org, now);
  if (!result.eligibility.eligible) throw notEligible(result.eligibility);
  const id = await db.transaction(async (tx) => {
    // The unique (programme, organisation) key decides between two racing first applications.
    const row = (await tx.query<{ id: number }>(
      `insert into policy_applications (programme_id, organization_id, zone_id, figures, eligibility, computed_fen, note, submitted_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (zone_id, programme_id, organization_id) do nothing returning id`,
      [programmeId, org, result.organization.zone_id, JSON.stringify({ statistics: result.statistics, qualifications: result.qualifications, amount: result.amount, date: now }),
        JSON.stringify(result.eligibility.results), result.amount.amount_fen, input.note ?? null, a.userId]))[0];
    if (!row) {
      const dup = (await tx.query<{ id: number }>('select id from policy_applications where programme_id = $1 and organization_id = $2', [programmeId, org]))[0]!;
      throw new AppError('DUPLICATE', 'policy.programmes.duplicate', { id: Number(dup.id) }, [{ field: 'programme', key: 'policy.programmes.duplicate', params: { id: Number(dup.id) } }]);
    }
    await audit(tx, a, 'policy-applications', Number(row.id), result.organization.zone_id, 'apply', null, { programme_id: programmeId, organization_id: org, computed_fen: result.amount.amount_fen });
    return Number(row.id);
  });
  return getApplication(db, a, id);
}

const APP_COLUMNS = `a.id, a.programme_id, p.code as programme_code, p.name_zh as programme_name_zh, p.name_en as programme_name_en, p.zone_id as programme_zone_id,
  a.organization_id, o.code as organization_code, o.name_zh as organization_name_zh, o.name_en as organization_name_en, a.zone_id, a.status,
  a.figures, a.eligibility, a.computed_fen, a.approved_fen, a.score, a.decision_reason, a.decided_at, du.username as decided_by,
  a.notice_id, n.starts_on::text as notice_starts_on, n.ends_on::text as notice_ends_on, a.note, a.created_at, a.submitted_at, a.version,
  d.id as disbursement_id, d.paid_at, d.batch_id,
  (select count(*) from policy_objections x where x.application_id = a.id and x.status = 'open') as open_objections`;
const APP_FROM = `policy_applications a join policy_programmes p on p.id = a.programme_id join organizations o on o.id = a.organization_id
  left join users du on du.id = a.decided_by left join policy_notices n on n.id = a.notice_id left join policy_disbursements d on d.application_id = a.id`;

export interface Application {
  id: number; programme_id: number; programme_code: string; programme_name_zh: string; programme_name_en: string; programme_zone_id: number;
  organization_id: number; organization_code: string; organization_name_zh: string; organization_name_en: string | null; zone_id: number;
  status: (typeof APPLICATION_STATUSES)[number]; figures: unknown; eligibility: unknown; computed_fen: number; approved_fen: number | null; score: number | null;
  decision_reason: string | null; decided_at: string | null; decided_by: string | null; notice_id: number | null; notice_starts_on: string | null; notice_ends_on: string | null;
  note: string | null; created_at: string; submitted_at: string | null; version: number; disbursement_id: number | null; paid_at: string | null; batch_id: number | null;
  open_objections: number; paid: boolean; disbursable: boolean;
}

function shapeApp(r: Row): Application {
  const paid = r.disbursement_id !== null && r.disbursement_id !== undefined;
  const noticeOver = r.notice_ends_on !== null && (r.notice_ends_on as string) < today();
  return {
    ...(r as unknown as Application), id: Number(r.id), programme_id: Number(r.programme_id), programme_zone_id: Number(r.programme_zone_id), organization_id: Number(r.organization_id), zone_id: Number(r.zone_id),
    computed_fen: Number(r.computed_fen), approved_fen: r.approved_fen === null ? null : Number(r.approved_fen), score: r.score === null ? null : Number(r.score),
    notice_id: r.notice_id === null ? null : Number(r.notice_id), disbursement_id: paid ? Number(r.disbursement_id) : null, batch_id: paid ? Number(r.batch_id) : null,
    open_objections: Number(r.open_objections), version: Number(r.version), paid,
    disbursable: !paid && r.status === 'approved' && noticeOver && Number(r.open_objections) === 0,
  };
}

export async function listApplications(db: Queryable, actor: Actor | null, q: { programme?: number; status?: string; disbursable?: boolean; limit?: number; offset?: number }) {
  const a = requireActor(actor);
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => { params.push(v); return `$${params.length}`; };
  if (a.role === 'org_user') where.push(`a.organization_id = ${p(a.organizationId ?? -1)}`);
  else {
    const zones = await managedZones(db, a);
    if (zones) where.push(`p.zone_id = any(${p(zones)}::int8[])`);
  }
  if (q.programme) where.push(`a.programme_id = ${p(q.programme)}`);
  if (q.status) where.push(`a.status = ${p(q.status)}`);
  if (a.role !== 'org_user' && !q.status) where.push(`a.status <> 'draft'`);
  // The same conditions as shapeApp's `disbursable`, in SQL so that paging does not hide any.
  if (q.disbursable !== undefined) {
    const disbursable = `(a.status = 'approved' and d.id is null and n.ends_on is not null and n.ends_on < ${p(today())}::date
      and not exists (select 1 from policy_objections x where x.application_id = a.id and x.status = 'open'))`;
    where.push(q.disbursable ? disbursable : `not ${disbursable}`);
  }
  const rows = await db.query(`select ${APP_COLUMNS}, count(*) over () as total from ${APP_FROM} ${where.length ? `where ${where.join(' and ')}` : ''}
    order by a.id desc limit ${p(q.limit ?? 200)} offset ${p(q.offset ?? 0)}`, params);
  const items = rows.map(({ total: _t, ...r }) => shapeApp(r));
  return { items, total: rows.length ? Number(rows[0]!.total) : 0 };
}

export async function loadApplication(db: Queryable, id: number, forUpdate = false) {
  const row = (await db.query(`select ${APP_COLUMNS} from ${APP_FROM} where a.id = $1${forUpdate ? ' for update of a' : ''}`, [id]))[0];
  if (!row) throw applicationNotFound(id);
  return shapeApp(row);
}

/** Its organisation's users and the programme's managers read an application; others get a 404 (it does not exist for them). */
export async function readableApplication(db: Queryable, actor: Actor | null, id: number) {
  const a = requireActor(actor);
  const app = await loadApplication(db, id);
  if (a.role === 'org_user' ? a.organizationId !== app.organization_id : !(await assertManager(db, a, app.programme_zone_id).then(() => true, () => false))) throw applicationNotFound(id);
  return { a, app };
}

export async function getApplication(db: Queryable, actor: Actor | null, id: number) {
  const { a, app } = await readableApplication(db, actor, id);
  const objections = await db.query(`select x.id, x.text, x.status, x.resolution, x.created_at, x.resolved_at, u.username as lodged_by, r.username as resolved_by
    from policy_objections x join users u on u.id = x.lodged_by left join users r on r.id = x.resolved_by where x.application_id = $1 order by x.id`, [id]);
  // Who objected is for the reviewers, not for the organisation objected to.
  return { ...app, files: await listApplicationFiles(db, id),
    objections: objections.map((o) => ({ ...o, id: Number(o.id), lodged_by: a.role === 'org_user' ? null : o.lodged_by })) };
}

export async function submitApplication(db: Db, actor: Actor | null, id: number) {
  const { a, app } = await readableApplication(db, actor, id);
  ownOrganization(a, app.organization_id);
  const p = await loadProgramme(db, app.programme_id);
  const now = today();
  if (now > (p.closes_on)) throw fieldError('programme', 'policy.programmes.windowClosed', { opens: p.opens_on, closes: p.closes_on });
  const docs = p.required_documents;
  const have = new Set((await listApplicationFiles(db, id)).map((f) => f.document));
  const missing = docs.filter((d) => !have.has(d.key));
  if (missing.length) throw fieldError('files', 'policy.programmes.missingDocuments', { documents: missing.map((d) => `${d.key} (${d.name_zh} / ${d.name_en})`).join(', ') });
  // Eligibility and amount again at submission: the registry may have changed since the draft.
  const result = await assess(db, p, app.organization_id, now);
  if (!result.eligibility.eligible) throw notEligible(result.eligibility);
  await db.transaction(async (tx) => {
    const cur = await loadApplication(tx, id, true);
    if (cur.status !== 'draft') throw conflict('policy.programmes.notDraft', { status: cur.status });
    await tx.query(`update policy_applications set status = 'submitted', submitted_at = now(), eligibility = $2, computed_fen = $3, version = version + 1 where id = $1`,
      [id, JSON.stringify(result.eligibility.results), result.amount.amount_fen]);
    await audit(tx, a, 'policy-applications', id, app.zone_id, 'submit', { status: 'draft' }, { status: 'submitted', computed_fen: result.amount.amount_fen });
  });
  return getApplication(db, a, id);
}

export interface ReviewInput { decision: 'approve' | 'reject'; score?: number | null; amount_fen?: number | null; reason: string; version: number }

export async function reviewApplication(db: Db, actor: Actor | null, id: number, input: ReviewInput) {
  const app = await loadApplication(db, id);
  const a = await assertManager(db, actor, app.programme_zone_id);
  if (!input.reason.trim()) throw fieldError('reason', 'policy.programmes.reasonRequired');
  let amount: number | null = null;
  if (input.decision === 'approve') {
    amount = input.amount_fen ?? app.computed_fen;
    if (amount > app.computed_fen) throw fieldError('amount_fen', 'policy.programmes.amountAboveComputed', { max: app.computed_fen });
    if (amount <= 0) throw fieldError('amount_fen', 'field.min', { min: 1 });
    // Approve only what is still eligible today.
    const p = await loadProgramme(db, app.programme_id);
    const result = await assess(db, p, app.organization_id);
    if (!result.eligibility.eligible) throw notEligible(result.eligibility);
  }
  await db.transaction(async (tx) => {
    const cur = await loadApplication(tx, id, true);
    if (cur.version !== input.version) throw conflict('problem.conflict', { current: cur.version, sent: input.version });
    if (cur.status !== 'submitted') throw conflict('policy.programmes.notSubmitted', { status: cur.status });
    const status = input.decision === 'approve' ? 'approved' : 'rejected';
    await tx.query(`update policy_applications set status = $2, approved_fen = $3, score = $4, decision_reason = $5, decided_by = $6, decided_at = now(), version = version + 1 where id = $1`,
      [id, status, amount, input.score ?? null, input.reason.trim(), a.userId]);
    await audit(tx, a, 'policy-applications', id, app.zone_id, input.decision, { status: cur.status }, { status, approved_fen: amount, score: input.score ?? null, reason: input.reason.trim() });
  });
  return getApplication(db, a, id);
}
