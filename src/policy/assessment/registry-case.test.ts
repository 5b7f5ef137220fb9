import { describe, expect, it } from 'vitest';
import type { PolicyCaseInput } from '../rules/case';
import { mergeCase, mergerFor } from './registry-case';

/** The merge of a user's statements over a registry case, as the one-enterprise page and the batch both use it. */
const registry = (): PolicyCaseInput => ({
  unit: '万元', name: 'A', applicationDate: '2025-06-30', registrationDate: '2015-12-31',
  years: [{ year: 2023, salesRevenue: 100, rdExpense: 5 }, { year: 2022, salesRevenue: 90 }],
  ip: [], qualifications: [], awards: [], standards: [], financing: [], flags: { standardDrafting: true },
});
const given: PolicyCaseInput = {
  name: 'B', registrationDate: undefined, nicheYears: 3,
  years: [{ year: 2023, rdExpense: 7, totalAssets: 500 }, { year: 2024, salesRevenue: 120 }],
  flags: { isSme: true, goodStanding: undefined },
  expert: { hnte: { orgManagement: 12 } } as PolicyCaseInput['expert'],
};
const expected: PolicyCaseInput = {
  unit: '万元', name: 'B', applicationDate: '2025-06-30', registrationDate: '2015-12-31', nicheYears: 3,
  years: [{ year: 2022, salesRevenue: 90 }, { year: 2023, salesRevenue: 100, rdExpense: 7, totalAssets: 500 }, { year: 2024, salesRevenue: 120 }],
  ip: [], qualifications: [], awards: [], standards: [], financing: [], flags: { standardDrafting: true, isSme: true },
  expert: { hnte: { orgManagement: 12 }, srdi: {} } as PolicyCaseInput['expert'],
};

describe('merging statements over a registry case', () => {
  it('lets given fields win, merges years by year and field, flags by key, and leaves the base untouched', () => {
    const base = registry();
    expect(mergeCase(base, given)).toEqual(expected);
    expect(base).toEqual(registry());
    expect(mergeCase(base, undefined)).toBe(base);
  });

  it('gives the same case in place (batches) and shares one frozen flags object per combination', () => {
    const merge = mergerFor(given, { inPlace: true });
    const a = registry();
    const merged = merge(a);
    expect(merged).toEqual(expected);
    expect(merged).toBe(a);
    const other = merge(registry());
    expect(other.flags).toBe(merged.flags);
    expect(Object.isFrozen(other.flags)).toBe(true);
    const withoutFlags = merge({ ...registry(), flags: {} });
    expect(withoutFlags.flags).toEqual({ isSme: true });
    expect(withoutFlags.flags).not.toBe(merged.flags);
  });
});
