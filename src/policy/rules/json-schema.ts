import { z } from 'zod';
import { caseInputSchema, type ProgrammeId } from './case';
import { superDeductionInputSchema } from './super-deduction/schema';

/** JSON Schemas of the inputs (zod v4's z.toJSONSchema), with what each programme reads. */

const reads: Record<ProgrammeId, string> = {
  hnte: 'HNTE reads: registrationDate, applicationDate; for the 3 fiscal years before the application year: salesRevenue, rdExpense and domesticRd (or rdInternal/rdEntrustedDomestic/rdEntrustedOverseas), netAssets; for the last year also staffAvg/staffMonthly, techStaffAvg/techStaffMonthly, hiTechRevenue, totalIncome, nonTaxableIncome; ip; flags.coreIpOwned, inKeyTechField, noMajorIncident, standardDrafting; conversionsLast3Years; expert.hnte (expert points; lowest of the band assumed when absent).',
  'tech-sme': 'Sci-tech SME reads (last fiscal year): staffAvg, techStaffAvg, salesRevenue, totalAssets, rdExpense, totalCostExpense; ip; flags.residentInMainland, notProhibitedIndustry, noMajorIncident, goodStanding; qualifications (hnte), awards, standards, rdInstitution for the direct routes.',
  'innovative-sme': 'Innovative SME reads: flags (common eligibility: residentInMainland, independentLegalPerson, isSme, goodStanding, notProhibitedIndustry, noMajorIncident; strategicEmergingIndustry); last year salesRevenue, mainBusinessRevenue, rdExpense, totalAssets, totalLiabilities and the year before mainBusinessRevenue; ip; awards, qualifications, rdInstitution, financing for the direct routes.',
  srdi: '专精特新 reads: common-eligibility flags; nicheYears or nicheSince; last 3 years mainBusinessRevenue, last 2 years rdExpense and salesRevenue; last year netProfit, totalAssets, totalLiabilities, staffAvg, rdStaffAvg; digitalLevel, leadingProductField, rdInstitution, quality flags, ip, expert.srdi.localIndicators; financing, awards, makersChina. The 2026 version (reported) also reads qualifications and platformScore.',
  'little-giant': '小巨人 reads: common-eligibility flags; qualifications (srdi_sme); nicheYears; last 3 years mainBusinessRevenue and salesRevenue; last 2 years rdExpense; last year totalAssets, totalLiabilities, staffAvg, rdStaffAvg; flags refinedManagement, marketShareAtLeast10/marketShareLeading, ownBrand, keyChainLink, keyProductField, outstandingChainResults; rdInstitution, ip (appliedWithBenefit), financing, awards, makersChina; platformScore (2026).',
};

/** The case schema of one programme: the shared shape, titled and described with what that programme reads. */
export function caseSchemaFor(programme: ProgrammeId) {
  return caseInputSchema.meta({
    title: `Kechuang policy case (${programme})`,
    description: `Enterprise case for \`kechuang assess ${programme}\`. Amounts in 万元 (the built-in thresholds are in 万元), at most 6 decimals. ${reads[programme]}`,
  });
}

export function caseJsonSchema(programme: ProgrammeId): Record<string, unknown> {
  return z.toJSONSchema(caseSchemaFor(programme), { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

export function superDeductionJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(superDeductionInputSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: 'Kechuang R&D super-deduction input', description: 'Input of `kechuang super-deduction`. Amounts in any one unit; the result uses the same unit.' };
}
