// End-to-end: the audit view in Chromium against the real server. An operator changes an organisation's English name;
// the admin finds the change by record id in /audit, opens its before/after view and downloads the filtered CSV; on
// a phone the same log shows as cards; the organisation user finds no audit entry in the menu and a 403 on the page.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { closeAll, launchBrowser, openPage, type RunningServer, screenshotOnFailure, startServer, signIn as signInAt } from './harness';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let admin: Page;
const others: BrowserContext[] = [];
const pageErrors: string[] = [];
const NEW_NAME = `Audited Materials ${Date.now().toString(36)}`;
let orgId: number;

const signIn = (p: Page, username: string, password: string) => signInAt(p, server.baseUrl, username, password);

describe('the audit view in the web app', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ({ context, page: admin } = await openPage(browser));
    admin.on('pageerror', (e) => pageErrors.push(String(e)));
    // The change to find: made by the zone operator through the API, as the web app would.
    const { context: opContext, page: op } = await openPage(browser);
    others.push(opContext);
    await signIn(op, 'operator', 'kechuang-operator');
    const changed = await op.evaluate(async (name) => {
      const me = await (await fetch('/api/auth/me')).json();
      const org = (await (await fetch(`/api/organizations?zone=${me.user.zone_id}&limit=1`)).json()).items[0];
      const res = await fetch(`/api/organizations/${org.id}`, {
        method: 'PATCH', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: JSON.stringify({ version: org.version, name_en: name }),
      });
      return { status: res.status, id: org.id as number };
    }, NEW_NAME);
    expect(changed.status).toBe(200);
    orgId = changed.id;
    await signIn(admin, 'admin', 'kechuang-admin');
  }, 180_000);
  afterEach(async (ctx) => { await screenshotOnFailure(admin, 'audit-admin', ctx); });
  afterAll(async () => {
    for (const c of others) await c.close().catch(() => undefined);
    await closeAll(context, browser, server);
  });

  it('an admin filters by record, sees before and after, and exports what is shown', async () => {
    await admin.getByTestId('nav-audit').click();
    await admin.getByTestId('audit-table').waitFor();
    await admin.locator('#audit-filter-record').fill(String(orgId));
    await admin.locator('#audit-filter-record').press('Tab');
    const row = admin.getByTestId('audit-table').locator('tr.ant-table-row', { hasText: '修改' }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('operator');
    await row.locator('.ant-table-row-expand-icon').click();
    const diff = admin.getByTestId('audit-diff').first();
    await diff.getByText(NEW_NAME).waitFor();
    expect(await diff.textContent()).toContain('name_en');
    // The import that created the record is listed too, with its batch instead of a before/after view.
    await admin.getByTestId('audit-table').getByText('导入新建').first().waitFor();

    const href = await admin.getByTestId('audit-export-csv').getAttribute('href');
    expect(href).toContain(`record_id=${orgId}`);
    const csv = await admin.evaluate(async (url) => (await fetch(url!)).text(), href);
    expect(csv).toContain(NEW_NAME);
    expect(csv.split('\r\n')[0]).toContain('时间');
    expect(await admin.getByTestId('audit-export-xlsx').getAttribute('href')).toContain('format=xlsx');
  });

  it('in English, and as cards on a phone', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en', isMobile: true, hasTouch: true });
    others.push(phone);
    await phone.addInitScript(() => localStorage.setItem('kechuang.lang', 'en'));
    const p = await phone.newPage();
    p.setDefaultTimeout(20_000);
    p.on('pageerror', (e) => pageErrors.push(String(e)));
    await signIn(p, 'operator', 'kechuang-operator');
    await p.goto(`${server.baseUrl}/audit`);
    await p.getByTestId('audit-cards').waitFor();
    await p.locator('#audit-filter-record').fill(String(orgId));
    await p.locator('#audit-filter-record').press('Tab');
    const card = p.getByTestId('audit-card').filter({ hasText: 'Update' }).first();
    await card.waitFor();
    await card.getByRole('button', { name: 'Show changes' }).click();
    await card.getByTestId('audit-diff').getByText(NEW_NAME).waitFor();
    expect(await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    expect(await p.getByTestId('audit-table').count()).toBe(0);
  });

  it('an organisation user has no audit entry and is refused the page', async () => {
    const { context: c, page } = await openPage(browser);
    others.push(c);
    await signIn(page, 'orguser', 'kechuang-org');
    expect(await page.getByTestId('nav-audit').count()).toBe(0);
    await page.goto(`${server.baseUrl}/audit`);
    await page.getByTestId('audit-forbidden').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
