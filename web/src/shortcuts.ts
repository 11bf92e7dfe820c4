// SPDX-License-Identifier: EUPL-1.2
// The one-laptop mode's keyboard: which single keys do what, now, on the facilitator's screen.
// Pure: the state in, the actions out; the page draws the legend from the same list it obeys,
// so what is shown is what works. No text or DOM here (labels are catalog keys), so all of it is
// unit-tested.

import type { MessageKey } from './i18n';
import type { Command, SessionState } from './types';
import {
  actingFor,
  closingStillOpen,
  contributionCommand,
  may,
  mayAs,
  onBehalfOf,
  turnHolder,
  turnKind,
  type TurnKind,
} from './may';

export type ActionId =
  | 'contributed'
  | 'pass'
  | 'answered'
  | 'declined'
  | 'next'
  | 'pause'
  | 'close'
  | 'prep'
  | 'presenter'
  | 'keep'
  | 'time'
  | 'choose'
  | 'type'
  | 'help';

/** What pressing the key does. */
export type Effect =
  | { kind: 'command'; command: Command }
  /** next_step, with the confirmation when the step's rule is not met yet. */
  | { kind: 'next' }
  /** The turn's contribution for `who`: the words waiting in the field, or one tap said out loud. */
  | { kind: 'contribute'; who: number; turn: TurnKind }
  /** Focus the strip's first text field. */
  | { kind: 'focus' }
  | { kind: 'help' };

export interface Action {
  id: ActionId;
  /** The key as the legend shows it. */
  key: string;
  label: MessageKey;
  params?: Record<string, string | number>;
  effect: Effect;
}

/** Every shortcut, for the "?" overlay: key, and what it does in words. */
export const ALL_SHORTCUTS: { key: string; label: MessageKey }[] = [
  { key: 'V', label: 'key.help.contributed' },
  { key: 'P', label: 'key.help.pass' },
  { key: 'B', label: 'key.help.answered' },
  { key: 'G', label: 'key.help.declined' },
  { key: 'N', label: 'key.help.next' },
  { key: 'T', label: 'key.help.pause' },
  { key: 'S', label: 'key.help.close' },
  { key: 'E', label: 'key.help.prep' },
  { key: 'R', label: 'key.help.presenter' },
  { key: 'K', label: 'key.help.keep' },
  { key: '+', label: 'key.help.time' },
  { key: '1–9', label: 'key.help.choose' },
  { key: '/', label: 'key.help.type' },
  { key: '?', label: 'key.help.help' },
  { key: 'Esc', label: 'key.help.escape' },
];

function nameOf(s: SessionState, id: number | null): string {
  return s.participants.find((p) => p.id === id)?.name ?? '';
}

function withBehalf<C extends Command>(command: C, on: number | undefined): C {
  return on === undefined ? command : { ...command, on_behalf_of: on };
}

