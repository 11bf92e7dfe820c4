// SPDX-License-Identifier: EUPL-1.2
// Meeting times as our groups read them: in Europe/Amsterdam (the Netherlands and Flanders share
// it), whatever the device's own zone, in the language of the page. The platform's Intl does it.

export const ZONE = 'Europe/Amsterdam';

type Lang = 'nl' | 'en';

const locales: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

function formatter(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locales[lang], { timeZone: ZONE, ...options });
}

/** "dinsdag 12 januari 2027" */
export function formatDay(ms: number, lang: Lang): string {
  return formatter(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(ms);
}

/** "19:30" */
export function formatClockTime(ms: number, lang: Lang): string {
  return formatter(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
}

/** "dinsdag 12 januari 2027, 19:30–21:30" */
export function formatMeetingTime(startsAt: number, minutes: number, lang: Lang): string {
  const end = startsAt + minutes * 60_000;
  return `${formatDay(startsAt, lang)}, ${formatClockTime(startsAt, lang)}–${formatClockTime(end, lang)}`;
}

/** "12 januari 2027" — a day in a sentence. */
export function formatDate(ms: number, lang: Lang): string {
  return formatter(lang, { day: 'numeric', month: 'long', year: 'numeric' }).format(ms);
}

/** "12 jan. 2027" — for lists and history. */
export function formatShortDate(ms: number, lang: Lang): string {
  return formatter(lang, { day: 'numeric', month: 'short', year: 'numeric' }).format(ms);
}

/** "2 uur", "1,5 uur", "45 minuten" */
export function formatLength(minutes: number, lang: Lang): string {
  if (minutes < 60 || minutes % 30 !== 0) return lang === 'nl' ? `${minutes} minuten` : `${minutes} minutes`;
  const hours = minutes / 60;
  const n = new Intl.NumberFormat(locales[lang], { maximumFractionDigits: 1 }).format(hours);
  if (lang === 'nl') return `${n} uur`;
  return hours === 1 ? '1 hour' : `${n} hours`;
}

/** How many ms the zone is ahead of UTC at this instant. */
function zoneOffset(ms: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(ms);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - (ms - (ms % 1000));
}

/**
 * The instant of a wall-clock date and time in Amsterdam, from `<input type=date>` ("2027-01-12")
 * and `<input type=time>` ("19:30"); null when either cannot be read or the time does not exist
 * (the hour skipped when summer time begins).
 */
export function wallTimeToInstant(date: string, time: string): number | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [y, mo, da, h, mi] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  if (mo < 1 || mo > 12 || da < 1 || da > 31 || h > 23 || mi > 59) return null;
  const naive = Date.UTC(y, mo - 1, da, h, mi);
  // The offset at the guess can differ from the offset at the answer near a change of clocks.
  let instant = naive - zoneOffset(naive);
  instant = naive - zoneOffset(instant);
  const back = instantToWallTime(instant);
  if (back.date !== date || back.time !== time) return null;
  return instant;
}

/** The Amsterdam wall-clock date and time of an instant, as the date and time inputs take them. */
export function instantToWallTime(ms: number): { date: string; time: string } {
  const local = new Date(ms + zoneOffset(ms));
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`,
    time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`,
  };
}
