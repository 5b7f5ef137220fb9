import { type CheckTrace, type CompiledCheck, FALSE, TRUE, type Tri, UNKNOWN, compileCheck } from './compile-checks';
import { type CompiledItem, type ItemTrace, compileItem } from './compile-items';
import type { MetricContext, Note, Text } from './metrics';
import type { PreparedCase } from './prepare';
import type { Check, Confidence, ConditionSpec, RouteSpec, RuleVersion } from './version-schema';

/**
 * A version compiled once into closures. `summary` is the batch path (a few microseconds, no text); `explain` gives
 * the full trace for one enterprise. Both read the same compiled rules, so they cannot disagree.
 */

export type Verdict = 'qualifies' | 'qualifies_unverified' | 'fails' | 'incomplete';
export interface Uncertain { id: string; reason: Text }

export interface AssessmentSummary {
  program: string;
  rulesVersion: string;
  qualifies: boolean;
  verdict: Verdict;
  score: number | null;
  /** Ids of uncertain rules the verdict rests on. */
  uncertain: string[];
}

export interface ConditionResult {
  id: string;
  title: Text;
  pass: boolean | null;
  value: number | boolean | string | null;
  threshold: number | null;
  arithmetic: Text;
  source: string;
  confidence: Confidence;
  parts?: CheckTrace[];
}

export interface ItemResult {
  id: string;
  title: Text;
  group: string | null;
  points: number | null;
  max: number;
  band: string | null;
  value: number | boolean | string | null;
  assumed: boolean;
  source: string;
  confidence: Confidence;
}

export interface Advice { kind: 'condition' | 'item' | 'score' | 'route'; id: string; text: Text; gain?: number; amount?: number }

export interface Assessment extends AssessmentSummary {
  date: string;
  versionStatus: RuleVersion['status'];
  versionConfidence: Confidence;
  conditions: ConditionResult[];
  items: ItemResult[];
  groups: { id: string; title: Text; points: number | null; cap: number | null; min: number | null; pass: boolean | null }[];
  routes: { id: string; title: Text; pass: boolean | null; source: string; confidence: Confidence; checks?: ConditionResult[] }[];
  uncertainRules: Uncertain[];
  /** Expert-judged points that were not given and were assumed (lowest of the band, or 0). */
  assumptions: { id: string; points: number }[];
  advice: Advice[];
  /** Inputs that were missing when the verdict or a hard condition could not be decided (assess turns them into field errors). */
  missing: string[];
  /** Contradictory expert inputs (points outside the computed band). */
  issues: { field: string; low: number; high: number; band: string }[];
}

export interface CompiledVersion {
  version: RuleVersion;
  summary(p: PreparedCase): AssessmentSummary;
  /** The verdict alone (batch counts): always summary(p).verdict, but a failing hard condition decides it unscored. */
  verdict(p: PreparedCase): Verdict;
  explain(p: PreparedCase): Assessment;
}

const isUnverified = (c: Confidence) => c === 'V3' || c === 'reported';

interface CompiledCondition { spec: ConditionSpec; check: CompiledCheck }

/** Metrics a check reads (thresholds and switches included). */
function metricsOf(check: Check): string[] {
  if ('metric' in check) return check.thresholdBy ? [check.metric, check.thresholdBy.metric] : [check.metric];
  if ('allOf' in check) return check.allOf.flatMap(metricsOf);
  if ('anyOf' in check) return check.anyOf.flatMap(metricsOf);
  return [check.switchOn, ...check.cases.flatMap((c) => metricsOf(c.then))];
}
interface CompiledRoute { spec: RouteSpec; checks: CompiledCondition[] }

function and(a: Tri, b: Tri): Tri {
  if (a === FALSE || b === FALSE) return FALSE;
  return a === UNKNOWN || b === UNKNOWN ? UNKNOWN : TRUE;
}

