// SPDX-License-Identifier: EUPL-1.2
// The JSON of the accounts, groups and meetings API (docs/api.md). Times are ms since 1970 UTC.

export interface Account {
  id: string;
  email: string;
  display_name: string;
  created_at: number;
}

export interface Person {
  id: string;
  display_name: string;
}

export type Notice = 'small_group' | null;

export interface GroupSummary {
  id: string;
  name: string;
  members: number;
  notice: Notice;
}

export interface Me {
  account: Account;
  csrf_token: string;
  groups: GroupSummary[];
  calendar_feed_url: string;
}

export interface LoggedIn {
  account: Account;
  csrf_token: string;
}

export interface Member extends Person {
  joined_at: number;
  rules_accepted_at: number;
  is_me: boolean;
}

export interface GroundRules {
  keys: string[];
  own: string[];
}

export type InvitationStatus = 'open' | 'used' | 'revoked' | 'expired';

export interface InvitationSummary {
  id: string;
  invited_by: Person | null;
  created_at: number;
  expires_at: number;
  status: InvitationStatus;
}

export type MeetingStatus = 'scheduled' | 'needs_new_date' | 'called_off';
export type Yours = 'signed_up' | 'cancelled' | 'none';

export interface MeetingSummary {
  id: string;
  starts_at: number;
  minutes: number;
  place: string;
  video_link: string;
  status: MeetingStatus;
  signed_up: number;
  cancelled: number;
  facilitator: Person | null;
  rescheduler: Person | null;
  yours: Yours;
}

export interface TreatedCase {
  session_id: string;
  meeting_id: string;
  date: number;
  method: string;
  presenter: Person | null;
  facilitator: Person | null;
  mine: boolean;
  follow_up: { at: number; note?: string } | null;
  /** Its live session runs (lobby included): members can take their place now. */
  live: boolean;
  /** Its content was erased (forgotten by its presenter, or past the retention); the facts stay. */
  erased: boolean;
}

export interface Participation {
  member: Person | null;
  cases_presented: number;
  meetings_facilitated: number;
  attended: number;
  held_since_joining: number;
}

export interface GroupView {
  id: string;
  name: string;
  members: Member[];
  member_count: number;
  max_members: number;
  notice: Notice;
  ground_rules: GroundRules;
  conditions: string[];
  invitations: InvitationSummary[];
  meetings: MeetingSummary[];
  cases: TreatedCase[];
  participation: Participation[];
  /** Days after the meeting that the group's cases are erased, as it applies now. */
  retention_days: number;
  /** True while the group uses the server's default rather than a choice of its own. */
  retention_is_default: boolean;
}

export interface CreatedInvitation {
  invitation_id: string;
  token: string;
  url: string;
  expires_at: number;
}

export interface InvitationPreview {
  group: { name: string; member_count: number; max_members: number; notice: Notice };
  invited_by: string;
  expires_at: number;
  ground_rules: GroundRules;
  conditions: string[];
}

export interface Cancellation {
  member: Person | null;
  reason: string;
  at: number;
}

export interface ProposedDate {
  index: number;
  starts_at: number;
  suits: Person[];
}

export interface Proposal {
  proposed_at: number;
  dates: ProposedDate[];
  answered: Person[];
  your_answers: boolean[] | null;
}

export interface FollowUpDue {
  session_id: string;
  method: string;
  presenter: Person | null;
}

export interface MeetingView extends Omit<MeetingSummary, 'signed_up'> {
  group: { id: string; name: string };
  ends_at: number;
  sequence: number;
  scheduled_by: Person | null;
  signed_up: Person[];
  cancellations: Cancellation[];
  you_arrange_new_date: boolean;
  /** I scheduled it or facilitate it: calling it off is mine to do. */
  you_may_call_off: boolean;
  proposal: Proposal | null;
  suggested_facilitator: Person | null;
  cases: TreatedCase[];
  follow_ups_due: FollowUpDue[];
  to_come: boolean;
}

export interface NewMeeting {
  starts_at: number;
  minutes: number;
  place?: string;
  video_link?: string;
}

export interface StartedCase {
  session_id: string;
  participant_id: number;
  token: string;
  join_url: string;
  beamer_url: string;
  live_url: string;
}

export interface CaseSeat {
  session_id: string;
  participant_id: number;
  token: string;
  live_url: string;
}