/** The shortcuts that work now for `me`, in the order of the legend. `hasField`: the strip shows a text field. */
export function consoleActions(s: SessionState, me: number, hasField = false): Action[] {
  const out: Action[] = [];
  const step = s.step;

  if (s.phase === 'lobby') {
    if (may(s, 'start'))
      out.push({ id: 'next', key: 'N', label: 'key.start', effect: { kind: 'command', command: { kind: 'start' } } });
    if (hasField) out.push({ id: 'type', key: '/', label: 'key.type', effect: { kind: 'focus' } });
    out.push({ id: 'help', key: '?', label: 'key.helpShort', effect: { kind: 'help' } });
    return out;
  }
  if (s.phase !== 'running' || !step) {
    out.push({ id: 'help', key: '?', label: 'key.helpShort', effect: { kind: 'help' } });
    return out;
  }
  const halted = s.disturbance !== null || s.paused;
  const fc = s.flip_chart;
  const presenterIsOther = s.presenter !== null && s.presenter !== me;

  if (!halted) {
    // The turn holder's contribution, and passing.
    const holder = turnHolder(s);
    const kind = turnKind(s);
    if (holder !== null && kind !== null) {
      const name = nameOf(s, holder);
      const self = holder === me;
      const on = onBehalfOf(me, holder);
      if (mayAs(s, me, holder, contributionCommand[kind])) {
        const label: MessageKey =
          kind === 'question'
            ? self
              ? 'key.askedYou'
              : 'key.asked'
            : kind === 'advice'
              ? self
                ? 'key.givenYou'
                : 'key.given'
              : self
                ? 'key.sharedYou'
                : 'key.shared';
        // What the key sends is decided when it is pressed: the words in the field, if any.
        out.push({
          id: 'contributed',
          key: 'V',
          label,
          params: { name },
          effect: { kind: 'contribute', who: holder, turn: kind },
        });
      }
      if (mayAs(s, me, holder, 'pass')) {
        out.push({
          id: 'pass',
          key: 'P',
          label: self ? 'key.passYou' : 'key.pass',
          params: { name },
          effect: { kind: 'command', command: withBehalf({ kind: 'pass' }, on) },
        });
      }
    }

    // The closing round has no turns: the next one still to look back, the facilitator first.
    if (step.kind === 'closing') {
      const next = closingStillOpen(s, me)[0];
      if (next !== undefined) {
        out.push({
          id: 'contributed',
          key: 'V',
          label: next === me ? 'key.closedYou' : 'key.closed',
          params: { name: nameOf(s, next) },
          effect: { kind: 'command', command: withBehalf({ kind: 'closing_remark' }, onBehalfOf(me, next)) },
        });
      }
    }

    // A question on the table: the presenter's answer, tapped in for a presenter without a device
    // (or one whose phone has gone away).
    if (presenterIsOther && step.kind === 'question_rounds') {
      const name = nameOf(s, s.presenter);
      if (may(s, 'answer_question'))
        out.push({
          id: 'answered',
          key: 'B',
          label: 'key.answered',
          params: { name },
          effect: { kind: 'command', command: { kind: 'answer_question' } },
        });
      if (may(s, 'decline_question'))
        out.push({
          id: 'declined',
          key: 'G',
          label: 'key.declined',
          params: { name },
          effect: { kind: 'command', command: { kind: 'decline_question' } },
        });
    }

    if (may(s, 'close_rounds'))
      out.push({
        id: 'close',
        key: 'S',
        label: 'key.closeRounds',
        effect: { kind: 'command', command: { kind: 'close_rounds' } },
      });
    if (may(s, 'close_gossip'))
      out.push({
        id: 'close',
        key: 'S',
        label: 'key.closeGossip',
        effect: { kind: 'command', command: { kind: 'close_gossip' } },
      });
    if (may(s, 'end_preparation')) {
      out.push({
        id: 'prep',
        key: 'E',
        label: 'key.prepEnd',
        effect: { kind: 'command', command: { kind: 'end_preparation' } },
      });
    } else if (may(s, 'start_preparation') && presenterIsOther) {
      out.push({
        id: 'prep',
        key: 'E',
        label: 'key.prepStart',
        effect: { kind: 'command', command: { kind: 'start_preparation' } },
      });
    }

    // The presenter's part, for a presenter without a device or away.
    if (presenterIsOther) {
      const name = nameOf(s, s.presenter);
      if (may(s, 'reflect') && !step.reflected) {
        const label: MessageKey = step.kind === 'presenter_reflection' ? 'key.lastWord' : 'key.reflected';
        out.push({
          id: 'presenter',
          key: 'R',
          label,
          params: { name },
          effect: { kind: 'command', command: { kind: 'reflect' } },
        });
      }
      if (may(s, 'react') && fc.reaction === null) {
        out.push({
          id: 'presenter',
          key: 'R',
          label: 'key.reacted',
          params: { name },
          effect: { kind: 'command', command: { kind: 'react' } },
        });
      }
      if (may(s, 'keep_statement') && step.reframe !== 'kept') {
        out.push({
          id: 'keep',
          key: 'K',
          label: 'key.keep',
          params: { name },
          effect: { kind: 'command', command: { kind: 'keep_statement' } },
        });
      }
    }

    if (may(s, 'choose_issue') && fc.chosen === null && fc.candidates.some((c) => !c.withdrawn)) {
      out.push({
        id: 'choose',
        key: '1–9',
        label: 'key.choose',
        effect: { kind: 'command', command: { kind: 'choose_issue' } },
      });
    }
    if (hasField) out.push({ id: 'type', key: '/', label: 'key.type', effect: { kind: 'focus' } });
  }

  if (!s.disturbance) {
    if (!halted && (s.next_step?.ready || s.next_step?.confirm))
      out.push({ id: 'next', key: 'N', label: 'key.next', effect: { kind: 'next' } });
    if (may(s, 'resume'))
      out.push({
        id: 'pause',
        key: 'T',
        label: 'key.resume',
        effect: { kind: 'command', command: { kind: 'resume' } },
      });
    else if (may(s, 'pause'))
      out.push({ id: 'pause', key: 'T', label: 'key.pause', effect: { kind: 'command', command: { kind: 'pause' } } });
    if (!halted && may(s, 'adjust_time'))
      out.push({
        id: 'time',
        key: '+',
        label: 'key.time',
        effect: { kind: 'command', command: { kind: 'adjust_time', seconds: 120 } },
      });
  }
  out.push({ id: 'help', key: '?', label: 'key.helpShort', effect: { kind: 'help' } });
  return out;
}

