// End-to-end: technology transfer in Chromium against the real server. As admin (a broker everywhere): create a
// published offer through the API, post a demand for 5G high-frequency copper foil through the web app (quality
// score and suggestions), see matches with explanations, open a case from a match and move it to "contract signed".
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, startServer, type RunningServer, screenshotOnFailure, closeAll, chooseOption } from './harness';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

const OFFER_TITLE = `5G高频高速电路用超低轮廓电解铜箔${Date.now().toString(36)}`;
const DEMAND_TITLE = `5G高频铜箔国产化需求${Date.now().toString(36)}`;
let offerId = 0;
let orgName = '';

async function api<T>(p: Page, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const me = (await (await p.request.get(`${server.baseUrl}/api/auth/me`)).json()) as { csrfToken: string };
  const res = method === 'GET'
    ? await p.request.get(`${server.baseUrl}${path}`)
    : await p.request.post(`${server.baseUrl}${path}`, { headers: { 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' }, data: body ?? {} });
  const text = await res.text();
  if (!res.ok()) throw new Error(`${method} ${path} → ${res.status()}: ${text}`);
  return JSON.parse(text) as T;
}


describe('technology transfer', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => pageErrors.push(String(e)));
  });

  afterEach((ctx) => screenshotOnFailure(page, 'transfer', ctx));

  afterAll(() => closeAll(context, browser, server));

  it('signs in as admin and creates a published offer through the API', async () => {
    await page.goto(`${server.baseUrl}/login`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('kechuang-admin');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();

    const orgs = await api<{ items: { id: number; name_zh: string }[] }>(page, 'GET', '/api/organizations?limit=5');
    expect(orgs.items.length).toBeGreaterThan(0);
    const org = orgs.items[0]!;
    orgName = org.name_zh;
    const offer = await api<{ id: number }>(page, 'POST', '/api/offers', {
      title: OFFER_TITLE,
      organization_id: org.id,
      summary:
        '面向5G高频高速印制电路板的超低轮廓（HVLP）电解铜箔，表面粗糙度 Rz ≤ 1.5 μm，抗剥离强度 ≥ 0.8 N/mm，' +
        '可显著降低高频信号传输的插入损耗，适用于5G基站天线、毫米波雷达和服务器高速背板用覆铜板，已在中试线稳定生产。',
      advantages: '相比进口同类产品成本降低 30%，高频插入损耗降低 15%，铜箔厚度 12–35 μm 可调。',
      ipc_code: 'H05K 1/09',
      trl: 7,
      ip_status: 'granted_patent',
      cooperation_modes: ['transfer', 'licence', 'joint_rd'],
      price_expectation: 300,
    });
    offerId = offer.id;
    await api(page, 'POST', `/api/offers/${offerId}/status`, { action: 'submit' });
    await api(page, 'POST', `/api/offers/${offerId}/status`, { action: 'publish' });
  });

  it('posts a demand with its quality score and suggestions, and submits it', async () => {
    await page.getByTestId('nav-transfer').click();
    await page.waitForURL(/\/transfer\/demands$/);
    await page.getByTestId('demand-new').click();
    await page.waitForURL(/\/transfer\/demands\/new$/);

    // An empty draft scores low and says what to add.
    await page.getByTestId('quality-suggestions').waitFor();
    expect(Number(await page.getByTestId('quality-score').textContent())).toBeLessThan(60);

    await page.locator('#title').fill(DEMAND_TITLE);
    await chooseOption(page, 'organization_id', orgName, orgName.slice(0, 4));
    await page.locator('#description').fill(
      '我公司生产5G基站天线和毫米波雷达用高频覆铜板，目前高频高速电路用低轮廓电解铜箔全部依赖进口，价格高、交期长。' +
        '需要国产超低轮廓铜箔技术，满足高频信号传输低插入损耗的要求，用于高频高速印制电路板量产。',
    );
    await page.locator('#problem').fill('现有国产铜箔表面粗糙度偏高，高频下插入损耗大，抗剥离强度不足。');
    await page.locator('#ipc_code').fill('H05K 1/09');
    await page.locator('#target_indicators').fill('表面粗糙度 Rz ≤ 1.5 μm；抗剥离强度 ≥ 0.8 N/mm；10 GHz 插入损耗降低 15%');
    await page.locator('#acceptance_criteria').fill('由我公司质检部门按照 IPC-4562 标准抽检三批次，全部达标即验收。');
    await page.locator('#budget_min').fill('100');
    await page.locator('#budget_max').fill('500');
    await page.locator('#decision_owner').fill('张总工');
    await chooseOption(page, 'cooperation_modes', '技术转让');
    await page.keyboard.press('Escape');

    // The live score rises above the publishing threshold.
    await expect.poll(async () => Number(await page.getByTestId('quality-score').textContent()), { timeout: 15_000 }).toBeGreaterThanOrEqual(60);
    await expect.poll(() => page.getByTestId('quality-passes').textContent()).toContain('达到发布门槛');

    await page.getByTestId('demand-submit').click();
    await page.waitForURL(/\/transfer\/demands\/\d+$/);
    await expect.poll(() => page.getByTestId('demand-title').textContent()).toBe(DEMAND_TITLE);
    await expect.poll(() => page.getByTestId('demand-status').first().textContent()).toBe('已提交');
  });

  it('publishes the demand as a broker and sees matches with explanations', async () => {
    await page.getByTestId('demand-action-publish').click();
    await page.getByTestId('demand-action-ok').click();
    await expect.poll(() => page.getByTestId('demand-status').first().textContent()).toBe('已发布');

    await page.getByTestId('matches-refresh').click();
    const match = page.getByTestId('match-item').filter({ hasText: OFFER_TITLE });
    await match.waitFor({ timeout: 20_000 });
    const why = await match.getByTestId('match-why').textContent();
    expect(why?.length ?? 0).toBeGreaterThan(4);
    const score = Number(await match.getByTestId('match-score').textContent());
    expect(score).toBeGreaterThan(0);
    await page.screenshot({ path: '/tmp/kechuang-transfer-matches.png', fullPage: true });
  });

  it('opens a case from the match and moves it to contract signed', async () => {
    const match = page.getByTestId('match-item').filter({ hasText: OFFER_TITLE });
    await match.getByTestId('match-open-case').click();
    await page.getByTestId('open-case-note').fill('双方已初步沟通，安排技术对接会。');
    await page.getByTestId('open-case-ok').click();
    await page.waitForURL(/\/transfer\/cases\/\d+$/);
    await expect.poll(() => page.getByTestId('case-stage').first().textContent()).toBe('已对接');

    await page.getByTestId('case-move-negotiating').click();
    await page.getByTestId('case-move-ok').click();
    await expect.poll(() => page.getByTestId('case-stage').first().textContent()).toBe('洽谈中');

    await page.getByTestId('case-move-contract_signed').click();
    await chooseOption(page, 'contract_type', '技术转让');
    await page.locator('#contract_amount').fill('260');
    await page.getByTestId('case-move-ok').click();
    await expect.poll(() => page.getByTestId('case-stage').first().textContent()).toBe('已签约');
    expect(await page.getByTestId('case-amount').textContent()).toBe('260');
    // The history lists the three stages entered.
    await expect.poll(() => page.getByTestId('case-history').locator('tbody tr').count()).toBe(3);

    // The case appears in the cases list.
    await page.getByTestId('transfer-tab-cases').click();
    await page.getByTestId('case-table').getByText(DEMAND_TITLE).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('shows the zone funnel', async () => {
    await page.getByTestId('transfer-tab-funnel').click();
    await page.getByTestId('funnel-table').waitFor();
    await page.getByTestId('funnel-chart').locator('canvas').waitFor();
    // Collected ≥ 1 (the demand posted above), and the labels follow the language switch.
    expect(await page.getByTestId('funnel-table').locator('tbody tr').first().textContent()).toContain('征集');
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('funnel-table').locator('tbody tr').first().textContent()).toContain('Collected');
    await page.getByTestId('transfer-tab-cases').click();
    await expect.poll(() => page.getByTestId('case-table').getByTestId('case-stage').first().textContent()).toBe('Contract signed');
    await page.getByTestId('lang-zh').click();
    await page.getByTestId('transfer-tab-funnel').click();
    await page.getByTestId('funnel-chart').locator('canvas').waitFor();
    await page.screenshot({ path: '/tmp/kechuang-transfer-funnel.png', fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
