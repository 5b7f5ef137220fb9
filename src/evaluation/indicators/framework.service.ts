/**
 * Frameworks: a tree index → dimensions → (sub-dimensions) → indicators with weights and the engine's method.
 * Validation uses the engine's own framework checks (CompositeError: cycle, unknown parent, level mismatch, empty
 * aggregate, duplicate code, no root) plus the rules the engine cannot know: every indicator node names a known
 * indicator, weights are finite and ≥ 0, and the framework's weight rules (e.g. Torch dimensions sum to 100).
 */
import { z } from 'zod';
import type { Db, Queryable } from '../../shared/db';
import type { Actor } from '../../shared/access/actor';
import { zoneSubtree } from '../../shared/access/actor';
import { AppError, forbidden, invalid, notFound } from '../../shared/http/errors';
import { fieldIssueFromZod, type IssueLike } from '../../shared/http/zod-issues';
import { buildFramework, CompositeError, type FrameworkNode } from '../composite';
import { methodFileSchema } from '../composite/methodSchema';
import type { FrameworkDef, FrameworkMethod, FrameworkNodeDef, FrameworkOptions } from '../frameworks/types';
import * as repo from './evaluation.repository';
import { issue, requireActor } from './indicator.service';
import { appendAudit } from '../../shared/audit/audit-log';

export { compositeProblem } from './composite-problem';
import { compositeProblem } from './composite-problem';

export const methodSchema = methodFileSchema.omit({ weights: true, panel: true, denominate: true }).extend({
  weights: z.union([
    z.object({ source: z.enum(['meta', 'equal', 'pca']) }),
    z.object({ source: z.literal('override'), weights: z.record(z.string(), z.number()) }),
  ]).nullable().default({ source: 'meta' }),
  normaliseScope: z.enum(['pooled', 'per-year']).optional(),
});

export const optionsSchema = z.object({
  weightRules: z.array(z.object({ level: z.number().int().min(1), sum: z.number().positive(), tolerance: z.number().min(0).optional() })).optional(),
  missingIndicators: z.enum(['error', 'drop']).optional(),
  panelYears: z.number().int().min(1).max(30).nullable().optional(),
  reference: z.object({ zone: z.string().nullable(), year: z.number().int().nullable() }).nullable().optional(),
  groups: z.array(z.object({ min: z.number().nullable(), code: z.string(), name_zh: z.string(), name_en: z.string() })).nullable().optional(),
  countWeights: z.boolean().optional(),
}).strict();

export const nodeSchema = z.object({
  code: z.string().min(1).max(80),
  parent: z.string().min(1).max(80).nullable(),
  level: z.number().int().min(1).max(10),
  name_zh: z.string().min(1).max(300),
  name_en: z.string().max(300).nullish(),
  weight: z.number(),
  indicator: z.string().nullish(),
  description: z.string().max(5000).nullish(),
}).strict();

