import { stemmer } from 'stemmer';
import { foldScript, hasCjk } from './fold-script';
import { segmentChinese } from './segment-chinese';
import { CHINESE_STOPWORDS, ENGLISH_STOPWORDS } from './stopwords';

const MAX_WORD_LENGTH = 40;

function isAsciiLetter(code: number): boolean {
  return code >= 0x61 && code <= 0x7a; // input is already lower-cased
}

function isWordChar(code: number): boolean {
  // Latin-1 to Cyrillic letters count as word characters; general punctuation (U+2000 up) does not.
  if (isAsciiLetter(code) || (code >= 0x30 && code <= 0x39)) return true;
  return code >= 0xc0 && code < 0x2000 && code !== 0xd7 && code !== 0xf7;
}

function isIdeograph(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0x3040 && code <= 0x30ff);
}

// Word frequencies are Zipfian, so a bounded memo answers most stemming calls; Porter itself
// costs about a microsecond a word, which adds up over a million English descriptions.
const stems = new Map<string, string>();
const MAX_MEMO_STEMS = 200_000;

function stem(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = stemmer(word);
    if (stems.size < MAX_MEMO_STEMS) stems.set(word, stemmed);
  }
  return stemmed;
}

function pushWord(word: string, out: string[]): void {
  if (word.length > MAX_WORD_LENGTH || ENGLISH_STOPWORDS.has(word)) return;
  // Porter only for alphabetic words; codes like "5g", "h01m", "co2" pass unchanged.
  out.push(/^[a-z]+$/.test(word) ? stem(word) : word);
}

/** Splits non-CJK folded text into alphanumeric words (a linear scan, no regex backtracking). */
export function splitWords(folded: string, out: string[] = []): string[] {
  let start = -1;
  for (let i = 0; i <= folded.length; i++) {
    const code = i < folded.length ? folded.charCodeAt(i) : 0x20;
    if (isWordChar(code)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      pushWord(folded.slice(start, i), out);
      start = -1;
    }
  }
  return out;
}

/** Analyzes text that has already been through `foldScript`. */
export function analyzeFolded(folded: string): string[] {
  const out: string[] = [];
  if (!hasCjk(folded)) return splitWords(folded, out);
  for (const piece of segmentChinese(folded)) {
    const first = piece.charCodeAt(0);
    if (isIdeograph(first)) {
      if (!CHINESE_STOPWORDS.has(piece)) out.push(piece);
    } else {
      splitWords(piece, out);
    }
  }
  return out;
}

/**
 * The platform's analyzer: fold scripts, segment Chinese with jieba, split English into words,
 * Porter-stem English, drop punctuation and stopwords. Deterministic: the same text always
 * yields the same tokens, so they can be stored (e.g. joined by spaces in a `simple` tsvector).
 */
export function analyze(text: string): string[] {
  return analyzeFolded(foldScript(text));
}
