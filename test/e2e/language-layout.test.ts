// End-to-end: a pass over every main page as an admin and as an anonymous visitor, in both languages, at desktop
// (1440 px) and phone (390 px) width. On each page the interface's own text — menus, titles, buttons, labels, table
// headers, placeholders, empty states — is in the chosen language only (record content such as a listing written in
// English is not checked), no raw message keys show, and at phone width nothing makes the page scroll sideways.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeAll, launchBrowser, type RunningServer, signIn, startServer } from './harness';

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
/** While iterating: KECHUANG_PAGES=/dashboard,/evaluation narrows both lists. */
const only = process.env.KECHUANG_PAGES?.split(',').filter(Boolean);
const pick = (pages: string[]) => (only ? pages.filter((p) => only.includes(p)) : pages);

/** Elements whose text the interface writes itself (not record content). */
const CHROME = [
  '.ant-menu-title-content', '.ant-card-head-title', '.ant-page-header-heading-title', 'h1', 'h2', 'h3', 'h4',
  'button', '.ant-form-item-label', '.ant-table-thead th', '.ant-statistic-title', '.ant-tabs-tab-btn',
  '.ant-empty-description', '.ant-select-placeholder', '.ant-select-selection-placeholder', '.ant-breadcrumb', '.ant-alert-message',
  '.ant-descriptions-item-label', '.ant-segmented-item-label', '.ant-radio-wrapper', '.ant-checkbox-wrapper',
  '.ant-steps-item-title', '.ant-pagination-options', '.ant-pagination-total-text', '.ant-badge-status-text',
  'input[placeholder]', 'textarea[placeholder]',
].join(', ');
/** An enum value shown as stored ("in_review", "zone_operator") instead of its label. */
const RAW_CODE = /(^|[^\w./-])[a-z]+(_[a-z]+)+(?![\w./-])/;

/** Words that are the same in both languages: codes, units, acronyms and the language switch itself. */
const ALLOWED_LATIN = /^(CSV|XLSX|JSON|PDF|API|ID|IPC|TRL|R&D|KPI|NDA|OK|GB|MW|km|mu|HNTE|SME|GII|EIS|JRC|OECD|COINr|Torch|English|EN|Top|No)$/i;
const ALLOWED_CJK_IN_EN = new Set(['中文', '简体中文', '中文（简体）']);

interface Finding { page: string; problem: string; text: string }

async function chromeTexts(page: Page): Promise<string[]> {
  return page.$$eval(CHROME, (els) => els
    .filter((el) => (el as HTMLElement).offsetParent !== null || el.tagName === 'BUTTON')
    // A list item's title is the record's own name (a listing, a document), not interface text.
    .filter((el) => !el.closest('.ant-list-item-meta-title'))
    .map((el) => {
      const own = (el as HTMLElement).innerText ?? '';
      const placeholder = el.getAttribute('placeholder') ?? '';
      return `${own} ${placeholder}`.trim();
    })
    .filter(Boolean));
}

async function check(page: Page, path: string, lang: 'zh-CN' | 'en', width: number): Promise<Finding[]> {
  const found: Finding[] = [];
  await page.goto(`${server.baseUrl}${path}`);
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(300);
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
  // Status tags and table cells hold record content in either language, but never a stored enum code.
  const cells = await page.$$eval('.ant-tag, .ant-table-tbody td, .ant-descriptions-item-content', (els) => els.map((el) => (el as HTMLElement).innerText ?? ''));
  for (const text of new Set(cells)) {
    if (RAW_CODE.test(text)) found.push({ page: label, problem: 'raw code instead of a label', text });
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
  try {
    if (signedIn) await signIn(page, server.baseUrl, 'admin', 'kechuang-admin');
    const findings: Finding[] = [];
    for (const path of pick(signedIn ? ADMIN_PAGES : PUBLIC_PAGES)) findings.push(...await check(page, path, lang, width));
    return findings;
  } finally {
    await context.close();
  }
}

function report(findings: Finding[]): string[] {
  const lines = [...new Set(findings.map((f) => `${f.page}: ${f.problem}: ${f.text.replace(/\s+/g, ' ').slice(0, 120)}`))];
  // The assertion's diff is cut short for long lists; the full list goes to the log.
  if (lines.length) console.log(lines.join('\n'));
  return lines;
}

describe('one language at a time, and pages that fit a phone', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
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
