import { describe, expect, it } from 'vitest';
import { adviceWriters, behalf, closingStillOpen, contributions, draftOf, hasDevice, isAdviser, openTurn, recordsFor, speaksForPresenter, withoutDevice } from './people';
import { session, step } from './testState';

describe('people and devices', () => {
  it('know who has a device; an older server that says nothing means a device', () => {
    const s = session();
    expect(hasDevice(s, 1)).toBe(true);
    expect(hasDevice(s, 3)).toBe(false);
    s.participants[0] = { id: 1, name: 'Fenna', roles: ['facilitator'] };
    expect(hasDevice(s, 1)).toBe(true);
  });

  it('let the facilitator and the scribe record only for people without a device', () => {
    const s = session();
    expect(recordsFor(s, 1, 3)).toBe(true);
    expect(recordsFor(s, 1, 5)).toBe(false);
    expect(recordsFor(s, 5, 3)).toBe(false);
    expect(recordsFor({ ...s, scribe: 5 }, 5, 3)).toBe(true);
    expect(behalf(s, 1, 1)).toBeUndefined();
    expect(behalf(s, 1, 3)).toBe(3);
    expect(behalf(s, 1, 5)).toBeNull();
    expect(withoutDevice(s, 1)).toEqual([2, 3, 4]);
  });

  it('let the facilitator speak for a presenter without a device', () => {
    const s = session();
    expect(speaksForPresenter(s, 1)).toBe(true);
    expect(speaksForPresenter(s, 5)).toBe(false);
    s.participants[1] = { ...s.participants[1], device: true };
    expect(speaksForPresenter(s, 1)).toBe(false);
  });

  it('read the step’s way of contributing, typed when the server does not say', () => {
    expect(contributions(session())).toBe('spoken');
    expect(contributions(session({ step: step('question_rounds', { contributions: undefined }) }))).toBe('written');
  });

  it('see an open turn only when a contribution can be made', () => {
    expect(openTurn(session())).toBe(3);
    expect(openTurn(session({ turn: { order: [], holder: 3, round: 1, awaiting_question: 2, closed: false } }))).toBeNull();
    expect(openTurn(session({ turn: { order: [], holder: 3, round: 1, awaiting_question: null, closed: true } }))).toBeNull();
    expect(openTurn(session({ step: step('gossip') }))).toBeNull();
  });

  it('walk the closing round for the facilitator and those without a device', () => {
    const s = session({ step: step('closing') });
    expect(closingStillOpen(s, 1)).toEqual([1, 2, 3, 4]);
    s.flip_chart = { ...s.flip_chart, closing_remarks: [{ author: 3, text: '' }] };
    expect(closingStillOpen(s, 1)).toEqual([1, 2, 4]);
  });

  it('know whose written advice this screen types: one’s own, then the advisers without a device', () => {
    const s = session();
    expect(isAdviser(s, 2)).toBe(false);
    expect(adviceWriters(s, 1)).toEqual([1, 3, 4]);
    expect(adviceWriters({ ...s, facilitator_takes_turns: false }, 1)).toEqual([3, 4]);
    expect(adviceWriters(s, 5)).toEqual([5]);
    s.flip_chart = { ...s.flip_chart, drafts: [{ author: 3, text: 'Ik zou…', shared: false, essence: '' }] };
    expect(draftOf(s, 3)?.text).toBe('Ik zou…');
    expect(draftOf(s, 4)).toBeUndefined();
  });
});
