/**
 * Exact decimals for extracted values: a BigInt coefficient and a power of ten. Figures are scaled by moving the
 * decimal point (8573.9 × 10^4 = 85739000), never by float multiplication, so "8573.9万元" can never become
 * 85738999.99999999.
 */
export interface Dec {
  coef: bigint;
  /** value = coef × 10^exp */
  exp: number;
}

const DECIMAL_RE = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** Parses "1,006.57", "2.1e12", "０.５" is not accepted (fold full-width digits first). Returns undefined for junk. */
export function parseDecimal(text: string | number): Dec | undefined {
  const s = typeof text === 'number' ? numberToPlainString(text) : text.replace(/[,_\s]/g, '');
  const m = DECIMAL_RE.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const fraction = m[3] ?? '';
  const coef = BigInt(`${m[1]}${m[2] || '0'}${fraction}`);
  return normalize({ coef, exp: Number(m[4] ?? 0) - fraction.length });
}

function numberToPlainString(n: number): string {
  if (!Number.isFinite(n)) return 'NaN';
  // String(1e21) is "1e+21", which DECIMAL_RE reads; shortest round-trip digits avoid float artefacts.
  return String(n);
}

function normalize(d: Dec): Dec {
  if (d.coef === 0n) return { coef: 0n, exp: 0 };
  let { coef, exp } = d;
  while (coef % 10n === 0n) {
    coef /= 10n;
    exp += 1;
  }
  return { coef, exp };
}

export function fromBigInt(n: bigint): Dec {
  return normalize({ coef: n, exp: 0 });
}

export function scale(d: Dec, powerOfTen: number): Dec {
  return normalize({ coef: d.coef, exp: d.exp + powerOfTen });
}

export function add(a: Dec, b: Dec): Dec {
  const exp = Math.min(a.exp, b.exp);
  const ca = a.coef * 10n ** BigInt(a.exp - exp);
  const cb = b.coef * 10n ** BigInt(b.exp - exp);
  return normalize({ coef: ca + cb, exp });
}

export function multiply(a: Dec, b: Dec): Dec {
  return normalize({ coef: a.coef * b.coef, exp: a.exp + b.exp });
}

/** Plain decimal string without exponent or trailing zeros: 2.1e12 → "2100000000000", 31.30 → "31.3". */
export function toDecimalString(d: Dec): string {
  const negative = d.coef < 0n;
  const digits = (negative ? -d.coef : d.coef).toString();
  let out: string;
  if (d.exp >= 0) out = digits + '0'.repeat(d.exp);
  else {
    const point = digits.length + d.exp;
    out = point > 0 ? `${digits.slice(0, point)}.${digits.slice(point)}` : `0.${'0'.repeat(-point)}${digits}`;
  }
  return negative ? `-${out}` : out;
}

/** Canonical string of any decimal text or number, or undefined when it is not one (used to compare values). */
export function canonicalDecimal(value: string | number): string | undefined {
  const d = parseDecimal(value);
  return d ? toDecimalString(d) : undefined;
}

export function compareDec(a: Dec, b: Dec): number {
  const exp = Math.min(a.exp, b.exp);
  const ca = a.coef * 10n ** BigInt(a.exp - exp);
  const cb = b.coef * 10n ** BigInt(b.exp - exp);
  return ca < cb ? -1 : ca > cb ? 1 : 0;
}