/** Throws a 400 naming the offending node when the framework is not usable. */
export function validateFrameworkDef(nodes: FrameworkNodeDef[], method: FrameworkMethod, options: FrameworkOptions, indicatorIds: Map<string, number>, directions?: Map<string, 1 | -1>): FrameworkNode[] {
  const m = methodSchema.safeParse(method);
  if (!m.success) throw invalid(m.error.issues.flatMap((x) => fieldIssueFromZod({ ...x, path: ['method', ...x.path] } as unknown as IssueLike)));
  const issues = [];
  for (const n of nodes) {
    if (n.level === 1) {
      if (!n.indicator) issues.push(issue(`nodes.${n.code}.indicator`, 'the code of an indicator for a level-1 node'));
      else if (!indicatorIds.has(n.indicator)) issues.push({ field: `nodes.${n.code}.indicator`, key: 'field.unknownRef' as const, params: { entity: 'indicator', value: n.indicator } });
      else if (n.indicator !== n.code) issues.push(issue(`nodes.${n.code}.code`, `the indicator code "${n.indicator}"`));
    } else if (n.indicator) issues.push(issue(`nodes.${n.code}.indicator`, `empty for an aggregate (level ${n.level})`));
    if (!Number.isFinite(n.weight)) issues.push(issue(`nodes.${n.code}.weight`, 'a finite number'));
  }
  if (issues.length) throw invalid(issues);
  const engineNodes = toEngineNodes(nodes, directions);
  try {
    buildFramework(engineNodes);
    for (const n of nodes) if (n.weight < 0) throw new CompositeError('NEGATIVE_WEIGHT', n.code, `weight ${n.weight} is negative`);
    const parents = new Set(nodes.map((n) => n.parent).filter((p): p is string => p !== null));
    for (const p of parents) {
      const kids = nodes.filter((n) => n.parent === p);
      if (kids.reduce((s, k) => s + k.weight, 0) === 0) throw new CompositeError('ZERO_WEIGHT_SUM', p, 'the weights of its children sum to 0');
    }
    for (const rule of options.weightRules ?? []) {
      const groups = new Map<string, number>();
      for (const n of nodes) if (n.level === rule.level && n.parent) groups.set(n.parent, (groups.get(n.parent) ?? 0) + n.weight);
      for (const [parent, sum] of groups) {
        if (Math.abs(sum - rule.sum) > (rule.tolerance ?? 1e-9)) {
          throw new CompositeError('INVALID_WEIGHT', parent, `the weights of its level-${rule.level} children sum to ${sum}; this framework requires ${rule.sum}`);
        }
      }
    }
  } catch (err) {
    if (err instanceof CompositeError) throw compositeProblem(err);
    throw err;
  }
  return engineNodes;
}

export function toEngineNodes(nodes: FrameworkNodeDef[], directions?: Map<string, 1 | -1>): FrameworkNode[] {
  return nodes.map((n) => ({ iCode: n.code, level: n.level, parent: n.parent, weight: n.weight, direction: (n.indicator && directions?.get(n.indicator)) || 1 }));
}

export function nodeRowsToDefs(rows: repo.NodeRow[]): FrameworkNodeDef[] {
  return rows.map((r) => ({ code: r.code, parent: r.parent_code, level: r.level, name_zh: r.name_zh, name_en: r.name_en, weight: r.weight, indicator: r.indicator_code, description: r.description }));
}

async function indicatorMaps(db: Db) {
  const inds = await repo.listIndicators(db);
  return { ids: new Map(inds.map((i) => [i.code, i.id])), directions: new Map(inds.map((i) => [i.code, i.direction])), inds };
}

export async function frameworkOrThrow(db: Db, id: number) {
  const fw = await repo.getFramework(db, id);
  if (!fw) throw notFound('framework', id);
  return fw;
}

export async function frameworkDetail(db: Db, id: number) {
  const fw = await frameworkOrThrow(db, id);
  const nodes = await repo.frameworkNodes(db, id);
  return { ...fw, nodes };
}

async function mayEdit(db: Db, actor: Actor, fw: repo.FrameworkRow): Promise<void> {
  if (fw.shipped) throw forbidden('scope.role', { entity: 'a shipped framework (copy it first)' });
  if (actor.role === 'admin') return;
  if (actor.role === 'zone_operator' && actor.zoneId !== null && fw.owner_zone_id !== null && (await zoneSubtree(db, actor.zoneId)).includes(fw.owner_zone_id)) return;
  throw forbidden(actor.role === 'zone_operator' ? 'scope.zone' : 'scope.role', { entity: 'frameworks' });
}

/** What the audit log keeps of a framework: its definition (nodes as defined, weights included) and its owner. */
async function frameworkImage(q: Queryable, id: number) {
  const fw = (await repo.getFramework(q, id))!;
  return {
    id: fw.id, code: fw.code, name_zh: fw.name_zh, name_en: fw.name_en, description: fw.description, method: fw.method, options: fw.options,
    copied_from: fw.copied_from, owner_zone_id: fw.owner_zone_id, version: fw.version, nodes: nodeRowsToDefs(await repo.frameworkNodes(q, id)),
  };
}

