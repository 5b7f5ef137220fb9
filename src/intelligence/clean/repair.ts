import iconv from 'iconv-lite';
import { commonHanShare } from './read/decode-text';
import type { RepairKind } from './types';

// Repairs of text that was damaged before it reached us, found by pattern rather than by word lists:
//  - conversion artefacts: a Simplified → Traditional converter that annotated characters with their
//    pinyin left "企業(yè)", "區(qū)": a Han character followed by one tone-marked pinyin syllable in brackets;
//  - mojibake: GBK (or UTF-8) bytes decoded as Latin-1/Windows-1252 ("Öйú" → "中国"), and UTF-8
//    bytes decoded as GBK ("涓浗" → "中国"); a repair is kept only when the bytes re-decode without
//    error into common Chinese text;
//  - a GBK byte stream that lost one byte and was decoded one byte out of step until a single-byte
//    character put it back in step ("?!疤m州" → "。“蘭州"): an ASCII letter between Han characters is
//    the tell-tale.

export interface TextRepair {
  kind: RepairKind;
  start: number;
  end: number;
  to: string;
}

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
const ARTEFACT = new RegExp(`([\\u3400-\\u9fff])[(（]([a-zü${TONED}]{1,7})[)）]`, 'g');
const TONE_BASE: Record<string, string> = {};
for (const [chars, base] of [['āáǎà', 'a'], ['ēéěè', 'e'], ['īíǐì', 'i'], ['ōóǒò', 'o'], ['ūúǔù', 'u'], ['ǖǘǚǜü', 'v'], ['ńňǹ', 'n'], ['ḿ', 'm']] as const) {
  for (const c of chars) TONE_BASE[c] = base;
}
const PINYIN_SYLLABLE = /^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:[aeiouv]{1,3})(?:ng|n|r)?|ng|n|m|hm|hng)$/;

/** Whether `inner` is one pinyin syllable written with a tone mark (or ü), as converters print them. */
export function isTonedPinyin(inner: string): boolean {
  let toned = false;
  let plain = '';
  for (const c of inner) {
    const base = TONE_BASE[c];
    if (base) {
      toned = true;
      plain += base;
    } else plain += c;
  }
  return toned && PINYIN_SYLLABLE.test(plain);
}

export function findConversionArtefacts(text: string): TextRepair[] {
  const repairs: TextRepair[] = [];
  for (const m of text.matchAll(ARTEFACT)) {
    if (!isTonedPinyin(m[2] as string)) continue;
    repairs.push({ kind: 'conversion-artefact', start: m.index, end: m.index + m[0].length, to: m[1] as string });
  }
  return repairs;
}

// Windows-1252's printable characters in 0x80–0x9F, by code point → byte.
const CP1252_SPECIALS: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02c6: 0x88, 0x2030: 0x89,
  0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95,
  0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98, 0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b, 0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};
const HIGH = '[\\u0080-\\u00ff\\u0152\\u0153\\u0160\\u0161\\u0178\\u017d\\u017e\\u0192\\u02c6\\u02dc\\u2013\\u2014\\u2018-\\u201e\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203a\\u20ac\\u2122]';
// ASCII passes through both encodings unchanged, so short ASCII stretches (digits, %) stay inside a run.
const LATIN1_RUN = new RegExp(`${HIGH}(?:${HIGH}|[\\x20-\\x7e]{1,12}(?=${HIGH}))*${HIGH}`, 'g');

function cp1252Bytes(run: string): Uint8Array | undefined {
  const bytes = new Uint8Array(run.length);
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    const b = c <= 0xff ? c : CP1252_SPECIALS[c];
    if (b === undefined) return undefined;
    bytes[i] = b;
  }
  return bytes;
}

