/**
 * The engine against COINr 1.1.14 on the ASEM data: scenario A (plain build) and scenario B
 * (COINr's build_example_coin, every stage). Tolerance 1e-6, ranks identical.
 */
import { describe, expect, it } from 'vitest';
import { buildComposite } from './pipeline';
import { indicatorStats } from './stats';
import { toColumn } from './columns';
import { B_METHOD, expectTableMatches, loadInputs, loadRef, num } from './reference.fixture';
import type { CompositeMethod, CompositeResult } from './types';

const A_METHOD: CompositeMethod = { normalise: { method: 'minmax', lower: 0, upper: 100 }, aggregate: { method: 'amean' } };

describe('ASEM scenario A: plain build', () => {
  const { framework, data } = loadInputs('asem');
  const res = buildComposite(framework, data, A_METHOD);
  it('normalised', () => expectTableMatches(res.normalised, 'asem/A_simple/normalised.csv'));
  it('aggregated', () => expectTableMatches(res.aggregated, 'asem/A_simple/aggregated.csv'));
  it('ranks', () => expectTableMatches(res.ranks, 'asem/A_simple/aggregated_ranks.csv', 0));
  it('aggregate columns follow the reference order', () => {
    expect(res.aggregated.codes).toEqual(loadRef('asem/A_simple/aggregated.csv').header.slice(1));
  });
  it('results_aggs_with_ranks', () => {
    const ref = loadRef('asem/A_simple/results_aggs_with_ranks.csv');
    const iIndex = res.aggregated.codes.indexOf('Index');
    for (const r of ref.rows) {
      const i = res.aggregated.units.indexOf(r.uCode);
      expect(Math.abs((res.aggregated.values[iIndex][i] as number) - (num(r.Index) as number))).toBeLessThan(1e-6);
      expect(res.ranks.values[iIndex][i]).toBe(num(r.Rank));
    }
  });
});

