import { simplifyChars } from '../../shared/text';
import { type LineClass, classifyLine, findDate, isProse, looksLikeListEntry } from './boilerplate-rules';
import { isTonedPinyin } from './repair';
import type { ReadBlock, RemovalReason } from './types';

// Decides, block by block, what is article and what is boilerplate. Single lines are classified by
// boilerplate-rules; this adds what needs context: sections (everything under "相关新闻" or "版权声明"),
// the end of the article (after "上一篇/Next:" or a copyright notice, short lines are page furniture),
// the header (site name and menus above the headline, found from the dateline under the headline),
// and repeats (the headline or the lead paragraph printed twice).

export interface BoilerplateDecision {
  /** Reason per block, or undefined for article text. */
  reasons: (RemovalReason | undefined)[];
  titleIndex: number | undefined;
  /** ISO date from the article's dateline. */
  date: string | undefined;
}

const ARTEFACT_ANY = /([\u3400-\u9fff])[(（]([^()（）]{1,7})[)）]/g;

/** The block's text prepared for matching: conversion artefacts dropped, Traditional characters made Simplified. */
function matchView(raw: string): string {
  // Boilerplate lines are short; long paragraphs are only checked for spam and link lists, which need no folding.
  if (raw.length > 300) return raw.toLowerCase();
  const stripped = raw.replace(ARTEFACT_ANY, (all, han: string, inner: string) => (isTonedPinyin(inner) ? han : all));
  return simplifyChars(stripped).toLowerCase();
}

const SECTION_OF: Partial<Record<LineClass, RemovalReason>> = {
  'related-heading': 'related-articles',
  'copyright-heading': 'copyright',
  'contact-heading': 'contact',
};
/** Lines that close the article body: what follows them is page furniture unless it is running text. */
const ENDS_ARTICLE = new Set<LineClass>(['related-heading', 'copyright-heading', 'copyright', 'navigation', 'comments']);

