/**
 * Eligibility and amount rules of an incentive programme, as DATA (JSON stored with the programme), evaluated by pure
 * functions over the facts the registry holds about one organisation. No I/O here: eligibility.repository.ts loads
 * the facts (and compiles the same rules to SQL for "which enterprises qualify"); policy matching reuses both.
 *
 * Units: money in rules is in the registry's unit, 10k yuan (万元), as annual statistics are; money the functions
 * return is integer fen (1 yuan = 100 fen; 1 万元 = 1,000,000 fen). R&D intensity is in percent (3.5 = 3.5 %).
 */
import { z } from 'zod';
import { calendarDate } from '../../shared/http/zod-blocks';

export const ORG_KIND_CODES = ['enterprise', 'university', 'research_institute', 'lab', 'innovation_platform', 'incubator', 'maker_space', 'investment_fund', 'service_agency'] as const;
export const QUALIFICATION_CODES = ['hightech_enterprise', 'tech_sme', 'innovative_sme', 'srdi_sme', 'little_giant', 'national_key_lab', 'provincial_key_lab',
  'engineering_center', 'enterprise_tech_center', 'national_incubator', 'provincial_incubator', 'national_maker_space'] as const;
/** Money fields of annual statistics (10k yuan in the registry, fen in facts). */
export const MONEY_FIELDS = ['operating_revenue', 'rd_expense', 'exports'] as const;
export const COUNT_FIELDS = ['staff', 'rd_staff', 'patents_filed', 'patents_granted'] as const;
export const STAT_FIELDS = [...MONEY_FIELDS, ...COUNT_FIELDS, 'rd_intensity'] as const;
export type StatField = (typeof STAT_FIELDS)[number];
export const OPS = ['>=', '>', '<=', '<', '='] as const;
export type Op = (typeof OPS)[number];

const DATE = calendarDate();
/** A year offset from the evaluation date's year: -1 = last year (the default), -2 = the year before. */
const yearOffset = z.number().int().min(-5).max(0).default(-1);

export const eligibilityRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('org_kind'), in: z.array(z.enum(ORG_KIND_CODES)).min(1) }).strict(),
  z.object({ kind: z.literal('qualification'), type: z.enum(QUALIFICATION_CODES), on: DATE.optional() }).strict(),
  z.object({ kind: z.literal('statistic'), field: z.enum(STAT_FIELDS), op: z.enum(OPS), value: z.number().finite().min(0).max(1e12), year: yearOffset }).strict(),
  z.object({ kind: z.literal('founded_before'), date: DATE }).strict(),
]);
export type EligibilityRule = z.output<typeof eligibilityRule>;
export const eligibilityRules = z.array(eligibilityRule).max(20);

export const amountRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), amount_fen: z.number().int().positive().max(1e13) }).strict(),
  z.object({
    kind: z.literal('share'), field: z.enum(MONEY_FIELDS), year: yearOffset,
    /** basis points: 1000 = 10 % */
    rate_bp: z.number().int().min(1).max(10_000),
    cap_fen: z.number().int().positive().max(1e13).nullish(),
  }).strict(),
]);
export type AmountRule = z.output<typeof amountRule>;

/** One year of annual statistics; money in fen. */
export interface YearFigures {
  operating_revenue: number | null;
  rd_expense: number | null;
  exports: number | null;
  staff: number | null;
  rd_staff: number | null;
  patents_filed: number | null;
  patents_granted: number | null;
}

/** What the registry knows about an organisation, as the rules need it. */
export interface OrgFacts {
  organizationId: number;
  kind: string;
  zoneId: number;
  /** Whether the organisation's zone is the programme's zone or below it. */
  inProgrammeZone: boolean;
  foundedYear: number | null;
  retired: boolean;
  qualifications: { type: string; validFrom: string; validTo: string | null }[];
  statistics: Record<number, YearFigures>;
}

