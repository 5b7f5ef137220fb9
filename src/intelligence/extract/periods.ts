import { parseChineseNumeral } from './numerals';
import { getRules } from './rules';
import type { Range } from './structure';

/** A stretch of text naming a period: its character range, the period ("2022", "2004-2013", "2011-", "2013/14"). */
export interface PeriodMark extends Range {
  period: string;
  detail?: string;
  /** "by 2025" / 到2025年: the period of a target. */
  horizon?: boolean;
  /** 2020年度…奖: a year that names an award or programme, not the period of the figures around it. */
  label?: boolean;
  /** 较2024年同期 / 比前年的…: the base of a comparison; only a figure right after it (较2024年1.51兆元) takes it. */
  comparison?: boolean;
  /** 由2013年…到2017年: the start of a change; likewise only for a figure right after it. */
  origin?: boolean;
  /** 今年 / last year in an article without a date: a period the text states but that cannot be resolved (period ''). */
  unresolved?: boolean;
}

/** 今年 / 去年 / last year without an article date: stated, so no other period applies, but unknown. */
const UNRESOLVED = { period: '', unresolved: true } as const;

const YEAR = '((?:19|20)\\d{2})';
const CN_QUARTER: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4', 1: '1', 2: '2', 3: '3', 4: '4' };
const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};
const MONTH_WORDS = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');

function zhDetail(year: string, tail: string | undefined): string | undefined {
  if (!tail) return undefined;
  if (tail.includes('上半年')) return `${year}-H1`;
  if (tail.includes('下半年')) return `${year}-H2`;
  if (tail.includes('前三季度')) return `${year}-Q1-Q3`;
  const q = /([一二三四1-4])季度/.exec(tail);
  if (q) return `${year}-Q${CN_QUARTER[q[1]!]}`;
  const range = /(\d{1,2})\s*[-至到~]\s*(\d{1,2})\s*月/.exec(tail);
  if (range) return `${year}-${range[1]!.padStart(2, '0')}..${year}-${range[2]!.padStart(2, '0')}`;
  const month = /(\d{1,2})\s*月/.exec(tail);
  if (month) return `${year}-${month[1]!.padStart(2, '0')}`;
  return undefined;
}

