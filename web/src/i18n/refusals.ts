// SPDX-License-Identifier: EUPL-1.2
// The refusals of a live session's commands in both languages, from the one catalogue the C++
// core is built from (src/core/session/refusals.json; those of the group rules are in
// ./groups/refusals.ts, loaded with the groups pages). The web app keeps no text of its own for
// these codes. vite.config.ts keeps only code, nl and en of each entry in the bundle.

import sessionCatalogue from '../../../src/core/session/refusals.json';
import type { Lang } from '../types';

export interface RefusalEntry {
  readonly code: string;
  readonly nl: string;
  readonly en: string;
}

export function byCode(list: readonly RefusalEntry[]): ReadonlyMap<string, RefusalEntry> {
  return new Map(list.map((entry) => [entry.code, entry]));
}

export const sessionRefusals = byCode(sessionCatalogue.refusals);

/** The sentence for a refusal of a live session's command, or undefined for another code. */
export function sessionRefusalText(code: string, language: Lang): string | undefined {
  return sessionRefusals.get(code)?.[language];
}
