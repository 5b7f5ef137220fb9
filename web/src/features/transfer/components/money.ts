// Money in integer fen (分), as the API sends it: formatted and parsed with integer arithmetic, never binary fractions.

/** "¥228,000,000" or "¥12.50" (fen → yuan with grouping; the cents only when there are any). */
export function formatFen(fen: number | null | undefined, locale: string): string {
  if (fen == null) return '—';
  const big = BigInt(Math.trunc(fen));
  const sign = big < 0n ? '-' : '';
  const abs = big < 0n ? -big : big;
  const yuan = new Intl.NumberFormat(locale).format(abs / 100n);
  const cents = abs % 100n;
  return `${sign}¥${yuan}${cents ? `.${cents.toString().padStart(2, '0')}` : ''}`;
}

/** A decimal yuan amount as typed ("228000000", "12.5") → integer fen; null when empty or not a plain amount. */
export function yuanToFen(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || String(value).trim() === '') return null;
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(value).trim());
  if (!m) return null;
  const fen = BigInt(m[1]!) * 100n + BigInt((m[2] ?? '').padEnd(2, '0') || '0');
  return fen <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(fen) : null;
}

/** Integer fen → the decimal yuan string a form shows. */
export function fenToYuan(fen: number | null | undefined): string | null {
  if (fen == null) return null;
  const big = BigInt(Math.trunc(fen));
  const cents = big % 100n;
  return `${big / 100n}${cents ? `.${cents.toString().padStart(2, '0')}` : ''}`;
}
