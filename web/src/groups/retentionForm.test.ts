// SPDX-License-Identifier: EUPL-1.2
import '../testStorage';
import { describe, expect, it } from 'vitest';
import { checkRetention, retentionSentence } from './retentionForm';

describe('how long a group keeps its cases', () => {
  it('takes a whole number of days from 1 to 365', () => {
    expect(checkRetention(true, '14')).toEqual({ ok: true, days: 14 });
    expect(checkRetention(true, ' 1 ')).toEqual({ ok: true, days: 1 });
    expect(checkRetention(true, '365')).toEqual({ ok: true, days: 365 });
  });

  it('refuses nothing, nought, a year and a day, parts of days and words', () => {
    for (const text of ['', '0', '366', '1000', '2,5', '2.5', '-3', '1e2', 'veertien']) {
      expect(checkRetention(true, text), text).toEqual({ ok: false });
    }
  });

  it('goes back to the server’s default whatever the field still holds', () => {
    expect(checkRetention(false, '')).toEqual({ ok: true, days: null });
    expect(checkRetention(false, '999')).toEqual({ ok: true, days: null });
  });

  it('says the period as people do, one day included', () => {
    expect(retentionSentence(30)).toBe('Casussen worden 30 dagen na de bijeenkomst gewist.');
    expect(retentionSentence(1)).toBe('Casussen worden een dag na de bijeenkomst gewist.');
  });
});
