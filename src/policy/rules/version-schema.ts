import { z } from 'zod';
import { metricNames } from './metrics';

/**
 * The shape of a programme version file (src/policy/rules/versions/*.json). A version is data: thresholds, bands,
 * dates and sources change by adding a file; only a new kind of derived quantity (a metric) needs code.
 */

const decimal = z.string().regex(/^-?\d+(\.\d+)?$|^-?\d+\/\d+$/, 'a decimal number as a string, e.g. "0.05" or "2/3"');
const text = z.object({ zh: z.string().min(1), en: z.string().min(1) });
export const confidenceSchema = z.enum(['V1', 'V2', 'V3', 'reported']);
export type Confidence = z.infer<typeof confidenceSchema>;
const metric = z.string().refine((name) => metricNames.has(name), { message: 'unknown metric (see src/policy/rules/metrics.ts)' });
const cite = z.string().min(1).describe('source id and place, e.g. "S1 Art. 11(5)"');

const leafSchema = z.object({
  metric,
  op: z.enum(['>=', '>', '<=', '<', '==', 'isTrue']),
  threshold: decimal.optional(),
  /** A threshold chosen by another metric's value: the first band whose upTo (inclusive) holds, else the last. */
  thresholdBy: z.object({
    metric,
    bands: z.array(z.object({ upTo: decimal.optional(), value: decimal, label: z.string().optional() })).min(1),
  }).optional(),
  /** How a failing ratio can be cured, for advice: add to the numerator only, or to both numerator and denominator. */
  gap: z.enum(['numerator', 'numeratorAndDenominator', 'none']).optional(),
}).refine((leaf) => leaf.op === 'isTrue' || leaf.threshold !== undefined || leaf.thresholdBy !== undefined, {
  message: 'a comparison needs threshold or thresholdBy',
});

export type LeafCheck = z.infer<typeof leafSchema>;
export type Check = LeafCheck | { allOf: Check[] } | { anyOf: Check[] } | { switchOn: string; cases: { atLeast?: string; then: Check }[] };

const checkSchema: z.ZodType<Check> = z.lazy(() => z.union([
  leafSchema,
  z.object({ allOf: z.array(checkSchema).min(1) }),
  z.object({ anyOf: z.array(checkSchema).min(1) }),
  z.object({ switchOn: metric, cases: z.array(z.object({ atLeast: decimal.optional(), then: checkSchema })).min(1) }),
]));

const conditionSchema = z.object({
  id: z.string().min(1),
  title: text,
  check: checkSchema,
  source: cite,
  confidence: confidenceSchema,
  note: text.optional(),
});
export type ConditionSpec = z.infer<typeof conditionSchema>;

const bandSchema = z.object({
  label: z.string().min(1),
  /** Lower bound (bands are listed best first); or atMost for "lower is better" indicators. Neither = catch-all. */
  atLeast: decimal.optional(),
  atMost: decimal.optional(),
  /** Boundary placement: "inclusive", "exclusive", or "convention" (the version's touchingBoundary decides). */
  boundary: z.enum(['inclusive', 'exclusive', 'convention']).default('inclusive'),
  /** Fixed points, or [low, high] when an expert picks within the band. */
  points: z.union([z.number().int().min(0), z.tuple([z.number().int().min(0), z.number().int().min(0)])]),
});
export type BandSpec = z.infer<typeof bandSchema>;

const scoringSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bands'), metric, bands: z.array(bandSchema).min(1), expertInput: z.string().optional() }),
  z.object({ kind: z.literal('bestOf'), options: z.array(z.object({ metric, bands: z.array(bandSchema).min(1) })).min(2) }),
  z.object({ kind: z.literal('input'), input: z.string().min(1) }),
  z.object({ kind: z.literal('choice'), metric, choices: z.record(z.string(), z.number().int().min(0)) }),
  z.object({ kind: z.literal('perFlag'), metrics: z.array(metric).min(1), each: z.number().int().min(1) }),
  z.object({ kind: z.literal('perUnit'), metric, unit: decimal, each: z.number().int().min(1) }),
]);