describe('ASEM scenario B: COINr example build, every stage', () => {
  const { framework, data } = loadInputs('asem');
  const res: CompositeResult = buildComposite(framework, data, B_METHOD);
  it('raw', () => expectTableMatches(res.raw, 'asem/B_example/raw.csv'));
  it('denominated', () => expectTableMatches(res.denominated, 'asem/B_example/denominated.csv'));
  it('imputed', () => expectTableMatches(res.imputed, 'asem/B_example/imputed.csv'));
  it('screened', () => expectTableMatches(res.screened, 'asem/B_example/screened.csv'));
  it('screening summary', () => {
    const ref = loadRef('asem/B_example/screening_DataSummary.csv');
    for (const r of ref.rows) {
      const s = res.screening.find((x) => x.uCode === r.uCode);
      expect(s?.nMissing).toBe(num(r.N_missing));
      expect(Math.abs((s?.availability ?? -1) - (num(r.Dat_Avail) as number))).toBeLessThan(1e-12);
      expect(s?.included).toBe(r.Included === 'TRUE');
    }
  });
  it('treated', () => expectTableMatches(res.treated, 'asem/B_example/treated.csv'));
  it('treatment details', () => {
    const ref = loadRef('asem/B_example/treatment_details.csv');
    expect(res.treatment.length).toBe(ref.rows.length);
    for (const r of ref.rows) {
      const d = res.treatment.find((x) => x.iCode === r.iCode);
      expect(d, r.iCode).toBeDefined();
      if (!d) continue;
      expect(d.pass0).toBe(r['check_SkewKurt0.Pass'] === 'TRUE');
      expect(Math.abs(d.skew0 - (num(r['check_SkewKurt0.Skew']) as number))).toBeLessThan(1e-9);
      expect(Math.abs(d.kurt0 - (num(r['check_SkewKurt0.Kurt']) as number))).toBeLessThan(1e-9);
      expect(d.nwin).toBe(num(r['winsorise.nwin']));
      if (r['check_SkewKurt1.Pass'] !== '') {
        expect(d.pass1).toBe(r['check_SkewKurt1.Pass'] === 'TRUE');
        expect(Math.abs((d.skew1 as number) - (num(r['check_SkewKurt1.Skew']) as number))).toBeLessThan(1e-9);
        expect(Math.abs((d.kurt1 as number) - (num(r['check_SkewKurt1.Kurt']) as number))).toBeLessThan(1e-9);
      } else {
        expect(d.pass1).toBeNull();
      }
      expect(d.logged).toBe(false);
    }
  });
  it('treatment points', () => {
    const ref = loadRef('asem/B_example/treatment_points.csv');
    // The reference has no uCode column: rows follow the (uCode-sorted) unit order.
    const order = res.treatedPoints.units.map((u, i) => [u, i] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    ref.rows.forEach((r, k) => {
      const i = order[k][1];
      for (const code of ref.header) {
        const j = res.treatedPoints.codes.indexOf(code);
        expect(res.treatedPoints.values[j][i], `${order[k][0]}/${code}`).toBe(r[code]);
      }
    });
  });
  it('normalised', () => expectTableMatches(res.normalised, 'asem/B_example/normalised.csv'));
  it('aggregated', () => expectTableMatches(res.aggregated, 'asem/B_example/aggregated.csv'));
  it('ranks', () => expectTableMatches(res.ranks, 'asem/B_example/aggregated_ranks.csv', 0));
  it('results_full_with_ranks', () => {
    const ref = loadRef('asem/B_example/results_full_with_ranks.csv');
    const iIndex = res.aggregated.codes.indexOf('Index');
    for (const r of ref.rows) {
      const i = res.aggregated.units.indexOf(r.uCode);
      expect(res.ranks.values[iIndex][i]).toBe(num(r.Rank));
      for (const c of ref.header.slice(3)) {
        const j = res.aggregated.codes.indexOf(c);
        expect(Math.abs((res.aggregated.values[j][i] as number) - (num(r[c]) as number))).toBeLessThan(1e-6);
      }
    }
  });
  it('crosscheck with COINr6', () => {
    const ref = loadRef('asem/B_example/crosscheck_COINr6_vs_v1.csv');
    const j = res.aggregated.codes.indexOf('Index');
    for (const r of ref.rows) {
      const i = res.aggregated.units.indexOf(r.uCode);
      expect(Math.abs((res.aggregated.values[j][i] as number) - (num(r.Index_v1) as number))).toBeLessThan(1e-6);
    }
  });
  for (const [file, table] of [['stats_imputed.csv', 'imputed'], ['stats_treated.csv', 'treated']] as const) {
    it(file, () => {
      const ref = loadRef(`asem/B_example/${file}`);
      const t = res[table];
      for (const r of ref.rows) {
        const j = t.codes.indexOf(r.iCode);
        const s = indicatorStats(r.iCode, toColumn(t.values[j]));
        const pairs: [number, string][] = [
          [s.min, 'Min'], [s.max, 'Max'], [s.mean, 'Mean'], [s.median, 'Median'], [s.sd, 'Std'], [s.skew, 'Skew'], [s.kurt, 'Kurt'],
          [s.nAvail, 'N.Avail'], [s.nNonZero, 'N.NonZero'], [s.nUnique, 'N.Unique'], [s.nSame, 'N.Same'],
          [s.frcAvail, 'Frc.Avail'], [s.frcNonZero, 'Frc.NonZero'], [s.frcUnique, 'Frc.Unique'], [s.frcSame, 'Frc.Same'],
        ];
        for (const [got, col] of pairs) {
          const want = num(r[col]) as number;
          expect(Math.abs(got - want), `${r.iCode}/${col}: ${got} vs ${want}`).toBeLessThan(1e-9 * Math.max(1, Math.abs(want)));
        }
        expect(s.flagAvail).toBe(r['Flag.Avail']);
        expect(s.flagNonZero).toBe(r['Flag.NonZero']);
        expect(s.flagUnique).toBe(r['Flag.Unique']);
        expect(s.flagSkewKurt).toBe(r['Flag.SkewKurt']);
      }
    });
  }
});
