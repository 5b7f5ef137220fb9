/**
 * A composite build compiled for repeated evaluation (Monte Carlo, Saltelli, replay). The
 * stages that no sensitivity choice touches (denominate, impute, screen) run once; treatment
 * runs once per distinct winmax and is cached together with each indicator's direction-flipped
 * min, max, mean and sd. A run is then normalise + aggregate into a preallocated Float64Array
 * (unit-major blocks per column), so one run costs O(units × columns) with no allocation for
 * the arithmetic and min-max / z-score methods.
 */
import type { Column } from './columns';
import { type AggregationPlan, compilePlan } from './aggregate';
import { copelandScores } from './copeland';
import { CompositeError } from './errors';
import { type Framework, buildFramework } from './framework';
import { flip, normaliseColumn } from './normalise';
import { prepareStages } from './pipeline';
import { treat } from './treat';
import type { AggregateMethodName, CompositeData, CompositeMethod, FrameworkNode, NormaliseMethod, TreatMethod } from './types';
import { resolveWeights } from './weights';

/** What a run may change on top of the base method. */
export interface RunSettings {
  winmax?: number;
  normalise?: NormaliseMethod;
  aggregate?: AggregateMethodName;
  /** Index into ModelSpec.weightSets; each set overrides base weights by iCode. */
  weightSet?: number;
}

/** Everything a worker needs to rebuild the model: plain, structured-cloneable data. */
export interface ModelSpec {
  framework: FrameworkNode[];
  data: CompositeData;
  base: CompositeMethod;
  weightSets?: Record<string, number>[];
}

interface Variant {
  /** Direction-flipped treated indicators, column-major (n per column). */
  cols: Column[];
  min: Float64Array;
  max: Float64Array;
  mean: Float64Array;
  sd: Float64Array;
}

export class FastModel {
  readonly fw: Framework;
  readonly units: string[];
  readonly n: number;
  readonly plan: AggregationPlan;
  /** Index of the top-level aggregate in plan.codes. */
  readonly rootColumn: number;
  private readonly screened: Column[];
  private readonly baseTreat: TreatMethod | null;
  private readonly variants = new Map<number, Variant>();
  private readonly baseWeightVectors: Float64Array[];
  /** Weight vectors per weight set, compiled on first use so a bad set fails only its runs. */
  private readonly setWeightVectors: (Float64Array[] | undefined)[];
  private readonly baseWeights: Record<string, number>;
  /** Preallocated workspace: one block of n values per plan column. */
  private readonly buf: Float64Array;
  private readonly views: Float64Array[];
  private readonly spec: ModelSpec;

  constructor(spec: ModelSpec) {
    this.spec = spec;
    this.fw = buildFramework(spec.framework);
    const st = prepareStages(this.fw, spec.data, spec.base);
    this.units = st.screened.units;
    this.n = this.units.length;
    this.screened = st.screened.cols;
    this.baseTreat = spec.base.treat ?? null;
    const weights = resolveWeights(this.fw, spec.base.weights ?? null, spec.base.weights?.source === 'pca' ? this.normalisedForPca() : undefined);
    this.plan = compilePlan(this.fw, this.fw.indicators, weights);
    this.rootColumn = this.plan.codes.length - 1;
    this.baseWeightVectors = this.plan.steps.map((s) => s.weights);
    this.baseWeights = weights;
    this.setWeightVectors = (spec.weightSets ?? []).map(() => undefined);
    this.buf = new Float64Array(this.plan.codes.length * this.n);
    this.views = this.plan.codes.map((_, j) => this.buf.subarray(j * this.n, (j + 1) * this.n));
  }

  private normalisedForPca(): { units: string[]; codes: string[]; cols: Column[] } {
    // PCA weights are fixed by the base build, so they are computed once from it.
    const fw = buildFramework(this.spec.framework);
    const st = prepareStages(fw, this.spec.data, this.spec.base);
    const t = this.spec.base.treat ? treat(st.screened, this.spec.base.treat).table : st.screened;
    const cols = t.codes.map((c, j) => normaliseColumn(c, flip(t.cols[j], fw.byCode.get(c)?.direction ?? 1), this.spec.base.normalise));
    return { units: t.units, codes: t.codes, cols };
  }

