import { type Rat, compare, parseDecimal } from './exact';
import { displayValue, valueText } from './compile-checks';
import { type MetricContext, type MetricValue, type Text, metrics } from './metrics';
import type { BandSpec, ItemSpec, RuleVersion } from './version-schema';

/** Scored items compiled once: `points` is the hot path; `explain` gives band, value, assumptions and what the next band needs. */

export interface ItemTrace {
  points: number | null;
  band: string | null;
  value: number | boolean | string | null;
  valueText?: string;
  /** The expert's points were not given: the lowest points of the band (or 0) were assumed. */
  assumed: boolean;
  /** Better bands within reach: the next one, and for IP counts every better one (a Class I item jumps to A). */
  next?: { band: string; gain: number; target: Text }[];
  /** Expert points outside the band's range: a contradictory input. */
  issue?: { field: string; low: number; high: number; band: string };
}

export interface CompiledItem {
  spec: ItemSpec;
  /** NaN when an input is missing. */
  points(ctx: MetricContext): number;
  explain(ctx: MetricContext): ItemTrace;
}

interface Band {
  label: string;
  atLeast: Rat | null;
  atMost: Rat | null;
  inclusive: boolean;
  convention: boolean;
  low: number;
  high: number;
}

const CONVENTION_NOTE = 'boundary.convention';

export function inputGetter(path: string): (ctx: MetricContext) => unknown {
  const keys = path.split('.');
  return (ctx) => {
    let node: unknown = ctx.p.source;
    for (const key of keys) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    return node;
  };
}

function compileBands(bands: BandSpec[], touching: RuleVersion['conventions']['touchingBoundary']): Band[] {
  return bands.map((b) => ({
    label: b.label,
    atLeast: b.atLeast !== undefined ? parseDecimal(b.atLeast) : null,
    atMost: b.atMost !== undefined ? parseDecimal(b.atMost) : null,
    // A "convention" band includes its boundary when touching values go to the higher-scoring band.
    inclusive: b.boundary === 'inclusive' || (b.boundary === 'convention' && touching === 'higherBand'),
    convention: b.boundary === 'convention',
    low: typeof b.points === 'number' ? b.points : b.points[0],
    high: typeof b.points === 'number' ? b.points : b.points[1],
  }));
}

function quiet(ctx: MetricContext, def: { compute(ctx: MetricContext): MetricValue }): MetricValue {
  const saved = ctx.missing;
  ctx.missing = null;
  const value = def.compute(ctx);
  ctx.missing = saved;
  return value;
}

function asRat(value: MetricValue): Rat | null {
  if (typeof value === 'boolean') return { n: value ? 1 : 0, d: 1 };
  return value !== null && typeof value === 'object' ? value : null;
}

/** Index of the first (best) band the value falls in; notes when a configurable boundary convention decided it. */
function bandIndex(bands: Band[], value: Rat, ctx: MetricContext, itemId: string): number {
  for (let i = 0; i < bands.length; i++) {
    const band = bands[i]!;
    const bound = band.atLeast ?? band.atMost;
    if (!bound) return i;
    const c = compare(value, bound);
    if (c === 0 && band.convention) {
      ctx.notes.push({ id: `${itemId}.${CONVENTION_NOTE}`, reason: { zh: `数值恰在相接档次的边界上，按配置归入${band.inclusive ? '较高' : '较低'}档`, en: `the value lies exactly on a boundary of touching bands; placed in the ${band.inclusive ? 'higher' : 'lower'} band by configuration` } });
    }
    const inside = band.atLeast ? (band.inclusive ? c >= 0 : c > 0) : band.inclusive ? c <= 0 : c < 0;
    if (inside) return i;
  }
  return -1;
}

