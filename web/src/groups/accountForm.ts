// SPDX-License-Identifier: EUPL-1.2
// Where the server's refusal of a sign-up or login belongs, so it stands beside its field.

export type AccountField = 'email' | 'password' | 'display_name';

export function accountFieldOf(code: string): AccountField | null {
  if (code === 'email_invalid' || code === 'email_taken') return 'email';
  if (code.startsWith('password_')) return 'password';
  if (code.startsWith('name_')) return 'display_name';
  return null;
}

/** Where to go after logging in: only a path of this app, never another site. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/groepen';
  return next;
}
