import type { FieldIssue } from '../shared/http/errors';

/**
 * Password rules after NIST SP 800-63B: a minimum length rather than composition rules, and no password from a list of
 * known ones (the demo sign-ins, which are printed in the README, and the most common leaked passwords).
 */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/** Published in README.md for the demo region: never acceptable on a real account. */
const DEMO_PASSWORDS = ['kechuang-admin', 'kechuang-operator', 'kechuang-org'];

/** Very common passwords of 10 or more characters (shorter ones fail the length rule anyway). */
const COMMON_PASSWORDS = [
  '1234567890', '0123456789', '12345678910', '123456789a', 'a123456789', '1q2w3e4r5t', '1qaz2wsx3edc', 'qwertyuiop',
  'qwerty1234', 'qwerty123456', 'password12', 'password123', 'password1234', 'passw0rd123', 'iloveyou123', 'abcd123456',
  'abc1234567', 'aa123456789', 'woaini1314', '5201314520', '1314520520', 'zxcvbnm123', 'asdfghjkl1', 'administrator',
  'admin12345', 'admin123456', 'welcome123', 'changeme123', 'letmein123', '1111111111', '0000000000', '8888888888',
  '6666666666', '1234512345', '9876543210', 'qazwsxedc123', 'p@ssw0rd123', 'kechuang123', 'kechuang2024', 'kechuang2025',
];
const REFUSED = new Set([...DEMO_PASSWORDS, ...COMMON_PASSWORDS]);

/** The problems of a password for this user name (empty when it is acceptable). */
export function passwordIssues(password: string, username: string, field = 'password'): FieldIssue[] {
  if (password.length < MIN_PASSWORD_LENGTH) return [{ field, key: 'accounts.password.short', params: { min: MIN_PASSWORD_LENGTH } }];
  if (password.length > MAX_PASSWORD_LENGTH) return [{ field, key: 'field.maxLength', params: { max: MAX_PASSWORD_LENGTH } }];
  const folded = password.toLowerCase();
  if (REFUSED.has(folded)) return [{ field, key: 'accounts.password.common' }];
  // A run of one character ("aaaaaaaaaa") is as weak as a common password.
  if (new Set(folded).size < 4) return [{ field, key: 'accounts.password.common' }];
  if (username && folded.includes(username.toLowerCase())) return [{ field, key: 'accounts.password.username' }];
  return [];
}

/** User names: what the existing accounts accept (lower-case, so that sign-in is not case-sensitive by accident). */
export const USERNAME_PATTERN = /^[a-z0-9_.-]{3,40}$/;
