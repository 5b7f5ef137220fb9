import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseInputSchema, type PolicyCase, type ProgrammeId } from './case';
import { compileVersion } from './compile';
import { assess, builtInVersion, listVersions, summaryAssessor, versionInForce } from './engine';
import { compare, parseDecimal, percent, toFixed } from './exact';
import { prepareCase } from './prepare';
import { rulesMessages } from './rules.messages';
import { calculateSuperDeduction } from './super-deduction/calculate';
import { PolicyInputError } from './validate';
import { RuleVersionError, parseRuleVersion } from './version-schema';

const examples = join(import.meta.dirname, 'examples');
const example = (file: string) => JSON.parse(readFileSync(join(examples, file), 'utf8')) as Record<string, unknown>;
const programmeOf = (file: string): ProgrammeId =>
  file.startsWith('hnte') ? 'hnte' : file.startsWith('tech-sme') ? 'tech-sme' : file.startsWith('innovative') ? 'innovative-sme' : file.startsWith('srdi') ? 'srdi' : 'little-giant';

describe('exact arithmetic', () => {
  it('compares ratios exactly where binary floating point would not', () => {
    expect(0.1 + 0.2 >= 0.3).toBe(true); // the float trap the engine avoids
    expect(compare({ n: 1, d: 10 }, parseDecimal('0.1'))).toBe(0);
    expect(compare({ n: 3060, d: 5100 }, parseDecimal('0.60'))).toBe(0);
    expect(compare({ n: 600, d: 12000 }, parseDecimal('0.05'))).toBe(0);
    expect(compare({ n: 20000010000, d: 1_000_000 }, parseDecimal('20000'))).toBe(1);
  });

  it('falls back to BigInt when a cross product leaves 2^53', () => {
    const huge = { n: 2 ** 52 + 1, d: 2 ** 52 };
    expect(compare(huge, { n: 1, d: 1 })).toBe(1);
    expect(compare({ n: 9_007_199_254_740_991, d: 3 }, { n: 3_002_399_751_580_330, d: 1 })).toBe(1);
    expect(compare({ n: 9_007_199_254_740_990, d: 3 }, { n: 3_002_399_751_580_330, d: 1 })).toBe(0);
  });

  it('rounds only for display, half up, or up for advice', () => {
    expect(percent({ n: 680, d: 18000 })).toBe('3.78%');
    expect(toFixed({ n: 7000, d: 9 }, 2)).toBe('777.78');
    expect(toFixed({ n: 1, d: 3 }, 2, 'up')).toBe('0.34');
    expect(() => parseDecimal('1e5')).toThrow(/not a decimal/);
  });
});

