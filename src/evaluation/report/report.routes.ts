/**
 * `GET /api/zones/:id/evaluation.pdf?framework=&year=&lang=` — the zone's evaluation as a PDF report, printed by
 * headless Chromium from the web app's own evaluation page (print mode) served by this same server.
 * 503 problem `PDF_UNAVAILABLE` when Chromium is missing or cannot start; an unknown zone or framework gives the
 * evaluation API's own problem (checked first, so no browser is started for it).
 * Renders are queued (two at a time) and cached by the data they print; anonymous callers are rate-limited.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../accounts/accounts.routes';
import { createHash } from 'node:crypto';
import { PdfUnavailableError, renderEvaluationPdf, type ReportLang } from './pdf-report';
import { RenderQueue, ReportBusyError } from './render-queue';

const params = z.object({ id: z.coerce.number().int().positive() });
const query = z.object({
  framework: z.coerce.number().int().positive(),
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  lang: z.enum(['zh-CN', 'en']).optional(),
});

function langOf(q: string | undefined, acceptLanguage: string | undefined): ReportLang {
  if (q === 'en' || q === 'zh-CN') return q;
  return acceptLanguage && /^en\b/i.test(acceptLanguage) ? 'en' : 'zh-CN';
}

const ANONYMOUS_REPORTS_PER_MINUTE = 6;

export function reportRoutes(app: FastifyInstance, queue = new RenderQueue()) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/zones/:id/evaluation.pdf', {
    config: {
      rateLimit: {
        max: ANONYMOUS_REPORTS_PER_MINUTE, timeWindow: '1 minute',
        // Signed-in users are known and accountable; the limit is for anonymous downloads by address.
        allowList: (req) => Boolean(req.cookies[SESSION_COOKIE]),
      },
    },
    schema: {
      tags: ['evaluation'],
      summary: 'The zone evaluation as a PDF report (the evaluation page printed by headless Chromium)',
      params,
      querystring: query,
    },
  }, async (req, reply) => {
    const baseUrl = `http://127.0.0.1:${req.socket.localPort}`;
    const year = req.query.year ?? new Date().getFullYear() - 1;
    const lang = langOf(req.query.lang, req.headers['accept-language']);
    // Check the zone and framework with the JSON API first: its problems are clearer than a PDF of an error page.
    // The page is printed with the requester's session, so the report shows what they may see (unpublished values
    // of their own zone) and nothing more.
    const session = req.cookies[SESSION_COOKIE];
    const check = await fetch(`${baseUrl}/api/zones/${req.params.id}/evaluation?framework=${req.query.framework}&year=${year}`,
      { headers: { 'accept-language': lang, ...(session ? { cookie: `${SESSION_COOKIE}=${session}` } : {}) } });
    if (!check.ok) {
      return reply.status(check.status).type(check.headers.get('content-type') ?? 'application/problem+json').send(await check.text());
    }
    // The page prints exactly this evaluation, so its hash names the report: new data, new report.
    const evaluation = await check.text();
    const key = createHash('sha256').update(`${req.params.id}|${req.query.framework}|${year}|${lang}|`).update(evaluation).digest('hex');
    try {
      const pdf = await queue.render(key, () => renderEvaluationPdf(baseUrl, req.params.id, req.query.framework, year, lang,
        session ? { name: SESSION_COOKIE, value: session } : undefined));
      return reply.type('application/pdf')
        .header('content-disposition', `attachment; filename="evaluation-${req.params.id}-${year}.pdf"`)
        .send(pdf);
    } catch (err) {
      if (err instanceof ReportBusyError) {
        return reply.status(503).header('retry-after', '10').type('application/problem+json').send({
          type: 'https://kechuang.dev/problems/report_busy',
          title: lang === 'en' ? 'Many reports are being prepared; try again in a few seconds' : '正在生成的报告较多，请几秒后重试',
          status: 503,
          code: 'REPORT_BUSY',
        });
      }
      if (err instanceof PdfUnavailableError) {
        req.log.warn({ err }, 'PDF report unavailable');
        return reply.status(503).type('application/problem+json').send({
          type: 'https://kechuang.dev/problems/pdf_unavailable',
          title: lang === 'en' ? 'The PDF report is not available on this server' : '服务器无法生成 PDF 报告',
          status: 503,
          code: 'PDF_UNAVAILABLE',
          detail: err.message,
        });
      }
      throw err;
    }
  });
}