  private variant(winmax: number | undefined): Variant {
    const key = winmax ?? -1;
    const hit = this.variants.get(key);
    if (hit) return hit;
    let cols = this.screened;
    const tm: TreatMethod | null = winmax === undefined
      ? this.baseTreat
      : this.baseTreat && this.baseTreat.method !== 'log'
        ? { ...this.baseTreat, winmax }
        : { method: 'winsorise-then-log', winmax };
    if (tm) cols = treat({ units: this.units, codes: this.fw.indicators, cols }, tm).table.cols;
    const k = cols.length;
    const v: Variant = { cols: [], min: new Float64Array(k), max: new Float64Array(k), mean: new Float64Array(k), sd: new Float64Array(k) };
    cols.forEach((c, j) => {
      const f = flip(c, this.fw.byCode.get(this.fw.indicators[j])?.direction ?? 1);
      v.cols.push(f);
      let mn = Infinity;
      let mx = -Infinity;
      let s = 0;
      let cnt = 0;
      for (let i = 0; i < f.length; i++) {
        if (Number.isNaN(f[i])) continue;
        mn = Math.min(mn, f[i]);
        mx = Math.max(mx, f[i]);
        s += f[i];
        cnt++;
      }
      const mu = s / cnt;
      let ss = 0;
      for (let i = 0; i < f.length; i++) if (!Number.isNaN(f[i])) ss += (f[i] - mu) * (f[i] - mu);
      v.min[j] = mn;
      v.max[j] = mx;
      v.mean[j] = mu;
      v.sd[j] = Math.sqrt(ss / (cnt - 1));
    });
    this.variants.set(key, v);
    return v;
  }

  /** Evaluate one run; returns the workspace view of every column (valid until the next call). */
  evaluate(run: RunSettings): Float64Array[] {
    const v = this.variant(run.winmax);
    const nm = run.normalise ?? this.spec.base.normalise;
    const n = this.n;
    const codes = this.fw.indicators;
    for (let j = 0; j < codes.length; j++) {
      const x = v.cols[j];
      const out = this.views[j];
      if (nm.method === 'minmax') {
        const l = nm.lower ?? 0;
        const u = nm.upper ?? 100;
        const mn = v.min[j];
        const rng = v.max[j] - mn;
        if (rng === 0) throw new CompositeError('CONSTANT_INDICATOR', codes[j], 'max equals min, min-max is undefined');
        for (let i = 0; i < n; i++) out[i] = ((x[i] - mn) / rng) * (u - l) + l;
      } else if (nm.method === 'zscore') {
        const m = nm.mean ?? 0;
        const s = nm.sd ?? 1;
        const mu = v.mean[j];
        const sd = v.sd[j];
        if (!(sd > 0)) throw new CompositeError('CONSTANT_INDICATOR', codes[j], 'standard deviation is 0, z-score is undefined');
        for (let i = 0; i < n; i++) out[i] = ((x[i] - mu) / sd) * s + m;
      } else {
        const node = this.fw.byCode.get(codes[j]);
        out.set(normaliseColumn(codes[j], x, nm, node?.direction ?? 1, node?.target ?? null));
      }
    }
    const ag = run.aggregate ?? this.spec.base.aggregate.method;
    const wv = run.weightSet === undefined ? this.baseWeightVectors : this.weightSetVectors(run.weightSet);
    this.plan.steps.forEach((step, s) => this.aggregateStep(step.children, wv[s], this.views[this.plan.nIndicators + s], ag, step.code));
    return this.views;
  }

  private weightSetVectors(k: number): Float64Array[] {
    const set = this.spec.weightSets?.[k];
    if (!set) throw new CompositeError('INVALID_WEIGHT', `weight set ${k}`, 'unknown weight set');
    let wv = this.setWeightVectors[k];
    if (!wv) {
      wv = compilePlan(this.fw, this.fw.indicators, { ...this.baseWeights, ...set }).steps.map((s) => s.weights);
      this.setWeightVectors[k] = wv;
    }
    return wv;
  }

  private aggregateStep(children: Int32Array, w: Float64Array, out: Float64Array, m: AggregateMethodName, code: string): void {
    const n = this.n;
    if (m === 'copeland') {
      out.set(copelandScores(Array.from(children, (c) => this.views[c]), w).scores);
      return;
    }
    for (let i = 0; i < n; i++) {
      let wsum = 0;
      for (let k = 0; k < children.length; k++) if (!Number.isNaN(this.buf[children[k] * n + i])) wsum += w[k];
      if (wsum === 0) { out[i] = NaN; continue; }
      let acc = 0;
      for (let k = 0; k < children.length; k++) {
        const x = this.buf[children[k] * n + i];
        if (Number.isNaN(x)) continue;
        if (m === 'amean') acc += (w[k] / wsum) * x;
        else if (m === 'gmean') {
          if (x <= 0) throw new CompositeError('NON_POSITIVE_VALUE', this.plan.codes[children[k]], `geometric mean for ${code} needs values > 0; unit ${this.units[i]} has ${x}`);
          acc += w[k] * Math.log(x);
        } else {
          if (x === 0) throw new CompositeError('ZERO_VALUE', this.plan.codes[children[k]], `harmonic mean for ${code} needs non-zero values; unit ${this.units[i]} has 0`);
          acc += w[k] / x;
        }
      }
      out[i] = m === 'amean' ? acc : m === 'gmean' ? Math.exp(acc / wsum) : wsum / acc;
    }
  }

  /** Top-level index scores of a run, copied into `into` (length n). */
  index(run: RunSettings, into: Float64Array = new Float64Array(this.n)): Float64Array {
    into.set(this.evaluate(run)[this.rootColumn]);
    return into;
  }
}
