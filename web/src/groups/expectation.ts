// SPDX-License-Identifier: EUPL-1.2
// What a meeting expects of me now: the one thing the meeting page puts first.

import type { MeetingView } from './types';

export type Expectation =
  | { kind: 'called_off' }
  | { kind: 'past' }
  /** I am the second to cancel: mine to propose dates. */
  | { kind: 'propose_dates' }
  /** I proposed dates: mine to choose one, when the answers are in. */
  | { kind: 'choose_date'; answered: number }
  /** Someone proposed dates: say which suit me. */
  | { kind: 'answer_dates'; arranger: string }
  /** I answered; the arranger chooses. */
  | { kind: 'wait_for_choice'; arranger: string }
  /** Someone else is finding a new date and has not proposed any yet. */
  | { kind: 'wait_for_dates'; arranger: string }
  | { kind: 'sign_up' }
  | { kind: 'signed_up' }
  | { kind: 'cancelled' };

export function whatNow(
  m: Pick<MeetingView, 'status' | 'to_come' | 'you_arrange_new_date' | 'proposal' | 'rescheduler' | 'yours'>,
): Expectation {
  if (m.status === 'called_off') return { kind: 'called_off' };
  if (!m.to_come) return { kind: 'past' };
  if (m.status === 'needs_new_date') {
    if (m.you_arrange_new_date)
      return m.proposal ? { kind: 'choose_date', answered: m.proposal.answered.length } : { kind: 'propose_dates' };
    const arranger = m.rescheduler?.display_name ?? '';
    if (!m.proposal) return { kind: 'wait_for_dates', arranger };
    return m.proposal.your_answers ? { kind: 'wait_for_choice', arranger } : { kind: 'answer_dates', arranger };
  }
  if (m.yours === 'signed_up') return { kind: 'signed_up' };
  if (m.yours === 'cancelled') return { kind: 'cancelled' };
  return { kind: 'sign_up' };
}
