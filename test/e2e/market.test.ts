// End-to-end: the public technology market in Chromium against the real server. An admin publishes a demand of
// Lanzhou New Area written in Simplified Chinese (through the API); an anonymous visitor finds it with a Traditional
// Chinese query, narrows by high-tech field (another field hides it), opens it, sees the zone's brokerage contact and
// sends 我要对接 with consent; the zone's operator then finds the expression of interest in the transfer section.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chooseOption, closeAll, launchBrowser, openPage, screenshotOnFailure, signIn, startServer, type RunningServer, apiAs } from './harness';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

const STAMP = Date.now().toString(36);
const TITLE = `高导热铜箔连续化制备技术需求 ${STAMP}`;
const VISITOR = `访客${STAMP}`;

const api = <T>(p: Page, method: 'GET' | 'POST', path: string, body?: unknown) => apiAs<T>(p, server.baseUrl, method, path, body);

async function search(p: Page, text: string) {
  const box = p.locator('input[data-testid="public-search"], [data-testid="public-search"] input').first();
  await box.fill(text);
  await box.press('Enter');
}

const ourItem = (p: Page) => p.getByTestId('public-item-title').filter({ hasText: STAMP });

describe('public technology market', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // The admin prepares the listing in a context of its own; the visitor's context never signs in.
    const { context: adminContext, page: adminPage } = await openPage(browser);
    await signIn(adminPage, server.baseUrl, 'admin', 'kechuang-admin');
    const zones = await api<{ items: { id: number; code: string }[] }>(adminPage, 'GET', '/api/zones?limit=500');
    const lz = zones.items.find((z) => z.code === 'LZNA')!.id;
    const orgs = await api<{ items: { id: number }[] }>(adminPage, 'GET', `/api/organizations?zone=${lz}&limit=1`);
    const demand = await api<{ id: number }>(adminPage, 'POST', '/api/demands', {
      title: TITLE, organization_id: orgs.items[0]!.id, hightech_field: 'new_materials', ipc_code: 'C25D',
      description: '现有电解铜箔产线厚度均匀性差、抗拉强度偏低，需要引进连续化电解铜箔制备及表面处理技术，提升产品一致性和强度。',
      target_indicators: '铜箔厚度 6 μm，抗拉强度 ≥ 400 MPa', acceptance_criteria: '第三方检测机构抽检三批次全部达标',
      budget_min: 100, budget_max: 500, cooperation_modes: ['transfer', 'joint_rd'],
    });
    await api(adminPage, 'POST', `/api/demands/${demand.id}/status`, { action: 'submit' });
    await api(adminPage, 'POST', `/api/demands/${demand.id}/status`, { action: 'publish', override: true, note: 'e2e' });
    await adminContext.close();
    ({ context, page } = await openPage(browser));
    page.on('pageerror', (e) => pageErrors.push(String(e)));
  }, 240_000);

  afterEach((ctx) => screenshotOnFailure(page, 'market', ctx));
  afterAll(() => closeAll(context, browser, server));

  it('finds a Simplified listing with a Traditional query, without signing in, and filters by field', async () => {
    await page.goto(`${server.baseUrl}/listings/demands`, { timeout: 60_000 });
    await page.getByTestId('public-listings').waitFor({ timeout: 60_000 });
    await search(page, `高導熱銅箔連續化製備 ${STAMP}`);
    await ourItem(page).first().waitFor();
    await expect(page.getByTestId('public-total').textContent()).resolves.toContain('相关度');

    await chooseOption(page, 'market-field', '新能源与节能');
    await page.getByTestId('public-item-title').filter({ hasText: STAMP }).waitFor({ state: 'detached' });
    await chooseOption(page, 'market-field', '新材料');
    await ourItem(page).first().waitFor();
  });

  it('sends 我要对接 with consent and shows the zone\'s brokerage contact', async () => {
    await ourItem(page).first().click();
    await page.getByTestId('public-title').filter({ hasText: STAMP }).waitFor();
    await expect(page.getByTestId('public-contact').textContent()).resolves.toContain('兰州新区');
    await page.getByTestId('interest-open').click();
    await page.getByTestId('interest-name').fill(VISITOR);
    await page.getByTestId('interest-organization').fill('甘肃某新材料有限公司');
    await page.getByTestId('interest-contact').fill('visitor@example.cn');
    await page.getByTestId('interest-message').fill('我们有电解铜箔表面处理的成熟工艺，希望对接。');
    // Without consent the form does not go.
    await page.getByTestId('interest-submit').click();
    await page.getByText('请勾选同意后再提交').waitFor();
    await page.getByTestId('interest-consent').check();
    await page.getByTestId('interest-submit').click();
    await page.getByTestId('interest-sent').waitFor();
  });

  it('lets the zone operator read the expression of interest', async () => {
    await signIn(page, server.baseUrl, 'operator', 'kechuang-operator');
    await page.goto(`${server.baseUrl}/transfer/interests`);
    await page.getByTestId('interests-table').waitFor();
    const row = page.locator('[data-testid="interests-table"] tr').filter({ hasText: VISITOR });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('visitor@example.cn');
    expect(pageErrors).toEqual([]);
  });
});
