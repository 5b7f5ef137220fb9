/**
 * Typed failures of the composite engine. Every problem that would otherwise turn into a NaN,
 * an Infinity or a silent 0 in a result is raised as a CompositeError with a stable `code`
 * (for programs) and the offending name (for people), so callers can report it precisely.
 */
export type CompositeErrorCode =
  | 'FRAMEWORK_CYCLE'
  | 'UNKNOWN_PARENT'
  | 'LEVEL_MISMATCH'
  | 'DUPLICATE_CODE'
  | 'EMPTY_AGGREGATE'
  | 'NO_ROOT'
  | 'NEGATIVE_WEIGHT'
  | 'ZERO_WEIGHT_SUM'
  | 'INVALID_WEIGHT'
  | 'UNKNOWN_WEIGHT_CODE'
  | 'MISSING_INDICATOR_COLUMN'
  | 'INDICATOR_NO_DATA'
  | 'UNIT_NO_DATA'
  | 'DIVISION_BY_ZERO'
  | 'MISSING_DENOMINATOR'
  | 'UNKNOWN_GROUP_COLUMN'
  | 'MISSING_TIME'
  | 'CONSTANT_INDICATOR'
  | 'NON_POSITIVE_VALUE'
  | 'ZERO_VALUE'
  | 'MISSING_TARGET'
  | 'UNKNOWN_REFERENCE_UNIT'
  | 'INVALID_METHOD'
  | 'TOO_FEW_VALUES';

export class CompositeError extends Error {
  readonly code: CompositeErrorCode;
  /** The indicator, aggregate, unit, group or field the problem is about. */
  readonly subject: string;

  constructor(code: CompositeErrorCode, subject: string, message: string) {
    super(`${code} (${subject}): ${message}`);
    this.name = 'CompositeError';
    this.code = code;
    this.subject = subject;
  }
}

export function isCompositeError(e: unknown): e is CompositeError {
  return e instanceof CompositeError;
}
