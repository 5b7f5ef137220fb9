import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Rat, add, amountText, compare, div, isZero, mul, parseDecimal, sign, sub, toFixed, toMicro, SCALE } from '../exact';
import type { Text } from '../metrics';
import { type FieldIssue, PolicyInputError, zodIssues } from '../validate';
import { type SuperDeductionInput, superDeductionInputSchema } from './schema';

/**
 * The R&D super-deduction (研发费用加计扣除) of one tax year, exact: every line of the computation with its source.
 * Rates come from rates.json month by month, so a change of rate within a year (FY2022 Q4) is handled as a split.
 */

interface RateRow {
  id: string;
  from: string;
  to: string | null;
  kinds: string[];
  rate: string;
  amortMultiple: string | null;
  issued: string;
  source: string;
  confidence: string;
}

const rows: RateRow[] = (JSON.parse(readFileSync(join(import.meta.dirname, 'rates.json'), 'utf8')) as { rows: RateRow[] }).rows;

export interface SuperDeductionLine {
  id: string;
  label: Text;
  amount: number | null;
  formula: string;
  source: string;
}

export interface SuperDeductionResult {
  taxYear: number;
  enterpriseKind: SuperDeductionInput['enterpriseKind'];
  /** Applied extra-deduction rate (0 when excluded; the blended rate when it changed within the year). */
  rate: number;
  rateSegments: { rowId: string; months: number; rate: number; amortMultiple: number | null; source: string; confidence: string }[];
  base: number;
  extraDeduction: number;
  excluded: boolean;
  amortisation: number | null;
  lines: SuperDeductionLine[];
  uncertain: { id: string; reason: Text }[];
}

const ZERO: Rat = { n: 0, d: 1 };
const money = (value: number | undefined): Rat => ({ n: toMicro(value ?? 0), d: SCALE });
const shown = (value: Rat) => Number(toFixed(value, 2));
const rateNumber = (value: Rat) => Number(toFixed(value, 6));

function monthBounds(year: number, month: number): [string, string] {
  const mm = String(month).padStart(2, '0');
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return [`${year}-${mm}-01`, `${year}-${mm}-${last}`];
}

/** The row in force for an enterprise kind in a month: applicable rows, the latest issued wins. */
function rowFor(kind: string, year: number, month: number, needAmortisation = false): RateRow | undefined {
  const [first, last] = monthBounds(year, month);
  let best: RateRow | undefined;
  for (const row of rows) {
    if (row.from > last || (row.to !== null && row.to < first)) continue;
    if (!row.kinds.includes('all') && !row.kinds.includes(kind)) continue;
    if (needAmortisation && row.amortMultiple === null) continue;
    if (!best || row.issued > best.issued) best = row;
  }
  return best;
}

export function parseSuperDeductionInput(input: unknown): SuperDeductionInput {
  const parsed = superDeductionInputSchema.safeParse(input);
  if (!parsed.success) throw new PolicyInputError(zodIssues(parsed.error));
  const data = parsed.data;
  const issues: FieldIssue[] = [];
  if (!data.expenses && data.base === undefined) issues.push({ field: 'expenses', key: 'policy.rules.field.required', params: {} });
  if (data.expenses && data.base !== undefined) issues.push({ field: 'base', key: 'policy.rules.field.invalid', params: { detail: 'give expenses or base, not both' } });
  if (data.industry) {
    const { excludedIndustryRevenue, totalIncome, nonTaxableIncome, investmentIncome } = data.industry;
    if (nonTaxableIncome + investmentIncome >= totalIncome) issues.push({ field: 'industry.totalIncome', key: 'policy.rules.field.invalid', params: { detail: 'must exceed nonTaxableIncome + investmentIncome' } });
    else if (excludedIndustryRevenue > totalIncome - nonTaxableIncome - investmentIncome) {
      issues.push({ field: 'industry.excludedIndustryRevenue', key: 'policy.rules.field.partAboveWhole', params: { part: 'excludedIndustryRevenue', partValue: excludedIndustryRevenue, whole: 'totalIncome − nonTaxableIncome − investmentIncome', wholeValue: totalIncome - nonTaxableIncome - investmentIncome } });
    }
  }
  if (data.industry && data.excludedIndustry !== undefined) issues.push({ field: 'excludedIndustry', key: 'policy.rules.field.invalid', params: { detail: 'give industry figures or excludedIndustry, not both' } });
  data.intangibles.forEach((asset, i) => {
    if (Number(asset.formed.slice(0, 4)) > data.taxYear) issues.push({ field: `intangibles[${i}].formed`, key: 'policy.rules.field.invalid', params: { detail: `formed after tax year ${data.taxYear}` } });
  });
  if (data.q4Base !== undefined && data.taxYear !== 2022) issues.push({ field: 'q4Base', key: 'policy.rules.field.invalid', params: { detail: 'only for tax year 2022' } });
  if (issues.length > 0) throw new PolicyInputError(issues);
  return data;
}

