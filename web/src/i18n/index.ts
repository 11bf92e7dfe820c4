// SPDX-License-Identifier: EUPL-1.2
// Message catalogs. Dutch is the source; English must have exactly the same keys.

import { nl, type MessageKey } from './nl';
import { en } from './en';
import type { Lang, Localized } from '../types';
import { loadPreference, savePreference } from '../storage';
import { sessionRefusalText } from './refusals';

export type { MessageKey };

const catalogs = { nl, en } as const;

function initialLang(): Lang {
  const saved = loadPreference<Lang>('lang');
  return saved === 'en' || saved === 'nl' ? saved : 'nl';
}

let current: Lang = initialLang();
const listeners = new Set<(l: Lang) => void>();

export function lang(): Lang {
  return current;
}

export function setLang(l: Lang): void {
  current = l;
  savePreference('lang', l);
  document.documentElement.lang = l;
  for (const fn of listeners) fn(l);
}

export function onLangChange(fn: (l: Lang) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export type Params = Record<string, string | number>;

export function t(key: MessageKey, params?: Params): string {
  return interpolate(catalogs[current][key], params);
}

/** Fill `{name}` placeholders; shared with the catalogs of the lazily loaded parts. */
export function interpolate(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Pick the current language from a text the server sends in both. */
export function loc(text: Localized | string | null | undefined): string {
  if (text === null || text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[current] || text.nl;
}

/**
 * A refusal of the engine from the one catalogue (./refusals.ts), another error code in our own
 * words, or else the server's message.
 */
export function errorText(code: string, message: string): string {
  const refusal = sessionRefusalText(code, current);
  if (refusal) return refusal;
  const key = `err.${code}` as MessageKey;
  if (key in catalogs[current]) return t(key);
  return message || t('err.unknown');
}
