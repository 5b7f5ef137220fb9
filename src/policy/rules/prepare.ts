import type { PolicyCase, YearFacts } from './case';
import type { MetricMemo } from './metrics';
import { type Rat, SCALE, toMicro } from './exact';

/**
 * A case turned once into exact integers, so that five programmes (or a million enterprises) reuse the conversion.
 * Amounts are rationals with denominator SCALE (micro-units); entrusted R&D at 80 % keeps its exactness as n/(5·SCALE).
 */
export interface PreparedYear {
  year: number;
  sales?: Rat;
  main?: Rat;
  totalIncome?: Rat;
  nonTaxable?: Rat;
  investment?: Rat;
  rd?: Rat;
  domesticRd?: Rat;
  /** True when the R&D figures were computed from entrusted parts (80 % rule applied here). */
  rdFromParts: boolean;
  /** True when domestic entrusted R&D entered the domestic figure at 80 % (S2 is silent; flagged). */
  domesticEntrustedAt80: boolean;
  hiTech?: Rat;
  staff?: Rat;
  techStaff?: Rat;
  rdStaff?: Rat;
  netAssets?: Rat;
  totalAssets?: Rat;
  liabilities?: Rat;
  netProfit?: Rat;
  costExpense?: Rat;
}

/** IP counts every programme needs, counted once per case. */
export interface IpCounts {
  /** Related to the main/leading product. */
  related: number;
  relatedClassI: number;
  relatedClassISelf: number;
  relatedClassIHighValue: number;
  relatedClassIApplied: number;
  /** HNTE: Class I items, Class II items not used in a previous application, and whether any usable item is self-developed. */
  hnteClassI: number;
  hnteClassIIUsable: number;
  hnteAnySelfDeveloped: boolean;
}

export interface PreparedCase {
  source: PolicyCase;
  /** Application date (YYYY-MM-DD) the rules are applied on. */
  date: string;
  year: number;
  registrationDate?: string;
  registeredYear: number | null;
  /** windowFrom[n]: the date n years before the application date ("in the last n years" starts there). */
  windowFrom: readonly string[];
  years: Map<number, PreparedYear>;
  ip: IpCounts;
  /** Metric values kept across the programmes a case is assessed against (metrics.ts; batch and summary paths). */
  memo?: MetricMemo;
}

function countIp(source: PolicyCase): IpCounts {
  const counts: IpCounts = { related: 0, relatedClassI: 0, relatedClassISelf: 0, relatedClassIHighValue: 0, relatedClassIApplied: 0, hnteClassI: 0, hnteClassIIUsable: 0, hnteAnySelfDeveloped: false };
  // Defaults written out (selfDeveloped and relatedToMainProduct true), so that an unparsed registry case counts the same.
  for (const item of source.ip) {
    const classI = item.class === 'I';
    const reused = item.usedInPreviousHnte === true;
    if (classI) counts.hnteClassI++;
    else if (!reused) counts.hnteClassIIUsable++;
    if ((classI || !reused) && item.selfDeveloped !== false) counts.hnteAnySelfDeveloped = true;
    if (item.relatedToMainProduct === false) continue;
    counts.related++;
    if (!classI) continue;
    counts.relatedClassI++;
    if (item.selfDeveloped !== false) counts.relatedClassISelf++;
    if (item.highValue === true) counts.relatedClassIHighValue++;
    if (item.appliedWithBenefit === true) counts.relatedClassIApplied++;
  }
  return counts;
}

function money(value: number | undefined): Rat | undefined {
  return value === undefined ? undefined : { n: toMicro(value), d: SCALE };
}

/** Sum of month averages over the months given: the annual average of the operating period is sum / months. */
function headcount(avg: number | undefined, monthly: number[] | undefined): Rat | undefined {
  if (monthly && monthly.length > 0) {
    let sum = 0;
    for (const m of monthly) sum += toMicro(m);
    return { n: sum, d: SCALE * monthly.length };
  }
  return money(avg);
}

