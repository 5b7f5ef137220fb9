import { describe, expect, it } from 'vitest';
import { passwordIssues } from './password-policy';

describe('password rules', () => {
  it('accepts a long, uncommon password that does not contain the user name', () => {
    expect(passwordIssues('gansu-lanzhou-2026!', 'operator-b')).toEqual([]);
  });
  it('refuses short, demo, common, repetitive and user-name passwords, naming the field', () => {
    expect(passwordIssues('short-pw', 'x')[0]).toMatchObject({ field: 'password', key: 'accounts.password.short' });
    expect(passwordIssues('kechuang-operator', 'someone')[0]?.key).toBe('accounts.password.common');
    expect(passwordIssues('Password123', 'someone')[0]?.key).toBe('accounts.password.common');
    expect(passwordIssues('aaaaabbbbbb', 'someone')[0]?.key).toBe('accounts.password.common');
    expect(passwordIssues('zhang.wei-secret', 'zhang.wei')[0]?.key).toBe('accounts.password.username');
    expect(passwordIssues('x'.repeat(201) + 'abcd', 'someone')[0]?.key).toBe('field.maxLength');
    expect(passwordIssues('short', 'x', 'new_password')[0]?.field).toBe('new_password');
  });
});