export async function copyFramework(db: Db, actor: Actor | null, id: number, body: { code?: string; name_zh?: string; name_en?: string | null }) {
  const a = requireActor(actor);
  if (a.role !== 'admin' && a.role !== 'zone_operator') throw forbidden('scope.role', { entity: 'frameworks' });
  const src = await frameworkOrThrow(db, id);
  const nodes = nodeRowsToDefs(await repo.frameworkNodes(db, id));
  const code = body.code ?? `${src.code}-copy-${Date.now().toString(36)}`;
  if (await repo.getFramework(db, code)) throw new AppError('DUPLICATE', 'problem.duplicate', { field: 'code' }, [{ field: 'code', key: 'problem.duplicate', params: { field: 'code' } }]);
  const { ids } = await indicatorMaps(db);
  return db.transaction(async (tx) => {
    const fw = await repo.insertFramework(tx, {
      code, name_zh: body.name_zh ?? `${src.name_zh}（副本）`, name_en: body.name_en ?? (src.name_en ? `${src.name_en} (copy)` : null),
      description: src.description, method: src.method, options: src.options, shipped: false, copiedFrom: src.id, ownerZoneId: a.role === 'zone_operator' ? a.zoneId : null,
    });
    await repo.replaceNodes(tx, fw.id, nodes, ids);
    await appendAudit(tx, a, { entity: 'frameworks', entityId: fw.id, zoneId: fw.owner_zone_id, action: 'copy', after: await frameworkImage(tx, fw.id) });
    return { ...fw, nodes: await repo.frameworkNodes(tx, fw.id) };
  });
}

export const frameworkUpdateSchema = z.object({
  name_zh: z.string().min(1).max(300).optional(),
  name_en: z.string().max(300).nullish(),
  description: z.string().max(20000).nullish(),
  method: z.record(z.string(), z.unknown()).optional(),
  options: optionsSchema.optional(),
  nodes: z.array(nodeSchema).min(1).max(2000).optional(),
  // The version the editor loaded: a different current version is a concurrent edit (409), not a silent overwrite.
  version: z.number().int().min(1).max(2147483647).optional(),
}).strict();

export async function updateFramework(db: Db, actor: Actor | null, id: number, body: z.infer<typeof frameworkUpdateSchema>) {
  const a = requireActor(actor);
  const fw = await frameworkOrThrow(db, id);
  await mayEdit(db, a, fw);
  if (body.version !== undefined && body.version !== fw.version) throw new AppError('CONFLICT', 'problem.conflict', { current: fw.version, sent: body.version });
  const nodes = body.nodes ?? nodeRowsToDefs(await repo.frameworkNodes(db, id));
  const method = (body.method ?? fw.method) as FrameworkMethod;
  const options = body.options ?? fw.options;
  const { ids, directions } = await indicatorMaps(db);
  validateFrameworkDef(nodes, method, options, ids, directions);
  const parsedMethod = methodSchema.parse(method) as FrameworkMethod;
  return db.transaction(async (tx) => {
    const before = await frameworkImage(tx, id);
    // Re-checked inside the transaction: the row lock taken by the update below orders two concurrent saves.
    if (body.version !== undefined) {
      const [cur] = await tx.query<{ version: number }>('select version from frameworks where id = $1 for update', [id]);
      if (cur && Number(cur.version) !== body.version) throw new AppError('CONFLICT', 'problem.conflict', { current: Number(cur.version), sent: body.version });
    }
    await repo.updateFrameworkRow(tx, id, { name_zh: body.name_zh ?? fw.name_zh, name_en: body.name_en === undefined ? fw.name_en : body.name_en ?? null,
      description: body.description === undefined ? fw.description : body.description ?? null, method: parsedMethod, options });
    if (body.nodes) await repo.replaceNodes(tx, id, nodes, ids);
    await appendAudit(tx, a, { entity: 'frameworks', entityId: id, zoneId: fw.owner_zone_id, action: 'update', before, after: await frameworkImage(tx, id) });
    return { ...(await repo.getFramework(tx, id))!, nodes: await repo.frameworkNodes(tx, id) };
  });
}

/** For tests and tools: validates a framework given as data (the shipped ones, or one posted by a user). */
export async function validateAgainstLibrary(db: Db, def: Pick<FrameworkDef, 'nodes' | 'method' | 'options'>): Promise<FrameworkNode[]> {
  const { ids, directions } = await indicatorMaps(db);
  return validateFrameworkDef(def.nodes, def.method, def.options, ids, directions);
}
