import * as OpenCC from 'opencc-js';

// Character-level Traditional → Simplified ('tw' → 'cn'). The shared pipeline's toSimplified (src/shared/text)
// uses Taiwan phrasing ('twp'), which rewrites words (批次 → 批量, 軟體 → 软件) and may change lengths: right for
// comparing tokens, wrong for rules that must keep every character at its offset. Built once, on first use.
let converter: ((text: string) => string) | undefined;
function toSimplified(text: string): string {
  converter ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  return converter(text);
}

/**
 * The text the rules run on: the same length as the input, character for character, so that every offset found in
 * it is an offset into the original text (a fact's quote is always cut from the original).
 * Full-width ASCII → half-width, ideographic space → space, Traditional → Simplified (OpenCC, character level) where the conversion keeps the length, A–Z → a–z,
 * and Chinese digits written place by place (二〇一九年, 一九一六件, 二．二六兆元, 六萬三四九二個) → Arabic digits.
 */
export function foldForRules(text: string): string {
  const n = text.length;
  const codes = new Uint16Array(n);
  const unknown = new Set<number>();
  for (let i = 0; i < n; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
    else if (code === 0x3000) code = 0x20;
    if (code >= 0x41 && code <= 0x5a) code += 32;
    else if (isIdeograph(code) && !charCache.has(code)) unknown.add(code);
    codes[i] = code;
  }
  if (unknown.size) learn([...unknown]);
  for (let i = 0; i < n; i++) {
    const code = codes[i]!;
    if (isIdeograph(code)) codes[i] = charCache.get(code) ?? code;
  }
  foldDigitRuns(codes);
  let out = '';
  for (let i = 0; i < n; i += 8192) out += String.fromCharCode(...codes.subarray(i, Math.min(n, i + 8192)));
  return out;
}

const isIdeograph = (code: number) => (code >= 0x2e80 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);

// Ideograph → Simplified ideograph, learnt once per character per process: a document is converted by looking up
// each of its (few hundred distinct) ideographs instead of running OpenCC over the whole text. A conversion that is
// not one character for one character keeps the original, so offsets never move.
const charCache = new Map<number, number>();

function learn(codes: number[]): void {
  const chars = codes.map((c) => String.fromCharCode(c));
  const converted = toSimplified(chars.join('\n')).split('\n');
  chars.forEach((ch, i) => {
    const c = converted.length === chars.length ? converted[i]! : toSimplified(ch);
    charCache.set(codes[i]!, c.length === 1 ? c.charCodeAt(0) : codes[i]!);
  });
}

/** 〇 零 一 … 九 → 0–9 (two-character forms such as 两 and place words 十百千 are not place-by-place digits). */
const CN_PLACE_DIGITS = new Map<number, number>([...'〇零一二三四五六七八九'].map((c, i) => [c.charCodeAt(0), i === 0 ? 48 : 47 + i] as [number, number]));
const IS_PLACE_DIGIT = new Uint8Array(0x10000);
for (const code of CN_PLACE_DIGITS.keys()) IS_PLACE_DIGIT[code] = 1;
const DOT = 0x2e;
/** What may follow a run of place-by-place digits for it to be a figure or a year (folded, Simplified). */
const RUN_FOLLOWERS = new Set([...'年月日万亿兆元%倍个家项件人名位所座台例户篇场款种条张部支只辆架颗株批门间份栋'].map((c) => c.charCodeAt(0)));
const BIG_UNITS = new Set([...'万亿兆'].map((c) => c.charCodeAt(0)));
const PLACE_WORDS = new Set([...'十百千廿卅两'].map((c) => c.charCodeAt(0)));

/**
 * Newspapers in Taiwan print figures digit by digit in Chinese (自由時報: 二〇一九年至二〇二五年十一月, 共新增一九一六件,
 * 二．二六兆元, 六萬三四九二個). Such a run becomes Arabic digits, one character for one, when it has a decimal point,
 * a 〇 / 零, or three or more digits, and a year, multiplier, currency, percent or classifier follows; a single digit
 * before 万 / 亿 / 兆 that another converted run follows goes with it (六万3492个). Two-digit runs without 〇 stay
 * (七八个 is "seven or eight", 三五年 "three to five years").
 */
function foldDigitRuns(codes: Uint16Array): void {
  const n = codes.length;
  for (let i = 0; i < n; i++) {
    if (!IS_PLACE_DIGIT[codes[i]!]) continue; // a table lookup: this runs for every character of every document
    let j = i;
    while (j < n && (CN_PLACE_DIGITS.has(codes[j]!) || (codes[j] === DOT && CN_PLACE_DIGITS.has(codes[j + 1] ?? 0) && j > i))) j++;
    const before = codes[i - 1] ?? 0;
    const after = codes[j] ?? 0;
    let digits = 0;
    let zero = false;
    let dot = false;
    for (let k = i; k < j; k++) {
      if (codes[k] === DOT) dot = true;
      else { digits++; if (codes[k] === 0x3007 || codes[k] === 0x96f6) zero = true; }
    }
    const convert = (dot || zero || digits >= 3) && digits >= 2 && RUN_FOLLOWERS.has(after) && !PLACE_WORDS.has(before) && !PLACE_WORDS.has(after);
    if (convert) {
      for (let k = i; k < j; k++) if (codes[k] !== DOT) codes[k] = CN_PLACE_DIGITS.get(codes[k]!)!;
      // 六萬三四九二: the single digit before 万 / 亿 / 兆 belongs to the figure
      if (BIG_UNITS.has(before) && CN_PLACE_DIGITS.has(codes[i - 2] ?? 0) && !CN_PLACE_DIGITS.has(codes[i - 3] ?? 0) && !PLACE_WORDS.has(codes[i - 3] ?? 0)) {
        codes[i - 2] = CN_PLACE_DIGITS.get(codes[i - 2]!)!;
      }
    }
    i = j - 1;
  }
}
