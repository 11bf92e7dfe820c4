// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import {
  formatClockTime,
  formatLength,
  formatMeetingTime,
  formatShortDate,
  instantToWallTime,
  wallTimeToInstant,
} from './time';

describe('meeting times in Amsterdam', () => {
  it('reads a winter evening as UTC+1', () => {
    expect(wallTimeToInstant('2027-01-12', '19:30')).toBe(Date.UTC(2027, 0, 12, 18, 30));
  });

  it('reads a summer evening as UTC+2', () => {
    expect(wallTimeToInstant('2027-06-15', '19:30')).toBe(Date.UTC(2027, 5, 15, 17, 30));
  });

  it('knows the nights the clocks change', () => {
    // 28 March 2027: 02:00 becomes 03:00; 31 October 2027: 03:00 becomes 02:00.
    expect(wallTimeToInstant('2027-03-28', '01:30')).toBe(Date.UTC(2027, 2, 28, 0, 30));
    expect(wallTimeToInstant('2027-03-28', '02:30')).toBeNull();
    expect(wallTimeToInstant('2027-03-28', '03:30')).toBe(Date.UTC(2027, 2, 28, 1, 30));
    expect(wallTimeToInstant('2027-10-31', '12:00')).toBe(Date.UTC(2027, 9, 31, 11, 0));
  });

  it('refuses what a date or time input would never give', () => {
    expect(wallTimeToInstant('', '19:30')).toBeNull();
    expect(wallTimeToInstant('2027-01-12', '')).toBeNull();
    expect(wallTimeToInstant('2027-02-30', '10:00')).toBeNull();
    expect(wallTimeToInstant('12-01-2027', '10:00')).toBeNull();
  });

  it('turns an instant back into what the inputs show', () => {
    expect(instantToWallTime(Date.UTC(2027, 0, 12, 18, 30))).toEqual({ date: '2027-01-12', time: '19:30' });
    expect(instantToWallTime(Date.UTC(2027, 5, 15, 22, 30))).toEqual({ date: '2027-06-16', time: '00:30' });
  });

  it('writes a meeting in Dutch and in English, in Amsterdam time', () => {
    const start = Date.UTC(2027, 0, 12, 18, 30);
    expect(formatMeetingTime(start, 120, 'nl')).toBe('dinsdag 12 januari 2027, 19:30–21:30');
    expect(formatMeetingTime(start, 90, 'en')).toBe('Tuesday, 12 January 2027, 19:30–21:00');
    expect(formatShortDate(start, 'nl')).toBe('12 jan 2027');
  });

  it('writes the day first and a 24-hour clock in both languages, whatever the device’s own', () => {
    const midnight = Date.UTC(2027, 4, 11, 22, 0); // 00:00 on 12 May in Amsterdam
    expect(formatMeetingTime(midnight, 30, 'nl')).toBe('woensdag 12 mei 2027, 00:00–00:30');
    expect(formatMeetingTime(midnight, 30, 'en')).toBe('Wednesday, 12 May 2027, 00:00–00:30');
    const afternoon = Date.UTC(2027, 4, 12, 10, 28);
    expect(formatClockTime(afternoon, 'en')).toBe('12:28');
    expect(formatClockTime(afternoon + 60 * 60_000, 'en')).toBe('13:28');
    expect(formatShortDate(afternoon, 'en')).toBe('12 May 2027');
  });

  it('says how long a meeting lasts', () => {
    expect(formatLength(120, 'nl')).toBe('2 uur');
    expect(formatLength(90, 'nl')).toBe('1,5 uur');
    expect(formatLength(45, 'nl')).toBe('45 minuten');
    expect(formatLength(60, 'en')).toBe('1 hour');
    expect(formatLength(150, 'en')).toBe('2.5 hours');
  });
});
