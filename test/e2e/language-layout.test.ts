// End-to-end: a pass over every main page as an admin and as an anonymous visitor, in both languages, at desktop
// (1440 px) and phone (390 px) width. On each page the interface's own text — menus, titles, buttons, labels, table
// headers, placeholders, empty states — is in the chosen language only, no raw message keys show, no text anywhere on
// the page is a stored code ("in_review") or a database id ("#68"), and at phone width nothing makes the page scroll
// sideways. On the pages that show record content — registry detail pages, the market and its listings, the
// dashboard, the evaluation and its printed report — the record texts too are in the page's language, except what
// the page marks as being in the other language (language-rules.ts says exactly what passes and why).
// Pages are visited inside the running app (history navigation), not reloaded, which keeps the pass near 3 minutes.
// KECHUANG_E2E_URL=http://127.0.0.1:PORT runs the pass against a server already running (while fixing what it finds).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeAll, launchBrowser, type RunningServer, signIn, startServer } from './harness';
import { chineseOnEnglishPage, englishOnChinesePage, RAW_CODE, rawCode } from './language-rules';

let server: RunningServer;
let browser: Browser;

const ADMIN_PAGES = [
  '/dashboard', '/entities/organizations', '/entities/qualifications', '/entities/annual-statistics', '/entities/people',
  '/entities/achievements', '/entities/zone-facts', '/evaluation', '/import', '/accounts', '/audit',
  '/policy/assess', '/policy/super-deduction', '/policy/matching', '/policy/pipeline', '/policy/rules',
  '/policy/programmes', '/policy/applications', '/policy/notices', '/policy/ledger', '/policy/funds',
  '/policy/funds/vouchers', '/policy/talent', '/intelligence', '/accounts/registrations', '/accounts/sessions',
  '/transfer', '/transfer/demands', '/transfer/offers', '/transfer/cases', '/transfer/funnel', '/transfer/challenges',
  '/transfer/feedback', '/transfer/interests', '/transfer/partners', '/transfer/brokers', '/transfer/demands/new',
  '/transfer/offers/new', '/listings', '/listings/demands', '/listings/offers',
];
const PUBLIC_PAGES = [
  '/dashboard', '/entities/organizations', '/evaluation', '/listings', '/listings/demands', '/listings/offers', '/login',
  '/accounts/register',
];
/** Pages whose record content is checked too (detail pages are added once their ids are known). */
const CONTENT_PAGES = new Set(['/dashboard', '/evaluation', '/listings', '/listings/demands', '/listings/offers']);
/** Detail pages of records with texts in both languages, found through the API (see detailPages). */
let adminDetails: string[] = [];
let publicDetails: string[] = [];
/** While iterating: KECHUANG_PAGES=/dashboard,/evaluation narrows both lists (a prefix picks detail pages too). */
const only = process.env.KECHUANG_PAGES?.split(',').filter(Boolean);
const pick = (pages: string[]) => (only ? pages.filter((p) => only.some((o) => p === o || p.startsWith(`${o}?`) || p.startsWith(`${o}/`))) : pages);

/** Elements whose text the interface writes itself (not record content). */
const CHROME = [
  '.ant-menu-title-content', '.ant-card-head-title', '.ant-page-header-heading-title', 'h1', 'h2', 'h3', 'h4',
  'button', '.ant-form-item-label', '.ant-table-thead th', '.ant-statistic-title', '.ant-tabs-tab-btn',
  '.ant-empty-description', '.ant-select-placeholder', '.ant-select-selection-placeholder', '.ant-breadcrumb', '.ant-alert-message',
  '.ant-descriptions-item-label', '.ant-segmented-item-label', '.ant-radio-wrapper', '.ant-checkbox-wrapper',
  '.ant-steps-item-title', '.ant-pagination-options', '.ant-pagination-total-text', '.ant-badge-status-text',
  'input[placeholder]', 'textarea[placeholder]',
].join(', ');

/** Words that are the same in both languages: codes, units, acronyms and the language switch itself. */
const ALLOWED_LATIN = /^(CSV|XLSX|JSON|PDF|API|ID|IPC|TRL|R&D|KPI|NDA|OK|GB|MW|km|mu|HNTE|SME|GII|EIS|JRC|OECD|COINr|Torch|English|EN|Top|No)$/i;
const ALLOWED_CJK_IN_EN = new Set(['中文', '简体中文', '中文（简体）']);

interface Finding { page: string; problem: string; text: string }

