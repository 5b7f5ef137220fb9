import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Db } from '../../shared/db';
import { type Actor, zoneSubtree } from '../../shared/access/actor';
import { AppError, forbidden } from '../../shared/http/errors';
import { amountRule, computeAmount, eligibilityRules, evaluateEligibility, yearsNeeded } from '../programmes/eligibility';
import { eligibleOrganizations, loadOrgFacts } from '../programmes/eligibility.repository';
import { loadProgramme } from '../programmes/programme.service';
import { enterpriseForActor, requireActor } from './assessment-access';
import { compiledInForce, explainCompiled } from './engine';
import { applicationsOf, contactRows, programmesOpenTo } from './matching.repository';
import { caseFactsOf, caseFromRegistry } from './registry-case';
import { loadRegistryFacts } from './registry-facts.repository';
import { extraVersionsFor } from './rule-versions.service';
import { TIERS, type Programme } from './tiers';

/**
 * Policy matching (政策精准推送): for one enterprise, the open incentive programmes and the qualifications it meets or
 * nearly meets, with the estimated amount; for an operator, the enterprises of their zone that qualify for a
 * programme and have not applied, as a contact list. Programme eligibility is the programmes module's (the same
 * rules and SQL as applications use); qualifications are self-assessed on registry data with the rule engine.
 */
export type MatchStatus = 'held' | 'meets' | 'nearly' | 'needs_inputs' | 'far';

/** A qualification "nearly" met: at most one hard condition fails and at most this many points are missing. */
const NEARLY_POINTS = 10;

export async function matchesForEnterprise(db: Db, actor: Actor | null, organizationId: number, date: string) {
  const org = await enterpriseForActor(db, actor, organizationId, 'organization');
  const [open, applied, facts] = await Promise.all([programmesOpenTo(db, org.zone_id, date), applicationsOf(db, org.id), loadRegistryFacts(db, org)]);

  const programmes = [];
  for (const p of open) {
    const rules = eligibilityRules.safeParse(p.rules);
    const amount = amountRule.safeParse(p.amount_rule);
    if (!rules.success || !amount.success) continue; // a malformed stored programme is the programmes module's to report
    const orgFacts = (await loadOrgFacts(db, [org.id], p.zone_id, yearsNeeded(rules.data, amount.data, date))).get(org.id);
    if (!orgFacts) continue;
    const e = evaluateEligibility(rules.data, orgFacts, date);
    const failed = e.results.filter((r) => !r.pass);
    const status: MatchStatus = e.eligible ? 'meets' : failed.length === 1 && failed[0]!.kind !== 'zone' ? 'nearly' : 'far';
    const a = computeAmount(amount.data, orgFacts, date);
    programmes.push({
      id: Number(p.id), code: p.code, name_zh: p.name_zh, name_en: p.name_en, zone_id: Number(p.zone_id), closes_on: p.closes_on, status,
      applied: applied.get(Number(p.id)) ?? null, amount_fen: a.amount_fen, amount_explanation: a.explanation,
      failed: failed.map((r) => ({ label: r.label, value: r.value, expected: r.expected })),
    });
  }

  const caseFacts = caseFactsOf(facts, date);
  const c = caseFromRegistry(caseFacts, date, false).case;
  const qualifications = [];
  for (const tier of TIERS) {
    const held = facts.qualifications.some((q) => q.type === tier.qualificationType && q.valid_from <= date && (q.valid_to === null || q.valid_to >= date));
    const r = explainCompiled(compiledInForce(tier.programme, date, await extraVersionsFor(db, tier.programme, org.zone_id)), c, date);
    const failed = r.conditions.filter((x) => x.pass === false);
    const scoreGap = r.advice.find((x) => x.kind === 'score')?.gain ?? 0;
    const status: MatchStatus = held ? 'held'
      : r.qualifies ? 'meets'
      : r.verdict === 'incomplete' && failed.length === 0 ? 'needs_inputs'
      : failed.length <= 1 && scoreGap <= NEARLY_POINTS ? 'nearly' : 'far';
    qualifications.push({
      programme: tier.programme as Programme, label: tier.label, status, verdict: r.verdict, score: r.score, rules_version: r.rulesVersion,
      uncertain: r.uncertainRules.map((u) => ({ id: u.id, reason: u.reason })),
      failed: failed.map((x) => ({ id: x.id, title: x.title, arithmetic: x.arithmetic })),
      unknown: r.conditions.filter((x) => x.pass === null).map((x) => ({ id: x.id, title: x.title })),
      advice: r.advice.slice(0, 5).map((x) => x.text),
    });
  }
  return { organization: { id: org.id, name_zh: org.name_zh, name_en: org.name_en, zone_id: org.zone_id }, date, programmes, qualifications };
}

