import { z } from 'zod';

/**
 * Zod building blocks for what reaches the database, so that a value PostgreSQL would refuse (a number beyond a
 * column's range, 31 February, a NUL character) is refused first, as a 400 naming the field, instead of a 500.
 */

/** PostgreSQL `integer` (int4) range. */
export const INT4_MAX = 2_147_483_647;
export const INT4_MIN = -2_147_483_648;
/** Ids are int8 in the database; JavaScript numbers are exact up to 2^53 − 1, far below int8's limit. */
export const ID_MAX = Number.MAX_SAFE_INTEGER;

/** True for a real calendar date written YYYY-MM-DD (2024-02-29 yes, 2023-02-29 and 2024-02-31 no). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  // Day 0 of the next month is the last day of this one (UTC, so no time zone shifts it).
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

export const hasNul = (value: string) => value.includes('\u0000');

/** A date YYYY-MM-DD that exists in the calendar. */
export const calendarDate = () =>
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine(isCalendarDate, { params: { key: 'field.dateInvalid' } });

/** Text without NUL characters (PostgreSQL text cannot hold them). */
export const safeText = () => z.string().refine((v) => !hasNul(v), { params: { key: 'field.nul' } });

/** An integer that fits a PostgreSQL integer column. */
export const int4 = () => z.number().int().min(INT4_MIN).max(INT4_MAX);

/** A record id in a body. */
export const dbId = () => z.number().int().positive().max(ID_MAX);

/** A record id in a path or query string (coerced from text). */
export const dbIdParam = () => z.coerce.number().int().positive().max(ID_MAX);

/** An integer in a query string that fits a PostgreSQL integer column. */
export const int4Param = () => z.coerce.number().int().min(INT4_MIN).max(INT4_MAX);

/** The `version` a client read, sent back with a change (an int4 column). */
export const versionField = () => z.number().int().positive().max(INT4_MAX).describe('The version you read; a newer version on the server means a conflict');
