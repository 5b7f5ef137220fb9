import { flagsSchema, qualificationKinds } from './case';
import { type Rat, add, compare, div, gcd, isZero, sign, sub } from './exact';
import type { PreparedCase, PreparedYear } from './prepare';

/**
 * Every derived quantity the rules use, in one place. Version files name metrics; a metric turns a prepared case into
 * an exact value (rational, boolean or choice) and records missing inputs and interpretations it had to make.
 */

export type MetricValue = Rat | boolean | string | null;
export type MetricKind = 'ratio' | 'amount' | 'count' | 'bool' | 'choice';
export interface Text { zh: string; en: string }
export interface Note { id: string; reason: Text }
/** Metric values kept on one prepared case, by slot, with the notes computing each made (set together). */
export interface MetricMemo { values: (MetricValue | undefined)[]; notes: (readonly Note[] | undefined)[] }

export interface MetricContext {
  p: PreparedCase;
  dayCount: 'difference' | 'inclusive';
  /** Score total, for conditions on the score (HNTE C7). */
  total: number;
  /** Missing input paths, collected when validating; null in batch mode. */
  missing: string[] | null;
  /** Interpretations a verdict may rest on (reported as uncertain). */
  notes: Note[];
  /** Parts of the last ratio computed, so that a trace can show "680 / 18000". */
  numerator?: Rat;
  denominator?: Rat;
}

export interface MetricDef {
  kind: MetricKind;
  label: Text;
  compute(ctx: MetricContext): MetricValue;
}

const ONE: Rat = { n: 1, d: 1 };

const inputName: Record<keyof Omit<PreparedYear, 'year' | 'rdFromParts' | 'domesticEntrustedAt80'>, string> = {
  sales: 'salesRevenue', main: 'mainBusinessRevenue', totalIncome: 'totalIncome', nonTaxable: 'nonTaxableIncome',
  investment: 'investmentIncome', rd: 'rdExpense', domesticRd: 'domesticRd', hiTech: 'hiTechRevenue', staff: 'staffAvg',
  techStaff: 'techStaffAvg', rdStaff: 'rdStaffAvg', netAssets: 'netAssets', totalAssets: 'totalAssets',
  liabilities: 'totalLiabilities', netProfit: 'netProfit', costExpense: 'totalCostExpense',
};
type YearKey = keyof typeof inputName;

function missing(ctx: MetricContext, path: string): null {
  ctx.missing?.push(path);
  return null;
}

/**
 * The furthest back, in fiscal years before the application year, that any metric below reads (windows of three
 * years, growth over three years). Batches aggregate no more than this from the registry (registry-cases.batch.ts);
 * test/api/policy-batch-fast-path.test.ts holds the batch to the one-enterprise path, which carries five years.
 */
export const FISCAL_YEARS_READ = 3;

/** A field of fiscal year appYear − back (back = 1 is "last year"). */
function yearValue(ctx: MetricContext, back: number, key: YearKey): Rat | null {
  const year = ctx.p.year - back;
  const value = ctx.p.years.get(year)?.[key];
  // The path text only when someone collects it: batches assess with `missing` null and many absent fields.
  return value ?? (ctx.missing && missing(ctx, `years[year=${year}].${inputName[key]}`));
}

/** First fiscal year of a window of `span` years before the application year, shortened to the operating period. */
function windowStart(ctx: MetricContext, span: number): number {
  const first = ctx.p.year - span;
  const registered = ctx.p.registeredYear ?? first;
  return Math.min(ctx.p.year - 1, Math.max(first, registered));
}

function windowSum(ctx: MetricContext, span: number, key: YearKey): Rat | null {
  let sum: Rat | null = null;
  let complete = true;
  for (let year = windowStart(ctx, span); year < ctx.p.year; year++) {
    const value = yearValue(ctx, ctx.p.year - year, key);
    if (!value) complete = false;
    else sum = sum ? add(sum, value) : value;
  }
  return complete ? sum : null;
}

