// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { caseWindowOpen, watchGroupCases, watchMeetingCases } from './caseWindow';

const start = Date.UTC(2027, 0, 12, 18, 30);
const meeting = { starts_at: start, ends_at: start + 120 * 60_000, status: 'scheduled' };
const minutes = (n: number) => n * 60_000;

describe('starting a case', () => {
  it('opens an hour before the start and closes an hour after the end', () => {
    expect(caseWindowOpen(meeting, start - minutes(61))).toBe(false);
    expect(caseWindowOpen(meeting, start - minutes(60))).toBe(true);
    expect(caseWindowOpen(meeting, start + minutes(180))).toBe(true);
    expect(caseWindowOpen(meeting, start + minutes(181))).toBe(false);
  });

  it('never opens for a meeting that is called off', () => {
    expect(caseWindowOpen({ ...meeting, status: 'called_off' }, start)).toBe(false);
  });
});

describe('keeping an eye on the cases', () => {
  const live = { live: true };
  const done = { live: false };

  it('watches a meeting while a case may start, or one still runs', () => {
    expect(watchMeetingCases({ ...meeting, cases: [] }, start)).toBe(true);
    expect(watchMeetingCases({ ...meeting, cases: [done] }, start - minutes(90))).toBe(false);
    expect(watchMeetingCases({ ...meeting, cases: [live] }, start + minutes(300))).toBe(true);
    expect(watchMeetingCases({ ...meeting, cases: [done] }, start + minutes(300))).toBe(false);
  });

  it('watches a group while any of its meetings is near, or a case runs', () => {
    const near = { starts_at: start, minutes: 120, status: 'scheduled' };
    const later = { ...near, starts_at: start + 14 * 24 * minutes(60) };
    expect(watchGroupCases({ meetings: [near, later], cases: [] }, start - minutes(30))).toBe(true);
    expect(watchGroupCases({ meetings: [later], cases: [done] }, start)).toBe(false);
    expect(watchGroupCases({ meetings: [later], cases: [live] }, start)).toBe(true);
    expect(watchGroupCases({ meetings: [{ ...near, status: 'called_off' }], cases: [] }, start)).toBe(false);
  });
});
