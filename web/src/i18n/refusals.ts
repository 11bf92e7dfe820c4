// SPDX-License-Identifier: EUPL-1.2
// The server's refusals in both languages, from the one catalogue the C++ core is built from
// (src/core/session/refusals.json for live sessions, src/core/group/refusals.json for groups).
// The web app keeps no text of its own for these codes.

import sessionCatalogue from '../../../src/core/session/refusals.json';
import groupCatalogue from '../../../src/core/group/refusals.json';
import type { Lang } from '../types';

export interface RefusalEntry {
  readonly code: string;
  readonly nl: string;
  readonly en: string;
}

function byCode(list: readonly RefusalEntry[]): ReadonlyMap<string, RefusalEntry> {
  return new Map(list.map((entry) => [entry.code, entry]));
}

export const sessionRefusals = byCode(sessionCatalogue.refusals);
export const groupRefusals = byCode(groupCatalogue.refusals);

/** The sentence for a refusal of a live session's command, or undefined for another code. */
export function sessionRefusalText(code: string, language: Lang): string | undefined {
  return sessionRefusals.get(code)?.[language];
}

/** The sentence for a refusal of a group command, or undefined for another code. */
export function groupRefusalText(code: string, language: Lang): string | undefined {
  return groupRefusals.get(code)?.[language];
}
