// SPDX-License-Identifier: EUPL-1.2
import './testStorage';
import { describe, expect, it } from 'vitest';
import { band, floorText } from './floor';
import { session, step } from './testState';
import type { SessionState } from './types';

const asker = (s: SessionState, id: number) => {
  s.turn = { ...s.turn, awaiting_question: 7 };
  s.flip_chart = {
    ...s.flip_chart,
    questions: [
      {
        id: 7,
        step: 0,
        round: 1,
        asker: id,
        recorded_by: null,
        text: '',
        outcome: 'pending',
        rating: null,
        rating_recorded_by: null,
      },
    ],
  };
  return s;
};

describe('who has the word', () => {
  it('speaks to you in the second person, and of others by name', () => {
    expect(floorText(session(), 3)).toBe('Jij bent aan de beurt');
    expect(floorText(session({ floor: { who: 'participant', participant: 5, doing: 'asking' } }), 1)).toBe(
      'Cas is aan de beurt, op het eigen apparaat',
    );
  });

  it('says who types for someone without a device', () => {
    expect(floorText(session(), 1)).toBe('Anna is aan de beurt; jij tikt het in');
    expect(floorText(session(), 5)).toBe('Anna is aan de beurt; Fenna tikt het in');
  });

  it('says when the turn holder’s device is away', () => {
    const s = session({ floor: { who: 'participant', participant: 5, doing: 'asking' }, connected: [1] });
    expect(floorText(s, 1)).toBe('Cas is aan de beurt, maar is niet verbonden');
  });

  it('never has the presenter read about themself in the third person', () => {
    const s = asker(session({ floor: { who: 'presenter', participant: 2, doing: 'answering' } }), 3);
    expect(floorText(s, 2)).toBe('Jij beantwoordt de vraag van Anna');
    expect(floorText(s, 3)).toBe('Pieter beantwoordt jouw vraag');
    expect(floorText(s, 5)).toBe('Pieter beantwoordt de vraag van Anna');
  });

  it('is nobody’s during the time to think, and the presenter’s after the gossip', () => {
    expect(floorText(session({ floor: { who: 'advisers', participant: null, doing: 'preparing' } }), 2)).toBe(
      'Bedenktijd: iedereen denkt in stilte na',
    );
    const reflecting = session({
      step: step('gossip', { gossip_closed: true }),
      floor: { who: 'presenter', participant: 2, doing: 'reflecting' },
    });
    expect(floorText(reflecting, 5)).toBe('Pieter (inbrenger) heeft het woord');
    expect(floorText(reflecting, 2)).toBe('Jij hebt het woord');
    expect(
      floorText(
        session({ step: step('gossip'), floor: { who: 'advisers', participant: null, doing: 'discussing' } }),
        2,
      ),
    ).toBe('De anderen praten; jij luistert');
  });

  it('says a step is done when it is', () => {
    expect(floorText(session({ floor: { who: 'nobody', participant: null, doing: 'done' } }), 1)).toBe(
      'De vragenrondes zijn klaar',
    );
  });
});

describe('the band on a phone', () => {
  it('tells you it is your turn, and that you are next', () => {
    expect(band(session(), 3)).toEqual({ kind: 'turn', text: 'Jij bent aan de beurt' });
    const s = session({
      turn: { order: [1, 3, 4, 5], holder: 3, round: 1, awaiting_question: null, closed: false, next: 4 },
    });
    expect(band(s, 4)).toEqual({ kind: 'next', text: 'Na Anna ben jij' });
    expect(band(s, 5)).toBeNull();
  });

  it('tells the presenter a question waits, and when to listen', () => {
    const s = asker(session({ floor: { who: 'presenter', participant: 2, doing: 'answering' } }), 3);
    expect(band(s, 2)).toEqual({ kind: 'turn', text: 'Anna stelde je een vraag' });
    expect(band(session({ floor: { who: 'advisers', participant: null, doing: 'discussing' } }), 2)?.kind).toBe(
      'listen',
    );
  });

  it('shows nothing on the wall, nor outside a running session', () => {
    expect(band(session(), 0)).toBeNull();
    expect(band(session({ phase: 'lobby' }), 3)).toBeNull();
  });
});
