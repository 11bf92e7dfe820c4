// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { checkProposal } from './proposalForm';

const now = Date.UTC(2027, 0, 1, 12, 0);

describe('proposing new dates', () => {
  it('gives the filled rows as instants, skipping empty ones', () => {
    const r = checkProposal(
      [
        { date: '2027-01-19', time: '19:30' },
        { date: '', time: '' },
        { date: '2027-01-21', time: '09:00' },
      ],
      now,
    );
    expect(r).toEqual({ ok: true, dates: [Date.UTC(2027, 0, 19, 18, 30), Date.UTC(2027, 0, 21, 8, 0)] });
  });

  it('asks for at least one date', () => {
    expect(checkProposal([{ date: '', time: '' }], now)).toEqual({ ok: false, rows: [null], general: 'no_dates' });
  });

  it('names the row that is half filled, past or the same as another', () => {
    const r = checkProposal(
      [
        { date: '2027-01-19', time: '' },
        { date: '2026-12-01', time: '10:00' },
        { date: '2027-01-20', time: '10:00' },
        { date: '2027-01-20', time: '10:00' },
      ],
      now,
    );
    expect(r).toEqual({ ok: false, rows: ['time_missing', 'in_the_past', null, 'date_twice'], general: null });
  });

  it('names a date with a part missing, or a day the month does not have', () => {
    const r = checkProposal(
      [
        { date: '2027--19', time: '10:00' },
        { date: '2027-02-29', time: '10:00' },
        { date: '2027-01-20', time: ':30' },
        { date: '2027-03-28', time: '02:15' },
      ],
      now,
    );
    expect(r).toEqual({
      ok: false,
      rows: ['date_missing', 'date_invalid', 'time_missing', 'time_invalid'],
      general: null,
    });
  });

  it('allows five dates, not six', () => {
    const row = (d: number) => ({ date: `2027-02-0${d}`, time: '10:00' });
    expect(checkProposal([1, 2, 3, 4, 5].map(row), now).ok).toBe(true);
    expect(checkProposal([1, 2, 3, 4, 5, 6].map(row), now)).toMatchObject({ ok: false, general: 'bad_dates' });
  });
});
