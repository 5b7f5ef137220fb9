/**
 * Scenario D (COINr's analysis functions on the example build) and the synthetic panel with
 * pooled (EIS-style) min-max.
 */
import { describe, expect, it } from 'vitest';
import { correlationMatrix, correlationsWithParent, cronbachByGroup, effectiveWeights, pcaByGroup } from './analysis';
import { fromPublic } from './columns';
import { buildFramework } from './framework';
import { buildPanel } from './panel';
import { buildComposite } from './pipeline';
import { B_METHOD, expectTableMatches, loadInputs, loadRef, num, readRef } from './reference.fixture';
import { readData } from './csv';
import { metaWeights } from './weights';

describe('ASEM scenario D: analysis', () => {
  const { framework, data } = loadInputs('asem');
  const fw = buildFramework(framework);
  const res = buildComposite(framework, data, B_METHOD);
  const agg = fromPublic(res.aggregated);

  it('correlations between pillars (aggregated)', () => {
    const ref = loadRef('asem/D_analysis/corr_pillars_aggregated.csv');
    const cols = ref.header.map((c) => agg.cols[agg.codes.indexOf(c)]);
    const m = correlationMatrix(cols);
    ref.rows.forEach((r, a) => ref.header.forEach((c, b) => expect(Math.abs(m[a][b] - (num(r[c]) as number))).toBeLessThan(1e-9)));
  });

  it('correlation of each indicator with its pillar (aggregated)', () => {
    const ref = loadRef('asem/D_analysis/corr_indicator_vs_parent_pillar_aggregated.csv');
    const got = correlationsWithParent(agg, fw, 1);
    expect(got.length).toBe(ref.rows.length);
    for (const r of ref.rows) {
      const g = got.find((x) => x.parent === r.Var1 && x.child === r.Var2);
      expect(Math.abs((g?.correlation ?? NaN) - (num(r.Correlation) as number)), `${r.Var1}/${r.Var2}`).toBeLessThan(1e-9);
    }
  });

  it("Cronbach's alpha by pillar (normalised)", () => {
    const ref = loadRef('asem/D_analysis/cronbach_alpha_by_pillar_normalised.csv');
    const got = cronbachByGroup(fromPublic(res.normalised), fw, 1);
    for (const r of ref.rows) expect(Math.abs((got.get(r.Group) as number) - (num(r.Cronbach) as number))).toBeLessThan(1e-9);
  });

  it('effective weights', () => {
    const ref = loadRef('asem/D_analysis/effective_weights.csv');
    const got = effectiveWeights(fw, metaWeights(fw));
    for (const r of ref.rows) expect(Math.abs(got[r.iCode] - (num(r.EffWeight) as number))).toBeLessThan(1e-12);
  });

  it('PCA variance by pillar and PCA weights (|loadings|)', () => {
    const pcas = pcaByGroup(fromPublic(res.normalised), fw, 1);
    const vref = loadRef('asem/D_analysis/pca_variance_level1_by_pillar.csv');
    for (const r of vref.rows) {
      const p = pcas.get(r.Group);
      const k = (num(r.PC) as number) - 1;
      expect(Math.abs((p?.variance[k] ?? NaN) - (num(r.Variance) as number)), `${r.Group} PC${k + 1}`).toBeLessThan(1e-8);
      expect(Math.abs((p?.propVariance[k] ?? NaN) - (num(r.PropVar) as number))).toBeLessThan(1e-8);
    }
    const wref = loadRef('asem/D_analysis/pca_weights_level1_by_pillar.csv');
    for (const r of wref.rows) {
      const node = fw.byCode.get(r.iCode);
      if (node?.level !== 1) {
        expect(num(r.Weight)).toBe(node?.weight);
        continue;
      }
      const p = pcas.get(node.parent as string);
      const k = p?.codes.indexOf(r.iCode) ?? -1;
      expect(Math.abs(Math.abs(p?.loadings[k] ?? NaN) - Math.abs(num(r.Weight) as number)), r.iCode).toBeLessThan(1e-8);
    }
  });
});

describe('synthetic panel: per-year screening and treatment, pooled min-max', () => {
  const { framework } = loadInputs('asem');
  const indicators = framework.filter((n) => n.level === 1).map((n) => n.iCode);
  const data = readData(readRef('asem_panel_synthetic/iData_panel.csv'), indicators, 'iData_panel.csv');
  const res = buildPanel(framework, data, {
    screen: { minAvailability: 0.9 },
    treat: { method: 'winsorise-then-log', skew: 2, kurt: 3.5, winmax: 5 },
    normalise: { method: 'minmax', lower: 0, upper: 100 },
    aggregate: { method: 'amean' },
    normaliseScope: 'pooled',
  });
  const keys = res.aggregated.units.map((u, i) => `${res.aggregated.time[i]}|${u}`);
  const key = (r: Record<string, string>): string => `${r.Time}|${r.uCode}`;
  it('screened', () => expectTableMatches(res.screened, 'asem_panel_synthetic/screened.csv', 1e-6, key, keys));
  it('treated', () => expectTableMatches(res.treated, 'asem_panel_synthetic/treated.csv', 1e-6, key, keys));
  it('normalised (global min-max)', () => expectTableMatches(res.normalised, 'asem_panel_synthetic/normalised_global_minmax.csv', 1e-6, key, keys));
  it('aggregated', () => expectTableMatches(res.aggregated, 'asem_panel_synthetic/aggregated_global_minmax.csv', 1e-6, key, keys));
});
