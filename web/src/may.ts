// SPDX-License-Identifier: EUPL-1.2
// What this screen may do now, and who has the word: read from the server's view (protocol 7.2
// `may`, `may_for`, `floor`, `turn.next`), never worked out again here. The engine holds the
// rules; the page only asks. No text or DOM here, so all of it is unit-tested.

import type { Contributions, SessionState } from './types';

/** Whether this viewer may send `kind` now, on their own account. */
export function may(s: SessionState, kind: string): boolean {
  return s.may?.includes(kind) ?? false;
}

/** Whether this viewer may send `kind` now on behalf of `id` (someone without a device, or away). */
export function mayFor(s: SessionState, id: number | null | undefined, kind: string): boolean {
  if (id === null || id === undefined) return false;
  return s.may_for?.[String(id)]?.includes(kind) ?? false;
}

/** `kind` for `id`: as oneself (`me`), or on their behalf; false when neither. */
export function mayAs(s: SessionState, me: number, id: number | null | undefined, kind: string): boolean {
  return id === me ? may(s, kind) : mayFor(s, id, kind);
}

/** `on_behalf_of` for a contribution of `id` typed on this screen: undefined for one's own. */
export function onBehalfOf(me: number, id: number): number | undefined {
  return id === me ? undefined : id;
}

/** The people this screen may act for now, in the order of the group. */
export function actingFor(s: SessionState, kind?: string): number[] {
  return s.participants
    .map((p) => p.id)
    .filter((id) => (kind ? mayFor(s, id, kind) : (s.may_for?.[String(id)]?.length ?? 0) > 0));
}

/** true unless the facilitator added this person by name, without a device. */
export function hasDevice(s: SessionState, id: number | null | undefined): boolean {
  if (id === null || id === undefined) return true;
  return s.participants.find((p) => p.id === id)?.device !== false;
}

/** Someone with a device of their own whose device is not connected now. */
export function isAway(s: SessionState, id: number | null | undefined): boolean {
  if (id === null || id === undefined) return false;
  return hasDevice(s, id) && !s.connected.includes(id);
}

/** How people contribute in the current step; a server that does not say asks for text. */
export function contributions(s: SessionState): Contributions {
  return s.step?.contributions ?? 'written';
}

export function isSpoken(s: SessionState): boolean {
  return contributions(s) === 'spoken';
}

/** The turn's contribution in this step, if the step takes turns. */
export type TurnKind = 'question' | 'advice' | 'share';

export function turnKind(s: SessionState): TurnKind | null {
  switch (s.floor?.doing) {
    case 'asking':
      return 'question';
    case 'advising':
      return 'advice';
    case 'sharing':
      return 'share';
    default:
      return null;
  }
}

/** Whoever holds a turn that is open for a contribution now; null when no turn is open. */
export function turnHolder(s: SessionState): number | null {
  return turnKind(s) !== null ? (s.floor?.participant ?? null) : null;
}

/** The command a turn's contribution is, for `kind`. */
export const contributionCommand: Record<TurnKind, 'ask_question' | 'give_advice' | 'share_advice'> = {
  question: 'ask_question',
  advice: 'give_advice',
  share: 'share_advice',
};

/** The written advice of `id` as this screen has it: one's own, shared ones, those typed here. */
export function draftOf(
  s: SessionState,
  id: number | null | undefined,
): SessionState['flip_chart']['drafts'][number] | undefined {
  return s.flip_chart.drafts.find((d) => d.author === id);
}

/** People who have not looked back yet, of those this screen speaks for: oneself first. */
export function closingStillOpen(s: SessionState, me: number): number[] {
  const done = new Set(s.flip_chart.closing_remarks.map((r) => r.author));
  const mine = may(s, 'closing_remark') && !done.has(me) ? [me] : [];
  return [...mine, ...actingFor(s, 'closing_remark').filter((id) => !done.has(id))];
}

/** A contribution made out loud that still lacks its one-line key point. */
export interface SpokenItem {
  kind: 'question' | 'advice';
  id: number;
  author: number;
  step: number;
}

/** Spoken questions and advice without a key point, oldest first. */
export function spokenWithoutKeyPoint(s: SessionState): SpokenItem[] {
  const fc = s.flip_chart;
  const questions: SpokenItem[] = fc.questions
    .filter((q) => q.text === '' && !q.key_point && q.outcome !== 'declined')
    .map((q) => ({ kind: 'question', id: q.id, author: q.asker, step: q.step }));
  const advice: SpokenItem[] = fc.advice
    .filter((a) => a.text === '' && !a.key_point && a.id !== undefined)
    .map((a) => ({ kind: 'advice', id: a.id as number, author: a.adviser, step: a.step }));
  return [...questions, ...advice];
}
