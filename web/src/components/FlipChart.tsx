// SPDX-License-Identifier: EUPL-1.2
// The shared flip chart on a participant's own screen: what the current step has brought so far
// first, with the case's statement above it; earlier steps folded to one line each.

import { loc, t } from '../i18n';
import type { SessionState } from '../types';
import { StepContent, Statements, stepSummary } from './StepContent';
import { nameOf } from './session';

function titleOf(s: SessionState, index: number): string {
  const step = s.method?.steps.find((x) => x.index === index);
  return step ? `${t('step.of', { n: step.number, total: s.method?.steps.length ?? 0 })} · ${loc(step.title)}` : '';
}

/** Earlier steps, most recent first: the steps visited before the current one. */
export function earlierSteps(s: SessionState): number[] {
  const current = s.step?.index;
  const seen = s.visited_steps.filter((i) => i !== current);
  return [...new Set(seen)].reverse();
}

/** The statement above the current step, once there is one and the step is not about it. */
export function showsStatement(s: SessionState): boolean {
  const kind = s.step?.kind;
  return !!s.flip_chart.statement && kind !== 'statement' && kind !== 'reframe' && kind !== 'inventory';
}

export function FlipChart({ s }: { s: SessionState }) {
  const step = s.step;
  if (s.phase !== 'running' || !step) return null;
  return (
    <section class="flipchart" aria-labelledby="flip-title">
      <h2 id="flip-title">{t('flip.title')}</h2>
      {showsStatement(s) && (
        <div class="flip-context">
          <h3>{t('flip.statementOf', { name: nameOf(s, s.presenter) })}</h3>
          <Statements s={s} />
        </div>
      )}
      <div class="flip-now">
        <h3>{t('flip.now', { title: loc(step.title) })}</h3>
        <StepContent s={s} index={step.index} />
      </div>
      {earlierSteps(s).map((index) => (
        <details class="flip-earlier" key={index}>
          <summary>
            <span class="earlier-title">{titleOf(s, index)}</span>
            {stepSummary(s, index) && <span class="earlier-sum"> — {stepSummary(s, index)}</span>}
          </summary>
          <StepContent s={s} index={index} />
        </details>
      ))}
    </section>
  );
}
