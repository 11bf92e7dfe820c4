// SPDX-License-Identifier: EUPL-1.2
// What still stands between the facilitator and the next step, in words written to her. The
// server says whether she can go on and, if not, which rule holds (protocol 7.2 `next_step`);
// this says it the way a colleague would. No DOM here, so all of it is unit-tested.

import { errorText, t } from './i18n';
import type { SessionState } from './types';

function nameOf(s: SessionState, id: number | null | undefined): string {
  if (id === null || id === undefined) return '';
  return s.participants.find((p) => p.id === id)?.name ?? '';
}

function names(s: SessionState, ids: number[]): string {
  return ids.map((id) => nameOf(s, id)).join(', ');
}

/** Who in a once-round turn step has not had their turn yet: the holder and everyone after. */
function stillToCome(s: SessionState): number[] {
  const { order, holder, closed } = s.turn;
  if (closed || holder === null) return [];
  const at = order.indexOf(holder);
  return at < 0 ? [] : order.slice(at);
}

/** The words for the server's `next_step.missing` in the current step. */
export function missingText(s: SessionState, missing: string): string {
  const presenter = nameOf(s, s.presenter);
  const kind = s.step?.kind;
  switch (missing) {
    case 'issue_not_chosen':
      return t('ready.chooseIssue');
    case 'reframe_undecided':
      return t('ready.reframe', { name: presenter });
    case 'statement_required':
      return t('ready.statement', { name: presenter });
    case 'answer_pending':
      return t('ready.answerPending', { name: presenter });
    case 'rounds_still_open':
      return t('ready.roundsOpen');
    case 'gossip_still_open':
      return t('ready.gossipOpen');
    case 'reflection_missing':
      return kind === 'presenter_reflection'
        ? t('ready.lastWord', { name: presenter })
        : t('ready.reflect', { name: presenter });
    case 'turns_remaining': {
      const left = stillToCome(s);
      return left.length > 0 ? t('ready.turnsLeft', { names: names(s, left) }) : t('fac.confirm.advice');
    }
    case 'drafts_missing':
      // Unshared drafts are their writers' own: who has not written is not ours to tell.
      return t('fac.confirm.written_advice');
    case 'reaction_missing':
      return t('ready.reaction', { name: presenter });
    case 'closing_remarks_missing': {
      const done = new Set(s.flip_chart.closing_remarks.map((r) => r.author));
      const left = s.participants.filter((p) => !done.has(p.id)).map((p) => p.id);
      return left.length > 0 ? t('ready.closingLeft', { names: names(s, left) }) : t('fac.confirm.closing');
    }
  }
  return errorText(missing, '');
}
