/**
 * Where weights come from: the framework (iMeta Weight), an override map (e.g. a weights.csv),
 * equal weights, or PCA. Validation (finite, non-negative, non-zero sum per group) happens when
 * the aggregation plan is compiled, naming the offending code.
 *
 * PCA weights: COINr uses the raw first-component loadings, which can be negative and have an
 * arbitrary sign, so they are not usable as aggregation weights as such. We use the squared
 * loadings (each indicator's share of the first component, OECD/JRC Handbook 2008) inside each
 * group, leaving higher-level weights from the framework. Raw loadings are in analysis.pca().
 */
import { type ColTable } from './columns';
import { pcaByGroup } from './analysis';
import { CompositeError } from './errors';
import type { Framework } from './framework';
import type { WeightsSpec } from './types';

export function metaWeights(fw: Framework): Record<string, number> {
  const w: Record<string, number> = {};
  for (const n of fw.nodes) w[n.iCode] = n.weight;
  return w;
}

export function resolveWeights(fw: Framework, spec: WeightsSpec | null | undefined, normalised?: ColTable): Record<string, number> {
  const base = metaWeights(fw);
  if (!spec || spec.source === 'meta') return base;
  if (spec.source === 'equal') {
    for (const k of Object.keys(base)) base[k] = 1;
    return base;
  }
  if (spec.source === 'override') {
    for (const [code, v] of Object.entries(spec.weights)) {
      if (!fw.byCode.has(code)) throw new CompositeError('UNKNOWN_WEIGHT_CODE', code, 'weight given for a code that is not in the framework');
      base[code] = v;
    }
    return base;
  }
  if (!normalised) throw new CompositeError('INVALID_METHOD', 'weights', 'PCA weights need the normalised data');
  for (const res of pcaByGroup(normalised, fw, 1).values()) {
    res.codes.forEach((c, k) => (base[c] = res.loadings[k] * res.loadings[k]));
  }
  return base;
}
