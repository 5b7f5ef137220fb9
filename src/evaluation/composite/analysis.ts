/**
 * Statistical coherence checks of a build, as in COINr's analysis functions and the JRC audit:
 * correlations (Pearson, pairwise-complete), Cronbach's alpha per group (from the
 * pairwise-complete covariance matrix), PCA per group (prcomp with centring and scaling on
 * complete rows: eigen-decomposition of the correlation matrix) and effective weights.
 */
import type { ColTable, Column } from './columns';
import { column } from './columns';
import { CompositeError } from './errors';
import type { Framework } from './framework';
import { symmetricEigen } from './linalg';
import { correlation, covariance, mean, sd } from './stats';

export function correlationMatrix(cols: Column[]): number[][] {
  return cols.map((a) => cols.map((b) => correlation(a, b)));
}

/** Correlation of each child with its parent aggregate, for children at `level`. */
export function correlationsWithParent(
  t: ColTable,
  fw: Framework,
  level: number,
): { parent: string; child: string; correlation: number }[] {
  const out: { parent: string; child: string; correlation: number }[] = [];
  for (const node of fw.nodes) {
    if (node.level !== level || node.parent === null) continue;
    out.push({ parent: node.parent, child: node.iCode, correlation: correlation(column(t, node.iCode), column(t, node.parent)) });
  }
  return out;
}

/** Cronbach's alpha: k²·mean(off-diagonal cov) / sum(cov) (COINr get_cronbach). */
export function cronbachAlpha(cols: Column[]): number {
  const k = cols.length;
  let all = 0;
  let diag = 0;
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      const c = covariance(cols[a], cols[b]);
      all += c;
      if (a === b) diag += c;
    }
  }
  const offMean = (all - diag) / (k * (k - 1));
  return (k * k * offMean) / all;
}

export interface PcaResult {
  codes: string[];
  /** Variance of each principal component (eigenvalues of the correlation matrix), descending. */
  variance: number[];
  propVariance: number[];
  /** Loadings of the first component (sign is arbitrary, as with prcomp). */
  loadings: number[];
  nRows: number;
}

/** PCA on standardised columns over the rows with no NA (R: prcomp(na.omit(x), scale = TRUE)). */
export function pca(codes: string[], cols: Column[]): PcaResult {
  const n = cols[0]?.length ?? 0;
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (cols.every((c) => !Number.isNaN(c[i]))) rows.push(i);
  if (rows.length < 2) throw new CompositeError('TOO_FEW_VALUES', codes.join(','), 'PCA needs at least 2 complete rows');
  const z = cols.map((c, j) => {
    const xs = rows.map((i) => c[i]);
    const m = mean(xs);
    const s = sd(xs);
    if (s === 0) throw new CompositeError('CONSTANT_INDICATOR', codes[j], 'constant column, cannot scale for PCA');
    return Float64Array.from(xs, (x) => (x - m) / s);
  });
  const r = z.map((a) => z.map((b) => {
    let s = 0;
    for (let i = 0; i < a.length; i++) s += a[i] * b[i];
    return s / (a.length - 1);
  }));
  const eig = symmetricEigen(r);
  const total = eig.values.reduce((a, b) => a + b, 0);
  return {
    codes,
    variance: eig.values,
    propVariance: eig.values.map((v) => v / total),
    loadings: eig.vectors[0],
    nRows: rows.length,
  };
}

/** PCA inside each group of `level` (children of each aggregate one level up), groups sorted. */
export function pcaByGroup(t: ColTable, fw: Framework, level: number): Map<string, PcaResult> {
  const out = new Map<string, PcaResult>();
  const parents = fw.aggregatesByLevel[level - 1] ?? [];
  for (const p of parents) {
    const kids = fw.children.get(p) as string[];
    out.set(p, pca(kids, kids.map((c) => column(t, c))));
  }
  return out;
}

/** Cronbach's alpha for each aggregate at `level + 1`, over its children at `level`. */
export function cronbachByGroup(t: ColTable, fw: Framework, level: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of fw.aggregatesByLevel[level - 1] ?? []) {
    const kids = fw.children.get(p) as string[];
    out.set(p, cronbachAlpha(kids.map((c) => column(t, c))));
  }
  return out;
}

/**
 * Effective weight of every node: its weight share among its siblings times its parent's
 * effective weight (the top level has 1). For an arithmetic mean without NAs this is the
 * weight an indicator really has in the index.
 */
export function effectiveWeights(fw: Framework, weights: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  const visit = (code: string, eff: number): void => {
    out[code] = eff;
    const kids = fw.children.get(code);
    if (!kids) return;
    const sum = kids.reduce((s, c) => s + weights[c], 0);
    if (sum === 0) throw new CompositeError('ZERO_WEIGHT_SUM', code, 'the weights of its children sum to 0');
    for (const c of kids) visit(c, (eff * weights[c]) / sum);
  };
  for (const n of fw.nodes) if (n.parent === null) visit(n.iCode, 1);
  return out;
}
