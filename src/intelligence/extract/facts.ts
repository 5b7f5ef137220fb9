import { toDecimalString } from './decimal';
import { articleSubjects, entityLexicon, isCurrency, unitFits, type ExtractContext, type MetricHit } from './context';
import { hedgeBefore, numberCandidates, prepareForExtraction, specialCandidates, type Candidate, type Doc, type ExtractInput, type Fact } from './extract';
import type { PeriodMark } from './periods';
import { cachedRegExp, escapeRegExp } from './rules';
import { clauseEnd, clauseStart, lineRanges, type Range } from './structure';

const GROWTH_BEFORE = /(?:同比增长|同比下降|同比增加|同比提高|增长了|增长|增速|增幅|提高了|提高|提升了|提升|上升|增加|下降|减少|year-on-year increase of|increase of|increased by|increase|growth of|grew by|grew|rose by|rose|up by|up|down|an increase of)\s*(?:了|到|至|达|达到|约|近|超过|超)?\s*$/;

/**
 * Indicator facts of a text (see README.md for the stages). Pure: the same text, date and aliases always give the
 * same facts. Every fact's quote is text.slice(start, end).
 */
export function extractFacts(input: ExtractInput, ctx?: ExtractContext): Fact[] {
  if (!input.text) return [];
  const doc = prepareForExtraction(input, ctx);
  const taken = new Uint8Array(doc.folded.length);
  // a bare year that stands as a period ("rose 4% in 2022 compared with 2021") is never a count
  for (const m of doc.marks) if (m.end - m.start === 4 && /^(?:19|20)\d{2}$/.test(doc.folded.slice(m.start, m.end))) taken.fill(1, m.start, m.end);
  const candidates = [...specialCandidates(doc, taken), ...numberCandidates(doc, taken)].sort((a, b) => a.start - b.start);
  const lexicon = entityLexicon(ctx);
  const titleEnd = input.title ? 0 : Math.min(doc.folded.indexOf('\n') < 0 ? 120 : doc.folded.indexOf('\n'), 200);
  const titleBonus = input.title ? titleMentions(input.title, ctx) : [];
  const article = articleSubjects([...doc.mentions, ...titleBonus], lexicon, titleEnd);
  const facts: Fact[] = [];
  for (const c of candidates) perUnit(doc, c);
  let lastMoney: Candidate | undefined;
  for (const c of candidates) {
    if (notAFact(doc, c, lastMoney)) continue;
    if (isCurrency(c.unit)) lastMoney = c;
    const sentenceIndex = doc.sentenceOf[c.start]!;
    const sentence = doc.sentences[sentenceIndex];
    if (!sentence) continue;
    facts.push(buildFact(doc, c, sentence, sentenceIndex, article, lexicon.entities));
  }
  return withoutHeadlineRepeats(doc, facts);
}

/**
 * A headline or subheading (a short line without closing punctuation, not a list item) that repeats a figure of the
 * body (港初創企再創新高 5221間 … 達5,221間; "Business sector: 66% of the R&D spendings") states no fact of its own:
 * its figures are dropped when the body has the same value and unit. A headline repeated (【…】 copies above the
 * article) keeps only its first copy. Headline figures the body does not repeat stay (逾千亿元 above 1004.18亿元).
 */
function withoutHeadlineRepeats(doc: Doc, facts: Fact[]): Fact[] {
  const lines = lineRanges(doc.folded);
  const lineOf = (pos: number) => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid]!.start <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const heading = new Map<number, boolean>();
  const isHeading = (line: number) => {
    let h = heading.get(line);
    if (h === undefined) {
      const r = lines[line];
      const text = r ? doc.folded.slice(r.start, r.end).trim() : '';
      h = text.length > 0 && text.length <= HEADING_MAX && !/[。.!?;；！？:：,，、]$/.test(text) && !/^(?:[-–—•·*]|\d+[.、)]\s)/.test(text) && !PROSE_OPENING.test(text);
      heading.set(line, h);
    }
    return h;
  };
  const key = (f: Fact) => `${f.value}\u0000${f.unit}`;
  const body = new Set<string>();
  for (const f of facts) if (!isHeading(lineOf(f.figure_start))) body.add(key(f));
  const seenHeading = new Set<string>();
  return facts.filter((f) => {
    if (!isHeading(lineOf(f.figure_start))) return true;
    if (body.has(key(f))) return false;
    const k = `${key(f)}\u0000${f.period ?? ''}`;
    if (seenHeading.has(k)) return false;
    seenHeading.add(k);
    return true;
  });
}

