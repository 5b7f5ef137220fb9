import { describe, expect, it } from 'vitest';
import { checkCreditCode, completeCreditCode, creditCodeCheckChar } from './credit-code';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts published real codes', () => {
    // Codes printed on public business licences.
    expect(checkCreditCode('91110000802100433B')).toBeNull(); // Bank of China
    expect(checkCreditCode('91350100M000100Y43')).toBeNull(); // the standard's own worked example
  });
  it('names the expected check character when it is wrong', () => {
    expect(checkCreditCode('91110000802100433C')).toEqual({ kind: 'check', expected: 'B', actual: 'C' });
  });
  it('refuses letters outside the alphabet and wrong lengths', () => {
    expect(checkCreditCode('91110000802100433')).toEqual({ kind: 'format' });
    expect(checkCreditCode('9111000080210043IB')).toEqual({ kind: 'format' });
    expect(checkCreditCode('91110000802100433b')).toEqual({ kind: 'format' });
  });
  it('maps a remainder of 0 to the check character 0', () => {
    // Search a body whose weighted sum is a multiple of 31, and check the completed code validates.
    for (let n = 0; n < 200; n++) {
      const body = `9162010${String(n).padStart(10, '0')}`;
      const code = completeCreditCode(body);
      expect(checkCreditCode(code)).toBeNull();
      if (creditCodeCheckChar(body) === '0') return;
    }
  });
});
