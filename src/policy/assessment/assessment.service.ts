import type { Db } from '../../shared/db';
import type { Actor } from '../../shared/access/actor';
import { AppError, invalid } from '../../shared/http/errors';
import { caseInputSchema, type PolicyCaseInput } from '../rules/case';
import { zodIssues } from '../rules/validate';
import { enterpriseForActor, requireActor } from './assessment-access';
import * as repo from './assessments.repository';
import { assessOne, builtInVersions, compiledInForce, explainCompiled, type Assessment } from './engine';
import { caseFactsOf, caseFromRegistry, mergeCase } from './registry-case';
import { loadRegistryFacts } from './registry-facts.repository';
import { extraVersionsFor } from './rule-versions.service';
import type { Programme } from './tiers';
import { zoneSubtree } from '../../shared/access/actor';

/**
 * Self-assessment of one enterprise: the case prefilled from the registry, the user's inputs over it, the engine's
 * verdict with its trace, and saved assessments with every version kept (inputs and result), each naming the rule
 * version in force on its application date.
 */
export const today = () => new Date().toISOString().slice(0, 10);

export function checkDate(date: string | undefined, field = 'date'): string {
  const d = date ?? today();
  const limit = new Date();
  limit.setUTCFullYear(limit.getUTCFullYear() + 1);
  if (d > limit.toISOString().slice(0, 10)) throw invalid([{ field, key: 'policy.assessment.dateFuture' }]);
  return d;
}

export async function prefill(db: Db, actor: Actor | null, organizationId: number, programme: Programme, date?: string) {
  const appDate = checkDate(date);
  const org = await enterpriseForActor(db, actor, organizationId, 'organization');
  const facts = await loadRegistryFacts(db, org);
  const { case: c, provenance } = caseFromRegistry(caseFactsOf(facts, appDate), appDate);
  const extras = await extraVersionsFor(db, programme, org.zone_id);
  const compiled = compiledInForce(programme, appDate, extras);
  const version = compiled.version;
  return {
    organization: org, programme, date: appDate, case: c, provenance, preview: explainCompiled(compiled, c, appDate),
    rulesVersion: { id: version.id, title: version.title, status: version.status, confidence: version.confidence, effective: version.effective },
    registry: {
      statistics: facts.statistics.map((s) => ({ ...s, operating_revenue: s.operating_revenue === null ? null : Number(s.operating_revenue), rd_expense: s.rd_expense === null ? null : Number(s.rd_expense) })),
      qualifications: facts.qualifications,
      achievements: facts.achievements.slice(0, 200),
    },
  };
}

export interface RunInput {
  organization_id: number;
  programme: Programme;
  date?: string;
  case?: PolicyCaseInput;
  use_registry?: boolean;
}

/** The case the engine sees: the registry's facts, then what the user gave over them (unless use_registry is false). */
async function caseFor(db: Db, actor: Actor | null, input: RunInput) {
  const date = checkDate(input.date);
  const org = await enterpriseForActor(db, actor, input.organization_id);
  if (input.case !== undefined) {
    // The shape is checked before merging with the registry; the engine checks the merged case again (contradictions).
    const shape = caseInputSchema.safeParse(input.case);
    if (!shape.success) throw invalid(zodIssues(shape.error).map((i) => ({ field: `case.${i.field}`, key: i.key, params: i.params })));
  }
  let c: PolicyCaseInput = input.case ?? {};
  if (input.use_registry !== false) {
    const facts = await loadRegistryFacts(db, org);
    c = mergeCase(caseFromRegistry(caseFactsOf(facts, date), date, false).case, input.case);
  }
  c = { ...c, applicationDate: date };
  const extras = await extraVersionsFor(db, input.programme, org.zone_id);
  return { org, date, case: c, extras };
}

export async function runAssessment(db: Db, actor: Actor | null, input: RunInput) {
  const { org, date, case: c, extras } = await caseFor(db, actor, input);
  const result = assessOne(input.programme, c, date, extras);
  return { organization: { id: org.id, name_zh: org.name_zh, name_en: org.name_en, zone_id: org.zone_id }, programme: input.programme, date, case: c, result };
}

const versionOf = (result: Assessment, date: string, c: PolicyCaseInput, note: string | null): repo.NewVersion => ({
  applicationDate: date, rulesVersion: result.rulesVersion, qualifies: result.qualifies, uncertain: result.verdict === 'qualifies_unverified' || result.uncertain.length > 0,
  score: result.score, inputs: c, result, note,
});

export async function createAssessment(db: Db, actor: Actor | null, input: RunInput & { note?: string | null }) {
  const a = requireActor(actor);
  const run = await runAssessment(db, a, input);
  const id = await db.transaction(async (tx) => {
    const newId = await repo.insertAssessment(tx, { id: run.organization.id, zone_id: run.organization.zone_id }, input.programme, a.userId);
    await repo.insertVersion(tx, newId, 1, versionOf(run.result, run.date, run.case, input.note ?? null), a.userId);
    await repo.auditAssessment(tx, a.userId, newId, run.organization.zone_id, 'create', { programme: input.programme, version: 1, rules_version: run.result.rulesVersion, qualifies: run.result.qualifies });
    return newId;
  });
  return getAssessment(db, a, id);
}

export async function saveNewVersion(db: Db, actor: Actor | null, id: number, input: { version: number; date?: string; case?: PolicyCaseInput; use_registry?: boolean; note?: string | null }) {
  const a = requireActor(actor);
  const head = await headForActor(db, a, id);
  const run = await runAssessment(db, a, { organization_id: head.organization_id, programme: head.programme as Programme, date: input.date, case: input.case, use_registry: input.use_registry });
  await db.transaction(async (tx) => {
    const next = await repo.bumpVersion(tx, id, input.version);
    if (next === null) {
      const current = (await repo.findHead(tx, id))?.version ?? 0;
      throw new AppError('CONFLICT', 'policy.assessment.stale', { current, sent: input.version });
    }
    await repo.insertVersion(tx, id, next, versionOf(run.result, run.date, run.case, input.note ?? null), a.userId);
    await repo.auditAssessment(tx, a.userId, id, head.zone_id, 'update', { version: next, rules_version: run.result.rulesVersion, qualifies: run.result.qualifies });
  });
  return getAssessment(db, a, id);
}

async function headForActor(db: Db, actor: Actor, id: number) {
  const head = await repo.findHead(db, id);
  if (!head) throw new AppError('NOT_FOUND', 'policy.assessment.notFound', { id });
  await enterpriseForActor(db, actor, head.organization_id);
  return head;
}

export async function getAssessment(db: Db, actor: Actor | null, id: number) {
  const head = await headForActor(db, requireActor(actor), id);
  return { ...head, versions: await repo.listVersions(db, id) };
}

export async function listAssessments(db: Db, actor: Actor | null, q: { organization?: number; limit: number; offset: number }) {
  const a = requireActor(actor);
  if (q.organization !== undefined) {
    await enterpriseForActor(db, a, q.organization, 'organization');
    return repo.listHeads(db, { organizationId: q.organization }, q.limit, q.offset);
  }
  if (a.role === 'org_user') return repo.listHeads(db, { organizationId: a.organizationId ?? -1 }, q.limit, q.offset);
  if (a.role === 'zone_operator') return repo.listHeads(db, { zoneIds: a.zoneId === null ? [] : await zoneSubtree(db, a.zoneId) }, q.limit, q.offset);
  return repo.listHeads(db, {}, q.limit, q.offset);
}

/** The five programmes with the versions the engine ships (uploaded ones: rule-versions.service.ts). */
export function programmeCatalogue() {
  return builtInVersions();
}
