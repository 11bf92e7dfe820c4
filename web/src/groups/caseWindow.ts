// SPDX-License-Identifier: EUPL-1.2
// When a meeting's facilitator may start a case: from an hour before its start until an hour
// after its end (docs/api.md, POST /api/meetings/{id}/cases); outside it the form stays away.
// While that window is open, or a case still runs, the pages keep an eye on the meeting's cases.

const hour = 60 * 60_000;

export function caseWindowOpen(meeting: { starts_at: number; ends_at: number; status: string }, now: number): boolean {
  return meeting.status !== 'called_off' && now >= meeting.starts_at - hour && now <= meeting.ends_at + hour;
}

/** Whether a meeting page should ask again and again about the meeting's cases. */
export function watchMeetingCases(
  meeting: { starts_at: number; ends_at: number; status: string; cases: { live: boolean }[] },
  now: number,
): boolean {
  return caseWindowOpen(meeting, now) || meeting.cases.some((c) => c.live);
}

/** The same for a group's page: any of its meetings near, or any case still running. */
export function watchGroupCases(
  group: { meetings: { starts_at: number; minutes: number; status: string }[]; cases: { live: boolean }[] },
  now: number,
): boolean {
  return (
    group.cases.some((c) => c.live) ||
    group.meetings.some((m) => caseWindowOpen({ ...m, ends_at: m.starts_at + m.minutes * 60_000 }, now))
  );
}
