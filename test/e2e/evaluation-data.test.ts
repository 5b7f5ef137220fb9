// End-to-end: evaluation data from the evaluation page in Chromium. A zone operator (on a 390 px phone) enters an
// official statistic with its source (a bad address is refused by the server and shown on its field), then finds the
// value with its source under the indicator; the operator sees no weight or recompute controls. An admin copies a
// built-in framework, changes a dimension weight (the score changes), meets a concurrent edit (409: message, reload),
// and recomputes the zone's values.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chooseOption, closeAll, launchBrowser, openPage, screenshotOnFailure, signIn, startServer, type RunningServer } from './harness';

const YEAR = 2024;

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

interface Fw { id: number; code: string; version: number; nodes: { code: string; parent_code: string | null; level: number; indicator_code: string | null; weight: number; name_zh: string; name_en: string | null; description: string | null }[] }
let frameworks: { id: number; code: string }[];
const fwId = (code: string) => frameworks.find((f) => f.code === code)!.id;

async function apiLogin(username: string, password: string) {
  const res = await fetch(`${server.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(res.status).toBe(200);
  const token = /kc_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!;
  const body = (await res.json()) as { csrfToken: string; user: { zone_id: number | null } };
  return { token, csrf: body.csrfToken, zoneId: body.user.zone_id };
}

async function api<T>(who: { token: string; csrf: string }, method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method, headers: { 'content-type': 'application/json', cookie: `kc_session=${who.token}`, 'x-csrf-token': who.csrf }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json().catch(() => null)) as T };
}

/** The input of an antd InputNumber by its test id (on the input itself or on its wrapper, as antd places it). */
const numInput = (p: Page, id: string) => p.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

async function ready(p: Page) {
  await p.getByTestId('eval-ready').waitFor({ state: 'attached', timeout: 60_000 });
}

/** Opens the tree rows down to an indicator and its data drawer. */
async function openIndicator(p: Page, fw: Fw, code: string) {
  const chain: string[] = [];
  for (let n = fw.nodes.find((x) => x.code === code)!; n.parent_code; n = fw.nodes.find((x) => x.code === n.parent_code)!) chain.unshift(n.parent_code);
  for (const c of chain) {
    const icon = p.locator(`[data-testid="eval-row-${c}"] .ant-table-row-expand-icon-collapsed`);
    if (await icon.count()) await icon.click();
  }
  await p.getByTestId(`eval-open-${code}`).click();
  await p.getByTestId('eval-indicator-data').waitFor();
}

describe('evaluation data: values with sources, weights, recomputation', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    frameworks = ((await (await fetch(`${server.baseUrl}/api/frameworks`)).json()) as { items: typeof frameworks }).items;
  });
  afterEach(async (ctx) => {
    await screenshotOnFailure(page, 'evaluation-data', ctx);
    await context?.close().catch(() => undefined);
  });
  afterAll(async () => {
    await closeAll(undefined, browser, server);
  });

  it('a zone operator enters a value with its source and finds it under the indicator; no admin controls', async () => {
    const op = await apiLogin('operator', 'kechuang-operator');
    expect(op.zoneId).not.toBeNull();
    const fw = (await api<Fw>(op, 'GET', `/api/frameworks/${fwId('torch-2021')}`)).json;
    const entered = (await api<{ items: { code: string; name_zh: string; unit: string; typical_min: number | null; typical_max: number | null }[] }>(op, 'GET', '/api/indicators?kind=entered')).json.items;
    const ind = entered.find((i) => fw.nodes.some((n) => n.indicator_code === i.code))!;
    expect(ind).toBeTruthy();
    const value = ind.typical_min !== null && ind.typical_max !== null ? Number(((ind.typical_min + ind.typical_max) / 2).toFixed(ind.unit === 'count' ? 0 : 2))
      : ind.unit === 'share' ? 0.42 : 42;

    context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await signIn(page, server.baseUrl, 'operator', 'kechuang-operator');
    await page.goto(`${server.baseUrl}/evaluation?zone=${op.zoneId}&framework=${fwId('torch-2021')}&year=${YEAR}`);
    await ready(page);
    await page.getByTestId('eval-enter-value').waitFor();
    expect(await page.getByTestId('eval-weights').count()).toBe(0);
    expect(await page.getByTestId('eval-recompute').count()).toBe(0);

    await page.getByTestId('eval-enter-value').click();
    await page.getByTestId('eval-enter-form').waitFor();
    await chooseOption(page, 'indicator', ind.name_zh, ind.name_zh);
    await numInput(page, 'eval-enter-val').fill(String(value));
    await page.getByTestId('eval-enter-source-title').fill('兰州新区2024年国民经济和社会发展统计公报');
    await page.getByTestId('eval-enter-source-url').fill('not-an-address');
    await page.getByTestId('eval-enter-quote').fill('全年实现地区生产总值增长');
    // The modal fits the phone's width.
    const box = await page.locator('.ant-modal').boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);
    await page.getByTestId('eval-enter-save').click();
    // The server's message lands on the address field.
    const urlError = page.locator('.ant-form-item:has([data-testid="eval-enter-source-url"]) .ant-form-item-explain-error');
    await urlError.waitFor();
    expect(await urlError.textContent()).toMatch(/网址|http/);

    await page.getByTestId('eval-enter-source-url').fill('https://www.lzxq.gov.cn/tjgb/2024.html');
    await page.getByTestId('eval-enter-save').click();
    await page.getByTestId('eval-enter-form').waitFor({ state: 'detached' });

    const stored = (await api<{ items: { value: number; origin: string; provenance: Record<string, unknown> }[] }>(op, 'GET', `/api/indicator-values?zone=${op.zoneId}&indicator=${ind.code}&from=${YEAR}&to=${YEAR}`)).json.items;
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ value, origin: 'entered', provenance: { source_title: '兰州新区2024年国民经济和社会发展统计公报', source_url: 'https://www.lzxq.gov.cn/tjgb/2024.html', quote: '全年实现地区生产总值增长' } });

    // In the evaluation: the indicator's data shows the value and its source with the quote.
    await openIndicator(page, fw, ind.code);
    expect(Number((await page.getByTestId('eval-data-value').textContent())!.replace(/,/g, ''))).toBeCloseTo(value, 3);
    expect(await page.getByTestId('eval-data-origin').textContent()).toBe('人工录入的统计数据');
    expect(await page.getByTestId('eval-data-source').textContent()).toContain('兰州新区2024年国民经济和社会发展统计公报');
    expect(await page.getByTestId('eval-data-quote').textContent()).toContain('全年实现地区生产总值增长');
    // The same indicator can be corrected from its drawer.
    await page.getByTestId(`eval-enter-${ind.code}`).waitFor();
    // The server refuses the admin actions to an operator as well.
    expect((await api(op, 'POST', '/api/indicator-values/compute', { zones: [op.zoneId], years: YEAR })).status).toBe(403);
    expect((await api(op, 'PATCH', `/api/frameworks/${fwId('torch-2021')}`, { version: 1 })).status).toBe(403);
    expect(pageErrors).toEqual([]);
  });

  it('an admin changes a weight (the score changes), meets a concurrent edit, and recomputes', async () => {
    const admin = await apiLogin('admin', 'kechuang-admin');
    const zones = (await (await fetch(`${server.baseUrl}/api/zones?limit=100`)).json()) as { items: { id: number; code: string; kind: string }[] };
    const zone = zones.items.find((z) => z.code === 'LZHTZ') ?? zones.items.find((z) => z.kind === 'national_hightech_zone')!;
    ({ context, page } = await openPage(browser));
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await signIn(page, server.baseUrl, 'admin', 'kechuang-admin');
    await page.goto(`${server.baseUrl}/evaluation?zone=${zone.id}&framework=${fwId('zone-starter')}&year=${YEAR}`);
    await ready(page);
    const score = () => page.locator('[data-testid="eval-score"] .ant-statistic-content').textContent();
    const before = await score();
    expect(before).toMatch(/\d/);

    // A built-in framework is copied first; the page switches to the copy.
    await page.getByTestId('eval-weights').click();
    await page.getByTestId('eval-weights-copy').click();
    await page.waitForURL((u) => u.searchParams.get('framework') !== String(fwId('zone-starter')));
    const copyId = Number(new URL(page.url()).searchParams.get('framework'));
    await numInput(page, 'eval-weight-S_INPUT').waitFor();
    await ready(page);
    expect(await score()).toBe(before);

    // A concurrent edit (the same weights saved through the API) makes the editor's version stale: 409, reload.
    const copy = (await api<Fw>(admin, 'GET', `/api/frameworks/${copyId}`)).json;
    await numInput(page, 'eval-weight-S_INPUT').fill('5');
    const bump = await api<Fw>(admin, 'PATCH', `/api/frameworks/${copyId}`, { version: copy.version, description: 'changed elsewhere' });
    expect(bump.status).toBe(200);
    await page.getByTestId('eval-weights-save').click();
    await page.getByText('其他人刚修改了此框架').waitFor();
    await page.getByText(`版本 ${bump.json.version}`).waitFor();
    expect(Number(await numInput(page, 'eval-weight-S_INPUT').inputValue())).toBe(1);

    await numInput(page, 'eval-weight-S_INPUT').fill('5');
    await page.getByTestId('eval-weights-sum-STARTER').filter({ hasText: '7' }).waitFor();
    await page.getByTestId('eval-weights-save').click();
    await page.getByTestId('eval-weights-drawer').waitFor({ state: 'hidden' });
    await expect.poll(score, { timeout: 30_000 }).not.toBe(before);
    const saved = (await api<Fw>(admin, 'GET', `/api/frameworks/${copyId}`)).json;
    expect(saved.nodes.find((n) => n.code === 'S_INPUT')!.weight).toBe(5);

    // Recomputation of the zone's registry values for two years, with its result.
    await page.getByTestId('eval-recompute').click();
    await numInput(page, 'eval-recompute-from').fill(String(YEAR - 1));
    await page.getByTestId('eval-recompute-run').click();
    const result = page.getByTestId('eval-recompute-result');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.textContent()).toMatch(/已重新计算 \d+ 个指标/);
    expect(pageErrors).toEqual([]);
  });
});
