// SPDX-License-Identifier: EUPL-1.2
// The flip chart on the wall: large, live, read-only, and following the meeting. The current
// step fills the screen, its newest contribution always in view without anyone scrolling; the
// case's statement and the earlier steps sit beside it, one line each. After the end it shows a
// closing screen and nothing of the case.

import { useLayoutEffect, useRef } from 'preact/hooks';
import { loc, t } from '../i18n';
import type { SessionState } from '../types';
import { earlierSteps, showsStatement } from './FlipChart';
import { StepContent, Statements, stepSummary } from './StepContent';

/** Keeps the newest item of a list in view: the wall has nobody to scroll it. */
function useFollow(version: unknown) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [version]);
  return ref;
}

export function WallBoard({ s }: { s: SessionState }) {
  const follow = useFollow(s.version);
  const step = s.step;
  if (s.phase === 'finished') return <WallFinished s={s} />;
  if (!step) return null;
  const earlier = earlierSteps(s);
  const showStatement = showsStatement(s);
  return (
    <div class={`wall-board${showStatement || earlier.length > 0 ? ' with-side' : ''}`}>
      {(showStatement || earlier.length > 0) && (
        <aside class="wall-side" aria-label={t('wall.context')}>
          {showStatement && (
            <div class="wall-statement">
              <h3>{t('flip.statementOf', { name: s.participants.find((p) => p.id === s.presenter)?.name ?? '' })}</h3>
              <Statements s={s} />
            </div>
          )}
          {earlier.length > 0 && (
            <ol class="wall-earlier" aria-label={t('wall.earlier')}>
              {[...earlier].reverse().map((index) => {
                const at = s.method?.steps.find((x) => x.index === index);
                const sum = stepSummary(s, index);
                return (
                  <li key={index}>
                    <span class="earlier-n">{at?.number}</span> {loc(at?.title)}
                    {sum && at?.kind !== 'statement' && at?.kind !== 'reframe' && (
                      <span class="earlier-sum"> · {sum}</span>
                    )}
                  </li>
                );
              })}
            </ol>
          )}
        </aside>
      )}
      <section class="wall-now" aria-labelledby="wall-now-title">
        <h2 id="wall-now-title" class="visually-hidden">
          {loc(step.title)}
        </h2>
        <div class="wall-scroll" ref={follow}>
          <StepContent s={s} index={step.index} wall />
        </div>
      </section>
    </div>
  );
}

function WallFinished({ s }: { s: SessionState }) {
  return (
    <section class="wall-finished" aria-labelledby="wall-fin">
      <h2 id="wall-fin">{t('wall.finished')}</h2>
      <p>{t('wall.finishedLead', { method: loc(s.method?.name) })}</p>
      <p class="muted">{t('wall.finishedPrivate')}</p>
    </section>
  );
}
