// End-to-end: technology transfer in Chromium against the real server. As admin (a broker everywhere): create a
// published offer through the API, post a demand for 5G high-frequency copper foil through the web app (quality
// score and suggestions), see matches with explanations (offers and a registered expert), edit the demand, open a
// case from a match, move it to "contract signed" and attach the contract's scan;
// post an offer in the web app with one field behind an NDA and see the demands it could serve (decline one with a
// reason, which brokers then see); browse the public market as an anonymous visitor, then as an organisation user
// accept the NDA (the owner side sees the reveal logged); in an innovation challenge, a solver
// proposes for its own organisation, a broker scores a proposal and pairs it with its demand.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openPage, launchBrowser, startServer, type RunningServer, screenshotOnFailure, closeAll, chooseOption, signIn as signInAt, apiAs } from './harness';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

const STAMP = Date.now().toString(36);
const OFFER_TITLE = `5G高频高速电路用超低轮廓电解铜箔${STAMP}`;
const DEMAND_TITLE = `5G高频铜箔国产化需求${STAMP}`;
const WEB_OFFER_TITLE = `反转处理超低轮廓铜箔表面处理技术${STAMP}`;
const SECRET_TITLE = `保密铜箔需求${STAMP}`;
const EXPERT_NAME = `銅箔專家${STAMP}`;
let offerId = 0;
let orgId = 0;
let orgName = '';

const api = <T>(p: Page, method: 'GET' | 'POST', path: string, body?: unknown) => apiAs<T>(p, server.baseUrl, method, path, body);

/**
 * Picks an option of a single antd Select (input id = form field name) and waits until it shows as chosen; tries
 * again when the options re-rendered under the click (they load from the server).
 */
async function choose(p: Page, inputId: string, optionText: string, search?: string) {
  const shown = p.locator(`.ant-select:has(#${inputId}) .ant-select-content-has-value`).filter({ hasText: optionText });
  for (let attempt = 1; ; attempt++) {
    await p.locator(`#${inputId}`).click();
    if (search) await p.locator(`#${inputId}`).fill(search);
    const option = p.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: optionText }).first();
    await option.click({ timeout: 15_000 });
    if (await shown.first().waitFor({ state: 'visible', timeout: 2_000 }).then(() => true, () => attempt === 3)) return;
  }
}

/** Types into the public market's search box (antd may put the test id on the input or on its wrapper). */
async function searchListings(p: Page, text: string) {
  const box = p.locator('input[data-testid="public-search"], [data-testid="public-search"] input').first();
  await box.fill(text);
  await box.press('Enter');
}

/** Signs in through the login page and waits for the signed-in header. */
const signIn = (p: Page, username: string, password: string) => signInAt(p, server.baseUrl, username, password);

/** Runs part of a flow as a second visitor in a browser context of its own (screenshot kept if it fails). */
async function asSecondVisitor(name: string, work: (p: Page) => Promise<void>) {
  const { context: other, page: p } = await openPage(browser);
  p.on('pageerror', (e) => pageErrors.push(String(e)));
  try {
    await work(p);
  } catch (e) {
    await p.screenshot({ path: `/tmp/kechuang-e2e-transfer-${name}.png`, fullPage: true }).catch(() => undefined);
    throw e;
  } finally {
    await other.close();
  }
}

