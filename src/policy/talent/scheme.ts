/**
 * Talent evaluation schemes: indicators grouped under innovation value (创新价值), capability (能力) and
 * contribution (贡献) — or any groups an operator defines — each with a weight, each either computed from the
 * registry (a fixed list of computations, talent-indicators.ts) or entered per person with its source. A scheme is
 * turned into a three-level framework of the composite engine: indicators → groups → the talent index.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { CompositeMethod, FrameworkNode } from '../../evaluation/composite';
import { COMPUTED_SOURCES } from './talent-indicators';

export const codeRe = /^[a-z][a-z0-9_]{0,59}$/;
export const schemeCodeRe = /^[a-z][a-z0-9-]{1,59}$/;
/** Text a jsonb column can hold: PostgreSQL refuses the NUL character, so it is refused here, naming the field. */
const plain = (min: number, max: number) => z.string().trim().min(min).max(max).refine((v) => !v.includes('\u0000'), 'text without NUL characters');
const sourceKeys = Object.keys(COMPUTED_SOURCES) as [string, ...string[]];

const indicator = z.object({
  code: z.string().regex(codeRe),
  name_zh: plain(1, 200),
  name_en: plain(1, 200),
  unit: plain(0, 40).nullish(),
  weight: z.number().finite().min(0).max(1000),
  direction: z.union([z.literal(1), z.literal(-1)]).default(1),
  /** A registry computation, or 'manual': entered per person with its source. */
  source: z.union([z.enum(sourceKeys), z.literal('manual')]),
});

export const schemeDefinition = z.object({
  code: z.string().regex(schemeCodeRe),
  name_zh: plain(1, 200),
  name_en: plain(1, 200),
  description: plain(0, 5000).nullish(),
  method: z.object({
    normalise: z.discriminatedUnion('method', [
      z.object({ method: z.literal('minmax'), lower: z.number().default(0), upper: z.number().default(100) }),
      z.object({ method: z.literal('zscore'), mean: z.number().default(0), sd: z.number().positive().default(1) }),
      z.object({ method: z.literal('prank') }),
    ]),
    // The arithmetic mean only: a geometric mean needs every normalised value above 0, which min-max from 0 breaks.
    aggregate: z.literal('amean'),
  }).default({ normalise: { method: 'minmax', lower: 0, upper: 100 }, aggregate: 'amean' }),
  groups: z.array(z.object({
    code: z.string().regex(codeRe),
    name_zh: plain(1, 200),
    name_en: plain(1, 200),
    weight: z.number().finite().min(0).max(1000),
    indicators: z.array(indicator).min(1).max(40),
  })).min(1).max(10),
});
export type SchemeDefinition = z.infer<typeof schemeDefinition>;
export type SchemeIndicator = SchemeDefinition['groups'][number]['indicators'][number];

export const ROOT = 'talent_index';

/** Codes unique across groups and indicators, and every group with some weight: the engine would refuse otherwise. */
export function schemeIssues(def: SchemeDefinition): { field: string; key: 'talent.duplicateCode' | 'talent.weights'; params: Record<string, string> }[] {
  const issues: ReturnType<typeof schemeIssues> = [];
  const seen = new Set<string>([ROOT]);
  def.groups.forEach((g, gi) => {
    if (seen.has(g.code)) issues.push({ field: `groups.${gi}.code`, key: 'talent.duplicateCode', params: { value: g.code } });
    seen.add(g.code);
    g.indicators.forEach((ind, ii) => {
      if (seen.has(ind.code)) issues.push({ field: `groups.${gi}.indicators.${ii}.code`, key: 'talent.duplicateCode', params: { value: ind.code } });
      seen.add(ind.code);
    });
    if (g.indicators.every((i) => i.weight === 0)) issues.push({ field: `groups.${gi}.indicators`, key: 'talent.weights', params: { group: g.code } });
  });
  if (def.groups.every((g) => g.weight === 0)) issues.push({ field: 'groups', key: 'talent.weights', params: { group: ROOT } });
  return issues;
}

export const indicatorsOf = (def: SchemeDefinition) => def.groups.flatMap((g) => g.indicators.map((i) => ({ ...i, group: g.code })));

/** The engine framework for the indicators kept (those with data and spread); groups left empty are dropped. */
export function frameworkOf(def: SchemeDefinition, keep: Set<string>): FrameworkNode[] {
  const nodes: FrameworkNode[] = [{ iCode: ROOT, level: 3, direction: 1, weight: 1, parent: null }];
  for (const g of def.groups) {
    const kept = g.indicators.filter((i) => keep.has(i.code));
    if (!kept.length) continue;
    nodes.push({ iCode: g.code, level: 2, direction: 1, weight: g.weight, parent: ROOT });
    for (const i of kept) nodes.push({ iCode: i.code, level: 1, direction: i.direction, weight: i.weight, parent: g.code });
  }
  return nodes;
}

export function methodOf(def: SchemeDefinition): CompositeMethod {
  return { normalise: def.method.normalise, aggregate: { method: def.method.aggregate }, weights: { source: 'meta' } };
}

const SHIPPED_DIR = fileURLToPath(new URL('./schemes/', import.meta.url));

/** The shipped default scheme (a data file), validated like any operator's scheme. */
export function shippedSchemes(): SchemeDefinition[] {
  return ['default.json'].map((f) => schemeDefinition.parse(JSON.parse(readFileSync(SHIPPED_DIR + f, 'utf8'))));
}
