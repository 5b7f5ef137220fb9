import { z } from 'zod';
import { label, nullableNum, num, text, when } from '../../shared/http/response-fields';
import { amountRule, eligibilityRules, STAT_FIELDS } from './eligibility';
import { APPLICATION_STATUSES } from './application.service';

/**
 * Answer schemas of the programme routes (programme.routes.ts). Fastify serializes by them, so every field the services
 * return is listed (a missing one would be dropped); the web app's types are generated from them. Money is integer fen.
 */
const date = z.string().describe('YYYY-MM-DD');
const OBJECTION_STATUSES = ['open', 'upheld', 'dismissed'] as const;

export const sourceProposal = z.object({
  id: num, document_id: num, file_name: z.string(), title: text, kind: z.string(), name: z.string(), quote: z.string(),
}).describe('the policy measure of an ingested document this programme was defined from');

export const programme = z.object({
  id: num, code: z.string(), zone_id: num, zone_name_zh: z.string(), zone_name_en: text, name_zh: z.string(), name_en: z.string(),
  description_zh: text, description_en: text, rules: eligibilityRules, amount_rule: amountRule, budget_fen: num, remaining_fen: num, paid_fen: num,
  opens_on: date, closes_on: date, required_documents: z.array(z.object({ key: z.string(), name_zh: z.string(), name_en: z.string() })),
  applications: num.describe('applications past draft'), version: num, created_at: when, updated_at: when, source_proposal: sourceProposal.nullable(),
});
export const programmeList = z.object({ items: z.array(programme), total: num });

export const ruleResult = z.object({
  index: num.describe('position in the rule list; -1 for the built-in zone rule'), kind: z.string(), pass: z.boolean(),
  value: z.union([z.string(), z.number(), z.boolean()]).nullable(), expected: z.string(), label,
});
const yearFigures = z.object(Object.fromEntries(STAT_FIELDS.filter((f) => f !== 'rd_intensity').map((f) => [f, nullableNum])) as Record<Exclude<(typeof STAT_FIELDS)[number], 'rd_intensity'>, typeof nullableNum>);
const amount = z.object({ amount_fen: num, base_fen: nullableNum, capped: z.boolean(), explanation: label });
const qualification = z.object({ type: z.string(), validFrom: z.string(), validTo: text });

export const prefill = z.object({
  programme, date,
  organization: z.object({ id: num, code: z.string(), name_zh: z.string(), name_en: text, credit_code: text, kind: z.string(), founded_year: nullableNum, zone_id: num }),
  statistics: z.record(z.string(), yearFigures).describe('by year'), qualifications: z.array(qualification),
  eligibility: z.object({ eligible: z.boolean(), results: z.array(ruleResult) }), amount, existing_application_id: nullableNum,
});

const applicationFile = z.object({
  id: num, document: z.string(), filename: z.string(), media_type: z.string(), size_bytes: num, sha256: z.string(), uploaded_at: when, username: text,
});
const objection = z.object({
  id: num, text: z.string(), status: z.enum(OBJECTION_STATUSES), resolution: text, created_at: when, resolved_at: when.nullable(),
  lodged_by: text.describe('null for the organisation objected to'), resolved_by: text,
});

export const application = z.object({
  id: num, programme_id: num, programme_code: z.string(), programme_name_zh: z.string(), programme_name_en: z.string(), programme_zone_id: num,
  organization_id: num, organization_code: z.string(), organization_name_zh: z.string(), organization_name_en: text, zone_id: num,
  status: z.enum(APPLICATION_STATUSES),
  figures: z.object({ statistics: z.record(z.string(), yearFigures), qualifications: z.array(qualification), amount, date }).partial()
    .describe('the registry figures at application time (empty for an application recorded without the form)'),
  eligibility: z.array(ruleResult), computed_fen: num, approved_fen: nullableNum, score: nullableNum,
  decision_reason: text, decided_at: when.nullable(), decided_by: text, notice_id: nullableNum, notice_starts_on: date.nullable(), notice_ends_on: date.nullable(),
  note: text, created_at: when, submitted_at: when.nullable(), version: num, disbursement_id: nullableNum, paid_at: when.nullable(), batch_id: nullableNum,
  open_objections: num, paid: z.boolean(), disbursable: z.boolean(),
});
export const applicationDetail = application.extend({ files: z.array(applicationFile), objections: z.array(objection) });
export const applicationList = z.object({ items: z.array(application), total: num });

export const notice = z.object({
  id: num, programme_id: num, programme_name_zh: z.string(), programme_name_en: z.string(), zone_id: num, starts_on: date, ends_on: date, created_at: when,
  running: z.boolean(),
  items: z.array(z.object({
    id: num, status: z.enum(APPLICATION_STATUSES), approved_fen: nullableNum, score: nullableNum, organization_name_zh: z.string(), organization_name_en: text,
    credit_code: text, open_objections: num,
  })),
});
export const noticeList = z.object({ items: z.array(notice) });

export const objectionChange = z.object({ id: num, application_id: num, status: z.enum(OBJECTION_STATUSES) });
export const objectionList = z.object({
  items: z.array(objection.omit({ resolved_by: true }).extend({
    application_id: num, organization_name_zh: z.string(), organization_name_en: text, programme_id: num, programme_name_zh: z.string(), programme_name_en: z.string(),
  })),
});

export const batch = z.object({
  batch_id: num, programme_id: num, application_ids: z.array(num), total_fen: num, count: num, remaining_fen: num, replayed: z.boolean(),
});

export const ledgerSchema = z.object({
  programme_id: num, budget_fen: num,
  accounts: z.array(z.object({ id: num, kind: z.enum(['appropriation', 'budget', 'paid']), organization_id: nullableNum, balance_fen: num, name_zh: text, name_en: text })),
  entries: z.array(z.object({
    id: num, created_at: when, kind: z.string(), amount_fen: num, memo: text, debit_account_id: num, credit_account_id: num, application_id: nullableNum, batch_id: nullableNum,
    username: text, debit_zh: z.string(), debit_en: z.string(), credit_zh: z.string(), credit_en: z.string(),
  })),
  totals: z.object({ allocated_fen: num, paid_fen: num, remaining_fen: num, balanced: z.boolean() }),
});
