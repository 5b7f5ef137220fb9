// End-to-end: the PDF evaluation report fits its page in both languages, with a long zone name. The print-mode page
// is laid out in Chromium at the width the report prints it (src/evaluation/report/pdf-report.ts) and every element's
// box is checked against the page box, the KPI cards' contents against their card, and no table or text is cut off
// inside a scrolled or clipped box; then the real PDF route is called and the PDF's text (read with unpdf, the
// library the intelligence pipeline reads PDFs with) must hold the zone's name and the KPI cards' figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { closeAll, launchBrowser, type RunningServer, startServer } from './harness';
import { reportUrl } from '../../src/evaluation/report/pdf-report';

const LONG_ZH = '兰州新区国家级新区科技创新与高新技术产业综合示范园区管理委员会（长名称测试）';
const LONG_EN = 'Lanzhou New Area State-level New Area Science, Technology and High-tech Industry Comprehensive Demonstration Park Administrative Committee (long name test)';
/** The report's page width in CSS px (pdf-report.ts: 1000 px printed at 0.72 on A4). */
const PAGE_WIDTH = 1000;
const KPI_CARDS = ['eval-score', 'eval-rank', 'eval-rank-change', 'eval-relative'];

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let zoneId: number;
const year = new Date().getFullYear() - 1;

async function api<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
  const csrf: Record<string, string> = method === 'GET' ? {} : { 'x-csrf-token': ((await (await context.request.get(`${server.baseUrl}/api/auth/me`)).json()) as { csrfToken: string }).csrfToken };
  const res = await context.request.fetch(`${server.baseUrl}${path}`, { method, headers: { ...csrf, 'content-type': 'application/json' }, data: body });
  if (!res.ok()) throw new Error(`${method} ${path} → ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

interface Layout { overflow: string[]; clipped: string[]; cards: { id: string; text: string; outside: string[] }[] }

/** Boxes of the print-mode page laid out for print at the report's width. */
async function layoutOf(page: Page): Promise<Layout> {
  return page.evaluate(({ width, cards }) => {
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}.${String(el.className).slice(0, 40)} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const overflow: string[] = [];
    const clipped: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || el.closest('[style*="display: none"]')) continue;
      if (r.right > width + 1 || r.left < -1) overflow.push(`${describe(el)} spans ${Math.round(r.left)}–${Math.round(r.right)} px`);
      const style = getComputedStyle(el);
      const clips = ['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX);
      if (clips && el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'CANVAS') clipped.push(`${describe(el)} holds ${el.scrollWidth} px in ${el.clientWidth} px`);
    }
    return {
      overflow: overflow.slice(0, 20),
      clipped: clipped.slice(0, 20),
      cards: cards.map((id) => {
        const card = document.querySelector(`[data-testid="${id}"]`);
        if (!card) return { id, text: '', outside: ['missing'] };
        const box = card.getBoundingClientRect();
        const outside = [...card.querySelectorAll('*')].filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1 || r.bottom > box.bottom + 1);
        }).map(describe);
        return { id, text: (card as HTMLElement).innerText, outside };
      }),
    };
  }, { width: PAGE_WIDTH, cards: KPI_CARDS });
}

async function pdfText(bytes: Buffer): Promise<{ text: string; pages: number; size: [number, number] }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const first = await pdf.getPage(1);
  const [, , w, h] = first.view as [number, number, number, number];
  const { text, totalPages } = await extractText(pdf, { mergePages: true });
  return { text, pages: totalPages, size: [Math.round(w), Math.round(h)] };
}

/** Text compared without spaces and line breaks (PDF text runs split and join words their own way). */
const squeeze = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
/**
 * Whether the PDF's text holds `expected`. The CJK font maps some characters to radicals of the same shape when
 * text is extracted (高 → ⾼, 长 → ⻓): NFKC folds the Kangxi radicals back, and a supplementary radical stands for
 * whatever character it replaced.
 */
function pdfHolds(pdf: string, expected: string): boolean {
  const pattern = [...squeeze(expected)].map((c) => (/[\u3400-\u9fff]/.test(c) ? `(?:${c}|[\u2e80-\u2eff])` : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(pattern).test(squeeze(pdf));
}

describe('the PDF evaluation report fits its page', () => {
  beforeAll(async () => {
    const url = process.env.KECHUANG_E2E_URL;
    server = url ? { baseUrl: url, stop: async () => undefined } : await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: PAGE_WIDTH, height: 1400 } });
    await context.request.post(`${server.baseUrl}/api/auth/login`, { data: { username: 'admin', password: 'kechuang-admin' } });
    // A zone with a long name in both languages (the zone the demo's operator runs).
    const zones = await api<{ items: { id: number; code: string; version: number }[] }>('GET', '/api/zones?limit=100');
    const zone = zones.items.find((z) => z.code === 'LZNA')!;
    zoneId = zone.id;
    await api('PATCH', `/api/zones/${zone.id}`, { version: zone.version, name_zh: LONG_ZH, name_en: LONG_EN });
  }, 240_000);
  afterAll(() => closeAll(context, browser, server));

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`in ${lang}: nothing outside the page, the KPI cards' figures on paper`, async () => {
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      await page.goto(reportUrl(server.baseUrl, zoneId, 1, year, lang));
      await page.locator('[data-testid="eval-ready"]').waitFor({ state: 'attached' });
      await page.locator('[data-testid="eval-score"]').waitFor();
      await page.emulateMedia({ media: 'print' });
      const layout = await layoutOf(page);
      await page.close();
      expect(layout.overflow, 'elements beyond the page width').toEqual([]);
      expect(layout.clipped, 'content cut off inside a box').toEqual([]);
      for (const card of layout.cards) expect(card.outside, `${card.id} holds everything it shows`).toEqual([]);

      const res = await context.request.get(`${server.baseUrl}/api/zones/${zoneId}/evaluation.pdf?framework=1&year=${year}&lang=${lang}`, { timeout: 120_000 });
      expect(res.status()).toBe(200);
      const pdf = await pdfText(await res.body());
      // A4 in points (595.3 × 841.9; Chromium rounds its page box to whole device pixels).
      expect(Math.abs(pdf.size[0] - 595)).toBeLessThanOrEqual(2);
      expect(Math.abs(pdf.size[1] - 842)).toBeLessThanOrEqual(2);
      expect(pdfHolds(pdf.text, lang === 'en' ? LONG_EN : LONG_ZH), 'the zone name in the PDF').toBe(true);
      // Each card's figure (the last line of its text: title above, figure below) is printed.
      for (const card of layout.cards) {
        const figure = card.text.split('\n').map((l) => l.trim()).filter(Boolean).slice(1).join('');
        expect(figure, `${card.id} shows a figure`).not.toBe('');
        expect(pdfHolds(pdf.text, figure), `${card.id}'s figure ${figure} in the PDF`).toBe(true);
      }
    }, 240_000);
  }
});
