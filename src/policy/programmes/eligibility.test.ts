import { describe, expect, it } from 'vitest';
import { amountRule, computeAmount, eligibilityRules, evaluateEligibility, type OrgFacts } from './eligibility';

const facts = (patch: Partial<OrgFacts> = {}): OrgFacts => ({
  organizationId: 1, kind: 'enterprise', zoneId: 7, inProgrammeZone: true, foundedYear: 2015, retired: false,
  qualifications: [{ type: 'hightech_enterprise', validFrom: '2023-11-01', validTo: '2026-10-31' }],
  statistics: { 2025: { operating_revenue: 2_000_000_000, rd_expense: 75_600_000, exports: null, staff: 120, rd_staff: 18, patents_filed: 3, patents_granted: 2 } },
  ...patch,
});

describe('eligibility rules', () => {
  const rules = eligibilityRules.parse([
    { kind: 'org_kind', in: ['enterprise'] },
    { kind: 'qualification', type: 'hightech_enterprise' },
    { kind: 'statistic', field: 'rd_expense', op: '>=', value: 75.6 },
    { kind: 'statistic', field: 'rd_intensity', op: '>=', value: 3.78 },
    { kind: 'founded_before', date: '2020-01-01' },
  ]);

  it('passes every rule with its value, including exact money and intensity boundaries', () => {
    const e = evaluateEligibility(rules, facts(), '2026-03-01');
    expect(e.eligible).toBe(true);
    expect(e.results.map((r) => [r.kind, r.pass, r.value])).toEqual([
      ['zone', true, 7], ['org_kind', true, 'enterprise'], ['qualification', true, true], ['statistic', true, 75.6], ['statistic', true, 3.78], ['founded_before', true, 2015]]);
  });

  it('reports every failing rule, not only the first', () => {
    const e = evaluateEligibility(rules, facts({ inProgrammeZone: false, qualifications: [], foundedYear: 2020, statistics: {} }), '2027-03-01');
    expect(e.eligible).toBe(false);
    expect(e.results.filter((r) => !r.pass).map((r) => r.kind)).toEqual(['zone', 'qualification', 'statistic', 'statistic', 'founded_before']);
    expect(e.results[3]!.value).toBeNull();
  });

  it('rejects malformed rules by path', () => {
    const bad = eligibilityRules.safeParse([{ kind: 'statistic', field: 'rd_expense', op: '≈', value: 1 }]);
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual([0, 'op']);
  });
});

describe('amount rules', () => {
  it('takes a share rounded down to the fen, with a cap', () => {
    const tenPercent = amountRule.parse({ kind: 'share', field: 'rd_expense', rate_bp: 1000, cap_fen: 50_000_000 });
    expect(computeAmount(tenPercent, facts(), '2026-03-01')).toMatchObject({ amount_fen: 7_560_000, capped: false });
    const big = facts({ statistics: { 2025: { ...facts().statistics[2025]!, rd_expense: 900_000_007 } } });
    expect(computeAmount(tenPercent, big, '2026-03-01')).toMatchObject({ amount_fen: 50_000_000, capped: true });
    const third = amountRule.parse({ kind: 'share', field: 'rd_expense', rate_bp: 3333 });
    expect(computeAmount(third, facts({ statistics: { 2025: { ...facts().statistics[2025]!, rd_expense: 1001 } } }), '2026-01-01').amount_fen).toBe(333);
    expect(computeAmount(tenPercent, facts({ statistics: {} }), '2026-03-01').amount_fen).toBe(0);
    expect(computeAmount(amountRule.parse({ kind: 'fixed', amount_fen: 123 }), facts(), '2026-03-01').amount_fen).toBe(123);
  });
});