function ratio(numerator: Rat | null, denominator: Rat | null, ctx: MetricContext, zeroId: string): Rat | null {
  if (!numerator || !denominator) return null;
  if (isZero(denominator)) {
    ctx.notes.push({ id: zeroId, reason: { zh: '分母为 0，比例按 0 计', en: 'the denominator is 0; the ratio counts as 0' } });
    return { n: 0, d: 1 };
  }
  ctx.numerator = numerator;
  ctx.denominator = denominator;
  return div(numerator, denominator);
}

/** Dates repeat across a batch (one application date, founding years' last days): parse each once. */
const parsedDates = new Map<string, number>();
function dateMs(date: string): number {
  let ms = parsedDates.get(date);
  if (ms === undefined) {
    if (parsedDates.size > 50_000) parsedDates.clear();
    ms = Date.parse(date);
    parsedDates.set(date, ms);
  }
  return ms;
}

function days(from: string, to: string): number {
  return Math.round((dateMs(to) - dateMs(from)) / 86_400_000);
}

/** A dated item lies within the `years` years up to the application date. */
function within(ctx: MetricContext, date: string, years: number): boolean {
  return date >= ctx.p.windowFrom[years]! && date <= ctx.p.date;
}

function qualificationHeld(ctx: MetricContext, kinds: readonly string[]): boolean {
  const date = ctx.p.date;
  return ctx.p.source.qualifications.some((q) => kinds.includes(q.kind) && (q.validFrom ?? '') <= date && date <= (q.validTo ?? '9999-12-31'));
}

function equitySince(ctx: MetricContext, years: number): Rat {
  let sum = 0;
  for (const f of ctx.p.source.financing) if (f.qualifiedInvestor !== false && within(ctx, f.date, years)) sum += Math.round(f.amount * 1_000_000);
  return { n: sum, d: 1_000_000 };
}


/** ½(X2/X1 + X3/X2) − 1 with S2's special cases; exact, shrunk by a common divisor so doubles usually suffice. */
function hnteGrowth(ctx: MetricContext, key: 'netAssets' | 'sales', id: string): Rat | null {
  const operatedYears = ctx.p.year - windowStart(ctx, 3);
  const x3 = yearValue(ctx, 1, key);
  const x2 = operatedYears >= 2 ? yearValue(ctx, 2, key) : null;
  if (operatedYears < 2) {
    ctx.notes.push({ id, reason: { zh: '经营不足两个会计年度，成长性按 0 分（指引未规定）', en: 'fewer than two fiscal years: growth scores 0 (not specified by S2)' } });
    return x3 ? { n: -1, d: 1 } : null;
  }
  const x1 = operatedYears >= 3 ? yearValue(ctx, 3, key) : null;
  if (!x3 || !x2 || (operatedYears >= 3 && !x1)) return null;
  if (sign(x2) < 0 || (x1 && sign(x1) < 0)) {
    ctx.notes.push({ id, reason: { zh: '净资产为负，增长率无意义，按 0 分（指引未规定）', en: 'negative values make the growth rate meaningless; scored 0 (not specified by S2)' } });
    return { n: -1, d: 1 };
  }
  if (isZero(x2)) return { n: -1, d: 1 }; // S2: year-2 value 0 scores 0
  if (!x1 || isZero(x1)) {
    if (!x1) ctx.notes.push({ id, reason: { zh: '仅两个会计年度：按 X3/X2 − 1 计算（解释性口径）', en: 'only two fiscal years: computed as X3/X2 − 1 (interpretation)' } });
    return sub(div(x3, x2), ONE);
  }
  // Same denominators (micro-units): shrink the integers by their gcd so the products stay below 2^53.
  if (typeof x1.n === 'number' && typeof x2.n === 'number' && typeof x3.n === 'number' && x1.d === x2.d && x2.d === x3.d) {
    const g = gcd(gcd(x1.n, x2.n), x3.n) || 1;
    const a = x1.n / g;
    const b = x2.n / g;
    const c = x3.n / g;
    const num = b * b + a * c - 2 * a * b;
    const den = 2 * a * b;
    if (Number.isSafeInteger(b * b) && Number.isSafeInteger(a * c) && Number.isSafeInteger(num) && Number.isSafeInteger(den)) return { n: num, d: den };
  }
  const sum = add(div(x2, x1), div(x3, x2));
  return sub(div(sum, { n: 2, d: 1 }), ONE);
}

