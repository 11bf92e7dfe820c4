// SPDX-License-Identifier: EUPL-1.2
// Who has the word, in words: the line under every step, and the band on a phone when it is
// your turn or nearly so. The server says who (protocol 7.2 `floor`, `turn.next`); this only
// says it, and says it to you in the second person. No DOM here, so all of it is unit-tested.

import { t, type MessageKey } from './i18n';
import { hasDevice, isAway } from './may';
import type { SessionState } from './types';

function nameOf(s: SessionState, id: number | null | undefined): string {
  if (id === null || id === undefined) return '';
  return s.participants.find((p) => p.id === id)?.name ?? '';
}

/** The question on the table, if any. */
function pendingQuestion(s: SessionState) {
  const id = s.turn.awaiting_question;
  return id === null ? undefined : s.flip_chart.questions.find((q) => q.id === id);
}

/** "Anna is aan de beurt", with on which device it happens when that is worth saying. */
function holderLine(s: SessionState, me: number, holder: number): string {
  const name = nameOf(s, holder);
  if (holder === me) return t('turn.you');
  if (!hasDevice(s, holder)) {
    return s.facilitator === me
      ? t('turn.holderYouRecord', { name })
      : t('turn.holderRecorded', { name, recorder: nameOf(s, s.facilitator) });
  }
  if (isAway(s, holder)) return t('turn.holderAway', { name });
  // In a room where someone types for others, say that this one types on their own device.
  if (s.participants.some((p) => p.device === false)) return t('turn.holderOwnDevice', { name });
  return t('turn.holder', { name });
}

const doneKey: Partial<Record<string, MessageKey>> = {
  question_rounds: 'turn.closed',
  advice: 'turn.done',
  share_advice: 'turn.done',
  gossip: 'floor.gossipDone',
};

/** One line: who has the word now, as the viewer `me` would say it. '' when there is nothing to say. */
export function floorText(s: SessionState, me: number): string {
  const floor = s.floor;
  if (!floor) return '';
  const presenter = nameOf(s, s.presenter);
  const meIsPresenter = s.presenter === me && me !== 0;
  switch (floor.doing) {
    case 'gathering':
    case 'finished':
      return '';
    case 'collecting':
      return t('floor.collecting');
    case 'naming':
    case 'reflecting':
    case 'reacting':
      return meIsPresenter ? t('turn.youPresent') : t('turn.presenter', { name: presenter });
    case 'preparing':
      return t('floor.preparing');
    case 'asking':
    case 'advising':
    case 'sharing':
      return floor.participant === null ? '' : holderLine(s, me, floor.participant);
    case 'answering':
    case 'rating': {
      const q = pendingQuestion(s);
      const rating = floor.doing === 'rating';
      if (meIsPresenter) return t(rating ? 'floor.youRate' : 'floor.youAnswer', { name: nameOf(s, q?.asker) });
      if (q && q.asker === me) return t(rating ? 'floor.rateYours' : 'floor.answerYours', { name: presenter });
      return t(rating ? 'floor.rate' : 'floor.answer', { name: presenter, asker: nameOf(s, q?.asker) });
    }
    case 'discussing':
      return meIsPresenter ? t('floor.youListen') : t('floor.discussing', { name: presenter });
    case 'writing':
      return meIsPresenter ? t('floor.othersWrite') : t('floor.writing');
    case 'closing':
      return t('floor.closing');
    case 'paused':
      return t('floor.paused');
    case 'disturbance':
      return t('floor.disturbance');
    case 'done':
      return t(doneKey[s.step?.kind ?? ''] ?? 'floor.done');
  }
}

export type BandKind = 'turn' | 'next' | 'listen';

/** The band at the top of a phone: your turn, nearly your turn, or your time to listen. */
export function band(s: SessionState, me: number): { kind: BandKind; text: string } | null {
  const floor = s.floor;
  if (!floor || me === 0 || s.phase !== 'running') return null;
  const meIsPresenter = s.presenter === me;
  switch (floor.doing) {
    case 'asking':
    case 'advising':
    case 'sharing':
      if (floor.participant === me) return { kind: 'turn', text: t('band.yourTurn') };
      if (s.turn.next === me && floor.participant !== null)
        return { kind: 'next', text: t('band.next', { name: nameOf(s, floor.participant) }) };
      return null;
    case 'answering':
    case 'rating':
      return meIsPresenter
        ? { kind: 'turn', text: t('band.question', { name: nameOf(s, pendingQuestion(s)?.asker) }) }
        : null;
    case 'naming':
    case 'reflecting':
    case 'reacting':
      return meIsPresenter ? { kind: 'turn', text: t('band.yourWord') } : null;
    case 'discussing':
      return meIsPresenter ? { kind: 'listen', text: t('band.listen') } : null;
    default:
      return null;
  }
}