/** The part of a key event that decides whether it is a shortcut. */
export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  isComposing?: boolean;
  /** The element that has the focus: tag name (any case), its type, and contenteditable. */
  target?: { tagName?: string; type?: string; isContentEditable?: boolean } | null;
}

const TYPING_INPUTS = new Set(['', 'text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'time']);

/** Keys typed into a field are words, never shortcuts. */
export function isTyping(target: KeyPress['target']): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = (target.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && TYPING_INPUTS.has((target.type ?? '').toLowerCase());
}

/** The action a key press asks for, or null: typing, a modifier, or nothing bound to it now. */
export function actionForKey(actions: Action[], press: KeyPress, s?: SessionState): Action | null {
  if (press.ctrlKey || press.altKey || press.metaKey || press.isComposing) return null;
  if (isTyping(press.target)) return null;
  const key = press.key;
  if (/^[1-9]$/.test(key)) {
    const choose = actions.find((a) => a.id === 'choose');
    if (!choose || !s) return null;
    const open = s.flip_chart.candidates.filter((c) => !c.withdrawn);
    const picked = open[Number(key) - 1];
    if (!picked) return null;
    return { ...choose, effect: { kind: 'command', command: { kind: 'choose_issue', candidate: picked.id } } };
  }
  const wanted = key === '=' ? '+' : key.length === 1 ? key.toUpperCase() : key;
  return actions.find((a) => a.key === wanted) ?? null;
}

/** The text fields the one-laptop strip shows now, in order: only what someone types on this laptop. */
export type FieldKind =
  | 'person'
  | 'issue'
  | 'statement'
  | 'question'
  | 'advice'
  | 'draft'
  | 'share'
  | 'observation'
  | 'reflection'
  | 'reframe'
  | 'note'
  | 'tomorrow'
  | 'lastWord'
  | 'closing';

export function stripFieldKinds(s: SessionState, me: number): FieldKind[] {
  const step = s.step;
  if (s.phase === 'lobby') return may(s, 'add_participant') ? ['person'] : [];
  if (s.phase !== 'running' || !step || s.disturbance || s.paused) return [];
  const out: FieldKind[] = [];
  const forPresenter = s.presenter !== null && s.presenter !== me;
  const holder = turnHolder(s);
  const kind = turnKind(s);
  const recordable = holder !== null && kind !== null && mayAs(s, me, holder, contributionCommand[kind]);
  switch (step.kind) {
    case 'inventory':
      if (s.flip_chart.chosen === null && (may(s, 'propose_issue') || actingFor(s, 'propose_issue').length > 0))
        out.push('issue');
      break;
    case 'statement':
      if (forPresenter && may(s, 'set_statement') && !s.timer?.preparing) out.push('statement');
      break;
    case 'question_rounds':
      if (recordable) out.push('question');
      break;
    case 'advice':
      if (recordable) out.push('advice');
      break;
    case 'written_advice':
      if (may(s, 'write_draft') || actingFor(s, 'write_draft').length > 0) out.push('draft');
      break;
    case 'share_advice':
      if (recordable) out.push('share');
      break;
    case 'gossip':
      if (may(s, 'add_observation') || actingFor(s, 'add_observation').length > 0) out.push('observation');
      else if (forPresenter && may(s, 'reflect')) out.push('reflection');
      break;
    case 'reframe':
      if (forPresenter && may(s, 'reframe')) out.push('reframe');
      break;
    case 'presenter_reaction':
      if (forPresenter && may(s, 'react')) out.push('tomorrow');
      break;
    case 'presenter_reflection':
      if (forPresenter && may(s, 'reflect')) out.push('lastWord');
      break;
    case 'closing':
      if (closingStillOpen(s, me).length > 0) out.push('closing');
      break;
  }
  if ((step.kind === 'advice' || step.kind === 'share_advice') && may(s, 'add_note')) out.push('note');
  return out;
}
