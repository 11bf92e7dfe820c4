// SPDX-License-Identifier: EUPL-1.2
import type { Operation } from 'fast-json-patch';
// Shapes of the Intervisie protocol (docs/protocol.md), as far as the UI reads them.

export type Lang = 'nl' | 'en';
export type Localized = { nl: string; en: string };

export type StepKind =
  | 'inventory'
  | 'statement'
  | 'question_rounds'
  | 'gossip'
  | 'reframe'
  | 'advice'
  | 'written_advice'
  | 'share_advice'
  | 'presenter_reaction'
  | 'presenter_reflection'
  | 'closing';

export type RoleName = 'facilitator' | 'presenter' | 'adviser' | 'scribe';
export type Contributions = 'spoken' | 'written';
export type Rating = 'warm' | 'lukewarm' | 'cold';

export interface CatalogStep {
  id: string;
  number: number;
  kind: StepKind;
  title: Localized;
  rule: Localized;
  instruction: Localized;
  minutes: number;
  preparation_minutes: number;
  speakers: string[];
  listeners: string[];
  answer_mode?: 'answer' | 'rate';
  open_questions?: boolean;
  scribe_records?: boolean;
  presenter_reflects?: boolean;
  branches?: { on_reframe: string; on_keep: string };
  /** How people contribute in this step: said out loud, or typed (protocol 7.2). */
  contributions?: Contributions;
}

export interface CatalogMethod {
  id: string;
  name: Localized;
  purpose: Localized;
  has_scribe: boolean;
  total_minutes: number;
  steps: CatalogStep[];
}

export interface OutlineStep {
  index: number;
  id: string;
  number: number;
  kind: StepKind;
  title: Localized;
}

export interface CurrentStep extends CatalogStep {
  index: number;
  gossip_closed?: boolean;
  reflected?: boolean;
  reframe?: 'undecided' | 'reframed' | 'kept';
}

export interface Participant {
  id: number;
  name: string;
  roles: RoleName[];
  /** false: added by the facilitator by name; someone on the laptop records for them. */
  device?: boolean;
}

export interface Turn {
  order: number[];
  holder: number | null;
  round: number;
  awaiting_question: number | null;
  closed: boolean;
  /** Who holds the turn after the current holder; null after the last or when closed. */
  next?: number | null;
}

/** Who has the word now (protocol 7.2 `floor`): the server says it, so it is always true. */
export type FloorDoing =
  | 'gathering'
  | 'collecting'
  | 'naming'
  | 'preparing'
  | 'asking'
  | 'answering'
  | 'rating'
  | 'discussing'
  | 'reflecting'
  | 'advising'
  | 'sharing'
  | 'writing'
  | 'reacting'
  | 'closing'
  | 'paused'
  | 'disturbance'
  | 'done'
  | 'finished';

export interface Floor {
  who: 'presenter' | 'advisers' | 'everyone' | 'participant' | 'nobody';
  participant: number | null;
  doing: FloorDoing;
}

/** Whether the facilitator can move on now, and if not, what is missing (a refusal code). */
export interface NextStepReadiness {
  ready: boolean;
  missing?: string;
  /** true: a confirmed next_step would pass (a soft rule); false: it cannot be skipped. */
  confirm?: boolean;
}

export interface PendingReturn {
  request: number;
  participant: number;
  at: number;
}

export interface Timer {
  planned_ms: number;
  left_ms: number;
  running: boolean;
  preparing: boolean;
  preparation_left_ms: number | null;
  preparation_ended: boolean;
}

export interface Candidate {
  id: number;
  owner: number;
  text: string;
  withdrawn: boolean;
  votes: number;
  recorded_by?: number | null;
}

export interface Question {
  id: number;
  step: number;
  round: number;
  asker: number;
  recorded_by: number | null;
  /** '' when it was asked out loud. */
  text: string;
  outcome: 'pending' | 'answered' | 'declined' | 'rated';
  rating: Rating | null;
  rating_recorded_by: number | null;
  answer_note?: string;
  /** The one-line key point of a question asked out loud. */
  key_point?: string | null;
  key_point_by?: number | null;
  /** Only in the facilitator's own view, only while coach_hints is on, only when flagged. */
  coach?: CoachVerdict;
}

