// SPDX-License-Identifier: EUPL-1.2
// The refusals of the group rules in both languages, from the one catalogue the C++ core is
// built from (src/core/group/refusals.json). Only the groups pages load it.

import groupCatalogue from '../../../../src/core/group/refusals.json';
import type { Lang } from '../../types';
import { byCode } from '../refusals';

export const groupRefusals = byCode(groupCatalogue.refusals);

/** The sentence for a refusal of a group command, or undefined for another code. */
export function groupRefusalText(code: string, language: Lang): string | undefined {
  return groupRefusals.get(code)?.[language];
}
