/**
 * A composite build compiled for repeated evaluation (Monte Carlo, Saltelli, replay). The
 * stages that no sensitivity choice touches (denominate, impute, screen) run once; treatment
 * runs once per distinct winmax and is cached together with each indicator's direction-flipped
 * min, max, mean and sd. A run is then normalise + aggregate into a preallocated Float64Array
 * (unit-major blocks per column), so one run costs O(units × columns) with no allocation for
 * the arithmetic and min-max / z-score methods. Normalised matrices and aggregate columns are
 * memoised (see evaluate), so runs that share choices share work.
 */
import type { Column } from './columns';
import { type AggregationPlan, compilePlan } from './aggregate';
import { copelandLevel, copelandMethods, copelandPlan, copelandScores } from './copeland';
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

function normKey(m: NormaliseMethod): string {
  switch (m.method) {
    case 'minmax': return `minmax:${m.lower ?? 0}:${m.upper ?? 100}`;
    case 'zscore': return `zscore:${m.mean ?? 0}:${m.sd ?? 1}`;
    default: return JSON.stringify(m);
  }
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
  /** Columns of the run being evaluated (references into the caches below). */
  private readonly current: Float64Array[];
  private readonly stepKeys: string[];
  private readonly normCache = new Map<string, Float64Array[]>();
  private readonly stepCache = new Map<string, Float64Array>();
  private readonly signatures: (Int32Array | undefined)[];
  private readonly spec: ModelSpec;
  /** For Copeland runs: the plan over one flat level (see copeland.ts) and its weight vectors per weight set (-1 = base). */
  private copeland: { plan: AggregationPlan; methods: AggregateMethodName[]; level: number; vectors: Map<number, Float64Array[]> } | null = null;

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
    this.current = new Array<Float64Array>(this.plan.codes.length);
    this.stepKeys = new Array<string>(this.plan.steps.length);
    this.signatures = (spec.weightSets ?? []).map(() => undefined);
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

  /** Normalised indicator columns for one (winmax, normalisation) pair. */
  private normalised(run: RunSettings): { id: string; cols: Float64Array[] } {
    const nm = run.normalise ?? this.spec.base.normalise;
    const id = `${run.winmax ?? 'base'}|${normKey(nm)}`;
    const hit = this.normCache.get(id);
    if (hit) return { id, cols: hit };
    const v = this.variant(run.winmax);
    const n = this.n;
    const codes = this.fw.indicators;
    const cols = codes.map((code, j) => {
      const x = v.cols[j];
      const out = new Float64Array(n);
      if (nm.method === 'minmax') {
        const l = nm.lower ?? 0;
        const u = nm.upper ?? 100;
        const mn = v.min[j];
        const rng = v.max[j] - mn;
        if (rng === 0) throw new CompositeError('CONSTANT_INDICATOR', code, 'max equals min, min-max is undefined');
        for (let i = 0; i < n; i++) out[i] = ((x[i] - mn) / rng) * (u - l) + l;
      } else if (nm.method === 'zscore') {
        const m = nm.mean ?? 0;
        const s = nm.sd ?? 1;
        const mu = v.mean[j];
        const sd = v.sd[j];
        if (!(sd > 0)) throw new CompositeError('CONSTANT_INDICATOR', code, 'standard deviation is 0, z-score is undefined');
        for (let i = 0; i < n; i++) out[i] = ((x[i] - mu) / sd) * s + m;
      } else {
        const node = this.fw.byCode.get(code);
        out.set(normaliseColumn(code, x, nm, node?.direction ?? 1, node?.target ?? null));
      }
      return out;
    });
    this.normCache.set(id, cols);
    return { id, cols };
  }

  /**
   * Evaluate one run. Returns every column (indicators, then aggregates), read-only and valid
   * until the next call. An aggregate depends only on the normalised data, the aggregation
   * method and the weights in its own subtree, so its column is memoised on exactly that key:
   * across Monte Carlo runs most pillars are shared and only the perturbed levels are redone.
   */
  evaluate(run: RunSettings): Float64Array[] {
    const norm = this.normalised(run);
    const ag = run.aggregate ?? this.spec.base.aggregate.method;
    if (ag === 'copeland') return this.evaluateCopeland(run, norm);
    const sig = run.weightSet === undefined ? null : this.weightSetSignature(run.weightSet);
    const wv = run.weightSet === undefined ? this.baseWeightVectors : this.weightSetVectors(run.weightSet);
    const cur = this.current;
    const nInd = this.plan.nIndicators;
    for (let j = 0; j < nInd; j++) cur[j] = norm.cols[j];
    if (this.stepCache.size > 20_000) this.stepCache.clear();
    const keys = this.stepKeys;
    this.plan.steps.forEach((step, s) => {
      let key = `${s}|${norm.id}|${ag}|${sig ? sig[s] : 0}`;
      for (let k = 0; k < step.children.length; k++) {
        const c = step.children[k];
        if (c >= nInd) key += `|${keys[c - nInd]}`;
      }
      keys[s] = key;
      let out = this.stepCache.get(key);
      if (!out) {
        out = new Float64Array(this.n);
        this.aggregateStep(step.children, wv[s], out, ag, step.code);
        this.stepCache.set(key, out);
      }
      cur[nInd + s] = out;
    });
    return cur;
  }

  /** A Copeland run: the same columns as buildComposite with aggregate copeland (flat over one level, copeland.ts). */
  private evaluateCopeland(run: RunSettings, norm: { id: string; cols: Float64Array[] }): Float64Array[] {
    if (!this.copeland) {
      const level = copelandLevel(this.fw, this.spec.base.aggregate.method === 'copeland' ? this.spec.base.aggregate.level : undefined);
      const below = this.spec.base.aggregate.method === 'copeland' ? this.spec.base.aggregate.below : undefined;
      this.copeland = { plan: copelandPlan(this.plan, this.fw, this.baseWeights, level), methods: copelandMethods(this.fw, level, below), level, vectors: new Map() };
    }
    const cop = this.copeland;
    const set = run.weightSet ?? -1;
    let wv = cop.vectors.get(set);
    if (!wv) {
      const weights = set < 0 ? this.baseWeights : { ...this.baseWeights, ...this.spec.weightSets?.[set] };
      if (set >= 0) this.weightSetVectors(set); // fails an unknown set as the other runs do
      wv = copelandPlan(compilePlan(this.fw, this.fw.indicators, weights), this.fw, weights, cop.level).steps.map((st) => st.weights);
      cop.vectors.set(set, wv);
    }
    const cur = this.current;
    const nInd = this.plan.nIndicators;
    for (let j = 0; j < nInd; j++) cur[j] = norm.cols[j];
    cop.plan.steps.forEach((step, s) => {
      const key = `c|${s}|${norm.id}|${set}`;
      let out = this.stepCache.get(key);
      if (!out) {
        out = new Float64Array(this.n);
        this.aggregateStep(step.children, wv[s], out, cop.methods[step.level - 2]!, step.code);
        this.stepCache.set(key, out);
      }
      cur[nInd + s] = out;
    });
    return cur;
  }

  /** Per step: 0 when the set leaves that step's weights as in the base, else a set-specific id. */
  private weightSetSignature(k: number): Int32Array {
    let sig = this.signatures[k];
    if (!sig) {
      const wv = this.weightSetVectors(k);
      sig = Int32Array.from(wv, (w, s) => (w.every((v, c) => v === this.baseWeightVectors[s][c]) ? 0 : k + 1));
      this.signatures[k] = sig;
    }
    return sig;
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
    const kids = Array.from(children, (c) => this.current[c]);
    if (m === 'copeland') {
      out.set(copelandScores(kids, w).scores);
      return;
    }
    for (let i = 0; i < n; i++) {
      let wsum = 0;
      for (let k = 0; k < kids.length; k++) if (!Number.isNaN(kids[k][i])) wsum += w[k];
      if (wsum === 0) { out[i] = NaN; continue; }
      let acc = 0;
      for (let k = 0; k < kids.length; k++) {
        const x = kids[k][i];
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
