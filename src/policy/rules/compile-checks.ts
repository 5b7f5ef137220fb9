import { type Rat, amountText, compare, div, mul, parseDecimal, percent, sub, toFixed, toNumber } from './exact';
import { type MetricContext, type MetricDef, type MetricValue, type Text, metrics } from './metrics';
import type { Check, LeafCheck } from './version-schema';

/**
 * Conditions compiled once into closures. `test` is the hot path (no text, no allocation beyond the metric's value);
 * `explain` builds the trace a person reads: value, threshold, arithmetic and how far it is from passing.
 * Results are three-valued: a missing input makes a check unknown rather than false.
 */

export const FALSE = 0;
export const TRUE = 1;
export const UNKNOWN = 2;
export type Tri = 0 | 1 | 2;

export interface CheckTrace {
  metric: string;
  pass: boolean | null;
  value: number | boolean | string | null;
  threshold: number | null;
  op: string;
  arithmetic: Text;
  /** For a failing comparison: the exact change that would pass it. */
  gap?: { amount: number; text: Text };
  parts?: CheckTrace[];
}

export interface CompiledCheck {
  test(ctx: MetricContext): Tri;
  explain(ctx: MetricContext): CheckTrace;
}

const opText: Record<string, { pass: string; fail: string }> = {
  '>=': { pass: '≥', fail: '<' }, '>': { pass: '>', fail: '≤' }, '<=': { pass: '≤', fail: '>' }, '<': { pass: '<', fail: '≥' }, '==': { pass: '=', fail: '≠' },
};

export function displayValue(def: MetricDef, value: MetricValue): number | boolean | string | null {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  return toNumber(value, def.kind === 'ratio' ? 6 : 4);
}

export function valueText(def: MetricDef, value: Rat): string {
  if (def.kind === 'ratio') return percent(value);
  if (def.kind === 'amount') return amountText(value);
  return amountText(value, 2);
}

function holds(op: LeafCheck['op'], c: number): boolean {
  switch (op) {
    case '>=': return c >= 0;
    case '>': return c > 0;
    case '<=': return c <= 0;
    case '<': return c < 0;
    default: return c === 0;
  }
}

function compileLeaf(leaf: LeafCheck): CompiledCheck {
  const def = metrics[leaf.metric]!;
  const fixed = leaf.threshold !== undefined ? parseDecimal(leaf.threshold) : null;
  const byDef = leaf.thresholdBy ? metrics[leaf.thresholdBy.metric]! : null;
  const byBands = leaf.thresholdBy?.bands.map((b) => ({ upTo: b.upTo !== undefined ? parseDecimal(b.upTo) : null, value: parseDecimal(b.value), label: b.label })) ?? [];
  const op = leaf.op;

  function threshold(ctx: MetricContext): { value: Rat; by?: { value: Rat; label?: string } } | null {
    if (fixed) return { value: fixed };
    const key = byDef!.compute(ctx);
    if (key === null || typeof key !== 'object') return null;
    for (const band of byBands) if (!band.upTo || compare(key, band.upTo) <= 0) return { value: band.value, by: { value: key, label: band.label } };
    return null;
  }

  function test(ctx: MetricContext): Tri {
    const value = def.compute(ctx);
    if (value === null) return UNKNOWN;
    if (op === 'isTrue') return value === true ? TRUE : FALSE;
    if (typeof value !== 'object') return FALSE;
    const t = fixed ?? threshold(ctx)?.value;
    if (!t) return UNKNOWN;
    return holds(op, compare(value, t)) ? TRUE : FALSE;
  }

  function explain(ctx: MetricContext): CheckTrace {
    ctx.numerator = undefined;
    ctx.denominator = undefined;
    const value = def.compute(ctx);
    const parts = ctx.numerator && ctx.denominator ? { num: ctx.numerator, den: ctx.denominator } : null;
    const base = { metric: leaf.metric, op, value: displayValue(def, value) };
    if (value === null) {
      return { ...base, pass: null, threshold: null, arithmetic: { zh: `${def.label.zh}：缺少输入`, en: `${def.label.en}: input missing` } };
    }
    if (op === 'isTrue' || typeof value !== 'object') {
      const pass = value === true;
      return { ...base, pass, threshold: null, arithmetic: { zh: `${def.label.zh}：${pass ? '是' : '否'}`, en: `${def.label.en}: ${pass ? 'yes' : 'no'}` } };
    }
    const t = threshold(ctx);
    if (!t) return { ...base, pass: null, threshold: null, arithmetic: { zh: `${def.label.zh}：门槛所需输入缺失`, en: `${def.label.en}: input for the threshold missing` } };
    const pass = holds(op, compare(value, t.value));
    const shown = parts ? `${amountText(parts.num)} / ${amountText(parts.den)} = ${valueText(def, value)}` : valueText(def, value);
    const sign = pass ? opText[op]!.pass : opText[op]!.fail;
    const thresholdText = valueText(def, t.value);
    const byText = t.by && byDef ? { zh: `（门槛按${byDef.label.zh} ${valueText(byDef, t.by.value)} 确定）`, en: ` (threshold set by ${byDef.label.en} ${valueText(byDef, t.by.value)})` } : { zh: '', en: '' };
    const trace: CheckTrace = {
      ...base, pass, threshold: toNumber(t.value, def.kind === 'ratio' ? 6 : 4),
      arithmetic: { zh: `${def.label.zh}：${shown} ${sign} ${thresholdText}${byText.zh}`, en: `${def.label.en}: ${shown} ${sign} ${thresholdText}${byText.en}` },
    };
    if (!pass) trace.gap = gapFor(leaf, def, value, t.value, parts);
    return trace;
  }
  return { test, explain };
}

