// SPDX-License-Identifier: EUPL-1.2
import './testStorage';
import { describe, expect, it } from 'vitest';
import { missingText } from './readiness';
import { session, step } from './testState';

describe('what still stands between the facilitator and the next step', () => {
  it('is said in words, not as “this step is not done”', () => {
    expect(missingText(session({ step: step('inventory') }), 'issue_not_chosen')).toBe(
      'Kies eerst samen een vraagstuk.',
    );
    expect(missingText(session({ step: step('statement') }), 'statement_required')).toBe(
      'Eerst zet Pieter het vraagstuk op de flap.',
    );
    expect(missingText(session(), 'answer_pending')).toBe('Er ligt nog een vraag bij Pieter.');
    expect(missingText(session(), 'rounds_still_open')).toContain('De vragenrondes lopen nog');
    expect(missingText(session({ step: step('reframe') }), 'reframe_undecided')).toContain('kiest Pieter');
  });

  it('names who is still to come in a round of advice', () => {
    const s = session({
      step: step('advice'),
      turn: { order: [1, 3, 4, 5], holder: 4, round: 1, awaiting_question: null, closed: false },
    });
    expect(missingText(s, 'turns_remaining')).toBe('Nog aan de beurt: Bram, Cas.');
  });

  it('names who has not looked back yet', () => {
    const s = session({ step: step('closing') });
    s.flip_chart = {
      ...s.flip_chart,
      closing_remarks: [
        { author: 1, text: '' },
        { author: 3, text: '' },
      ],
    };
    expect(missingText(s, 'closing_remarks_missing')).toBe('Nog niet teruggeblikt: Pieter, Bram, Cas.');
  });

  it('tells the gossip round from the presenter’s reflection on it, and the last word', () => {
    const gossip = session({ step: step('gossip', { gossip_closed: true }) });
    expect(missingText(gossip, 'reflection_missing')).toBe('Pieter heeft nog niet verteld wat het deed.');
    expect(missingText(session({ step: step('gossip') }), 'gossip_still_open')).toContain('Het rondje loopt nog');
    expect(missingText(session({ step: step('presenter_reflection') }), 'reflection_missing')).toContain(
      'laatste woord',
    );
  });

  it('falls back to the refusal’s own words', () => {
    expect(missingText(session(), 'disturbance_open')).toBe('Er is een storing; die gaat eerst voor.');
  });
});