export interface FlipChart {
  candidates: Candidate[];
  chosen: number | null;
  statement: string | null;
  statements: string[];
  questions: Question[];
  observations: { step: number; author: number; text: string; recorded_by?: number | null }[];
  reflections: { step: number; text: string }[];
  /** text '' when the advice was given out loud. */
  advice: {
    id?: number;
    step: number;
    adviser: number;
    text: string;
    recorded_by?: number | null;
    /** The one-line key point of an advice given out loud. */
    key_point?: string | null;
    key_point_by?: number | null;
  }[];
  /** Key points the others jot down for the presenter. */
  notes?: { step: number; author: number; text: string }[];
  drafts: { author: number; text: string; shared: boolean; essence: string }[];
  reaction: { tomorrow: string; think_over: string } | null;
  closing_remarks: { author: number; text: string; recorded_by?: number | null }[];
  private_notes: string[];
}

export interface SessionState {
  version: number;
  phase: 'lobby' | 'running' | 'finished';
  finished: boolean;
  finished_at: number | null;
  title: string;
  method: { id: string; name: Localized; has_scribe: boolean; steps: OutlineStep[] } | null;
  step: CurrentStep | null;
  visited_steps: number[];
  participants: Participant[];
  facilitator: number | null;
  facilitator_takes_turns: boolean;
  /** The wording coach's hints for this session; the facilitator switches them. */
  coach_hints: boolean;
  /** The facilitator's choice for the whole session; null: as the method says per step. */
  contributions_override?: Contributions | null;
  presenter: number | null;
  scribe: number | null;
  you: { id: number; roles: RoleName[]; vote: number | null };
  turn: Turn;
  timer: Timer | null;
  disturbance: { raised_by: number | null; text: string; at: number } | null;
  paused: boolean;
  paused_since: number | null;
  warnings: string[];
  flip_chart: FlipChart;
  connected: number[];
  /** The command kinds this viewer may send now, on their own account (protocol 7.2). */
  may?: string[];
  /** Per participant id: the kinds this viewer may send on their behalf now. */
  may_for?: Record<string, string[]>;
  /** The facilitator's snapshot only. */
  next_step?: NextStepReadiness;
  floor?: Floor;
  /** People asking to come back on another device, waiting for someone to let them in. */
  returns?: PendingReturn[];
  /** Six digits that lead to the join page, while the session runs. */
  join_code?: string | null;
}

export type Command =
  | { kind: 'assign_presenter'; participant: number }
  | { kind: 'assign_scribe'; participant: number }
  | { kind: 'hand_over_facilitator'; participant: number }
  | { kind: 'start' }
  | { kind: 'next_step'; confirm?: boolean }
  | { kind: 'adjust_time'; seconds: number }
  | { kind: 'raise_disturbance'; text?: string; anonymous?: boolean }
  | { kind: 'resolve_disturbance' }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'add_participant'; name: string }
  | { kind: 'propose_issue'; text: string; on_behalf_of?: number }
  | { kind: 'withdraw_issue'; candidate: number }
  | { kind: 'vote'; candidate: number }
  | { kind: 'choose_issue'; candidate?: number }
  | { kind: 'set_statement'; text: string }
  | { kind: 'start_preparation' }
  | { kind: 'end_preparation' }
  | { kind: 'ask_question'; text: string; on_behalf_of?: number }
  | { kind: 'pass'; on_behalf_of?: number }
  | { kind: 'answer_question'; note?: string }
  | { kind: 'decline_question' }
  | { kind: 'rate_question'; rating: Rating; question?: number }
  | { kind: 'close_rounds' }
  | { kind: 'add_observation'; text: string; on_behalf_of?: number }
  | { kind: 'close_gossip' }
  | { kind: 'reflect'; text?: string }
  | { kind: 'reframe'; text: string }
  | { kind: 'keep_statement' }
  | { kind: 'give_advice'; text: string; on_behalf_of?: number }
  | { kind: 'write_draft'; text: string; on_behalf_of?: number }
  | { kind: 'share_advice'; essence?: string; on_behalf_of?: number }
  | { kind: 'react'; tomorrow?: string; think_over?: string }
  | { kind: 'closing_remark'; text?: string; on_behalf_of?: number }
  | { kind: 'add_note'; text: string }
  | { kind: 'set_contributions'; mode: Contributions | null }
  | { kind: 'write_private_note'; text: string }
  | { kind: 'set_coach_hints'; on: boolean }
  | { kind: 'note_key_point'; question?: number; advice?: number; text: string }
  | { kind: 'admit_return'; request: number }
  | { kind: 'decline_return'; request: number };