describe('rule versions', () => {
  it('loads every built-in version and lists them', () => {
    const ids = listVersions().map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['hnte-2016', 'tech-sme-2017', 'innovative-sme-2022', 'srdi-2022', 'srdi-2026', 'little-giant-2022', 'little-giant-2026']));
  });

  it('chooses the version in force on the date', () => {
    expect(versionInForce('srdi', '2026-03-31')?.id).toBe('srdi-2022');
    expect(versionInForce('srdi', '2026-04-01')?.id).toBe('srdi-2026');
    expect(versionInForce('little-giant', '2026-04-01')?.status).toBe('reported');
    expect(versionInForce('innovative-sme', '2026-08-01')?.id).toBe('innovative-sme-2022');
    expect(versionInForce('hnte', '2015-12-31')).toBeUndefined();
  });

  it('parseRuleVersion names bad fields', () => {
    const good = builtInVersion('hnte-2016')!;
    const bad = JSON.parse(JSON.stringify(good));
    bad.conditions[0].check.metric = 'no.such.metric';
    bad.effective = { from: '2020-01-01', to: '2019-01-01' };
    delete bad.verdictRule;
    try {
      parseRuleVersion(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RuleVersionError);
      const fields = (error as RuleVersionError).issues.map((i) => i.field);
      expect(fields).toEqual(expect.arrayContaining(['conditions.0.check.metric', 'verdictRule']));
    }
    const order = JSON.parse(JSON.stringify(good));
    order.effective = { from: '2020-01-01', to: '2019-01-01' };
    expect(() => parseRuleVersion(order)).toThrow(/effective.to: ends before it starts/);
  });

  it('an added version file changes thresholds without code: it wins from its start date', () => {
    const stricter = JSON.parse(JSON.stringify(builtInVersion('hnte-2016')));
    stricter.id = 'hnte-2025-test';
    stricter.effective = { from: '2025-01-01', to: null };
    stricter.conditions.find((c: { id: string }) => c.id === 'C4').check.threshold = '0.12';
    const version = parseRuleVersion(stricter);
    const h1 = example('hnte-h1.json');
    expect(assess('hnte', h1).qualifies).toBe(true);
    const result = assess('hnte', h1, { extraVersions: [version] });
    expect(result.rulesVersion).toBe('hnte-2025-test');
    expect(result.conditions.find((c) => c.id === 'C4')).toMatchObject({ pass: false, threshold: 0.12 });
    expect(assess('hnte', h1, { extraVersions: [version], versionId: 'hnte-2016' }).qualifies).toBe(true);
  });

  it('the touching-boundary convention is configurable and a boundary value is flagged', () => {
    // R&D exactly 5 % of operating revenue: band A (20) by default, band B (15) with lowerBand.
    const onBoundary = { ...example('innovative-sme-i1.json') };
    const years = JSON.parse(JSON.stringify(onBoundary.years)) as { year: number; rdExpense?: number }[];
    years[1]!.rdExpense = 56; // 56 / 1120 = 5 %
    onBoundary.years = years;
    const higher = assess('innovative-sme', onBoundary);
    expect(higher.items.find((i) => i.id === 'N2')).toMatchObject({ points: 20, band: 'A' });
    expect(higher.uncertain).toContain('N2.boundary.convention');
    const lower = JSON.parse(JSON.stringify(builtInVersion('innovative-sme-2022')));
    lower.id = 'innovative-sme-lower';
    lower.conventions.touchingBoundary = 'lowerBand';
    const result = assess('innovative-sme', onBoundary, { extraVersions: [parseRuleVersion(lower)], versionId: 'innovative-sme-lower' });
    expect(result.items.find((i) => i.id === 'N2')).toMatchObject({ points: 15, band: 'B' });
  });

  it('the day-count convention is configurable', () => {
    const inclusive = JSON.parse(JSON.stringify(builtInVersion('hnte-2016')));
    inclusive.id = 'hnte-inclusive';
    inclusive.conventions.dayCount = 'inclusive';
    const result = assess('hnte', example('hnte-h4-364.json'), { extraVersions: [parseRuleVersion(inclusive)], versionId: 'hnte-inclusive' });
    expect(result.conditions.find((c) => c.id === 'C1')).toMatchObject({ pass: true, value: 365 });
  });
});

describe('compiled summary path', () => {
  it('agrees with the full trace on every example', () => {
    for (const file of readdirSync(examples).filter((f) => f.endsWith('.json') && !f.startsWith('sd-'))) {
      const programme = programmeOf(file);
      const input = example(file);
      const full = assess(programme, input);
      const summary = summaryAssessor(programme)(prepareCase(caseInputSchema.parse(input)));
      expect({ file, qualifies: summary.qualifies, verdict: summary.verdict, score: summary.score, uncertain: summary.uncertain })
        .toEqual({ file, qualifies: full.qualifies, verdict: full.verdict, score: full.score, uncertain: full.uncertain });
      // A registry-assembled case that skips the parser (no defaults filled in) is read the same way.
      expect(summaryAssessor(programme)(prepareCase(input as unknown as PolicyCase)), file).toEqual(summary);
    }
  });

  it('one prepared case read by every programme in turn (kept metric values and notes) gives what fresh cases give', () => {
    const programmes: ProgrammeId[] = ['hnte', 'tech-sme', 'innovative-sme', 'srdi', 'little-giant'];
    let kept = 0;
    for (const file of readdirSync(examples).filter((f) => f.endsWith('.json') && !f.startsWith('sd-'))) {
      const input = caseInputSchema.parse(example(file));
      const shared = prepareCase(input);
      // Twice round, so that every programme also reads values another programme computed first.
      for (const round of [1, 2]) {
        for (const programme of programmes) {
          expect({ file, round, programme, ...summaryAssessor(programme)(shared) }).toEqual({ file, round, programme, ...summaryAssessor(programme)(prepareCase(input)) });
        }
      }
      kept += (shared.memo?.notes ?? []).filter((m) => m !== undefined).length;
    }
    expect(kept).toBeGreaterThan(0);
  });

  it('a prepared case is shared by all programmes and large amounts stay exact', () => {
    const big = example('hnte-h1.json');
    const scaled = JSON.parse(JSON.stringify(big));
    // Sales near the 2e9 limit: 3-year sums and cross products beyond 2^53 take the BigInt path.
    for (const y of scaled.years) {
      y.salesRevenue *= 300_000;
      y.rdExpense *= 300_000;
      y.domesticRd *= 300_000;
      if (y.totalIncome) {
        y.totalIncome *= 300_000;
        y.nonTaxableIncome *= 300_000;
        y.hiTechRevenue *= 300_000;
      }
      y.netAssets *= 300_000;
    }
    const result = compileVersion(builtInVersion('hnte-2016')!).summary(prepareCase(caseInputSchema.parse(scaled)));
    expect(result).toMatchObject({ qualifies: true, score: 74 });
  });

  it('missing data gives "incomplete" in batch mode instead of a guess', () => {
    const summary = summaryAssessor('hnte')(prepareCase(caseInputSchema.parse({ registrationDate: '2020-01-01', applicationDate: '2025-06-30', ip: [{ class: 'I' }], flags: { coreIpOwned: true } })));
    expect(summary.verdict).toBe('incomplete');
    expect(summary.qualifies).toBe(false);
  });
});

