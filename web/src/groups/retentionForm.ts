// SPDX-License-Identifier: EUPL-1.2
// How long a group keeps its cases: a whole number of days after the meeting, from 1 to 365, or
// the server's default (days null). The field's text is checked here before the server is asked.

import { gt } from '../i18n/groups';

export const minRetentionDays = 1;
export const maxRetentionDays = 365;

export type RetentionCheck = { ok: true; days: number | null } | { ok: false };

/** `ownTerm` false: back to the server's default, whatever the field holds. */
export function checkRetention(ownTerm: boolean, text: string): RetentionCheck {
  if (!ownTerm) return { ok: true, days: null };
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return { ok: false };
  const days = Number(trimmed);
  if (days < minRetentionDays || days > maxRetentionDays) return { ok: false };
  return { ok: true, days };
}

/** "Casussen worden 30 dagen na de bijeenkomst gewist." */
export function retentionSentence(days: number): string {
  return days === 1 ? gt('retention.oneDay') : gt('retention.days', { n: days });
}
