// End-to-end: accounts in Chromium against the real server. The admin creates a zone operator in the web app, who then
// signs in with that role; a visitor registers their enterprise, the operator approves it, and the visitor's ticket
// shows the approval.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { closeAll, launchBrowser, openPage, type RunningServer, screenshotOnFailure, startServer, signIn as signInAt } from './harness';
import { completeCreditCode } from '../../src/registry/credit-code';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let admin: Page;
const others: BrowserContext[] = [];
const pageErrors: string[] = [];
const STAMP = Date.now().toString(36).slice(-6);

const signIn = (p: Page, username: string, password: string) => signInAt(p, server.baseUrl, username, password);

async function newPage(): Promise<Page> {
  const { context: c, page } = await openPage(browser);
  others.push(c);
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  return page;
}

/** Picks a zone in a ZoneTreeSelect by typing part of its name. */
async function chooseZone(p: Page, testId: string, zoneName: string) {
  await p.getByTestId(testId).click();
  await p.keyboard.type(zoneName);
  await p.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-title', { hasText: zoneName }).first().click();
}

describe('accounts in the web app', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ({ context, page: admin } = await openPage(browser));
    admin.on('pageerror', (e) => pageErrors.push(String(e)));
    await signIn(admin, 'admin', 'kechuang-admin');
  }, 180_000);
  afterEach(async (ctx) => { await screenshotOnFailure(admin, 'accounts-admin', ctx); });
  afterAll(async () => {
    for (const c of others) await c.close().catch(() => undefined);
    await closeAll(context, browser, server);
  });

  it('an admin creates a zone operator, who signs in with that role', async () => {
    await admin.getByTestId('nav-accounts').click();
    await admin.getByTestId('users-table').waitFor();
    await admin.getByTestId('users-create').click();
    await admin.getByTestId('user-username').fill(`op.${STAMP}`);
    await admin.getByTestId('user-display-name').fill('新区运营 E2E');
    await chooseZone(admin, 'user-zone', '兰州新区');
    // A demo password is refused, and the form says so beside the field.
    await admin.getByTestId('user-password').fill('kechuang-operator');
    await admin.getByTestId('user-form-submit').click();
    await admin.getByText('是常见密码或演示密码，请另选一个').waitFor();
    await admin.getByTestId('user-password').fill('lanzhou-new-area-2026');
    await admin.getByTestId('user-form-submit').click();
    await admin.getByTestId('users-table').getByText(`op.${STAMP}`).waitFor();

    const op = await newPage();
    await signIn(op, `op.${STAMP}`, 'lanzhou-new-area-2026');
    expect(await op.getByTestId('current-role').textContent()).toMatch(/运营/);
    await op.getByTestId('nav-accounts').waitFor();
  });

  it('a visitor registers an enterprise and the zone operator approves it', async () => {
    const code = completeCreditCode(`91620100MA7E${String(Date.now() % 100000).padStart(5, '0')}`);
    const visitor = await newPage();
    await visitor.goto(`${server.baseUrl}/accounts/register`);
    await visitor.getByTestId('reg-credit-code').fill(code);
    await visitor.getByTestId('reg-name').fill(`兰州端到端测试科技有限公司${STAMP}`);
    await chooseZone(visitor, 'reg-zone', '兰州新区');
    await visitor.getByTestId('reg-contact').fill('陈经理');
    await visitor.getByTestId('reg-email').fill('chen@example.cn');
    await visitor.getByTestId('reg-username').fill(`ent.${STAMP}`);
    await visitor.getByTestId('reg-password').fill('yellow-river-bridge-9');
    await visitor.getByTestId('reg-submit').click();
    const ticket = (await visitor.getByTestId('register-ticket').textContent())!.trim();
    expect(ticket.length).toBeGreaterThan(20);

    const op = await newPage();
    await signIn(op, 'operator', 'kechuang-operator');
    await op.goto(`${server.baseUrl}/accounts/registrations`);
    const row = op.getByTestId('registrations-table').locator('tr', { hasText: code });
    await row.getByText('chen@example.cn').waitFor();
    // antd spaces out two-character Chinese button labels (通 过), so the button is found by its test id.
    await row.locator('[data-testid^="approve-"]').click();
    await op.getByText('申请已通过，机构用户已创建').waitFor();

    // antd puts the test id on the input itself or on its wrapper, depending on the version.
    const ticketInput = visitor.locator('input[data-testid="reg-status-ticket"], [data-testid="reg-status-ticket"] input').first();
    await ticketInput.fill(ticket);
    await ticketInput.press('Enter');
    await expect.poll(() => visitor.getByTestId('registration-status').textContent()).toBe('已通过');
    await signIn(visitor, `ent.${STAMP}`, 'yellow-river-bridge-9');
    expect(pageErrors).toEqual([]);
  });
});