const itemSchema = z.object({
  id: z.string().min(1),
  title: text,
  group: z.string().optional(),
  max: z.number().int().min(1),
  score: scoringSchema,
  source: cite,
  confidence: confidenceSchema,
});
export type ItemSpec = z.infer<typeof itemSchema>;

const groupSchema = z.object({ id: z.string().min(1), title: text, cap: z.number().int().optional(), min: z.number().int().optional() });

const routeSchema = z.object({
  id: z.string().min(1),
  title: text,
  source: cite,
  confidence: confidenceSchema,
  /** Score route: total ≥ minScore (or > when exclusive), group minimums, items that must not score 0. */
  score: z.object({
    min: z.number().int(),
    exclusive: z.boolean().default(false),
    groupMinimums: z.boolean().default(false),
    nonZeroItems: z.array(z.string()).default([]),
  }).optional(),
  /** Condition route: every check holds. */
  checks: z.array(conditionSchema).optional(),
}).refine((route) => Boolean(route.score) !== Boolean(route.checks), { message: 'a route has either score or checks' });
export type RouteSpec = z.infer<typeof routeSchema>;

const sourceSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  number: z.string().optional(),
  address: z.string().optional(),
  readAt: z.string().optional(),
  level: z.string(),
});

export const ruleVersionSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  programme: z.enum(['hnte', 'tech-sme', 'innovative-sme', 'srdi', 'little-giant']),
  title: text,
  effective: z.object({ from: z.iso.date(), to: z.iso.date().nullable() }),
  status: z.enum(['in_force', 'superseded', 'reported']),
  confidence: confidenceSchema,
  note: text.optional(),
  sources: z.array(sourceSchema).min(1),
  conventions: z.object({
    /** A value exactly on a boundary shared by two touching bands goes to the higher-scoring band, or the lower. */
    touchingBoundary: z.enum(['higherBand', 'lowerBand']).default('higherBand'),
    /** Days between dates: "difference" (end − start) or "inclusive" (counting both days). */
    dayCount: z.enum(['difference', 'inclusive']).default('difference'),
  }).default({ touchingBoundary: 'higherBand', dayCount: 'difference' }),
  conditions: z.array(conditionSchema),
  groups: z.array(groupSchema).default([]),
  items: z.array(itemSchema).default([]),
  /** At least one route must hold (besides every condition). Empty: conditions (and score conditions) alone decide. */
  routes: z.array(routeSchema).default([]),
  /** Text of the verdict rule, for people. */
  verdictRule: text,
});

export type RuleVersion = z.infer<typeof ruleVersionSchema>;

export class RuleVersionError extends Error {
  constructor(readonly issues: { field: string; message: string }[]) {
    super(`invalid rule version: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`);
  }
}

/** Validates an uploaded or stored version file; throws RuleVersionError naming each bad field. */
export function parseRuleVersion(json: unknown): RuleVersion {
  const parsed = ruleVersionSchema.safeParse(json);
  if (!parsed.success) {
    throw new RuleVersionError(parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(file)', message: i.message })));
  }
  const version = parsed.data;
  const issues: { field: string; message: string }[] = [];
  const itemIds = new Set(version.items.map((i) => i.id));
  const groupIds = new Set(version.groups.map((g) => g.id));
  version.items.forEach((item, index) => {
    if (item.group && !groupIds.has(item.group)) issues.push({ field: `items.${index}.group`, message: `no group "${item.group}"` });
  });
  version.routes.forEach((route, index) => {
    for (const id of route.score?.nonZeroItems ?? []) if (!itemIds.has(id)) issues.push({ field: `routes.${index}.score.nonZeroItems`, message: `no item "${id}"` });
    if (route.score && version.items.length === 0) issues.push({ field: `routes.${index}.score`, message: 'a score route needs items' });
  });
  if (version.effective.to && version.effective.to < version.effective.from) issues.push({ field: 'effective.to', message: 'ends before it starts' });
  if (issues.length > 0) throw new RuleVersionError(issues);
  return version;
}
