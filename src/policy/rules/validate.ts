import type { z } from 'zod';
import { type PolicyCase, caseInputSchema } from './case';
import { type RulesLocale, type RulesMessageKey, rulesText } from './rules.messages';

/** Field errors of a case: zod's shape errors plus contradictions between fields. Each names the field and has zh/en text. */

export interface FieldIssue {
  field: string;
  key: RulesMessageKey;
  params: Record<string, string | number>;
}

export class PolicyInputError extends Error {
  constructor(readonly issues: FieldIssue[]) {
    super(`invalid policy input: ${issues.map((i) => `${i.field}: ${rulesText('en', i.key, i.params)}`).join('; ')}`);
  }

  /** The issues as text in one language: "field: message". */
  lines(locale: RulesLocale): string[] {
    return this.issues.map((i) => `${i.field}: ${rulesText(locale, i.key, i.params)}`);
  }
}

export function fieldPath(path: PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out || '(input)';
}

/** Turns zod issues into our keyed field issues (never zod's English text alone). */
export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue): FieldIssue => {
    const field = fieldPath(issue.path);
    const custom = (issue as { params?: { key?: RulesMessageKey } }).params?.key;
    if (custom) return { field, key: custom, params: {} };
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined ? { field, key: 'policy.rules.field.required', params: {} } : { field, key: 'policy.rules.field.type', params: { type: issue.expected } };
      case 'too_small':
        return { field, key: 'policy.rules.field.min', params: { min: String(issue.minimum) } };
      case 'too_big':
        return { field, key: 'policy.rules.field.max', params: { max: String(issue.maximum) } };
      case 'invalid_value':
        return { field, key: 'policy.rules.field.enum', params: { options: issue.values.map(String).join(', ') } };
      case 'invalid_format':
        return issue.format === 'date' ? { field, key: 'policy.rules.field.date', params: {} } : { field, key: 'policy.rules.field.invalid', params: { detail: issue.message } };
      case 'unrecognized_keys':
        return { field: issue.keys.length ? `${field === '(input)' ? '' : `${field}.`}${issue.keys[0]}` : field, key: 'policy.rules.field.unknown', params: {} };
      default:
        return { field, key: 'policy.rules.field.invalid', params: { detail: issue.message } };
    }
  });
}

/** The built-in thresholds are in 万元; a case in another unit would be misjudged. */
const TEN_THOUSAND_YUAN = /^(万元|萬元|wan|wan yuan|10k cny|10,000 cny|10000 cny)$/i;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Contradictions that the shape cannot express. */
export function contradictions(c: PolicyCase, date?: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const now = today();
  const applied = date ?? c.applicationDate;
  if (c.applicationDate && c.applicationDate > now) issues.push({ field: 'applicationDate', key: 'policy.rules.field.futureDate', params: { date: c.applicationDate, today: now } });
  if (date && date > now) issues.push({ field: '--date', key: 'policy.rules.field.futureDate', params: { date, today: now } });
  if (c.registrationDate && c.registrationDate > now) issues.push({ field: 'registrationDate', key: 'policy.rules.field.futureDate', params: { date: c.registrationDate, today: now } });
  else if (c.registrationDate && applied && c.registrationDate > applied) issues.push({ field: 'registrationDate', key: 'policy.rules.field.registrationAfterApplication', params: { date: applied } });
  if (c.nicheSince && applied && c.nicheSince > applied) issues.push({ field: 'nicheSince', key: 'policy.rules.field.registrationAfterApplication', params: { date: applied } });
  if (c.unit !== undefined && !TEN_THOUSAND_YUAN.test(c.unit.trim())) issues.push({ field: 'unit', key: 'policy.rules.field.unit', params: {} });
  const seen = new Set<number>();
  c.years.forEach((y, i) => {
    const at = `years[${i}]`;
    if (seen.has(y.year)) issues.push({ field: `${at}.year`, key: 'policy.rules.field.duplicateYear', params: { year: y.year } });
    seen.add(y.year);
    if (y.rdExpense !== undefined && y.salesRevenue !== undefined && y.rdExpense > y.salesRevenue) {
      issues.push({ field: `${at}.rdExpense`, key: 'policy.rules.field.rdAboveRevenue', params: { rd: y.rdExpense, revenue: y.salesRevenue } });
    }
    const partOf = (part: keyof typeof y, partValue: number | undefined, whole: keyof typeof y, wholeValue: number | undefined) => {
      if (partValue !== undefined && wholeValue !== undefined && partValue > wholeValue) {
        issues.push({ field: `${at}.${String(part)}`, key: 'policy.rules.field.partAboveWhole', params: { part: String(part), partValue, whole: String(whole), wholeValue } });
      }
    };
    partOf('domesticRd', y.domesticRd, 'rdExpense', y.rdExpense);
    partOf('techStaffAvg', y.techStaffAvg, 'staffAvg', y.staffAvg);
    partOf('rdStaffAvg', y.rdStaffAvg, 'staffAvg', y.staffAvg);
    partOf('mainBusinessRevenue', y.mainBusinessRevenue, 'salesRevenue', y.salesRevenue);
    partOf('nonTaxableIncome', y.nonTaxableIncome, 'totalIncome', y.totalIncome);
    if (y.hiTechRevenue !== undefined && y.totalIncome !== undefined) {
      partOf('hiTechRevenue', y.hiTechRevenue, 'totalIncome', y.totalIncome - (y.nonTaxableIncome ?? 0));
    }
    if (y.totalLiabilities !== undefined && y.totalAssets !== undefined && y.netAssets !== undefined) {
      // net assets = assets − liabilities; a mismatch beyond rounding of a fen is a contradiction.
      const diff = Math.round(y.totalAssets * 1e6) - Math.round(y.totalLiabilities * 1e6) - Math.round(y.netAssets * 1e6);
      if (diff !== 0) issues.push({ field: `${at}.netAssets`, key: 'policy.rules.field.invalid', params: { detail: 'netAssets ≠ totalAssets − totalLiabilities' } });
    }
    if (y.techStaffMonthly && !y.staffMonthly && y.staffAvg === undefined) {
      issues.push({ field: `${at}.staffMonthly`, key: 'policy.rules.field.required', params: {} });
    }
    if (y.techStaffMonthly && y.staffMonthly) {
      if (y.techStaffMonthly.length !== y.staffMonthly.length) {
        issues.push({ field: `${at}.techStaffMonthly`, key: 'policy.rules.field.monthsMismatch', params: { months: y.staffMonthly.length } });
      } else {
        y.techStaffMonthly.forEach((t, m) => {
          if (t > y.staffMonthly![m]!) issues.push({ field: `${at}.techStaffMonthly[${m}]`, key: 'policy.rules.field.partAboveWhole', params: { part: 'techStaffMonthly', partValue: t, whole: 'staffMonthly', wholeValue: y.staffMonthly![m]! } });
        });
      }
    }
  });
  return issues;
}

/** Parses and checks a case; throws PolicyInputError with every field issue at once. */
export function parseCase(input: unknown, date?: string): PolicyCase {
  const parsed = caseInputSchema.safeParse(input);
  if (!parsed.success) throw new PolicyInputError(zodIssues(parsed.error));
  const issues = contradictions(parsed.data, date);
  if (issues.length > 0) throw new PolicyInputError(issues);
  return parsed.data;
}
