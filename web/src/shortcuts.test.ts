// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { actionForKey, consoleActions, isTyping, stripFieldKinds, type Action } from './shortcuts';
import { session, step } from './testState';
import type { SessionState } from './types';

const keys = (actions: Action[]) => actions.map((a) => a.key);
const press = (s: SessionState, key: string, extra: object = {}) =>
  actionForKey(consoleActions(s, 1, stripFieldKinds(s, 1).length > 0), { key, ...extra }, s);

describe('the one-laptop keys', () => {
  it('contribute for the turn holder the server lets this laptop act for, and pass for them', () => {
    const s = session();
    const v = press(s, 'v');
    expect(v?.effect).toEqual({ kind: 'contribute', who: 3, turn: 'question' });
    expect(v?.params).toEqual({ name: 'Anna' });
    expect(press(s, 'P')?.effect).toEqual({ kind: 'command', command: { kind: 'pass', on_behalf_of: 3 } });
  });

  it('act for the facilitator themselves without on_behalf_of', () => {
    const s = session({
      floor: { who: 'participant', participant: 1, doing: 'asking' },
      may: ['ask_question', 'pass'],
      may_for: {},
    });
    expect(press(s, 'v')?.effect).toEqual({ kind: 'contribute', who: 1, turn: 'question' });
    expect(press(s, 'v')?.label).toBe('key.askedYou');
    expect(press(s, 'p')?.effect).toEqual({ kind: 'command', command: { kind: 'pass' } });
  });

  it('leave a turn holder the server does not let this laptop act for to their own device', () => {
    const s = session({ floor: { who: 'participant', participant: 5, doing: 'asking' }, may_for: {} });
    expect(press(s, 'v')).toBeNull();
    expect(press(s, 'p')).toBeNull();
    expect(keys(consoleActions(s, 1))).toContain('N');
  });

  it('act for someone whose phone went away, when the server allows it', () => {
    const s = session({
      floor: { who: 'participant', participant: 5, doing: 'asking' },
      may_for: { '5': ['ask_question', 'pass'] },
    });
    expect(press(s, 'p')?.effect).toEqual({ kind: 'command', command: { kind: 'pass', on_behalf_of: 5 } });
  });

  it('contribute advice and sharing the same way', () => {
    const advice = session({
      step: step('advice'),
      floor: { who: 'participant', participant: 3, doing: 'advising' },
      may_for: { '3': ['give_advice', 'pass'] },
    });
    expect(press(advice, 'v')?.effect).toEqual({ kind: 'contribute', who: 3, turn: 'advice' });
    const share = session({
      step: step('share_advice'),
      floor: { who: 'participant', participant: 3, doing: 'sharing' },
      may_for: { '3': ['share_advice', 'pass'] },
    });
    expect(press(share, 'v')?.effect).toEqual({ kind: 'contribute', who: 3, turn: 'share' });
    expect(press(share, 'v')?.label).toBe('key.shared');
  });

  it('answer or decline for the presenter when the server allows it, and hold the turn keys meanwhile', () => {
    const s = session({
      floor: { who: 'presenter', participant: 2, doing: 'answering' },
      may_for: {},
      next_step: { ready: false, missing: 'answer_pending', confirm: false },
    });
    expect(press(s, 'b')?.effect).toEqual({ kind: 'command', command: { kind: 'answer_question' } });
    expect(press(s, 'g')?.effect).toEqual({ kind: 'command', command: { kind: 'decline_question' } });
    expect(press(s, 'v')).toBeNull();
    expect(press(s, 'n')).toBeNull();
    const here = session({ may: ['close_rounds'], floor: { who: 'presenter', participant: 2, doing: 'answering' } });
    expect(press(here, 'b')).toBeNull();
  });

  it('go on when the step is ready or can be confirmed, pause and resume, add time', () => {
    expect(press(session(), 'n')?.effect).toEqual({ kind: 'next' });
    expect(press(session({ next_step: { ready: true } }), 'n')?.effect).toEqual({ kind: 'next' });
    expect(
      press(session({ next_step: { ready: false, missing: 'issue_not_chosen', confirm: false } }), 'n'),
    ).toBeNull();
    expect(press(session(), 't')?.effect).toEqual({ kind: 'command', command: { kind: 'pause' } });
    const paused = session({ paused: true, may: ['resume'] });
    expect(press(paused, 't')?.effect).toEqual({ kind: 'command', command: { kind: 'resume' } });
    expect(press(paused, 'v')).toBeNull();
    expect(press(paused, 'n')).toBeNull();
    expect(press(session(), '+')?.effect).toEqual({ kind: 'command', command: { kind: 'adjust_time', seconds: 120 } });
    expect(press(session(), '=')?.id).toBe('time');
  });

  it('let nothing but the banner act during a disturbance', () => {
    const s = session({ disturbance: { raised_by: 5, text: '', at: 0 } });
    expect(keys(consoleActions(s, 1))).toEqual(['?']);
  });

  it('start the session from the lobby with N', () => {
    const s = session({ phase: 'lobby', step: null, may: ['start', 'add_participant'] });
    expect(press(s, 'n')?.effect).toEqual({ kind: 'command', command: { kind: 'start' } });
    expect(stripFieldKinds(s, 1)).toEqual(['person']);
  });

  it('choose an issue by its number', () => {
    const s = session({
      step: step('inventory'),
      may: ['choose_issue'],
      floor: { who: 'everyone', participant: null, doing: 'collecting' },
    });
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
    expect(press(session({ step: step('gossip'), may: ['close_gossip'] }), 's')?.effect).toEqual({
      kind: 'command',
      command: { kind: 'close_gossip' },
    });
    expect(press(session({ step: step('statement'), may: ['start_preparation'] }), 'e')?.effect).toEqual({
      kind: 'command',
      command: { kind: 'start_preparation' },
    });
    const preparing = session({
      step: step('advice'),
      may: ['end_preparation'],
      may_for: {},
      floor: { who: 'advisers', participant: null, doing: 'preparing' },
    });
    expect(press(preparing, 'e')?.effect).toEqual({ kind: 'command', command: { kind: 'end_preparation' } });
    expect(press(preparing, 'v')).toBeNull();
  });

  it('speak for the presenter when the server lets this laptop do so', () => {
    expect(
      press(
        session({
          step: step('gossip', { gossip_closed: true, presenter_reflects: true, reflected: false }),
          may: ['reflect'],
        }),
        'r',
      )?.effect,
    ).toEqual({
      kind: 'command',
      command: { kind: 'reflect' },
    });
    expect(press(session({ step: step('presenter_reaction'), may: ['react'] }), 'r')?.effect).toEqual({
      kind: 'command',
      command: { kind: 'react' },
    });
    const reframe = session({
      step: step('reframe', { reframe: 'undecided' }),
      may: ['keep_statement', 'reframe'],
      next_step: { ready: false, missing: 'reframe_undecided', confirm: false },
    });
    expect(press(reframe, 'k')?.effect).toEqual({ kind: 'command', command: { kind: 'keep_statement' } });
    expect(press(reframe, 'n')).toBeNull();
    expect(press(session({ step: step('presenter_reaction'), may: [] }), 'r')).toBeNull();
  });

  it('walk the closing round: the facilitator first, then each the laptop speaks for', () => {
    const s = session({
      step: step('closing'),
      may: ['closing_remark'],
      may_for: { '3': ['closing_remark'], '4': ['closing_remark'] },
    });
    expect(press(s, 'v')?.effect).toEqual({ kind: 'command', command: { kind: 'closing_remark' } });
    s.flip_chart = {
      ...s.flip_chart,
      closing_remarks: [
        { author: 1, text: '' },
        { author: 2, text: '' },
      ],
    };
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

  it('give a viewer nothing the server does not allow', () => {
    const s = session({ you: { id: 5, roles: ['adviser'], vote: null }, may: [], may_for: {}, next_step: undefined });
    expect(keys(consoleActions(s, 5))).toEqual(['?']);
  });
});

describe('the strip’s fields', () => {
  it('show what someone has to type on this laptop, now', () => {
    expect(stripFieldKinds(session(), 1)).toEqual(['question']);
    expect(stripFieldKinds(session({ step: step('statement'), may: ['set_statement'] }), 1)).toEqual(['statement']);
    expect(stripFieldKinds(session({ step: step('gossip'), may: ['add_observation'] }), 1)).toEqual(['observation']);
    const advice = session({
      step: step('advice'),
      may: ['add_note'],
      may_for: { '3': ['give_advice', 'pass'] },
      floor: { who: 'participant', participant: 3, doing: 'advising' },
    });
    expect(stripFieldKinds(advice, 1)).toEqual(['advice', 'note']);
    expect(stripFieldKinds(session({ step: step('reframe'), may: ['reframe'] }), 1)).toEqual(['reframe']);
    expect(
      stripFieldKinds(
        session({ step: step('written_advice', { contributions: 'written' }), may_for: { '3': ['write_draft'] } }),
        1,
      ),
    ).toEqual(['draft']);
    expect(stripFieldKinds(session({ paused: true }), 1)).toEqual([]);
    expect(
      stripFieldKinds(session({ floor: { who: 'participant', participant: 5, doing: 'asking' }, may_for: {} }), 1),
    ).toEqual([]);
  });
});