export interface ZoneMatchQuery { programme: number; zone?: number; date: string; limit: number; offset: number }

/** Enterprises of the operator's zone (within the programme's zone) that qualify and have not applied. */
export async function qualifiedNotApplied(db: Db, actor: Actor | null, q: ZoneMatchQuery) {
  const a = requireActor(actor);
  if (a.role === 'org_user') throw forbidden('policy.assessment.zoneOnly');
  const programme = await loadProgramme(db, q.programme);
  const programmeZones = await zoneSubtree(db, programme.zone_id);
  let zones = programmeZones;
  const own = a.role === 'admin' ? null : a.zoneId === null ? [] : await zoneSubtree(db, a.zoneId);
  const asked = q.zone !== undefined ? await zoneSubtree(db, q.zone) : null;
  if (own) zones = zones.filter((z) => own.includes(z));
  if (asked) zones = zones.filter((z) => asked.includes(z));
  if (!zones.length || (q.zone !== undefined && own && !own.includes(q.zone))) throw new AppError('FORBIDDEN', 'policy.assessment.matchingProgrammeZone', { id: q.programme });
  const { ids, total } = await eligibleOrganizations(db, { id: programme.id, zone_id: programme.zone_id, rules: programme.rules }, q.date,
    { notAppliedTo: programme.id, zoneIds: zones, limit: q.limit, offset: q.offset });
  const [contacts, facts] = await Promise.all([
    contactRows(db, ids),
    loadOrgFacts(db, ids, programme.zone_id, yearsNeeded(programme.rules, programme.amount_rule, q.date)),
  ]);
  const items = contacts.map((c) => {
    const f = facts.get(Number(c.id));
    const amount = f ? computeAmount(programme.amount_rule, f, q.date) : null;
    return { ...c, id: Number(c.id), zone_id: Number(c.zone_id), amount_fen: amount?.amount_fen ?? 0, amount_explanation: amount?.explanation ?? null };
  });
  return { programme: { id: programme.id, code: programme.code, name_zh: programme.name_zh, name_en: programme.name_en, closes_on: programme.closes_on }, date: q.date, total, items };
}

type ZoneMatches = Awaited<ReturnType<typeof qualifiedNotApplied>>;

const HEAD_ZH = ['机构ID', '统一社会信用代码', '名称', '英文名称', '所属园区', '地址', '网站', '预计金额（元）', '计算依据', '生成数据'];
const HEAD_EN = ['Organisation id', 'Credit code', 'Name', 'English name', 'Zone', 'Address', 'Website', 'Estimated amount (yuan)', 'Computation', 'Generated'];

function exportRows(m: ZoneMatches, en: boolean): (string | number)[][] {
  return m.items.map((r) => [r.id, r.credit_code ?? '', r.name_zh, r.name_en ?? '', r.zone_name_zh, r.address ?? '', r.website ?? '',
    (r.amount_fen / 100).toFixed(2), r.amount_explanation ? (en ? r.amount_explanation.en : r.amount_explanation.zh) : '', r.generated ? (en ? 'yes' : '是') : '']);
}

/** The contact list as CSV (UTF-8 with BOM, for spreadsheet programs) or XLSX. Amounts in yuan with fen, as text. */
export async function exportMatches(m: ZoneMatches, format: 'csv' | 'xlsx', en: boolean): Promise<Buffer> {
  const head = en ? HEAD_EN : HEAD_ZH;
  const rows = exportRows(m, en);
  if (format === 'csv') return Buffer.from(`\ufeff${Papa.unparse([head, ...rows])}\n`, 'utf8');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(en ? 'Qualified, not applied' : '符合条件未申报');
  ws.addRow([en ? `${m.programme.name_en} — ${m.date}` : `${m.programme.name_zh} — ${m.date}`]);
  ws.addRow(head).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((c) => { c.width = 22; });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