export type ServerMessage =
  | { type: 'snapshot'; seq: number; state: SessionState }
  /** RFC 6902 operations that turn the last state into this one (stream=patches). */
  | { type: 'patch'; seq: number; patch: Operation[] }
  | { type: 'event'; seq: number; event: { kind: string; at: number; actor: number | null } }
  | { type: 'ack'; id: string; seq: number }
  | { type: 'error'; id: string | null; code: string; message: string }
  | { type: 'presence'; connected: number[] };

export interface CreatedSession {
  session_id: string;
  participant_id: number;
  token: string;
  join_token: string;
  join_url: string;
  live_url: string;
  beamer_token?: string;
  beamer_url?: string;
  join_code?: string;
}

/** What the join page knows before joining (protocol 2.x `invitation`). */
export interface Invitation {
  title: string;
  method: { id: string; name: Localized };
  invited_by: string;
  phase: 'lobby' | 'running' | 'finished';
  full: boolean;
  participants: { id: number; name: string; device: boolean; connected: boolean }[];
}

/** A device asking to come back to a place in the session. */
export interface ReturnTicket {
  request: number;
  participant_id: number;
  token: string;
  status: 'waiting' | 'admitted' | 'declined';
}

export interface Report {
  title: string;
  method: { id: string; name: Localized | string };
  finished_at: number | null;
  statements: string[];
  questions: {
    text: string;
    by?: string;
    spoken?: boolean;
    key_point?: string | null;
    outcome: string;
    rating: Rating | null;
    answer_note: string | null;
  }[];
  observations: (string | { text: string; by?: string })[];
  reflections: string[];
  advice: { text: string; by?: string; spoken?: boolean; key_point?: string | null }[];
  /** The notes the others jotted down for the presenter. */
  key_points?: (string | { text: string; by?: string })[];
  drafts: { essence: string; text: string; by?: string }[];
  reaction: { tomorrow: string; think_over: string } | null;
  private_notes: string[];
  markdown: string;
  /** From this moment the server erases the case's content (its retention, ms since epoch). */
  kept_until?: number;
}

// The wording coach (docs/protocol.md 2.9): gentle hints while typing; it never blocks anything.
export type CoachKind = 'statement' | 'question' | 'advice';
export type CoachCheck = 'statement' | 'question_form' | 'hidden_advice' | 'advice_opener';

export interface CoachHint {
  check: CoachCheck;
  reason: Localized;
  suggestion: Localized;
  /** UTF-16 indexes into the text that was checked. */
  span: { start: number; end: number; text: string };
  /** hidden_advice: the words that gave it away. */
  triggers?: string[];
  /** advice_opener: the whole advice as the record would keep it. */
  rewrite?: string;
}

export interface CoachVerdict {
  kind: CoachKind;
  checks: {
    statement?: 'ok' | 'question' | 'about_someone_else' | 'no_ik_verb' | 'past';
    question_form?: 'open' | 'closed';
    hidden_advice?: boolean;
    advice_opener?: 'present' | 'missing';
  };
  hints: CoachHint[];
}
