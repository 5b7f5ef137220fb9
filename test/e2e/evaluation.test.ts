// End-to-end: the evaluation page against a running server in Chromium — radar and rank charts drawn, switching
// framework, drilling down from the index to an indicator's data with its provenance, the Monte Carlo chart, an
// empty zone, the downloads, and the PDF report printed from the same page in print mode. Anonymous visitors see
// values only once published: an admin publishes the years the page shows, the zone's last year from the page.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openPage, launchBrowser, startServer, type RunningServer, screenshotOnFailure, closeAll } from './harness';
import { renderEvaluationPdf, reportUrl } from '../../src/evaluation/report/pdf-report';

const SCREENSHOT = '/tmp/kechuang-evaluation.png';
const PRINT_SCREENSHOT = '/tmp/kechuang-evaluation-print.png';
const PDF_FILE = '/tmp/kechuang-evaluation.pdf';
const YEAR = 2024;

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];
let zone: { id: number; code: string; name_zh: string };
let emptyZone: { id: number; code: string };
let frameworks: { id: number; code: string; name_zh: string }[];
const fw = (code: string) => frameworks.find((f) => f.code === code)!;

/** Signs in through the API: the session cookie's value and the CSRF token. */
async function apiLogin(username: string, password: string): Promise<{ token: string; csrf: string }> {
  const res = await fetch(`${server.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(res.status).toBe(200);
  const token = /kc_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!;
  return { token, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

let admin: { token: string; csrf: string };
const evalUrl = () => `${server.baseUrl}/evaluation?zone=${zone.id}&framework=${fw('zone-starter').id}&year=${YEAR}`;
const anonStatus = async () => (await fetch(`${server.baseUrl}/api/zones/${zone.id}/evaluation?framework=${fw('zone-starter').id}&year=${YEAR}`)).status;

async function ready(p: Page) {
  await p.getByTestId('eval-ready').waitFor({ state: 'attached', timeout: 30_000 });
}

describe('evaluation page', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ({ context, page } = await openPage(browser));
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    const zones = (await (await fetch(`${server.baseUrl}/api/zones?limit=100`)).json()) as { items: { id: number; code: string; name_zh: string; kind: string }[] };
    zone = zones.items.find((z) => z.code === 'LZHTZ') ?? zones.items.find((z) => z.kind === 'national_hightech_zone')!;
    emptyZone = zones.items.find((z) => z.code === 'ZJ') ?? zones.items.find((z) => z.code === 'CN-SH')!;
    frameworks = ((await (await fetch(`${server.baseUrl}/api/frameworks`)).json()) as { items: typeof frameworks }).items;
    expect(zone).toBeTruthy();
    expect(frameworks.map((f) => f.code)).toEqual(expect.arrayContaining(['torch-2021', 'zone-starter']));
    expect(await anonStatus()).toBe(403);
    admin = await apiLogin('admin', 'kechuang-admin');
    const publish = async (ids: number[], from: number, to: number) => {
      const res = await fetch(`${server.baseUrl}/api/indicator-publications`, {
        method: 'POST', headers: { 'content-type': 'application/json', cookie: `kc_session=${admin.token}`, 'x-csrf-token': admin.csrf },
        body: JSON.stringify({ zones: ids, years: { from, to } }),
      });
      expect(res.status, await res.text()).toBe(201);
    };
    // Up to the page's default year (last year), which the side menu opens first.
    const last = Math.max(YEAR, new Date().getFullYear() - 1);
    await publish(zones.items.filter((z) => z.id !== zone.id).map((z) => z.id), YEAR - 4, last);
    await publish([zone.id], YEAR - 4, YEAR - 1);
    if (last > YEAR) await publish([zone.id], YEAR + 1, last);
  });

  it('publishes the zone\'s year from the page; anonymous visitors see it only then', async () => {
    const anonCtx = await browser.newContext({ locale: 'zh-CN' });
    const anon = await anonCtx.newPage();
    await anon.goto(evalUrl());
    await ready(anon);
    await anon.getByTestId('eval-not-published').waitFor();
    await anonCtx.close();

    const ctx = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    await ctx.addCookies([{ name: 'kc_session', value: admin.token, url: server.baseUrl }]);
    const p = await ctx.newPage();
    await p.goto(evalUrl());
    await ready(p);
    await p.getByTestId('eval-unpublished').waitFor();
    await p.getByTestId('eval-publish').click();
    await p.getByTestId('eval-published').waitFor();
    expect(await p.getByTestId('eval-published').textContent()).toContain('admin');
    await ctx.close();
    expect(await anonStatus()).toBe(200);
  });

  afterEach((ctx) => screenshotOnFailure(page, 'evaluation', ctx));

  afterAll(() => closeAll(context, browser, server));

  it('opens from the side menu and draws the radar and rank charts', async () => {
    await page.goto(`${server.baseUrl}/dashboard`);
    await page.getByTestId('nav-evaluation').click();
    await page.waitForURL(/\/evaluation/);
    await ready(page);
    // Now the chosen zone, framework and year.
    await page.goto(`${server.baseUrl}/evaluation?zone=${zone.id}&framework=${fw('zone-starter').id}&year=${YEAR}`);
    await ready(page);
    await page.locator('[data-testid="eval-radar"] canvas').first().waitFor();
    await page.locator('[data-testid="eval-rank-chart"] canvas').first().waitFor();
    await page.locator('[data-testid="eval-series-chart"] canvas').first().waitFor();
    expect(await page.getByTestId('eval-score').textContent()).toMatch(/\d/);
    expect(await page.getByTestId('eval-rank').textContent()).toMatch(/\d+\s*\/\s*\d+/);
    expect(await page.getByTestId('eval-compare').textContent()).toContain(zone.name_zh);
    await page.waitForTimeout(800); // let echarts finish its animation before the screenshot
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('switches framework', async () => {
    await page.getByTestId('eval-framework').click();
    const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: fw('torch-2021').name_zh });
    await option.first().click();
    await page.waitForURL(new RegExp(`framework=${fw('torch-2021').id}`));
    await page.getByTestId('eval-row-TORCH').waitFor();
    await ready(page);
    await page.locator('[data-testid="eval-radar"] canvas').first().waitFor();
    // Torch has indicators without data: they are listed as left out.
    await page.getByTestId('eval-excluded').waitFor();
  });

  it('drills down from the index to the data under an indicator', async () => {
    await page.goto(`${server.baseUrl}/evaluation?zone=${zone.id}&framework=${fw('zone-starter').id}&year=${YEAR}`);
    await ready(page);
    const api = (await (await fetch(`${server.baseUrl}/api/zones/${zone.id}/evaluation?framework=${fw('zone-starter').id}&year=${YEAR}`)).json()) as {
      evaluation: { inputs: Record<string, Record<string, { value: number | null; provenance: { computation?: string } | null }>> };
    };
    const expected = api.evaluation.inputs[zone.code]!.rd_intensity!;
    expect(expected.value).not.toBeNull();
    // index → dimension S_INPUT (open the row) → indicator rd_intensity → its data
    await page.locator('[data-testid="eval-row-S_INPUT"] .ant-table-row-expand-icon').click();
    const row = page.getByTestId('eval-row-rd_intensity');
    await row.waitFor();
    expect(await row.textContent()).toContain('由登记库计算');
    await page.getByTestId('eval-open-rd_intensity').click();
    const drawer = page.getByTestId('eval-indicator-data');
    await drawer.waitFor();
    const shown = Number((await page.getByTestId('eval-data-value').textContent())!.replace(/,/g, ''));
    expect(shown).toBeCloseTo(expected.value!, 3);
    expect(await page.getByTestId('eval-data-origin').textContent()).toBe('由登记库数据计算');
    expect(await drawer.textContent()).toContain(expected.provenance!.computation!);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
  });

  it('runs the Monte Carlo uncertainty and offers the downloads', async () => {
    await page.getByTestId('eval-run-mc').click();
    await page.locator('[data-testid="eval-mc-chart"] canvas').first().waitFor({ timeout: 30_000 });
    for (const f of ['xlsx', 'csv', 'json'] as const) {
      const href = await page.getByTestId(`eval-download-${f}`).getAttribute('href');
      expect(href).toContain(`/api/zones/${zone.id}/evaluation.${f}`);
      const res = await page.request.get(`${server.baseUrl}${href}`);
      expect(res.status()).toBe(200);
    }
    expect(await page.getByTestId('eval-download-pdf').getAttribute('href')).toContain(`/api/zones/${zone.id}/evaluation.pdf`);
  });

  it('shows an empty state for a zone without values', async () => {
    await page.goto(`${server.baseUrl}/evaluation?zone=${emptyZone.id}&framework=${fw('zone-starter').id}&year=${YEAR}`);
    await ready(page);
    await page.getByTestId('eval-empty').waitFor();
  });

  it('renders the PDF report from the same page in print mode', async () => {
    const pdf = await renderEvaluationPdf(server.baseUrl, zone.id, fw('zone-starter').id, YEAR, 'en');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(50_000);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(PDF_FILE, pdf);

    // What the PDF prints: the page in print mode, in English, without controls.
    const ctx = await browser.newContext({ viewport: { width: 1000, height: 1400 }, locale: 'en' });
    const p = await ctx.newPage();
    await p.goto(reportUrl(server.baseUrl, zone.id, fw('zone-starter').id, YEAR, 'en'));
    await ready(p);
    expect(await p.getByTestId('eval-title').textContent()).toContain('Evaluation report');
    expect(await p.getByTestId('eval-framework').count()).toBe(0);
    await p.locator('[data-testid="eval-mc-chart"] canvas').first().waitFor();
    await p.getByTestId('eval-row-rd_intensity').waitFor(); // every row is open in print mode
    await p.screenshot({ path: PRINT_SCREENSHOT, fullPage: true });
    await ctx.close();
    expect(consoleErrors).toEqual([]);
  });
});
