/**
 * Micro benchmark of the compiled rule engine (not a test): `npx tsx src/policy/rules/bench-rules.ts [cases]`.
 * Builds synthetic, validated cases, prepares each once, and runs the summary assessors of all five programmes.
 * Prints one JSON line: CPU microseconds per case (all five programmes) and per assessment, and the projection to 1M cases.
 */
import { caseInputSchema, type PolicyCaseInput, programmeIds } from './case';
import { summaryAssessor } from './engine';
import { prepareCase } from './prepare';

function syntheticCase(i: number): PolicyCaseInput {
  // Deterministic variety: amounts with 2 decimals in 万元, several IP items, a qualification now and then.
  const r = (k: number) => ((i * 2654435761 + k * 40503) >>> 0) / 4294967296;
  const sales = Math.round(1000 + r(1) * 30000) + 0.25;
  const years = [2021, 2022, 2023, 2024].map((year, j) => {
    const s = Math.round(sales * (0.7 + 0.1 * j) * 100) / 100;
    const rd = Math.round(s * (0.02 + r(10 + j) * 0.06) * 100) / 100;
    const staff = 20 + Math.round(r(20 + j) * 400);
    return {
      year, salesRevenue: s, mainBusinessRevenue: Math.round(s * 0.85 * 100) / 100, totalIncome: s + 50, nonTaxableIncome: 10,
      rdExpense: rd, domesticRd: Math.round(rd * 0.9 * 100) / 100, hiTechRevenue: Math.round(s * 0.7 * 100) / 100,
      staffAvg: staff, techStaffAvg: Math.round(staff * (0.05 + r(30 + j) * 0.3)), rdStaffAvg: Math.round(staff * 0.15),
      netAssets: 1000 + j * 300 + Math.round(r(40 + j) * 500), totalAssets: 5000 + j * 200, totalLiabilities: 2000 + j * 50,
      netProfit: Math.round(s * 0.07 * 100) / 100, totalCostExpense: Math.round(s * 0.8 * 100) / 100,
    };
  });
  return {
    registrationDate: '2015-03-01', applicationDate: '2025-06-30', years,
    ip: Array.from({ length: 1 + (i % 6) }, (_, k) => ({ class: k === 0 && i % 3 === 0 ? 'I' as const : 'II' as const, selfDeveloped: true })),
    qualifications: i % 4 === 0 ? [{ kind: 'hnte' as const, validFrom: '2023-01-01', validTo: '2025-12-31' }] : [],
    flags: { residentInMainland: true, independentLegalPerson: true, isSme: true, notProhibitedIndustry: true, noMajorIncident: true, goodStanding: true,
      coreIpOwned: true, inKeyTechField: true, strategicEmergingIndustry: i % 2 === 0, refinedManagement: true, marketShareAtLeast10: i % 5 === 0,
      ownBrand: true, keyChainLink: true, keyProductField: true },
    nicheYears: 2 + (i % 9), digitalLevel: i % 4, leadingProductField: 'six_basics', rdInstitution: 'municipal', conversionsLast3Years: i % 16,
    expert: { hnte: { advancement: 6, coreSupport: 6, managementRules: 4, managementInstitution: 4, managementConversion: 3, managementTalent: 3 }, srdi: { localIndicators: 8 } },
  };
}

const count = Number(process.argv[2] ?? 100_000);
const cases = Array.from({ length: count }, (_, i) => caseInputSchema.parse(syntheticCase(i)));
const assessors = programmeIds.map((p) => summaryAssessor(p));

function runAll(): number {
  let qualified = 0;
  for (const c of cases) {
    const prepared = prepareCase(c);
    for (const assess of assessors) if (assess(prepared).qualifies) qualified++;
  }
  return qualified;
}

runAll(); // warm-up: JIT and compiled versions
// CPU time of this process, not wall time: the figure must not depend on how busy a shared machine is.
const startCpu = process.cpuUsage();
const start = performance.now();
const qualified = runAll();
const wallMs = performance.now() - start;
const cpu = process.cpuUsage(startCpu);
const ms = (cpu.user + cpu.system) / 1000;
const perCaseUs = (ms * 1000) / count;
process.stdout.write(`${JSON.stringify({
  cases: count, programmes: assessors.length, cpu_ms: Math.round(ms), wall_ms: Math.round(wallMs), us_per_case_all_programmes: Number(perCaseUs.toFixed(2)),
  us_per_assessment: Number((perCaseUs / assessors.length).toFixed(2)), projected_1m_cases_one_core_ms: Math.round(perCaseUs * 1000),
  qualified_assessments: qualified,
})}\n`);