const PATTERNS: { re: RegExp; make: (m: RegExpExecArray, year: number | undefined) => Omit<PeriodMark, 'start' | 'end'> | undefined }[] = [
  // 2013至2014年度: two consecutive years of one 年度 are a fiscal year (checked in make)
  { re: new RegExp(`${YEAR}\\s*(?:至|到|-|–)\\s*${YEAR}\\s*年度`, 'g'), make: (m) => (Number(m[2]) === Number(m[1]) + 1 ? { period: `${m[1]}/${m[2]!.slice(-2)}` } : { period: `${m[1]}-${m[2]}` }) },
  // ranges 2004-2013, 2004年至2013年, 2004 to 2013, between 2014 and 2016
  { re: new RegExp(`\\bbetween\\s+${YEAR}\\s+and\\s+${YEAR}\\b`, 'g'), make: (m) => ({ period: `${m[1]}-${m[2]}` }) },
  { re: new RegExp(`${YEAR}\\s*年?\\s*(?:-|–|—|~|～|至|到| to )\\s*${YEAR}\\s*年?`, 'g'), make: (m) => ({ period: `${m[1]}-${m[2]}` }) },
  // 自2015年成立起, 从2018年起, 自2015年…至今: open ranges
  { re: new RegExp(`(?:自|从)\\s*${YEAR}\\s*年?(?:[^,，。;；\\n\\d]{0,30}?)(?:起|以来|至今)`, 'g'), make: (m) => ({ period: `${m[1]}-` }) },
  // “十四五”以来, 十三五期间: five-year plans (data/periods.json five_year_plans)
  { re: /[“"]?(十[一二三四五六七八九]五)[”"]?\s*(?:规划)?\s*(以来|期间|时期)/g, make: (m) => {
    const first = getRules().periods.five_year_plans[m[1]!];
    if (!first) return undefined;
    return m[2] === '以来' ? { period: `${first}-` } : { period: `${first}-${first + 4}` };
  } },
  // fiscal years 2013/14, fy2013/14
  { re: new RegExp(`(?:fy\\s?|fiscal year\\s)?${YEAR}\\s*/\\s*(\\d{2}|(?:19|20)\\d{2})(?![\\d/])`, 'g'), make: (m) => ({ period: `${m[1]}/${m[2]!.slice(-2)}` }) },
  // open ranges 2011年以来, since 2011
  { re: new RegExp(`${YEAR}\\s*年?\\s*(?:以来|来)(?!到)`, 'g'), make: (m) => ({ period: `${m[1]}-` }) },
  { re: new RegExp(`\\b(?:since|from)\\s+${YEAR}(?:\\s+onwards?)?\\b(?!\\s*(?:to|-|–))`, 'g'), make: (m) => (m[0].startsWith('from') && !/onward/.test(m[0]) && !/(?:^|[.;:\n]\s*)$/.test(m.input.slice(Math.max(0, m.index - 3), m.index)) ? undefined : { period: `${m[1]}-` }) },
  // "since the event was founded in 2014", "since its launch in 2015": an open range from the founding year
  { re: new RegExp(`\\bsince\\s+(?:the|its|it|they|their|we|our|this)\\b[^.,;\\d]{0,40}?\\b(?:founded|launched|established|created|set up|opened|started|began|launch|founding|opening|creation|inception)\\s+in\\s+${YEAR}\\b`, 'g'), make: (m) => ({ period: `${m[1]}-` }) },
  // targets 到2025年, by 2025
  { re: new RegExp(`(?:到|(?<!截)至|于)\\s*${YEAR}\\s*年(?:底|末)?`, 'g'), make: (m) => ({ period: m[1]!, horizon: true }) },
  { re: new RegExp(`\\bby (?:the end of )?${YEAR}\\b`, 'g'), make: (m) => ({ period: m[1]!, horizon: true }) },
  // 2020年度…奖 (an award or programme year)
  { re: new RegExp(`${YEAR}\\s*年度(?=[^,。;\\d]{0,14}?(?:奖|计划|项目|名单|榜))`, 'g'), make: (m) => ({ period: m[1]!, label: true }) },
  // 2023年前三季度, 2022年上半年, 2023年1至10月, 2023年11月, 2021年
  { re: new RegExp(`${YEAR}\\s*年(?!代)度?\\s*(上半年|下半年|前三季度|第?[一二三四1-4]季度|\\d{1,2}\\s*[-至到~]\\s*\\d{1,2}\\s*月|\\d{1,2}\\s*月)?`, 'g'), make: (m) => ({ period: m[1]!, detail: zhDetail(m[1]!, m[2]) }) },
  // English: first half of 2023, H1 2023, Q3 2023, (in) March 2023, in 2021
  { re: new RegExp(`\\b(?:the )?(first|second) half of ${YEAR}\\b`, 'g'), make: (m) => ({ period: m[2]!, detail: `${m[2]}-H${m[1] === 'first' ? 1 : 2}` }) },
  { re: new RegExp(`\\b(h[12]|q[1-4])\\s+${YEAR}\\b`, 'g'), make: (m) => ({ period: m[2]!, detail: `${m[2]}-${m[1]!.toUpperCase()}` }) },
  { re: new RegExp(`\\b(${MONTH_WORDS})\\.?\\s+${YEAR}\\b`, 'g'), make: (m) => ({ period: m[2]!, detail: `${m[2]}-${String(MONTHS[m[1]!]).padStart(2, '0')}` }) },
  // a bare year; not a decade (the 1970's, 1990’s: "1970s" never matches \b)
  { re: new RegExp(`(?<![\\d,.$€£¥/-])\\b${YEAR}\\b(?![\\d,.]\\d|\\s*(?:%|percent|年|-\\d|/\\d)|[\\u4e00-\\u9fff]|['’]s\\b)`, 'g'), make: () => undefined },
  // relative to the article date
  { re: /今年(上半年|下半年|前三季度|第?[一二三四]季度|\d{1,2}\s*[-至到~]\s*\d{1,2}\s*月)?/g, make: (m, y) => (y ? { period: String(y), detail: zhDetail(String(y), m[1]) } : UNRESOLVED) },
  { re: /(?:去年|上年|上一年)(上半年|下半年|前三季度|第?[一二三四]季度)?/g, make: (m, y) => (y ? { period: String(y - 1), detail: zhDetail(String(y - 1), m[1]) } : UNRESOLVED) },
  { re: /前年/g, make: (_m, y) => (y ? { period: String(y - 2) } : UNRESOLVED) },
  { re: /明年/g, make: (_m, y) => (y ? { period: String(y + 1), horizon: true } : { ...UNRESOLVED, horizon: true }) },
  { re: /(?<![今去前明]年)(上半年|下半年|前三季度|(?:第)?[一二三四]季度)/g, make: (m, y) => (y ? { period: String(y), detail: zhDetail(String(y), m[1]) } : undefined) },
  // 1-9月 / 1至10月 without a year: months of the article's year (like 上半年)
  { re: /(?<![年\d\s.\/-])(\d{1,2})\s*[-至到~]\s*(\d{1,2})\s*月(?!\s*\d{1,2}\s*[日号])/g, make: (m, y) => {
    if (!y || Number(m[1]) >= Number(m[2]) || Number(m[2]) > 12) return undefined;
    return { period: String(y), detail: `${y}-${m[1]!.padStart(2, '0')}..${y}-${m[2]!.padStart(2, '0')}` };
  } },
  { re: /\b(this|last|next) year\b/g, make: (m, y) => (y ? { period: String(m[1] === 'this' ? y : m[1] === 'last' ? y - 1 : y + 1), horizon: m[1] === 'next' } : { ...UNRESOLVED, horizon: m[1] === 'next' }) },
  { re: /\b(?:the )?(first|second) half of (this|last) year\b/g, make: (m, y) => {
    if (!y) return undefined;
    const year = m[2] === 'this' ? y : y - 1;
    return { period: String(year), detail: `${year}-H${m[1] === 'first' ? 1 : 2}` };
  } },
];

