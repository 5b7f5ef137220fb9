import { AppError, type FieldIssue } from './errors';

/**
 * PostgreSQL errors caused by the data a caller sent, as field problems (400, or 409 for a duplicate). Validation
 * should have caught them; this is the net under it, so that no bad value ever comes back as a 500. The field is
 * named when the database names it (the column of a not-null or key violation), otherwise "(value)".
 */
interface PgError {
  code?: string;
  column?: string;
  constraint?: string;
  detail?: string;
}

// Keys of zone-owned tables lead with zone_id (migrations/030): the column to name is the one beside it.
const keyColumn = (e: PgError) => {
  const columns = /\(([\w, ]+)\)=/.exec(e.detail ?? '')?.[1]?.split(',').map((c) => c.trim());
  const named = columns && columns.length > 1 ? columns.filter((c) => c !== 'zone_id') : columns;
  return named?.length === 1 ? named[0] : undefined;
};

export function databaseError(err: unknown): AppError | undefined {
  const e = err as PgError;
  if (typeof e?.code !== 'string' || !/^[0-9A-Z]{5}$/.test(e.code)) return undefined;
  const one = (field: string, issue: Omit<FieldIssue, 'field'>) => new AppError('VALIDATION', 'problem.validation', {}, [{ field, ...issue }]);
  if (e.code === '23505') {
    const field = keyColumn(e) ?? e.constraint ?? 'code';
    return new AppError('DUPLICATE', 'problem.duplicate', { field }, [{ field, key: 'problem.duplicate', params: { field } }]);
  }
  if (e.code === '23503') {
    const field = keyColumn(e) ?? 'reference';
    return new AppError('VALIDATION', 'problem.reference', { field }, [{ field, key: 'problem.reference', params: { field } }]);
  }
  if (e.code === '23502') return one(e.column ?? '(value)', { key: 'field.required' });
  if (e.code === '23514') return one(e.column ?? e.constraint ?? '(value)', { key: 'field.dbValue' });
  // Class 22 is "data exception": out of range (22003), bad text for a type (22P02), impossible date (22008),
  // NUL or bad encoding (22021), string too long (22001) …; 54000 is a value too large for an index.
  if (e.code.startsWith('22') || e.code === '54000') return one(e.column ?? '(value)', { key: 'field.dbValue' });
  return undefined;
}
