import { getRules } from './rules';

export interface Range {
  start: number;
  end: number;
}

/** Lines of the text (without their line break). */
export function lineRanges(text: string): Range[] {
  const out: Range[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      out.push({ start, end: i });
      start = i + 1;
    }
  }
  return out;
}

const SENTENCE_END = new Set(['。', '!', '?', '！', '？', '\n']);

/**
 * Sentences: cut after 。！？!? and line breaks, and after a full stop followed by a space, a capital, CJK text or
 * the end (not inside 3.7 or "No. 5"), and before " - " between words (bulleted items run together on one line).
 * Closing quotes right after the terminator stay with the sentence.
 */
export function sentenceRanges(folded: string, original: string): Range[] {
  const out: Range[] = [];
  let start = 0;
  const n = folded.length;
  const push = (end: number) => {
    if (end > start) out.push({ start, end });
    start = end;
  };
  for (let i = 0; i < n; i++) {
    const c = folded[i]!;
    let cut = SENTENCE_END.has(c);
    // items run together on one line ("…攀升[2] - 苏州工业园区…"): " - " between words starts a new sentence
    if (c === ' ' && folded[i + 1] === '-' && folded[i + 2] === ' ' && i > start && !/[\d\s]/.test(folded[i - 1] ?? '') && !/\s/.test(folded[i + 3] ?? '')) {
      push(i);
      continue;
    }
    if (c === '.' && !cut) {
      const next = folded[i + 1] ?? '';
      const nextOriginal = original[i + 1] ?? '';
      const afterSpace = original[i + 2] ?? '';
      const abbreviation = /^(no|mr|mrs|dr|st|vs|etc|inc|co|ltd|u\.s)$/.test(wordBefore(folded, i));
      if (/\d/.test(next) || abbreviation && !/[A-Z]/.test(afterSpace)) cut = false;
      else if (i + 1 >= n || next === ' ' || next === '\n') cut = true;
      else cut = /[A-Z\u4e00-\u9fff“”"(–—-]/.test(nextOriginal);
    }
    if (cut) {
      let end = i + 1;
      while (end < n && /[”’"」』)）]/.test(folded[end]!)) end++;
      push(end);
      i = end - 1;
    }
  }
  push(n);
  return out.filter((r) => folded.slice(r.start, r.end).trim() !== '');
}

function wordBefore(text: string, i: number): string {
  let j = i;
  while (j > 0 && /[a-z.]/.test(text[j - 1]!)) j--;
  return text.slice(j, i);
}

/** Clause boundaries inside a sentence: ，,；;：: (not a comma between digits). */
export function isClauseBoundary(folded: string, i: number): boolean {
  const c = folded[i]!;
  if (c === ',') return !(/\d/.test(folded[i - 1] ?? '') && /\d/.test(folded[i + 1] ?? ''));
  if (c === ':') return !/\d/.test(folded[i + 1] ?? '');
  return c === '，' || c === '；' || c === ';' || c === '：';
}

export function clauseStart(folded: string, sentence: Range, pos: number): number {
  for (let i = pos - 1; i >= sentence.start; i--) if (isClauseBoundary(folded, i)) return i + 1;
  return sentence.start;
}

export function clauseEnd(folded: string, sentence: Range, pos: number): number {
  for (let i = pos; i < sentence.end; i++) if (isClauseBoundary(folded, i)) return i;
  return sentence.end;
}

/**
 * Characters whose numbers are not facts, by line: spam lines, contact and registration lines, bylines and
 * footers, related-article lists (a header such as 相关新闻 and the short lines after it, lines that start with
 * 上一条 / Next:, short lines that end in a date). 1 = blocked.
 */
export function blockedLines(folded: string): Uint8Array {
  const nf = getRules().notFacts;
  const blocked = new Uint8Array(folded.length);
  let inRelatedList = false;
  for (const line of lineRanges(folded)) {
    const text = folded.slice(line.start, line.end).trim();
    if (text === '') continue;
    const short = text.length < 100;
    let block = false;
    const bare = text.replace(/^[-–—•·*]\s*/, '');
    // 更多自由時報報導, 更多新闻: a "more from …" header opens a related list too
    if (nf.related_headers.some((h) => bare.startsWith(h) && bare.length <= h.length + 4) || /^更多.{0,8}(?:报导|报道|新闻)$/.test(bare)) {
      inRelatedList = true;
      block = true;
    } else if (inRelatedList && short) block = true;
    else inRelatedList = inRelatedList && short;
    if (!block) {
      block = (text.split('|').length > 3)
        || nf.spam_words.some((w) => w.length > 2 ? text.includes(w) : new RegExp(`(^|[^a-z])${w}([^a-z]|$)`).test(text) && text.split('|').length > 1)
        || nf.related_line_starts.some((w) => text.startsWith(w))
        || (short && nf.contact_words.some((w) => text.includes(w)))
        || nf.registration_words.some((w) => text.includes(w))
        || (short && nf.footer_words.some((w) => text.includes(w)))
        || (short && /^[-·•*]?\s*(?:19|20)\d{2}[-年./]\d{1,2}[-月./]\d{1,2}日?/.test(text))
        || (short && /(?:19|20)\d{2}[-年./]\d{1,2}[-月./]\d{1,2}日?$/.test(text) && !/[。.!?]/.test(text.slice(-12)))
        || (short && /^(?:作者|记者|来源|发布时间|发布日期|时间|by)\b/.test(text) && /(?:19|20)\d{2}/.test(text));
    }
    if (block) blocked.fill(1, line.start, line.end);
  }
  return blocked;
}
