import { z } from 'zod';
import { amount, isoDate } from '../case';

/**
 * Input of the R&D super-deduction calculator (研发费用加计扣除). Amounts in any one unit (the result uses the same).
 * Give either the five expense categories and "other related costs" (the engine applies the 10 % cap), or `base`,
 * an already eligible expensed amount.
 */
export const superDeductionInputSchema = z.strictObject({
  taxYear: z.number().int().min(2008).max(2100),
  enterpriseKind: z.enum(['general', 'tech_sme', 'manufacturing', 'ic', 'machine_tool']).default('general'),
  unit: z.string().max(20).optional(),
  /** Categories 1–5 (S6 §一(一)) summed over all projects of the year, and category 6 "other related costs". */
  expenses: z.strictObject({
    personnel: amount.default(0),
    directInputs: amount.default(0),
    depreciation: amount.default(0),
    amortisation: amount.default(0),
    design: amount.default(0),
    otherRelated: amount.default(0),
  }).optional(),
  /** An eligible expensed base already computed (instead of expenses). */
  base: amount.optional().describe('An eligible expensed base already computed (instead of expenses).'),
  /** R&D entrusted to domestic parties, actual arm's-length amount (80 % counts). */
  entrustedDomestic: amount.optional(),
  /** R&D entrusted to overseas institutions, actual amount (80 % counts, at most 2/3 of domestic qualifying R&D; from 2018). */
  entrustedOverseas: amount.optional().describe('R&D entrusted to overseas institutions, actual amount (80 % counts, at most 2/3 of domestic qualifying R&D; from 2018).'),
  /** Income from scrap, defective goods and intermediate trial products of R&D: reduces the base (floor 0). */
  scrapIncome: amount.optional().describe('Income from scrap, defective goods and intermediate trial products of R&D: reduces the base (floor 0).'),
  /** Costs paid from government funds treated as non-taxable income: excluded from the base. */
  governmentFunded: amount.optional().describe('Costs paid from government funds treated as non-taxable income: excluded from the base.'),
  /** FY2022 only: the part of the base spent in Oct–Dec (actual split). Without it the base is spread evenly over the months. */
  q4Base: amount.optional().describe('FY2022 only: the part of the base spent in Oct–Dec (actual split). Without it the base is spread evenly over the months.'),
  /** Excluded-industry test (S7 §四): revenue of the excluded main business and the year's income figures. Or state it with `excludedIndustry`. */
  industry: z.strictObject({
    excludedIndustryRevenue: amount,
    totalIncome: amount,
    nonTaxableIncome: amount.default(0),
    investmentIncome: amount.default(0),
  }).optional(),
  excludedIndustry: z.boolean().optional(),
  /** Intangible assets formed by R&D: tax amortisation of the year on a multiple of cost. */
  intangibles: z.array(z.strictObject({
    cost: amount,
    /** Useful life for tax, in years. */
    usefulLifeYears: z.number().int().min(1).max(100).describe('Useful life for tax, in years.'),
    /** Date the asset was formed (amortisation starts in that month). */
    formed: isoDate.describe('Date the asset was formed (amortisation starts in that month).'),
  })).max(10_000).default([]),
});

export type SuperDeductionInput = z.infer<typeof superDeductionInputSchema>;
export type SuperDeductionInputRaw = z.input<typeof superDeductionInputSchema>;