export function calculateSuperDeduction(raw: unknown): SuperDeductionResult {
  const input = parseSuperDeductionInput(raw);
  const { taxYear: year, enterpriseKind: kind } = input;
  const lines: SuperDeductionLine[] = [];
  const uncertain: SuperDeductionResult['uncertain'] = [];
  const line = (id: string, label: Text, value: Rat | null, formula: string, source: string) => lines.push({ id, label, amount: value ? shown(value) : null, formula, source });

  // 1. Internal expensed R&D, with the cap on other related costs computed once for all projects (S8 §三).
  let internal: Rat;
  if (input.expenses) {
    const e = input.expenses;
    const core = [e.personnel, e.directInputs, e.depreciation, e.amortisation, e.design].map(money).reduce(add, ZERO);
    const cap = div(mul(core, { n: 1, d: 10 }), { n: 9, d: 10 });
    const other = money(e.otherRelated);
    const allowed = compare(other, cap) <= 0 ? other : cap;
    line('categories1to5', { zh: '第1–5类费用合计', en: 'categories 1–5 (personnel, direct inputs, depreciation, amortisation, design)' }, core, `${amountText(core)}`, 'S6 §一(一)');
    line('otherCap', { zh: '其他相关费用限额', en: 'cap on other related costs' }, cap, `${amountText(core)} × 10% / (1 − 10%) = ${amountText(cap)}`, 'S6 §一(一)6; S8 §三');
    line('otherAllowed', { zh: '可加计的其他相关费用', en: 'other related costs allowed' }, allowed, `min(${amountText(other)}, ${amountText(cap)})`, 'S8 §三');
    internal = add(core, allowed);
  } else {
    internal = money(input.base);
    line('givenBase', { zh: '已归集的可加计研发费用', en: 'eligible expensed R&D given' }, internal, amountText(internal), 'input');
  }

  // 2. Entrusted R&D at 80 %; overseas entrusted R&D capped at 2/3 of domestic qualifying R&D, from 2018.
  const fourFifths: Rat = { n: 4, d: 5 };
  const domesticEntrusted = mul(money(input.entrustedDomestic), fourFifths);
  if (input.entrustedDomestic) line('entrustedDomestic', { zh: '境内委托研发（按80%）', en: 'domestic entrusted R&D (80 %)' }, domesticEntrusted, `${amountText(money(input.entrustedDomestic))} × 80%`, 'S6 §二.1; S7 §三');
  const domesticQualifying = add(internal, domesticEntrusted);
  let overseas = ZERO;
  if (input.entrustedOverseas) {
    const actual = money(input.entrustedOverseas);
    if (year < 2018) {
      line('entrustedOverseas', { zh: '境外委托研发（2018年前不得加计）', en: 'overseas entrusted R&D (not allowed before 2018)' }, ZERO, '0', '财税〔2018〕64号');
    } else {
      const eighty = mul(actual, fourFifths);
      const cap = mul(domesticQualifying, { n: 2, d: 3 });
      overseas = compare(eighty, cap) <= 0 ? eighty : cap;
      line('entrustedOverseas', { zh: '境外委托研发（80%，不超过境内符合条件研发费用的2/3）', en: 'overseas entrusted R&D (80 %, at most 2/3 of domestic qualifying R&D)' }, overseas,
        `min(${amountText(actual)} × 80% = ${amountText(eighty)}, ${amountText(domesticQualifying)} × 2/3 = ${amountText(cap)})`, '财税〔2018〕64号 (S11, V2)');
    }
  }

  // 3. Deductions from the base: government-funded costs, then scrap income (floor 0).
  let base = add(domesticQualifying, overseas);
  if (input.governmentFunded) {
    base = sub(base, money(input.governmentFunded));
    line('governmentFunded', { zh: '减：财政资金支付的费用', en: 'less: costs paid from non-taxable government funds' }, money(input.governmentFunded), `− ${amountText(money(input.governmentFunded))}`, 'S7 §二');
  }
  if (input.scrapIncome) {
    base = sub(base, money(input.scrapIncome));
    line('scrapIncome', { zh: '减：研发过程中形成的下脚料、残次品、中间试制品收入', en: 'less: income from R&D scrap, defective and intermediate trial products' }, money(input.scrapIncome), `− ${amountText(money(input.scrapIncome))}`, 'S7 §二');
  }
  if (sign(base) < 0) base = ZERO;
  line('base', { zh: '加计扣除基数', en: 'super-deduction base' }, base, `${amountText(base)} (not below 0)`, 'S6; S7 §二');

  // 4. Excluded industries: main business in an excluded industry with > 50 % of (total income − non-taxable − investment income).
  let excluded = input.excludedIndustry ?? false;
  if (input.industry) {
    const denominator = sub(sub(money(input.industry.totalIncome), money(input.industry.nonTaxableIncome)), money(input.industry.investmentIncome));
    const share = div(money(input.industry.excludedIndustryRevenue), denominator);
    excluded = compare(share, { n: 1, d: 2 }) > 0;
    line('excludedTest', { zh: '不适用行业收入占比（> 50% 不得加计）', en: 'excluded-industry revenue share (> 50 % excludes)' }, null,
      `${amountText(money(input.industry.excludedIndustryRevenue))} / ${amountText(denominator)} = ${toFixed(mul(share, { n: 100, d: 1 }), 2)}% ${excluded ? '>' : '≤'} 50%`, 'S6 §四; S7 §四');
  }

  // 5. Rate month by month; amounts spread evenly over the months unless the FY2022 Q4 part is given.
  const segments: SuperDeductionResult['rateSegments'] = [];
  const monthRates: Rat[] = [];
  for (let month = 1; month <= 12; month++) {
    const row = rowFor(kind, year, month);
    if (!row) throw new PolicyInputError([{ field: 'taxYear', key: 'policy.rules.field.invalid', params: { detail: `no super-deduction rate known for ${year}` } }]);
    monthRates.push(parseDecimal(row.rate));
    const lastSegment = segments[segments.length - 1];
    if (lastSegment && lastSegment.rowId === row.id) lastSegment.months++;
    else segments.push({ rowId: row.id, months: 1, rate: Number(row.rate), amortMultiple: row.amortMultiple === null ? null : Number(row.amortMultiple), source: row.source, confidence: row.confidence });
  }
  for (const segment of segments) if (segment.confidence === 'V3') uncertain.push({ id: segment.rowId, reason: { zh: `税率依据置信度 V3：${segment.source}`, en: `rate source of confidence V3: ${segment.source}` } });
  let extra = ZERO;
  const q4 = input.q4Base !== undefined ? money(input.q4Base) : null;
  if (q4 && compare(q4, base) > 0) throw new PolicyInputError([{ field: 'q4Base', key: 'policy.rules.field.partAboveWhole', params: { part: 'q4Base', partValue: input.q4Base!, whole: 'base', wholeValue: shown(base) } }]);
  for (let month = 1; month <= 12; month++) {
    const share = q4 ? (month <= 9 ? div(sub(base, q4), { n: 9, d: 1 }) : div(q4, { n: 3, d: 1 })) : div(base, { n: 12, d: 1 });
    extra = add(extra, mul(share, monthRates[month - 1]!));
  }
  if (segments.length > 1) {
    uncertain.push({ id: 'split', reason: { zh: '年度内税率变化（2022年第四季度）：拆分方法未确认', en: 'the rate changed within the year (2022 Q4): the split method is not confirmed' } });
    line('split', { zh: '年度内分段计算', en: 'split within the year' }, extra,
      segments.map((s) => `${s.months}/12 × ${s.rate * 100}%`).join(' + ') + (q4 ? ' (Q4 actual)' : ' (spread evenly)'), segments.map((s) => s.source).join('; '));
  }
  if (excluded) extra = ZERO;
  const rate = excluded ? ZERO : isZero(base) ? monthRates[11]! : div(extra, base);
  line('extraDeduction', { zh: '加计扣除额', en: 'extra deduction' }, extra, excluded ? '0 (excluded industry)' : `${amountText(base)} × ${toFixed(mul(rate, { n: 100, d: 1 }), 2)}% = ${amountText(extra)}`, segments.map((s) => s.source).join('; '));

  // 6. Intangible assets: amortisation on a multiple of cost, month by month (the multiple of the rate in force that month).
  let amortisation: Rat | null = null;
  input.intangibles.forEach((asset, i) => {
    const formedYear = Number(asset.formed.slice(0, 4));
    const formedMonth = Number(asset.formed.slice(5, 7));
    const firstIndex = formedYear * 12 + formedMonth - 1;
    const lastIndex = firstIndex + asset.usefulLifeYears * 12 - 1;
    let total = ZERO;
    const used: string[] = [];
    for (let month = 1; month <= 12; month++) {
      const index = year * 12 + month - 1;
      if (index < firstIndex || index > lastIndex) continue;
      let multiple: Rat = { n: 1, d: 1 };
      if (!excluded) {
        const row = rowFor(kind, year, month, true)!;
        multiple = parseDecimal(row.amortMultiple!);
        const own = rowFor(kind, year, month);
        if (own && own.amortMultiple === null && !uncertain.some((u) => u.id === `${own.id}.amortisation`)) {
          uncertain.push({ id: `${own.id}.amortisation`, reason: { zh: `${own.id} 的摊销倍数未确认，沿用 ${row.id}`, en: `the amortisation multiple of ${own.id} is not confirmed; ${row.id} used` } });
        }
        if (!used.includes(row.amortMultiple!)) used.push(row.amortMultiple!);
      }
      total = add(total, div(mul(money(asset.cost), multiple), { n: asset.usefulLifeYears * 12, d: 1 }));
    }
    line(`intangible${i}`, { zh: `无形资产 ${i + 1} 税前摊销`, en: `intangible asset ${i + 1}: tax amortisation` }, total,
      `${amountText(money(asset.cost))} × ${used.length ? used.map((m) => `${Number(m) * 100}%`).join('/') : '100%'} / ${asset.usefulLifeYears} years × months in use in ${year}`, 'S5 Regs Art. 95; S9; S10');
    amortisation = add(amortisation ?? ZERO, total);
  });

  return {
    taxYear: year, enterpriseKind: kind, rate: rateNumber(rate), rateSegments: segments, base: shown(base), extraDeduction: shown(extra), excluded,
    amortisation: amortisation ? shown(amortisation) : null, lines, uncertain,
  };
}
