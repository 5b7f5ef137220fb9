import { z } from 'zod';

/**
 * The enterprise "case" the rule engine assesses: plain facts, assembled from the registry or read from a file.
 * One shape serves every programme; each programme reads the fields it needs (see src/policy/README.md).
 *
 * Amounts are in the input's unit (万元 in the reference vectors) with at most 6 decimals, so that the engine can
 * turn them into exact integers (micro-units: fen when the unit is 万元). Ratios are never given; the engine
 * computes them exactly from the amounts.
 */

/** Largest amount accepted: keeps amount × 10^6 (and a 3-year sum of it) below 2^53. */
export const MAX_AMOUNT = 2_000_000_000;
export const AMOUNT_DECIMALS = 6;

/**
 * At most 6 decimals, tolerating binary-float noise of a sum computed by the caller (1234.56 + 50 = 1284.5600000000001):
 * such a value is within 1e-12 (relative) of its 6-decimal rounding, which is what toMicro then uses.
 */
function hasAtMostSixDecimals(value: number): boolean {
  if (decimalPlaces(value) <= AMOUNT_DECIMALS) return true;
  return Math.abs(value - Number(value.toFixed(AMOUNT_DECIMALS))) <= Math.abs(value) * 1e-12;
}

function decimalPlaces(value: number): number {
  const text = String(value);
  if (text.includes('e')) {
    const [mantissa, exponent] = text.split('e');
    const fraction = mantissa!.split('.')[1]?.length ?? 0;
    return Math.max(0, fraction - Number(exponent));
  }
  return text.split('.')[1]?.length ?? 0;
}

/** An amount or count: finite, ≥ 0, at most 6 decimals, at most MAX_AMOUNT. */
export const amount = z.number().finite().min(0).max(MAX_AMOUNT)
  .refine(hasAtMostSixDecimals, { params: { key: 'policy.rules.field.decimals' } });
/** An amount that may be negative (net assets, net profit). */
export const signedAmount = z.number().finite().min(-MAX_AMOUNT).max(MAX_AMOUNT)
  .refine(hasAtMostSixDecimals, { params: { key: 'policy.rules.field.decimals' } });
export const isoDate = z.iso.date();

/** One fiscal year of facts. "Sales revenue" 销售收入 = 营业收入 = main + other business revenue. */
export const yearFactsSchema = z.strictObject({
  year: z.number().int().min(1990).max(2100),
  /** 销售收入 / 营业收入 (main + other business revenue). */
  salesRevenue: amount.optional().describe('销售收入 / 营业收入 (main + other business revenue).'),
  /** 主营业务收入. */
  mainBusinessRevenue: amount.optional().describe('主营业务收入.'),
  /** 收入总额 (CIT law). */
  totalIncome: amount.optional().describe('收入总额 (CIT law).'),
  /** 不征税收入. */
  nonTaxableIncome: amount.optional().describe('不征税收入.'),
  /** 投资收益 (for the super-deduction excluded-industry test). */
  investmentIncome: amount.optional().describe('投资收益 (for the super-deduction excluded-industry test).'),
  /** Total R&D expense as counted for the programme (entrusted R&D already at 80 %). Or give the three parts below. */
  rdExpense: amount.optional().describe('Total R&D expense as counted for the programme (entrusted R&D already at 80 %). Or give the three parts below.'),
  /** R&D incurred in China (HNTE C5b). Or give the parts below. */
  domesticRd: amount.optional().describe('R&D incurred in China (HNTE C5b). Or give the parts below.'),
  /** Internal R&D (actual). */
  rdInternal: amount.optional().describe('Internal R&D (actual).'),
  /** R&D entrusted to domestic parties (actual amount; 80 % counts). */
  rdEntrustedDomestic: amount.optional().describe('R&D entrusted to domestic parties (actual amount; 80 % counts).'),
  /** R&D entrusted to foreign (incl. HK/Macao/Taiwan) parties (actual amount; 80 % counts). */
  rdEntrustedOverseas: amount.optional().describe('R&D entrusted to foreign (incl. HK/Macao/Taiwan) parties (actual amount; 80 % counts).'),
  /** 高新技术产品（服务）收入 of the year. */
  hiTechRevenue: amount.optional().describe('高新技术产品（服务）收入 of the year.'),
  /** Total staff, annual average (or staffMonthly: the month averages (start+end)/2 of the operating months). */
  staffAvg: amount.optional().describe('Total staff, annual average (or staffMonthly: the month averages (start+end)/2 of the operating months).'),
  staffMonthly: z.array(amount).min(1).max(12).optional(),
  /** S&T staff 科技人员, annual average (or techStaffMonthly, same months as staffMonthly). */
  techStaffAvg: amount.optional().describe('S&T staff 科技人员, annual average (or techStaffMonthly, same months as staffMonthly).'),
  techStaffMonthly: z.array(amount).min(1).max(12).optional(),
  /** R&D staff 研发人员 (专精特新 / 小巨人); falls back to techStaffAvg when absent. */
  rdStaffAvg: amount.optional().describe('R&D staff 研发人员 (专精特新 / 小巨人); falls back to techStaffAvg when absent.'),
  /** 净资产 at year end (may be negative). */
  netAssets: signedAmount.optional().describe('净资产 at year end (may be negative).'),
  totalAssets: amount.optional(),
  totalLiabilities: amount.optional(),
  netProfit: signedAmount.optional(),
  /** 成本费用支出总额 (sci-tech SME cost basis). */
  totalCostExpense: amount.optional().describe('成本费用支出总额 (sci-tech SME cost basis).'),
});

