import { Locale } from 'opencc-js';

// Language and script of a stretch of text, cheap enough to run on every paragraph of every
// ingested document. Han text is told apart as Simplified or Traditional by counting characters
// that exist in only one of the two forms, taken from OpenCC's own Traditional → Simplified
// character table (the same data foldScript converts with), so the two never disagree.

export type TextLang = 'zh' | 'en' | 'und';
export type TextScript = 'Hans' | 'Hant' | 'Latn' | 'Zyyy';

const TRADITIONAL_ONLY = 1;
const SIMPLIFIED_ONLY = 2;
let formTable: Uint8Array | undefined;
let simplifiedOf: Uint16Array | undefined;

function buildFormTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  const simplified = new Uint16Array(0x10000);
  const keys = new Set<string>();
  const values = new Set<string>();
  for (const group of Locale.to.cn) {
    for (const dict of group) {
      const entries = typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ')) : dict.map(([k, v]) => [k, ...v.split(' ')]);
      for (const [key, ...targets] of entries) {
        // Only single characters: phrases say nothing about one character's form.
        if (key?.length !== 1) continue;
        if (targets.some((t) => t !== key)) {
          keys.add(key);
          const first = targets[0];
          if (first?.length === 1 && first !== key) simplified[key.charCodeAt(0)] = first.charCodeAt(0);
        }
        for (const t of targets) if (t.length === 1 && t !== key) values.add(t);
      }
    }
  }
  for (const k of keys) table[k.charCodeAt(0)] = TRADITIONAL_ONLY;
  simplifiedOf = simplified;
  for (const v of values) if (!keys.has(v)) table[v.charCodeAt(0)] = SIMPLIFIED_ONLY;
  return table;
}

export interface ScriptCounts {
  han: number;
  latinLetters: number;
  traditional: number;
  simplified: number;
}

/** Counts Han characters, Latin letters and form-specific Han characters in text[start, end). */
export function countScripts(text: string, start = 0, end = text.length): ScriptCounts {
  formTable ??= buildFormTable();
  const table = formTable;
  let han = 0;
  let latinLetters = 0;
  let traditional = 0;
  let simplified = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      han++;
      const form = table[c];
      if (form === TRADITIONAL_ONLY) traditional++;
      else if (form === SIMPLIFIED_ONLY) simplified++;
    } else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) latinLetters++;
    else if (c >= 0x3400 && c <= 0x4dbf) han++;
  }
  return { han, latinLetters, traditional, simplified };
}

/** Language and script from counts: Chinese when Han characters outweigh Latin words (a Han character ≈ a word's 2.5 letters). */
export function scriptFromCounts(counts: ScriptCounts): { lang: TextLang; script: TextScript } {
  const { han, latinLetters, traditional, simplified } = counts;
  if (han === 0 && latinLetters === 0) return { lang: 'und', script: 'Zyyy' };
  if (han * 2.5 >= latinLetters) {
    return { lang: 'zh', script: traditional > simplified ? 'Hant' : 'Hans' };
  }
  return { lang: 'en', script: 'Latn' };
}

/** Language and script of text[start, end). */
export function detectScript(text: string, start = 0, end = text.length): { lang: TextLang; script: TextScript } {
  return scriptFromCounts(countScripts(text, start, end));
}

/**
 * Traditional → Simplified character by character (each character's first OpenCC mapping), keeping
 * length and offsets. Far cheaper than foldScript's phrase-aware conversion, and enough for matching
 * short patterns such as "版权声明" against "版權聲明"; foldScript stays the one for search tokens.
 */
export function simplifyChars(text: string): string {
  formTable ??= buildFormTable();
  const map = simplifiedOf as Uint16Array;
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const to = map[text.charCodeAt(i)] as number;
    if (to !== 0) {
      out += text.slice(last, i) + String.fromCharCode(to);
      last = i + 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}
