import type { FieldIssue } from './errors';
import type { MessageKey } from '../i18n';

/** The parts of a zod issue (or its fastify wrapper) that we turn into a field problem. */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  params?: Record<string, unknown>;
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
  values?: unknown;
  keys?: unknown;
}

const TYPE_NAMES: Record<string, string> = { string: 'text', number: 'a number', int: 'an integer', boolean: 'true or false', array: 'a list', object: 'an object' };

/** Maps one zod issue to a translatable field problem, so every boundary reports bad fields the same way. */
export function fieldIssueFromZod(issue: IssueLike): FieldIssue[] {
  const field = issue.path.map(String).join('.') || '(body)';
  switch (issue.code) {
    case 'invalid_type':
      if (/received undefined/.test(issue.message)) return [{ field, key: 'field.required' }];
      return [{ field, key: 'field.type', params: { type: TYPE_NAMES[String(issue.expected)] ?? String(issue.expected) } }];
    case 'too_small':
      return [issue.origin === 'string'
        ? (Number(issue.minimum) <= 1 ? { field, key: 'field.required' } : { field, key: 'field.type', params: { type: `text of at least ${issue.minimum} characters` } })
        : { field, key: 'field.min', params: { min: String(issue.minimum) } }];
    case 'too_big':
      return [issue.origin === 'string'
        ? { field, key: 'field.maxLength', params: { max: String(issue.maximum) } }
        : { field, key: 'field.max', params: { max: String(issue.maximum) } }];
    case 'invalid_value':
      return [{ field, key: 'field.enum', params: { options: Array.isArray(issue.values) ? issue.values.join(', ') : '' } }];
    case 'unrecognized_keys':
      return (Array.isArray(issue.keys) ? issue.keys : []).map((k) => ({ field: String(k), key: 'field.unknown' as MessageKey, params: { entity: 'this record' } }));
    case 'invalid_format':
      return [{ field, key: 'field.date' }];
    case 'custom': {
      const p = issue.params as { key?: MessageKey; params?: Record<string, string | number> } | undefined;
      if (p?.key) return [{ field, key: p.key, params: p.params }];
      return [{ field, key: 'field.type', params: { type: issue.message } }];
    }
    default:
      return [{ field, key: 'field.type', params: { type: issue.message } }];
  }
}