/** 2023年,服务业增加值1911.8亿元,占GDP比重51.9% / "In 2022, …": a line that opens with a time phrase and a comma is prose. */
const PROSE_OPENING = /^(?:(?:19|20)\d{2}\s*年度?(?:上半年|下半年|前三季度|第?[一二三四1-4]季度|\d{1,2}\s*[-至到~]\s*\d{1,2}\s*月|\d{1,2}\s*月)?(?:以来)?|今年(?:以来)?|去年|上半年|前三季度|(?:in|by|since|during) (?:19|20)\d{2}|last year|this year)\s*[,，]/;

/** Longest line (characters) still read as a headline. */
const HEADING_MAX = 64;

function titleMentions(title: string, ctx: ExtractContext | undefined) {
  // Mentions in a separately given title count three times (start -1 marks them as title mentions).
  const lexicon = entityLexicon(ctx);
  const folded = title.toLowerCase();
  const out: { start: number; end: number; entity: number }[] = [];
  for (const [alias, entity] of lexicon.aliasToEntity) if (folded.includes(alias)) out.push({ start: -1, end: -1, entity }, { start: -1, end: -1, entity });
  return out;
}

/** Rates: 每万人…35件 → count_per_10k_persons; 每平方公里产出50亿元, 50亿元/平方公里 → CNY_per_km2. */
function perUnit(doc: Doc, c: Candidate): void {
  const before = doc.folded.slice(Math.max(0, c.start - 24), c.start);
  if (c.unit === 'count' && /(?:每万|万人|万名|per 10,?000|per ten thousand)[^,;。、]{0,20}$/.test(before)) c.unit = 'count_per_10k_persons';
  if (c.unit === 'CNY') {
    const after = /^\s*(?:\/|每|per\s)\s*(?:平方公里|平方千米|km2|km²|square kilomet(?:re|er))/.exec(doc.folded.slice(c.end, c.end + 24));
    if (after) {
      c.unit = 'CNY_per_km2';
      c.unitRaw = `${c.unitRaw}${doc.text.slice(c.end, c.end + after[0].length)}`;
      c.end += after[0].length;
    } else if (/(?:每平方公里|每平方千米|地均|per square kilomet(?:re|er))[^,;。、]{0,12}$/.test(before)) c.unit = 'CNY_per_km2';
  }
}