describe('bad input', () => {
  it('reports every field issue with zh and en texts', () => {
    try {
      assess('tech-sme', { applicationDate: '2025-06-30', registrationDate: '2025-07-01', years: [{ year: 2024, staffAvg: 10, techStaffAvg: 12, salesRevenue: 1.1234567 }] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PolicyInputError);
      const en = (error as PolicyInputError).lines('en');
      expect(en).toContain('years[0].salesRevenue: must have at most 6 decimals');
    }
    try {
      assess('tech-sme', { applicationDate: '2025-06-30', registrationDate: '2025-07-01', years: [{ year: 2024, staffAvg: 10, techStaffAvg: 12 }] });
      expect.unreachable();
    } catch (error) {
      const zh = (error as PolicyInputError).lines('zh-CN');
      expect(zh).toContain('registrationDate: 晚于申请日期 2025-06-30');
      expect(zh).toContain('years[0].techStaffAvg: techStaffAvg（12）大于 staffAvg（10）');
    }
  });

  it('rejects expert points outside the band computed from the facts, and a unit other than 万元', () => {
    const h1 = example('hnte-h1.json') as { expert: { hnte: Record<string, number> } };
    const outside = { ...h1, expert: { hnte: { ...h1.expert.hnte, ipQuantity: 5 } } };
    expect(() => assess('hnte', outside)).toThrow(/expert.hnte.ipQuantity: expert points must lie in band A \(7–8\)/);
    expect(() => assess('hnte', { ...h1, unit: '元' })).toThrow(/unit: must be 万元/);
  });

  it('super-deduction input errors', () => {
    expect(() => calculateSuperDeduction({ taxYear: 2024 })).toThrow(/expenses: is required/);
    expect(() => calculateSuperDeduction({ taxYear: 2024, base: 10, q4Base: 5 })).toThrow(/q4Base/);
    expect(() => calculateSuperDeduction({ taxYear: 2024, base: 10, industry: { excludedIndustryRevenue: 20, totalIncome: 10 } })).toThrow(/excludedIndustryRevenue/);
  });

  it('messages exist in both languages with the same keys', () => {
    expect(Object.keys(rulesMessages.zh).sort()).toEqual(Object.keys(rulesMessages.en).sort());
  });
});

describe('super-deduction details', () => {
  it('a FY2022 actual Q4 split differs from the even spread and is flagged', () => {
    const even = calculateSuperDeduction({ taxYear: 2022, base: 1000 });
    const actual = calculateSuperDeduction({ taxYear: 2022, base: 1000, q4Base: 400 });
    expect(even.extraDeduction).toBe(812.5);
    expect(actual.extraDeduction).toBe(600 * 0.75 + 400);
    expect(actual.uncertain.map((u) => u.id)).toContain('split');
  });

  it('overseas entrusted R&D is not allowed before 2018; intangibles amortise only over their life', () => {
    expect(calculateSuperDeduction({ taxYear: 2017, base: 300, entrustedOverseas: 600 }).base).toBe(300);
    const late = calculateSuperDeduction({ taxYear: 2024, base: 0, intangibles: [{ cost: 1200, usefulLifeYears: 1, formed: '2023-07-15' }] });
    expect(late.amortisation).toBe(1200); // 6 months of 2024 at 200 %: 1200 × 2 × 6/12
  });
});
