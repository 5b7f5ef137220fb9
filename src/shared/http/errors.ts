import type { MessageKey } from '../i18n';

/** A field-level problem: which field (dotted path, or the column name in an import) and a message key. */
export interface FieldIssue {
  field: string;
  key: MessageKey;
  params?: Record<string, string | number>;
}

export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CSRF'
  | 'BAD_LOGIN'
  | 'RATE_LIMITED'
  | 'DUPLICATE'
  | 'IMPORT_INVALID'
  | 'BAD_FILE'
  | 'TOO_LARGE';

const statusOf: Record<ErrorCode, number> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  BAD_LOGIN: 401,
  RATE_LIMITED: 429,
  DUPLICATE: 409,
  IMPORT_INVALID: 400,
  BAD_FILE: 400,
  TOO_LARGE: 413,
};

/**
 * The one error type that crosses layers. Services throw it; the HTTP layer turns it into a problem document
 * (src/shared/http/problem.ts) and the CLI into a message and exit code.
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly issues: FieldIssue[] = [],
    /** Extra machine-readable detail, e.g. the rows of an import report. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(`${code}: ${key} ${JSON.stringify(params)}`);
    this.status = statusOf[code];
  }
}

export const invalid = (issues: FieldIssue[]) => new AppError('VALIDATION', 'problem.validation', {}, issues);
export const notFound = (entity: string, id: string | number) => new AppError('NOT_FOUND', 'problem.notFound', { entity, id });
export const forbidden = (key: MessageKey, params: Record<string, string | number> = {}) =>
  new AppError('FORBIDDEN', key, params);
export const unauthenticated = () => new AppError('UNAUTHENTICATED', 'problem.unauthenticated');