/** The exact change that would pass a failing comparison, rounded up for display so that following it does pass. */
function gapFor(leaf: LeafCheck, def: MetricDef, value: Rat, target: Rat, parts: { num: Rat; den: Rat } | null): CheckTrace['gap'] {
  const mode = leaf.gap ?? (def.kind === 'ratio' ? 'numerator' : 'none');
  const strict = leaf.op === '>' ? { zh: '以上', en: ' more than that' } : { zh: '', en: '' };
  if (leaf.op === '>=' || leaf.op === '>') {
    if (def.kind === 'ratio' && parts && mode !== 'none') {
      // numerator: (num + x) / den ≥ t → x = t·den − num. Both: (num + x)/(den + x) ≥ t → x = (t·den − num)/(1 − t).
      const needed = sub(mul(target, parts.den), parts.num);
      const x = mode === 'numerator' ? needed : div(needed, sub({ n: 1, d: 1 }, target));
      const shown = toFixed(x, 2, 'up');
      return { amount: Number(shown), text: { zh: `再增加 ${shown}${strict.zh}（分子${mode === 'numerator' ? '' : '与分母同时'}增加）可达到门槛`, en: `${shown}${strict.en} more (added to the numerator${mode === 'numerator' ? '' : ' and the denominator'}) would pass` } };
    }
    if (def.kind === 'count' && leaf.op === '>' && value.d === 1 && target.d === 1) {
      // Whole numbers (a score): "more than 70" needs 71.
      const x = sub(target, value);
      const shown = String(Number(x.n) + 1);
      return { amount: Number(shown), text: { zh: `还差 ${shown}`, en: `${shown} more needed` } };
    }
    if (def.kind === 'amount' || def.kind === 'count') {
      const x = sub(target, value);
      const shown = toFixed(x, 2, 'up');
      return { amount: Number(shown), text: { zh: `还差 ${shown}${strict.zh}`, en: `${shown}${strict.en} short of the threshold` } };
    }
  }
  if ((leaf.op === '<=' || leaf.op === '<') && def.kind !== 'ratio') {
    const x = sub(value, target);
    const shown = toFixed(x, 2, 'up');
    return { amount: Number(shown), text: { zh: `需减少 ${shown}`, en: `${shown} too many` } };
  }
  return undefined;
}

export function compileCheck(check: Check): CompiledCheck {
  if ('metric' in check) return compileLeaf(check);
  if ('allOf' in check || 'anyOf' in check) {
    const all = 'allOf' in check;
    const parts = (all ? (check as { allOf: Check[] }).allOf : (check as { anyOf: Check[] }).anyOf).map(compileCheck);
    return {
      test(ctx) {
        let unknown = false;
        for (const part of parts) {
          const r = part.test(ctx);
          if (r === UNKNOWN) unknown = true;
          else if ((r === TRUE) !== all) return all ? FALSE : TRUE;
        }
        return unknown ? UNKNOWN : all ? TRUE : FALSE;
      },
      explain(ctx) {
        const traces = parts.map((p) => p.explain(ctx));
        const r = this.test(ctx);
        const lead = traces.find((t) => t.pass === (r === TRUE ? all : false)) ?? traces.find((t) => t.pass === null) ?? traces[0]!;
        const joiner = all ? { zh: '；且 ', en: '; and ' } : { zh: '；或 ', en: '; or ' };
        return {
          metric: lead.metric, op: all ? 'allOf' : 'anyOf', pass: r === UNKNOWN ? null : r === TRUE,
          value: lead.value, threshold: lead.threshold, gap: r === FALSE ? lead.gap : undefined,
          arithmetic: { zh: traces.map((t) => t.arithmetic.zh).join(joiner.zh), en: traces.map((t) => t.arithmetic.en).join(joiner.en) },
          parts: traces,
        };
      },
    };
  }
  const def = metrics[check.switchOn]!;
  const cases = check.cases.map((c) => ({ atLeast: c.atLeast !== undefined ? parseDecimal(c.atLeast) : null, check: compileCheck(c.then) }));
  const pick = (ctx: MetricContext) => {
    const key = def.compute(ctx);
    if (key === null || typeof key !== 'object') return null;
    return cases.find((c) => !c.atLeast || compare(key, c.atLeast) >= 0) ?? null;
  };
  return {
    test(ctx) {
      return pick(ctx)?.check.test(ctx) ?? UNKNOWN;
    },
    explain(ctx) {
      const chosen = pick(ctx);
      const key = def.compute(ctx);
      if (!chosen || key === null || typeof key !== 'object') {
        return { metric: check.switchOn, op: 'switch', pass: null, value: null, threshold: null, arithmetic: { zh: `${def.label.zh}：缺少输入`, en: `${def.label.en}: input missing` } };
      }
      const inner = chosen.check.explain(ctx);
      const lead = { zh: `${def.label.zh} ${valueText(def, key)} → `, en: `${def.label.en} ${valueText(def, key)} → ` };
      return { ...inner, arithmetic: { zh: lead.zh + inner.arithmetic.zh, en: lead.en + inner.arithmetic.en } };
    },
  };
}
