import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z, ZodError } from 'zod';
import { localeFrom, translate, type Locale } from '../i18n';
import { AppError, invalid, type FieldIssue } from './errors';
import { databaseError } from './database-errors';
import { fieldIssueFromZod, type IssueLike } from './zod-issues';

/** The one place where errors become RFC 7807 problem documents, in the caller's language. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: { field: string; message: string }[];
  [extra: string]: unknown;
}

/** The problem document as a schema, for the OpenAPI document's 4xx responses (src/shared/http/openapi.ts). */
export const problemSchema = z.object({
  type: z.string().describe('A URI naming the kind of problem, e.g. https://kechuang.dev/problems/validation'),
  title: z.string().describe('What went wrong, in the language of Accept-Language (zh-CN or en)'),
  status: z.number().int().describe('The HTTP status code'),
  code: z.string().describe('VALIDATION, NOT_FOUND, CONFLICT, UNAUTHENTICATED, FORBIDDEN, CSRF, BAD_LOGIN, RATE_LIMITED, DUPLICATE, IMPORT_INVALID or BAD_FILE'),
  detail: z.string().optional(),
  errors: z.array(z.object({ field: z.string().describe('Dotted path of the field, e.g. querystring.from'), message: z.string() })).optional()
    .describe('One entry per field that is wrong'),
}).catchall(z.unknown()).describe('RFC 7807 problem document');

export function issuesToErrors(locale: Locale, issues: readonly FieldIssue[]) {
  return issues.map((i) => ({ field: i.field, message: `${i.field}: ${translate(locale, i.key, i.params)}` }));
}

export function problemOf(err: AppError, locale: Locale): Problem {
  const title = translate(locale, err.key, err.params);
  const problem: Problem = { type: `https://kechuang.dev/problems/${err.code.toLowerCase()}`, title, status: err.status, code: err.code, detail: title, ...err.extra };
  if (err.issues.length) {
    problem.errors = issuesToErrors(locale, err.issues);
    problem.detail = problem.errors.map((e) => e.message).join('; ');
  }
  return problem;
}

function toAppError(err: FastifyError): AppError | undefined {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues = err.validation.flatMap((v) =>
      fieldIssueFromZod({
        ...(v.params as Record<string, unknown>),
        code: v.keyword,
        path: v.instancePath.split('/').filter(Boolean),
        message: v.message ?? '',
      } as IssueLike));
    const where = (err as { validationContext?: string }).validationContext;
    return new AppError('VALIDATION', 'problem.validation', {}, where && where !== 'body' ? issues.map((i) => ({ ...i, field: `${where}.${i.field}` })) : issues);
  }
  // A schema parsed inside a handler (not by the route's own validation): the same field problems.
  if (err instanceof ZodError) return invalid(err.issues.flatMap((i) => fieldIssueFromZod(i as unknown as IssueLike)));
  // A cut-off or malformed upload (busboy's errors carry no status): the file is what is wrong.
  if (/multipart|Boundary not found/i.test(err.message) && !err.statusCode) {
    return new AppError('BAD_FILE', 'problem.file', { reason: err.message }, [{ field: 'file', key: 'problem.file', params: { reason: err.message } }]);
  }
  const fromDatabase = databaseError(err);
  if (fromDatabase) return fromDatabase;
  if (err.statusCode === 429) return new AppError('RATE_LIMITED', 'problem.rateLimited', { seconds: 60 });
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (err.statusCode === 400 && err.code?.startsWith('FST_'))) {
    return new AppError('VALIDATION', 'problem.validation', {}, [{ field: '(body)', key: 'field.type', params: { type: err.message } }]);
  }
  return undefined;
}

export function sendProblem(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const locale = localeFrom(request.headers['accept-language']);
  const appError = toAppError(err);
  if (!appError) {
    request.log.error({ err }, 'unhandled error');
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    return reply.status(status).type('application/problem+json').send({
      type: 'about:blank', title: status === 500 ? translate(locale, 'problem.internal') : err.message, status, code: status === 500 ? 'INTERNAL' : err.code ?? 'ERROR',
    });
  }
  return reply.status(appError.status).type('application/problem+json').send(problemOf(appError, locale));
}
