import { describe, expect, it } from 'vitest';
import { compensationFor } from './compensation';

describe('risk-compensation arithmetic', () => {
  it('pays the share of the loss when neither the cap nor the balance limits it', () => {
    // ¥1,000,000 loss at 50 % = ¥500,000; cap ¥2,000,000; balance ¥20,000,000.
    expect(compensationFor(100_000_000, 5000, 200_000_000, 2_000_000_000)).toEqual({ shareFen: 50_000_000, compensatedFen: 50_000_000, limitedBy: 'share' });
  });
  it('stops at the per-loan cap', () => {
    expect(compensationFor(1_000_000_000, 5000, 200_000_000, 2_000_000_000)).toEqual({ shareFen: 500_000_000, compensatedFen: 200_000_000, limitedBy: 'loan_cap' });
  });
  it('stops at what is left in the pool', () => {
    expect(compensationFor(100_000_000, 5000, 200_000_000, 12_345)).toEqual({ shareFen: 50_000_000, compensatedFen: 12_345, limitedBy: 'balance' });
  });
  it('rounds the share down to the fen', () => {
    // 333 fen at 33.33 % = 110.9889 fen → 110 fen.
    expect(compensationFor(333, 3333, 1_000, 1_000).compensatedFen).toBe(110);
  });
  it('is exact for very large losses', () => {
    expect(compensationFor(9_007_199_254_740_991, 10000, 9_007_199_254_740_991, 9_007_199_254_740_991).compensatedFen).toBe(9_007_199_254_740_991);
  });
  it('refuses fractional or negative amounts', () => {
    expect(() => compensationFor(1.5, 5000, 1, 1)).toThrow(/lossFen/);
    expect(() => compensationFor(1, -1, 1, 1)).toThrow(/shareBp/);
  });
});