describe('technology transfer', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ({ context, page } = await openPage(browser));
    page.on('pageerror', (e) => pageErrors.push(String(e)));
  });

  afterEach((ctx) => screenshotOnFailure(page, 'transfer', ctx));

  afterAll(() => closeAll(context, browser, server));

  it('signs in as admin and creates a published offer through the API', async () => {
    await signIn(page, 'admin', 'kechuang-admin');

    const orgs = await api<{ items: { id: number; name_zh: string }[] }>(page, 'GET', '/api/organizations?limit=5');
    // Not the demo org user's organisation: that user plays the outside party who accepts an NDA below.
    const org = orgs.items.find((o) => !o.name_zh.includes('科近泰基'))!;
    expect(org).toBeTruthy();
    orgId = org.id;
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
    // A registered expert on the same technology, written in Traditional Chinese.
    await api(page, 'POST', '/api/people', {
      name_zh: EXPERT_NAME, zone_id: (org as { zone_id?: number }).zone_id ?? (await api<{ zone_id: number }>(page, 'GET', `/api/organizations/${org.id}`)).zone_id,
      organization_id: org.id, title: '正高級工程師', title_en: 'Senior Engineer', fields: ['新材料', '高頻銅箔'], is_expert: true,
      bio: '從事5G高頻高速電路用超低輪廓電解銅箔與表面處理研究，主持覆銅板用銅箔國產化項目。',
    });
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
    await choose(page, 'organization_id', orgName, orgName.slice(0, 4));
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
    // Registered experts who could meet the demand, with their reasons.
    const expert = page.getByTestId('expert-item').filter({ hasText: EXPERT_NAME });
    await expert.waitFor();
    expect(await expert.getByTestId('expert-why').textContent()).toMatch(/铜箔|copper foil/i);
    // The job title in the reader's language only (issue 12: one language at a time).
    expect(await expert.getByTestId('expert-title').textContent()).toBe('正高級工程師');
    expect(await expert.textContent()).not.toContain('Senior Engineer');
    await page.getByTestId('lang-en').click();
    await expect.poll(() => expert.getByTestId('expert-title').textContent()).toBe('Senior Engineer');
    await page.getByTestId('lang-zh').click();
    await expect.poll(() => expert.getByTestId('expert-title').textContent()).toBe('正高級工程師');
    await page.screenshot({ path: '/tmp/kechuang-transfer-matches.png', fullPage: true });
  });

  it('edits the demand: the form opens with its values and the change shows on its page', async () => {
    await page.getByTestId('demand-edit').click();
    await page.waitForURL(/\/transfer\/demands\/\d+\/edit$/);
    await expect.poll(() => page.locator('#title').inputValue()).toBe(DEMAND_TITLE);
    expect(await page.locator('#decision_owner').inputValue()).toBe('张总工');
    await page.locator('#decision_owner').fill('李副总工');
    await page.getByTestId('demand-save-draft').click();
    await page.waitForURL(/\/transfer\/demands\/\d+$/);
    await page.getByText('李副总工').waitFor();
    await expect.poll(() => page.getByTestId('demand-status').first().textContent()).toBe('已发布');
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
    await choose(page, 'contract_type', '技术转让');
    await page.locator('#contract_amount').fill('260');
    await page.getByTestId('case-move-ok').click();
    await expect.poll(() => page.getByTestId('case-stage').first().textContent()).toBe('已签约');
    expect(await page.getByTestId('case-amount').textContent()).toBe('260');
    // The history lists the three stages entered.
    await expect.poll(() => page.getByTestId('case-history').locator('tbody tr').count()).toBe(3);

    // The signed contract's scan goes onto the case and downloads as it was.
    const scan = Buffer.from('%PDF-1.4\n% 技术转让合同\n%%EOF\n');
    await page.locator('input[type="file"]').setInputFiles({ name: '技术转让合同.pdf', mimeType: 'application/pdf', buffer: scan });
    const link = page.getByTestId('case-files').getByTestId('case-file-link').filter({ hasText: '技术转让合同.pdf' });
    await link.waitFor();
    const href = await link.getAttribute('href');
    const downloaded = await page.request.get(`${server.baseUrl}${href}`);
    expect(downloaded.status()).toBe(200);
    expect(Buffer.from(await downloaded.body()).equals(scan)).toBe(true);

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

    // The zone dashboard shows the same funnel's ends, with the contract signed above in its turnover.
    await page.getByTestId('nav-dashboard').click();
    const card = page.getByTestId('dashboard-transfer');
    await card.waitFor();
    await expect.poll(async () => Number((await card.locator('.ant-statistic-content-value').last().textContent())?.replace(/[^\d.]/g, ''))).toBeGreaterThanOrEqual(260);
    await page.getByTestId('nav-transfer').click();
    expect(pageErrors).toEqual([]);
  });

  it('posts an offer with an NDA-tier field, publishes it and sees the demands it could serve; declines one with a reason', async () => {
    await page.getByTestId('transfer-tab-offers').click();
    await page.waitForURL(/\/transfer\/offers$/);
    await page.getByTestId('offer-new').click();
    await choose(page, 'organization_id', orgName, orgName.slice(0, 4));
    await page.locator('#title').fill(WEB_OFFER_TITLE);
    await page.locator('#summary').fill(
      '面向5G基站天线和毫米波雷达高频覆铜板的超低轮廓电解铜箔表面处理技术：反转处理工艺使表面粗糙度 Rz ≤ 1.2 μm，' +
        '抗剥离强度 ≥ 0.9 N/mm，高频信号插入损耗显著降低，适用于高频高速印制电路板量产，已完成中试。',
    );
    await page.locator('#advantages').fill('相比进口铜箔成本降低 25%，10 GHz 插入损耗降低 18%，保密工艺参数钯钌配方。');
    await page.locator('#ipc_code').fill('H05K 1/09');
    await page.locator('#trl').fill('7');
    await page.locator('#price_expectation').fill('280');
    await page.getByTestId('offer-tiers-toggle').click();
    await page.getByTestId('tier-advantages-nda').click();
    await expect.poll(async () => Number(await page.getByTestId('quality-score').textContent()), { timeout: 15_000 }).toBeGreaterThanOrEqual(60);
    await page.getByTestId('offer-submit').click();
    await page.waitForURL(/\/transfer\/offers\/\d+$/);
    await expect.poll(() => page.getByTestId('offer-title').textContent()).toBe(WEB_OFFER_TITLE);
    await expect.poll(() => page.getByTestId('demand-status').first().textContent()).toBe('已提交');
    await page.getByTestId('quality-panel').waitFor();

    await page.getByTestId('offer-action-publish').click();
    await page.getByTestId('offer-action-ok').click();
    await expect.poll(() => page.getByTestId('demand-status').first().textContent()).toBe('已发布');

    // The reverse match: the demand posted above, with an explanation.
    await page.getByTestId('matches-refresh').click();
    const match = page.getByTestId('match-item').filter({ hasText: DEMAND_TITLE });
    await match.waitFor({ timeout: 20_000 });
    expect((await match.getByTestId('match-why').textContent())?.length ?? 0).toBeGreaterThan(4);

    await match.getByTestId('match-decline').click();
    await choose(page, 'reason', '技术不够成熟');
    await page.getByTestId('decline-ok').click();
    await expect.poll(() => match.getByTestId('match-declined').textContent()).toContain('技术不够成熟');
    await page.getByTestId('transfer-tab-feedback').click();
    await expect.poll(() => page.getByTestId('feedback-table').getByTestId('feedback-reason').first().textContent()).toBe('技术不够成熟');
  });

  it('says "no confident match" for an offer nothing fits', async () => {
    const odd = await api<{ id: number }>(page, 'POST', '/api/offers', { title: 'Xylophone tuning for zebras', summary: 'qwertyuiop zxcvbnm', organization_id: orgId, lang: 'en' });
    await page.goto(`${server.baseUrl}/transfer/offers/${odd.id}`);
    await page.locator('[data-testid="matches-none"], [data-testid="matches-no-confident"]').first().waitFor();
  });

  it('shows the public market to an anonymous visitor, without brokers-only demands, and reveals NDA fields once accepted', async () => {
    const secret = await api<{ id: number }>(page, 'POST', '/api/demands', { title: SECRET_TITLE, description: '铜箔抗拉强度提升', organization_id: orgId, confidentiality: 'brokers_only' });
    await api(page, 'POST', `/api/demands/${secret.id}/status`, { action: 'submit' });
    await api(page, 'POST', `/api/demands/${secret.id}/status`, { action: 'publish', override: true, note: 'e2e' });

    await asSecondVisitor('public-market', async (anon) => {
      await anon.goto(`${server.baseUrl}/listings`);
      await anon.getByTestId('public-listings').waitFor();
      await searchListings(anon, STAMP);
      await anon.getByTestId('public-item').filter({ hasText: DEMAND_TITLE }).waitFor();
      expect(await anon.getByTestId('public-listings').textContent()).not.toContain(SECRET_TITLE);
      await anon.getByTestId('public-tab-offer').click();
      await searchListings(anon, STAMP);
      await anon.getByTestId('public-item-title').filter({ hasText: WEB_OFFER_TITLE }).click();
      await anon.getByTestId('withheld-advantages').waitFor();
      await anon.getByTestId('nda-sign-in').waitFor();
      const offerUrl = anon.url();

      // An organisation user (another organisation) signs in, accepts the NDA and sees the field.
      await signIn(anon, 'orguser', 'kechuang-org');
      await anon.goto(offerUrl);
      await anon.getByTestId('nda-text').waitFor();
      await anon.getByTestId('nda-accept').click();
      await expect.poll(() => anon.getByTestId('field-advantages').textContent()).toContain('钯钌配方');
      expect(await anon.getByTestId('nda-gate').count()).toBe(0);
    });

    // The owner side (a broker here) sees the reveal in the log.
    await page.getByTestId('transfer-tab-offers').click();
    await page.getByTestId('offer-table').getByText(WEB_OFFER_TITLE).click();
    await expect.poll(() => page.getByTestId('reveal-log').textContent()).toContain('orguser');
  });

  it('scores a proposal in an innovation challenge and pairs it with its demand, which opens a case', async () => {
    const demands = await api<{ items: { id: number; zone_id: number }[] }>(page, 'GET', `/api/demands?q=${encodeURIComponent(DEMAND_TITLE)}`);
    const demand = demands.items[0]!;
    const year = new Date().getFullYear();
    const ch = await api<{ id: number }>(page, 'POST', '/api/transfer/challenges', { zone_id: demand.zone_id, title: `高频铜箔揭榜挂帅${STAMP}`, opens_on: `${year}-01-01`, closes_on: `${year}-12-31` });
    await api(page, 'POST', `/api/transfer/challenges/${ch.id}/status`, { status: 'screening' });
    await page.getByTestId('transfer-tab-challenges').click();
    await page.getByTestId('challenge-link').filter({ hasText: STAMP }).click();
    await choose(page, 'attach_demand', DEMAND_TITLE);
    await page.getByTestId('challenge-attach').click();
    await page.getByTestId('challenge-demands').getByText(DEMAND_TITLE).waitFor();
    await page.getByTestId('challenge-advance').click();
    await expect.poll(() => page.getByTestId('challenge-status').textContent()).toBe('已发榜');

    // A proposal entered by the broker for a solver.
    await choose(page, 'proposal_demand', DEMAND_TITLE);
    await choose(page, 'proposal_org', orgName, orgName.slice(0, 4));
    await page.getByTestId('proposal-text').fill('采用反转处理与脉冲电镀工艺制备超低轮廓铜箔，Rz ≤ 1.2 μm。');
    await page.getByTestId('proposal-submit').click();
    await page.getByTestId('proposal-table').getByText('脉冲电镀').waitFor();

    // A solver proposes for its own organisation and sees only its own proposal.
    await asSecondVisitor('solver', async (own) => {
      await signIn(own, 'orguser', 'kechuang-org');
      await own.goto(`${server.baseUrl}/transfer/challenges/${ch.id}`);
      await own.getByTestId('proposal-form').waitFor();
      expect(await own.locator('#proposal_org').count()).toBe(0); // a solver proposes as its own organisation
      await choose(own, 'proposal_demand', DEMAND_TITLE);
      await own.getByTestId('proposal-text').fill('以低温等离子体粗化替代传统粗化工艺，Rz ≤ 1.0 μm，已中试。');
      await own.getByTestId('proposal-submit').click();
      await own.getByTestId('proposal-table').getByText('等离子体粗化').waitFor();
      expect(await own.getByTestId('proposal-table').textContent()).not.toContain('脉冲电镀');
    });
    await page.reload();
    await page.getByTestId('proposal-table').getByText('等离子体粗化').waitFor();

    await page.getByTestId('challenge-advance').click();
    await expect.poll(() => page.getByTestId('challenge-status').textContent()).toBe('评审中');
    const brokersRow = page.getByTestId('proposal-table').locator('tr', { hasText: '脉冲电镀' });
    await brokersRow.getByTestId('proposal-score').click();
    await page.locator('#proposal_score').fill('86');
    await page.locator('#proposal_comment').fill('工艺成熟，指标可达');
    await page.getByTestId('score-ok').click();
    await expect.poll(() => brokersRow.getByTestId('proposal-average').textContent()).toBe('86 (1)');

    await brokersRow.getByTestId('proposal-pair').click();
    await page.getByTestId('pair-ok').click();
    await page.waitForURL(/\/transfer\/cases\/\d+$/);
    await expect.poll(() => page.getByTestId('case-stage').first().textContent()).toBe('已对接');
    await page.goBack();
    await brokersRow.getByTestId('proposal-case').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
