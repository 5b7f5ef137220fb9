// End-to-end: an operator opens the talent evaluation and sees a ranked list whose rows open onto their inputs and
// provenance; an organisation user is refused it; the vouchers page lists a voucher issued to an enterprise, which
// is redeemed at a registered provider from the page and shows as redeemed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chooseOption, closeAll, launchBrowser, openPage, screenshotOnFailure, startServer, type RunningServer, signIn as signInAt } from './harness';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let orgContext: BrowserContext;
let operator: Page;
let orgUser: Page;
const pageErrors: string[] = [];
let voucherId = 0;
let poolId = 0;

const signIn = (p: Page, username: string, password: string) => signInAt(p, server.baseUrl, username, password);

/** The operator's API session, to set up programme, team and voucher data the pages then show. */
async function apiAs(username: string, password: string) {
  const res = await fetch(`${server.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(res.status).toBe(200);
  const cookie = `kc_session=${/kc_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!}`;
  const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  return async <T = Record<string, any>>(method: string, path: string, body?: unknown): Promise<T> => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const r = await fetch(`${server.baseUrl}${path}`, { method, headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await r.text();
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${text}`);
    return JSON.parse(text) as T;
  };
}

describe('funds and talent pages', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ({ context, page: operator } = await openPage(browser));
    ({ context: orgContext, page: orgUser } = await openPage(browser));
    for (const p of [operator, orgUser]) p.on('pageerror', (e) => pageErrors.push(String(e)));

    const api = await apiAs('operator', 'kechuang-operator');
    const me = await api<{ user: { zone_id: number } }>('GET', '/api/auth/me');
    const zone = me.user.zone_id;
    const people = (await api<{ items: { id: number }[] }>('GET', `/api/people?zone=${zone}&limit=10`)).items;
    expect(people.length).toBeGreaterThanOrEqual(3);
    const prog = await api('POST', '/api/talent/programmes', { code: 'E2E-CUIYING', zone_id: zone, name_zh: '萃英计划', name_en: 'Cuiying Programme' });
    await api('POST', `/api/talent/programmes/${prog.id}/members`, { person_id: people[0]!.id, since: '2024-01-01', source: '萃英计划入选名单' });
    await api('POST', '/api/talent/teams', { zone_id: zone, programme_id: prog.id, name_zh: '先进材料创新团队', leader_person_id: people[0]!.id, member_ids: [people[1]!.id, people[2]!.id] });

    const orgs = (await api<{ items: { id: number }[] }>('GET', `/api/organizations?zone=${zone}&limit=5`)).items;
    const orgUserOrg = (await (await apiAs('orguser', 'kechuang-org'))<{ user: { organization_id: number } }>('GET', '/api/auth/me')).user.organization_id;
    const scheme = await api('POST', '/api/funds/voucher-schemes', {
      zone_id: zone, name_zh: '兰州新区科技创新券', name_en: 'Innovation vouchers', face_value_fen: 2_000_000, budget_fen: 20_000_000,
      validity_days: 365, issue_from: '2024-01-01', issue_to: '2030-12-31', categories: ['testing', 'rd_design'],
    });
    const provider = orgs.find((o) => o.id !== orgUserOrg)!.id;
    await api('POST', `/api/funds/voucher-schemes/${scheme.id}/providers`, { organization_id: provider, categories: ['testing'] });
    const holder = orgs.find((o) => o.id !== provider)!.id;
    voucherId = (await api('POST', `/api/funds/voucher-schemes/${scheme.id}/vouchers`, { organization_ids: [holder] })).items[0].id;
    // A ¥20 M pool at 50 % with a ¥2 M cap; a ¥1 M loss on a covered loan is compensated ¥500,000.
    poolId = (await api('POST', '/api/funds/pools', { zone_id: zone, name_zh: '科技型中小企业贷款风险补偿资金池', size_fen: 2_000_000_000, share_bp: 5000, loan_cap_fen: 200_000_000, valid_from: '2024-01-01', bank_ids: [provider] })).id;
    const loan = await api('POST', `/api/funds/pools/${poolId}/loans`, { bank_org_id: provider, borrower_org_id: holder, principal_fen: 300_000_000, start_date: '2024-03-01', maturity_date: '2026-03-01' });
    await api('POST', `/api/funds/loans/${loan.id}/claims`, { loss_fen: 100_000_000, default_date: '2025-01-15' });

    await signIn(operator, 'operator', 'kechuang-operator');
    await signIn(orgUser, 'orguser', 'kechuang-org');
  }, 240_000);
  afterEach(async (ctx) => { await screenshotOnFailure(operator, 'funds-talent', ctx); });
  afterAll(async () => { await orgContext?.close().catch(() => undefined); await closeAll(context, browser, server); });

  it('an operator sees a ranked talent list whose rows show their inputs and provenance', async () => {
    await operator.goto(`${server.baseUrl}/policy/talent`);
    await operator.getByTestId('policy-tab-talent').waitFor();
    const ranks = operator.getByTestId('talent-rank');
    await ranks.first().waitFor({ timeout: 30_000 });
    const shown = (await ranks.allTextContents()).map(Number);
    expect(shown[0]).toBe(1);
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    // The team leader (a programme member leading two people) comes first.
    await operator.locator('[data-testid="talent-results"] .ant-table-row-expand-icon').first().click();
    const inputs = operator.getByTestId('talent-inputs').first();
    await inputs.waitFor();
    await expect.poll(() => inputs.textContent()).toContain('由登记库计算');
    expect(await inputs.textContent()).toContain('萃英计划');
    expect(await operator.getByTestId('talent-page').textContent()).not.toContain('@');
    // An entered indicator gets its value with its source from the row.
    await inputs.getByRole('button', { name: '录入' }).last().click();
    await operator.locator('.ant-modal #value').fill('3');
    await operator.locator('.ant-modal #source').fill('人事处培养证明 2025');
    await operator.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => operator.getByTestId('talent-inputs').first().textContent(), { timeout: 20_000 }).toContain('人事处培养证明 2025');
    await operator.screenshot({ path: '/tmp/kechuang-talent.png', fullPage: true });
  });

  it('an operator defines a talent programme, adds a member and forms a team', async () => {
    const stamp = Date.now().toString(36).slice(-5);
    await operator.goto(`${server.baseUrl}/policy/talent/programmes`);
    await operator.getByTestId('talent-programme-create').click();
    await operator.locator('#talent-programme-code').fill(`CY-${stamp}`);
    await operator.getByTestId('talent-programme-zone').click();
    await operator.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-title', { hasText: '兰州新区' }).first().click();
    await operator.locator('#talent-programme-name').fill(`青年英才计划${stamp}`);
    await operator.locator('.ant-modal-footer .ant-btn-primary').click();
    await operator.getByTestId('talent-programme-row').filter({ hasText: `青年英才计划${stamp}` }).click();
    await operator.getByTestId('talent-programme-detail').waitFor();
    await chooseOption(operator, 'talent-member-person');
    await operator.locator('#talent-member-since').click();
    await operator.locator('#talent-member-since').fill('2024-03-01');
    await operator.keyboard.press('Enter');
    await operator.getByTestId('talent-member-add').click();
    await expect.poll(() => operator.getByTestId('talent-members').textContent(), { timeout: 20_000 }).toContain('2024-03-01');
    await operator.locator('#talent-team-name').fill(`储能材料团队${stamp}`);
    await chooseOption(operator, 'talent-team-leader');
    await operator.getByTestId('talent-team-create').click();
    await expect.poll(() => operator.getByTestId('talent-programme-detail').textContent(), { timeout: 20_000 }).toContain(`储能材料团队${stamp}`);
  });

  it('an organisation user is refused the talent results', async () => {
    await orgUser.goto(`${server.baseUrl}/policy/talent`);
    await orgUser.getByTestId('talent-forbidden').waitFor();
  });

  it('the pools page shows a pool\'s balance, its loans with their claims and the balance history', async () => {
    await operator.goto(`${server.baseUrl}/policy/funds`);
    const balance = operator.getByTestId(`pool-balance-${poolId}`);
    await balance.waitFor({ timeout: 30_000 });
    expect(await balance.textContent()).toBe('¥19,500,000.00');
    await balance.click();
    const detail = operator.getByTestId('pool-detail');
    await detail.waitFor();
    await expect.poll(() => detail.textContent()).toContain('¥500,000.00');
    expect(await detail.textContent()).toContain('−¥500,000.00');
    await operator.screenshot({ path: '/tmp/kechuang-pools.png', fullPage: true });
  });

  it('the vouchers page lists a voucher, and redeeming it at a registered provider marks it redeemed', async () => {
    await operator.goto(`${server.baseUrl}/policy/funds/vouchers`);
    const state = operator.getByTestId(`voucher-state-${voucherId}`);
    await state.waitFor({ timeout: 30_000 });
    expect(await state.textContent()).toBe('有效');
    expect(await operator.getByTestId('voucher-balance').textContent()).toContain('¥20,000.00');
    await operator.getByTestId(`redeem-${voucherId}`).click();
    await chooseOption(operator, 'provider_org_id');
    await chooseOption(operator, 'category', '检验检测');
    await operator.locator('#amount').fill('15000.50');
    await operator.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => state.textContent(), { timeout: 20_000 }).toBe('已兑付');
    expect(await operator.getByTestId('vouchers-page').textContent()).toContain('¥15,000.50');
    await operator.screenshot({ path: '/tmp/kechuang-vouchers.png', fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