/**
 * Period expressions in the folded text, the earlier pattern winning where two overlap. A bare English year
 * ("in 2021") is a mark when it stands as a year (not "2021 enterprises").
 */
export function findPeriodMarks(folded: string, articleYear: number | undefined): PeriodMark[] {
  const taken = new Uint8Array(folded.length);
  const marks: PeriodMark[] = [];
  for (const { re, make } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      const start = m.index;
      const end = m.index + m[0].length;
      if (end === start) { re.lastIndex++; continue; }
      if (taken.subarray(start, end).some((x) => x === 1)) continue;
      let made = make(m, articleYear);
      if (!made && /^\d{4}$/.test(m[0])) made = bareYear(folded, start, end) ? { period: m[0] } : undefined;
      if (!made) continue;
      taken.fill(1, start, end);
      marks.push({ start, end, ...made });
    }
  }
  rocMarks(folded, taken, marks, isTaiwanese(folded));
  marks.sort((a, b) => a.start - b.start);
  flagComparisons(folded, marks);
  return marks;
}

const isTaiwanese = (folded: string) => getRules().periods.roc_markers.some((w) => folded.includes(w));

const ROC_RE = /(民国\s*)?(?<![\d.])(?<!\d,)(\d{2,3}|[一二三四五六七八九十百零〇]{2,4})\s*学?年(度|底|末)?(上半年|下半年|前三季度|第?[一二三四1-4]季度|\d{1,2}\s*[-至到~]\s*\d{1,2}\s*月|\d{1,2}\s*月)?/g;

/**
 * Republic of China years: 民國112年 = 2023 always; in a Taiwanese article (data/periods.json roc_markers) also a bare
 * 101年 / 九十二年 / 94年度 within the configured range, unless the words around it make it a duration (近10年, 35年来).
 */
function rocMarks(folded: string, taken: Uint8Array, marks: PeriodMark[], bare: boolean): void {
  const pr = getRules().periods;
  ROC_RE.lastIndex = 0;
  for (let m = ROC_RE.exec(folded); m; m = ROC_RE.exec(folded)) {
    const explicit = m[1] !== undefined;
    if (!explicit && !bare) continue;
    const digits = m[2]!;
    const n = /^\d/.test(digits) ? Number(digits) : /[十百]/.test(digits) ? Number(parseChineseNumeral(digits) ?? 0) : 0;
    if (!explicit && (n < pr.roc_year_min || n > pr.roc_year_max)) continue;
    if (explicit && (n < 1 || n > pr.roc_year_max)) continue;
    const start = m.index;
    const end = start + m[0].length;
    const numberStart = start + (m[1]?.length ?? 0);
    const before = folded.slice(Math.max(0, numberStart - 4), numberStart);
    const yearEnd = folded.indexOf('年', numberStart) + 1;
    const after = folded.slice(yearEnd, yearEnd + 4);
    if (!explicit && (pr.roc_not_before.some((w) => before.endsWith(w)) || (!m[3] && !m[4] && pr.roc_not_after.some((w) => after.startsWith(w))))) continue;
    if (taken.subarray(start, end).some((x) => x === 1)) continue;
    taken.fill(1, start, end);
    const year = String(n + 1911);
    marks.push({ start, end, period: year, detail: zhDetail(year, m[4]) });
  }
}