export type Bi = { zh: string; en: string };
export interface RuleResult {
  /** position in the programme's rule list; -1 for the built-in zone rule */
  index: number;
  kind: EligibilityRule['kind'] | 'zone';
  pass: boolean;
  /** what the registry holds (null: nothing known, which fails) */
  value: string | number | boolean | null;
  expected: string;
  label: Bi;
}

export interface Eligibility {
  eligible: boolean;
  results: RuleResult[];
}

const FIELD_LABEL: Record<StatField, Bi> = {
  operating_revenue: { zh: '营业收入（万元）', en: 'operating revenue (10k yuan)' },
  rd_expense: { zh: '研发费用（万元）', en: 'R&D expense (10k yuan)' },
  exports: { zh: '出口额（万元）', en: 'exports (10k yuan)' },
  staff: { zh: '从业人员', en: 'staff' },
  rd_staff: { zh: '研发人员', en: 'R&D staff' },
  patents_filed: { zh: '专利申请数', en: 'patents filed' },
  patents_granted: { zh: '专利授权数', en: 'patents granted' },
  rd_intensity: { zh: '研发强度（%）', en: 'R&D intensity (%)' },
};

export const FEN_PER_10K_YUAN = 1_000_000;
/** 10k yuan (a registry figure, possibly with decimals) → integer fen. */
export const tenThousandYuanToFen = (v: number) => Math.round(v * FEN_PER_10K_YUAN);
const fenTo10k = (fen: number) => fen / FEN_PER_10K_YUAN;

export const yearOf = (date: string) => Number(date.slice(0, 4));

function compare(a: number, op: Op, b: number): boolean {
  switch (op) {
    case '>=': return a >= b;
    case '>': return a > b;
    case '<=': return a <= b;
    case '<': return a < b;
    case '=': return a === b;
  }
}

/**
 * A statistic of one year in rule units, compared exactly: money in fen (so 100 万元 is 100,000,000 fen on both
 * sides), intensity by cross-multiplying (rd × 100 op value × revenue), which is what the SQL form does too.
 */
function statisticResult(f: YearFigures | undefined, field: StatField, op: Op, value: number): { pass: boolean; shown: number | null } {
  if (!f) return { pass: false, shown: null };
  if (field === 'rd_intensity') {
    const rd = f.rd_expense, rev = f.operating_revenue;
    if (rd === null || rev === null || rev <= 0) return { pass: false, shown: null };
    return { pass: compare(rd * 100, op, value * rev), shown: Math.round((rd * 10000) / rev) / 100 };
  }
  const v = f[field];
  if (v === null) return { pass: false, shown: null };
  if ((MONEY_FIELDS as readonly string[]).includes(field)) return { pass: compare(v, op, tenThousandYuanToFen(value)), shown: fenTo10k(v) };
  return { pass: compare(v, op, value), shown: v };
}

const heldOn = (q: OrgFacts['qualifications'][number], date: string) => q.validFrom <= date && (q.validTo === null || q.validTo >= date);

