import { rm } from 'node:fs/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db';
import type { Actor } from '../access/actor';
import { AppError, invalid, unauthenticated } from '../http/errors';
import { fieldIssueFromZod, type IssueLike } from '../http/zod-issues';
import { localeFrom } from '../i18n';
import type { JobQueue } from '../jobs/job-queue';
import { allEntities, entityByName } from './registry-of-entities';
import { validateImport } from './record-import';
import { exportRecords } from './record-export';
import { listQuerySchema, toListParams } from './record-routes';
import { streamUpload } from './import-job';
import { presentImportIssues } from './import-messages';
import { importTemplate } from './import-template';

/**
 * The largest file each role may upload for an import: an organisation brings its own records, operators and admins
 * a zone's or the region's. The file is streamed to disk and read from there a batch at a time (file-stream.ts), so
 * memory does not grow with it; the cap bounds disk use and the time a validation takes.
 */
export const UPLOAD_MB: Record<Actor['role'], number> = { org_user: 5, zone_operator: 50, admin: 150 };

/** Import (validate, then commit as a background job) and export of every described entity. */
export function fileRoutes(app: FastifyInstance, db: Db, jobs: JobQueue, actorOf: (req: FastifyRequest) => Actor | null) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const entityNames = allEntities().map((d) => d.name) as [string, ...string[]];

  r.post('/api/imports/:entity', {
    schema: {
      tags: ['import-export'], summary: 'Upload a CSV, XLSX or JSON file (multipart field "file"): validate, or import as a job',
      params: z.object({ entity: z.enum(entityNames) }),
      querystring: z.object({ mode: z.enum(['validate', 'commit', 'valid-only']).default('validate') }),
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    if (!actor) throw unauthenticated();
    const maxMb = UPLOAD_MB[actor.role];
    const file = await req.file({ limits: { fileSize: maxMb * 1024 * 1024 } });
    if (!file) throw new AppError('BAD_FILE', 'problem.file', { reason: 'no file in the multipart field "file"' });
    // The upload goes to disk as it arrives (never whole into memory); the cap is enforced while it streams.
    const path = await streamUpload(file.filename, file.file);
    let keep = false;
    try {
      if (file.file.truncated) throw new AppError('TOO_LARGE', 'problem.fileTooLarge', { max: maxMb });
      const def = entityByName(req.params.entity);
      const locale = localeFrom(req.headers['accept-language']);
      const { report } = await validateImport(db, actor, def, file.filename, { path });
      const presented = { ...report, errors: presentImportIssues(locale, def, report.errors) };
      if (req.query.mode === 'validate') return presented;
      if (req.query.mode === 'commit' && report.errors.length) {
        throw new AppError('IMPORT_INVALID', 'problem.import', { count: new Set(report.errors.map((e) => e.line)).size }, [], { report: presented, errors: presented.errors });
      }
      const job = await jobs.enqueue('import', { entity: def.name, fileName: file.filename, path, mode: req.query.mode, locale, rows: report.rows }, actor.userId);
      keep = true;
      return reply.status(202).send({ job, report: presented });
    } finally {
      if (!keep) await rm(path, { force: true });
    }
  });

  r.get('/api/imports/:entity/template', {
    schema: {
      tags: ['import-export'], summary: 'A file to fill in for an import: column labels in your language (Accept-Language) and one example row',
      params: z.object({ entity: z.enum(entityNames) }),
      querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx'), lang: z.enum(['zh-CN', 'en']).optional().describe('the language of the labels; Accept-Language when absent') }),
    },
  }, async (req, reply) => {
    if (!actorOf(req)) throw unauthenticated();
    const def = entityByName(req.params.entity);
    const locale = req.query.lang ?? localeFrom(req.headers['accept-language']);
    const body = await importTemplate(db, def, locale, req.query.format);
    const types = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
    const name = `${def.name}-template${locale === 'en' ? '' : '-zh'}.${req.query.format}`;
    return reply.header('content-type', types[req.query.format]).header('content-disposition', `attachment; filename="${name}"`).send(body);
  });

  r.get('/api/exports/:entity', {
    schema: {
      tags: ['import-export'], summary: 'Download the records you can see as CSV, XLSX or JSON (same filters as the list)',
      params: z.object({ entity: z.enum(entityNames) }),
      querystring: z.object({ format: z.enum(['csv', 'xlsx', 'json']).default('csv') }).passthrough(),
    },
  }, async (req, reply) => {
    const def = entityByName(req.params.entity);
    // The list's filters depend on the entity, so they are checked here rather than by the route schema.
    const parsed = listQuerySchema(def).safeParse(req.query);
    if (!parsed.success) throw invalid(parsed.error.issues.flatMap((i) => fieldIssueFromZod(i as unknown as IssueLike)).map((i) => ({ ...i, field: `querystring.${i.field}` })));
    const query = parsed.data;
    const body = await exportRecords(db, actorOf(req), def, toListParams(def, query), req.query.format);
    const types = { csv: 'text/csv; charset=utf-8', json: 'application/json', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
    return reply.header('content-type', types[req.query.format])
      .header('content-disposition', `attachment; filename="${def.name}.${req.query.format}"`).send(body);
  });
}
