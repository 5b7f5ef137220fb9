// End-to-end: a zone operator uploads a seed document in the intelligence section, waits for its processing job,
// opens the reader, confirms one extracted fact, and finds it on the zone dashboard with its quote and a link back
// to its sentence in the reader.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { closeAll, launchBrowser, openPage, ROOT, screenshotOnFailure, startServer, type RunningServer } from './harness';

// shared/seeds/000_496e32b55310cd60.txt, copied (see src/intelligence/documents/fixtures/SOURCES.md)
const FIXTURE = join(ROOT, 'src/intelligence/documents/fixtures/seed-000-lanzhou-new-area.txt');
const FILE_NAME = 'seed-000-lanzhou-new-area.txt';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

interface FactRow { id: number; metric: string; value: string; quote: string; status: string }

describe('intelligence: upload, review, dashboard', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ({ context, page } = await openPage(browser));
    page.on('pageerror', (e) => pageErrors.push(String(e)));
  });
  afterEach(async (ctx) => screenshotOnFailure(page, 'intelligence', ctx));
  afterAll(async () => closeAll(context, browser, server));

  it('uploads a seed document, confirms a fact and shows it on the zone dashboard with its quote', async () => {
    await page.goto(`${server.baseUrl}/login`);
    await page.getByTestId('login-username').fill('operator');
    await page.getByTestId('login-password').fill('kechuang-operator');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();

    await page.getByTestId('nav-intelligence').click();
    await page.getByTestId('intel-upload').waitFor();
    await page.locator('[data-testid="intel-upload"] input[type="file"]').setInputFiles({ name: FILE_NAME, mimeType: 'text/plain', buffer: readFileSync(FIXTURE) });
    await page.getByTestId('intel-upload-submit').click();
    const row = page.getByTestId(`intel-file-${FILE_NAME}`);
    await row.getByText('已处理').waitFor({ timeout: 60_000 });
    await row.getByRole('link', { name: FILE_NAME }).click();

    await page.getByTestId('intel-clean-text').waitFor();
    const documentId = Number(/documents\/(\d+)/.exec(page.url())![1]);
    // Which fact to confirm is read from the API the page itself uses: the 160 new sci-tech enterprises of 2021.
    const doc = await (await page.request.get(`${server.baseUrl}/api/intelligence/documents/${documentId}`)).json() as { clean_text: string; facts: FactRow[] };
    const fact = doc.facts.find((f) => f.value === '160' && f.metric === 'tech_sme_count');
    expect(fact, JSON.stringify(doc.facts.map((f) => [f.metric, f.value]))).toBeTruthy();
    // its figure is marked in the clean text
    expect(fact!.quote).toContain(await page.getByTestId(`intel-mark-${fact!.id}`).textContent());
    expect(await page.getByTestId(`intel-mark-${fact!.id}`).textContent()).toContain('160');
    // the original is shown beside the clean text with what the cleaner removed
    await page.getByRole('tab', { name: '原文（删除部分已标出）' }).click();
    await page.getByTestId('intel-original-text').waitFor();
    await page.getByRole('tab', { name: '清洗后正文' }).click();

    const card = page.getByTestId(`intel-fact-${fact!.id}`);
    await card.getByTestId('intel-confirm').click();
    await card.getByText('已确认').waitFor();

    await page.getByTestId('nav-dashboard').click();
    const onDashboard = page.getByTestId(`intel-dashboard-fact-${fact!.id}`);
    await onDashboard.waitFor({ timeout: 30_000 });
    expect(await onDashboard.textContent()).toContain(fact!.quote);
    await onDashboard.getByTestId('intel-dashboard-link').click();
    const sentence = page.getByTestId('intel-linked-sentence');
    await sentence.waitFor();
    expect(await sentence.textContent()).toContain(fact!.quote);
    await page.screenshot({ path: '/tmp/kechuang-intelligence-reader.png', fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
