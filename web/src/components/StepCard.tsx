// SPDX-License-Identifier: EUPL-1.2
// Which step this is and its rule, in one sentence; one timer; and who has the word now.

import { useEffect, useState } from 'preact/hooks';
import { loc, t } from '../i18n';
import { formatClock } from '../format';
import type { SessionState } from '../types';
import { band, floorText } from '../floor';

/** Step number, title, the one rule that applies now, the time, and who has the word. */
export function StepCard({
  s,
  receivedAt,
  big,
  compact,
}: {
  s: SessionState;
  receivedAt: number;
  big?: boolean;
  compact?: boolean;
}) {
  const total = s.method?.steps.length ?? 0;
  let number = '';
  let title = '';
  let rule = '';
  if (s.phase === 'lobby') {
    title = t('step.lobby');
    rule = t('step.lobbyRule');
  } else if (s.phase === 'finished' || !s.step) {
    title = t('step.finished');
    rule = t('step.finishedRule');
  } else {
    number = t('step.of', { n: s.step.number, total });
    title = loc(s.step.title);
    rule = loc(s.step.rule);
  }
  return (
    <section class={`step-card${big ? ' big' : ''}${compact ? ' compact' : ''}`} aria-labelledby="step-title">
      <div class="step-heading">
        <h2 id="step-title" tabIndex={-1}>
          {number && <span class="step-number">{number}</span>}
          {number && <span class="visually-hidden"> — </span>}
          <span class="step-title">{title}</span>
        </h2>
        <p class="step-rule">{rule}</p>
        {s.step && !big && !compact && (
          <details class="step-instruction">
            <summary>{t('step.instruction')}</summary>
            <p>{loc(s.step.instruction)}</p>
          </details>
        )}
      </div>
      <div class="step-meta">
        {s.timer && <StepTimer s={s} receivedAt={receivedAt} />}
        <FloorLine s={s} />
      </div>
    </section>
  );
}

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => setNow(performance.now()), 1000);
    return () => window.clearInterval(timer);
  }, [active]);
  return now;
}

/**
 * One timer per screen. While a time to think runs, that is the clock people need; afterwards
 * the step's. It counts down calmly and shows an overrun without alarm.
 */
export function StepTimer({ s, receivedAt }: { s: SessionState; receivedAt: number }) {
  const timer = s.timer!;
  const now = useNow(timer.running);
  const elapsed = timer.running ? Math.max(0, now - receivedAt) : 0;
  const halted = s.disturbance !== null || s.paused;
  const prepLeft = timer.preparing && timer.preparation_left_ms !== null ? timer.preparation_left_ms - elapsed : null;
  const preparing = prepLeft !== null && prepLeft > 0;
  const left = preparing ? prepLeft : timer.left_ms - elapsed;
  const planned = preparing ? (s.step?.preparation_minutes ?? 0) * 60000 : timer.planned_ms;
  const fraction = planned > 0 ? Math.min(1, Math.max(0, left / planned)) : 0;
  const clock =
    left >= 0
      ? t(preparing ? 'timer.prepLeft' : 'timer.left', { time: formatClock(left) })
      : t('timer.over', { time: formatClock(left) });
  return (
    <div
      class={`timer${preparing ? ' preparing' : ''}`}
      role="timer"
      aria-label={preparing ? t('timer.prepLabel') : t('timer.label')}
    >
      <p class="timer-main">
        <span class={`timer-clock${left < 0 ? ' over' : ''}`}>{clock}</span>
        <span class="timer-planned">{plannedLabel(s)}</span>
      </p>
      <div class="timer-bar" aria-hidden="true">
        <div class="timer-fill" style={{ width: `${(fraction * 100).toFixed(1)}%` }} />
      </div>
      {halted && <p class="timer-halted">{t('timer.paused')}</p>}
    </div>
  );
}

/**
 * The planned time in words. A step's planned time includes its time to think (protocol 6.4),
 * so "of 13 min" would puzzle people; say how it is made up instead.
 */
function plannedLabel(s: SessionState): string {
  const total = Math.round(s.timer!.planned_ms / 60000);
  const prep = s.step?.preparation_minutes ?? 0;
  const rest = total - prep;
  if (prep <= 0 || rest <= 0) return t('timer.planned', { min: total });
  // A statement step is said first and thought about after; elsewhere the thinking comes first.
  return s.step?.kind === 'statement'
    ? t('timer.plannedPrepAfter', { min: rest, prep })
    : t('timer.plannedPrepFirst', { min: rest, prep });
}

/** Who has the word, as the server says; announced politely to screen readers when it changes. */
export function FloorLine({ s }: { s: SessionState }) {
  // The band at the top already says it is your turn; the line would only repeat it.
  const text = band(s, s.you.id)?.kind === 'turn' ? '' : floorText(s, s.you.id);
  const round =
    s.step?.kind === 'question_rounds' && !s.turn.closed && s.floor?.doing === 'asking'
      ? t('turn.round', { n: s.turn.round })
      : '';
  return (
    <div class="turn floor" aria-live="polite" aria-atomic="true">
      {text && <p class="turn-text">{text}</p>}
      {round && <p class="turn-round">{round}</p>}
    </div>
  );
}
