// End-to-end: an incentive programme from definition to disbursement in Chromium against the real server. The
// operator defines a programme in the form; the organisation user opens the prefilled application, attaches the
// required document and submits; the operator approves it with a score and reasons, records the public notice
// (held in the past, so the application is disbursable), disburses it, and the ledger shows the payment, balanced.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { closeAll, launchBrowser, openPage, type RunningServer, screenshotOnFailure, startServer, signIn as signInAt } from './harness';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let operator: Page;
let orgUser: Page;
let orgContext: BrowserContext;
const pageErrors: string[] = [];
const STAMP = Date.now().toString(36);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
let programmeId = 0;
let applicationId = 0;

const signIn = (p: Page, username: string, password: string) => signInAt(p, server.baseUrl, username, password);

describe('incentive programme to disbursement', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ({ context, page: operator } = await openPage(browser));
    ({ context: orgContext, page: orgUser } = await openPage(browser));
    for (const p of [operator, orgUser]) p.on('pageerror', (e) => pageErrors.push(String(e)));
    await signIn(operator, 'operator', 'kechuang-operator');
    await signIn(orgUser, 'orguser', 'kechuang-org');
  }, 180_000);
  afterEach(async (ctx) => { await screenshotOnFailure(operator, 'policy-operator', ctx); await screenshotOnFailure(orgUser, 'policy-org', ctx); });
  afterAll(async () => { await orgContext?.close().catch(() => undefined); await closeAll(context, browser, server); });

  it('the operator defines a programme', async () => {
    await operator.goto(`${server.baseUrl}/policy/programmes`);
    await operator.getByTestId('programme-new').click();
    await operator.getByTestId('programme-name-zh').fill(`创新券后补助${STAMP}`);
    await operator.getByTestId('programme-name-en').fill(`Innovation voucher top-up ${STAMP}`);
    await operator.getByText('定额', { exact: true }).click();
    await operator.locator('#amount_yuan').fill('50000');
    await operator.getByTestId('programme-save').click();
    await operator.getByTestId('programme-detail').waitFor();
    programmeId = Number(/\/policy\/programmes\/(\d+)/.exec(operator.url())![1]);
    expect(programmeId).toBeGreaterThan(0);
    await expect.poll(() => operator.getByTestId('programme-remaining').textContent()).toBe('¥1,000,000.00');
  });

  it('the enterprise applies with the prefilled form and its document', async () => {
    await orgUser.goto(`${server.baseUrl}/policy/programmes/${programmeId}`);
    await orgUser.getByTestId('programme-apply').click();
    await orgUser.getByTestId('eligibility-table').waitFor();
    expect(await orgUser.getByTestId('apply-amount').textContent()).toBe('¥50,000.00');
    await orgUser.getByTestId('apply-create').click();
    await orgUser.getByTestId('application-page').waitFor();
    applicationId = Number(/\/policy\/applications\/(\d+)/.exec(orgUser.url())![1]);
    await orgUser.locator('input[type=file]').first().setInputFiles({ name: '研发费用审计报告.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 audit') });
    await orgUser.getByText('研发费用审计报告.pdf').waitFor();
    await orgUser.getByTestId('application-submit').click();
    await expect.poll(() => orgUser.getByTestId('application-status').textContent()).toBe('已提交');
  });

  it('the reviewer approves, the notice passes and the operator disburses; the ledger shows it', async () => {
    await operator.goto(`${server.baseUrl}/policy/applications`);
    await operator.getByTestId('application-table').getByText(`${applicationId}`, { exact: true }).click();
    await operator.getByTestId('review-score').locator('input').or(operator.locator('input#score')).first().fill('90');
    await operator.getByTestId('review-reason').fill('材料齐全，符合条件');
    await operator.getByTestId('review-submit').click();
    await expect.poll(() => operator.getByTestId('application-status').textContent()).toBe('已批准');

    await operator.goto(`${server.baseUrl}/policy/notices`);
    await operator.locator('#programme').click();
    await operator.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: STAMP }).first().click();
    await operator.getByTestId('notice-starts').fill(day(-10));
    await operator.getByTestId('notice-ends').fill(day(-1));
    await operator.getByTestId('notice-publish').click();
    await operator.getByTestId('notice-card').filter({ hasText: STAMP }).waitFor();

    await operator.goto(`${server.baseUrl}/policy/ledger?programme=${programmeId}`);
    await operator.getByTestId('disbursable-table').locator('input[type=checkbox]').last().check();
    await operator.getByTestId('disburse').click();
    await operator.getByTestId('disburse-done').waitFor();
    await expect.poll(() => operator.getByTestId('ledger-paid').textContent()).toContain('¥50,000.00');
    await operator.getByTestId('ledger-balanced').waitFor();
    expect(await operator.getByTestId('ledger-entries').textContent()).toContain(`${applicationId}`);
    expect(pageErrors).toEqual([]);
  });
});
