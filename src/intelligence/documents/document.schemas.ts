import { z } from 'zod';
import { nullableNum, num, text, when } from '../../shared/http/response-fields';

/**
 * Answer schemas of the intelligence routes (document.routes.ts). Fastify serializes by them, so every field the
 * services return is listed (a missing one would be dropped); the web app's types are generated from them.
 */
const DOCUMENT_STATUSES = ['queued', 'processed', 'failed'] as const;
const FACT_STATUSES = ['proposed', 'confirmed', 'rejected', 'merged', 'superseded'] as const;
const PROPOSAL_STATUSES = ['proposed', 'accepted', 'dismissed'] as const;
const PROPOSAL_KINDS = ['measure', 'rate', 'amount'] as const;
const span = { start: num, end: num };
const date = z.string().describe('YYYY-MM-DD');

export const job = z.object({
  id: num, kind: z.string(), status: z.enum(['queued', 'running', 'succeeded', 'failed']), progress: num, total: num,
  result: z.unknown().describe('what the job kind reports when done'), error: text, created_by: nullableNum, created_at: when, finished_at: when.nullable(),
});

export const uploadResult = z.object({
  job, zone_id: num,
  files: z.array(z.object({
    file_name: z.string(), document_id: nullableNum, status: z.enum(['queued', 'rejected']),
    error: z.object({ field: z.string(), code: z.string(), message: z.string(), en: z.string(), zh: z.string() }).nullable(),
  })),
});

const documentError = z.object({ code: z.string(), en: z.string(), zh: z.string() }).describe('why processing failed');

/** The columns a document row carries, in the list and in the reader. */
const documentFields = {
  id: num, zone_id: num, zone_name_zh: z.string(), zone_name_en: text, file_name: z.string(), media_type: z.string(), size_bytes: num, sha256: z.string(),
  uploaded_by: nullableNum, uploaded_by_name: text, uploaded_at: when, article_date: date.nullable(), status: z.enum(DOCUMENT_STATUSES),
  error: documentError.nullable(), job_id: nullableNum, title: text, lang: text, processed_at: when.nullable(), version: num,
};

export const documentSummary = z.object({
  ...documentFields, facts: num, open_facts: num.describe('facts still to review'), snippet: text.describe('clean text around the first word searched for'),
});
export const documentList = z.object({ items: z.array(documentSummary), total: num });

const conflict = z.object({
  id: num, document_id: num, file_name: z.string(), value: text, unit: text, period: text, status: z.string(), quote: z.string(), start_offset: num, end_offset: num,
}).describe('a fact of another document on the same subject, metric and period with another value or unit');

export const fact = z.object({
  id: num, subject: z.string(), subject_zone_id: nullableNum, subject_zone_name_zh: text, subject_zone_name_en: text,
  metric: z.string(), metric_label: text, metric_name_zh: text, metric_name_en: text, value: text.describe('decimal as text'),
  unit: text, unit_raw: text, period: text, period_detail: text, quote: z.string(), start_offset: num, end_offset: num,
  figure_start: nullableNum.describe('the figure itself inside the quote'), figure_end: nullableNum,
  approx: z.boolean(), bound: z.enum(['min', 'max']).nullable(), cumulative: z.boolean(), target: z.boolean(), status: z.enum(FACT_STATUSES),
  merged_into: nullableNum, extracted: z.record(z.string(), z.unknown()).describe('the extractor\'s own record of the fact'),
  zone_fact_id: nullableNum, reviewed_by: nullableNum, reviewed_at: when.nullable(), version: num, conflicts: z.array(conflict),
});

const proposalDetail = z.record(z.string(), z.union([z.string(), z.number()]));
export const proposal = z.object({
  id: num, kind: z.enum(PROPOSAL_KINDS), name: z.string(), detail: proposalDetail, quote: z.string(), start_offset: num, end_offset: num,
  status: z.enum(PROPOSAL_STATUSES), reviewed_by: nullableNum, reviewed_at: when.nullable(),
});

export const documentDetail = z.object({
  ...documentFields,
  original_text: text, clean_text: text,
  removed: z.array(z.object({ ...span, reason: z.string() })).nullable().describe('parts of the original left out of the clean text, and why'),
  paragraphs: z.array(z.object({ ...span, lang: z.string(), script: z.string(), heading: z.boolean() })).nullable(),
  sentences: z.array(z.object(span)).nullable(),
  repairs: z.array(z.object({ kind: z.string(), ...span, cleanStart: num, cleanEnd: num, from: z.string(), to: z.string() })).nullable(),
  offset_map: z.array(z.object({ cleanStart: num, cleanEnd: num, origStart: num, origEnd: num, kind: z.enum(['copy', 'replace']) })).nullable()
    .describe('where each run of clean text came from in the original'),
  open_facts: num, may_review: z.boolean(), facts: z.array(fact), proposals: z.array(proposal),
});

export const correctedFact = z.object({ id: num, version: num, value: text });
export const rejectedFact = z.object({ id: num, status: z.enum(FACT_STATUSES), version: num });
export const mergedFact = rejectedFact.extend({ merged_into: num });
export const confirmedFact = rejectedFact.extend({
  zone_fact_id: num,
  indicator_value: z.object({ indicator: z.string(), zone_id: num, year: num, value: num }).nullable().describe('the indicator value entered from the fact, where its metric is an entered indicator'),
  superseded: z.array(num),
});

export const zoneFacts = z.object({
  items: z.array(z.object({
    id: num, document_id: num, file_name: z.string(), title: text, zone_id: num, metric: z.string(), metric_en: text, value: z.string(), unit: text, period: text,
    quote: z.string(), start_offset: num, end_offset: num, zone_fact_id: num, reviewed_at: when.nullable(),
  })),
});

export const proposalList = z.object({
  items: z.array(z.object({
    id: num, document_id: num, file_name: z.string(), title: text, zone_id: num, kind: z.enum(PROPOSAL_KINDS), name: z.string(), detail: proposalDetail, quote: z.string(),
    start_offset: num, end_offset: num, status: z.enum(PROPOSAL_STATUSES),
  })),
  total: num,
});
export const reviewedProposal = z.object({ id: num, kind: z.enum(PROPOSAL_KINDS), name: z.string(), status: z.enum(PROPOSAL_STATUSES) });
