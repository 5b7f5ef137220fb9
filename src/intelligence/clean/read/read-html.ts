import { Parser } from 'htmlparser2';
import type { ReadBlock, RemovalReason } from '../types';

// HTML → the page's visible text, one block (paragraph, heading, list item, cell) per line, each
// block marked with what the page structure says about it: inside <nav>, <footer>, an element whose
// class/id says "share", "related", "comment"..., and how much of it is link text. htmlparser2's
// streaming parser builds no DOM, which keeps a 10 KB page well under a millisecond.

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'select', 'textarea', 'canvas', 'object']);
const BLOCKS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'tr', 'section', 'article', 'header', 'footer', 'nav',
  'aside', 'blockquote', 'pre', 'dt', 'dd', 'dl', 'figcaption', 'caption', 'ul', 'ol', 'table', 'form', 'main', 'center',
  'address', 'hr', 'tbody', 'thead', 'figure', 'details', 'summary', 'fieldset', 'legend', 'body', 'html',
]);
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'area', 'base', 'col', 'embed', 'source', 'track', 'wbr']);

const TAG_HINTS: Record<string, RemovalReason> = { nav: 'navigation', footer: 'navigation', aside: 'navigation', form: 'form', header: 'site-header' };
const ROLE_HINTS: Record<string, RemovalReason> = { navigation: 'navigation', banner: 'site-header', contentinfo: 'navigation', complementary: 'navigation', search: 'form' };

// Class/id words (split at -, _, spaces and camel case) that name boilerplate, in zh pinyin too.
const CLASS_HINTS: Record<string, RemovalReason> = {
  nav: 'navigation', navbar: 'navigation', menu: 'navigation', breadcrumb: 'navigation', breadcrumbs: 'navigation', crumb: 'navigation',
  pagination: 'navigation', pager: 'navigation', sidebar: 'navigation', footer: 'navigation', foot: 'navigation', daohang: 'navigation', weizhi: 'navigation',
  related: 'related-articles', relate: 'related-articles', recommend: 'related-articles', recommended: 'related-articles', xgxw: 'related-articles',
  xgwz: 'related-articles', tuijian: 'related-articles', hotnews: 'related-articles', morenews: 'related-articles', readmore: 'related-articles',
  share: 'share', sharing: 'share', social: 'share', print: 'share', bdshare: 'share', jiathis: 'share', fenxiang: 'share', toolbar: 'share',
  comment: 'comments', comments: 'comments', reply: 'comments', pinglun: 'comments', disqus: 'comments', discuss: 'comments',
  copyright: 'copyright', license: 'copyright', licence: 'copyright', banquan: 'copyright', disclaimer: 'copyright', mianze: 'copyright',
  contact: 'contact', lianxi: 'contact',
  masthead: 'site-header', topbar: 'site-header', logo: 'site-header',
  ad: 'advertisement', ads: 'advertisement', advert: 'advertisement', advertisement: 'advertisement', sponsor: 'advertisement', guanggao: 'advertisement',
  banner: 'advertisement',
};
// Classes that mark the article body: blocks inside one are never hinted by an outer container.
const ARTICLE_CLASSES = new Set(['article', 'content', 'articlebody', 'postbody', 'entrycontent', 'trseditor', 'newscontent', 'zhengwen', 'maintext']);

function tokensOf(value: string): string[] {
  return value.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s_\-:]+/).filter((w) => w !== '');
}

/**
 * What an element's class and id say. A word naming the article body wins over boilerplate words
 * ("contentWithSidebar" is the content). Ids are often made from headings ("sharing-with-a-developer"),
 * so an id counts only when it is one or two words.
 */
function classHint(className: string | undefined, id: string | undefined): { hint?: RemovalReason; article: boolean } {
  const classWords = className ? tokensOf(className) : [];
  const idWords = id ? tokensOf(id) : [];
  const words = idWords.length <= 2 ? [...classWords, ...idWords] : classWords;
  const joined = [className, id].map((v) => (v ?? '').toLowerCase().replace(/[\s_\-]+/g, ''));
  if (words.some((w) => ARTICLE_CLASSES.has(w)) || joined.some((j) => ARTICLE_CLASSES.has(j))) return { article: true };
  for (const w of words) {
    const hint = CLASS_HINTS[w];
    if (hint) return { hint, article: false };
  }
  return { article: false };
}