export const ipClassSchema = z.enum(['I', 'II']);
export const ipItemSchema = z.strictObject({
  /** Class I: invention (incl. defence) patents, plant/crop varieties, new drugs, protected TCM, IC layouts. Class II: utility model, design, software copyright... */
  class: ipClassSchema.describe('Class I: invention (incl. defence) patents, plant/crop varieties, new drugs, protected TCM, IC layouts. Class II: utility model, design, software copyright...'),
  kind: z.enum(['invention', 'defence_patent', 'plant_variety', 'crop_variety', 'new_drug', 'tcm', 'ic_layout', 'utility_model', 'design', 'software', 'other']).optional(),
  /** Obtained by own R&D (vs transfer, gift, M&A). */
  selfDeveloped: z.boolean().default(true).describe('Obtained by own R&D (vs transfer, gift, M&A).'),
  /** Already used in a previous HNTE application (a Class II item counts once). */
  usedInPreviousHnte: z.boolean().default(false).describe('Already used in a previous HNTE application (a Class II item counts once).'),
  /** High-value Class I (overseas family, maintained > 10 years, pledged, award-winning). */
  highValue: z.boolean().default(false).describe('High-value Class I (overseas family, maintained > 10 years, pledged, award-winning).'),
  /** Related to the main/leading product (counts only then). */
  relatedToMainProduct: z.boolean().default(true).describe('Related to the main/leading product (counts only then).'),
  /** Applied to the leading product and producing economic benefit (小巨人). */
  appliedWithBenefit: z.boolean().default(false).describe('Applied to the leading product and producing economic benefit (小巨人).'),
});

export const qualificationKinds = ['hnte', 'tech_sme', 'innovative_sme', 'srdi_sme', 'little_giant', 'tech_innovation_demo', 'ip_advantage'] as const;
export const qualificationSchema = z.strictObject({
  kind: z.enum(qualificationKinds),
  validFrom: isoDate.optional(),
  validTo: isoDate.optional(),
});