const strictDecoders = new Map<string, TextDecoder>();
function strict(bytes: Uint8Array, label: string): string | undefined {
  let decoder = strictDecoders.get(label);
  if (!decoder) {
    decoder = new TextDecoder(label, { fatal: true });
    strictDecoders.set(label, decoder);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

function highCount(run: string): number {
  let n = 0;
  for (let i = 0; i < run.length; i++) if (run.charCodeAt(i) >= 0x80) n++;
  return n;
}

function hasHan(text: string): boolean {
  return /[\u3400-\u9fff]/.test(text);
}

/** Latin-1/Windows-1252 mojibake of UTF-8 or GBK text. */
function findLatin1Mojibake(text: string): TextRepair[] {
  const repairs: TextRepair[] = [];
  for (const m of text.matchAll(LATIN1_RUN)) {
    const run = m[0];
    if (highCount(run) < 4) continue;
    const bytes = cp1252Bytes(run);
    if (!bytes) continue;
    const asUtf8 = strict(bytes, 'utf-8');
    const candidate = asUtf8 !== undefined && asUtf8 !== run && highCount(asUtf8) < highCount(run) ? asUtf8 : strict(bytes, 'gb18030');
    if (candidate === undefined || !hasHan(candidate) || commonHanShare(candidate) < 0.3) continue;
    repairs.push({ kind: 'mojibake', start: m.index, end: m.index + run.length, to: candidate });
  }
  return repairs;
}

// Any run of non-ASCII characters: GBK pairs decode to Han, bopomofo, kana, Cyrillic, box drawing...
const HAN_RUN = /[^\x00-\x7f\s\uFFFD]{4,}\uFFFD?|[^\x00-\x7f\s\uFFFD]{2,3}\uFFFD/g;
const lenientUtf8 = new TextDecoder('utf-8');

// The characters GBK gives to the byte pair that starts a UTF-8 CJK character: a lead byte E4–E9 and a
// continuation byte 80–BF. In ordinary Chinese they are rare (GB2312's level-2 rows, GBK extensions); in
// UTF-8-read-as-GBK text they are every third character.
let utf8PairTable: Uint8Array | undefined;
function utf8PairShare(run: string): number {
  if (!utf8PairTable) {
    const table = new Uint8Array(0x10000);
    const gbk = new TextDecoder('gbk');
    for (let lead = 0xe4; lead <= 0xe9; lead++) {
      for (let trail = 0x80; trail <= 0xbf; trail++) {
        const c = gbk.decode(Uint8Array.of(lead, trail));
        if (c.length === 1 && c !== '\uFFFD') table[c.charCodeAt(0)] = 1;
      }
    }
    table[0x20ac] = 1; // GBK's single byte 0x80 (€) is a UTF-8 continuation byte
    utf8PairTable = table;
  }
  let hits = 0;
  for (let i = 0; i < run.length; i++) hits += utf8PairTable[run.charCodeAt(i)] as number;
  return hits / run.length;
}

/**
 * UTF-8 bytes decoded as GBK: the run re-encoded as GBK must be UTF-8 reading as common Chinese. A UTF-8
 * character cut by the decoder shows as "\uFFFD" at the end of the run: that one character is lost, the rest kept.
 */
function findGbkMojibake(text: string): TextRepair[] {
  const repairs: TextRepair[] = [];
  for (const m of text.matchAll(HAN_RUN)) {
    const run = m[0];
    const body = run.endsWith('\uFFFD') ? run.slice(0, -1) : run;
    if (utf8PairShare(body) < 0.2) continue; // ordinary Chinese: nothing to repair, and no encoding cost
    const before = commonHanShare(body);
    const bytes = iconv.encode(body, 'gbk');
    let decoded = strict(bytes, 'utf-8');
    if (decoded === undefined) {
      // Only a cut last character is tolerated: the decoded text may end with one replacement character.
      const lenient = lenientUtf8.decode(bytes);
      const firstBad = lenient.indexOf('\uFFFD');
      if (firstBad < 0 || firstBad < lenient.length - 1) continue;
      decoded = lenient.slice(0, -1);
    }
    if (decoded === body || !hasHan(decoded)) continue;
    if (commonHanShare(decoded) < before + 0.25) continue;
    repairs.push({ kind: 'mojibake', start: m.index, end: m.index + run.length, to: decoded });
  }
  return repairs;
}

const SHIFTED = /[?\uFFFD]([\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e\uff01-\uff5e]?[\u3400-\u9fff]{1,8}[\x40-\x7e])(?=[\u3400-\u9fff])/g;

/** A GBK stream decoded one byte out of step after a lost byte (shown as "?"), back in step after an ASCII byte. */
function findShiftedGbk(text: string): TextRepair[] {
  const repairs: TextRepair[] = [];
  for (const m of text.matchAll(SHIFTED)) {
    // ASCII punctuation right after the lost byte was a full-width form before someone folded it (！ → !).
    const span = (m[1] as string).replace(/^[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const bytes = iconv.encode(span, 'gb18030');
    if (bytes.length < 3) continue;
    const rest = strict(bytes.subarray(1), 'gb18030');
    if (rest === undefined || /[A-Za-z?]/.test(rest) || !hasHan(rest)) continue;
    // The lost character: its first byte is gone; a punctuation mark from row A1 is the usual case.
    const lost = strict(Uint8Array.of(0xa1, bytes[0] as number), 'gb18030');
    const to = (lost !== undefined && /[\u3000-\u303f\uff00-\uffef\u2018-\u201f]/.test(lost) ? lost : '') + rest;
    repairs.push({ kind: 'shifted-gbk', start: m.index, end: m.index + m[0].length, to });
  }
  return repairs;
}

/** All repairs in the text, sorted and non-overlapping (earlier-found kinds win). */
export { findShiftedGbk, findLatin1Mojibake, findGbkMojibake };
export function findRepairs(text: string): TextRepair[] {
  const all = [...findShiftedGbk(text), ...findLatin1Mojibake(text), ...findGbkMojibake(text), ...findConversionArtefacts(text)];
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TextRepair[] = [];
  let until = -1;
  for (const r of all) {
    if (r.start < until) continue;
    kept.push(r);
    until = r.end;
  }
  return kept;
}
