import { z } from 'zod';
import { label, num, text } from '../shared/http/response-fields';

/**
 * Response schemas of the zone routes (dashboard, partners; see shared/http/response-fields.ts). Database rows are
 * loose objects: the named keys are documented and checked, further columns pass through unchanged.
 */
const labeledCount = z.object({ key: z.string(), label, count: num });

export const dashboard = z.object({
  zone: z.looseObject({ id: num, code: z.string(), name_zh: z.string(), name_en: text, generated: z.boolean(), retired_at: text }),
  counts: z.object({ organizations: num, enterprises: num, highTechEnterprises: num, people: num, achievements: num, projects: num })
    .describe('the zone and every zone below it; anonymous visitors count published records only'),
  byKind: z.array(labeledCount),
  byField: z.array(labeledCount.describe('key "none": no high-tech field given')),
  qualificationTrend: z.array(z.object({ year: num, type: z.string(), label, count: num }).describe('organisations holding the qualification at the year end')),
  topOrganizations: z.array(z.looseObject({
    id: num, name_zh: text, name_en: text, generated: z.boolean(), year: num, operating_revenue: num.nullable(), rd_expense: num.nullable(),
  })).describe('the ten largest by operating revenue in the latest year; empty for viewers who may not read the zone\'s statistics'),
  facts: z.array(z.looseObject({
    id: num, metric: z.string(), value: num, unit: z.string(), period: z.string(), source: z.string(), quote: text, generated: z.boolean(), zone_id: num,
    label: label.describe('the metric in each language (the other language where one is missing)'), unitLabel: label, periodLabel: label, sourceLabel: label,
  }).describe('figures recorded from documents, each with its source')),
});

export const partners = z.object({
  items: z.array(z.looseObject({ id: num, code: z.string(), name_zh: z.string(), name_en: text, note: text })),
});
