/** aggregate: copeland as a method of the whole build: Copeland over one flat level, the levels below built as usual. */
import { describe, expect, it } from 'vitest';
import { toColumn } from './columns';
import { copelandScores } from './copeland';
import { CompositeError } from './errors';
import { FastModel } from './fastModel';
import { methodFileSchema } from './methodSchema';
import { buildComposite } from './pipeline';
import { B_METHOD, loadInputs, loadRef, num } from './reference.fixture';
import type { CompositeMethod, Table } from './types';

const col = (t: Table, code: string) => t.values[t.codes.indexOf(code)]!;
const T1: CompositeMethod = { normalise: { method: 'minmax', lower: 0, upper: 100 }, aggregate: { method: 'amean' } };

describe('Copeland index', () => {
  const toy = loadInputs('toy');

  it('over the indicators of a flat framework with equal weights reproduces the toy T7 scores', () => {
    const flat = [...toy.framework.filter((n) => n.level === 1).map((n) => ({ ...n, parent: 'Index' })), { iCode: 'Index', level: 2, parent: null, weight: 1, direction: 1 as const }];
    const res = buildComposite(flat, toy.data, { ...T1, aggregate: { method: 'copeland' }, weights: { source: 'equal' } });
    const want = loadRef('toy/T7_copeland_over_T1_normalised_indicators.csv');
    const index = col(res.aggregated, 'Index');
    for (const r of want.rows) expect(index[res.aggregated.units.indexOf(r.uCode)]).toBe(num(r.Copeland));
  });

  it('over the pillars: pillars by arithmetic mean (as T1), the index by the pillars\' weighted Copeland scores', () => {
    const res = buildComposite(toy.framework, toy.data, { ...T1, aggregate: { method: 'copeland' } });
    const amean = buildComposite(toy.framework, toy.data, T1);
    for (const p of ['Innov', 'Struct']) expect(col(res.aggregated, p)).toEqual(col(amean.aggregated, p));
    const pillars = ['Innov', 'Struct'].map((p) => toColumn(col(amean.aggregated, p)));
    const expected = Array.from(copelandScores(pillars, [0.6, 0.4]).scores);
    expect(col(res.aggregated, 'Index')).toEqual(expected);
    // Ranks follow the Copeland scores (higher is better, ties share the best rank).
    const idx = col(res.aggregated, 'Index') as number[];
    col(res.ranks, 'Index').forEach((r, i) => expect(r).toBe(1 + idx.filter((x) => x > idx[i]!).length));
  });

  it('on ASEM: every aggregate above the pillars is Copeland over the pillars under it; the fast model agrees', () => {
    const asem = loadInputs('asem');
    const method: CompositeMethod = { ...B_METHOD, aggregate: { method: 'copeland' } };
    const res = buildComposite(asem.framework, asem.data, method);
    const b = buildComposite(asem.framework, asem.data, B_METHOD);
    const pillars = asem.framework.filter((n) => n.level === 2);
    for (const p of pillars) expect(col(res.aggregated, p.iCode)).toEqual(col(b.aggregated, p.iCode));
    const over = (codes: string[]) => Array.from(copelandScores(codes.map((c) => toColumn(col(b.aggregated, c))), codes.map(() => 1)).scores);
    expect(col(res.aggregated, 'Index')).toEqual(over(pillars.map((p) => p.iCode)));
    expect(col(res.aggregated, 'Conn')).toEqual(over(pillars.filter((p) => p.parent === 'Conn').map((p) => p.iCode)));
    const fast = new FastModel({ framework: asem.framework, data: asem.data, base: method });
    const cols = fast.evaluate({});
    expect(Array.from(cols[fast.rootColumn]!)).toEqual(col(res.aggregated, 'Index'));
  });

  it('refuses a level that is not below the top, by name; level/below only with copeland', () => {
    expect(() => buildComposite(toy.framework, toy.data, { ...T1, aggregate: { method: 'copeland', level: 3 } }))
      .toThrow(expect.objectContaining({ code: 'INVALID_METHOD', subject: 'aggregate.level' }) as CompositeError);
    expect(methodFileSchema.safeParse({ normalise: { method: 'minmax' }, aggregate: { method: 'amean', level: 2 } }).success).toBe(false);
    expect(methodFileSchema.safeParse({ normalise: { method: 'minmax' }, aggregate: { method: 'copeland', level: 1, below: 'gmean' } }).success).toBe(true);
  });
});
