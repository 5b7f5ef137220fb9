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
 * Full-width ASCII → half-width, ideographic space → space, Traditional → Simplified (OpenCC, character level) where the conversion keeps the length, A–Z → a–z.
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