export function compileVersion(version: RuleVersion): CompiledVersion {
  const conditions: CompiledCondition[] = version.conditions.map((spec) => ({ spec, check: compileCheck(spec.check) }));
  const items: CompiledItem[] = version.items.map((spec) => compileItem(spec, version));
  const routes: CompiledRoute[] = version.routes.map((spec) => ({ spec, checks: (spec.checks ?? []).map((c) => ({ spec: c, check: compileCheck(c.check) })) }));
  const groups = version.groups.map((g) => ({ spec: g, members: items.map((it, i) => (it.spec.group === g.id ? i : -1)).filter((i) => i >= 0) }));
  const ungrouped = items.map((it, i) => (it.spec.group && groups.some((g) => g.spec.id === it.spec.group) ? -1 : i)).filter((i) => i >= 0);
  const itemIndex = new Map(items.map((it, i) => [it.spec.id, i]));
  const scored = items.length > 0;
  const versionUnverified = isUnverified(version.confidence) || version.status === 'reported';

  /** Group totals (capped) into `groupPoints`, and the overall total; NaN when an item is unknown. */
  function totals(points: readonly number[], groupPoints: number[] = new Array<number>(groups.length)): { total: number; groupPoints: number[] } {
    let total = 0;
    for (let g = 0; g < groups.length; g++) {
      let sum = 0;
      for (const i of groups[g]!.members) sum += points[i]!;
      const cap = groups[g]!.spec.cap;
      groupPoints[g] = cap !== undefined ? Math.min(cap, sum) : sum;
      total += groupPoints[g]!;
    }
    for (const i of ungrouped) total += points[i]!;
    return { total, groupPoints };
  }

  function routeResult(route: CompiledRoute, ctx: MetricContext, points: number[], total: number, groupPoints: number[]): Tri {
    const score = route.spec.score;
    if (score) {
      if (Number.isNaN(total)) return UNKNOWN;
      if (score.exclusive ? total <= score.min : total < score.min) return FALSE;
      if (score.groupMinimums) for (let g = 0; g < groups.length; g++) if (groups[g]!.spec.min !== undefined && groupPoints[g]! < groups[g]!.spec.min!) return FALSE;
      for (const id of score.nonZeroItems) if (points[itemIndex.get(id)!] === 0) return FALSE;
      return TRUE;
    }
    let r: Tri = TRUE;
    for (const c of route.checks) r = and(r, c.check.test(ctx));
    return r;
  }

  // Weak rules are known at compile time; a verdict only picks which of them it rests on (ids, no text on the hot path).
  const weakReason = new Map<string, Text>();
  const weak = (id: string, confidence: Confidence, what: Text = { zh: '规则', en: 'rule' }) => {
    if (!isUnverified(confidence)) return false;
    weakReason.set(id, { zh: `${what.zh}置信度 ${confidence}，须核实`, en: `${what.en} confidence ${confidence}: to be verified` });
    return true;
  };
  if (versionUnverified) weakReason.set(version.id, { zh: `规则版本为${version.status === 'reported' ? '转述（未核实）' : '未核实'}`, en: `the rule version is ${version.status === 'reported' ? 'reported, not verified' : 'unverified'}` });
  const weakConditions = conditions.map((c) => weak(c.spec.id, c.spec.confidence));
  const bands = { zh: '计分档次', en: 'scoring bands of' };
  const weakItems = items.filter((item) => weak(item.spec.id, item.spec.confidence, bands)).map((item) => item.spec.id);
  const weakRoutes = routes.map((route) => [
    ...(weak(route.spec.id, route.spec.confidence) ? [route.spec.id] : []),
    ...route.checks.filter((c) => weak(c.spec.id, c.spec.confidence)).map((c) => c.spec.id),
    ...(route.spec.score ? weakItems : []),
  ]);

  /** Ids of the weak rules a verdict rests on, then the interpretations made on the way (notes). */
  function uncertainFor(verdict: Tri, condResults: Tri[], routeResults: Tri[], notes: Note[]): string[] {
    const out: string[] = versionUnverified ? [version.id] : [];
    for (let i = 0; i < conditions.length; i++) if (weakConditions[i] && (verdict === TRUE || condResults[i] !== TRUE)) out.push(conditions[i]!.spec.id);
    if (verdict === TRUE && routes.length > 0) {
      // Rest on the passing route with the fewest weak rules.
      let best: string[] | null = null;
      for (let i = 0; i < routes.length; i++) if (routeResults[i] === TRUE && (!best || weakRoutes[i]!.length < best.length)) best = weakRoutes[i]!;
      if (best) for (const id of best) out.push(id);
    } else if (routes.length === 0) {
      for (const id of weakItems) out.push(id);
    }
    for (const note of notes) if (!out.includes(note.id)) out.push(note.id);
    return out;
  }

  function reasons(ids: string[], notes: Note[]): Uncertain[] {
    return ids.map((id) => ({ id, reason: weakReason.get(id) ?? notes.find((n) => n.id === id)!.reason }));
  }

  function evaluate(p: PreparedCase, missing: string[] | null) {
    const ctx: MetricContext = { p, dayCount: version.conventions.dayCount, total: 0, missing, notes: [] };
    const points = items.map((it) => it.points(ctx));
    const { total, groupPoints } = totals(points);
    ctx.total = total;
    const condResults = conditions.map((c) => c.check.test(ctx));
    let verdict: Tri = TRUE;
    for (const r of condResults) verdict = and(verdict, r);
    const routeResults = routes.map((r) => routeResult(r, ctx, points, total, groupPoints));
    if (routes.length > 0) {
      let any: Tri = FALSE;
      for (const r of routeResults) if (r === TRUE) any = TRUE; else if (r === UNKNOWN && any === FALSE) any = UNKNOWN;
      verdict = and(verdict, any);
    }
    return { ctx, points, total, groupPoints, condResults, routeResults, verdict };
  }

  function verdictOf(tri: Tri, uncertainCount: number): Verdict {
    if (tri === UNKNOWN) return 'incomplete';
    if (tri === FALSE) return 'fails';
    return uncertainCount > 0 ? 'qualifies_unverified' : 'qualifies';
  }

  function summary(p: PreparedCase): AssessmentSummary {
    const { ctx, total, condResults, routeResults, verdict } = evaluate(p, null);
    const uncertain = uncertainFor(verdict, condResults, routeResults, ctx.notes);
    return {
      program: version.programme, rulesVersion: version.id, qualifies: verdict === TRUE, verdict: verdictOf(verdict, uncertain.length),
      score: scored && !Number.isNaN(total) ? total : null, uncertain,
    };
  }

  // Hard conditions that do not read the score: any of them failing makes the verdict 'fails' (FALSE absorbs in
  // `and`), whatever the items and routes give, so the batch count need not score the items of such a case.
  const readsScore = conditions.map((c) => metricsOf(c.spec.check).includes('score.total'));
  const unscored = conditions.filter((_, i) => !readsScore[i]);
  // Scratch arrays of the verdict path, reused from case to case (it is synchronous and nothing keeps them): a batch
  // of a million cases then allocates no arrays here.
  const scratch = { points: new Array<number>(items.length), groupPoints: new Array<number>(groups.length), conds: new Array<Tri>(conditions.length), routes: new Array<Tri>(routes.length) };
  function verdict(p: PreparedCase): Verdict {
    const ctx: MetricContext = { p, dayCount: version.conventions.dayCount, total: Number.NaN, missing: null, notes: [] };
    const { points, groupPoints, conds, routes: routeRes } = scratch;
    let result: Tri = TRUE;
    // Unscored hard conditions first: one failing decides the verdict without scoring the items.
    for (let i = 0; i < conditions.length; i++) {
      if (readsScore[i]) continue;
      const r = conditions[i]!.check.test(ctx);
      if (r === FALSE) return 'fails';
      conds[i] = r;
      result = and(result, r);
    }
    for (let i = 0; i < items.length; i++) points[i] = items[i]!.points(ctx);
    const { total } = totals(points, groupPoints);
    ctx.total = total;
    for (let i = 0; i < conditions.length; i++) if (readsScore[i]) { conds[i] = conditions[i]!.check.test(ctx); result = and(result, conds[i]!); }
    if (routes.length > 0) {
      let any: Tri = FALSE;
      for (let i = 0; i < routes.length; i++) {
        const r = routeResult(routes[i]!, ctx, points, total, groupPoints);
        routeRes[i] = r;
        if (r === TRUE) any = TRUE; else if (r === UNKNOWN && any === FALSE) any = UNKNOWN;
      }
      result = and(result, any);
    }
    // Which weak rules a verdict rests on only matters when it qualifies (qualifies vs qualifies_unverified).
    return verdictOf(result, result === TRUE ? uncertainFor(result, conds, routeRes, ctx.notes).length : 0);
  }

  function conditionResult(c: CompiledCondition, ctx: MetricContext): ConditionResult {
    const trace = c.check.explain(ctx);
    return {
      id: c.spec.id, title: c.spec.title, pass: trace.pass, value: trace.value, threshold: trace.threshold,
      arithmetic: trace.arithmetic, source: c.spec.source, confidence: c.spec.confidence, ...(trace.parts ? { parts: trace.parts } : {}),
    };
  }

  function explain(p: PreparedCase): Assessment {
    const missing: string[] = [];
    const run = evaluate(p, missing);
    const { ctx } = run;
    const itemTraces: ItemTrace[] = items.map((it) => it.explain(ctx));
    const conditionResults = conditions.map((c) => conditionResult(c, ctx));
    const routeResults = routes.map((route, i) => ({
      id: route.spec.id, title: route.spec.title, pass: run.routeResults[i] === UNKNOWN ? null : run.routeResults[i] === TRUE,
      source: route.spec.source, confidence: route.spec.confidence,
      ...(route.checks.length > 0 ? { checks: route.checks.map((c) => conditionResult(c, ctx)) } : {}),
    }));
    const uncertain = reasons(uncertainFor(run.verdict, run.condResults, run.routeResults, ctx.notes), ctx.notes);
    const advice: Advice[] = [];
    for (const c of conditionResults) {
      if (c.pass !== false) continue;
      const trace = c.parts?.find((part) => part.pass === false) ?? null;
      const gap = findGap(conditions.find((x) => x.spec.id === c.id)!.check.explain(ctx)) ?? (trace ? findGap(trace) : undefined);
      advice.push({
        kind: 'condition', id: c.id, amount: gap?.amount,
        text: { zh: `${c.id} ${c.title.zh}未满足：${c.arithmetic.zh}${gap ? `；${gap.text.zh}` : ''}`, en: `${c.id} ${c.title.en} not met: ${c.arithmetic.en}${gap ? `; ${gap.text.en}` : ''}` },
      });
    }
    const scoreRoute = routes.find((r) => r.spec.score)?.spec.score;
    const needScore = scoreRoute ? scoreRoute.min + (scoreRoute.exclusive ? 1 : 0) : null;
    if (needScore !== null && !Number.isNaN(run.total) && run.total < needScore) {
      advice.push({ kind: 'score', id: 'score', gain: needScore - run.total, text: { zh: `总分 ${run.total}，需达到 ${needScore}：还差 ${needScore - run.total} 分`, en: `score ${run.total}, ${needScore} needed: ${needScore - run.total} more points` } });
    }
    const itemAdvice: Advice[] = [];
    itemTraces.forEach((t, i) => {
      const spec = items[i]!.spec;
      for (const next of t.next ?? []) {
        itemAdvice.push({
          kind: 'item', id: spec.id, gain: next.gain,
          text: { zh: `${spec.title.zh}：${next.target.zh} → ${next.band} 档，+${next.gain} 分`, en: `${spec.title.en}: ${next.target.en} → band ${next.band}: +${next.gain} points` },
        });
      }
    });
    itemAdvice.sort((a, b) => (b.gain ?? 0) - (a.gain ?? 0));
    advice.push(...itemAdvice);
    if (run.verdict === FALSE && routes.length > 0) {
      routeResults.forEach((r) => {
        if (r.pass === false && r.checks) advice.push({ kind: 'route', id: r.id, text: { zh: `其他途径：${r.title.zh}`, en: `alternative route: ${r.title.en}` } });
      });
    }
    const score = scored && !Number.isNaN(run.total) ? run.total : null;
    return {
      program: version.programme, rulesVersion: version.id, versionStatus: version.status, versionConfidence: version.confidence, date: p.date,
      qualifies: run.verdict === TRUE, verdict: verdictOf(run.verdict, uncertain.length), score, uncertain: uncertain.map((u) => u.id), uncertainRules: uncertain,
      conditions: conditionResults,
      items: itemTraces.map((t, i) => ({
        id: items[i]!.spec.id, title: items[i]!.spec.title, group: items[i]!.spec.group ?? null, points: t.points, max: items[i]!.spec.max,
        band: t.band, value: t.value, assumed: t.assumed, source: items[i]!.spec.source, confidence: items[i]!.spec.confidence,
      })),
      groups: groups.map((g, i) => ({
        id: g.spec.id, title: g.spec.title, points: Number.isNaN(run.groupPoints[i]!) ? null : run.groupPoints[i]!, cap: g.spec.cap ?? null, min: g.spec.min ?? null,
        pass: g.spec.min === undefined ? null : Number.isNaN(run.groupPoints[i]!) ? null : run.groupPoints[i]! >= g.spec.min,
      })),
      routes: routeResults,
      assumptions: itemTraces.flatMap((t, i) => (t.assumed && t.points !== null ? [{ id: items[i]!.spec.id, points: t.points }] : [])),
      advice,
      // A hard condition that cannot be decided is an input error even when another condition already fails.
      missing: run.verdict === UNKNOWN || run.condResults.includes(UNKNOWN) ? [...new Set(missing)] : [],
      issues: itemTraces.flatMap((t) => (t.issue ? [t.issue] : [])),
    };
  }

  return { version, summary, verdict, explain };
}

function findGap(trace: CheckTrace): CheckTrace['gap'] {
  if (trace.gap) return trace.gap;
  for (const part of trace.parts ?? []) {
    const gap = findGap(part);
    if (gap) return gap;
  }
  return undefined;
}
