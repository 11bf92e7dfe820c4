// The one-laptop mode's keyboard: which single keys do what, now, on the facilitator's screen.
// Pure: the state in, the actions out; the page draws the legend from the same list it obeys,
// so what is shown is what works. No text or DOM here (labels are catalog keys), so all of it is
// unit-tested.

import type { MessageKey } from './i18n';
import type { Command, SessionState } from './types';
import { adviceWriters, behalf, closingStillOpen, draftOf, hasDevice, isSpoken, openTurn, speaksForPresenter } from './people';

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

/** The title of what `next_step` leads to is the page's business; here only whether it may. */
function mayGoOn(s: SessionState): boolean {
  const step = s.step;
  if (!step) return false;
  if (step.kind === 'reframe' && step.reframe === 'undecided') return false;
  return s.turn.awaiting_question === null;
}

/** The shortcuts that work now for `me`, in the order of the legend. `hasField`: the strip shows a text field. */
export function consoleActions(s: SessionState, me: number, hasField = false): Action[] {
  const out: Action[] = [];
  const facilitating = s.facilitator === me;
  const step = s.step;

  if (s.phase === 'lobby') {
    if (facilitating) out.push({ id: 'next', key: 'N', label: 'key.start', effect: { kind: 'command', command: { kind: 'start' } } });
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

  if (!halted) {
    // The turn holder's contribution, and passing.
    const holder = openTurn(s);
    const on = holder === null ? null : behalf(s, me, holder);
    if (holder !== null && on !== null) {
      const name = nameOf(s, holder);
      const self = holder === me;
      if (step.kind === 'question_rounds' || step.kind === 'advice') {
        const question = step.kind === 'question_rounds';
        const label: MessageKey = question ? (self ? 'key.askedYou' : 'key.asked') : self ? 'key.givenYou' : 'key.given';
        const command: Command = question ? { kind: 'ask_question', text: '' } : { kind: 'give_advice', text: '' };
        // Typed steps need the words: the key takes you to the field instead.
        const effect: Effect = isSpoken(s) ? { kind: 'command', command: withBehalf(command, on) } : { kind: 'focus' };
        if (isSpoken(s) || hasField) out.push({ id: 'contributed', key: 'V', label, params: { name }, effect });
      }
      if (step.kind === 'share_advice') {
        // Written advice is handed over as it is; without any, the words are needed first.
        const written = draftOf(s, holder) !== undefined;
        const effect: Effect = written ? { kind: 'command', command: withBehalf({ kind: 'share_advice' }, on) } : { kind: 'focus' };
        if (written || hasField) out.push({ id: 'contributed', key: 'V', label: self ? 'key.sharedYou' : 'key.shared', params: { name }, effect });
      }
      out.push({
        id: 'pass',
        key: 'P',
        label: self ? 'key.passYou' : 'key.pass',
        params: { name },
        effect: { kind: 'command', command: withBehalf({ kind: 'pass' }, on) },
      });
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
          effect: { kind: 'command', command: withBehalf({ kind: 'closing_remark' }, next === me ? undefined : next) },
        });
      }
    }

    // A question on the table: the presenter's answer, typed in for a presenter without a device
    // (or one whose phone has gone away).
    const pending = step.kind === 'question_rounds' && s.turn.awaiting_question !== null;
    const presenterHere = s.presenter !== null && hasDevice(s, s.presenter) && s.connected.includes(s.presenter);
    if (pending && facilitating && !presenterHere) {
      const name = nameOf(s, s.presenter);
      if (step.answer_mode !== 'rate') out.push({ id: 'answered', key: 'B', label: 'key.answered', params: { name }, effect: { kind: 'command', command: { kind: 'answer_question' } } });
      out.push({ id: 'declined', key: 'G', label: 'key.declined', params: { name }, effect: { kind: 'command', command: { kind: 'decline_question' } } });
    }

    if (facilitating) {
      if (step.kind === 'question_rounds' && !s.turn.closed && !pending) {
        out.push({ id: 'close', key: 'S', label: 'key.closeRounds', effect: { kind: 'command', command: { kind: 'close_rounds' } } });
      }
      if (step.kind === 'gossip' && !step.gossip_closed) {
        out.push({ id: 'close', key: 'S', label: 'key.closeGossip', effect: { kind: 'command', command: { kind: 'close_gossip' } } });
      }
      if (s.timer?.preparing) {
        out.push({ id: 'prep', key: 'E', label: 'key.prepEnd', effect: { kind: 'command', command: { kind: 'end_preparation' } } });
      } else if (step.kind === 'statement' && fc.statement && !s.timer?.preparation_ended) {
        out.push({ id: 'prep', key: 'E', label: 'key.prepStart', effect: { kind: 'command', command: { kind: 'start_preparation' } } });
      }
    }

    // The presenter's part, for a presenter without a device.
    if (speaksForPresenter(s, me)) {
      const name = nameOf(s, s.presenter);
      if (step.kind === 'gossip' && step.gossip_closed && step.presenter_reflects && !step.reflected) {
        out.push({ id: 'presenter', key: 'R', label: 'key.reflected', params: { name }, effect: { kind: 'command', command: { kind: 'reflect' } } });
      }
      if (step.kind === 'presenter_reflection' && !step.reflected) {
        out.push({ id: 'presenter', key: 'R', label: 'key.lastWord', params: { name }, effect: { kind: 'command', command: { kind: 'reflect' } } });
      }
      if (step.kind === 'presenter_reaction' && fc.reaction === null) {
        out.push({ id: 'presenter', key: 'R', label: 'key.reacted', params: { name }, effect: { kind: 'command', command: { kind: 'react' } } });
      }
      if (step.kind === 'reframe' && step.reframe !== 'kept') {
        out.push({ id: 'keep', key: 'K', label: 'key.keep', params: { name }, effect: { kind: 'command', command: { kind: 'keep_statement' } } });
      }
    }

    if (facilitating && step.kind === 'inventory' && fc.chosen === null && fc.candidates.some((c) => !c.withdrawn)) {
      out.push({ id: 'choose', key: '1–9', label: 'key.choose', effect: { kind: 'command', command: { kind: 'choose_issue' } } });
    }
    if (hasField) out.push({ id: 'type', key: '/', label: 'key.type', effect: { kind: 'focus' } });
  }

  if (facilitating && !s.disturbance) {
    if (!halted && mayGoOn(s)) out.push({ id: 'next', key: 'N', label: 'key.next', effect: { kind: 'next' } });
    out.push(
      s.paused
        ? { id: 'pause', key: 'T', label: 'key.resume', effect: { kind: 'command', command: { kind: 'resume' } } }
        : { id: 'pause', key: 'T', label: 'key.pause', effect: { kind: 'command', command: { kind: 'pause' } } },
    );
    if (!halted) out.push({ id: 'time', key: '+', label: 'key.time', effect: { kind: 'command', command: { kind: 'adjust_time', seconds: 120 } } });
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
  if (s.phase === 'lobby') return s.facilitator === me && s.participants.length < 8 ? ['person'] : [];
  if (s.phase !== 'running' || !step || s.disturbance || s.paused) return [];
  const out: FieldKind[] = [];
  const forPresenter = speaksForPresenter(s, me);
  const holder = openTurn(s);
  const recordable = holder !== null && behalf(s, me, holder) !== null;
  switch (step.kind) {
    case 'inventory':
      if (s.flip_chart.chosen === null) out.push('issue');
      break;
    case 'statement':
      if (forPresenter && !s.timer?.preparing) out.push('statement');
      break;
    case 'question_rounds':
      if (recordable) out.push('question');
      break;
    case 'advice':
      if (recordable) out.push('advice');
      break;
    case 'written_advice':
      if (adviceWriters(s, me).length > 0) out.push('draft');
      break;
    case 'share_advice':
      if (recordable) out.push('share');
      break;
    case 'gossip':
      if (!step.gossip_closed) out.push('observation');
      else if (step.presenter_reflects && forPresenter) out.push('reflection');
      break;
    case 'reframe':
      if (forPresenter) out.push('reframe');
      break;
    case 'presenter_reaction':
      if (forPresenter) out.push('tomorrow');
      break;
    case 'presenter_reflection':
      if (forPresenter) out.push('lastWord');
      break;
    case 'closing':
      if (closingStillOpen(s, me).length > 0) out.push('closing');
      break;
  }
  if ((step.kind === 'gossip' || step.kind === 'advice' || step.kind === 'share_advice') && s.presenter !== me) out.push('note');
  return out;
}