function yearlyGrowth(ctx: MetricContext, back: number): Rat | null {
  const current = yearValue(ctx, back, 'main');
  const previous = yearValue(ctx, back + 1, 'main');
  if (!current || !previous) return null;
  if (isZero(previous)) {
    ctx.notes.push({ id: 'growth.mainBusiness', reason: { zh: '上一年主营业务收入为 0，增长率按 0 计', en: 'previous main-business revenue is 0; growth taken as 0' } });
    return { n: 0, d: 1 };
  }
  return sub(div(current, previous), ONE);
}

const flagMetrics: Record<string, MetricDef> = {};
for (const key of Object.keys(flagsSchema.shape) as (keyof typeof flagsSchema.shape)[]) {
  flagMetrics[`flag.${key}`] = {
    kind: 'bool',
    label: { zh: `声明：${key}`, en: `statement: ${key}` },
    compute: (ctx) => ctx.p.source.flags[key] ?? (ctx.missing && missing(ctx, `flags.${key}`)),
  };
}
const qualificationMetrics: Record<string, MetricDef> = {};
for (const kind of qualificationKinds) {
  qualificationMetrics[`qual.${kind}`] = {
    kind: 'bool',
    label: { zh: `持有有效资质：${kind}`, en: `holds a valid ${kind} qualification` },
    compute: (ctx) => qualificationHeld(ctx, [kind]),
  };
}

/** Level of the best related IP item: high-value Class I 4, self-developed Class I 3, Class I 2, Class II 1, none 0. */
function leadingIpLevel(ctx: MetricContext): number {
  const ip = ctx.p.ip;
  if (ip.relatedClassIHighValue > 0) return 4;
  if (ip.relatedClassISelf > 0) return 3;
  if (ip.relatedClassI > 0) return 2;
  return ip.related > 0 ? 1 : 0;
}