interface Frame {
  tag: string;
  hint?: RemovalReason;
  article: boolean;
  /** Index of the first block opened inside this element. */
  firstBlock: number;
  /** Characters of running text (see isRunningText) in blocks inside this element. */
  prose: number;
}

interface Container {
  firstBlock: number;
  lastBlock: number;
  prose: number;
}

/** Blocks right above the article's container that may hold its headline, dateline and lead. */
const HEADLINE_WINDOW = 8;

/** Running text: a paragraph of some length with sentence punctuation, not marked as boilerplate. */
function isRunningText(content: string, hint: RemovalReason | undefined, linkDensity: number): boolean {
  return hint === undefined && linkDensity < 0.3 && content.length >= 50 && /[。，；！？,.;!?]/.test(content);
}

/**
 * The smallest element holding 80% of the page's running text is the article's container; running text
 * outside it (teasers in sidebars, "more stories" blurbs) and everything below it is page furniture.
 * Lines just above it (headline, dateline) are left to the text rules; lines further up are the page's.
 */
function markOutsideContainer(blocks: ReadBlock[], text: string, containers: Container[], totalProse: number): void {
  if (totalProse < 300) return;
  let best: Container | undefined;
  for (const c of containers) {
    if (c.prose < totalProse * 0.8) continue;
    if (!best || c.lastBlock - c.firstBlock < best.lastBlock - best.firstBlock) best = c;
  }
  if (!best) return;
  // The window above the container counts only blocks the structure has not already marked (share bars, menus).
  let windowStart = best.firstBlock;
  for (let unmarked = 0; windowStart > 0 && unmarked < HEADLINE_WINDOW; windowStart--) if (!(blocks[windowStart - 1] as ReadBlock).hint) unmarked++;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as ReadBlock;
    if (block.hint || (i >= best.firstBlock && i <= best.lastBlock)) continue;
    const content = text.slice(block.start, block.end);
    const farAbove = i < windowStart;
    if (i > best.lastBlock || farAbove || isRunningText(content, undefined, block.linkDensity) || block.linkDensity > 0.5) block.hint = 'navigation';
  }
}

export interface HtmlRead {
  text: string;
  blocks: ReadBlock[];
  metaTitle?: string;
  metaDate?: string;
}

function isoDate(value: string | undefined): string | undefined {
  const m = value ? /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(value) : null;
  return m ? `${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}` : undefined;
}

const DATE_META = new Set(['article:published_time', 'pubdate', 'publishdate', 'publish_date', 'date', 'dc.date', 'og:published_time', 'datepublished', 'firstpublishedtime']);

