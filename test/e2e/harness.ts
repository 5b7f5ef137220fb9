// Shared set-up for the end-to-end tests: build the web app if needed, start the server on a free port with a
// fresh data folder, wait for /api/health, and drive Debian's Chromium through playwright-core.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { freePort } from '../helpers/free-port';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
// The same Chromium and flags as the product's PDF reports (no network, no background services).
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/evaluation/report/pdf-report';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export function ensureWebBuilt(): void {
  if (existsSync(join(ROOT, 'web/dist/index.html'))) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
    // vitest sets NODE_ENV=test, which would make Vite produce a development bundle
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

export { freePort };

async function waitForHealth(baseUrl: string, timeoutMs: number, child?: ChildProcess, log?: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}\n${log?.() ?? ''}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) {
        const body = (await res.json()) as { status?: string };
        if (body.status === 'ok') return;
        last = JSON.stringify(body);
      } else last = `HTTP ${res.status}`;
    } catch (e) {
      last = String(e);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms (${last})\n${log?.() ?? ''}`);
}

export interface RunningServer {
  baseUrl: string;
  stop: () => Promise<void>;
}

/**
 * The real server (`node bin/kechuang.mjs serve`) with a fresh temporary embedded database.
 */
export async function startServer(): Promise<RunningServer> {
  ensureWebBuilt();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'kechuang-e2e-'));
  let output = '';
  const child = spawn(process.execPath, [join(ROOT, 'bin/kechuang.mjs'), 'serve', '--port', String(port), '--data-dir', dataDir], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: false,
  });
  const keep = (b: Buffer) => {
    output = (output + b.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise<void>((ok) => {
        const t = setTimeout(() => {
          if (child.exitCode === null) child.kill('SIGKILL');
          ok();
        }, 10_000);
        child.once('exit', () => {
          clearTimeout(t);
          ok();
        });
      });
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, 120_000, child, () => output);
  } catch (e) {
    await stop();
    throw e;
  }
  return { baseUrl, stop };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A desktop-sized page in a fresh context, in Chinese unless asked otherwise, waiting up to 20 s per step. */
export async function openPage(browser: Browser, locale: 'zh-CN' | 'en' = 'zh-CN'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { context, page };
}

/** Saves a full-page screenshot when a test fails, and says where (use in afterEach). */
export async function screenshotOnFailure(page: Page | undefined, prefix: string, ctx: { task: { name: string; result?: { state?: string } } }) {
  if (ctx.task.result?.state !== 'fail' || !page) return;
  const file = `/tmp/kechuang-e2e-${prefix}-${ctx.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}.png`;
  await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
  console.log(`screenshot of the failure: ${file}`);
}

/** Closes the browser and stops the server (use in afterAll). */
export async function closeAll(context: BrowserContext | undefined, browser: Browser | undefined, server: RunningServer | undefined) {
  await context?.close().catch(() => undefined);
  await browser?.close().catch(() => undefined);
  await server?.stop();
}

/**
 * Picks an option in the antd Select whose input has the given id (a form field name), and checks that the choice
 * took: a select that loads its options from the server may re-render them under the click, so it tries again.
 */
export async function chooseOption(p: Page, inputId: string, optionText?: string | RegExp, search?: string) {
  const input = p.locator(`#${inputId}`);
  // antd 6 marks a single select holding a value with `-content-has-value` (multiple selects render items).
  const chosen = p.locator(`.ant-select:has(#${inputId}) :is(.ant-select-content-has-value, .ant-select-selection-item)`);
  for (let attempt = 1; ; attempt++) {
    await input.click();
    if (search) await input.fill(search);
    const options = p.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    const option = optionText ? options.filter({ hasText: optionText }).first() : options.first();
    await option.waitFor({ state: 'visible', timeout: 15_000 });
    await option.click();
    const took = await chosen.first().waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false);
    if (took || attempt === 3) return;
  }
}

/** Calls the API with the page's session (and its CSRF token for writes); throws on a non-2xx answer. */
export async function apiAs<T>(p: Page, baseUrl: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const me = (await (await p.request.get(`${baseUrl}/api/auth/me`)).json()) as { csrfToken: string };
  const res = method === 'GET'
    ? await p.request.get(`${baseUrl}${path}`)
    : await p.request.post(`${baseUrl}${path}`, { headers: { 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' }, data: body ?? {} });
  const text = await res.text();
  if (!res.ok()) throw new Error(`${method} ${path} → ${res.status()}: ${text}`);
  return JSON.parse(text) as T;
}

/** Signs in through the login page and waits until the header shows the user. */
export async function signIn(p: Page, baseUrl: string, username: string, password: string) {
  await p.goto(`${baseUrl}/login`);
  // The first page load after the server starts can be slow on a busy machine.
  await p.getByTestId('login-username').waitFor({ timeout: 60_000 });
  await p.getByTestId('login-username').fill(username);
  await p.getByTestId('login-password').fill(password);
  await p.getByTestId('login-submit').click();
  await p.getByTestId('current-user').waitFor();
}
