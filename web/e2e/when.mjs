// SPDX-License-Identifier: EUPL-1.2
// Dates and times as people choose them on the group pages: day, month by name and year, then
// hour and minute on a 24-hour clock, each a choice of its own.

export const dutchMonths = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

/** Day, month and year in Amsterdam `days` from now. */
export function amsterdamDate(days) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(Date.now() + days * 86_400_000);
  const get = (type) => Number(parts.find((p) => p.type === type).value);
  return { day: get('day'), month: get('month'), year: get('year') };
}

/** "12 januari 2027", as the pages write a date. */
export function dutchDay({ day, month, year }) {
  return `${day} ${dutchMonths[month - 1]} ${year}`;
}

/** The Amsterdam hour and minute of an instant: "19:30". */
export function amsterdamClock(ms) {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(ms);
}

/** Choose a date and a start time in the fields "Datum" and "Begintijd" inside `scope` (a page or a part of it). */
export async function chooseWhen(scope, { day, month, year }, hour, minute) {
  const date = scope.getByRole('group', { name: 'Datum', exact: true });
  await date.getByLabel('Dag', { exact: true }).selectOption({ label: String(day) });
  await date.getByLabel('Maand', { exact: true }).selectOption({ label: dutchMonths[month - 1] });
  await date.getByLabel('Jaar', { exact: true }).selectOption({ label: String(year) });
  const time = scope.getByRole('group', { name: 'Begintijd', exact: true });
  await time.getByLabel('Uur', { exact: true }).selectOption({ label: hour });
  await time.getByLabel('Minuten', { exact: true }).selectOption({ label: minute });
}