/** Marks the base years of comparisons and the start years of changes; a 到/至 year after a start year is no target. */
function flagComparisons(folded: string, marks: PeriodMark[]): void {
  const pr = getRules().periods;
  const endsWithWord = (text: string, w: string) => text.endsWith(w) && (!/^[a-z]/.test(w) || !/[a-z]$/.test(text.slice(0, -w.length)));
  let lastOrigin = -Infinity;
  for (const mark of marks) {
    const before = folded.slice(Math.max(0, mark.start - 16), mark.start).replace(/\s+$/, '');
    const after = folded.slice(mark.end, mark.end + 8).replace(/^\s*(?:的|同期)?\s*/, '');
    const before48 = folded.slice(Math.max(0, mark.start - 48), mark.start);
    if (/\bfrom\s+\S*\d[^\s,;]*(?:\s(?:percent|per cent|billion|million|bn|m|pp|percentage points))?\)?\s+in\s*$/.test(before48)) {
      mark.origin = true;
      lastOrigin = mark.end;
    } else if (mark.period.endsWith('-') && (/\bsince\s*$/.test(before) || folded.startsWith('since', mark.start)) && /\b(?:increase|decrease|rise|fall|growth|gain|drop|decline|up|down)\b[^;]{0,30}$/.test(before48.replace(/\s*since\s*$/, ''))) mark.label = true; // "an increase of £3.0 billion since 2021 (6.4%)": the base, no figure's period
    else if (!mark.period.includes('-') && !mark.horizon && (pr.comparison_before.some((w) => endsWithWord(before, w)) || pr.comparison_after.some((w) => after.startsWith(w)))) mark.comparison = true;
    // 是2020年的2.3倍: the base of a multiple (the multiple itself keeps the sentence's period, see facts.ts)
    else if (!mark.period.includes('-') && !mark.horizon && /是\s*$/.test(before) && /^[\d.]+\s*倍/.test(after)) mark.comparison = true;
    else if (!mark.period.includes('-') && !mark.horizon && pr.origin_before.some((w) => before.endsWith(w))) {
      mark.origin = true;
      lastOrigin = mark.end;
    } else if (mark.horizon && mark.start - lastOrigin <= 40 && !/[。;!?\n]/.test(folded.slice(lastOrigin, mark.start))) mark.horizon = false;
  }
}

/** A bare four-digit number is a year unless a noun follows it as what it counts ("2021 enterprises"). */
function bareYear(folded: string, start: number, end: number): boolean {
  const before = folded.slice(Math.max(0, start - 12), start);
  if (/(?:\bin|\bby|\bsince|\bof|\bfrom|\bto|\buntil|\bthrough|\bduring|\byear|\bfy|\bend of|\bearly|\blate|\bmid-?|\bfor|\band|\bits|\btheir|\bour|\bthis|\bthat)\s*$/.test(before)) return true; // its 2019 all-time high
  // "2021 enterprises" counts; "the 1970 census", "its 2019 all-time high" name a year
  const word = /^\s*((?:new\s)?[a-z][a-z-]*)/.exec(folded.slice(end, end + 24));
  if (word && getRules().units.english_count_nouns.some((n) => word[1] === n || word[1] === `new ${n}`)) return false;
  // Horizon 2020 programme, Europe 2020 strategy, Vision 2030 plan: a programme's name
  if (word && /^(?:programmes?|programs?|strategy|strategies|plans?|agenda|initiatives?|goals?|targets?|framework|vision|indicators?)$/.test(word[1]!)) return false;
  return true;
}

/** The article's date: given, or the first date in the first 600 characters. */
export function articleYearOf(date: string | undefined, folded: string): number | undefined {
  const fromGiven = date ? /((?:19|20)\d{2})/.exec(date) : null;
  if (fromGiven) return Number(fromGiven[1]);
  const head = folded.slice(0, 600);
  const m = /((?:19|20)\d{2})\s*[-年./]\s*\d{1,2}\s*[-月./]\s*\d{1,2}/.exec(head)
    ?? new RegExp(`(?:${MONTH_WORDS})\\.?\\s+\\d{1,2},?\\s+((?:19|20)\\d{2})`).exec(head);
  if (m) return Number(m[1]);
  // No dateline: the first year the opening lines name ("2024年注定是…") stands for the article's year.
  const year = /((?:19|20)\d{2})\s*年(?!\s*\d)/.exec(folded.slice(0, 300));
  return year ? Number(year[1]) : undefined;
}
