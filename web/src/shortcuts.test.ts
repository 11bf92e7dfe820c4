import { describe, expect, it } from 'vitest';
import { actionForKey, consoleActions, isTyping, stripFieldKinds, type Action } from './shortcuts';
import { session, step } from './testState';
import type { SessionState } from './types';

const keys = (actions: Action[]) => actions.map((a) => a.key);
const press = (s: SessionState, key: string, extra: object = {}) => actionForKey(consoleActions(s, 1, stripFieldKinds(s, 1).length > 0), { key, ...extra }, s);

describe('the one-laptop keys', () => {
  it('record a spoken question for the turn holder without a device, with an empty text', () => {
    const s = session();
    const v = press(s, 'v');
    expect(v?.effect).toEqual({ kind: 'command', command: { kind: 'ask_question', text: '', on_behalf_of: 3 } });
    expect(v?.params).toEqual({ name: 'Anna' });
    expect(press(s, 'P')?.effect).toEqual({ kind: 'command', command: { kind: 'pass', on_behalf_of: 3 } });
  });

  it('act for the facilitator themselves without on_behalf_of', () => {
    const s = session({ turn: { order: [1, 3], holder: 1, round: 1, awaiting_question: null, closed: false } });
    expect(press(s, 'v')?.effect).toEqual({ kind: 'command', command: { kind: 'ask_question', text: '' } });
    expect(press(s, 'v')?.label).toBe('key.askedYou');
    expect(press(s, 'p')?.effect).toEqual({ kind: 'command', command: { kind: 'pass' } });
  });

  it('leave someone with their own device to their own device', () => {
    const s = session({ turn: { order: [1, 5], holder: 5, round: 1, awaiting_question: null, closed: false } });
    expect(press(s, 'v')).toBeNull();
    expect(press(s, 'p')).toBeNull();
    expect(keys(consoleActions(s, 1))).toContain('N');
  });

  it('take you to the field in a typed step instead of sending an empty question', () => {
    const s = session({ step: step('question_rounds', { contributions: 'written' }) });
    expect(press(s, 'v')?.effect).toEqual({ kind: 'focus' });
  });

  it('record the advice given out loud', () => {
    const s = session({ step: step('advice') });
    expect(press(s, 'v')?.effect).toEqual({ kind: 'command', command: { kind: 'give_advice', text: '', on_behalf_of: 3 } });
  });

  it('share the written advice of the turn holder without a device, or go to the field when there is none', () => {
    const s = session({ step: step('share_advice') });
    expect(press(s, 'v')?.effect).toEqual({ kind: 'focus' });
    expect(press(s, 'v')?.label).toBe('key.shared');
    expect(press(s, 'p')?.effect).toEqual({ kind: 'command', command: { kind: 'pass', on_behalf_of: 3 } });
    s.flip_chart = { ...s.flip_chart, drafts: [{ author: 3, text: 'Ik zou…', shared: false, essence: '' }] };
    expect(press(s, 'v')?.effect).toEqual({ kind: 'command', command: { kind: 'share_advice', on_behalf_of: 3 } });
    const own = session({ step: step('share_advice'), turn: { order: [1, 3], holder: 1, round: 1, awaiting_question: null, closed: false } });
    own.flip_chart = { ...own.flip_chart, drafts: [{ author: 1, text: 'Ik zou…', shared: false, essence: '' }] };
    expect(press(own, 'v')?.effect).toEqual({ kind: 'command', command: { kind: 'share_advice' } });
    expect(press(own, 'v')?.label).toBe('key.sharedYou');
  });

  it('answer or decline for a presenter without a device, and hold the turn keys meanwhile', () => {
    const s = session({ turn: { order: [1, 3], holder: 3, round: 1, awaiting_question: 7, closed: false } });
    expect(press(s, 'b')?.effect).toEqual({ kind: 'command', command: { kind: 'answer_question' } });
    expect(press(s, 'g')?.effect).toEqual({ kind: 'command', command: { kind: 'decline_question' } });
    expect(press(s, 'v')).toBeNull();
    expect(press(s, 'n')).toBeNull();
    expect(press(s, 's')).toBeNull();
  });

  it('leave the answer to a presenter who is here on their own phone', () => {
    const s = session({ turn: { order: [1, 3], holder: 3, round: 1, awaiting_question: 7, closed: false } });
    s.participants[1] = { ...s.participants[1], device: true };
    s.connected = [1, 2, 5];
    expect(press(s, 'b')).toBeNull();
    s.connected = [1, 5];
    expect(press(s, 'b')).not.toBeNull();
  });

  it('go on, pause and resume, add time', () => {
    expect(press(session(), 'n')?.effect).toEqual({ kind: 'next' });
    expect(press(session(), 't')?.effect).toEqual({ kind: 'command', command: { kind: 'pause' } });
    expect(press(session({ paused: true }), 't')?.effect).toEqual({ kind: 'command', command: { kind: 'resume' } });
    expect(press(session({ paused: true }), 'v')).toBeNull();
    expect(press(session({ paused: true }), 'n')).toBeNull();
    expect(press(session(), '+')?.effect).toEqual({ kind: 'command', command: { kind: 'adjust_time', seconds: 120 } });
    expect(press(session(), '=')?.id).toBe('time');
  });

  it('let nothing but the banner act during a disturbance', () => {
    const s = session({ disturbance: { raised_by: 5, text: '', at: 0 } });
    expect(keys(consoleActions(s, 1))).toEqual(['?']);
  });

  it('start the session from the lobby with N', () => {
    const s = session({ phase: 'lobby', step: null });
    expect(press(s, 'n')?.effect).toEqual({ kind: 'command', command: { kind: 'start' } });
    expect(stripFieldKinds(s, 1)).toEqual(['person']);
  });

  it('choose an issue by its number', () => {
    const s = session({ step: step('inventory') });
    s.flip_chart = {
      ...s.flip_chart,
      chosen: null,
      candidates: [
        { id: 4, owner: 2, text: 'a', withdrawn: true, votes: 0 },
        { id: 5, owner: 3, text: 'b', withdrawn: false, votes: 0 },
        { id: 6, owner: 2, text: 'c', withdrawn: false, votes: 0 },
      ],
    };
    expect(press(s, '2')?.effect).toEqual({ kind: 'command', command: { kind: 'choose_issue', candidate: 6 } });
    expect(press(s, '3')).toBeNull();
  });

  it('close the rounds and the gossip, and run the time to think', () => {
    expect(press(session(), 's')?.effect).toEqual({ kind: 'command', command: { kind: 'close_rounds' } });
    expect(press(session({ step: step('gossip') }), 's')?.effect).toEqual({ kind: 'command', command: { kind: 'close_gossip' } });
    expect(press(session({ step: step('statement') }), 'e')?.effect).toEqual({ kind: 'command', command: { kind: 'start_preparation' } });
    const preparing = session({ step: step('advice') });
    preparing.timer = { ...preparing.timer!, preparing: true };
    expect(press(preparing, 'e')?.effect).toEqual({ kind: 'command', command: { kind: 'end_preparation' } });
    expect(press(preparing, 'v')).toBeNull();
  });

  it('speak for a presenter without a device', () => {
    expect(press(session({ step: step('gossip', { gossip_closed: true, presenter_reflects: true, reflected: false }) }), 'r')?.effect).toEqual({
      kind: 'command',
      command: { kind: 'reflect' },
    });
    expect(press(session({ step: step('presenter_reaction') }), 'r')?.effect).toEqual({ kind: 'command', command: { kind: 'react' } });
    expect(press(session({ step: step('reframe', { reframe: 'undecided' }) }), 'k')?.effect).toEqual({ kind: 'command', command: { kind: 'keep_statement' } });
    expect(press(session({ step: step('reframe', { reframe: 'undecided' }) }), 'n')).toBeNull();
    const own = session({ step: step('presenter_reaction') });
    own.participants[1] = { ...own.participants[1], device: true };
    expect(press(own, 'r')).toBeNull();
  });

  it('walk the closing round: the facilitator first, then each without a device', () => {
    const s = session({ step: step('closing') });
    expect(press(s, 'v')?.effect).toEqual({ kind: 'command', command: { kind: 'closing_remark' } });
    s.flip_chart = { ...s.flip_chart, closing_remarks: [{ author: 1, text: '' }, { author: 2, text: '' }] };
    expect(press(s, 'v')?.effect).toEqual({ kind: 'command', command: { kind: 'closing_remark', on_behalf_of: 3 } });
    s.flip_chart = { ...s.flip_chart, closing_remarks: [1, 2, 3, 4].map((author) => ({ author, text: '' })) };
    expect(press(s, 'v')).toBeNull();
  });

  it('never fire while typing, nor with a modifier', () => {
    const s = session();
    expect(press(s, 'v', { target: { tagName: 'INPUT', type: 'text' } })).toBeNull();
    expect(press(s, 'v', { target: { tagName: 'textarea' } })).toBeNull();
    expect(press(s, 'v', { target: { tagName: 'SELECT' } })).toBeNull();
    expect(press(s, 'v', { target: { tagName: 'DIV', isContentEditable: true } })).toBeNull();
    expect(press(s, 'v', { ctrlKey: true })).toBeNull();
    expect(press(s, 'v', { metaKey: true })).toBeNull();
    expect(press(s, 'v', { altKey: true })).toBeNull();
    expect(press(s, 'v', { isComposing: true })).toBeNull();
    // A focused button or checkbox is no field: the keys still work there.
    expect(press(s, 'v', { target: { tagName: 'BUTTON', type: 'button' } })).not.toBeNull();
    expect(press(s, 'v', { target: { tagName: 'INPUT', type: 'radio' } })).not.toBeNull();
    expect(isTyping(null)).toBe(false);
  });

  it('open the overview with ? at any moment', () => {
    expect(press(session(), '?')?.effect).toEqual({ kind: 'help' });
    expect(press(session({ phase: 'finished', step: null }), '?')?.effect).toEqual({ kind: 'help' });
  });

  it('are only the facilitator’s: another viewer gets no procedure keys', () => {
    const s = session({ you: { id: 5, roles: ['adviser'], vote: null } });
    expect(keys(consoleActions(s, 5))).toEqual(['?']);
  });
});

describe('the strip’s fields', () => {
  it('show what someone has to type on this laptop, now', () => {
    expect(stripFieldKinds(session(), 1)).toEqual(['question']);
    expect(stripFieldKinds(session({ step: step('statement') }), 1)).toEqual(['statement']);
    expect(stripFieldKinds(session({ step: step('gossip') }), 1)).toEqual(['observation', 'note']);
    expect(stripFieldKinds(session({ step: step('advice') }), 1)).toEqual(['advice', 'note']);
    expect(stripFieldKinds(session({ step: step('reframe') }), 1)).toEqual(['reframe']);
    expect(stripFieldKinds(session({ step: step('written_advice', { contributions: 'written' }) }), 1)).toEqual(['draft']);
    expect(stripFieldKinds(session({ step: step('share_advice') }), 1)).toEqual(['share', 'note']);
    expect(stripFieldKinds(session({ paused: true }), 1)).toEqual([]);
    const other = session({ turn: { order: [1, 5], holder: 5, round: 1, awaiting_question: null, closed: false } });
    expect(stripFieldKinds(other, 1)).toEqual([]);
  });
});