export const awardSchema = z.strictObject({
  level: z.enum(['national', 'provincial']),
  /** Rank of the enterprise among the award-winning units (1 = first). */
  rank: z.number().int().min(1).optional().describe('Rank of the enterprise among the award-winning units (1 = first).'),
  date: isoDate,
});
export const standardSchema = z.strictObject({
  level: z.enum(['international', 'national', 'industry']),
  /** Rank among the drafting units; "led" = among the first five. */
  rank: z.number().int().min(1).optional().describe('Rank among the drafting units; "led" = among the first five.'),
  date: isoDate,
});
export const financingSchema = z.strictObject({
  date: isoDate,
  amount,
  /** Paid in by a qualified institutional investor. */
  qualifiedInvestor: z.boolean().default(true).describe('Paid in by a qualified institutional investor.'),
});
export const rdInstitutionLevels = ['national', 'provincial', 'municipal', 'below_municipal'] as const;

/** Booleans that only the enterprise or an authority can state. */
export const flagsSchema = z.strictObject({
  residentInMainland: z.boolean().optional(),
  independentLegalPerson: z.boolean().optional(),
  isSme: z.boolean().optional(),
  notProhibitedIndustry: z.boolean().optional(),
  /** No major safety/quality accident or serious environmental violation in the rule's window. */
  noMajorIncident: z.boolean().optional(),
  /** Not on the abnormal-operation or serious-dishonesty lists, no serious research-integrity breach, no tax evasion. */
  goodStanding: z.boolean().optional().describe('Not on the abnormal-operation or serious-dishonesty lists, no serious research-integrity breach, no tax evasion.'),
  /** HNTE C2: owns IP giving core technical support to its main products. */
  coreIpOwned: z.boolean().optional().describe('HNTE C2: owns IP giving core technical support to its main products.'),
  /** HNTE C3: core technology within the 8 key supported fields. */
  inKeyTechField: z.boolean().optional().describe('HNTE C3: core technology within the 8 key supported fields.'),
  /** Took part in drafting national/industry standards (HNTE bonus, 专精特新 quality item). */
  standardDrafting: z.boolean().optional().describe('Took part in drafting national/industry standards (HNTE bonus, 专精特新 quality item).'),
  strategicEmergingIndustry: z.boolean().optional(),
  ownBrand: z.boolean().optional(),
  qualityManagementCertified: z.boolean().optional(),
  provincialQualityAward: z.boolean().optional(),
  /** 小巨人 精: strategy, governance, information systems, certification. */
  refinedManagement: z.boolean().optional().describe('小巨人 精: strategy, governance, information systems, certification.'),
  /** 小巨人 特: national niche market share ≥ 10 % (2022). */
  marketShareAtLeast10: z.boolean().optional().describe('小巨人 特: national niche market share ≥ 10 % (2022).'),
  /** 2026: market share ≥ 10 % or top 3 in China / "relatively leading". */
  marketShareLeading: z.boolean().optional().describe('2026: market share ≥ 10 % or top 3 in China / "relatively leading".'),
  /** 小巨人 链: at a key link, delivering 补短板/锻长板/填空白. */
  keyChainLink: z.boolean().optional().describe('小巨人 链: at a key link, delivering 补短板/锻长板/填空白.'),
  /** 小巨人 品: leading product in the listed key fields (六基, 制造强国 ten industries, ...). */
  keyProductField: z.boolean().optional().describe('小巨人 品: leading product in the listed key fields (六基, 制造强国 ten industries, ...).'),
  /** 小巨人 2022: outstanding 补短板/锻长板/填空白 results (allows 2 niche years instead of 3). */
  outstandingChainResults: z.boolean().optional().describe('小巨人 2022: outstanding 补短板/锻长板/填空白 results (allows 2 niche years instead of 3).'),
});