const levelPhrases: Record<string, (level: number) => Text> = {
  'hnte.ipQuantityLevel': (level) => (level >= 4 ? { zh: '一项 I 类知识产权', en: 'one Class I IP item' }
    : { zh: `可用 II 类知识产权达到 ${[0, 1, 3, 5][level]} 项`, en: `${[0, 1, 3, 5][level]} usable Class II IP items` }),
  'techsme.ipLevel': (level) => (level >= 5 ? { zh: '一项 I 类知识产权', en: 'one Class I IP item' } : { zh: `${level} 项 II 类知识产权`, en: `${level} Class II IP items` }),
  'ip.leadingLevel': (level) => [
    { zh: '无', en: 'none' }, { zh: '一项 II 类知识产权', en: 'one Class II IP item' }, { zh: '一项 I 类知识产权', en: 'one Class I IP item' },
    { zh: '一项自主研发的 I 类知识产权', en: 'one self-developed Class I IP item' }, { zh: '一项高价值 I 类知识产权', en: 'one high-value Class I IP item' },
  ][Math.min(4, level)]!,
};

function targetText(metricName: string, band: Band): Text {
  const def = metrics[metricName]!;
  const bound = band.atLeast ?? band.atMost;
  const phrase = levelPhrases[metricName];
  if (phrase && band.atLeast && typeof band.atLeast.n === 'number') return phrase(band.atLeast.n);
  if (!bound || def.kind === 'bool') return { zh: def.label.zh, en: def.label.en };
  const sign = band.atLeast ? (band.inclusive ? '≥' : '>') : band.inclusive ? '≤' : '<';
  return { zh: `${def.label.zh} ${sign} ${valueText(def, bound)}`, en: `${def.label.en} ${sign} ${valueText(def, bound)}` };
}

