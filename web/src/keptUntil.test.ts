// SPDX-License-Identifier: EUPL-1.2
import './testStorage';
import { describe, expect, it, vi } from 'vitest';
import { setLang } from './i18n';
import { keepingSentence, lastWholeDay } from './keptUntil';

// Amsterdam is UTC+2 in summer, UTC+1 in winter.
const amsterdam = (y: number, m: number, d: number, h: number, min = 0, offset = 2) =>
  Date.UTC(y, m - 1, d, h - offset, min);

describe('how long the record can be taken home', () => {
  it('names the last whole day before the content is erased', () => {
    const keptUntil = amsterdam(2026, 4, 11, 14, 30);
    expect(keepingSentence(keptUntil, amsterdam(2026, 3, 12, 20))).toBe(
      'Dit verslag kun je downloaden tot en met 10 april 2026; daarna wist Intervisie de inhoud van deze casus.',
    );
  });

  it('never promises a day that is cut short, not even by half an hour after midnight', () => {
    expect(lastWholeDay(amsterdam(2026, 4, 11, 0, 30))).toBe(Date.UTC(2026, 3, 10, 12));
    // Erased from midnight on: the day before is still whole.
    expect(lastWholeDay(amsterdam(2026, 4, 11, 0, 0))).toBe(Date.UTC(2026, 3, 10, 12));
  });

  it('counts days in Amsterdam, whatever the hour in UTC, and across a change of clocks', () => {
    // 00:30 in Amsterdam on 1 January is still 31 December in UTC.
    expect(lastWholeDay(amsterdam(2027, 1, 1, 0, 30, 1))).toBe(Date.UTC(2026, 11, 31, 12));
    // Summer time begins in the night of 28 to 29 March 2026.
    expect(lastWholeDay(amsterdam(2026, 3, 29, 12))).toBe(Date.UTC(2026, 2, 28, 12));
  });

  it('still says the date on that last day itself', () => {
    const keptUntil = amsterdam(2026, 4, 11, 14, 30);
    expect(keepingSentence(keptUntil, amsterdam(2026, 4, 10, 23, 59))).toContain('tot en met 10 april 2026');
  });

  it('says to download now once no whole day is left, also when the purge has not come yet', () => {
    const keptUntil = amsterdam(2026, 4, 11, 14, 30);
    const ending =
      'Intervisie wist de inhoud van deze casus vandaag of binnenkort. Wil je dit verslag houden, download het dan nu.';
    expect(keepingSentence(keptUntil, amsterdam(2026, 4, 11, 9))).toBe(ending);
    expect(keepingSentence(keptUntil, amsterdam(2026, 4, 12, 9))).toBe(ending);
  });

  it('speaks English with the day before the month', () => {
    vi.stubGlobal('document', { documentElement: {} });
    setLang('en');
    try {
      expect(keepingSentence(amsterdam(2026, 4, 11, 14, 30), amsterdam(2026, 3, 12, 20))).toBe(
        'You can download this record up to and including 10 April 2026; after that Intervisie erases this case’s content.',
      );
    } finally {
      setLang('nl');
      vi.unstubAllGlobals();
    }
  });
});
