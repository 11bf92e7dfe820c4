// SPDX-License-Identifier: EUPL-1.2
// What the browser keeps between page loads: who you are in a session (localStorage, keyed by
// session id; a token is a secret and never goes into a URL), the links the facilitator shares,
// and drafts of everything typed, so a reload or a dropped network never loses text.

import { useEffect, useState } from 'preact/hooks';

export interface Membership {
  participantId: number;
  token: string;
  joinUrl?: string;
  beamerUrl?: string;
}

const PREFIX = 'intervisie.';

function read<T>(storage: Storage, key: string): T | null {
  try {
    const raw = storage.getItem(PREFIX + key);
    return raw === null ? null : (JSON.parse(raw) as T);
  } catch {
    return null;
  }
}

function write(storage: Storage, key: string, value: unknown): void {
  try {
    if (value === null || value === undefined) storage.removeItem(PREFIX + key);
    else storage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Private mode or a full quota: the app still works, it only forgets sooner.
  }
}

export function loadMembership(sessionId: string): Membership | null {
  return read<Membership>(localStorage, `session.${sessionId}`);
}

export function saveMembership(sessionId: string, m: Membership): void {
  write(localStorage, `session.${sessionId}`, m);
}

/** This device is no longer in the session (its place went to another device). */
export function clearMembership(sessionId: string): void {
  write(localStorage, `session.${sessionId}`, null);
}

/**
 * The big screen's tokens, read once from the link's fragment and then kept for this tab only
 * (sessionStorage): the address bar no longer shows them, and a reload still works.
 */
export function loadBeamerKeys(sessionId: string): { beamer: string; join: string } | null {
  return read<{ beamer: string; join: string }>(sessionStorage, `beamer.${sessionId}`);
}

export function saveBeamerKeys(sessionId: string, keys: { beamer: string; join: string }): void {
  write(sessionStorage, `beamer.${sessionId}`, keys);
}

export function loadPreference<T>(key: string): T | null {
  return read<T>(localStorage, `pref.${key}`);
}

export function savePreference(key: string, value: unknown): void {
  write(localStorage, `pref.${key}`, value);
}

function draftKey(scope: string, name: string): string {
  return `draft.${scope}.${name}`;
}

// Every field showing a draft hears when it changes elsewhere on the page (a key that sends it).
const draftListeners = new Map<string, Set<(v: string | null) => void>>();

function writeDraft(key: string, value: string | null): void {
  write(localStorage, key, value === '' ? null : value);
  for (const fn of draftListeners.get(key) ?? []) fn(value);
}

export function clearDraft(scope: string, name: string): void {
  writeDraft(draftKey(scope, name), null);
}

/** The case was forgotten: every draft typed in its session leaves this device too. */
export function forgetDrafts(sessionId: string): void {
  const prefix = PREFIX + draftKey(sessionId, '');
  const keys: string[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(prefix)) keys.push(key.slice(PREFIX.length));
    }
  } catch {
    return;
  }
  for (const key of keys) writeDraft(key, null);
}

/** The text waiting in a draft, '' when none. */
export function readDraft(scope: string, name: string): string {
  return read<string>(localStorage, draftKey(scope, name)) ?? '';
}

/** A text field's value that survives reloads. `scope` is usually the session id. */
export function useDraft(scope: string, name: string, initial = ''): [string, (v: string) => void, () => void] {
  const key = draftKey(scope, name);
  const [value, setValue] = useState<string>(() => read<string>(localStorage, key) ?? initial);
  useEffect(() => {
    setValue(read<string>(localStorage, key) ?? initial);
    const listeners = draftListeners.get(key) ?? new Set();
    draftListeners.set(key, listeners);
    const hear = (v: string | null) => setValue(v ?? '');
    listeners.add(hear);
    return () => void listeners.delete(hear);
    // Re-read only when the field itself changes, not when its initial text does.
  }, [key]);
  const set = (v: string) => {
    setValue(v);
    writeDraft(key, v);
  };
  const clear = () => {
    setValue('');
    writeDraft(key, null);
  };
  return [value, set, clear];
}
