/** Chinese and English numerals → BigInt. Arabic figures are read by decimal.ts. */

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿廿卅';

/**
 * 十三万五千 → 135000, 三万亿 → 3e12, 二〇二二 → 2022 (digit by digit when no unit character), 两百 → 200.
 * Returns undefined for a string that is not a numeral (e.g. a bare 万).
 */
export function parseChineseNumeral(text: string): bigint | undefined {
  // 廿 = 二十, 卅 = 三十 (一百廿四 = 124)
  if (/[廿卅]/.test(text)) text = text.replace(/廿/g, '二十').replace(/卅/g, '三十');
  if (!text || [...text].every((c) => !(c in CN_DIGITS) && c !== '十')) return undefined;
  const hasUnit = /[十百千万亿]/.test(text);
  if (!hasUnit) {
    let digits = '';
    for (const c of text) digits += String(CN_DIGITS[c]);
    return BigInt(digits);
  }
  let result = 0n;
  let section = 0n;
  let digit = -1n;
  for (const c of text) {
    if (c in CN_DIGITS) digit = BigInt(CN_DIGITS[c]!);
    else if (c in CN_SMALL_UNITS) {
      section += (digit < 0n ? 1n : digit) * BigInt(CN_SMALL_UNITS[c]!);
      digit = -1n;
    } else if (c === '万') {
      result += (section + (digit < 0n ? 0n : digit)) * 10_000n;
      section = 0n;
      digit = -1n;
    } else if (c === '亿') {
      result = (result + section + (digit < 0n ? 0n : digit)) * 100_000_000n;
      section = 0n;
      digit = -1n;
    } else return undefined;
  }
  return result + section + (digit < 0n ? 0n : digit);
}

export const EN_ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20,
};

export const EN_CARDINALS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, a: 1,
};

/** "1st", "11th", "third" → 1, 11, 3. */
export function parseOrdinal(text: string): number | undefined {
  const m = /^(\d+)(?:st|nd|rd|th)$/.exec(text);
  if (m) return Number(m[1]);
  if (text in EN_ORDINALS) return EN_ORDINALS[text];
  const cn = parseChineseNumeral(text);
  if (cn !== undefined) return Number(cn);
  if (/^\d+$/.test(text)) return Number(text);
  return undefined;
}
