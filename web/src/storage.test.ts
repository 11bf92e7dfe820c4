// SPDX-License-Identifier: EUPL-1.2
import './testStorage';
import { describe, expect, it } from 'vitest';
import { forgetDrafts, loadMembership, loadPreference, readDraft, saveMembership, savePreference } from './storage';

function typeDraft(scope: string, name: string, text: string) {
  localStorage.setItem(`intervisie.draft.${scope}.${name}`, JSON.stringify(text));
}

describe('what this device keeps', () => {
  it('lets go of every draft of a forgotten case, and of nothing else', () => {
    typeDraft('abc', 'question', 'Wanneer zeg je ja?');
    typeDraft('abc', 'key-point-advice-3', 'Vraag eerst bedenktijd.');
    typeDraft('abcd', 'question', 'Een andere sessie');
    saveMembership('abc', { participantId: 2, token: '2.secret' });
    savePreference('lang', 'nl');

    forgetDrafts('abc');

    expect(readDraft('abc', 'question')).toBe('');
    expect(readDraft('abc', 'key-point-advice-3')).toBe('');
    expect(readDraft('abcd', 'question')).toBe('Een andere sessie');
    // Who you were there holds no words of the case; with it the page can say it was forgotten.
    expect(loadMembership('abc')).toEqual({ participantId: 2, token: '2.secret' });
    expect(loadPreference('lang')).toBe('nl');
  });
});
