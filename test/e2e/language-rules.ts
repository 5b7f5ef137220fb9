// The language rules of the browser pass (language-layout.test.ts), as plain functions so that their exemptions
// are written down once and tested on their own (language-rules.test.ts).
//
// What a page in one language may show of the other:
// - Text inside an element with a `lang` attribute of the other language: the web app marks text it knows to be in
//   the other language that way — a record's English name field, a listing written in English, a text shown in the
//   other language because the reader's is missing (with a visible mark), a verbatim quote. Such text is exempt.
// - Anything inside quotation marks (“…”, ‘…’, 《…》, 「…」, "…"): a quoted title or name is cited as written.
// - On a Chinese page: Latin words in runs of at most ZH_MAX_LATIN_WORDS — codes, units, acronyms, short product
//   and programme names ("IPC H01M", "R&D 投入", "Torch Centre"). A run of more words ("as reported c. 2023", an
//   English record name) is English text, which a Chinese page shows only marked as such.
// - On an English page: a run of Chinese characters that stands alone as a name — the whole text of its element,
//   at most EN_MAX_NAME_CHARS characters, without Chinese sentence punctuation and without English words around it
//   (an organisation or a person known only by a Chinese name). Chinese in a sentence, Chinese beside English in one
//   element ("10k yuan 万元") or a Chinese clause or sentence is flagged.
// - Everywhere: URLs, e-mail addresses and file names are not language.

/** More Latin words than this in a row, unmarked, on a Chinese page is English text. */
export const ZH_MAX_LATIN_WORDS = 2;
/** A Chinese name standing alone on an English page is at most this long (the longest demo names have ~25). */
export const EN_MAX_NAME_CHARS = 30;

const QUOTED = /“[^”]*”|‘[^’]*’|《[^》]*》|「[^」]*」|"[^"]*"/g;
const NOT_LANGUAGE = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\w+|\b[\w.-]+\.(?:csv|xlsx|json|pdf|docx?|txt|html?)\b/gi;
const HAN_RUN = /[\u3400-\u9fff]+/g;
const CJK_SENTENCE_PUNCTUATION = /[，。；！？、]/;
const LATIN_WORD = /[A-Za-z][A-Za-z'’&-]*/g;
const LATIN_RUN = new RegExp(`[A-Za-z][A-Za-z'’&-]*(?:[\\s,;:]+[A-Za-z][A-Za-z'’&-]*){${ZH_MAX_LATIN_WORDS},}`);
/** Words the same in both interfaces (the language switch). */
const SWITCH_WORDS = new Set(['中文', '简体中文', '中文（简体）']);

const strip = (text: string) => text.replace(QUOTED, ' ').replace(NOT_LANGUAGE, ' ');

/** On a Chinese page: the English phrase found in unmarked text, or null. */
export function englishOnChinesePage(text: string): string | null {
  const m = strip(text).match(LATIN_RUN);
  return m ? m[0] : null;
}

/** On an English page: why this unmarked text is Chinese where it should not be, or null. */
export function chineseOnEnglishPage(text: string): string | null {
  const s = strip(text).trim();
  const runs = (s.match(HAN_RUN) ?? []).filter((r) => !SWITCH_WORDS.has(r));
  if (runs.length === 0) return null;
  if (CJK_SENTENCE_PUNCTUATION.test(s)) return 'Chinese sentence';
  if (runs.some((r) => r.length > EN_MAX_NAME_CHARS)) return 'Chinese text longer than a name';
  const englishWords = (s.replace(HAN_RUN, ' ').match(LATIN_WORD) ?? []).filter((w) => w.length >= 3);
  if (englishWords.length > 0) return 'Chinese beside English';
  return null;
}

/** An enum value shown as stored ("in_review", "zone_operator") instead of its label. */
export const RAW_CODE = /(^|[^\w./-])[a-z]+(_[a-z]+)+(?![\w./-])/;
/** A record shown by its database id ("#68") instead of its name. */
export const RAW_ID = /(^|[^\w&#])#\d+\b/;

export function rawCode(text: string): string | null {
  const s = text.replace(NOT_LANGUAGE, ' ');
  const m = s.match(RAW_CODE) ?? s.match(RAW_ID);
  return m ? m[0].slice(m[1]!.length).trim() : null;
}
