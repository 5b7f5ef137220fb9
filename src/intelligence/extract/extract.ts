import { type Dec, fromBigInt, parseDecimal, scale, add, toDecimalString } from './decimal';
import { foldForRules } from './fold';
import { CN_NUMERAL_CHARS, EN_CARDINALS, parseChineseNumeral, parseOrdinal } from './numerals';
import { articleYearOf, findPeriodMarks, type PeriodMark } from './periods';
import { getRules, byLengthDesc, cachedRegExp, escapeRegExp, type Rules } from './rules';
import { blockedLines, clauseEnd, clauseStart, lineRanges, sentenceRanges, type Range } from './structure';
import { articleSubjects, entityLexicon, findMentions, findMetricHits, isCurrency, unitFits, type ExtractContext, type Mention, type MetricHit } from './context';

export type { ExtractContext } from './context';

export type Bound = 'min' | 'max';

/** One indicator fact found in a text. `quote` is always text.slice(start, end). */
export interface Fact {
  subject: string | null;
  subject_id?: string;
  /** an indicator-library code, or a proposed metric (then metric_proposed is true) */
  metric: string;
  metric_proposed?: boolean;
  /** the words of the text the metric was read from */
  metric_label?: string;
  /** normalised decimal string, no exponent: 8573.9万元 → "85739000" */
  value: string;
  unit: string;
  unit_raw: string;
  period: string | null;
  period_detail?: string;
  quote: string;
  start: number;
  end: number;
  /** offsets of the figure itself (number, multiplier and unit) inside the text */
  figure_start: number;
  figure_end: number;
  approx?: boolean;
  bound?: Bound;
  cumulative?: boolean;
  target?: boolean;
}

export interface ExtractInput {
  text: string;
  date?: string | null;
  title?: string | null;
  sentences?: unknown;
  paragraphs?: unknown;
}

interface Candidate {
  start: number;
  end: number;
  numberEnd: number;
  value: Dec;
  unit: string;
  unitRaw: string;
  approx?: boolean;
  bound?: Bound;
  /** a rank or times fact read by a special pattern: metric preset */
  metric?: string;
}

interface Doc {
  text: string;
  folded: string;
  blocked: Uint8Array;
  sentences: Range[];
  sentenceOf: Int32Array;
  paragraphOf: Int32Array;
  marks: PeriodMark[];
  mentions: Mention[];
  metricHits: MetricHit[];
  rules: Rules;
  /** 新臺幣(下同): from this offset on, a bare 元 is this currency */
  sameBelow: { from: number; code: string };
}

const DATE_PATTERNS = [
  /(?:19|20)\d{2}\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?/g,
  /(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]/g,
  /\d{1,2}\s*月\s*\d{1,2}\s*[日号]/g,
  /\d{1,2}:\d{2}(?::\d{2})?/g,
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+(?:19|20)\d{2})?/g,
  /\b\d{1,2}(?:st|nd|rd|th)?\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\b(?:,?\s+(?:19|20)\d{2})?/g,
  // phone numbers: 0931-8159799, +86-17091920596, 17091920596, 400-800-1234
  /(?:\+?\d{1,3}[-\s]?)?(?:\(?0\d{2,3}\)?[-\s]?\d{7,8}|1[3-9]\d{9}|400[-\s]?\d{3}[-\s]?\d{4})(?!\d)/g,
  // long digit strings without separators: registration numbers, codes
  /\d{9,}/g,
  // durations in months (前10个月, 近18个月) are periods, not counts
  /[前近]?\d+\s*个多?月/g,
];

function block(folded: string, blocked: Uint8Array): void {
  for (const re of DATE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) blocked.fill(2, m.index, m.index + m[0].length);
  }
}

function prepare(input: ExtractInput, ctx: ExtractContext | undefined): Doc {
  const text = input.text;
  const folded = foldForRules(text);
  const rules = getRules();
  const blocked = blockedLines(folded);
  block(folded, blocked);
  const sentences = sentenceRanges(folded, text);
  const sentenceOf = new Int32Array(folded.length + 1).fill(-1);
  sentences.forEach((s, i) => sentenceOf.fill(i, s.start, s.end));
  const paragraphOf = new Int32Array(folded.length + 1);
  paragraphsOf(folded, paragraphOf);
  const marks = findPeriodMarks(folded, articleYearOf(input.date ?? undefined, folded));
  const lexicon = entityLexicon(ctx);
  const mentions = findMentions(folded, lexicon);
  // 新臺幣(下同) or 100亿元(港币,下同): the currency named once for the rest of the article
  const words = rules.units.currency_same_below.map(([w]) => escapeRegExp(w)).join('|');
  const same = cachedRegExp(`(${words})\\s*[(（]\\s*(?:以下同|下同)\\s*[)）]|[(（]\\s*(${words})\\s*[,，、;；]\\s*(?:以下同|下同)\\s*[)）]`).exec(folded);
  // a figure right before "(港币,下同)" is in that currency too, so the range starts a few characters earlier
  const sameBelow = same ? { from: same[2] ? Math.max(0, same.index - 4) : same.index, code: rules.units.currency_same_below.find(([w]) => w === (same[1] ?? same[2]))![1] } : { from: folded.length + 1, code: 'CNY' };
  return { text, folded, blocked, sentences, sentenceOf, paragraphOf, marks, mentions, metricHits: findMetricHits(folded), rules, sameBelow };
}

