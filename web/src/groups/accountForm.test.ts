// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { accountFieldOf, safeNext } from './accountForm';

describe('account forms', () => {
  it('put each refusal beside its field', () => {
    expect(accountFieldOf('password_too_short')).toBe('password');
    expect(accountFieldOf('password_contains_email')).toBe('password');
    expect(accountFieldOf('email_taken')).toBe('email');
    expect(accountFieldOf('name_too_long')).toBe('display_name');
    expect(accountFieldOf('rate_limited')).toBeNull();
  });

  it('go back only to a page of this app', () => {
    expect(safeNext('/uitnodiging/abc')).toBe('/uitnodiging/abc');
    expect(safeNext(null)).toBe('/groepen');
    expect(safeNext('https://evil.example')).toBe('/groepen');
    expect(safeNext('//evil.example')).toBe('/groepen');
  });
});
