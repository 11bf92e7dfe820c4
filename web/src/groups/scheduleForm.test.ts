// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { checkSchedule, isWebLink, scheduleFieldOf } from './scheduleForm';

const now = Date.UTC(2027, 0, 1, 12, 0);
const good = { date: '2027-01-12', time: '19:30', minutes: '120', place: 'Lokaal 12', videoLink: '' };

describe('the schedule form', () => {
  it('gives the request for a good meeting, in Amsterdam time', () => {
    expect(checkSchedule(good, now)).toEqual({
      ok: true,
      meeting: { starts_at: Date.UTC(2027, 0, 12, 18, 30), minutes: 120, place: 'Lokaal 12' },
    });
  });

  it('takes a video link instead of a place, trimmed', () => {
    const r = checkSchedule({ ...good, place: '  ', videoLink: ' https://meet.example/abc ' }, now);
    expect(r).toEqual({
      ok: true,
      meeting: { starts_at: Date.UTC(2027, 0, 12, 18, 30), minutes: 120, video_link: 'https://meet.example/abc' },
    });
  });

  it('names every field that needs a change', () => {
    const r = checkSchedule({ date: '', time: '', minutes: '20', place: '', videoLink: '' }, now);
    expect(r).toEqual({
      ok: false,
      problems: { date: 'date_missing', time: 'time_missing', minutes: 'bad_length', place: 'no_place' },
    });
  });

  it('asks for the part of a date or time not chosen yet, and knows a day a month lacks', () => {
    expect(checkSchedule({ ...good, date: '2027--12', time: '19:' }, now)).toEqual({
      ok: false,
      problems: { date: 'date_missing', time: 'time_missing' },
    });
    expect(checkSchedule({ ...good, date: '2027-02-30' }, now)).toEqual({
      ok: false,
      problems: { date: 'date_invalid' },
    });
    expect(checkSchedule({ ...good, date: '2027-03-28', time: '02:30' }, now)).toEqual({
      ok: false,
      problems: { time: 'time_invalid' },
    });
  });

  it('refuses a moment that has passed', () => {
    expect(checkSchedule({ ...good, date: '2026-12-31' }, now)).toEqual({
      ok: false,
      problems: { date: 'in_the_past' },
    });
  });

  it('keeps the length between half an hour and eight hours', () => {
    expect(checkSchedule({ ...good, minutes: '480' }, now).ok).toBe(true);
    expect(checkSchedule({ ...good, minutes: '481' }, now).ok).toBe(false);
    expect(checkSchedule({ ...good, minutes: '90.5' }, now).ok).toBe(false);
  });

  it('accepts only web addresses as a video link', () => {
    expect(isWebLink('https://meet.example/abc')).toBe(true);
    expect(isWebLink('http://meet.example')).toBe(true);
    expect(isWebLink('javascript:alert(1)')).toBe(false);
    expect(isWebLink('meet.example/abc')).toBe(false);
    expect(checkSchedule({ ...good, videoLink: 'zoom' }, now)).toEqual({
      ok: false,
      problems: { video_link: 'bad_link' },
    });
  });

  it('puts a refusal of the server beside its field', () => {
    expect(scheduleFieldOf('in_the_past', '')).toBe('date');
    expect(scheduleFieldOf('text_too_long', 'place')).toBe('place');
    expect(scheduleFieldOf('storage_failed', '')).toBeNull();
  });
});
