// End-to-end: the web app against a running server in Chromium. One browser session walks through signing in,
// creating an organisation, importing a CSV, switching language and viewing the zone dashboard.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, startServer, type RunningServer, screenshotOnFailure, closeAll, chooseOption } from './harness';

const SCREENSHOT = '/tmp/kechuang-dashboard.png';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];
let createdName = '';


async function firstZone(p: Page): Promise<{ id: number; code: string; name_zh: string }> {
  const res = await p.request.get(`${server.baseUrl}/api/zones?limit=50`);
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { items: { id: number; code: string; name_zh: string; parent_id?: number | null }[] };
  expect(body.items.length).toBeGreaterThan(0);
  return body.items.find((z) => !z.parent_id) ?? body.items[0];
}

describe('web app', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN', acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
  });

  afterEach((ctx) => screenshotOnFailure(page, 'fail', ctx));

  afterAll(() => closeAll(context, browser, server));

  it('shows an error for wrong credentials, then signs in as admin', async () => {
    await page.goto(`${server.baseUrl}/login`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码错误');

    await page.getByTestId('login-password').fill('kechuang-admin');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();
    expect(await page.getByTestId('current-role').textContent()).toBe('管理员');
    await page.waitForURL(/\/dashboard$/);
  });

  it('creates an organisation and sees it in the list', async () => {
    const zone = await firstZone(page);
    const name = `端到端测试机构${Date.now()}`;
    createdName = name;
    // Generated demo records carry a visible tag (the demo qualifications are generated).
    await page.goto(`${server.baseUrl}/entities/qualifications`);
    await page.getByTestId('entity-table').getByTestId('tag-generated').first().waitFor();
    await page.goto(`${server.baseUrl}/dashboard`);
    await page.getByTestId('nav-organizations').click();
    await page.waitForURL(/\/entities\/organizations/);
    await page.getByTestId('entity-table').locator('tr.ant-table-row').first().waitFor();
    await page.getByTestId('entity-create').click();
    await page.getByTestId('entity-form').waitFor();

    // Client-side required checks first.
    await page.getByTestId('entity-form-save').click();
    await page.locator('.ant-form-item-explain-error').first().waitFor();

    await page.locator('#name_zh').fill(name);
    await page.locator('#name_en').fill('E2E Test Organisation');
    await chooseOption(page, 'zone_id', zone.name_zh);
    await chooseOption(page, 'kind', '企业');

    // A server-side check (the credit code's format) lands on its form field.
    await page.locator('#credit_code').fill('123');
    await page.getByTestId('entity-form-save').click();
    await page.locator('.ant-form-item-has-error:has(#credit_code) .ant-form-item-explain-error').waitFor();
    await page.getByTestId('form-error').waitFor();
    await page.locator('#credit_code').fill('');
    await page.getByTestId('entity-form-save').click();

    // The new record opens in the detail drawer; close it and find it in the list.
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText(name).first().waitFor();
    await page.locator('.ant-drawer-close').click();
    await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
    await page.getByTestId('list-search').locator('input').fill(name);
    await page.getByTestId('list-search').locator('input').press('Enter');
    await page.locator('[data-testid="entity-table"] tbody tr', { hasText: name }).waitFor();
    expect(page.url()).toContain('q=');
  });

  it('edits with a version: a concurrent change gives a clear 409 message, reload, save, retire, history', async () => {
    expect(createdName).not.toBe('');
    await page.goto(`${server.baseUrl}/entities/organizations?q=${encodeURIComponent(createdName)}`);
    const row = page.locator('[data-testid="entity-table"] tbody tr', { hasText: createdName });
    await row.locator('a').first().click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText(createdName).first().waitFor();
    await page.getByTestId('entity-edit').click();
    await page.getByTestId('entity-form').waitFor();

    // Someone else changes the record meanwhile.
    const me = (await (await page.request.get(`${server.baseUrl}/api/auth/me`)).json()) as { csrfToken: string };
    const list = (await (await page.request.get(`${server.baseUrl}/api/organizations?q=${encodeURIComponent(createdName)}`)).json()) as {
      items: { id: number; version: number; name_zh: string }[];
    };
    const rec = list.items.find((i) => i.name_zh === createdName)!;
    const patched = await page.request.patch(`${server.baseUrl}/api/organizations/${rec.id}`, {
      headers: { 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' },
      data: { version: rec.version, name_en: 'Changed elsewhere' },
    });
    expect(patched.ok()).toBe(true);

    await page.locator('#name_en').fill('Edited in the UI');
    await page.getByTestId('entity-form-save').click();
    const conflict = page.getByTestId('conflict-alert');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('其他人已修改了这条记录');

    await conflict.getByRole('button').click();
    await expect.poll(() => page.locator('#name_en').inputValue()).toBe('Changed elsewhere');
    await page.locator('#name_en').fill('Edited in the UI');
    await page.getByTestId('entity-form-save').click();
    await page.getByTestId('entity-form').waitFor({ state: 'detached' });
    await drawer.getByText('Edited in the UI').first().waitFor();

    await page.getByTestId('entity-retire').click();
    await page.locator('.ant-popconfirm .ant-btn-primary, .ant-popover .ant-btn-primary').first().click();
    await drawer.getByTestId('tag-retired').first().waitFor();

    await drawer.getByRole('tab', { name: '变更历史' }).click();
    await drawer.getByTestId('audit-history').waitFor();
    expect(await drawer.getByTestId('audit-history').locator('.ant-timeline-item').count()).toBeGreaterThanOrEqual(3);
  });

  it('imports a CSV of organisations: validate, report, commit, job, rows visible', async () => {
    const zone = await firstZone(page);
    const stamp = Date.now();
    const names = [`导入测试甲${stamp}`, `导入测试乙${stamp}`];
    // Files refer to other records by code.
    const csv = [
      'code,name_zh,name_en,zone_id,kind',
      `E2E-IMP-A-${stamp},${names[0]},Import Test A,${zone.code},enterprise`,
      `E2E-IMP-B-${stamp},${names[1]},Import Test B,${zone.code},enterprise`,
    ].join('\n');

    await page.goto(`${server.baseUrl}/dashboard`);
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-wizard').waitFor();
    // organisations is the default data type
    await expect.poll(() => page.getByTestId('import-entity').textContent()).toMatch(/创新主体|机构|Organisations/);
    await page.locator('[data-testid="import-wizard"] input[type=file]').setInputFiles({
      name: 'organizations.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByTestId('import-validate').click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    await report.getByText('所有行都通过了校验').waitFor();

    await page.getByTestId('import-commit-all').click();
    await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-result').textContent()).toContain('导入完成');
    expect(await page.getByTestId('import-inserted').textContent()).toBe('2');

    await page.getByTestId('import-result').getByRole('button').first().click();
    await page.waitForURL(/\/entities\/organizations/);
    await page.getByTestId('list-search').locator('input').fill(String(stamp));
    await page.getByTestId('list-search').locator('input').press('Enter');
    for (const n of names) await page.locator('[data-testid="entity-table"] tbody tr', { hasText: n }).waitFor();
  });

  it('shows import errors by line and imports the valid rows only', async () => {
    const zone = await firstZone(page);
    const stamp = Date.now();
    const csv = [
      'code,name_zh,name_en,zone_id,kind',
      `E2E-IMP-C-${stamp},导入测试丙${stamp},Import Test C,${zone.code},enterprise`,
      `E2E-IMP-D-${stamp},导入测试丁${stamp},Import Test D,${zone.code},no-such-kind`,
    ].join('\n');
    await page.goto(`${server.baseUrl}/import`);
    await page.locator('[data-testid="import-wizard"] input[type=file]').setInputFiles({
      name: 'organizations-with-errors.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByTestId('import-validate').click();
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    const row = errors.locator('tr.ant-table-row').first();
    expect(await row.locator('td').first().textContent()).toBe('3');
    // The column by its label in the UI's language, with the kinds by their names (not `kind`, not `enterprise`).
    expect(await row.locator('td').nth(1).textContent()).toBe('类型');
    expect(await row.locator('td').nth(2).textContent()).toMatch(/^类型：应为以下之一：企业、/);
    expect(await page.getByTestId('import-commit-all').isDisabled()).toBe(true);

    await page.getByTestId('import-commit-valid').click();
    await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-inserted').textContent()).toBe('1');
  });

  it('imports indicator values with their source (issue 12) and shows them', async () => {
    const zone = await firstZone(page);
    const indicators = (await (await page.request.get(`${server.baseUrl}/api/indicators`)).json()) as { items: { code: string; kind: string; unit: string }[] };
    const ind = indicators.items.find((i) => i.kind === 'entered' && i.unit !== 'percent')!;
    expect(ind).toBeTruthy();
    const year = new Date().getFullYear() - 2;
    const csv = `所属园区,指标,年份,数值,来源标题,来源网址,原文引述\n${zone.code},${ind.code},${year},321.5,E2E 统计公报,https://example.org/e2e,全年……321.5\n`;

    await page.goto(`${server.baseUrl}/import`);
    await page.getByTestId('import-wizard').waitFor();
    await page.getByTestId('import-entity').click();
    const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    // The option list is virtual: scroll to its end, where indicator values are listed.
    const option = dropdown.locator('.ant-select-item-option', { hasText: '指标数值' });
    await dropdown.locator('.ant-select-item-option').first().waitFor();
    for (let i = 0; i < 10 && !(await option.isVisible()); i++) {
      await dropdown.locator('.ant-select-item-option').first().hover();
      await page.mouse.wheel(0, 400);
      await page.waitForTimeout(150);
    }
    await option.click();
    await expect.poll(() => page.getByTestId('import-entity').textContent()).toContain('指标数值');
    expect(await page.getByTestId('import-template-csv').getAttribute('href')).toContain('/api/imports/indicator-values/template');
    await page.locator('[data-testid="import-wizard"] input[type=file]').setInputFiles({ name: 'values.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByTestId('import-validate').click();
    await page.getByTestId('import-report').getByText('所有行都通过了校验').waitFor();
    await page.getByTestId('import-commit-all').click();
    await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-result').textContent()).toContain('导入完成');
    expect(await page.getByTestId('import-inserted').textContent()).toBe('1');

    const values = (await (await page.request.get(`${server.baseUrl}/api/indicator-values?zone=${zone.id}&indicator=${ind.code}&from=${year}&to=${year}`)).json()) as { items: { value: number; origin: string; provenance: { source?: string; source_url?: string } }[] };
    expect(values.items[0]).toMatchObject({ value: 321.5, origin: 'entered', provenance: { source: 'E2E 统计公报', source_url: 'https://example.org/e2e' } });
    await page.getByTestId('import-result').getByRole('button').first().click();
    await page.waitForURL(/\/evaluation/);
  });

  it('switches the language to English and back', async () => {
    await page.goto(`${server.baseUrl}/dashboard`);
    expect(await page.getByTestId('nav-dashboard').textContent()).toBe('仪表盘');
    expect(await page.getByTestId('nav-organizations').textContent()).toBe('机构');

    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('nav-dashboard').textContent()).toBe('Dashboard');
    expect(await page.getByTestId('nav-organizations').textContent()).toBe('Organisations');
    expect(await page.getByTestId('sign-out').textContent()).toContain('Sign out');
    expect(await page.getByTestId('current-role').textContent()).toBe('Administrator');

    // The choice survives a reload.
    await page.reload();
    await expect.poll(() => page.getByTestId('nav-dashboard').textContent()).toBe('Dashboard');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.getByTestId('lang-zh').click();
    await expect.poll(() => page.getByTestId('nav-dashboard').textContent()).toBe('仪表盘');
    expect(await page.getByTestId('sign-out').textContent()).toContain('退出登录');
  });

  it('shows the zone dashboard with counts and rendered charts', async () => {
    await page.goto(`${server.baseUrl}/entities/zones`);
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dashboard-zone-name').waitFor();
    const orgCount = page.getByTestId('count-organizations').locator('.ant-statistic-content-value');
    await orgCount.waitFor();
    expect(Number((await orgCount.textContent())?.replace(/[^\d]/g, ''))).toBeGreaterThan(0);
    for (const key of ['enterprises', 'highTechEnterprises', 'people', 'achievements', 'projects']) {
      await page.getByTestId(`count-${key}`).waitFor();
    }
    await page.locator('[data-testid="chart-by-kind"] canvas').first().waitFor();
    const canvases = await page.locator('[data-testid^="chart-"] canvas').count();
    expect(canvases).toBeGreaterThanOrEqual(1);
    await page.getByTestId('top-organizations').waitFor();
    await page.getByTestId('zone-facts').waitFor();
    await page.waitForTimeout(1200); // let the chart animations finish before the screenshot
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('logged no errors in the browser console', () => {
    // 401/404 resource messages from the server are not page errors; anything thrown by the app is.
    const appErrors = consoleErrors.filter((e) => !/Failed to load resource/.test(e));
    expect(appErrors).toEqual([]);
  });
});