/**
 * Paragraph index of every character: one per line, except that a line broken inside a sentence (text from PDF:
 * “根 據 財 政 部 最 新 統 計 結 / 果,107 年…”, “以製造業 1 / 兆 6,482.2 億元”) continues on the next line. Such a
 * line is not the first, has at least WRAPPED_MIN characters, holds a comma or stop (so it is prose, not a title) and ends in a character that cannot end a paragraph
 * (CJK, a digit, a comma, a lower-case letter); the next line starts with CJK, a digit, a comma or lower case.
 */
function paragraphsOf(folded: string, paragraphOf: Int32Array): void {
  let index = -1;
  let previous = '';
  let first = true;
  for (const l of lineRanges(folded)) {
    const text = folded.slice(l.start, l.end).trim();
    const wrapped = text !== '' && !first && previous.length >= WRAPPED_MIN && /[,，、;；。]/.test(previous) && /[\u4e00-\u9fff\d,、a-z]$/.test(previous) && /^[\u4e00-\u9fff\d,、(a-z]/.test(text);
    if (!wrapped && text !== '') index++;
    paragraphOf.fill(Math.max(index, 0), l.start, l.end + 1);
    if (text !== '') {
      if (previous !== '') first = false;
      previous = text;
    }
  }
}
const WRAPPED_MIN = 16;

const startsWithAny = (text: string, words: string[]) => byLengthDesc(words, (w) => w).find((w) => text.startsWith(w));
const endsWithWord = (text: string, word: string) => text.endsWith(word) && (!/^[a-z]/.test(word) || !/[a-z]$/.test(text.slice(0, -word.length)));

/** The hedge directly before a figure (a currency sign may stand between). */
function hedgeBefore(doc: Doc, pos: number): { approx?: boolean; bound?: Bound } {
  const h = doc.rules.hedges;
  const before = doc.folded.slice(Math.max(0, pos - 20), pos).replace(/\s+$/, '');
  const pick = (words: string[]) => byLengthDesc(words, (w) => w).find((w) => endsWithWord(before, w));
  const candidates: [string | undefined, { approx?: boolean; bound?: Bound }][] = [
    [pick(h.before_min), { approx: true, bound: 'min' }],
    [pick(h.before_max), { approx: true, bound: 'max' }],
    [pick(h.before_approx), { approx: true }],
  ];
  let best: { approx?: boolean; bound?: Bound } = {};
  let bestLength = 0;
  for (const [word, flags] of candidates) if (word && word.length > bestLength) { best = flags; bestLength = word.length; }
  // 约占全市的80%: the hedge sits on the verb a few characters before the figure
  if (!bestLength && h.approx_verb_zh.some((w) => cachedRegExp(`${w}[^,.;。]{0,8}$`).test(before))) best = { approx: true };
  return best;
}

const CJK = /[\u4e00-\u9fff]/;

/** A money word (营业额, 进口额, 经费…; data/units.json money_words) earlier in the clause of the figure. */
function moneyContext(doc: Doc, numberStart: number): boolean {
  const before = doc.folded.slice(Math.max(0, numberStart - 16), numberStart);
  const clause = before.slice(Math.max(...[',', ';', '。', '、', ','].map((d) => before.lastIndexOf(d))) + 1);
  return doc.rules.units.money_words.some((w) => clause.includes(w));
}

/** Reads multiplier, unit and trailing hedges after a number ending at `p`. */
function readUnit(doc: Doc, numberStart: number, p: number, value: Dec, chineseNumeral: boolean): Candidate | undefined {
  const { folded, text } = doc;
  const u = doc.rules.units;
  const h = doc.rules.hedges;
  let approx: boolean | undefined;
  let bound: Bound | undefined;
  const rawStart = p;
  const hedgeAfterNumber = () => {
    // 500 余家 (a space before 余 / 多, as in spaced web text)
    const space = folded[p] === ' ' && /^ [余多][\u4e00-\u9fff]/.test(folded.slice(p, p + 3)) ? 1 : 0;
    const w = startsWithAny(folded.slice(p + space, p + space + 2), h.after_min_number);
    if (w && !folded.startsWith(`${w}年来`, p + space)) {
      approx = true;
      bound = 'min';
      p += space + w.length;
    }
  };
  hedgeAfterNumber();
  // 4.26 兆元, 衝破 4 兆元, 26,730 家 (text from PDF): a space may stand between the number and a Chinese
  // multiplier, currency or classifier
  if (folded[p] === ' ' && SPACED_UNIT.test(folded.slice(p, p + 2)) && !chineseNumeral) p += 1;
  else if (!chineseNumeral && /^[ \t]*\n\s*[万亿兆]/.test(folded.slice(p, p + 8))) {
    const q = p + /^\s*/.exec(folded.slice(p, p + 8))![0].length;
    if (doc.paragraphOf[q] === doc.paragraphOf[numberStart]) p = q; // the same (wrapped) paragraph
  }
  // Chinese multipliers (16万5千 → 16×10^4 + 5×10^3)
  const zhMultiplier = startsWithAny(folded.slice(p, p + 3), Object.keys(u.multipliers_zh));
  if (zhMultiplier && !(zhMultiplier === '千' && /^[瓦米克伏赫帕焦]/.test(folded.slice(p + 1))) && !(zhMultiplier === '百' && !/^[万亿元]/.test(folded.slice(p + 1)))) {
    value = scale(value, u.multipliers_zh[zhMultiplier]!);
    p += zhMultiplier.length;
    [value, p] = compositeTail(folded, p, u.multipliers_zh[zhMultiplier]!, value);
    hedgeAfterNumber();
  } else if (folded[p] === '兆' && (startsWithAny(folded.slice(p + 1, p + 5), u.currency_suffix_zh.map(([w]) => w)) || /^ ?(?:\d[\d,]*(?:\.\d+)?|[一二两三四五六七八九千百十]+) ?亿/.test(folded.slice(p + 1, p + 14)) || (/^兆(?![\u4e00-\u9fff])/.test(folded.slice(p, p + 2)) && moneyContext(doc, numberStart)))) {
    value = scale(value, u.trillion_zhao.exp);
    p += 1;
    [value, p] = compositeTail(folded, p, u.trillion_zhao.exp, value);
  } else if (!chineseNumeral) {
    // $10.5B: a bare b is a billion only right after a currency sign
    const en = /^\s?(trillion|billion|million|thousand)\b|^(bn|mn|mln|tn|m|k)(?![a-z0-9²])|^\s(bn|mn)\b/.exec(folded.slice(p, p + 12))
      ?? (CURRENCY_SIGN_BEFORE.test(folded.slice(Math.max(0, numberStart - 2), numberStart)) ? /^(b)(?![a-z0-9])/.exec(folded.slice(p, p + 2)) : null);
    if (en) {
      value = scale(value, u.multipliers_en[(en[1] ?? en[2] ?? en[3])!]!);
      p += en[0].length;
    }
  }
  if (folded[p] === ' ' && /[万亿兆]/.test(folded[p - 1] ?? '') && /^ 元/.test(folded.slice(p, p + 2))) p += 1; // 3,290.6 億 元
  if (folded[p] === ' ' && folded[p + 1] === '年' && /(?:连续|连年)\s*$/.test(folded.slice(Math.max(0, numberStart - 5), numberStart))) p += 1; // 连续 11 年
  const rest = folded.slice(p, p + 24);
  let unit: string | undefined;
  let unitEnd = p;
  const take = (word: string, code: string) => { unit = code; unitEnd = p + word.length; };
  let w: string | undefined;
  if ((w = startsWithAny(rest, u.percentage_points)) && !(w === ' points' && !/百分|percent/.test(folded.slice(numberStart - 30, numberStart)))) take(w, 'pp');
  else if ((w = startsWithAny(rest, u.percent))) take(w, 'percent');
  else if ((w = startsWithAny(rest, u.times)) && !(w === ' times' && /^ times (?:a|per|each)\b/.test(rest))) take(w, 'times');
  else {
    const zhCurrency = u.currency_suffix_zh.find(([word]) => rest.startsWith(word));
    const enCurrency = /^\s?(?:of\s)?[a-z]/.test(rest) ? byLengthDesc(u.currency_suffix_en, ([word]) => word).find(([word]) => cachedRegExp(`^\\s?(?:of\\s)?${word.replace(/[.$]/g, '\\$&')}(?![a-z])`).test(rest)) : undefined;
    const measure = byLengthDesc(u.measures, (m) => m.word).find((m) => rest.startsWith(m.word) && !/[a-z0-9]/.test(rest[m.word.length] ?? ''));
    if (zhCurrency) take(zhCurrency[0], zhCurrency[1] === 'CNY' && zhCurrency[0] === '元' && p >= doc.sameBelow.from ? doc.sameBelow.code : zhCurrency[1]);
    else if (enCurrency) {
      const m = cachedRegExp(`^\\s?(?:of\\s)?${enCurrency[0].replace(/[.$]/g, '\\$&')}`).exec(rest)!;
      take(m[0], enCurrency[1]);
    } else if (measure) {
      take(measure.word, measure.unit);
      value = scale(value, measure.exp);
    } else if (rest.startsWith('年') || /^\s(?:consecutive |straight )?years?\b/.test(rest)) {
      const before = folded.slice(Math.max(0, numberStart - 4), numberStart);
      const word = rest.startsWith('年') ? '年' : /^\s(?:consecutive |straight )?years?/.exec(rest)![0];
      const after = folded.slice(p + word.length, p + word.length + 6);
      const anniversary = doc.rules.notFacts.anniversary_after.some((a) => folded.startsWith(a, p)) || /^(?:\s?anniversary|\s?old|\s?ago)/.test(after);
      if (!anniversary && (/连续|连年|连$/.test(before) || /consecutive|straight|in a row/.test(folded.slice(p, p + 30)))) take(word, 'years');
    } else {
      const classifiers = chineseNumeral ? u.count_classifiers_cn_numeral : u.count_classifiers_zh;
      const cls = startsWithAny(rest, classifiers);
      if (cls && !(cls === '名' && /^名(?:单|称|义|牌|片|录)/.test(rest)) && !(cls === '位' && /^位(?:于|居|列|置)/.test(rest)) && !(cls === '个' && /^个(?:人(?![才员次])|性|体|别)/.test(rest)) && !(cls === '所' && !/^所(?:高校|大学|学校|医院|院校|中小学|科研院所|研究院|[^\u4e00-\u9fff])/.test(rest)) && !(cls === '部' && /^部(?:门|分|署|长)/.test(rest)) && !(cls === '台' && /^台(?:湾|北|州)/.test(rest))) take(cls, 'count');
      else if (!chineseNumeral && !CJK.test(rest[0] ?? '')) {
        const word = /^\s((?:new\s)?[a-z][a-z&'’-]*)/.exec(rest);
        const integer = value.exp >= 0;
        if (word && integer && !u.english_non_count_words.includes(word[1]!) && !u.english_non_count_words.includes(word[1]!.split(/\s/)[0]!)) {
          unit = 'count';
          unitEnd = p;
        }
      }
    }
  }
  // currency sign or code before the number: £30bn, US$1.2 billion, RMB 5 billion, 人民币5亿元
  let start = numberStart;
  const pre = folded.slice(Math.max(0, numberStart - 6), numberStart).replace(/\s$/, '');
  const prefix = byLengthDesc(u.currency_prefix, ([word]) => word).find(([word]) => pre.endsWith(word) && !(/^[a-z]/.test(word) && /[a-z]$/.test(pre.slice(0, -word.length))));
  if (prefix && (!unit || unit === 'count' || isCurrency(unit))) {
    // 新台幣5兆元: the currency named before the figure is more specific than a bare 元
    if (!unit || unit === 'count') { unit = prefix[1]; unitEnd = p; } else if (unit === 'CNY') unit = prefix[1];
    start = numberStart - (folded.slice(0, numberStart).length - folded.slice(0, numberStart).replace(/\s$/, '').length) - prefix[0].length;
  }
  // 進口額超過5千億, 出口額約1.3兆: a money multiplier without 元 after a money word is a sum in the article's currency
  if (!unit && zhMultiplier && /[亿兆]$/.test(zhMultiplier) && !CJK.test(rest[0] ?? '') || !unit && folded[p - 1] === '兆' && !CJK.test(rest[0] ?? '')) {
    if (moneyContext(doc, numberStart)) { unit = p >= doc.sameBelow.from ? doc.sameBelow.code : 'CNY'; unitEnd = p; }
  }
  if (!unit) return undefined;
  // hedges after the unit: 以上 / 以下 / 左右
  const after = folded.slice(unitEnd, unitEnd + 4);
  if ((w = startsWithAny(after, h.after_min_unit))) { approx = true; bound = 'min'; unitEnd += w.length; }
  else if ((w = startsWithAny(after, h.after_max_unit))) { approx = true; bound = 'max'; unitEnd += w.length; }
  else if ((w = startsWithAny(after, h.after_approx_unit))) { approx = true; unitEnd += w.length; }
  const rawPrefix = start < numberStart ? text.slice(start, numberStart).trim() : '';
  const rawSuffix = text.slice(rawStart, unitEnd).trim();
  return { start, end: unitEnd, numberEnd: rawStart, value, unit, unitRaw: [rawPrefix, rawSuffix].filter(Boolean).join(' '), approx, bound };
}

const CURRENCY_SIGN_BEFORE = /[$€£]\s?$/;
const SPACED_UNIT = /^ [万亿兆元家个项名人件所座台例户篇场款种条份间]/;
const SMALLER_MULTIPLIERS: [string, number][] = [['亿', 8], ['万', 4], ['千', 3], ['百', 2]];

/**
 * The rest of a composite figure after a multiplier: 1兆9664億 (10^12 + 9664×10^8), 16萬5千 (16×10^4 + 5×10^3),
 * 26萬3,649 (26×10^4 + 3649), 3亿5000万. Each further part must use a smaller multiplier; a bare tail of at most four
 * digits after 万 or 亿 adds units.
 */
function compositeTail(folded: string, p: number, exponent: number, value: Dec): [Dec, number] {
  for (;;) {
    // 2 兆 3,290.6 億 元 (PDF text): single spaces between the parts; only the last part may have decimals
    const space = /^ (?=[\d一二两三四五六七八九十])/.test(folded.slice(p, p + 2)) ? 1 : 0;
    const m = /^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|^([一二两三四五六七八九十百千]+)/.exec(folded.slice(p + space, p + space + 14));
    if (!m) return [value, p];
    const part = m[1] ? parseDecimal(m[1]) : (() => { const n = parseChineseNumeral(m[2]!); return n === undefined ? undefined : fromBigInt(n); })();
    if (!part) return [value, p];
    const afterSpace = folded[p + space + m[0].length] === ' ' && space ? 1 : 0;
    const after = folded.slice(p + space + m[0].length + afterSpace);
    const next = SMALLER_MULTIPLIERS.find(([word, e]) => after.startsWith(word) && e < exponent && !(word === '千' && /^千[瓦米克伏赫帕焦]/.test(after)));
    if (next) {
      value = add(value, scale(part, next[1]));
      p += space + m[0].length + afterSpace + next[0].length;
      exponent = next[1];
      continue;
    }
    if (space || m[1]?.includes('.')) return [value, p];
    const digits = m[0].replace(/,/g, '');
    if ((exponent === 4 || exponent === 8) && m[1] && digits.length <= 4 && !/^[\d.]/.test(after)) {
      return [add(value, part), p + m[0].length];
    }
    return [value, p];
  }
}

const NUMBER_RE = new RegExp(`(\\d+(?:,\\d{3}(?!\\d))*(?:\\.\\d+)?)|([${CN_NUMERAL_CHARS}]+)`, 'g');
const EN_TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const EN_COUNT_RE = new RegExp(`\\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|${EN_TENS})(?:[- ](one|two|three|four|five|six|seven|eight|nine))?\\b(?![-])`, 'g');
const EN_WORD_RE = new RegExp(`\\b(${Object.keys(EN_CARDINALS).filter((w) => w !== 'a').join('|')}|a)\\s+(hundred|thousand|million|billion|trillion)\\b`, 'g');

function isTaken(doc: Doc, taken: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (taken[i] || doc.blocked[i]) return true;
  return false;
}

/** Ranks (第7 / 第11位 / third-highest), rank changes (提升12位), doubling (翻了一番). */
function specialCandidates(doc: Doc, taken: Uint8Array): Candidate[] {
  const { folded, text } = doc;
  const out: Candidate[] = [];
  const nf = doc.rules.notFacts;
  const push = (start: number, end: number, value: number, unit: string, raw: string, metric?: string) => {
    if (isTaken(doc, taken, start, end)) return;
    taken.fill(1, start, end);
    out.push({ start, end, numberEnd: end, value: fromBigInt(BigInt(value)), unit, unitRaw: raw, metric });
  };
  let m: RegExpExecArray | null;
  const ordinal = new RegExp(`第\\s*(\\d+|[${CN_NUMERAL_CHARS}]+)\\s*(位|名)?`, 'g');
  while ((m = ordinal.exec(folded))) {
    const start = m.index;
    const end = start + m[0].length;
    const value = parseOrdinal(m[1]!);
    const after = folded.slice(end, end + 3);
    const before = folded.slice(Math.max(0, start - 12), start);
    const isRank = m[2] !== undefined || (/排名|排在|排|位列|位居|居|名列|列|ranked/.test(before) && !nf.ordinal_not_rank_after.some((w) => after.startsWith(w)));
    taken.fill(1, start, end); // an ordinal is never a count
    if (value !== undefined && isRank && !nf.ordinal_not_rank_after.some((w) => after.startsWith(w))) {
      taken.fill(0, start, end);
      push(start, end, value, 'rank', text.slice(start, end), 'composite_rank');
    }
  }
  const rankChange = new RegExp(`(提升|上升|前进|提高|跃升|攀升|下降|下滑|后退|前移|上升了|提升了|前进了)\\s*(\\d+|[${CN_NUMERAL_CHARS}]+)\\s*(个位次|位次|个名次|位|名)`, 'g');
  while ((m = rankChange.exec(folded))) {
    const start = m.index + m[1]!.length;
    const value = /\d/.test(m[2]!) ? Number(m[2]) : Number(parseChineseNumeral(m[2]!) ?? 0);
    if (value) push(start, m.index + m[0].length, value, 'ranks', text.slice(start, m.index + m[0].length).trim(), 'composite_rank');
  }
  const enRank = /\b(?:ranked|ranks|ranking|placed|came|coming|stood|standing)\s+(?:no\.\s*|number\s+)?(\d+(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b(?=\s*(?:in|among|nationally|globally|worldwide|place|position|out of|on|with|,|\.|;|$))|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))[- ](highest|largest|biggest|best|most|strongest|lowest|fastest|place|top)\b/g;
  while ((m = enRank.exec(folded))) {
    const word = (m[1] ?? m[2])!;
    const value = parseOrdinal(word);
    const start = m.index + m[0].indexOf(word);
    if (value !== undefined) push(start, m.index + m[0].length, value, 'rank', text.slice(start, m.index + m[0].length), 'composite_rank');
  }
  // "rose three places to 5th in the ranking": the rank reached
  const toRank = /\b(?:to|at)\s+(\d+(?:st|nd|rd|th))\s+(?=in|among|place|position|nationally|globally|worldwide)/g;
  while ((m = toRank.exec(folded))) {
    const start = m.index + m[0].indexOf(m[1]!);
    push(start, start + m[1]!.length, parseOrdinal(m[1]!)!, 'rank', text.slice(start, start + m[1]!.length), 'composite_rank');
  }
  // "second only to Dubai": the rank below the one named
  const onlyTo = /\b(second|third|fourth|fifth)\s+only\s+to\b/g;
  while ((m = onlyTo.exec(folded))) push(m.index, m.index + m[0].length, parseOrdinal(m[1]!)!, 'rank', text.slice(m.index, m.index + m[0].length), 'composite_rank');
  const enRankChange = /\b(?:up|rose|climbed|moved up|jumped|advanced|fell|dropped|slipped|down)\s+(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(places|spots|positions|notches|ranks)\b/g;
  while ((m = enRankChange.exec(folded))) {
    const start = m.index + m[0].indexOf(m[1]!);
    const value = /\d/.test(m[1]!) ? Number(m[1]) : EN_CARDINALS[m[1]!]!;
    push(start, m.index + m[0].length, value, 'ranks', text.slice(start, m.index + m[0].length), 'composite_rank');
  }
  const doubling = /翻了?\s*([一两二三四])\s*番|翻番|\b(doubled|tripled|trebled|quadrupled)\b|\b(two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred)[- ]?fold\b/g;
  while ((m = doubling.exec(folded))) {
    const n = m[1] ? Number(parseChineseNumeral(m[1])) : 1;
    const value = m[3] ? EN_CARDINALS[m[3]]! : m[2] ? { doubled: 2, tripled: 3, trebled: 3, quadrupled: 4 }[m[2] as 'doubled'] : 2 ** n;
    push(m.index, m.index + m[0].length, value, 'times', text.slice(m.index, m.index + m[0].length));
  }
  // 一成 = 10%, 两成二 = 22%, 近二成: only right after a cue word (占, 约, 近, 增长了…), since 成 is also 成立 / 成为
  const tenths = /(?<![\d.])([一二两三四五六七八九1-9]|十)成([一二三四五六七八九])?(?![一二三四五六七八九十])/g;
  while ((m = tenths.exec(folded))) {
    const before = folded.slice(Math.max(0, m.index - 6), m.index).replace(/\s+$/, '');
    // 約佔三大園區4成, 占全国两成: 占 a few characters before, in the same clause, is a cue too
    if (!doc.rules.units.percent_tenths_cues.some((w) => before.endsWith(w)) && !/占[^,，。;；、\d]{0,8}$/.test(folded.slice(Math.max(0, m.index - 10), m.index))) continue;
    const tens = /\d/.test(m[1]!) ? Number(m[1]) : Number(parseChineseNumeral(m[1]!));
    const value = tens * 10 + (m[2] ? Number(parseChineseNumeral(m[2])) : 0);
    const end = m.index + m[0].length;
    if (isTaken(doc, taken, m.index, end)) continue;
    taken.fill(1, m.index, end);
    out.push({ start: m.index, end, numberEnd: end, value: fromBigInt(BigInt(value)), unit: 'percent', unitRaw: text.slice(m.index, end) });
  }
  // 逾千亿元, 研发投入超万亿元, 突破百亿元: a multiplier without digits after a hedge word is the round figure
  const bare = /(逾|超过|超|突破|破|近|约|达到|达|过|上)(千|百|十)?(万)?(亿)(?!级)/g;
  while ((m = bare.exec(folded))) {
    const start = m.index + m[1]!.length;
    const end = m.index + m[0].length;
    if (/[\d一二两三四五六七八九十百千万亿零〇.]/.test(folded[m.index - 1] ?? '')) continue;
    const exp = 8 + (m[3] ? 4 : 0) + (m[2] === '千' ? 3 : m[2] === '百' ? 2 : m[2] === '十' ? 1 : 0);
    const rest = folded.slice(end, end + 6);
    const currency = doc.rules.units.currency_suffix_zh.find(([word]) => rest.startsWith(word));
    let unitEnd = end;
    let unit: string | undefined;
    if (currency) { unit = currency[1] === 'CNY' && currency[0] === '元' && end >= doc.sameBelow.from ? doc.sameBelow.code : currency[1]; unitEnd = end + currency[0].length; }
    else if (moneyContext(doc, start) && !/^[\u4e00-\u9fff]/.test(rest.replace(/^(?:大关|的)/, ','))) unit = end >= doc.sameBelow.from ? doc.sameBelow.code : 'CNY';
    if (!unit || isTaken(doc, taken, start, unitEnd)) continue;
    taken.fill(1, start, unitEnd);
    out.push({ start, end: unitEnd, numberEnd: start, value: scale(fromBigInt(1n), exp), unit, unitRaw: text.slice(start, unitEnd) });
  }
  // 科技创新型企业超万家, 突破十万人: a 万 without digits after a hedge word, before a classifier, is a round count
  const bareCount = /(逾|超过|超|突破|破|近|将近|接近)(十|百|千)?万(?=[家个项人名件户所])/g;
  while ((m = bareCount.exec(folded))) {
    const start = m.index + m[1]!.length;
    if (/[\d一二两三四五六七八九十百千万亿零〇.]/.test(folded[m.index - 1] ?? '')) continue;
    const exp = 4 + (m[2] === '千' ? 3 : m[2] === '百' ? 2 : m[2] === '十' ? 1 : 0);
    const end = m.index + m[0].length + 1;
    if (isTaken(doc, taken, start, end)) continue;
    taken.fill(1, start, end);
    out.push({ start, end, numberEnd: end - 1, value: scale(fromBigInt(1n), exp), unit: 'count', unitRaw: text.slice(end - 1, end) });
  }
  const percentWords = new RegExp(`百分之([${CN_NUMERAL_CHARS}点]+)`, 'g');
  while ((m = percentWords.exec(folded))) {
    const [whole, frac] = m[1]!.split('点');
    const intPart = parseChineseNumeral(whole!);
    if (intPart === undefined) continue;
    const fracDigits = frac ? [...frac].map((c) => String(parseChineseNumeral(c) ?? '')).join('') : '';
    const value = parseDecimal(fracDigits ? `${intPart}.${fracDigits}` : `${intPart}`)!;
    const end = m.index + m[0].length;
    if (isTaken(doc, taken, m.index, end)) continue;
    taken.fill(1, m.index, end);
    out.push({ start: m.index, end, numberEnd: end, value, unit: 'percent', unitRaw: '百分之' });
  }
  return out;
}

function numberCandidates(doc: Doc, taken: Uint8Array): Candidate[] {
  const { folded } = doc;
  const out: Candidate[] = [];
  NUMBER_RE.lastIndex = 0;
  for (let m = NUMBER_RE.exec(folded); m; m = NUMBER_RE.exec(folded)) {
    const start = m.index;
    const end = start + m[0].length;
    if (isTaken(doc, taken, start, end)) continue;
    const prev = folded[start - 1] ?? '';
    const next = folded[end] ?? '';
    if (m[1] !== undefined) {
      if (/[a-z_]/.test(prev) || (prev === '-' && /[a-z]/.test(folded[start - 2] ?? '')) || prev === '+' || next === '+' || (prev === '.' && /\d/.test(folded[start - 2] ?? ''))) continue;
      if (/^[a-z]/.test(folded.slice(end)) && !/^(?:bn|mn|mln|tn|m|k|mw|gw|kw|km2|m2|pp|trillion|billion|million|thousand)(?![a-z0-9])/.test(folded.slice(end)) && !(/^b(?![a-z0-9])/.test(folded.slice(end)) && CURRENCY_SIGN_BEFORE.test(folded.slice(Math.max(0, start - 2), start)))) continue;
      if (/\bper\s*$|每\s*$/.test(folded.slice(Math.max(0, start - 5), start))) continue;
      // a minus sign written against the number, after a space or bracket: (-0.45 pp), a decline of -0.6 pp
      const negative = (prev === '-' || prev === '−') && /^(?:|[\s(（:：])$/.test(folded[start - 2] ?? '');
      const value = parseDecimal(negative ? `-${m[1]}` : m[1]);
      if (!value) continue;
      // the top 10 universities, the next 9 highest cities: a rank group, not a count
      if (/\b(?:top|next|the last|the past|the first|the other)\s$/.test(folded.slice(Math.max(0, start - 12), start)) && /^\s[a-z]/.test(folded.slice(end, end + 2))) continue;
      // Europe 2020, Horizon 2020: a year after a capitalised name names a programme
      if (/^(?:19|20)\d{2}$/.test(m[1]) && /[A-Z][A-Za-z]+\s$/.test(doc.text.slice(Math.max(0, start - 16), start))) continue;
      // 25-50%: the first end of a percentage range is a percentage too
      const range = /^\s*(?:-|–|~|～|to)\s*\d+(?:\.\d+)?\s?(%|percent|per cent)/.exec(folded.slice(end, end + 16));
      if (range) {
        out.push({ start, end, numberEnd: end, value, unit: 'percent', unitRaw: '%' });
        continue;
      }
      const c = readUnit(doc, start, end, value, false) ?? englishBareCount(doc, out, start, end, value);
      if (c) {
        out.push(c);
        taken.fill(1, start, c.end); // the parts of a composite figure (26萬3,649) are not figures of their own
      }
    } else {
      const digits = m[2]!;
      if (prev === '第' || /^[万亿千百]/.test(digits) || (digits === '一' && !/^(?:兆|亿元|万亿)/.test(folded.slice(end, end + 3))) || /^[零〇]/.test(digits)) continue;
      if (!/[十百千万亿]/.test(digits) && digits.length > 1) continue; // 二〇二二 is a year, not a count
      const n = parseChineseNumeral(digits);
      if (n === undefined || (n < 2n && digits !== '一')) continue;
      const c = readUnit(doc, start, end, fromBigInt(n), true);
      if (c) {
        out.push(c);
        taken.fill(1, start, c.end);
      }
    }
  }
  EN_COUNT_RE.lastIndex = 0;
  for (let m = EN_COUNT_RE.exec(folded); m; m = EN_COUNT_RE.exec(folded)) {
    const start = m.index;
    const end = start + m[0].length;
    if (isTaken(doc, taken, start, end) || /\b(?:top|the last|the past|the next|one of|first|of the)\s$/.test(folded.slice(Math.max(0, start - 12), start))) continue;
    if (/^\s+(?:hundred|thousand|million|billion|trillion)\b/.test(folded.slice(end, end + 12))) continue;
    const value = EN_CARDINALS[m[1]!]! + (m[2] ? EN_CARDINALS[m[2]]! : 0);
    // the noun it counts, past a few adjectives: eight emerging regional innovation clusters
    const phrase = /^[^.,;:!?"“”]{0,60}/.exec(folded.slice(end))![0].split(/[\s()]+/).slice(0, 7);
    if (!phrase.some((w) => doc.rules.units.english_count_nouns.includes(w))) continue;
    const c = readUnit(doc, start, end, fromBigInt(BigInt(value)), false);
    if (c && c.unit === 'count') {
      out.push(c);
      taken.fill(1, start, c.end);
    }
  }
  EN_WORD_RE.lastIndex = 0;
  for (let m = EN_WORD_RE.exec(folded); m; m = EN_WORD_RE.exec(folded)) {
    const start = m.index;
    const end = start + m[0].length;
    if (isTaken(doc, taken, start, end)) continue;
    const base = EN_CARDINALS[m[1]!]!;
    const numberEnd = start + m[1]!.length;
    const c = readUnit(doc, start, numberEnd, fromBigInt(BigInt(base)), false);
    if (c) out.push(c);
  }
  return out;
}

/**
 * English integers without a unit that still count something: the values compared with a count, each in brackets
 * after a name ("175 new tech companies, more than Singapore (130), Berlin (101)"), and the ends of a change in
 * "the number of unicorns … grew from 8 to 81".
 */
function englishBareCount(doc: Doc, out: Candidate[], start: number, end: number, value: Dec): Candidate | undefined {
  const { folded, text } = doc;
  if (value.exp < 0 || CJK.test(folded.slice(Math.max(0, start - 30), end + 10))) return undefined;
  const sentence = doc.sentenceOf[start];
  const previous = out[out.length - 1];
  if (folded[start - 1] === '(' && folded[end] === ')' && /[A-Z][A-Za-z.'’-]* \($/.test(text.slice(Math.max(0, start - 24), start))
    && previous && previous.unit === 'count' && doc.sentenceOf[previous.start] === sentence) {
    return { start, end, numberEnd: end, value, unit: 'count', unitRaw: '' };
  }
  const s = doc.sentences[sentence]!;
  if (s && /\bnumber of\b[^.;]{0,80}\b(?:from|to|reached|hit)\s*$/.test(folded.slice(Math.max(s.start, start - 100), start))) {
    return { start, end, numberEnd: end, value, unit: 'count', unitRaw: '' };
  }
  return undefined;
}

export { prepare as prepareForExtraction };
export { specialCandidates, numberCandidates, hedgeBefore };
export type { Candidate, Doc };
