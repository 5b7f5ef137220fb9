import type { FastifyInstance } from 'fastify';
import { invalid, type FieldIssue } from './errors';
import { hasNul } from './zod-blocks';

/**
 * Checks every JSON body and query string before validation, whatever the route: PostgreSQL text cannot hold a NUL
 * character (it fails as 22021 deep in a query), and no request of this API nests deeper than a few levels (a
 * thousand levels would only cost stack and time). Both are refused as a 400 naming the field.
 */
export const MAX_DEPTH = 32;

export function inputIssues(value: unknown, path: string[] = [], depth = 0): FieldIssue[] {
  const field = path.join('.') || '(body)';
  if (typeof value === 'string') return hasNul(value) ? [{ field, key: 'field.nul' }] : [];
  if (value === null || typeof value !== 'object') return [];
  if (depth >= MAX_DEPTH) return [{ field, key: 'field.tooDeep' }];
  const issues: FieldIssue[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (hasNul(k)) issues.push({ field: [...path, k.replace(/\u0000/g, '\\0')].join('.'), key: 'field.nul' });
    else issues.push(...inputIssues(v, [...path, k], depth + 1));
    if (issues.length >= 20) break;
  }
  return issues;
}

export function registerInputGuards(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const issues = [
      ...inputIssues(req.query).map((i) => ({ ...i, field: `querystring.${i.field}` })),
      ...inputIssues(req.body),
    ];
    if (issues.length) throw invalid(issues);
  });
}
