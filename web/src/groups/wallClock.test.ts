// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateProblem,
  hourChoices,
  dayChoices,
  daysIn,
  joinDate,
  joinTime,
  minuteChoices,
  monthChoices,
  splitDate,
  splitTime,
  timeProblem,
  yearChoices,
} from './wallClock';

describe('date and time fields in day-month-year and a 24-hour clock', () => {
  it('keep a part not chosen yet as an empty place', () => {
    expect(joinDate({ year: '2027', month: '', day: '12' })).toBe('2027--12');
    expect(splitDate('2027--12')).toEqual({ year: '2027', month: '', day: '12' });
    expect(joinDate({ year: '', month: '', day: '' })).toBe('');
    expect(splitDate('')).toEqual({ year: '', month: '', day: '' });
    expect(joinTime({ hour: '19', minute: '' })).toBe('19:');
    expect(splitTime('19:30')).toEqual({ hour: '19', minute: '30' });
    expect(joinTime({ hour: '', minute: '' })).toBe('');
  });

  it('say what a date or time still needs', () => {
    expect(dateProblem('2027-01-12')).toBeNull();
    expect(dateProblem('')).toBe('date_missing');
    expect(dateProblem('2027-01-')).toBe('date_missing');
    expect(dateProblem('2027-02-29')).toBe('date_invalid');
    expect(dateProblem('2028-02-29')).toBeNull();
    expect(dateProblem('2027-04-31')).toBe('date_invalid');
    expect(timeProblem('19:30')).toBeNull();
    expect(timeProblem('19:')).toBe('time_missing');
    expect(timeProblem('')).toBe('time_missing');
  });

  it('know how many days a month has', () => {
    expect(daysIn(2027, 2)).toBe(28);
    expect(daysIn(2028, 2)).toBe(29);
    expect(daysIn(2027, 12)).toBe(31);
  });

  it('offer months by name in the page’s language, never in the browser’s', () => {
    expect(monthChoices('nl').map((m) => m.text)).toEqual([
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
    ]);
    expect(monthChoices('en')[0]).toEqual({ value: '01', text: 'January' });
    expect(dayChoices()[0]).toEqual({ value: '01', text: '1' });
    expect(dayChoices()).toHaveLength(31);
  });

  it('offer the hours of a 24-hour clock and minutes in fives, keeping one already chosen', () => {
    expect(minuteChoices('').map((m) => m.value)).toEqual([
      '00',
      '05',
      '10',
      '15',
      '20',
      '25',
      '30',
      '35',
      '40',
      '45',
      '50',
      '55',
    ]);
    expect(minuteChoices('32').map((m) => m.value)).toContain('32');
    expect(yearChoices(2027, '').map((y) => y.value)).toEqual(['2027', '2028', '2029']);
    expect(yearChoices(2027, '2031').map((y) => y.value)).toEqual(['2027', '2028', '2029', '2031']);
  });

  it('count whole days on the calendar, over a change of clocks too', () => {
    expect(addDays('2027-01-28', 7)).toBe('2027-02-04');
    expect(addDays('2027-03-24', 7)).toBe('2027-03-31');
    expect(addDays('2027-12-30', 3)).toBe('2028-01-02');
  });

  it('offer every hour of a 24-hour clock', () => {
    expect(hourChoices().map((h) => h.text)).toEqual(Array.from({ length: 24 }, (_, i) => String(i).padStart(2, '0')));
  });
});
