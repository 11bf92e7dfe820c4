// SPDX-License-Identifier: EUPL-1.2
// The wording coach on the page: a soft note under a field while someone types, and the
// facilitator's small markers on flagged questions. Hints help; they never block anything.

import { useEffect, useMemo, useState } from 'preact/hooks';
import { checkWording } from '../api';
import { WordingCoach, noteItems, questionMarks, type CoachRequest, type CoachResult } from '../coach';
import { loc, t } from '../i18n';
import type { CoachKind, CoachVerdict } from '../types';

/** Which hints a field gets. */
export interface CoachFor {
  kind: CoachKind;
  /** question: whether closed questions get a hint (false in Balint). */
  openQuestions?: boolean;
  /** advice: the page shows the opener in front and the server adds it (incident). */
  addsOpener?: boolean;
}

function requestFor(kind: CoachKind, text: string, openQuestions?: boolean): CoachRequest {
  return kind === 'question' ? { kind, text, open_questions: openQuestions !== false } : { kind, text };
}

/** The coach's latest verdict on `text`, while `enabled`. */
export function useWordingCoach(coach: CoachFor | undefined, text: string, enabled: boolean) {
  const [result, setResult] = useState<CoachResult | null>(null);
  const checker = useMemo(() => new WordingCoach(checkWording, setResult), []);
  useEffect(() => () => checker.dispose(), [checker]);
  const kind = coach?.kind;
  const open = coach?.openQuestions;
  useEffect(() => {
    checker.update(kind && enabled ? requestFor(kind, text, open) : null);
  }, [checker, kind, open, text, enabled]);
  return {
    result: kind && enabled ? result : null,
    /** The verdict on exactly this text, asked for now if the one on screen is older. */
    fresh: async (now: string): Promise<CoachVerdict | null> => {
      if (!kind) return null;
      if (result && result.text === now) return result.verdict;
      return (await checker.flush(requestFor(kind, now, open)))?.verdict ?? null;
    },
    clear: () => setResult(null),
  };
}

/**
 * The note under a field, in a polite live region that the field names with aria-describedby.
 * The region is always there (a live region must exist before it speaks); empty, it takes no room.
 */
export function CoachNote({
  id,
  verdict,
  addsOpener,
  onRewrite,
}: {
  id: string;
  verdict: CoachVerdict | null;
  addsOpener: boolean;
  onRewrite: (rewrite: string) => void;
}) {
  const items = noteItems(verdict, addsOpener);
  return (
    <div id={id} class="coach" aria-live="polite">
      {items.length > 0 && (
        <div class="coach-note">
          <p class="coach-label">{t('coach.tip')}</p>
          {items.map((item) =>
            item.type === 'rewrite' ? (
              <div class="coach-item" key={item.hint.check}>
                {item.preview ? (
                  <p>
                    {t('coach.willRead')} <q class="coach-rewrite">{item.rewrite}</q>
                  </p>
                ) : (
                  <p>
                    {loc(item.hint.reason)} {loc(item.hint.suggestion)}
                  </p>
                )}
                <button type="button" class="btn btn-quiet btn-small" onClick={() => onRewrite(item.rewrite)}>
                  {item.preview ? t('coach.takeRewrite') : t('coach.addOpener')}
                </button>
              </div>
            ) : (
              <div class="coach-item" key={item.check}>
                <p>{loc(item.hint.reason)}</p>
                <p class="coach-suggestion">{loc(item.hint.suggestion)}</p>
              </div>
            ),
          )}
        </div>
      )}
    </div>
  );
}

/** The facilitator's marker on a flagged question: short words; open it for the why. */
export function CoachMarks({ verdict }: { verdict: CoachVerdict }) {
  const marks = questionMarks(verdict);
  if (marks.length === 0) return null;
  return (
    <details class="coach-marks">
      <summary>
        <span class="visually-hidden">{t('coach.markLabel')}: </span>
        {marks.map((m) => (
          <span class="coach-mark" key={m.check}>
            {m.check === 'question_form'
              ? t('coach.markClosed')
              : m.words
                ? t('coach.markAdviceWith', { words: m.words })
                : t('coach.markAdvice')}
          </span>
        ))}
      </summary>
      <ul class="coach-explain">
        {verdict.hints.map((h) => (
          <li key={h.check}>
            {loc(h.reason)} {loc(h.suggestion)}
          </li>
        ))}
      </ul>
    </details>
  );
}
