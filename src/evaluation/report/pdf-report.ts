/**
 * The PDF report of a zone's evaluation: the web app's evaluation page in print mode
 * (`/evaluation/report?zone=&framework=&year=&print=1&lang=`), opened in headless Debian Chromium through
 * playwright-core and printed with `page.pdf()`. The report is therefore the same page users see — same charts,
 * same drill-down table with provenance — without the controls and with every row open.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export type ReportLang = 'zh-CN' | 'en';

/** Chromium is missing or cannot start: the report cannot be rendered on this machine. */
export class PdfUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfUnavailableError';
  }
}

/** The address of the print-mode page for a zone, framework, year and language. */
export function reportUrl(baseUrl: string, zoneId: number, frameworkId: number, year: number, lang: ReportLang): string {
  const q = new URLSearchParams({ zone: String(zoneId), framework: String(frameworkId), year: String(year), print: '1', lang });
  return `${baseUrl.replace(/\/+$/, '')}/evaluation/report?${q.toString()}`;
}

// A page 1000 CSS px wide printed at 0.72 fits A4 (210 mm − 2 × 10 mm ≈ 718 px), so charts keep their drawn size.
const VIEWPORT_WIDTH = 1000;
const PDF_SCALE = 0.72;

/** `session`: the requester's session cookie, so the printed page shows what they may see. */
export async function renderEvaluationPdf(baseUrl: string, zoneId: number, frameworkId: number, year: number, lang: ReportLang,
  session?: { name: string; value: string }): Promise<Buffer> {
  if (!existsSync(CHROMIUM_PATH)) throw new PdfUnavailableError(`Chromium was not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH); the PDF report cannot be rendered`);
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 60_000 });
  } catch (err) {
    throw new PdfUnavailableError(`Chromium at ${CHROMIUM_PATH} could not be started: ${(err as Error).message.split('\n')[0]}`);
  }
  try {
    const context = await browser.newContext({ viewport: { width: VIEWPORT_WIDTH, height: 1400 }, locale: lang, deviceScaleFactor: 2 });
    if (session) await context.addCookies([{ ...session, url: baseUrl }]);
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(reportUrl(baseUrl, zoneId, frameworkId, year, lang), { waitUntil: 'load' });
    // The page marks itself ready once the evaluation (and the uncertainty analysis) have loaded.
    await page.locator('[data-testid="eval-ready"]').waitFor({ state: 'attached' });
    await page.evaluate(async () => {
      await document.fonts.ready;
      // echarts draws on the next animation frames (lazyUpdate); let them run.
      await new Promise<void>((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 300))));
    });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      scale: PDF_SCALE,
      margin: { top: '10mm', bottom: '12mm', left: '10mm', right: '10mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: '<div style="font-size:8px;width:100%;text-align:center;color:#888"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    });
    return Buffer.from(pdf);
  } finally {
    await browser.close().catch(() => undefined);
  }
}