function normalise(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

/** A headline: not too long, and not ending like a sentence. */
function looksLikeTitle(raw: string): boolean {
  return raw.length <= 200 && !/[。！？.!?；;]$/.test(raw);
}

function isSentenceEnd(raw: string): boolean {
  // A closing credit in brackets may follow: "……发表在《自然》上。（编译/林靖东）", "（完）".
  return raw.length >= 12 && /[。！？.!?”"」](\s*[（(][^（）()]{1,20}[）)])?$/.test(raw);
}

const LEAD_LABEL = /^(摘要|导语|内容提要|提要|核心提示|summary|abstract)\s*[:：]\s*/i;

export function findBoilerplate(original: string, blocks: readonly ReadBlock[], isHtml: boolean): BoilerplateDecision {
  const reasons: (RemovalReason | undefined)[] = new Array(blocks.length).fill(undefined);
  const raws = blocks.map((b) => original.slice(b.start, b.end).trim());
  const views = raws.map(matchView);
  const classes = views.map((v) => classifyLine(v));
  let section: RemovalReason | undefined;
  let tail = false;
  let seenProse = false;
  /** Whether a kept block so far ended like a sentence: the article has begun. */
  let seenText = false;
  let datelineIndex: number | undefined;

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as ReadBlock;
    const raw = raws[i] as string;
    const cls = classes[i];
    const prose = isProse(raw);
    const own = cls && !SECTION_OF[cls] && cls !== 'dateline' ? (cls as RemovalReason) : undefined;
    let reason: RemovalReason | undefined;
    if (cls && SECTION_OF[cls]) {
      section = SECTION_OF[cls];
      reason = section;
    } else if (cls === 'dateline') {
      reason = 'byline';
      // Only a dateline above the text anchors the headline; a date under a policy's signature does not.
      if (datelineIndex === undefined && !seenText && i < 12) datelineIndex = i;
    } else if (own) {
      reason = own;
      // The copyright notice's own contact line and signature stay in its section.
      if (own !== 'contact' && own !== 'copyright') section = undefined;
    } else {
      // On a page, a related list is made of links; in plain text, of short titles (often dated).
      const relatedEntry = isHtml ? block.linkDensity >= 0.5 || (findDate(raw) !== undefined && raw.length <= 80) : looksLikeListEntry(raw);
      const inSection = section === 'related-articles' ? relatedEntry : section === 'copyright' ? raw.length <= 30 && !prose : false;
      if (inSection) reason = section;
      else {
        section = undefined;
        if (block.hint) reason = block.hint;
        else if (isHtml && block.linkDensity > 0.5 && !prose) reason = 'link-list';
      }
    }
    if (!reason && tail && !prose) reason = 'navigation';
    if (cls && ENDS_ARTICLE.has(cls) && seenProse) tail = true;
    if (!reason && prose) seenProse = true;
    if (!reason && (prose || isSentenceEnd(raw))) seenText = true;
    reasons[i] = reason;
  }

  // The headline: the last article block above the dateline, or the first article block.
  let titleIndex: number | undefined;
  if (datelineIndex !== undefined) {
    for (let i = datelineIndex - 1; i >= 0; i--) {
      if (reasons[i] === undefined && looksLikeTitle(raws[i] as string)) {
        titleIndex = i;
        break;
      }
    }
    // Above the headline sit the site's name, slogans and menus.
    if (titleIndex !== undefined) {
      for (let i = 0; i < titleIndex; i++) if (reasons[i] === undefined && !isProse(raws[i] as string) && !isSentenceEnd(raws[i] as string)) reasons[i] = 'site-header';
    }
  }
  if (titleIndex === undefined) {
    const candidates = reasons.map((r, i) => i).filter((i) => reasons[i] === undefined);
    // The page's first heading is the headline only if no running text stands above it.
    const firstText = candidates.find((i) => isSentenceEnd(raws[i] as string) || isProse(raws[i] as string)) ?? blocks.length;
    const heading = isHtml ? candidates.find((i) => (blocks[i] as ReadBlock).kind === 'heading' && i < firstText) : undefined;
    const first = candidates[0];
    titleIndex = heading ?? (first !== undefined && looksLikeTitle(raws[first] as string) ? first : undefined);
    // On a page, what stands above the article's <h1> without being running text is the site's header.
    if (heading !== undefined) {
      for (let i = 0; i < heading; i++) if (reasons[i] === undefined && !isProse(raws[i] as string) && !isSentenceEnd(raws[i] as string)) reasons[i] = 'site-header';
    }
  }
  if (isHtml) {
    // Below the last paragraph of running text, lines that do not end like sentences are page furniture
    // (link lists, footers without class names, table-layout menus).
    let lastProse = -1;
    for (let i = 0; i < blocks.length; i++) if (reasons[i] === undefined && isSentenceEnd(raws[i] as string)) lastProse = i;
    for (let i = lastProse + 1; i < blocks.length && lastProse >= 0; i++) {
      if (reasons[i] === undefined && !isSentenceEnd(raws[i] as string)) reasons[i] = 'navigation';
    }
  }

  // Repeats: the headline again under the dateline, the lead paragraph twice, a "摘要:" lead repeated by the text.
  const seen = new Map<string, number>();
  let bodyCount = 0;
  for (let i = 0; i < blocks.length; i++) {
    if (reasons[i] !== undefined) continue;
    const key = normalise(views[i] as string);
    if (key.length >= 6 && seen.has(key)) {
      reasons[i] = seen.get(key) === titleIndex || bodyCount < 3 ? 'repeated-lead' : 'duplicate-paragraph';
      continue;
    }
    if (key.length >= 6) seen.set(key, i);
    if (i !== titleIndex) bodyCount++;
    const lead = LEAD_LABEL.exec(views[i] as string);
    if (lead && bodyCount <= 2) {
      const rest = normalise((views[i] as string).slice(lead[0].length)).slice(0, 30);
      const next = reasons.findIndex((r, j) => j > i && r === undefined);
      if (rest.length >= 15 && next >= 0 && normalise(views[next] as string).startsWith(rest)) reasons[i] = 'repeated-lead';
    }
  }

  const date = datelineIndex !== undefined ? findDate(views[datelineIndex] as string) : undefined;
  return { reasons, titleIndex, date };
}
