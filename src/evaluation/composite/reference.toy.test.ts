/** The engine against the hand-made toy scenarios T1–T7 (values computed by COINr). */
import { describe, expect, it } from 'vitest';
import { toColumn } from './columns';
import { copelandScores } from './copeland';
import { buildComposite } from './pipeline';
import { expectTableMatches, loadInputs, loadRef, num } from './reference.fixture';
import { kurtosis, skewness } from './stats';
import type { CompositeMethod } from './types';

const scenarios: [string, CompositeMethod][] = [
  ['T1_minmax0_100__amean', { normalise: { method: 'minmax', lower: 0, upper: 100 }, aggregate: { method: 'amean' } }],
  ['T2_zscore__amean', { normalise: { method: 'zscore', mean: 0, sd: 1 }, aggregate: { method: 'amean' } }],
  ['T3_minmax1_100__gmean', { normalise: { method: 'minmax', lower: 1, upper: 100 }, aggregate: { method: 'gmean' } }],
  ['T4_rank__amean', { normalise: { method: 'rank' }, aggregate: { method: 'amean' } }],
  ['T5_prank__amean', { normalise: { method: 'prank' }, aggregate: { method: 'amean' } }],
  ['T6_treated_minmax0_100__amean', {
    treat: { method: 'winsorise-then-log', skew: 2, kurt: 3.5, winmax: 5 },
    normalise: { method: 'minmax', lower: 0, upper: 100 },
    aggregate: { method: 'amean' },
  }],
];

describe('toy scenarios', () => {
  const { framework, data } = loadInputs('toy');
  for (const [dir, method] of scenarios) {
    describe(dir, () => {
      const res = buildComposite(framework, data, method);
      it('normalised', () => expectTableMatches(res.normalised, `toy/${dir}/normalised.csv`));
      it('aggregated', () => expectTableMatches(res.aggregated, `toy/${dir}/aggregated.csv`));
      if (dir.startsWith('T6')) {
        it('treated', () => expectTableMatches(res.treated, `toy/${dir}/treated.csv`));
        it('treatment details', () => {
          const ref = loadRef(`toy/${dir}/treatment_details.csv`);
          for (const r of ref.rows) {
            const d = res.treatment.find((x) => x.iCode === r.iCode);
            expect(d?.pass0).toBe(r['check_SkewKurt0.Pass'] === 'TRUE');
            expect(d?.nwin ?? null).toBe(num(r['winsorise.nwin']));
            if (d?.skew1 !== null && d?.skew1 !== undefined) {
              expect(Math.abs(d.skew1 - (num(r['check_SkewKurt1.Skew']) as number))).toBeLessThan(1e-9);
              expect(Math.abs((d.kurt1 as number) - (num(r['check_SkewKurt1.Kurt']) as number))).toBeLessThan(1e-9);
            }
          }
        });
      }
    });
  }

  it('worked check for Z01 in T1', () => {
    const res = buildComposite(framework, data, scenarios[0][1]);
    const i = res.aggregated.units.indexOf('Z01');
    const get = (c: string): number => res.aggregated.values[res.aggregated.codes.indexOf(c)][i] as number;
    expect(get('RD')).toBeCloseTo(32.5, 9);
    expect(get('Innov')).toBeCloseTo(18.0719, 4);
    expect(get('Struct')).toBeCloseTo(44.31, 3);
    expect(get('Index')).toBeCloseTo(28.5671, 4);
  });

  it('skew and kurtosis of the raw indicators', () => {
    const ref = loadRef('toy/skew_kurt_raw.csv');
    for (const r of ref.rows) {
      const xs = data.indicators[r.iCode].filter((v): v is number => v !== null);
      expect(Math.abs(skewness(xs) - (num(r.skew) as number))).toBeLessThan(1e-9);
      expect(Math.abs(kurtosis(xs) - (num(r.kurt) as number))).toBeLessThan(1e-9);
    }
  });

  it('T7: Copeland scores and outranking matrix over T1 normalised indicators', () => {
    const res = buildComposite(framework, data, scenarios[0][1]);
    const cols = res.normalised.values.map((v) => toColumn(v));
    const cop = copelandScores(cols);
    const scores = loadRef('toy/T7_copeland_over_T1_normalised_indicators.csv');
    for (const r of scores.rows) {
      expect(cop.scores[res.normalised.units.indexOf(r.uCode)]).toBe(num(r.Copeland));
    }
    const mat = loadRef('toy/T7_outranking_matrix.csv');
    const n = res.normalised.units.length;
    for (const r of mat.rows) {
      const p = res.normalised.units.indexOf(r.uCode);
      for (const u of mat.header.slice(1)) {
        const q = res.normalised.units.indexOf(u);
        expect(Math.abs(cop.matrix[p * n + q] - (num(r[u]) as number))).toBeLessThan(1e-9);
      }
    }
  });
});
