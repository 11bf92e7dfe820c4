// SPDX-License-Identifier: EUPL-1.2
// How long the presenter can take their record home. The server erases a case's content from
// its `kept_until` on (its daily purge may come up to a day later); the sentence names the last
// whole day before that moment, in Amsterdam, so it never promises a day that is cut short.

import { formatDate, instantToWallTime } from './groups/time';
import { lang, t } from './i18n';

/** Noon (UTC, the same date in Amsterdam) of the last whole Amsterdam day before `keptUntil`. */
export function lastWholeDay(keptUntil: number): number {
  const [y, m, d] = instantToWallTime(keptUntil).date.split('-').map(Number);
  return Date.UTC(y, m - 1, d - 1, 12);
}

/** The one sentence under the download: until which day, or that it is about to go. */
export function keepingSentence(keptUntil: number, now: number): string {
  const last = lastWholeDay(keptUntil);
  if (instantToWallTime(last).date < instantToWallTime(now).date) return t('rep.keptEnding');
  return t('rep.keptUntil', { date: formatDate(last, lang()) });
}
