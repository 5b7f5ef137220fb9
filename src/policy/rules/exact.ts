/**
 * Exact arithmetic for the rule engine. Amounts become integers in micro-units of the input unit (fen when the unit
 * is 万元); ratios stay as integer pairs and are compared by cross-multiplication, with a BigInt fallback when a
 * product leaves the range where doubles hold integers exactly. No binary-float rounding can flip a threshold.
 */

export const SCALE = 1_000_000;
const SAFE = 9_007_199_254_740_992; // 2^53

/** A non-negative-denominator rational. Plain numbers on the hot path; bigint only when a value outgrew 2^53. */
export interface Rat {
  n: number | bigint;
  d: number | bigint;
}

/** A validated amount (≤ 6 decimals, |x| ≤ 2e9) to exact micro-units. Exact because the double's error is far below 0.5 µ-unit. */
export function toMicro(value: number): number {
  return Math.round(value * SCALE);
}

export function rat(n: number | bigint, d: number | bigint): Rat {
  return { n, d };
}

/** Parses a decimal string ("0.05", "20000", "-1.5", "2/3") into an exact rational. */
export function parseDecimal(text: string): Rat {
  const fraction = /^(-?\d+)\/(\d+)$/.exec(text);
  if (fraction) return { n: Number(fraction[1]), d: Number(fraction[2]) };
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new Error(`not a decimal number: "${text}"`);
  const decimals = match[3] ?? '';
  const n = Number(`${match[2]}${decimals}`) * (match[1] ? -1 : 1);
  const d = 10 ** decimals.length;
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d)) throw new Error(`too many digits: "${text}"`);
  return { n, d };
}

function big(value: number | bigint): bigint {
  return typeof value === 'bigint' ? value : BigInt(value);
}

/** Sign of a/b − c/d (b, d > 0). */
export function compare(a: Rat, b: Rat): number {
  if (typeof a.n === 'number' && typeof a.d === 'number' && typeof b.n === 'number' && typeof b.d === 'number') {
    const left = a.n * b.d;
    const right = b.n * a.d;
    if (left < SAFE && left > -SAFE && right < SAFE && right > -SAFE) return left < right ? -1 : left > right ? 1 : 0;
  }
  const left = big(a.n) * big(b.d);
  const right = big(b.n) * big(a.d);
  return left < right ? -1 : left > right ? 1 : 0;
}

function safe(value: number): boolean {
  return value < SAFE && value > -SAFE;
}

function normalise(n: bigint, d: bigint): Rat {
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  if (n <= BigInt(SAFE) && n >= -BigInt(SAFE) && d <= BigInt(SAFE)) return { n: Number(n), d: Number(d) };
  return { n, d };
}

export function add(a: Rat, b: Rat): Rat {
  if (typeof a.n === 'number' && typeof a.d === 'number' && typeof b.n === 'number' && typeof b.d === 'number') {
    if (a.d === b.d && safe(a.n + b.n)) return { n: a.n + b.n, d: a.d };
    const n = a.n * b.d + b.n * a.d;
    const d = a.d * b.d;
    if (safe(a.n * b.d) && safe(b.n * a.d) && safe(n) && safe(d)) return { n, d };
  }
  return normalise(big(a.n) * big(b.d) + big(b.n) * big(a.d), big(a.d) * big(b.d));
}

export function sub(a: Rat, b: Rat): Rat {
  return add(a, { n: typeof b.n === 'number' ? -b.n : -b.n, d: b.d });
}

export function mul(a: Rat, b: Rat): Rat {
  if (typeof a.n === 'number' && typeof a.d === 'number' && typeof b.n === 'number' && typeof b.d === 'number') {
    const n = a.n * b.n;
    const d = a.d * b.d;
    if (safe(n) && safe(d)) return { n, d };
  }
  return normalise(big(a.n) * big(b.n), big(a.d) * big(b.d));
}

/** a / b, b ≠ 0. */
export function div(a: Rat, b: Rat): Rat {
  const negative = typeof b.n === 'number' ? b.n < 0 : b.n < 0n;
  if (typeof a.n === 'number' && typeof a.d === 'number' && typeof b.n === 'number' && typeof b.d === 'number') {
    // Two amounts in the same micro-units: the scale cancels, keeping the integers small.
    if (a.d === b.d) return negative ? { n: -a.n, d: -b.n } : { n: a.n, d: b.n };
    const n = a.n * b.d * (negative ? -1 : 1);
    const d = a.d * Math.abs(b.n);
    if (safe(a.n * b.d) && safe(n) && safe(d)) return { n, d };
  }
  const sign = negative ? -1n : 1n;
  return normalise(big(a.n) * big(b.d) * sign, big(a.d) * big(b.n) * sign);
}

export function isZero(a: Rat): boolean {
  return typeof a.n === 'number' ? a.n === 0 : a.n === 0n;
}

export function sign(a: Rat): number {
  return typeof a.n === 'number' ? Math.sign(a.n) : a.n > 0n ? 1 : a.n < 0n ? -1 : 0;
}

export function min(a: Rat, b: Rat): Rat {
  return compare(a, b) <= 0 ? a : b;
}

export function max(a: Rat, b: Rat): Rat {
  return compare(a, b) >= 0 ? a : b;
}

/** Smallest integer ≥ a (for "how many more" advice). */
export function ceil(a: Rat): bigint {
  const n = big(a.n);
  const d = big(a.d);
  const q = n / d;
  return n % d !== 0n && n > 0n ? q + 1n : q;
}

/** Display only: the value as a double, rounded to `digits` decimals. */
export function toNumber(a: Rat, digits = 6): number {
  const value = typeof a.n === 'number' && typeof a.d === 'number' ? a.n / a.d : Number(big(a.n) * 10n ** 12n / big(a.d)) / 1e12;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Display only: exact decimal text rounded half-up at `digits` decimals ("3.78"). Rounds away from the threshold only when asked. */
export function toFixed(a: Rat, digits: number, mode: 'half-up' | 'up' = 'half-up'): string {
  let n = big(a.n);
  const d = big(a.d);
  const negative = n < 0n;
  if (negative) n = -n;
  const factor = 10n ** BigInt(digits);
  const scaled = n * factor;
  let q = scaled / d;
  const r = scaled % d;
  if (mode === 'up' ? r > 0n : r * 2n >= d) q += 1n;
  const text = q.toString().padStart(digits + 1, '0');
  const body = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return negative && q !== 0n ? `-${body}` : body;
}

/** A percentage for display: 0.0378 → "3.78%". */
export function percent(a: Rat, digits = 2): string {
  return `${toFixed(mul(a, { n: 100, d: 1 }), digits)}%`;
}

/** Micro-units → a display amount in the input unit (2 decimals unless more are needed). */
export function amountText(a: Rat, digits = 2): string {
  const text = toFixed(a, 6);
  const [whole, fraction = ''] = text.split('.');
  const trimmed = fraction.replace(/0+$/, '');
  if (trimmed.length <= digits) return digits === 0 || trimmed === '' ? whole! : `${whole}.${trimmed.padEnd(digits, '0')}`;
  return toFixed(a, digits);
}

/** Greatest common divisor of non-negative safe integers (used to shrink growth ratios before multiplying). */
export function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}
