// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it, vi } from 'vitest';

// The catalogs read the saved language at load; the tests run without a browser's storage.
vi.hoisted(() => {
  const memory = new Map<string, string>();
  Object.assign(globalThis, {
    localStorage: {
      getItem: (k: string) => memory.get(k) ?? null,
      setItem: (k: string, v: string) => memory.set(k, v),
      removeItem: (k: string) => memory.delete(k),
    },
  });
});

import { keyText, refusalText } from './index';

describe('refusals in our words', () => {
  it('say a known code in the catalog’s words', () => {
    expect(refusalText('group_full', 'The group is full.', 'De groep is vol.')).toContain('hooguit 8 leden');
  });

  it('fall back to the server’s Dutch sentence, then its English one', () => {
    expect(refusalText('something_new', 'Something new.', 'Iets nieuws.')).toBe('Iets nieuws.');
    expect(refusalText('something_new', 'Something new.')).toBe('Something new.');
    expect(refusalText('something_new')).toBe('Dat lukte niet. Probeer het nog eens.');
  });

  it('show a ground rule the catalog does not know yet as its key', () => {
    expect(keyText('rule', 'confidentiality')).toBe('Wat in de groep besproken wordt, blijft in de groep.');
    expect(keyText('rule', 'a_new_rule')).toBe('a_new_rule');
  });
});
