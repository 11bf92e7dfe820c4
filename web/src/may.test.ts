// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import {
  actingFor,
  closingStillOpen,
  contributions,
  hasDevice,
  isAway,
  may,
  mayAs,
  mayFor,
  spokenWithoutKeyPoint,
  turnHolder,
  turnKind,
} from './may';
import { session, step } from './testState';

describe('what this screen may do', () => {
  it('is what the server says, on one’s own account and for others', () => {
    const s = session();
    expect(may(s, 'close_rounds')).toBe(true);
    expect(may(s, 'ask_question')).toBe(false);
    expect(mayFor(s, 3, 'pass')).toBe(true);
    expect(mayFor(s, 4, 'pass')).toBe(false);
    expect(mayAs(s, 1, 3, 'ask_question')).toBe(true);
    expect(mayAs(s, 1, 1, 'ask_question')).toBe(false);
    expect(actingFor(s)).toEqual([3]);
    expect(actingFor(s, 'write_draft')).toEqual([]);
  });

  it('is nothing at all when an older server says nothing', () => {
    const s = session({ may: undefined, may_for: undefined });
    expect(may(s, 'close_rounds')).toBe(false);
    expect(mayFor(s, 3, 'pass')).toBe(false);
  });

  it('knows who has a device and whose device is away', () => {
    const s = session();
    expect(hasDevice(s, 1)).toBe(true);
    expect(hasDevice(s, 3)).toBe(false);
    expect(isAway(s, 5)).toBe(false);
    expect(isAway(s, 3)).toBe(false);
    expect(isAway({ ...s, connected: [1] }, 5)).toBe(true);
  });

  it('reads whose turn is open from the floor, never from the order', () => {
    expect(turnHolder(session())).toBe(3);
    expect(turnKind(session())).toBe('question');
    expect(turnHolder(session({ floor: { who: 'presenter', participant: 2, doing: 'answering' } }))).toBeNull();
    expect(turnHolder(session({ floor: { who: 'advisers', participant: null, doing: 'preparing' } }))).toBeNull();
    expect(turnKind(session({ floor: { who: 'participant', participant: 4, doing: 'sharing' } }))).toBe('share');
  });

  it('reads the step’s way of contributing, typed when the server does not say', () => {
    expect(contributions(session())).toBe('spoken');
    expect(contributions(session({ step: step('question_rounds', { contributions: undefined }) }))).toBe('written');
  });

  it('walks the closing round: oneself first, then whoever this screen speaks for', () => {
    const s = session({
      step: step('closing'),
      may: ['closing_remark'],
      may_for: { '3': ['closing_remark'], '4': ['closing_remark'] },
    });
    expect(closingStillOpen(s, 1)).toEqual([1, 3, 4]);
    s.flip_chart = { ...s.flip_chart, closing_remarks: [{ author: 1, text: '' }] };
    expect(closingStillOpen(s, 1)).toEqual([3, 4]);
  });

  it('finds the contributions said out loud that still lack a key point', () => {
    const s = session();
    s.flip_chart = {
      ...s.flip_chart,
      questions: [
        {
          id: 1,
          step: 2,
          round: 1,
          asker: 3,
          recorded_by: 1,
          text: '',
          outcome: 'answered',
          rating: null,
          rating_recorded_by: null,
        },
        {
          id: 2,
          step: 2,
          round: 1,
          asker: 5,
          recorded_by: null,
          text: 'Wat dan?',
          outcome: 'answered',
          rating: null,
          rating_recorded_by: null,
        },
        {
          id: 3,
          step: 2,
          round: 1,
          asker: 1,
          recorded_by: null,
          text: '',
          outcome: 'answered',
          rating: null,
          rating_recorded_by: null,
          key_point: 'Wat kost het je?',
        },
        {
          id: 4,
          step: 2,
          round: 1,
          asker: 4,
          recorded_by: 1,
          text: '',
          outcome: 'declined',
          rating: null,
          rating_recorded_by: null,
        },
      ],
      advice: [{ id: 1, step: 6, adviser: 5, text: '' }],
    };
    expect(spokenWithoutKeyPoint(s)).toEqual([
      { kind: 'question', id: 1, author: 3, step: 2 },
      { kind: 'advice', id: 1, author: 5, step: 6 },
    ]);
  });
});
