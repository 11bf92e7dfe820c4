// Who is in the room, and on which device. No text or DOM here, so all of it is unit-tested.
//
// Someone the facilitator added by name has no device of their own (protocol 7.2
// `participants[].device`); the facilitator, or the scribe, records what they say out loud.

import type { Contributions, SessionState } from './types';

/** true unless the facilitator added this person by name, without a device. */
export function hasDevice(s: SessionState, id: number | null | undefined): boolean {
  if (id === null || id === undefined) return true;
  return s.participants.find((p) => p.id === id)?.device !== false;
}

/** May `me` record for `id`: the facilitator or the scribe, for someone without a device. */
export function recordsFor(s: SessionState, me: number, id: number | null | undefined): boolean {
  if (id === null || id === undefined || id === me) return false;
  if (s.facilitator !== me && s.scribe !== me) return false;
  return !hasDevice(s, id);
}

/**
 * `on_behalf_of` for a contribution of `id`, typed on `me`'s device: undefined for one's own,
 * the id when recorded for someone else, null when `me` cannot do it here.
 */
export function behalf(s: SessionState, me: number, id: number | null | undefined): number | undefined | null {
  if (id === me) return undefined;
  return recordsFor(s, me, id) ? (id as number) : null;
}

/** The facilitator types for a presenter who has no device (statement, reframe, reaction…). */
export function speaksForPresenter(s: SessionState, me: number): boolean {
  return s.facilitator === me && s.presenter !== null && s.presenter !== me && !hasDevice(s, s.presenter);
}

/** How people contribute in the current step; a server that does not say asks for text. */
export function contributions(s: SessionState): Contributions {
  return s.step?.contributions ?? 'written';
}

export function isSpoken(s: SessionState): boolean {
  return contributions(s) === 'spoken';
}

/** The turn holder when a turn is open for a contribution (no question pending, no time to think). */
export function openTurn(s: SessionState): number | null {
  const kind = s.step?.kind;
  if (kind !== 'question_rounds' && kind !== 'advice' && kind !== 'share_advice') return null;
  if (s.turn.closed || s.turn.holder === null || s.timer?.preparing) return null;
  if (kind === 'question_rounds' && s.turn.awaiting_question !== null) return null;
  return s.turn.holder;
}

/** People `me` may still record a closing remark for, `me` first: those without a device. */
export function closingStillOpen(s: SessionState, me: number): number[] {
  const done = new Set(s.flip_chart.closing_remarks.map((r) => r.author));
  const mine = s.participants.filter((p) => p.id === me && !done.has(p.id)).map((p) => p.id);
  const theirs = s.participants.filter((p) => !done.has(p.id) && recordsFor(s, me, p.id)).map((p) => p.id);
  return [...mine, ...theirs];
}

/** People `me` may record for now, in the order of the group. */
export function withoutDevice(s: SessionState, me: number): number[] {
  return s.participants.filter((p) => recordsFor(s, me, p.id)).map((p) => p.id);
}

/** An adviser: anyone but the presenter, and the facilitator only when they take turns. */
export function isAdviser(s: SessionState, id: number): boolean {
  if (s.presenter === id) return false;
  if (s.facilitator === id && !s.facilitator_takes_turns) return false;
  return s.participants.some((p) => p.id === id);
}

/**
 * Whose Balint advice `me` writes on this screen: their own first, when an adviser, then that of
 * the advisers without a device (their drafts reach this screen, and nobody else's).
 */
export function adviceWriters(s: SessionState, me: number): number[] {
  const mine = isAdviser(s, me) ? [me] : [];
  return [...mine, ...withoutDevice(s, me).filter((id) => isAdviser(s, id))];
}

/** The written advice of `id` as this screen has it: one's own, shared ones, those typed here. */
export function draftOf(s: SessionState, id: number | null | undefined): SessionState['flip_chart']['drafts'][number] | undefined {
  return s.flip_chart.drafts.find((d) => d.author === id);
}