function notAFact(doc: Doc, c: Candidate, lastMoney: Candidate | undefined): boolean {
  const { folded, rules } = doc;
  const nf = rules.notFacts;
  const sentence = doc.sentences[doc.sentenceOf[c.start]!];
  if (!sentence) return true;
  const sentenceText = folded.slice(sentence.start, sentence.end);
  // category thresholds: 投资10亿元以上的项目, 营收超过1亿元的企业, 亿元以上项目
  const after = folded.slice(c.end, c.end + 8);
  const unitText = folded.slice(c.numberEnd, c.end);
  const CATEGORY = /^(?:及以上|以上|以下)?的?(?:企业|项目|大项目|重大项目|工业企业|规上|产业项目|产业集群|集群|工业)/;
  if (CATEGORY.test(after) && (/(?:以上|以下)$/.test(unitText) || /^(?:及以上|以上|以下|的)/.test(after))) return true;
  if (/^的/.test(after) && hedgeBefore(doc, c.start).bound === 'min' && /^的(?:企业|项目|大项目|重大项目|工业企业)/.test(after)) return true;
  if (/\b(?:with|whose)\b[^,.;]{0,30}\b(?:revenue|sales|output|income|assets|investment|turnover|value|capital)s?\b[^,.;]{0,20}\b(?:exceeding|over|above|more than|at least)\s*$/.test(folded.slice(Math.max(sentence.start, c.start - 70), c.start))) return true;
  if (/^\s*(?:级|量级)/.test(after) || /^级/.test(folded.slice(c.numberEnd, c.numberEnd + 3).replace(/^[万亿千百]+/, ''))) return true;
  // "(companies valued at least $1 billion)": the class a group is defined by
  if (/\b(?:companies|firms|startups|start-ups|businesses|unicorns|enterprises)\s+(?:valued|worth)\s+(?:at\s+)?(?:least|over|more than|above|in excess of)?\s*$/.test(folded.slice(Math.max(sentence.start, c.start - 60), c.start))) return true;
  if (/\b(?:with|whose|of)\b[^.]{0,40}\b(?:over|above|more than|exceeding|at least)\s*$/.test(folded.slice(Math.max(sentence.start, c.start - 60), c.start)) && /^\s*(?:or more|and above|each|in annual)/.test(folded.slice(c.end, c.end + 16))) return true;
  // currency conversions in parentheses right after a money figure: 10亿元(约合1.4亿美元), €1bn (about $1.1bn)
  if (isCurrency(c.unit) && lastMoney) {
    const between = folded.slice(lastMoney.end, c.start);
    if (/^\s*[(（]\s*(?:约合|约|折合|合|相当于|about|approximately|approx\.?|around|roughly|some|equivalent to|or|~|≈)?\s*(?:us\$|hk\$|nt\$|\$|€|£|¥|rmb|usd|eur|gbp|cny)?\s*$/.test(between)) return true;
  }
  // 管轄新竹、竹南、龍潭、新竹生醫、銅鑼及宜蘭共 6 個園區: a count of the items the text has just enumerated
  if (c.unit === 'count' && enumerated(folded, sentence, c)) return true;
  // 两位数增长 (double digits), 居前三位 / 前五名 (the top N): no counts
  if (/^位数/.test(folded.slice(c.numberEnd, c.numberEnd + 2)) || /^\s*位数/.test(folded.slice(c.end - 1, c.end + 2))) return true;
  if (folded[c.start - 1] === '前' && /^[位名]/.test(folded.slice(c.numberEnd, c.numberEnd + 1))) return true;
  // "R&D intensity above 3%", "shares close to 1%": a threshold describing a group, not a figure of its own
  if (/\b(?:intensity|intensities|rate|rates|share|shares|growth)\s+(?:above|below|over|under|of more than|of less than|exceeding|close to)\s*$/.test(folded.slice(Math.max(0, c.start - 40), c.start))) return true;
  // anniversaries: 10周年, 35年来 (years) and "10th anniversary" (ordinals are never counts)
  if (nf.anniversary_after.some((w) => folded.startsWith(w, c.numberEnd) || folded.startsWith(w, c.end))) return true;
  // policy rates (加计扣除比例 from 75% to 100%): policy records, not indicator facts
  if ((c.unit === 'percent' || c.unit === 'pp') && nf.policy_rate_words.some((w) => sentenceText.includes(w))) return true;
  // numbers cut off at the end of the text
  const tail = doc.text.slice(c.numberEnd).trim();
  if (/^[.,，…]*$/.test(tail) || (/^(?:…|\.\.\.)/.test(tail) && !/[。.!?]/.test(tail.slice(3)))) return true;
  // a figure inside a short quoted name: “3+2”, “586”
  if (/[“"「《]\s*$/.test(folded.slice(Math.max(0, c.start - 2), c.start)) && /^[^”"」》]{0,3}[”"」》]/.test(folded.slice(c.end, c.end + 4))) return true;
  // a size class in corner brackets: 规模「250人至499人」, 「249人以下」
  if (/「[^」]{0,6}$/.test(folded.slice(Math.max(0, c.start - 7), c.start)) && /^[^「」]{0,8}」/.test(folded.slice(c.end, c.end + 9)) && /至|到|~|以上|以下/.test(folded.slice(Math.max(0, c.start - 7), c.end + 9))) return true;
  return false;
}

/**
 * True when the figure counts a list right before it: items separated by 、 (at least three), the last joined by 及 /
 * 和 / 与, and as many of them as the figure says (集成电路、计算机及外围、光电、通讯、精密机械及生物技术六项).
 */
function enumerated(folded: string, sentence: Range, c: Candidate): boolean {
  const clause = folded.slice(clauseStart(folded, sentence, c.start), c.start).replace(/(?:共|等|共计|合计|这|此)?\s*$/, '');
  const parts = clause.split('、');
  if (parts.length < 3) return false;
  const last = parts[parts.length - 1]!;
  const items = parts.length + (/(?:及|和|与|以及)/.test(last) ? 1 : 0);
  return String(items) === toDecimalString(c.value);
}

function buildFact(doc: Doc, c: Candidate, sentence: Range, sentenceIndex: number, article: { zone?: number; city?: number }, entities: { name: string; id?: string }[]): Fact {
  const { folded, text } = doc;
  const hedge = c.unit === 'rank' || c.unit === 'ranks' ? {} : hedgeBefore(doc, c.start);
  const approx = c.approx || hedge.approx;
  const bound = c.bound ?? hedge.bound;
  const before = folded.slice(sentence.start, c.start);
  const cumulative = doc.rules.hedges.cumulative.some((w) => before.includes(w));
  const period = periodOf(doc, c, sentence);
  const target = isTarget(doc, before, period.mark);
  const subject = subjectOf(doc, c, sentence, article, entities);
  const metric = metricOf(doc, c, sentence);
  // The quote: the clause holding the figure, widened to the previous clause when that one names what is counted.
  let qs = clauseStart(folded, sentence, c.start);
  if (c.start - qs < 6 && qs > sentence.start) qs = clauseStart(folded, sentence, qs - 1);
  let qe = clauseEnd(folded, sentence, c.end);
  // a figure broken across lines (以製造業 1 / 兆 6,482.2 億元) may run past its sentence: the quote holds it whole
  qs = Math.min(qs, c.start);
  qe = Math.max(qe, c.end);
  while (qs < qe && /\s/.test(text[qs]!)) qs++;
  while (qe > qs && /\s/.test(text[qe - 1]!)) qe--;
  const fact: Fact = {
    subject: subject?.name ?? null,
    ...(subject?.id ? { subject_id: subject.id } : {}),
    metric: metric.code,
    ...(metric.proposed ? { metric_proposed: true } : {}),
    ...(metric.label ? { metric_label: metric.label } : {}),
    value: toDecimalString(c.value),
    unit: c.unit,
    unit_raw: c.unitRaw,
    period: period.period,
    ...(period.detail ? { period_detail: period.detail } : {}),
    quote: text.slice(qs, qe),
    start: qs,
    end: qe,
    figure_start: c.start,
    figure_end: c.end,
  };
  if (approx) fact.approx = true;
  if (bound) fact.bound = bound;
  if (cumulative) fact.cumulative = true;
  if (target) fact.target = true;
  void sentenceIndex;
  return fact;
}

function isTarget(doc: Doc, before: string, mark: PeriodMark | undefined): boolean {
  const h = doc.rules.hedges;
  if (mark?.horizon) return true;
  let cleaned = before;
  for (const w of h.target_zh_not) cleaned = cleaned.split(w).join('');
  // 2013至2014年度, 2004年到2013年: a range, not a horizon (至20 / 到20 are target cues)
  cleaned = cleaned.replace(/(?:19|20)\d{2}\s*年?\s*[至到]\s*(?=(?:19|20)\d{2})/g, '');
  if (h.target_zh.some((w) => cleaned.includes(w))) return true;
  return h.target_en.some((w) => cachedRegExp(`\\b${w}`).test(cleaned));
}

/**
 * The items of a list sorted by start that lie inside [start, end): found by binary search, so that the work per
 * figure does not grow with the length of the document.
 */
function within<T extends Range>(list: T[], start: number, end: number): T[] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < list.length && list[i]!.start < end; i++) if (list[i]!.end <= end) out.push(list[i]!);
  return out;
}

function periodOf(doc: Doc, c: Candidate, sentence: Range): { period: string | null; detail?: string; mark?: PeriodMark } {
  // A comparison base (较2024年) or the start of a change (由2013年) is the period only of a figure right after it
  // (较2024年1.51兆元, 由2019年的507.25亿元, 比前年的1兆7510亿元); the growth that follows keeps the sentence's period.
  // (a multiple is no base value: 是2020年的2.3倍 keeps the sentence's period)
  const attached = (m: PeriodMark) => m.end <= c.start && c.unit !== 'times' && ATTACHED.test(doc.folded.slice(m.end, c.start));
  const usable = (m: PeriodMark) => !m.label && (!(m.comparison || m.origin) || attached(m));
  const all = within(doc.marks, sentence.start, sentence.end);
  // "2.22% in 2022", "down from 3.6% in 2022", "(49% in 2023 vs 42% in 2013)": a year right after the figure is its own
  const own = all.find((m) => m.start >= c.end && !m.label && !m.comparison && FOLLOWING.test(doc.folded.slice(c.end, m.start)));
  if (own) return own.unresolved ? { period: null } : { period: own.period, detail: own.detail, mark: own };
  const inSentence = all.filter(usable);
  let before = inSentence.filter((m) => m.end <= c.start);
  // 增至2019年的263億港元,香港至今已有8家: a time word without a year between the period and the figure starts
  // another time the text does not date
  const last = before[before.length - 1];
  if (last && breaksFrame(doc, { start: last.end, end: c.start })) return { period: null };
  // a figure that follows its own "in 2013" leaves that year to it only when the sentence has another
  before = before.filter((m, i) => i === before.length - 1 || !FIGURE_IN.test(doc.folded.slice(Math.max(0, m.start - 24), m.start)));
  const horizon = inSentence.find((m) => m.horizon);
  // the first period after the figure, unless other periods stand between: then the later years belong to the figures
  // they follow ("$10.5 billion, down from $10.7 billion in 2019 but higher than the $5.9 billion figure from 2018")
  let mark: PeriodMark | undefined = before[before.length - 1] ?? inSentence.find((m, i) => m.start >= c.end && !m.comparison && !m.origin && !all.some((o) => o.start >= c.end && o.end <= m.start && o !== inSentence[i]));
  // a target's horizon wins (2022年…, 到2025年达到X), but a horizon after a figure that is no target does not
  // (今年…新核准37家, 管理局設定明年…)
  const targetFigure = horizon && (horizon.start < c.start || isTarget(doc, doc.folded.slice(sentence.start, c.start), undefined));
  if (horizon && targetFigure && (!mark || (mark.end <= c.start && horizon.start > mark.start && !attached(mark)))) mark = horizon;
  if (mark?.horizon && !targetFigure && mark.start >= c.end) mark = undefined;
  if (!mark && breaksFrame(doc, { start: sentence.start, end: c.start })) return { period: null };
  // a plan without a horizon (預計創造2,980個就業機會) does not take the period an earlier sentence states
  if (!mark && isTarget(doc, doc.folded.slice(clauseStart(doc.folded, sentence, c.start), c.start), undefined)) return { period: null };
  if (!mark) {
    mark = carriedMark(doc, sentence, c.start);
    // a horizon stated earlier (115學年度開始招生) is no period of a later sentence that plans nothing (此外…提高逾6倍)
    if (mark?.horizon) mark = undefined;
  }
  return mark && !mark.unresolved ? { period: mark.period, detail: mark.detail, mark } : { period: null };
}

const ATTACHED = /^\s*(?:年|度|底|末|同期|年底|年末)?\s*(?:的|之)?\s*[(（]?\s*(?:新台币|人民币|us\$|\$|€|£)?\s*(?:约|近|超过|逾|超)?\s*$/;
/** between a figure and a year that is its own: "2.22% in 2022", "€331 billion (2021)", "$4bn raised in 2019", "$43.1bn VC total in 2020" */
const FOLLOWING = /^\s*(?:[a-z][a-z&-]*\s+){0,2}?(?:in|for|during|as of|from|\()\s*$/;
/** a year right after a figure ("8% in 2013"): its own, not a frame for figures after it */
const FIGURE_IN = /\d(?:%|\s?(?:percent|per cent|pp|billion|million|bn|m))?\)?\s+in\s*$/;

const BULLET = /^\s*[-–—•·*]\s/;
const CONTINUATION = /^\s*(?:[-–—•·*]|\d+[.、)]|[(（][一二三四五六七八九十\d]+[)）]|其中|同时|此外|另外|并|还|分别|其次|至于|另|among them|of which|in addition|meanwhile|also)/;

/**
 * A period stated in an earlier sentence of the same paragraph carries over to a sentence without one of its own:
 * - to list items (– …) and sentences opening with 其中 / 同时 / "among them", and sentences whose only year names an
 *   award (2020年度…奖); each carrying sentence may pass it on to the next one;
 * - otherwise as the paragraph's time frame (2019年全市登记技术合同7941项… 按技术领域统计, 占比达89.2%): the last
 *   period an earlier sentence states, unless that is an open range (2017年以来), a target horizon, attributive
 *   (今年的工作会上), or a time word without a year (目前, 近年来, 新年伊始, currently) stands in between or in the
 *   sentence itself (`frame_breakers`), which starts a frame of its own the text does not date.
 */
function carriedMark(doc: Doc, sentence: Range, figure: number): PeriodMark | undefined {
  return listCarried(doc, sentence) ?? frameCarried(doc, sentence, figure);
}

function listCarried(doc: Doc, sentence: Range): PeriodMark | undefined {
  const index = doc.sentenceOf[sentence.start]!;
  const paragraph = doc.paragraphOf[sentence.start];
  const marksOf = (s: Range) => within(doc.marks, s.start, s.end).filter((m) => !m.label && !m.comparison && !m.origin);
  const opensItem = (s: Range) => CONTINUATION.test(doc.folded.slice(s.start, Math.min(s.end, s.start + 40))) || within(doc.marks, s.start, s.end).some((m) => m.label);
  // Walk back to the sentence that states a period. The current sentence must continue it: open a list item or
  // follow (without a period of its own) a list item that does.
  let inList = opensItem(sentence);
  let sawItem = inList;
  for (let i = index - 1; i >= Math.max(0, index - 30); i--) {
    const s = doc.sentences[i]!;
    if (doc.paragraphOf[s.start] !== paragraph) return undefined;
    const marks = marksOf(s);
    // bulleted items are siblings: the year one item states is not the period of the next (- 2024年…8460亿元 - …全国第一)
    if (marks.length && BULLET.test(doc.folded.slice(s.start, s.start + 4)) && BULLET.test(doc.folded.slice(sentence.start, sentence.start + 4))) return undefined;
    if (marks.length) return inList || sawItem ? marks[marks.length - 1] : undefined;
    if (opensItem(s)) { sawItem = true; inList = true; }
    else if (!sawItem) return undefined;
  }
  return undefined;
}

let breakerWords: string[] | undefined;
let breakerRe: RegExp | undefined;
function breaksFrame(doc: Doc, s: Range): boolean {
  const words = doc.rules.periods.frame_breakers;
  if (words !== breakerWords) {
    breakerWords = words;
    breakerRe = new RegExp(words.map((w) => (/^[a-z]/.test(w) ? `\\b${escapeRegExp(w)}\\b` : escapeRegExp(w))).join('|'));
  }
  if (s.end <= s.start) return false;
  let text = doc.folded.slice(s.start, s.end);
  if (!breakerRe!.test(text)) return false;
  // 创历年同期新高 / 历年最高: a record, not a time of its own
  for (const w of doc.rules.periods.frame_breakers_not) if (text.includes(w)) text = text.split(w).join('');
  return breakerRe!.test(text);
}

function frameCarried(doc: Doc, sentence: Range, figure: number): PeriodMark | undefined {
  const index = doc.sentenceOf[sentence.start]!;
  const paragraph = doc.paragraphOf[sentence.start];
  if (breaksFrame(doc, { start: sentence.start, end: figure })) return undefined;
  for (let i = index - 1; i >= Math.max(0, index - 30); i--) {
    const s = doc.sentences[i]!;
    // never across paragraphs (the evaluation sets' convention: a period binds its paragraph)
    if (doc.paragraphOf[s.start] !== paragraph) return undefined;
    const marks = within(doc.marks, s.start, s.end).filter((m) => !m.label && !m.comparison && !m.origin);
    if (marks.length && BULLET.test(doc.folded.slice(s.start, s.start + 4)) && BULLET.test(doc.folded.slice(sentence.start, sentence.start + 4))) return undefined;
    if (marks.length) {
      // the first period a sentence states is its frame (2023 in "grew by 2.4% in 2023, down from 3.6% in 2022")
      const m = marks[0]!;
      if (m.unresolved || m.horizon || m.period.endsWith('-') || /^\s*的/.test(doc.folded.slice(m.end, m.end + 3))) return undefined;
      return m;
    }
    if (breaksFrame(doc, s)) return undefined;
  }
  return undefined;
}

function subjectOf(doc: Doc, c: Candidate, sentence: Range, article: { zone?: number; city?: number }, entities: { name: string; id?: string }[]) {
  let pick: number | undefined;
  for (const m of within(doc.mentions, sentence.start, c.start)) {
    pick = m.entity === -1 ? article.zone : m.entity === -2 ? (article.city ?? article.zone) : m.entity;
  }
  pick ??= article.zone ?? article.city;
  return pick === undefined ? undefined : entities[pick];
}

const GROWTH_CODES = new Set(['growth_rate']);
const SHARE_CODES = new Set(['gdp_share']);

function metricOf(doc: Doc, c: Candidate, sentence: Range): { code: string; proposed: boolean; label?: string } {
  const lib = doc.rules.libraryCodes;
  const result = (code: string, label?: string) => ({ code, proposed: !lib.has(code), label });
  const { folded, text } = doc;
  if (c.metric) return result(c.metric, text.slice(c.start, c.end));
  const cs = clauseStart(folded, sentence, c.start);
  const ce = clauseEnd(folded, sentence, c.end);
  const hits = within(doc.metricHits, sentence.start, sentence.end);
  const fitting = (h: MetricHit) => unitFits(h.entry, c.unit);
  const nearestBefore = (from: number, accept: (h: MetricHit) => boolean) => {
    let best: MetricHit | undefined;
    for (const h of hits) if (h.start >= from && h.end <= c.start && accept(h) && (!best || h.end > best.end || (h.end === best.end && h.end - h.start > best.end - best.start))) best = h;
    return best;
  };
  const firstAfter = (to: number, accept: (h: MetricHit) => boolean) => hits.find((h) => h.start >= c.end && h.end <= to && accept(h));
  const label = (h: MetricHit) => text.slice(h.start, h.end);
  if (c.unit === 'percent' || c.unit === 'pp' || c.unit === 'times') {
    const growth = GROWTH_BEFORE.test(folded.slice(Math.max(sentence.start, c.start - 14), c.start));
    const plain = nearestBefore(cs, (h) => fitting(h) && !GROWTH_CODES.has(h.entry.code) && !SHARE_CODES.has(h.entry.code));
    if (plain && !growth) return result(plain.entry.code, label(plain));
    const base = nearestBefore(sentence.start, (h) => !GROWTH_CODES.has(h.entry.code) && !SHARE_CODES.has(h.entry.code) && !h.entry.units.includes('rank'));
    if (growth) {
      if (!base) return result('growth_rate', 'growth');
      return result(base.entry.code === 'operating_revenue' ? 'revenue_growth' : `${base.entry.code}_growth`, label(base));
    }
    if (/占|accounted for|accounting for|share of|of gdp/.test(folded.slice(cs, c.start))) return result(base ? `${base.entry.code}_share` : 'share', base ? label(base) : undefined);
  }
  const english = !/[\u4e00-\u9fff]/.test(folded.slice(cs, ce));
  const afterFirst = c.unit === 'count' && english;
  const rightAfter = c.unit === 'count' ? hits.find((h) => h.start >= c.end && h.start <= c.end + 2 && fitting(h)) : undefined;
  const hit = rightAfter ?? (afterFirst
    ? firstAfter(ce, fitting) ?? nearestBefore(cs, fitting)
    : nearestBefore(cs, fitting) ?? firstAfter(ce, fitting) ?? nearestBefore(sentence.start, fitting));
  if (hit) return result(hit.entry.code, label(hit));
  // No lexicon term: propose the words of the clause before the figure (zh) or the noun after it (en).
  const words = english
    ? (/^\s*((?:[a-z][a-z&'’-]*\s?){1,4})/.exec(folded.slice(c.end, ce))?.[1] ?? folded.slice(cs, c.start).trim().split(/\s+/).slice(-4).join(' '))
    : text.slice(cs, c.start).replace(/(?:达到|达|为|是|实现|超过|突破|共计|累计|约|近|有|了|共|逾|超|新增|完成)+\s*$/, '').trim().slice(-12);
  const proposal = words.trim() || 'unclassified';
  return { code: proposal, proposed: true, label: proposal };
}
