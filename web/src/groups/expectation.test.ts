// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { whatNow } from './expectation';
import type { MeetingView, Proposal } from './types';

type Facts = Parameters<typeof whatNow>[0];
const base: Facts = {
  status: 'scheduled',
  to_come: true,
  you_arrange_new_date: false,
  proposal: null,
  rescheduler: null,
  yours: 'none',
};
const dirk = { id: 'd', display_name: 'Dirk' };
const proposal = (yours: boolean[] | null): Proposal => ({
  proposed_at: 1,
  dates: [],
  answered: [dirk, dirk],
  your_answers: yours,
});

describe('what a meeting expects of me', () => {
  it('asks to sign up, or says where I stand', () => {
    expect(whatNow(base)).toEqual({ kind: 'sign_up' });
    expect(whatNow({ ...base, yours: 'signed_up' })).toEqual({ kind: 'signed_up' });
    expect(whatNow({ ...base, yours: 'cancelled' })).toEqual({ kind: 'cancelled' });
  });

  it('gives the second canceller the new date to arrange', () => {
    const mine: Facts = {
      ...base,
      status: 'needs_new_date',
      you_arrange_new_date: true,
      rescheduler: dirk,
      yours: 'cancelled',
    };
    expect(whatNow(mine)).toEqual({ kind: 'propose_dates' });
    expect(whatNow({ ...mine, proposal: proposal(null) })).toEqual({ kind: 'choose_date', answered: 2 });
  });

  it('tells everyone else who arranges it, and asks for answers once there are dates', () => {
    const other: Facts = { ...base, status: 'needs_new_date', rescheduler: dirk, yours: 'signed_up' };
    expect(whatNow(other)).toEqual({ kind: 'wait_for_dates', arranger: 'Dirk' });
    expect(whatNow({ ...other, proposal: proposal(null) })).toEqual({ kind: 'answer_dates', arranger: 'Dirk' });
    expect(whatNow({ ...other, proposal: proposal([true]) })).toEqual({ kind: 'wait_for_choice', arranger: 'Dirk' });
  });

  it('asks nothing of a meeting that is called off or over', () => {
    expect(whatNow({ ...base, status: 'called_off' })).toEqual({ kind: 'called_off' });
    expect(whatNow({ ...base, to_come: false, status: 'needs_new_date' } as MeetingView)).toEqual({ kind: 'past' });
  });
});
