/**
 * The unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character alphabet
 * (digits and capitals without I, O, S, V, Z); the 18th is a check character computed modulo 31 from the first 17.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const FORMAT = /^[0-9A-HJ-NP-RTUWXY]{18}$/;

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

export type CreditCodeProblem = { kind: 'format' } | { kind: 'check'; expected: string; actual: string };

export function checkCreditCode(code: string): CreditCodeProblem | null {
  if (!FORMAT.test(code)) return { kind: 'format' };
  const expected = creditCodeCheckChar(code.slice(0, 17));
  return expected === code[17] ? null : { kind: 'check', expected, actual: code[17]! };
}

/** Makes a valid code from a 17-character body (used by the demo-data generator). */
export function completeCreditCode(first17: string): string {
  return first17 + creditCodeCheckChar(first17);
}
