import { z } from 'zod';
import { label, num, text, when } from '../../shared/http/response-fields';

/**
 * Response schemas of the evaluation routes (see shared/http/response-fields.ts). They name every key the services
 * return (the services' types are interfaces, which loose objects would not accept): a key left out here is left out
 * of the response, so a new column needs a line here too.
 */
const cell = z.number().nullable().describe('null: no value (missing data, or left out)');
const sign = z.union([z.literal(1), z.literal(-1)]).describe('1: higher is better; -1: lower is better');
const direction = sign.nullable();
const excluded = z.array(z.object({ indicator: z.string(), reason: z.string(), reason_zh: z.string() })).describe('indicators left out, with the reason');

export const indicator = z.object({
  id: num, code: z.string(), name_zh: z.string(), name_en: text, description: text, unit: z.string(), direction: sign,
  kind: z.enum(['computed', 'entered']), computation: text.describe('the registry computation (computed indicators)'),
  params: z.record(z.string(), z.unknown()), typical_min: num.nullable(), typical_max: num.nullable(), source: text, shipped: z.boolean(),
  version: num, created_at: when, updated_at: when,
});
export const indicatorList = z.object({ items: z.array(indicator) });
export const computationList = z.object({ items: z.array(z.object({ key: z.string(), source: z.string(), description: label })) });
export const computeResult = z.object({
  indicators: z.array(z.string()), statements: num, values: num.describe('computed values now stored for the scope'),
  undefinedValues: num.describe('of which null (e.g. division by zero; the reason is in the provenance)'), ms: num,
});

export const indicatorValue = z.object({
  indicator_id: num, indicator_code: z.string(), zone_id: num, zone_code: z.string(), year: num, value: cell, origin: z.enum(['computed', 'entered']),
  provenance: z.record(z.string(), z.unknown()).describe('how the value was computed or who entered it, from what source'), computed_at: when,
});
export const indicatorValueList = z.object({ items: z.array(indicatorValue) });

const group = z.object({ min: z.number().nullable(), code: z.string(), name_zh: z.string(), name_en: z.string() });
/** Every option of frameworks/types.ts FrameworkOptions (a plain object would drop the ones it does not name). */
const frameworkOptions = z.object({
  weightRules: z.array(z.object({ level: z.number(), sum: z.number(), tolerance: z.number().optional() })).optional(),
  missingIndicators: z.enum(['error', 'drop']).optional(),
  panelYears: z.number().nullable().optional(),
  reference: z.object({ zone: z.string().nullable(), year: z.number().nullable() }).nullable().optional(),
  groups: z.array(group).nullable().optional(),
  countWeights: z.boolean().optional(),
});

const method = z.unknown().describe('the composite method (normalisation, aggregation, treatment): see GET /api/frameworks/:id');

const frameworkRow = z.object({
  id: num, code: z.string(), name_zh: z.string(), name_en: text, description: text, method, options: frameworkOptions, shipped: z.boolean(),
  copied_from: num.nullable(), owner_zone_id: num.nullable(), version: num.describe('send back on PATCH'), created_at: when, updated_at: when,
});
const node = z.object({
  code: z.string(), parent_code: text, level: num.describe('1: indicator leaves'), indicator_id: num.nullable(), indicator_code: text, name_zh: z.string(),
  name_en: text, description: text, weight: num, sort: num, direction, unit: text,
});

export const frameworkList = z.object({
  items: z.array(frameworkRow.extend({ nodes: num.describe('nodes of the tree'), indicators: num.describe('indicator leaves') })),
});
export const frameworkDetail = frameworkRow.extend({ nodes: z.array(node) });

const zoneRef = z.object({ id: num, code: z.string(), name_zh: z.string(), name_en: text });
const unit = z.object({ zone_id: num, code: z.string(), name_zh: z.string(), name_en: text });

const evaluatedFramework = z.object({ id: num, code: z.string(), name_zh: z.string(), name_en: text, method, options: frameworkOptions });

export const evaluation = z.object({
  framework: evaluatedFramework,
  year: num,
  years: z.array(num),
  root: z.string(),
  nodes: z.array(node.extend({ used: z.boolean().describe('false: left out for lack of data') })),
  units: z.array(unit),
  results: z.array(unit.extend({ score: cell, rank: cell, previous_rank: cell, rank_change: cell, relative: cell, group: text })),
  scores: z.record(z.string(), z.record(z.string(), cell)).describe('unit code → node code → score'),
  ranks: z.record(z.string(), z.record(z.string(), cell)).describe('unit code → node code → rank'),
  inputs: z.record(z.string(), z.record(z.string(), z.object({
    value: cell, normalised: cell, origin: text, provenance: z.record(z.string(), z.unknown()).nullable(), computed_at: when.nullable(),
  }))).describe('unit code → indicator code → the data under the score'),
  excluded,
  warnings: z.array(z.string()),
});

export const zoneEvaluation = z.object({
  zone: zoneRef,
  peers: z.array(zoneRef),
  framework: zoneRef,
  year: num,
  byYear: z.array(z.object({
    year: num, score: cell, rank: cell, units: num, error: z.string().optional(), error_zh: z.string().optional(), left_out: z.array(z.string()).optional(), not_published: z.boolean().optional(),
  })),
  radar: z.array(z.object({ code: z.string(), name_zh: z.string(), name_en: text, zone: cell, peers_mean: cell })),
  series: z.array(z.object({
    indicator: text, name_zh: z.string(), name_en: text, unit: text, direction,
    zones: z.array(z.object({ zone_id: num, code: z.string(), values: z.array(z.object({ year: num, value: cell })) })),
  })),
  evaluation: evaluation.nullable().describe('the last year\'s full evaluation; null when it could not be computed'),
});

export const uncertainty = z.object({
  framework: evaluatedFramework,
  year: num,
  runs: num,
  inputs: z.unknown().describe('what varied: normalisations, aggregations, weight noise, winsorisation'),
  excluded,
  units: z.array(unit.extend({ nominal: cell, median: cell, mean: cell, q5: cell, q95: cell })),
});

export const publications = z.object({
  items: z.array(z.object({ zone_id: num, zone_code: z.string(), year: num, published_by: num, username: text, published_at: when })),
});
