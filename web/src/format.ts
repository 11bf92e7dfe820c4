// SPDX-License-Identifier: EUPL-1.2
// How numbers read on screen.

import { lang, t } from './i18n';

/** 125000 ms → "2:05"; the sign is the caller's business. */
export function formatClock(ms: number): string {
  const total = Math.round(Math.abs(ms) / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/**
 * A method's length as people say it: "anderhalf uur", not "86 minuten". Rounded to the quarter
 * hour from half an hour on, to five minutes below that.
 */
export function aboutDuration(minutes: number): string {
  if (minutes < 25) return t('dur.minutes', { n: Math.max(5, Math.round(minutes / 5) * 5) });
  const quarters = Math.round(minutes / 15);
  const hours = Math.floor(quarters / 4);
  const rest = quarters % 4;
  if (hours === 0) return rest === 2 ? t('dur.halfHour') : t('dur.threeQuarters');
  if (hours === 1) return [t('dur.hour'), t('dur.hourQuarter'), t('dur.hourHalf'), t('dur.hourThreeQuarters')][rest];
  return rest === 0
    ? t('dur.hours', { n: hours })
    : t('dur.hours', { n: (quarters / 4).toLocaleString(lang() === 'nl' ? 'nl-NL' : 'en-GB') });
}