export const caseInputSchema = z.strictObject({
  /** Free text (e.g. "万元"); amounts are read in this unit and results are given in it. */
  unit: z.string().max(20).optional().describe('Free text (e.g. "万元"); amounts are read in this unit and results are given in it.'),
  name: z.string().max(200).optional(),
  registrationDate: isoDate.optional(),
  applicationDate: isoDate.optional(),
  /** Fiscal years; the rules read the years before the application year. */
  years: z.array(yearFactsSchema).max(50).default([]).describe('Fiscal years; the rules read the years before the application year.'),
  ip: z.array(ipItemSchema).max(100_000).default([]),
  qualifications: z.array(qualificationSchema).max(100).default([]),
  awards: z.array(awardSchema).max(1000).default([]),
  standards: z.array(standardSchema).max(1000).default([]),
  financing: z.array(financingSchema).max(1000).default([]),
  /** Highest level of own recognised R&D institution, if any. */
  rdInstitution: z.enum(rdInstitutionLevels).optional().describe('Highest level of own recognised R&D institution, if any.'),
  /** 创客中国 competition: best result in the last 3 years. */
  makersChina: z.strictObject({ tier: z.enum(['national_top50', 'top500']), date: isoDate }).optional().describe('创客中国 competition: best result in the last 3 years.'),
  flags: flagsSchema.default({}),
  /** Niche market: years in it at the end of the previous year (or give nicheSince). */
  nicheYears: amount.optional().describe('Niche market: years in it at the end of the previous year (or give nicheSince).'),
  nicheSince: isoDate.optional(),
  /** SME digital-level assessment (0 = none, 1..4). */
  digitalLevel: z.number().int().min(0).max(4).optional().describe('SME digital-level assessment (0 = none, 1..4).'),
  /** 专精特新 item 4. */
  leadingProductField: z.enum(['key_link', 'six_basics', 'none']).optional().describe('专精特新 item 4.'),
  /** HNTE: number of S&T results converted in the last 3 years. */
  conversionsLast3Years: z.number().int().min(0).max(100_000).optional().describe('HNTE: number of S&T results converted in the last 3 years.'),
  /** MIIT platform score (2026 rules, 工信厅企业〔2024〕75号); cannot be recomputed. */
  platformScore: z.number().min(0).max(100).optional().describe('MIIT platform score (2026 rules, 工信厅企业〔2024〕75号); cannot be recomputed.'),
  /** Expert-judged points; when absent the engine assumes the lowest points of the computed band (or 0) and says so. */
  expert: z.strictObject({
    hnte: z.strictObject({
      advancement: z.number().int().min(0).max(8).optional(),
      coreSupport: z.number().int().min(0).max(8).optional(),
      ipQuantity: z.number().int().min(0).max(8).optional(),
      acquisition: z.number().int().min(0).max(6).optional(),
      standardBonus: z.number().int().min(0).max(2).optional(),
      conversion: z.number().int().min(0).max(30).optional(),
      managementRules: z.number().int().min(0).max(6).optional(),
      managementInstitution: z.number().int().min(0).max(6).optional(),
      managementConversion: z.number().int().min(0).max(4).optional(),
      managementTalent: z.number().int().min(0).max(4).optional(),
      netAssetGrowth: z.number().int().min(0).max(10).optional(),
      salesGrowth: z.number().int().min(0).max(10).optional(),
    }).optional(),
    srdi: z.strictObject({
      /** Item 9: local distinctive indicators (0..15). */
      localIndicators: z.number().int().min(0).max(15).optional().describe('Item 9: local distinctive indicators (0..15).'),
    }).optional(),
  }).optional(),
});

export type YearFacts = z.infer<typeof yearFactsSchema>;
export type IpItem = z.infer<typeof ipItemSchema>;
export type Qualification = z.infer<typeof qualificationSchema>;
/** A validated case (defaults applied). */
export type PolicyCase = z.infer<typeof caseInputSchema>;
/** What a caller may pass (defaults not yet applied): the type to assemble cases against. */
export type PolicyCaseInput = z.input<typeof caseInputSchema>;
export type ProgrammeId = 'hnte' | 'tech-sme' | 'innovative-sme' | 'srdi' | 'little-giant';
export const programmeIds: readonly ProgrammeId[] = ['hnte', 'tech-sme', 'innovative-sme', 'srdi', 'little-giant'];
