/**
 * The method.json accepted by the CLI, validated with zod so a mistake is reported by field
 * name ("normalise.lower: expected number") instead of surfacing as a wrong number later.
 * `weights` is a path to a CSV (relative to method.json) or an object naming the source.
 */
import { z } from 'zod';

const num = z.number().refine(Number.isFinite, 'must be a finite number');

const impute = z.discriminatedUnion('method', [
  z.object({ method: z.literal('group-mean'), group: z.string().min(1) }),
  z.object({ method: z.literal('previous-year') }),
  z.object({ method: z.literal('regression') }),
]);

const thresholds = { skew: num.positive().optional(), kurt: num.optional() };
const treat = z.discriminatedUnion('method', [
  z.object({ method: z.literal('winsorise-then-log'), ...thresholds, winmax: z.number().int().min(0).optional() }),
  z.object({ method: z.literal('winsorise'), ...thresholds, winmax: z.number().int().min(0).optional() }),
  z.object({ method: z.literal('log'), ...thresholds }),
]);

const normalise = z.discriminatedUnion('method', [
  z.object({ method: z.literal('minmax'), lower: num.optional(), upper: num.optional() })
    .refine((m) => (m.lower ?? 0) < (m.upper ?? 100), { message: 'lower must be below upper', path: ['upper'] }),
  z.object({ method: z.literal('zscore'), mean: num.optional(), sd: num.positive().optional() }),
  z.object({ method: z.literal('rank') }),
  z.object({ method: z.literal('prank') }),
  z.object({ method: z.literal('distance-to-reference'), unit: z.string().min(1) }),
  z.object({ method: z.literal('distance-to-target'), cap: z.boolean().optional() }),
  z.object({ method: z.literal('goalposts'), scale: num.positive().optional() }),
]);

export const methodFileSchema = z.object({
  denominate: z.boolean().default(false),
  impute: impute.nullable().default(null),
  screen: z.object({ minAvailability: num.min(0).max(1) }).nullable().default(null),
  treat: treat.nullable().default(null),
  normalise,
  aggregate: z.object({
    method: z.enum(['amean', 'gmean', 'hmean', 'copeland']),
    /** copeland: the level whose nodes are compared (default the pillars, or the indicators when flat). */
    level: z.number().int().min(1).optional(),
    /** copeland: how the nodes up to that level are built. */
    below: z.enum(['amean', 'gmean', 'hmean']).optional(),
  }).strict().refine((a) => a.method === 'copeland' || (a.level === undefined && a.below === undefined), { message: 'level and below apply to copeland only', path: ['level'] }),
  weights: z
    .union([z.string().min(1), z.object({ source: z.enum(['meta', 'equal', 'pca']) })])
    .nullable()
    .default(null),
  /** Panel data (a Time column): per-year stages, min-max pooled over all years or per year. */
  panel: z.object({ normaliseScope: z.enum(['pooled', 'per-year']).default('pooled') }).nullable().default(null),
});

export type MethodFile = z.infer<typeof methodFileSchema>;

/** ua.json for composite-uncertainty: what varies, how many runs, which seed. */
export const uncertaintyFileSchema = z.object({
  runs: z.number().int().positive().default(1000),
  seed: z.number().int().default(1),
  /** When set, also run a Saltelli design with this N (N·(d+2) runs) for sensitivity indices. */
  saltelliN: z.number().int().positive().nullable().default(null),
  winmax: z.array(z.number().int().min(0)).min(1).optional(),
  normalise: z.array(normalise).min(1).optional(),
  aggregate: z.array(z.enum(['amean', 'gmean', 'hmean', 'copeland'])).min(1).optional(),
  weights: z.object({
    levels: z.array(z.number().int().min(1)).min(1),
    noise: num.min(0).max(1),
    nSets: z.number().int().positive().optional(),
  }).optional(),
}).refine((u) => u.winmax || u.normalise || u.aggregate || u.weights, { message: 'at least one of winmax, normalise, aggregate, weights must vary' });

export type UncertaintyFile = z.infer<typeof uncertaintyFileSchema>;

/** One line per problem, each naming the field path. */
export function describeIssues(err: z.ZodError): string[] {
  return err.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
}

export const KNOWN_METHOD_KEYS = Object.keys(methodFileSchema.shape);
