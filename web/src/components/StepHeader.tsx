import { useEffect, useState } from 'preact/hooks';
import { loc, t } from '../i18n';
import type { SessionState } from '../types';
import { formatClock, nameOf } from './common';
import { hasDevice } from '../people';

/** Step number, title and the one rule that applies now. */
export function StepHeader({ s, receivedAt, big }: { s: SessionState; receivedAt: number; big?: boolean }) {
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
    <section class={`step-header${big ? ' big' : ''}`} aria-labelledby="step-title">
      <div class="step-heading">
        <h2 id="step-title">
          {number && <span class="step-number">{number}</span>}
          {number && <span class="visually-hidden"> — </span>}
          <span class="step-title">{title}</span>
        </h2>
        <p class="step-rule">{rule}</p>
        {s.step && !big && (
          <details class="step-instruction">
            <summary>{t('step.instruction')}</summary>
            <p>{loc(s.step.instruction)}</p>
          </details>
        )}
      </div>
      <div class="step-meta">
        {s.timer && <StepTimer s={s} receivedAt={receivedAt} />}
        <TurnLine s={s} />
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

/** The timer is a guide: it counts down calmly and shows the overrun without alarm. */
export function StepTimer({ s, receivedAt }: { s: SessionState; receivedAt: number }) {
  const timer = s.timer!;
  const now = useNow(timer.running);
  const elapsed = timer.running ? Math.max(0, now - receivedAt) : 0;
  const left = timer.left_ms - elapsed;
  const prepLeft = timer.preparing && timer.preparation_left_ms !== null ? timer.preparation_left_ms - elapsed : null;
  const fraction = timer.planned_ms > 0 ? Math.min(1, Math.max(0, left / timer.planned_ms)) : 0;
  const halted = s.disturbance !== null || s.paused;
  return (
    <div class="timer" role="timer" aria-label={t('timer.label')}>
      {prepLeft !== null && prepLeft > 0 && (
        <p class="timer-prep">{t('timer.prep', { time: formatClock(prepLeft) })}</p>
      )}
      <p class="timer-main">
        <span class={`timer-clock${left < 0 ? ' over' : ''}`}>
          {left >= 0 ? t('timer.left', { time: formatClock(left) }) : t('timer.over', { time: formatClock(left) })}
        </span>
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
  return s.step?.kind === 'statement' ? t('timer.plannedPrepAfter', { min: rest, prep }) : t('timer.plannedPrepFirst', { min: rest, prep });
}

/**
 * Whose turn, and, in a room where some have no device, on which device it happens: their own,
 * or the laptop where the facilitator taps it in.
 */
export function holderText(s: SessionState, holder: number): string {
  const name = nameOf(s, holder);
  if (!s.participants.some((p) => p.device === false)) return t('turn.holder', { name });
  if (hasDevice(s, holder)) return t('turn.holderOwnDevice', { name });
  return s.facilitator === s.you.id ? t('turn.holderYouRecord', { name }) : t('turn.holderRecorded', { name, recorder: nameOf(s, s.facilitator) });
}

/** Who holds the turn; announced politely to screen readers when it changes. */
export function TurnLine({ s }: { s: SessionState }) {
  const step = s.step;
  let text = '';
  if (step && (step.kind === 'question_rounds' || step.kind === 'advice' || step.kind === 'share_advice')) {
    if (s.timer?.preparing) text = t('turn.preparing');
    else if (s.turn.closed || s.turn.holder === null) {
      text = step.kind === 'question_rounds' ? t('turn.closed') : t('turn.done');
    } else if (s.turn.awaiting_question !== null) {
      text = t('turn.awaiting', { name: nameOf(s, s.presenter) });
    } else if (s.turn.holder === s.you.id) {
      text = t('turn.you');
    } else {
      text = holderText(s, s.turn.holder);
    }
  } else if (step) {
    const speakers = step.speakers;
    if (speakers.includes('everyone')) text = t('turn.everyone');
    else if (speakers.includes('presenter') && !speakers.includes('advisers')) {
      text = s.presenter === s.you.id ? t('turn.youPresent') : t('turn.presenter', { name: nameOf(s, s.presenter) });
    } else if (speakers.includes('advisers')) text = t('turn.advisers');
  }
  const round = step?.kind === 'question_rounds' && !s.turn.closed ? t('turn.round', { n: s.turn.round }) : '';
  return (
    <div class="turn" aria-live="polite" aria-atomic="true">
      {text && <p class="turn-text">{text}</p>}
      {round && <p class="turn-round">{round}</p>}
    </div>
  );
}

export function DisturbanceBanner({ s, children }: { s: SessionState; children?: preact.ComponentChildren }) {
  if (!s.disturbance && !s.paused) return null;
  if (!s.disturbance) {
    return (
      <div class="banner banner-pause" role="status">
        <p class="banner-title">{t('paused.banner')}</p>
        {children}
      </div>
    );
  }
  const who = nameOf(s, s.disturbance.raised_by);
  return (
    <div class="banner banner-disturbance" role="alert">
      <p class="banner-title">{who ? t('disturbance.banner', { name: who }) : t('disturbance.bannerAnon')}</p>
      {s.disturbance.text && <p class="banner-text">“{s.disturbance.text}”</p>}
      <p class="banner-hold">{t('disturbance.hold')}</p>
      {children}
    </div>
  );
}