export function readHtml(html: string): HtmlRead {
  const stack: Frame[] = [];
  let skipDepth = 0;
  let inTitle = false;
  let titleText = '';
  let ogTitle: string | undefined;
  let metaDate: string | undefined;
  let linkDepth = 0;
  let preDepth = 0;
  let text = '';
  const blocks: ReadBlock[] = [];
  const containers: Container[] = [];
  let totalProse = 0;
  let buffer = '';
  let linkChars = 0;
  let blockKind: ReadBlock['kind'] = 'paragraph';
  let blockHint: RemovalReason | undefined;

  const currentHint = (): RemovalReason | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const frame = stack[i] as Frame;
      if (frame.hint) return frame.hint;
      if (frame.article) return undefined;
    }
    return undefined;
  };
  const kindOfStack = (): ReadBlock['kind'] => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const tag = (stack[i] as Frame).tag;
      if (/^h[1-6]$/.test(tag)) return 'heading';
      if (tag === 'li' || tag === 'dt' || tag === 'dd') return 'list-item';
      if (BLOCKS.has(tag)) return tag === 'p' || tag === 'div' || tag === 'td' || tag === 'blockquote' ? 'paragraph' : 'other';
    }
    return 'paragraph';
  };
  const flush = () => {
    const content = preDepth > 0 ? buffer.replace(/^\n+|\s+$/g, '') : buffer.replace(/[ \t\r\n\f\u00a0]+/g, ' ').trim();
    if (content.length > 0) {
      if (text.length > 0) text += '\n';
      const start = text.length;
      text += content;
      const visible = content.replace(/\s+/g, '').length;
      const linkDensity = visible === 0 ? 0 : Math.min(1, linkChars / visible);
      blocks.push({ start, end: text.length, kind: blockKind, linkDensity, ...(blockHint ? { hint: blockHint } : {}) });
      if (isRunningText(content, blockHint, linkDensity)) {
        totalProse += content.length;
        for (const frame of stack) frame.prose += content.length;
      }
    }
    buffer = '';
    linkChars = 0;
  };
  const startBlock = () => {
    flush();
    blockKind = kindOfStack();
    blockHint = currentHint();
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'meta') {
          const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? '').toLowerCase();
          if (key === 'og:title' && attrs.content) ogTitle = attrs.content.trim();
          if (DATE_META.has(key)) metaDate ??= isoDate(attrs.content);
          return;
        }
        if (name === 'title' && skipDepth <= 1) {
          inTitle = true;
          return;
        }
        if (SKIPPED.has(name) || skipDepth > 0) {
          if (!VOID.has(name)) skipDepth++;
          return;
        }
        if (name === 'time' && attrs.datetime) metaDate ??= isoDate(attrs.datetime);
        if (name === 'br') {
          startBlock();
          return;
        }
        if (VOID.has(name)) return;
        const byClass = classHint(attrs.class, attrs.id);
        // <header>/<footer> inside an <article> hold its title and byline, not the site's.
        const inArticle = stack.some((f) => f.article);
        const tagHint = (name === 'header' || name === 'footer') && inArticle ? undefined : TAG_HINTS[name];
        const hint = ROLE_HINTS[attrs.role ?? ''] ?? (name === 'body' || name === 'html' || name === 'main' || name === 'article' ? undefined : (byClass.hint ?? tagHint));
        const article = name === 'article' || name === 'main' || attrs.itemprop === 'articleBody' || byClass.article;
        stack.push({ tag: name, hint, article, firstBlock: blocks.length + (buffer.trim() === '' ? 0 : 1), prose: 0 });
        if (name === 'a') linkDepth++;
        if (name === 'pre') preDepth++;
        if (BLOCKS.has(name)) startBlock();
      },
      ontext(data) {
        if (inTitle) {
          titleText += data;
          return;
        }
        if (skipDepth > 0) return;
        buffer += data;
        if (linkDepth > 0) linkChars += data.replace(/\s+/g, '').length;
      },
      onclosetag(name) {
        if (name === 'title' && inTitle) {
          inTitle = false;
          return;
        }
        if (skipDepth > 0) {
          if (SKIPPED.has(name) || !VOID.has(name)) skipDepth--;
          return;
        }
        if (VOID.has(name)) return;
        // Pop to the matching open tag (htmlparser2 closes implied tags itself, so this is the top).
        const index = stack.map((f) => f.tag).lastIndexOf(name);
        if (index < 0) return;
        const isBlock = BLOCKS.has(name);
        if (isBlock) flush();
        for (let i = stack.length - 1; i >= index; i--) {
          const frame = stack.pop() as Frame;
          if (frame.prose > 0) containers.push({ firstBlock: frame.firstBlock, lastBlock: blocks.length - 1, prose: frame.prose });
          if (frame.tag === 'a') linkDepth--;
          if (frame.tag === 'pre') preDepth--;
        }
        if (isBlock) {
          blockKind = kindOfStack();
          blockHint = currentHint();
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  flush();
  for (const frame of stack) if (frame.prose > 0) containers.push({ firstBlock: frame.firstBlock, lastBlock: blocks.length - 1, prose: frame.prose });
  markOutsideContainer(blocks, text, containers, totalProse);
  const metaTitle = (ogTitle ?? titleText.replace(/\s+/g, ' ').trim()) || undefined;
  return { text, blocks, ...(metaTitle ? { metaTitle } : {}), ...(metaDate ? { metaDate } : {}) };
}