export const metrics: Record<string, MetricDef> = {
  ...flagMetrics,
  ...qualificationMetrics,
  'registration.days': {
    kind: 'count',
    label: { zh: '注册至申请的天数', en: 'days from registration to application' },
    compute: (ctx) => {
      const from = ctx.p.registrationDate;
      if (!from) return missing(ctx, 'registrationDate');
      return { n: days(from, ctx.p.date) + (ctx.dayCount === 'inclusive' ? 1 : 0), d: 1 };
    },
  },
  'ip.count': {
    kind: 'count',
    label: { zh: '有效知识产权数量', en: 'valid IP items' },
    compute: (ctx) => ({ n: ctx.p.ip.related, d: 1 }),
  },
  'ip.classIApplied': {
    kind: 'count',
    label: { zh: '已应用并产生效益的 I 类知识产权', en: 'Class I IP items applied with economic benefit' },
    compute: (ctx) => ({ n: ctx.p.ip.relatedClassIApplied, d: 1 }),
  },
  'staff.total': {
    kind: 'count',
    label: { zh: '上年职工总数（年平均）', en: 'total staff last year (annual average)' },
    compute: (ctx) => yearValue(ctx, 1, 'staff'),
  },
  'staff.techShare': {
    kind: 'ratio',
    label: { zh: '科技人员占职工总数比例', en: 'S&T staff share of total staff' },
    compute: (ctx) => ratio(yearValue(ctx, 1, 'techStaff'), yearValue(ctx, 1, 'staff'), ctx, 'staff.techShare'),
  },
  'staff.rdShare': {
    kind: 'ratio',
    label: { zh: '研发人员占职工总数比例', en: 'R&D staff share of total staff' },
    compute: (ctx) => {
      const last = ctx.p.years.get(ctx.p.year - 1);
      const rdStaff = last?.rdStaff ?? last?.techStaff ?? (ctx.missing && missing(ctx, `years[year=${ctx.p.year - 1}].rdStaffAvg`));
      return ratio(rdStaff, yearValue(ctx, 1, 'staff'), ctx, 'staff.rdShare');
    },
  },
  'sales.lastYear': {
    kind: 'amount',
    label: { zh: '上年销售（营业）收入', en: 'last year sales (operating) revenue' },
    compute: (ctx) => yearValue(ctx, 1, 'sales'),
  },
  'assets.total': {
    kind: 'amount',
    label: { zh: '上年末资产总额', en: 'total assets at the end of last year' },
    compute: (ctx) => yearValue(ctx, 1, 'totalAssets'),
  },
  'rd.lastYear': {
    kind: 'amount',
    label: { zh: '上年研发费用', en: 'R&D expense last year' },
    compute: (ctx) => yearValue(ctx, 1, 'rd'),
  },
  'rd.total2y': {
    kind: 'amount',
    label: { zh: '近两年研发费用合计', en: 'R&D expense of the last 2 years' },
    compute: (ctx) => {
      const a = yearValue(ctx, 1, 'rd');
      const b = yearValue(ctx, 2, 'rd');
      return a && b ? add(a, b) : null;
    },
  },
  'rd.avg2y': {
    kind: 'amount',
    label: { zh: '近两年研发费用年均', en: 'average yearly R&D of the last 2 years' },
    compute: (ctx) => {
      const a = yearValue(ctx, 1, 'rd');
      const b = yearValue(ctx, 2, 'rd');
      return a && b ? div(add(a, b), { n: 2, d: 1 }) : null;
    },
  },
  'rd.min2y': {
    kind: 'amount',
    label: { zh: '近两年每年研发费用的较小值', en: 'smaller yearly R&D of the last 2 years' },
    compute: (ctx) => {
      const a = yearValue(ctx, 1, 'rd');
      const b = yearValue(ctx, 2, 'rd');
      return a && b ? (compare(a, b) <= 0 ? a : b) : null;
    },
  },
  'rd.intensity3y': {
    kind: 'ratio',
    label: { zh: '近三个会计年度研发费用总额占销售收入总额比例', en: 'R&D of the last 3 fiscal years / sales of the same years' },
    compute: (ctx) => ratio(windowSum(ctx, 3, 'rd'), windowSum(ctx, 3, 'sales'), ctx, 'rd.intensity3y'),
  },
  'rd.domesticShare3y': {
    kind: 'ratio',
    label: { zh: '境内研发费用占研发费用总额比例（近三年）', en: 'R&D in China / all R&D (last 3 years)' },
    compute: (ctx) => {
      for (let year = windowStart(ctx, 3); year < ctx.p.year; year++) {
        if (ctx.p.years.get(year)?.domesticEntrustedAt80) {
          ctx.notes.push({ id: 'rd.domesticShare3y', reason: { zh: '境内委托研发按 80% 计入境内研发（指引未明确）', en: 'domestic entrusted R&D entered the domestic figure at 80 % (S2 is silent)' } });
          break;
        }
      }
      return ratio(windowSum(ctx, 3, 'domesticRd'), windowSum(ctx, 3, 'rd'), ctx, 'rd.domesticShare3y');
    },
  },
  'income.hiTechShare': {
    kind: 'ratio',
    label: { zh: '上年高新技术产品（服务）收入占总收入比例', en: 'high-tech revenue / total income (last year)' },
    compute: (ctx) => {
      const total = yearValue(ctx, 1, 'totalIncome');
      const nonTaxable = ctx.p.years.get(ctx.p.year - 1)?.nonTaxable ?? { n: 0, d: 1 };
      return ratio(yearValue(ctx, 1, 'hiTech'), total ? sub(total, nonTaxable) : null, ctx, 'income.hiTechShare');
    },
  },
  'rd.salesShare': {
    kind: 'ratio',
    label: { zh: '上年研发费用占销售（营业）收入比例', en: 'R&D / sales (operating) revenue, last year' },
    compute: (ctx) => ratio(yearValue(ctx, 1, 'rd'), yearValue(ctx, 1, 'sales'), ctx, 'rd.salesShare'),
  },
  'rd.costShare': {
    kind: 'ratio',
    label: { zh: '上年研发费用占成本费用支出总额比例', en: 'R&D / total costs and expenses, last year' },
    compute: (ctx) => ratio(yearValue(ctx, 1, 'rd'), yearValue(ctx, 1, 'costExpense'), ctx, 'rd.costShare'),
  },
  'rd.salesShareMin2y': {
    kind: 'ratio',
    label: { zh: '近两年每年研发费用占营业收入比例的较小值', en: 'smaller yearly R&D / revenue of the last 2 years' },
    compute: (ctx) => {
      const a = ratio(yearValue(ctx, 1, 'rd'), yearValue(ctx, 1, 'sales'), ctx, 'rd.salesShareMin2y');
      const b = ratio(yearValue(ctx, 2, 'rd'), yearValue(ctx, 2, 'sales'), ctx, 'rd.salesShareMin2y');
      return a && b ? (compare(a, b) <= 0 ? a : b) : null;
    },
  },
  'main.share': {
    kind: 'ratio',
    label: { zh: '上年主营业务收入占营业收入比例', en: 'main-business revenue / operating revenue, last year' },
    compute: (ctx) => ratio(yearValue(ctx, 1, 'main'), yearValue(ctx, 1, 'sales'), ctx, 'main.share'),
  },
  'debt.ratio': {
    kind: 'ratio',
    label: { zh: '上年末资产负债率', en: 'debt ratio at the end of last year' },
    compute: (ctx) => ratio(yearValue(ctx, 1, 'liabilities'), yearValue(ctx, 1, 'totalAssets'), ctx, 'debt.ratio'),
  },
  'profit.netMargin': {
    kind: 'ratio',
    label: { zh: '上年净利润率', en: 'net profit margin, last year' },
    compute: (ctx) => ratio(yearValue(ctx, 1, 'netProfit'), yearValue(ctx, 1, 'sales'), ctx, 'profit.netMargin'),
  },
  'growth.hnteNetAssets': {
    kind: 'ratio',
    label: { zh: '净资产增长率', en: 'net-asset growth rate' },
    compute: (ctx) => hnteGrowth(ctx, 'netAssets', 'growth.hnteNetAssets'),
  },
  'growth.hnteSales': {
    kind: 'ratio',
    label: { zh: '销售收入增长率', en: 'sales growth rate' },
    compute: (ctx) => hnteGrowth(ctx, 'sales', 'growth.hnteSales'),
  },
  'growth.mainBusiness1y': {
    kind: 'ratio',
    label: { zh: '上年主营业务收入增长率', en: 'main-business revenue growth, last year' },
    compute: (ctx) => yearlyGrowth(ctx, 1),
  },
  'growth.mainBusiness2yAvg': {
    kind: 'ratio',
    label: { zh: '近两年主营业务收入平均增长率（算术平均）', en: 'average main-business revenue growth of the last 2 years (arithmetic mean)' },
    compute: (ctx) => {
      const g1 = yearlyGrowth(ctx, 1);
      const g2 = yearlyGrowth(ctx, 2);
      if (!g1 || !g2) return null;
      // The sources give no formula; with two different yearly rates the mean and the compound rate differ.
      if (compare(g1, g2) !== 0) ctx.notes.push({ id: 'growth.mainBusiness2yAvg', reason: { zh: '“近2年平均增长率”公式未见原文，按两年增长率的算术平均计算', en: 'the formula of the 2-year average growth is not in any source read; the arithmetic mean of the two yearly rates is used' } });
      return div(add(g1, g2), { n: 2, d: 1 });
    },
  },
  'growth.mainBusinessFactor2y': {
    kind: 'ratio',
    label: { zh: '近两年主营业务收入增长倍数（上年 ÷ 三年前）', en: 'main-business revenue factor over 2 years (last year ÷ three years back)' },
    compute: (ctx) => ratio(yearValue(ctx, 1, 'main'), yearValue(ctx, 3, 'main'), ctx, 'growth.mainBusinessFactor2y'),
  },
  'growth.salesFactor2y': {
    kind: 'ratio',
    label: { zh: '近两年营业收入增长倍数（上年 ÷ 三年前）', en: 'revenue factor over 2 years (last year ÷ three years back)' },
    compute: (ctx) => ratio(yearValue(ctx, 1, 'sales'), yearValue(ctx, 3, 'sales'), ctx, 'growth.salesFactor2y'),
  },
  'hnte.ipQuantityLevel': {
    kind: 'count',
    label: { zh: '知识产权数量档次（4=有 I 类；3=II 类≥5；2=3–4；1=1–2；0=无）', en: 'IP quantity level (4 = a Class I; 3 = ≥ 5 Class II; 2 = 3–4; 1 = 1–2; 0 = none)' },
    compute: (ctx) => {
      // A Class II item already used in a previous HNTE application cannot count again (S2).
      const { hnteClassI: classI, hnteClassIIUsable: classII } = ctx.p.ip;
      return { n: classI > 0 ? 4 : classII >= 5 ? 3 : classII >= 3 ? 2 : classII >= 1 ? 1 : 0, d: 1 };
    },
  },
  'hnte.ipAcquisitionLevel': {
    kind: 'count',
    label: { zh: '知识产权获得方式（2=有自主研发；1=仅受让等；0=无）', en: 'IP acquisition (2 = some self-developed; 1 = only transfer etc.; 0 = none)' },
    compute: (ctx) => {
      const usable = ctx.p.ip.hnteClassI + ctx.p.ip.hnteClassIIUsable;
      return { n: usable === 0 ? 0 : ctx.p.ip.hnteAnySelfDeveloped ? 2 : 1, d: 1 };
    },
  },
  'hnte.conversionsPerYear': {
    kind: 'count',
    label: { zh: '近三年年均科技成果转化数', en: 'yearly average of S&T results converted (last 3 years)' },
    compute: (ctx) => {
      const count = ctx.p.source.conversionsLast3Years;
      if (count === undefined) return missing(ctx, 'conversionsLast3Years');
      const operated = ctx.p.year - windowStart(ctx, 3);
      if (operated < 3) ctx.notes.push({ id: 'hnte.conversionsPerYear', reason: { zh: `经营不足三年：按 ${operated} 年平均（解释性口径）`, en: `fewer than 3 years: averaged over ${operated} (interpretation)` } });
      return { n: count, d: Math.max(1, operated) };
    },
  },
  'techsme.ipLevel': {
    kind: 'count',
    label: { zh: '科技成果档次（5=I 类；4=II 类≥4；3/2/1=II 类 3/2/1 项）', en: 'S&T results level (5 = a Class I; 4 = ≥ 4 Class II; 3/2/1 = 3/2/1 Class II)' },
    compute: (ctx) => {
      const ip = ctx.p.ip;
      return { n: ip.relatedClassI > 0 ? 5 : Math.min(4, ip.related), d: 1 };
    },
  },
  'ip.leadingLevel': {
    kind: 'count',
    label: { zh: '主导产品相关知识产权档次（4=高价值 I 类；3=自主研发 I 类；2=I 类；1=II 类；0=无）', en: 'IP of the leading product (4 = high-value Class I; 3 = self-developed Class I; 2 = Class I; 1 = Class II; 0 = none)' },
    compute: (ctx) => ({ n: leadingIpLevel(ctx), d: 1 }),
  },
  'qual.honour': {
    kind: 'bool',
    label: { zh: '持有高新技术企业等有效荣誉', en: 'holds a valid honour (HNTE, innovation demonstration, IP advantage)' },
    compute: (ctx) => qualificationHeld(ctx, ['hnte', 'tech_innovation_demo', 'ip_advantage']),
  },
  'qual.techOrInnovativeSme': {
    kind: 'bool',
    label: { zh: '持有科技型或创新型中小企业资格', en: 'holds the sci-tech SME or innovative SME title' },
    compute: (ctx) => qualificationHeld(ctx, ['tech_sme', 'innovative_sme']),
  },
  'award.national5yTop3': {
    kind: 'bool',
    label: { zh: '近五年国家级科技奖励（获奖单位前三）', en: 'national S&T award in the last 5 years (top 3 units)' },
    compute: (ctx) => ctx.p.source.awards.some((a) => a.level === 'national' && (a.rank ?? 99) <= 3 && within(ctx, a.date, 5)),
  },
  'award.national3yTop3': {
    kind: 'bool',
    label: { zh: '近三年国家级科技奖励（前三）', en: 'national S&T award in the last 3 years (top 3)' },
    compute: (ctx) => ctx.p.source.awards.some((a) => a.level === 'national' && (a.rank ?? 99) <= 3 && within(ctx, a.date, 3)),
  },
  'award.any3y': {
    kind: 'bool',
    label: { zh: '近三年国家级或省级科技奖励', en: 'national or provincial S&T award in the last 3 years' },
    compute: (ctx) => ctx.p.source.awards.some((a) => within(ctx, a.date, 3)),
  },
  'award.srdi3y': {
    kind: 'bool',
    label: { zh: '近三年省级科技奖励（前三）或国家级科技奖励', en: 'provincial S&T award (top 3) or any national award in the last 3 years' },
    compute: (ctx) => ctx.p.source.awards.some((a) => within(ctx, a.date, 3) && (a.level === 'national' || (a.rank ?? 99) <= 3)),
  },
  'award.provincialPlus3yTop3': {
    kind: 'bool',
    label: { zh: '近三年省级及以上科技奖励（前三）', en: 'provincial or national S&T award in the last 3 years (top 3)' },
    compute: (ctx) => ctx.p.source.awards.some((a) => within(ctx, a.date, 3) && (a.rank ?? 99) <= 3),
  },
  'standards.led5y': {
    kind: 'bool',
    label: { zh: '近五年主导制定国际、国家或行业标准（前五）', en: 'led an international, national or industry standard in the last 5 years (first five units)' },
    compute: (ctx) => ctx.p.source.standards.some((s) => (s.rank ?? 99) <= 5 && within(ctx, s.date, 5)),
  },
  'rdInstitution.level': {
    kind: 'choice',
    label: { zh: '自建研发机构最高级别', en: 'highest level of own R&D institution' },
    compute: (ctx) => ctx.p.source.rdInstitution ?? 'none',
  },
  'rdInstitution.provincialPlus': {
    kind: 'bool',
    label: { zh: '有省部级以上研发机构', en: 'has a provincial/ministerial-level or higher R&D institution' },
    compute: (ctx) => ctx.p.source.rdInstitution === 'national' || ctx.p.source.rdInstitution === 'provincial',
  },
  'rdInstitution.any': {
    kind: 'bool',
    label: { zh: '有自建或合作研发机构', en: 'has an own or joint R&D institution' },
    compute: (ctx) => ctx.p.source.rdInstitution !== undefined,
  },
  'financing.equity3y': {
    kind: 'amount',
    label: { zh: '近三年合格机构投资者新增股权融资', en: 'new qualified equity financing, last 3 years' },
    compute: (ctx) => equitySince(ctx, 3),
  },
  'financing.equity2y': {
    kind: 'amount',
    label: { zh: '近两年合格机构投资者新增股权融资', en: 'new qualified equity financing, last 2 years' },
    compute: (ctx) => equitySince(ctx, 2),
  },
  'makersChina.top500_3y': {
    kind: 'bool',
    label: { zh: '近三年"创客中国"全国 500 强企业组', en: '"创客中国" national top-500 enterprise group, last 3 years' },
    compute: (ctx) => Boolean(ctx.p.source.makersChina && within(ctx, ctx.p.source.makersChina.date, 3)),
  },
  'makersChina.top50_3y': {
    kind: 'bool',
    label: { zh: '近三年"创客中国"全国 50 强企业组', en: '"创客中国" national top-50 enterprise group, last 3 years' },
    compute: (ctx) => ctx.p.source.makersChina?.tier === 'national_top50' && within(ctx, ctx.p.source.makersChina.date, 3),
  },
  'niche.years': {
    kind: 'count',
    label: { zh: '从事细分市场年限（至上年末）', en: 'years in the niche market (to the end of last year)' },
    compute: (ctx) => {
      const { nicheYears, nicheSince } = ctx.p.source;
      if (nicheYears !== undefined) return { n: Math.round(nicheYears * 1_000_000), d: 1_000_000 };
      if (!nicheSince) return missing(ctx, 'nicheYears');
      return { n: Math.max(0, days(nicheSince, `${ctx.p.year - 1}-12-31`) + 1), d: 365 };
    },
  },
  'digital.level': {
    kind: 'choice',
    label: { zh: '数字化水平等级', en: 'digitalisation level' },
    compute: (ctx) => (ctx.p.source.digitalLevel === undefined ? missing(ctx, 'digitalLevel') : String(ctx.p.source.digitalLevel)),
  },
  'leadingProduct.field': {
    kind: 'choice',
    label: { zh: '主导产品所属领域', en: 'field of the leading product' },
    compute: (ctx) => ctx.p.source.leadingProductField ?? missing(ctx, 'leadingProductField'),
  },
  'platform.score': {
    kind: 'count',
    label: { zh: '工信部平台专精特新发展评价得分', en: 'MIIT platform development-evaluation score' },
    compute: (ctx) => (ctx.p.source.platformScore === undefined ? missing(ctx, 'platformScore') : { n: Math.round(ctx.p.source.platformScore * 100), d: 100 }),
  },
  'score.total': {
    kind: 'count',
    label: { zh: '评价总分', en: 'total score' },
    compute: (ctx) => (Number.isNaN(ctx.total) ? null : { n: ctx.total, d: 1 }),
  },
};