/** Evaluates every rule (never stopping at the first failure, so an applicant sees all reasons) on `date`. */
export function evaluateEligibility(rules: readonly EligibilityRule[], facts: OrgFacts, date: string): Eligibility {
  const results: RuleResult[] = [{
    index: -1, kind: 'zone', pass: facts.inProgrammeZone && !facts.retired, value: facts.zoneId, expected: 'programme zone or below',
    label: { zh: '注册在本项目所属园区（含下级）', en: 'registered in the programme\'s zone or below it' },
  }];
  rules.forEach((rule, index) => {
    switch (rule.kind) {
      case 'org_kind':
        results.push({ index, kind: rule.kind, pass: rule.in.includes(facts.kind as never), value: facts.kind, expected: rule.in.join(' | '),
          label: { zh: `机构类型为 ${rule.in.join('、')}`, en: `organisation kind is ${rule.in.join(' or ')}` } });
        break;
      case 'qualification': {
        const on = rule.on ?? date;
        const held = facts.qualifications.some((q) => q.type === rule.type && heldOn(q, on));
        results.push({ index, kind: rule.kind, pass: held, value: held, expected: `${rule.type} @ ${on}`,
          label: { zh: `${on} 持有有效资质 ${rule.type}`, en: `holds a valid ${rule.type} qualification on ${on}` } });
        break;
      }
      case 'statistic': {
        const year = yearOf(date) + rule.year;
        const { pass, shown } = statisticResult(facts.statistics[year], rule.field, rule.op, rule.value);
        const name = FIELD_LABEL[rule.field];
        results.push({ index, kind: rule.kind, pass, value: shown, expected: `${rule.op} ${rule.value}`,
          label: { zh: `${year} 年${name.zh} ${rule.op} ${rule.value}`, en: `${name.en} of ${year} ${rule.op} ${rule.value}` } });
        break;
      }
      case 'founded_before': {
        // The registry keeps the founding year only: a whole year before the date's year is the safe reading.
        const pass = facts.foundedYear !== null && facts.foundedYear < yearOf(rule.date);
        results.push({ index, kind: rule.kind, pass, value: facts.foundedYear, expected: `< ${yearOf(rule.date)}`,
          label: { zh: `成立于 ${rule.date} 之前（按成立年份）`, en: `founded before ${rule.date} (by founding year)` } });
        break;
      }
    }
  });
  return { eligible: results.every((r) => r.pass), results };
}

export interface AmountResult {
  amount_fen: number;
  /** the registry figure the share is taken of (fen), null for a fixed amount */
  base_fen: number | null;
  capped: boolean;
  explanation: Bi;
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** The amount an organisation may receive: fixed, or a share of a registry figure (rounded down to the fen) with a cap. */
export function computeAmount(rule: AmountRule, facts: OrgFacts, date: string): AmountResult {
  if (rule.kind === 'fixed') {
    return { amount_fen: rule.amount_fen, base_fen: null, capped: false, explanation: { zh: `定额 ¥${yuan(rule.amount_fen)}`, en: `fixed ¥${yuan(rule.amount_fen)}` } };
  }
  const year = yearOf(date) + rule.year;
  const base = facts.statistics[year]?.[rule.field] ?? null;
  if (base === null || base <= 0) {
    return { amount_fen: 0, base_fen: base, capped: false, explanation: { zh: `${year} 年无${FIELD_LABEL[rule.field].zh}数据`, en: `no ${FIELD_LABEL[rule.field].en} for ${year}` } };
  }
  // BigInt: fen × basis points can pass 2^53 for large figures.
  const share = Number((BigInt(base) * BigInt(rule.rate_bp)) / 10_000n);
  const capped = rule.cap_fen != null && share > rule.cap_fen;
  const amount = capped ? rule.cap_fen! : share;
  const pct = rule.rate_bp / 100;
  const cap = rule.cap_fen != null ? `, at most ¥${yuan(rule.cap_fen)}` : '';
  const capZh = rule.cap_fen != null ? `，最高 ¥${yuan(rule.cap_fen)}` : '';
  return {
    amount_fen: amount, base_fen: base, capped,
    explanation: {
      zh: `${year} 年${FIELD_LABEL[rule.field].zh.replace('（万元）', '')} ¥${yuan(base)} × ${pct}%${capZh} = ¥${yuan(amount)}`,
      en: `${pct}% of ${year} ${FIELD_LABEL[rule.field].en.replace(' (10k yuan)', '')} ¥${yuan(base)}${cap} = ¥${yuan(amount)}`,
    },
  };
}

/** Years of statistics the rules and the amount read, relative to the evaluation date. */
export function yearsNeeded(rules: readonly EligibilityRule[], amount: AmountRule, date: string): number[] {
  const ys = new Set<number>([yearOf(date) - 1]);
  for (const r of rules) if (r.kind === 'statistic') ys.add(yearOf(date) + r.year);
  if (amount.kind === 'share') ys.add(yearOf(date) + amount.year);
  return [...ys].sort();
}
