// Sentence boundaries for Chinese and English (and mixed) text, by punctuation. A full stop ends a
// sentence unless it is a decimal point (3.14), part of an abbreviation (Mr., U.S., e.g., No. 5),
// a lone initial (J. Smith) or inside a domain/file name (kechuang.cn). Machine-made English often
// drops the space after a full stop ("impressive.Since"), so a stop between a lower-case word and
// a capital also ends a sentence. Closing quotes and brackets after the stop stay with the sentence.

export interface SentenceSpan {
  start: number;
  end: number;
}

/** Lower-case abbreviations (without their final stop) after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'no', 'nos', 'vs', 'etc', 'e.g', 'i.e', 'cf', 'al', 'fig', 'figs',
  'inc', 'ltd', 'co', 'corp', 'dept', 'gov', 'govt', 'approx', 'est', 'vol', 'pp', 'p', 'art', 'sec', 'para',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'u.s', 'u.k', 'u.n', 'e.u', 'p.r', 'p.r.c', 'a.m', 'p.m', 'rmb', 'mt', 'ft', 'govt',
]);

const CLOSERS = new Set(['"', "'", '”', '’', '」', '』', ')', '）', '】', '》', '〕']);
const CJK_TERMINATORS = new Set(['。', '！', '？', '…']);
const LATIN_TERMINATORS = new Set(['!', '?']);

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}
function isLower(c: string | undefined): boolean {
  return c !== undefined && c >= 'a' && c <= 'z';
}
function isUpper(c: string | undefined): boolean {
  return c !== undefined && c >= 'A' && c <= 'Z';
}
function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u3000' || c === '\u00a0';
}
function isCjk(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

/** The word (letters and inner stops) that ends just before index `dot`, lower-cased. */
function wordBefore(text: string, dot: number, floor: number): string {
  let i = dot;
  while (i > floor) {
    const c = text.charCodeAt(i - 1) | 0x20; // lower-cases ASCII letters; '.' | 0x20 stays '.'
    if (!((c >= 0x61 && c <= 0x7a) || c === 0x2e)) break;
    i--;
  }
  return text.slice(i, dot).toLowerCase();
}

/** Whether the full stop at `i` ends a sentence. */
function fullStopEnds(text: string, i: number, floor: number, end: number): boolean {
  const prev = text[i - 1];
  const next = i + 1 < end ? text[i + 1] : undefined;
  if (isDigit(prev) && isDigit(next)) return false; // 3.14
  if (next === '.') return false; // an ellipsis "..." ends at its last stop
  const word = wordBefore(text, i, floor);
  if (ABBREVIATIONS.has(word)) return false;
  if (/^[a-z]$/i.test(word) && (isSpace(next) || next === undefined) && isUpper(text[i + 2])) {
    // A lone capital initial before a capitalised word: "J. Smith" (but "in Plan B. Then" is rare enough).
    if (isUpper(prev)) return false;
  }
  if (next === undefined || isSpace(next) || CLOSERS.has(next) || isCjk(next)) return true;
  // Run-together sentences of machine-made text: "impressive.Since", "card”.Injecting", "GDP.– 91",
  // "Xin.(By ...)". A lower-case word, a number or a closing quote before the stop; a capital, a dash or
  // an opening bracket after it.
  const endsWord = (isLower(prev) && isLower(text[i - 2])) || isDigit(prev) || CLOSERS.has(prev ?? '');
  if (endsWord && (isUpper(next) || next === '–' || next === '—' || next === '(' || next === '（' || next === '“')) return true;
  return false;
}

// Characters the scan must look at; everything else is skipped with one table look-up.
const INTERESTING = new Uint8Array(0x10000);
for (const c of ['。', '！', '？', '…', '!', '?', '.', '\n']) INTERESTING[c.charCodeAt(0)] = 1;

/** Splits text[start, end) into sentences; whitespace between sentences belongs to none. */
export function splitSentences(text: string, start = 0, end = text.length): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let sentenceStart = start;
  const push = (s: number, e: number) => {
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  for (let i = start; i < end; i++) {
    if (INTERESTING[text.charCodeAt(i)] === 0) continue;
    const c = text[i] as string;
    let ends = false;
    if (CJK_TERMINATORS.has(c)) ends = !(c === '…' && text[i + 1] === '…');
    else if (LATIN_TERMINATORS.has(c)) ends = !(text[i + 1] === '!' || text[i + 1] === '?');
    else if (c === '.') ends = fullStopEnds(text, i, sentenceStart, end);
    else ends = true; // a line break
    if (!ends) continue;
    let j = i + 1;
    // Closing quotes and brackets, and stray stops after an ellipsis ("…."), stay with the sentence.
    while (j < end && (CLOSERS.has(text[j] as string) || (text[j] === '.' && c !== '.'))) j++;
    push(sentenceStart, j);
    sentenceStart = j;
    i = j - 1;
  }
  push(sentenceStart, end);
  return spans;
}
