// The inputs of a case the page asks for, as the engine names them (src/policy/rules/case.ts), with their labels.
import type { MessageKey } from '../../../../shared/i18n';
import type { CaseInput } from '../api/assessment';

export type YearField = Exclude<keyof NonNullable<CaseInput['years']>[number], 'year' | 'staffMonthly' | 'techStaffMonthly'>;

/** Fiscal-year figures in 万元 (headcounts as annual averages); signed ones may be negative. */
export const YEAR_FIELDS: { key: YearField; label: MessageKey; signed?: boolean; integerish?: boolean }[] = [
  { key: 'salesRevenue', label: 'policy.assess.f.salesRevenue' },
  { key: 'mainBusinessRevenue', label: 'policy.assess.f.mainBusinessRevenue' },
  { key: 'totalIncome', label: 'policy.assess.f.totalIncome' },
  { key: 'nonTaxableIncome', label: 'policy.assess.f.nonTaxableIncome' },
  { key: 'investmentIncome', label: 'policy.assess.f.investmentIncome' },
  { key: 'hiTechRevenue', label: 'policy.assess.f.hiTechRevenue' },
  { key: 'rdExpense', label: 'policy.assess.f.rdExpense' },
  { key: 'domesticRd', label: 'policy.assess.f.domesticRd' },
  { key: 'rdEntrustedOverseas', label: 'policy.assess.f.rdEntrustedOverseas' },
  { key: 'staffAvg', label: 'policy.assess.f.staffAvg', integerish: true },
  { key: 'techStaffAvg', label: 'policy.assess.f.techStaffAvg', integerish: true },
  { key: 'rdStaffAvg', label: 'policy.assess.f.rdStaffAvg', integerish: true },
  { key: 'netAssets', label: 'policy.assess.f.netAssets', signed: true },
  { key: 'totalAssets', label: 'policy.assess.f.totalAssets' },
  { key: 'totalLiabilities', label: 'policy.assess.f.totalLiabilities' },
  { key: 'netProfit', label: 'policy.assess.f.netProfit', signed: true },
  { key: 'totalCostExpense', label: 'policy.assess.f.totalCostExpense' },
];

export type FlagKey = keyof NonNullable<CaseInput['flags']>;
export const FLAGS: { key: FlagKey; label: MessageKey }[] = [
  { key: 'residentInMainland', label: 'policy.assess.flag.residentInMainland' },
  { key: 'independentLegalPerson', label: 'policy.assess.flag.independentLegalPerson' },
  { key: 'isSme', label: 'policy.assess.flag.isSme' },
  { key: 'notProhibitedIndustry', label: 'policy.assess.flag.notProhibitedIndustry' },
  { key: 'noMajorIncident', label: 'policy.assess.flag.noMajorIncident' },
  { key: 'goodStanding', label: 'policy.assess.flag.goodStanding' },
  { key: 'coreIpOwned', label: 'policy.assess.flag.coreIpOwned' },
  { key: 'inKeyTechField', label: 'policy.assess.flag.inKeyTechField' },
  { key: 'standardDrafting', label: 'policy.assess.flag.standardDrafting' },
  { key: 'strategicEmergingIndustry', label: 'policy.assess.flag.strategicEmergingIndustry' },
  { key: 'ownBrand', label: 'policy.assess.flag.ownBrand' },
  { key: 'qualityManagementCertified', label: 'policy.assess.flag.qualityManagementCertified' },
  { key: 'provincialQualityAward', label: 'policy.assess.flag.provincialQualityAward' },
  { key: 'refinedManagement', label: 'policy.assess.flag.refinedManagement' },
  { key: 'marketShareAtLeast10', label: 'policy.assess.flag.marketShareAtLeast10' },
  { key: 'marketShareLeading', label: 'policy.assess.flag.marketShareLeading' },
  { key: 'keyChainLink', label: 'policy.assess.flag.keyChainLink' },
  { key: 'keyProductField', label: 'policy.assess.flag.keyProductField' },
  { key: 'outstandingChainResults', label: 'policy.assess.flag.outstandingChainResults' },
];

