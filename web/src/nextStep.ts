// SPDX-License-Identifier: EUPL-1.2
// Where `next_step` leads from here, in the words of the method.

import { loc, t } from './i18n';
import type { SessionState } from './types';

/** The title of the step that `next_step` leads to: '' after the last, null while unknown. */
export function nextStepTitle(s: SessionState): string | null {
  const step = s.step;
  const steps = s.method?.steps ?? [];
  if (!step) return null;
  if (step.kind === 'reframe') {
    if (step.reframe === 'undecided') return null;
    // The snapshot's current reframe step carries its branches.
    const branches = step.branches;
    if (!branches) return t('fac.next');
    const target = step.reframe === 'reframed' ? branches.on_reframe : branches.on_keep;
    return loc(steps.find((x) => x.id === target)?.title) || t('fac.next');
  }
  const next = steps.find((x) => x.index === step.index + 1);
  return next ? loc(next.title) : '';
}
