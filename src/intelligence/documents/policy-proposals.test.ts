import { describe, expect, it } from 'vitest';
import { findPolicyProposals, scaleDecimal } from './policy-proposals';

describe('findPolicyProposals', () => {
  it('finds a named measure, a changed rate and a subsidy amount, each quoted exactly', () => {
    const text = '园区出台《关于支持科技型企业发展的若干措施》。研发费用加计扣除比例从75%提高到100%。对新认定的高新技术企业给予一次性奖励50万元。今年营收增长12%。';
    const found = findPolicyProposals(text);
    expect(found.map((p) => p.kind)).toEqual(['measure', 'rate', 'amount']);
    expect(found[0]!.name).toBe('《关于支持科技型企业发展的若干措施》');
    expect(found[1]!.detail).toEqual({ from: 75, to: 100, unit: 'percent' });
    expect(found[1]!.name).toBe('研发费用加计扣除比例');
    expect(found[2]!.detail).toMatchObject({ value: '500000', unit: 'CNY' });
    for (const p of found) expect(text.slice(p.start, p.end)).toBe(p.quote);
  });

  it('reads English rates and grants', () => {
    const text = 'The R&D tax credit rose from 75% to 100% in 2021. The Innovation Voucher Scheme offers grants of £2.5 million a year.';
    const found = findPolicyProposals(text);
    expect(found.find((p) => p.kind === 'rate')?.detail).toEqual({ from: 75, to: 100, unit: 'percent' });
    expect(found.find((p) => p.kind === 'measure')?.name).toBe('Innovation Voucher Scheme');
    expect(found.find((p) => p.kind === 'amount')?.detail).toMatchObject({ value: '2500000', unit: 'GBP' });
    for (const p of found) expect(text.slice(p.start, p.end)).toBe(p.quote);
  });

  it('proposes nothing for plain statistics', () => {
    expect(findPolicyProposals('2022年全区实现营业收入128.64亿元，同比增长8%。')).toEqual([]);
  });
});

describe('scaleDecimal', () => {
  it('multiplies by powers of ten in decimal digits', () => {
    expect(scaleDecimal('8573.9', 4)).toBe('85739000');
    expect(scaleDecimal('128.64', 8)).toBe('12864000000');
    expect(scaleDecimal('2.5', 0)).toBe('2.5');
    expect(scaleDecimal('0.5', 4)).toBe('5000');
  });
});
