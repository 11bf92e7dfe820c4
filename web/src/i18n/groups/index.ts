// SPDX-License-Identifier: EUPL-1.2
// The texts of accounts, groups and meetings, in the language the rest of the page speaks.

import { interpolate, lang, type Params } from '../index';
import { groupRefusalText } from './refusals';
import { en } from './en';
import { nl, type GroupMessageKey } from './nl';

export type { GroupMessageKey };

const catalogs = { nl, en } as const;

export function gt(key: GroupMessageKey, params?: Params): string {
  return interpolate(catalogs[lang()][key], params);
}

/** A text for a key the server sends (a ground rule, a condition), or the key itself. */
export function keyText(prefix: 'rule' | 'cond', key: string): string {
  const full = `${prefix}.${key}` as GroupMessageKey;
  return full in nl ? gt(full) : key;
}

/**
 * A refusal of the group rules from the one catalogue (./refusals.ts), another code in our own
 * words, or else the server's own sentence, in Dutch where it gave one.
 */
export function refusalText(code: string, message = '', messageNl = ''): string {
  const refusal = groupRefusalText(code, lang());
  if (refusal) return refusal;
  const key = `err.${code}` as GroupMessageKey;
  if (key in nl) return gt(key);
  if (lang() === 'nl' && messageNl) return messageNl;
  return message || gt('err.unknown');
}
