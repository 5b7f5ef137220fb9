/**
 * CSV cells that a spreadsheet would run as a formula (=, +, -, @, tab or CR first) are prefixed with an apostrophe
 * (OWASP "CSV injection"). Plain numbers such as -5 or +3.2 stay as they are, so exports still round-trip.
 */
export const FORMULA_START = /^(?:[=@\t\r]|[+-](?!\d[\d.,]*$))/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One CSV cell: formula-neutralised, quoted when it holds a comma, quote or line break. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = neutraliseFormula(String(value));
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
