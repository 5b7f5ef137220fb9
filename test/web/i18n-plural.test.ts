import { describe, expect, it } from 'vitest';
import { interpolate } from '../../web/src/shared/i18n/interpolate';
import { en } from '../../web/src/shared/i18n/en';
import { zhCN } from '../../web/src/shared/i18n/zh-CN';

describe('web message interpolation', () => {
  it('fills placeholders and picks the plural form of the language', () => {
    const text = '{n, plural, one {# contract} other {# contracts}} signed by {who}';
    expect(interpolate(text, { n: 1, who: 'A' }, 'en')).toBe('1 contract signed by A');
    expect(interpolate(text, { n: 3, who: 'A' }, 'en')).toBe('3 contracts signed by A');
    expect(interpolate(text, { n: 0, who: 'A' }, 'en')).toBe('0 contracts signed by A');
  });

  it('says "1 contract", not "1 contracts", on the dashboard', () => {
    const vars = { from: '2025-01', to: '2025-12', asOf: '2025-12', contracts: 1, rate: '—' };
    expect(interpolate(en['dashboard.transferPeriod'], vars, 'en')).toContain('1 contract signed');
    expect(interpolate(zhCN['dashboard.transferPeriod'], vars, 'zh-CN')).toContain('签订合同 1 项');
  });

  it('leaves no English count followed by a bare plural noun where the count can be 1', () => {
    // "{n} zones" reads "1 zones"; such messages use the plural form instead.
    const bare = Object.entries(en).filter(([, text]) => /\{(count|n|total|contracts|records)\} [a-z]+s\b/.test(text));
    expect(bare.map(([key]) => key)).toEqual([]);
  });
});
