/** Every failure is a CompositeError with a stable code and the offending name, never NaN. */
import { describe, expect, it } from 'vitest';
import { CompositeError } from './errors';
import { buildFramework } from './framework';
import { buildComposite } from './pipeline';
import type { CompositeData, CompositeMethod, FrameworkNode } from './types';

const node = (iCode: string, level: number, parent: string | null, weight = 1, extra: Partial<FrameworkNode> = {}): FrameworkNode => ({
  iCode, level, parent, weight, direction: 1, ...extra,
});
const FW: FrameworkNode[] = [node('a', 1, 'P'), node('b', 1, 'P'), node('P', 2, 'I'), node('c', 1, 'Q'), node('Q', 2, 'I'), node('I', 3, null)];
const DATA: CompositeData = { units: ['x', 'y', 'z'], indicators: { a: [1, 2, 3], b: [3, 1, 2], c: [5, 6, 4] } };
const M: CompositeMethod = { normalise: { method: 'minmax' }, aggregate: { method: 'amean' } };

function expectError(fn: () => unknown, code: string, subject: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CompositeError);
    expect((e as CompositeError).code).toBe(code);
    expect((e as CompositeError).subject).toBe(subject);
    return;
  }
  expect.fail(`expected ${code} (${subject})`);
}

describe('framework errors', () => {
  it('cycle', () => expectError(() => buildFramework([node('a', 1, 'P'), node('P', 2, 'Q'), node('Q', 2, 'P')]), 'FRAMEWORK_CYCLE', 'P'));
  it('unknown parent', () => expectError(() => buildFramework([node('a', 1, 'Nope'), node('I', 2, null)]), 'UNKNOWN_PARENT', 'a'));
  it('parent not one level up', () => expectError(() => buildFramework([node('a', 1, 'I'), node('P', 2, 'I'), node('b', 1, 'P'), node('I', 3, null)]), 'LEVEL_MISMATCH', 'a'));
  it('duplicate code', () => expectError(() => buildFramework([node('a', 1, 'I'), node('a', 1, 'I'), node('I', 2, null)]), 'DUPLICATE_CODE', 'a'));
  it('aggregate without children', () => expectError(() => buildFramework([node('a', 1, 'P'), node('P', 2, 'I'), node('Q', 2, 'I'), node('I', 3, null)]), 'EMPTY_AGGREGATE', 'Q'));
});

describe('weight errors', () => {
  it('negative weight', () => expectError(() => buildComposite(FW, DATA, { ...M, weights: { source: 'override', weights: { b: -1 } } }), 'NEGATIVE_WEIGHT', 'b'));
  it('zero-sum weights name the parent', () => expectError(() => buildComposite(FW, DATA, { ...M, weights: { source: 'override', weights: { a: 0, b: 0 } } }), 'ZERO_WEIGHT_SUM', 'P'));
  it('weight for an unknown code', () => expectError(() => buildComposite(FW, DATA, { ...M, weights: { source: 'override', weights: { zz: 1 } } }), 'UNKNOWN_WEIGHT_CODE', 'zz'));
});

describe('data errors', () => {
  it('indicator with no data for any unit', () => expectError(() => buildComposite(FW, { ...DATA, indicators: { ...DATA.indicators, b: [null, null, null] } }, M), 'INDICATOR_NO_DATA', 'b'));
  it('unit with every value missing', () => expectError(() => buildComposite(FW, { ...DATA, indicators: { a: [1, null, 3], b: [3, null, 2], c: [5, null, 4] } }, M), 'UNIT_NO_DATA', 'y'));
  it('…unless screening drops it first', () => {
    const r = buildComposite(FW, { ...DATA, indicators: { a: [1, null, 3], b: [3, null, 2], c: [5, null, 4] } }, { ...M, screen: { minAvailability: 0.5 } });
    expect(r.aggregated.units).toEqual(['x', 'z']);
  });
  it('division by zero in denomination', () => {
    const fw = FW.map((n) => (n.iCode === 'a' ? { ...n, denominator: 'pop' } : n));
    expectError(() => buildComposite(fw, { ...DATA, denominators: { pop: [1, 0, 2] } }, { ...M, denominate: true }), 'DIVISION_BY_ZERO', 'a');
  });
  it('missing denominator column', () => {
    const fw = FW.map((n) => (n.iCode === 'a' ? { ...n, denominator: 'pop' } : n));
    expectError(() => buildComposite(fw, DATA, { ...M, denominate: true }), 'MISSING_DENOMINATOR', 'a');
  });
  it('missing indicator column', () => expectError(() => buildComposite(FW, { ...DATA, indicators: { a: [1, 2, 3], b: [1, 2, 3] } }, M), 'MISSING_INDICATOR_COLUMN', 'c'));
  it('constant indicator cannot be min-max normalised', () => expectError(() => buildComposite(FW, { ...DATA, indicators: { ...DATA.indicators, c: [2, 2, 2] } }, M), 'CONSTANT_INDICATOR', 'c'));
  it('geometric mean of a zero', () => expectError(() => buildComposite(FW, DATA, { ...M, aggregate: { method: 'gmean' } }), 'NON_POSITIVE_VALUE', 'a'));
  it('unknown group column', () => expectError(() => buildComposite(FW, DATA, { ...M, impute: { method: 'group-mean', group: 'region' } }), 'UNKNOWN_GROUP_COLUMN', 'region'));
  it('duplicate unit code', () => expectError(() => buildComposite(FW, { ...DATA, units: ['x', 'y', 'x'] }, M), 'DUPLICATE_CODE', 'x'));
  it('no NaN anywhere in a normal result', () => {
    const r = buildComposite(FW, { ...DATA, indicators: { ...DATA.indicators, a: [1, null, 3] } }, M);
    for (const t of [r.normalised, r.aggregated, r.ranks]) for (const c of t.values) for (const v of c) expect(v === null || Number.isFinite(v)).toBe(true);
  });
});