function prepareYear(y: YearFacts): PreparedYear {
  const hasParts = y.rdInternal !== undefined || y.rdEntrustedDomestic !== undefined || y.rdEntrustedOverseas !== undefined;
  let rd = money(y.rdExpense);
  let domesticRd = money(y.domesticRd);
  let domesticEntrustedAt80 = false;
  if (hasParts) {
    // Entrusted R&D counts at 80 % of the actual amount (S2): keep it exact as (5·internal + 4·entrusted) / (5·SCALE).
    const internal = toMicro(y.rdInternal ?? 0);
    const domestic = toMicro(y.rdEntrustedDomestic ?? 0);
    const overseas = toMicro(y.rdEntrustedOverseas ?? 0);
    rd ??= { n: 5 * internal + 4 * (domestic + overseas), d: 5 * SCALE };
    domesticRd ??= { n: 5 * internal + 4 * domestic, d: 5 * SCALE };
    domesticEntrustedAt80 = domestic > 0 && y.domesticRd === undefined;
  }
  return {
    year: y.year,
    sales: money(y.salesRevenue),
    main: money(y.mainBusinessRevenue),
    totalIncome: money(y.totalIncome),
    nonTaxable: money(y.nonTaxableIncome),
    investment: money(y.investmentIncome),
    rd,
    domesticRd,
    rdFromParts: hasParts,
    domesticEntrustedAt80,
    hiTech: money(y.hiTechRevenue),
    staff: headcount(y.staffAvg, y.staffMonthly),
    techStaff: headcount(y.techStaffAvg, y.techStaffMonthly),
    rdStaff: money(y.rdStaffAvg),
    netAssets: money(y.netAssets),
    totalAssets: money(y.totalAssets),
    liabilities: money(y.totalLiabilities),
    netProfit: money(y.netProfit),
    costExpense: money(y.totalCostExpense),
  };
}

/** Lists and flags a caller may leave out when it skips the zod parse (registry-assembled cases). */
function withDefaults(source: PolicyCase): PolicyCase {
  if (source.years && source.ip && source.qualifications && source.awards && source.standards && source.financing && source.flags) return source;
  return {
    ...source, years: source.years ?? [], ip: source.ip ?? [], qualifications: source.qualifications ?? [], awards: source.awards ?? [],
    standards: source.standards ?? [], financing: source.financing ?? [], flags: source.flags ?? {},
  };
}

/**
 * `date` overrides the case's application date (the CLI's --date); without either, today is used.
 * The case should be validated (parseCase / caseInputSchema); unparsed cases get the schema's defaults here.
 */
/** The window starts of an application date, shared (read only) by every case prepared on that date. */
let lastWindows: { date: string; from: readonly string[] } | null = null;
function windowsFrom(applied: string): readonly string[] {
  if (lastWindows?.date !== applied) {
    const year = Number(applied.slice(0, 4));
    const suffix = applied.slice(4);
    lastWindows = { date: applied, from: Object.freeze([applied, `${year - 1}${suffix}`, `${year - 2}${suffix}`, `${year - 3}${suffix}`, `${year - 4}${suffix}`, `${year - 5}${suffix}`]) };
  }
  return lastWindows.from;
}

export function prepareCase(input: PolicyCase, date?: string): PreparedCase {
  const source = withDefaults(input);
  const applied = date ?? source.applicationDate ?? new Date().toISOString().slice(0, 10);
  const years = new Map<number, PreparedYear>();
  for (const y of source.years) years.set(y.year, prepareYear(y));
  const year = Number(applied.slice(0, 4));
  const windowFrom = windowsFrom(applied);
  return {
    source, date: applied, year, registrationDate: source.registrationDate,
    registeredYear: source.registrationDate ? Number(source.registrationDate.slice(0, 4)) : null, windowFrom, years, ip: countIp(source),
  };
}
