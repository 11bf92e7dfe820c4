// When a meeting's facilitator may start a case: from an hour before its start until an hour
// after its end (docs/api.md, POST /api/meetings/{id}/cases); outside it the form stays away.

const hour = 60 * 60_000;

export function caseWindowOpen(meeting: { starts_at: number; ends_at: number; status: string }, now: number): boolean {
  return meeting.status !== 'called_off' && now >= meeting.starts_at - hour && now <= meeting.ends_at + hour;
}