async function chromeTexts(page: Page): Promise<string[]> {
  return page.$$eval(CHROME, (els) => els
    .filter((el) => (el as HTMLElement).offsetParent !== null || el.tagName === 'BUTTON')
    // A list item's title is the record's own name (a listing, a document), not interface text.
    .filter((el) => !el.closest('.ant-list-item-meta-title'))
    // Text marked as being in another language (a record's English name, a listing's own title) is content, not chrome.
    .filter((el) => !el.closest('[lang]:not(html)'))
    .map((el) => {
      const clone = el.cloneNode(true) as HTMLElement;
      for (const marked of clone.querySelectorAll('[lang]')) marked.remove();
      const own = (el.querySelector('[lang]') ? clone.textContent : (el as HTMLElement).innerText) ?? '';
      const placeholder = el.getAttribute('placeholder') ?? '';
      return `${own} ${placeholder}`.trim();
    })
    .filter(Boolean));
}

/** Requests in flight per page, to wait for a page's data after an in-app navigation. */
const inFlight = new WeakMap<Page, number>();
function trackRequests(page: Page) {
  inFlight.set(page, 0);
  const done = () => inFlight.set(page, Math.max(0, (inFlight.get(page) ?? 1) - 1));
  page.on('request', () => inFlight.set(page, (inFlight.get(page) ?? 0) + 1));
  page.on('requestfinished', done);
  page.on('requestfailed', done);
}

/** Opens a page inside the running app (as a link would) and waits until its data has arrived and drawn. */
async function visit(page: Page, path: string) {
  await page.evaluate((p) => {
    window.history.pushState({}, '', p);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  const deadline = Date.now() + 15_000;
  // The app keeps the previous page on screen while the next one's code loads: give the switch a moment first.
  await page.waitForTimeout(150);
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    const busy = (inFlight.get(page) ?? 0) > 0 || await page.locator('.ant-spin-spinning:visible').count() > 0
      // the previous page's record drawer, still closing
      || (!path.includes('open=') && await page.locator('.ant-drawer-content-wrapper:visible').count() > 0);
    if (busy) quietSince = Date.now();
    else if (Date.now() - quietSince >= 200) break;
    await page.waitForTimeout(50);
  }
}

/** Each visible element's own text (its text nodes, not its children's) and the language it is marked with. */
function ownTexts(page: Page): Promise<{ text: string; lang: string }[]> {
  return page.evaluate(() => {
    const skip = 'script, style, noscript, code, pre, textarea, svg, [aria-hidden="true"]';
    const byElement = new Map<Element, string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent ?? '';
      if (el && text.trim()) byElement.set(el, (byElement.get(el) ?? '') + text);
    }
    const out: { text: string; lang: string }[] = [];
    for (const [el, text] of byElement) {
      if (el.closest(skip) || !el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)) continue;
      out.push({ text: text.trim(), lang: el.closest('[lang]')?.getAttribute('lang') ?? '' });
    }
    return out;
  });
}

async function check(page: Page, path: string, lang: 'zh-CN' | 'en', width: number): Promise<Finding[]> {
  const found: Finding[] = [];
  await visit(page, path);
  const label = `${path} (${lang}, ${width} px)`;
  for (const text of await chromeTexts(page)) {
    if (/\b[a-z]+(\.[a-zA-Z]+){2,}\b/.test(text)) found.push({ page: label, problem: 'raw message key', text });
    if (RAW_CODE.test(text)) found.push({ page: label, problem: 'raw code instead of a label', text });
    if (lang === 'zh-CN') {
      const words = text.match(/[A-Za-z][A-Za-z&]{2,}/g) ?? [];
      const english = words.filter((w) => !ALLOWED_LATIN.test(w));
      if (english.length) found.push({ page: label, problem: 'English in the Chinese interface', text });
    } else {
      const cjk = (text.match(/[\u4e00-\u9fff]+/g) ?? []).filter((w) => !ALLOWED_CJK_IN_EN.has(w));
      if (cjk.length) found.push({ page: label, problem: 'Chinese in the English interface', text });
    }
  }
  // Any text on any page: never a stored enum code or a database id. On content pages, record texts in the page's
  // language unless marked as being in the other one.
  const content = CONTENT_PAGES.has(path) || adminDetails.includes(path) || publicDetails.includes(path);
  for (const { text, lang: marked } of await ownTexts(page)) {
    const code = rawCode(text);
    if (code) found.push({ page: label, problem: `raw code or id (${code})`, text });
    if (!content) continue;
    if (lang === 'zh-CN' && !marked.startsWith('en')) {
      const english = englishOnChinesePage(text);
      if (english) found.push({ page: label, problem: `English text on the Chinese page (${english})`, text });
    }
    if (lang === 'en' && !marked.startsWith('zh')) {
      const why = chineseOnEnglishPage(text);
      if (why) found.push({ page: label, problem: `${why} on the English page`, text });
    }
  }
  if (width < 500) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 1) found.push({ page: label, problem: 'page scrolls sideways', text: `${overflow} px wider than the screen` });
  }
  return found;
}

