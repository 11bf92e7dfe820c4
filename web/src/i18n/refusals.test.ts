// SPDX-License-Identifier: EUPL-1.2
import '../testStorage';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorText, setLang } from './index';
import { refusalText } from './groups';
import { sessionRefusals } from './refusals';
import { groupRefusals } from './groups/refusals';
import { nl } from './nl';
import { en } from './en';
import { nl as groupsNl } from './groups/nl';
import { en as groupsEn } from './groups/en';

// setLang marks the page's language; the tests run without a page.
vi.hoisted(() => {
  if (typeof document === 'undefined') Object.assign(globalThis, { document: { documentElement: {} } });
});

const catalogues = [
  ['live sessions', sessionRefusals],
  ['groups', groupRefusals],
] as const;

afterEach(() => setLang('nl'));

describe('the refusal catalogues', () => {
  it.each(catalogues)('give every refusal of %s a sentence in Dutch and in English', (_, catalogue) => {
    expect(catalogue.size).toBeGreaterThan(40);
    for (const [code, entry] of catalogue) {
      expect(code).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(entry.nl.trim(), code).not.toBe('');
      expect(entry.en.trim(), code).not.toBe('');
      expect(entry.nl, code).not.toBe(entry.en);
    }
  });

  it('are the only place for those texts: the web catalogs have none of their codes', () => {
    for (const [code] of sessionRefusals) {
      expect(Object.keys(nl), code).not.toContain(`err.${code}`);
      expect(Object.keys(en), code).not.toContain(`err.${code}`);
    }
    for (const [code] of groupRefusals) {
      expect(Object.keys(groupsNl), code).not.toContain(`err.${code}`);
      expect(Object.keys(groupsEn), code).not.toContain(`err.${code}`);
    }
  });

  it('speak the language of the page, whatever the server sent along', () => {
    for (const [code, entry] of sessionRefusals) {
      setLang('nl');
      expect(errorText(code, 'the server’s sentence')).toBe(entry.nl);
      setLang('en');
      expect(errorText(code, 'de zin van de server')).toBe(entry.en);
    }
    for (const [code, entry] of groupRefusals) {
      setLang('nl');
      expect(refusalText(code, 'the server’s sentence', 'de zin van de server')).toBe(entry.nl);
      setLang('en');
      expect(refusalText(code, 'the server’s sentence', 'de zin van de server')).toBe(entry.en);
    }
  });

  it('leave other codes to the web app’s words or the server’s sentence', () => {
    setLang('en');
    expect(errorText('offline', '')).toBe(en['err.offline']);
    expect(errorText('something_new', 'A new refusal.')).toBe('A new refusal.');
    setLang('nl');
    expect(refusalText('something_new', 'A new refusal.', 'Een nieuwe weigering.')).toBe('Een nieuwe weigering.');
  });
});
