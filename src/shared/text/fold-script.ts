import { Converter } from 'opencc-js';

// One converter for the process: building it parses OpenCC's dictionaries (~20 ms).
// 'twp' also maps Taiwan phrasing (軟體→软件, 資料庫→数据库), not just characters.
let toSimplified: ((text: string) => string) | undefined;

function getToSimplified(): (text: string) => string {
  toSimplified ??= Converter({ from: 'twp', to: 'cn' });
  return toSimplified;
}

/** True when the string holds any CJK ideograph or CJK punctuation (anything OpenCC could change). */
export function hasCjk(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) >= 0x2e80) return true;
  }
  return false;
}

/**
 * Folds text so that the same words in different scripts compare equal:
 * Unicode NFKC (full-width → half-width, compatibility ideographs → unified),
 * Traditional → Simplified Chinese, then lower-case.
 */
export function foldScript(text: string): string {
  const normalized = text.normalize('NFKC');
  // OpenCC is the costly step; pure ASCII/Latin text never needs it.
  const simplified = hasCjk(normalized) ? getToSimplified()(normalized) : normalized;
  return simplified.toLowerCase();
}
