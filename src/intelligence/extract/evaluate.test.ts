import { describe, expect, it } from 'vitest';
import { canonicalDecimal, parseDecimal, toDecimalString } from './decimal';
import { evaluate } from './evaluate';

describe('decimal', () => {
  it('canonicalises without float artefacts', () => {
    expect(canonicalDecimal('9.0')).toBe('9');
    expect(canonicalDecimal(2.1e12)).toBe('2100000000000');
    expect(canonicalDecimal('1,006.57')).toBe('1006.57');
    expect(canonicalDecimal('8.5739e7')).toBe('85739000');
    expect(toDecimalString({ ...parseDecimal('0.3')!, exp: parseDecimal('0.3')!.exp + 8 })).toBe('30000000');
    expect(canonicalDecimal('abc')).toBeUndefined();
  });
});

describe('evaluate: a fact matches when value, unit and period agree', () => {
  const gold = [
    { document: 'a', value: '85739000', unit: 'CNY', period: null },
    { document: 'a', value: '31', unit: 'count', period: '2021' },
    { document: 'a', value: '31', unit: 'count', period: '2021' },
    { document: 'b', value: '62', unit: 'percent', period: '2021' },
  ];
  it('compares values as decimals, periods exactly, and matches each gold fact once', () => {
    const report = evaluate(gold, [
      { document: 'a', value: 85739000, unit: 'CNY', period: null },
      { document: 'a', value: '31', unit: 'count', period: '2021' },
      { document: 'a', value: '31', unit: 'count', period: '2022' },
      { document: 'b', value: '62', unit: 'pp', period: '2021' },
      { document: 'c', value: '1', unit: 'count', period: null },
    ], ['a', 'b']);
    expect(report.overall).toMatchObject({ tp: 2, fp: 2, fn: 2, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(report.byKind.money).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(report.byKind.percent).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    expect(report.predicted).toBe(4); // document c has no gold file: not scored
  });
});