async function pass(lang: 'zh-CN' | 'en', width: number, signedIn: boolean): Promise<Finding[]> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: lang });
  await context.addInitScript((l) => localStorage.setItem('kechuang.lang', l), lang);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  trackRequests(page);
  try {
    if (signedIn) await signIn(page, server.baseUrl, 'admin', 'kechuang-admin');
    else await page.goto(`${server.baseUrl}/dashboard`);
    const findings: Finding[] = [];
    const pages = signedIn ? [...ADMIN_PAGES, ...adminDetails] : [...PUBLIC_PAGES, ...publicDetails];
    for (const path of pick(pages)) findings.push(...await check(page, path, lang, width));
    return findings;
  } finally {
    await context.close();
  }
}

/**
 * Detail pages of records whose texts exist in both languages or in one only: a seed organisation, achievement and
 * zone (description and abstract per language), a generated person and project, a zone fact, and market listings
 * written in Chinese and in English.
 */
async function detailPages(baseUrl: string): Promise<{ admin: string[]; anonymous: string[] }> {
  const get = async <T>(path: string) => ((await (await fetch(`${baseUrl}${path}`)).json()) as { items: T[] }).items;
  type Rec = { id: number; code?: string; lang?: string };
  const firstId = async (entity: string, where: (r: Rec) => boolean = () => true) =>
    (await get<Rec>(`/api/${entity}?limit=100`)).find(where)?.id;
  const registry: [string, number | undefined][] = [
    ['organizations', await firstId('organizations', (r) => !!r.code?.startsWith('SEED-'))],
    ['achievements', await firstId('achievements', (r) => !!r.code?.startsWith('SEED-'))],
    ['zones', await firstId('zones', (r) => r.code === 'LZNA')],
    ['people', await firstId('people', (r) => !!r.code?.startsWith('GEN-'))],
    ['projects', await firstId('projects')],
    ['zone-facts', await firstId('zone-facts')],
  ];
  const pages = registry.filter(([, id]) => id !== undefined).map(([entity, id]) => `/entities/${entity}?open=${id}`);
  const listings: string[] = [];
  for (const kind of ['demands', 'offers'] as const) {
    const items = await get<Rec>(`/api/transfer/${kind}?limit=60`);
    for (const l of ['zh-Hans', 'en']) {
      const item = items.find((i) => i.lang === l);
      if (item) listings.push(`/listings/${kind}/${item.id}`, `/transfer/${kind}/${item.id}`);
    }
  }
  const market = listings.filter((p) => p.startsWith('/listings/'));
  const zone = registry.find(([entity]) => entity === 'zones')?.[1];
  const printed = zone === undefined ? [] : [`/evaluation/report?zone=${zone}&framework=1&print=1`];
  for (const p of printed) CONTENT_PAGES.add(p);
  return { admin: [...pages, ...listings, ...printed], anonymous: [pages[0]!, ...market] };
}

function report(findings: Finding[]): string[] {
  const lines = [...new Set(findings.map((f) => `${f.page}: ${f.problem}: ${f.text.replace(/\s+/g, ' ').slice(0, 120)}`))];
  // The assertion's diff is cut short for long lists; the full list goes to the log.
  if (lines.length) console.log(lines.join('\n'));
  return lines;
}

describe('one language at a time, and pages that fit a phone', () => {
  beforeAll(async () => {
    const url = process.env.KECHUANG_E2E_URL;
    server = url ? { baseUrl: url, stop: async () => undefined } : await startServer();
    browser = await launchBrowser();
    ({ admin: adminDetails, anonymous: publicDetails } = await detailPages(server.baseUrl));
  }, 180_000);
  afterAll(() => closeAll(undefined, browser, server));

  for (const lang of ['zh-CN', 'en'] as const) {
    for (const width of [1440, 390]) {
      it(`every admin page in ${lang} at ${width} px`, async () => {
        expect(report(await pass(lang, width, true))).toEqual([]);
      }, 600_000);
    }
    it(`the public pages in ${lang} at 390 px`, async () => {
      expect(report(await pass(lang, 390, false))).toEqual([]);
    }, 300_000);
  }
});
