import { z } from 'zod';
import { label, num, nullableNum, when } from '../../shared/http/response-fields';
import { PROGRAMMES } from './tiers';

/**
 * Request and response schemas of the assessment routes: they validate, document the API (OpenAPI) and give the
 * web app its types (type-only imports). Engine results pass through as loose objects: the named keys are checked.
 */
export const id = z.coerce.number().int().positive();
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD').refine((d) => !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().startsWith(d), 'a real date');
export const programme = z.enum(PROGRAMMES);

// ——— pipeline ———
export const pipelineQuery = z.object({
  zone: id,
  date: isoDate.optional(),
  from_year: z.coerce.number().int().min(1990).max(2100).optional(),
  to_year: z.coerce.number().int().min(1990).max(2100).optional(),
  lapsing_days: z.coerce.number().int().min(1).max(1095).default(180),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const pipeline = z.object({
  zone: num,
  date: z.string(),
  tiers: z.array(z.object({ tier: num, label, count: num })),
  transitions: z.array(z.object({ year: num, from: num, to: num, count: num, upward: z.boolean() })),
  years: z.object({ from: num, to: num }),
  lapsing: z.object({
    days: num,
    total: num,
    items: z.array(z.looseObject({
      organization_id: num, name_zh: z.string(), name_en: z.string().nullable(), generated: z.boolean(), type: z.string(), tier: num,
      certificate_no: z.string().nullable(), valid_from: z.string(), valid_to: z.string(), days_left: num, label,
    })),
  }),
});

export const closestQuery = z.object({
  zone: id,
  date: isoDate.optional(),
  tier: z.coerce.number().int().min(0).max(4).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(20),
});

export const closest = z.object({
  zone: num,
  date: z.string(),
  assessed: num,
  items: z.array(z.object({
    organization_id: num, name_zh: z.string(), name_en: z.string().nullable(), generated: z.boolean(),
    tier: num, tier_label: label, next_programme: programme, next_label: label,
    failed: num, conditions: num, score: nullableNum, qualifies: z.boolean(), rules_version: z.string(),
    missing: z.array(z.object({ id: z.string(), title: label })),
  })),
});

export { when };

// ——— self-assessment ———
const caseBody = z.record(z.string(), z.unknown()).describe('A case in the engine\'s input format (src/policy/rules/case.ts; `npx kechuang assess --schema <programme>`); given fields win over the registry\'s');
const text2 = z.object({ zh: z.string(), en: z.string() });

export const prefillQuery = z.object({ organization: id, programme, date: isoDate.optional() });
export const runBody = z.object({
  organization_id: id,
  programme,
  date: isoDate.optional().describe('application date; the rule version in force on it is used (default today)'),
  case: caseBody.optional(),
  use_registry: z.boolean().default(true).describe('fill in what the registry knows before the given case'),
});
export const saveBody = runBody.extend({ note: z.string().max(2000).nullish() });
export const versionBody = z.object({
  version: z.number().int().min(1).describe('the version you read: a newer one saved meanwhile makes this a 409'),
  date: isoDate.optional(),
  case: caseBody.optional(),
  use_registry: z.boolean().default(true),
  note: z.string().max(2000).nullish(),
});
export const listQuery = z.object({ organization: id.optional(), limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) });

const scalar = z.union([z.number(), z.boolean(), z.string()]).nullable();
const conditionResult = z.object({
  id: z.string(), title: text2, pass: z.boolean().nullable(), value: scalar, threshold: nullableNum, arithmetic: text2, source: z.string(), confidence: z.string(),
  parts: z.array(z.unknown()).optional().describe('the sub-checks of a composite condition, with their arithmetic'),
});
const uncertainRule = z.object({ id: z.string(), reason: text2 });
export const assessmentResult = z.object({
  program: z.string(), rulesVersion: z.string(), qualifies: z.boolean(), verdict: z.enum(['qualifies', 'qualifies_unverified', 'fails', 'incomplete']), score: nullableNum,
  uncertain: z.array(z.string()),
  date: z.string(), versionStatus: z.string(), versionConfidence: z.string(),
  conditions: z.array(conditionResult),
  items: z.array(z.object({ id: z.string(), title: text2, group: z.string().nullable(), points: nullableNum, max: num, band: z.string().nullable(), value: scalar, assumed: z.boolean(), source: z.string(), confidence: z.string() })),
  groups: z.array(z.object({ id: z.string(), title: text2, points: nullableNum, cap: nullableNum, min: nullableNum, pass: z.boolean().nullable() })),
  routes: z.array(z.object({ id: z.string(), title: text2, pass: z.boolean().nullable(), source: z.string(), confidence: z.string(), checks: z.array(conditionResult).optional() })),
  uncertainRules: z.array(uncertainRule),
  assumptions: z.array(z.object({ id: z.string(), points: num })),
  advice: z.array(z.object({ kind: z.string(), id: z.string(), text: text2, gain: num.optional(), amount: num.optional() })),
  missing: z.array(z.string()),
  issues: z.array(z.object({ field: z.string(), low: num, high: num, band: z.string() })),
});
const versionInfo = z.object({ id: z.string(), title: text2, status: z.string(), confidence: z.string(), effective: z.object({ from: z.string(), to: z.string().nullable() }) });
const orgView = z.object({ id: num, name_zh: z.string(), name_en: z.string().nullable(), zone_id: num, code: z.string().optional(), kind: z.string().optional(), founded_year: nullableNum.optional(), hightech_field: z.string().nullable().optional(), industry_code: z.string().nullable().optional(), generated: z.boolean().optional() });

export const prefillResponse = z.object({
  organization: orgView,
  programme,
  date: z.string(),
  case: z.record(z.string(), z.unknown()),
  provenance: z.array(z.object({ path: z.string(), source: text2 })),
  rulesVersion: versionInfo,
  preview: assessmentResult.describe('the engine on registry data alone (may be incomplete: `missing` lists what to ask for)'),
  registry: z.object({
    statistics: z.array(z.object({ year: num, operating_revenue: nullableNum, rd_expense: nullableNum, staff: nullableNum, rd_staff: nullableNum, patents_granted: nullableNum })),
    qualifications: z.array(z.object({ type: z.string(), level: z.string().nullable(), certificate_no: z.string().nullable(), valid_from: z.string(), valid_to: z.string().nullable() })),
    achievements: z.array(z.object({ id: num, kind: z.string(), title: z.string(), year: nullableNum, patent_no: z.string().nullable(), converted: z.boolean() })),
  }),
});
export const runResponse = z.object({ organization: orgView, programme, date: z.string(), case: z.record(z.string(), z.unknown()), result: assessmentResult });

const savedVersion = z.object({
  assessment_id: num, version: num, application_date: z.string(), rules_version: z.string(), qualifies: z.boolean(), uncertain: z.boolean(), score: nullableNum,
  inputs: z.unknown(), result: z.unknown(), note: z.string().nullable(), saved_by: z.string().nullable(), saved_at: when,
});
export const assessmentDetail = z.looseObject({
  id: num, organization_id: num, zone_id: num, programme: z.string(), version: num, created_at: when, updated_at: when, name_zh: z.string(), name_en: z.string().nullable(),
  versions: z.array(savedVersion),
});
export const assessmentList = z.object({
  items: z.array(z.object({ zone_id: num, created_at: when, id: num, organization_id: num, programme: z.string(), version: num, qualifies: z.boolean(), uncertain: z.boolean(), score: nullableNum, rules_version: z.string(), application_date: z.string(), name_zh: z.string(), name_en: z.string().nullable(), updated_at: when })),
  total: num,
});

// ——— rule versions ———
const ruleRef = z.object({ id: z.string(), title: text2, source: z.string(), confidence: z.string() });
export const ruleVersionView = z.object({
  id: z.string(), programme: z.string(), title: text2, effective: z.object({ from: z.string(), to: z.string().nullable() }), status: z.string(), confidence: z.string(), note: text2.nullable(),
  sources: z.array(z.object({ id: z.string(), title: z.string(), number: z.string().nullable(), level: z.string() })),
  conditions: z.array(ruleRef), items: z.array(ruleRef.extend({ max: num })), routes: z.array(ruleRef), verdictRule: text2,
  origin: z.enum(['builtin', 'uploaded']), zone_id: nullableNum, uploaded_by: z.string().nullable().optional(), uploaded_at: z.string().nullable().optional(), file_name: z.string().nullable(),
  stored_id: num.optional(),
});
export const ruleVersionList = z.object({ items: z.array(ruleVersionView) });
export const ruleVersionsQuery = z.object({ programme: programme.optional() });
export const ruleUploadBody = z.object({ definition: z.record(z.string(), z.unknown()).describe('the version file (see src/policy/rules/versions/*.json)'), file_name: z.string().max(200).nullish(), programme: programme.optional() });

// ——— matching ———
export const enterpriseMatchQuery = z.object({ date: isoDate.optional() });
export const enterpriseMatches = z.object({
  organization: orgView,
  date: z.string(),
  programmes: z.array(z.object({
    id: num, code: z.string(), name_zh: z.string(), name_en: z.string(), zone_id: num, closes_on: z.string(), status: z.enum(['held', 'meets', 'nearly', 'needs_inputs', 'far']),
    applied: z.string().nullable(), amount_fen: num, amount_explanation: text2,
    failed: z.array(z.object({ label: text2, value: z.unknown(), expected: z.string() })),
  })),
  qualifications: z.array(z.object({
    programme, label: text2, status: z.enum(['held', 'meets', 'nearly', 'needs_inputs', 'far']), verdict: z.string(), score: nullableNum, rules_version: z.string(),
    uncertain: z.array(z.object({ id: z.string(), reason: text2 })),
    failed: z.array(z.object({ id: z.string(), title: text2, arithmetic: text2 })),
    unknown: z.array(z.object({ id: z.string(), title: text2 })),
    advice: z.array(text2),
  })),
});
export const zoneMatchQuery = z.object({
  programme: id, zone: id.optional(), date: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(100_000).default(100), offset: z.coerce.number().int().min(0).default(0),
});
export const zoneMatchExportQuery = zoneMatchQuery.omit({ limit: true, offset: true }).extend({ format: z.enum(['csv', 'xlsx']).default('xlsx') });
export const zoneMatches = z.object({
  programme: z.object({ id: num, code: z.string(), name_zh: z.string(), name_en: z.string(), closes_on: z.string() }),
  date: z.string(), total: num,
  items: z.array(z.looseObject({ id: num, name_zh: z.string(), name_en: z.string().nullable(), credit_code: z.string().nullable(), zone_id: num, zone_name_zh: z.string(), amount_fen: num, amount_explanation: text2.nullable(), generated: z.boolean() })),
});

// ——— R&D super-deduction ———
export const superDeductionBody = z.record(z.string(), z.unknown()).describe('The calculator input (src/policy/rules/super-deduction/schema.ts; `npx kechuang super-deduction --schema`)');
export const superDeduction = z.object({
  taxYear: num, enterpriseKind: z.string(), rate: num,
  rateSegments: z.array(z.object({ rowId: z.string(), months: num, rate: num, amortMultiple: nullableNum, source: z.string(), confidence: z.string() })),
  base: num, extraDeduction: num, excluded: z.boolean(), amortisation: nullableNum,
  lines: z.array(z.object({ id: z.string(), label: text2, amount: nullableNum, formula: z.string(), source: z.string() })),
  uncertain: z.array(z.object({ id: z.string(), reason: text2 })),
});