export type HnteExpertKey = keyof NonNullable<NonNullable<CaseInput['expert']>['hnte']>;
/** HNTE innovation-capability points judged by experts (S2 §三(七)), with their maxima. */
export const HNTE_EXPERT: { key: HnteExpertKey; label: MessageKey; max: number }[] = [
  { key: 'advancement', label: 'policy.assess.x.advancement', max: 8 },
  { key: 'coreSupport', label: 'policy.assess.x.coreSupport', max: 8 },
  { key: 'ipQuantity', label: 'policy.assess.x.ipQuantity', max: 8 },
  { key: 'acquisition', label: 'policy.assess.x.acquisition', max: 6 },
  { key: 'standardBonus', label: 'policy.assess.x.standardBonus', max: 2 },
  { key: 'conversion', label: 'policy.assess.x.conversion', max: 30 },
  { key: 'managementRules', label: 'policy.assess.x.managementRules', max: 6 },
  { key: 'managementInstitution', label: 'policy.assess.x.managementInstitution', max: 6 },
  { key: 'managementConversion', label: 'policy.assess.x.managementConversion', max: 4 },
  { key: 'managementTalent', label: 'policy.assess.x.managementTalent', max: 4 },
  { key: 'netAssetGrowth', label: 'policy.assess.x.netAssetGrowth', max: 10 },
  { key: 'salesGrowth', label: 'policy.assess.x.salesGrowth', max: 10 },
];

/** IP as counts a person can enter; turned into the engine's item list and back. */
export interface IpCounts { classI: number; classIHighValue: number; classIAcquired: number; classIApplied: number; classII: number; classIIUsed: number }

type Ip = NonNullable<CaseInput['ip']>[number];

export function ipCounts(ip: readonly Ip[] | undefined): IpCounts {
  const c: IpCounts = { classI: 0, classIHighValue: 0, classIAcquired: 0, classIApplied: 0, classII: 0, classIIUsed: 0 };
  for (const i of ip ?? []) {
    if (i.class === 'I') {
      if (i.highValue) c.classIHighValue++;
      else if (i.selfDeveloped === false) c.classIAcquired++;
      else c.classI++;
      if (i.appliedWithBenefit) c.classIApplied++;
    } else if (i.usedInPreviousHnte) c.classIIUsed++;
    else c.classII++;
  }
  return c;
}

export function ipItems(c: IpCounts): Ip[] {
  const items: Ip[] = [];
  const add = (n: number, item: Ip) => { for (let i = 0; i < n; i++) items.push({ ...item }); };
  add(c.classIHighValue, { class: 'I', selfDeveloped: true, highValue: true });
  add(c.classI, { class: 'I', selfDeveloped: true });
  add(c.classIAcquired, { class: 'I', selfDeveloped: false });
  let applied = c.classIApplied;
  for (const i of items) if (applied > 0) { i.appliedWithBenefit = true; applied--; }
  add(c.classII, { class: 'II', selfDeveloped: true });
  add(c.classIIUsed, { class: 'II', selfDeveloped: true, usedInPreviousHnte: true });
  return items;
}

export const IP_COUNT_FIELDS: { key: keyof IpCounts; label: MessageKey }[] = [
  { key: 'classI', label: 'policy.assess.ip.classI' },
  { key: 'classIHighValue', label: 'policy.assess.ip.classIHighValue' },
  { key: 'classIAcquired', label: 'policy.assess.ip.classIAcquired' },
  { key: 'classIApplied', label: 'policy.assess.ip.classIApplied' },
  { key: 'classII', label: 'policy.assess.ip.classII' },
  { key: 'classIIUsed', label: 'policy.assess.ip.classIIUsed' },
];

/** Which parts of the form a programme reads (all stay editable; these open first). */
export const SECTIONS_BY_PROGRAMME: Record<string, string[]> = {
  hnte: ['years', 'ip', 'flags', 'expert', 'other'],
  'tech-sme': ['years', 'ip', 'flags', 'other', 'lists'],
  'innovative-sme': ['years', 'ip', 'flags', 'other', 'lists'],
  srdi: ['years', 'ip', 'flags', 'other', 'lists'],
  'little-giant': ['years', 'ip', 'flags', 'other', 'lists'],
};

/**
 * A person's name for an input path the engine reports (`years[year=2025].netAssets`, `flags.coreIpOwned`,
 * `registrationDate`): its label in the page's language, with the year where there is one; the path itself only
 * when no label is known.
 */
export function inputLabel(path: string, t: (key: MessageKey) => string): string {
  const year = /^years\[year=(\d{4})\]\.(\w+)$/.exec(path);
  if (year) {
    const field = YEAR_FIELDS.find((f) => f.key === year[2]);
    return field ? `${t(field.label)}（${year[1]}）` : path;
  }
  const last = path.split('.').at(-1) ?? path;
  const known = [...FLAGS, ...HNTE_EXPERT, ...IP_COUNT_FIELDS].find((f) => f.key === last);
  if (known) return t(known.label);
  const key = `policy.assess.f.${last}` as MessageKey;
  const text = t(key);
  return text === key ? path : text;
}
