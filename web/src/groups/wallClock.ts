// SPDX-License-Identifier: EUPL-1.2
// The date and time fields of the group pages: day, month and year, hour and minute, each its own
// choice, so a Dutch group always reads and enters day-month-year and a 24-hour clock, whatever
// language the browser speaks (a native date input would follow the browser: "12/05/2026 12:28 PM").
// A field's value is "YYYY-MM-DD" or "HH:MM"; a part not chosen yet is left empty ("2027--12",
// "19:"), and nothing chosen at all is "".

type Lang = 'nl' | 'en';

export interface DateParts {
  year: string;
  month: string;
  day: string;
}

export interface TimeParts {
  hour: string;
  minute: string;
}

export function splitDate(value: string): DateParts {
  const [year = '', month = '', day = ''] = value.split('-');
  return { year, month, day };
}

export function joinDate({ year, month, day }: DateParts): string {
  return year || month || day ? `${year}-${month}-${day}` : '';
}

export function splitTime(value: string): TimeParts {
  const [hour = '', minute = ''] = value.split(':');
  return { hour, minute };
}

export function joinTime({ hour, minute }: TimeParts): string {
  return hour || minute ? `${hour}:${minute}` : '';
}

export function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why a date cannot be used yet: a part is missing, or the day is not in that month. */
export function dateProblem(value: string): 'date_missing' | 'date_invalid' | null {
  const { year, month, day } = splitDate(value);
  if (!/^\d{4}$/.test(year) || !/^\d{2}$/.test(month) || !/^\d{2}$/.test(day)) return 'date_missing';
  return Number(day) > daysIn(Number(year), Number(month)) ? 'date_invalid' : null;
}

export function timeProblem(value: string): 'time_missing' | null {
  const { hour, minute } = splitTime(value);
  return /^\d{2}$/.test(hour) && /^\d{2}$/.test(minute) ? null : 'time_missing';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The twelve months by name, in the page's language: "januari", … or "January", … */
export function monthNames(lang: Lang): string[] {
  const format = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => format.format(Date.UTC(2001, i, 1)));
}

export interface Choice {
  value: string;
  text: string;
}

export function dayChoices(): Choice[] {
  return Array.from({ length: 31 }, (_, i) => ({ value: pad(i + 1), text: String(i + 1) }));
}

export function monthChoices(lang: Lang): Choice[] {
  return monthNames(lang).map((text, i) => ({ value: pad(i + 1), text }));
}

/** This year and the two after it; a year already in the field stays choosable. */
export function yearChoices(thisYear: number, current: string): Choice[] {
  const years = [thisYear, thisYear + 1, thisYear + 2].map(String);
  if (/^\d{4}$/.test(current) && !years.includes(current)) years.push(current);
  return years.sort().map((y) => ({ value: y, text: y }));
}

export function hourChoices(): Choice[] {
  return Array.from({ length: 24 }, (_, i) => ({ value: pad(i), text: pad(i) }));
}

/** Every five minutes; a minute already in the field (a meeting planned elsewhere) stays choosable. */
export function minuteChoices(current: string): Choice[] {
  const minutes = Array.from({ length: 12 }, (_, i) => pad(i * 5));
  if (/^\d{2}$/.test(current) && Number(current) < 60 && !minutes.includes(current)) minutes.push(current);
  return minutes.sort().map((m) => ({ value: m, text: m }));
}

/** The calendar date `days` after a complete date ("2027-01-12" + 7 = "2027-01-19"). */
export function addDays(date: string, days: number): string {
  const { year, month, day } = splitDate(date);
  const moved = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day) + days));
  return `${moved.getUTCFullYear()}-${pad(moved.getUTCMonth() + 1)}-${pad(moved.getUTCDate())}`;
}