export function compileItem(spec: ItemSpec, version: RuleVersion): CompiledItem {
  const score = spec.score;
  const touching = version.conventions.touchingBoundary;
  const max = spec.max;
  switch (score.kind) {
    case 'bands': {
      const metricDef = metrics[score.metric]!;
      // A statement that only adds points counts as "no" when absent, rather than blocking the verdict.
      const def = metricDef.kind === 'bool' ? { ...metricDef, compute: (ctx: MetricContext) => quiet(ctx, metricDef) ?? false } : metricDef;
      const bands = compileBands(score.bands, touching);
      const expert = score.expertInput ? inputGetter(score.expertInput) : null;
      const pick = (ctx: MetricContext, band: Band) => {
        const given = expert?.(ctx);
        if (typeof given === 'number') return Math.min(band.high, Math.max(band.low, given));
        return band.low;
      };
      return {
        spec,
        points(ctx) {
          const value = asRat(def.compute(ctx));
          if (!value) return NaN;
          const i = bandIndex(bands, value, ctx, spec.id);
          return i < 0 ? 0 : Math.min(max, pick(ctx, bands[i]!));
        },
        explain(ctx) {
          const raw = def.compute(ctx);
          const value = asRat(raw);
          if (!value) return { points: null, band: null, value: null, assumed: false };
          const i = bandIndex(bands, value, ctx, spec.id);
          const band = bands[i];
          const given = expert?.(ctx);
          const trace: ItemTrace = {
            points: band ? Math.min(max, pick(ctx, band)) : 0, band: band?.label ?? null, value: displayValue(def, raw),
            valueText: typeof raw === 'object' && raw ? valueText(def, raw) : undefined,
            assumed: Boolean(band && band.low !== band.high && typeof given !== 'number'),
          };
          if (band && typeof given === 'number' && (given < band.low || given > band.high)) {
            trace.issue = { field: score.expertInput!, low: band.low, high: band.high, band: band.label };
          }
          const reach = levelPhrases[score.metric] ? 0 : i - 1;
          for (let j = i - 1; j >= Math.max(0, reach); j--) {
            const better = bands[j]!;
            if (trace.points !== null && better.low > trace.points) {
              (trace.next ??= []).push({ band: better.label, gain: better.low - trace.points, target: targetText(score.metric, better) });
            }
          }
          return trace;
        },
      };
    }
    case 'bestOf': {
      const options = score.options.map((o) => ({ metric: o.metric, def: metrics[o.metric]!, bands: compileBands(o.bands, touching) }));
      const best = (ctx: MetricContext) => {
        let points = -1;
        let chosen: { metric: string; band: Band | undefined; index: number; value: Rat } | null = null;
        const start = ctx.notes.length;
        let kept: MetricContext['notes'] = [];
        for (const option of options) {
          const before = ctx.notes.length;
          const value = asRat(option.def.compute(ctx));
          if (!value) continue;
          const i = bandIndex(option.bands, value, ctx, spec.id);
          const p = i < 0 ? 0 : option.bands[i]!.low;
          if (p > points) {
            points = p;
            chosen = { metric: option.metric, band: option.bands[i], index: i, value };
            kept = ctx.notes.slice(before);
          }
        }
        // Only the chosen basis's interpretations matter to the points.
        if (ctx.notes.length > start) ctx.notes.splice(start, ctx.notes.length - start, ...kept);
        return { points, chosen };
      };
      return {
        spec,
        points(ctx) {
          const { points } = best(ctx);
          return points < 0 ? NaN : Math.min(max, points);
        },
        explain(ctx) {
          const { points, chosen } = best(ctx);
          if (!chosen) return { points: null, band: null, value: null, assumed: false };
          const def = metrics[chosen.metric]!;
          const trace: ItemTrace = { points: Math.min(max, points), band: chosen.band?.label ?? null, value: displayValue(def, chosen.value), valueText: `${def.label.en}: ${valueText(def, chosen.value)}`, assumed: false };
          const option = options.find((o) => o.metric === chosen.metric)!;
          const better = chosen.index > 0 ? option.bands[chosen.index - 1] : undefined;
          if (better && better.low > points) trace.next = [{ band: better.label, gain: better.low - points, target: targetText(chosen.metric, better) }];
          return trace;
        },
      };
    }
    case 'input': {
      const get = inputGetter(score.input);
      const points = (ctx: MetricContext) => {
        const v = get(ctx);
        return typeof v === 'number' ? Math.min(max, v) : 0;
      };
      return {
        spec,
        points,
        explain: (ctx) => ({ points: points(ctx), band: null, value: (get(ctx) as number | undefined) ?? null, assumed: typeof get(ctx) !== 'number' }),
      };
    }
    case 'choice': {
      const def = metrics[score.metric]!;
      const lookup = (ctx: MetricContext) => {
        const v = def.compute(ctx);
        return v === null ? NaN : Math.min(max, score.choices[String(v)] ?? 0);
      };
      return {
        spec,
        points: lookup,
        explain(ctx) {
          const v = def.compute(ctx);
          const p = lookup(ctx);
          return { points: Number.isNaN(p) ? null : p, band: v === null ? null : String(v), value: displayValue(def, v), assumed: false };
        },
      };
    }
    case 'perFlag': {
      const defs = score.metrics.map((m) => metrics[m]!);
      const points = (ctx: MetricContext) => {
        // Absent statements count as "no" here: each one only adds points.
        let count = 0;
        for (const def of defs) if (quiet(ctx, def) === true) count++;
        return Math.min(max, count * score.each);
      };
      return { spec, points, explain: (ctx) => ({ points: points(ctx), band: null, value: points(ctx) / score.each, assumed: false }) };
    }
    case 'perUnit': {
      const def = metrics[score.metric]!;
      const unit = parseDecimal(score.unit);
      const points = (ctx: MetricContext) => {
        const v = asRat(def.compute(ctx));
        if (!v) return NaN;
        // floor(v / unit) without floats: count whole units.
        let units = 0;
        while (units * score.each < max && compare(v, { n: Number(unit.n) * (units + 1), d: Number(unit.d) }) >= 0) units++;
        return Math.min(max, units * score.each);
      };
      return {
        spec,
        points,
        explain(ctx) {
          const raw = def.compute(ctx);
          const p = points(ctx);
          return { points: Number.isNaN(p) ? null : p, band: null, value: displayValue(def, raw), assumed: false };
        },
      };
    }
  }
}