export const metricNames = new Set(Object.keys(metrics));

/**
 * One case is assessed against several programmes whose rules read many of the same metrics (staff, revenue, R&D
 * intensity, age): on the verdict and summary paths (`missing` null) each metric is computed once per prepared case
 * and application of the day-count convention, with the notes it made replayed on every later read. Validation and
 * traces (`missing` collected, ratio parts recorded) always compute. Flags are plain look-ups and the score changes
 * with the programme, so neither is kept.
 */
const NOT_KEPT = new Set([...Object.keys(flagMetrics), 'score.total']);
const NO_NOTES: readonly Note[] = Object.freeze([]);
let memoSlots = 0;
for (const [id, def] of Object.entries(metrics)) {
  if (NOT_KEPT.has(id)) continue;
  const compute = def.compute;
  const slot = 2 * memoSlots++;
  def.compute = (ctx) => {
    if (ctx.missing !== null) return compute(ctx);
    const memo = (ctx.p.memo ??= { values: new Array<MetricValue | undefined>(2 * memoSlots), notes: new Array<readonly Note[] | undefined>(2 * memoSlots) });
    const at = slot + (ctx.dayCount === 'inclusive' ? 1 : 0);
    const notes = memo.notes[at];
    if (notes !== undefined) {
      for (const note of notes) ctx.notes.push(note);
      return memo.values[at]!;
    }
    const before = ctx.notes.length;
    const value = compute(ctx);
    memo.values[at] = value;
    memo.notes[at] = ctx.notes.length > before ? ctx.notes.slice(before) : NO_NOTES;
    return value;
  };
}
