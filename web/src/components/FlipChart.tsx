import { loc, t, type MessageKey } from '../i18n';
import type { Question, Rating, SessionState } from '../types';
import { nameOf } from './common';
import { CoachMarks } from './Coach';

const ratingKey: Record<Rating, MessageKey> = {
  warm: 'rating.warm',
  lukewarm: 'rating.lukewarm',
  cold: 'rating.cold',
};

export function RatingChip({ rating }: { rating: Rating }) {
  return <span class={`chip chip-${rating}`}>{t(ratingKey[rating])}</span>;
}

function Outcome({ q }: { q: Question }) {
  if (q.outcome === 'rated' && q.rating) return <RatingChip rating={q.rating} />;
  if (q.outcome === 'answered') return <span class="chip chip-answered">{t('q.outcome.answered')}</span>;
  if (q.outcome === 'declined') return <span class="chip chip-declined">{t('q.outcome.declined')}</span>;
  return <span class="chip chip-pending">{t('q.outcome.pending')}</span>;
}

/** "— Anna", and a quiet "noted by Fenna" when someone else typed it in. */
export function By({ s, who, recordedBy }: { s: SessionState; who: number; recordedBy?: number | null }) {
  return (
    <span class="by">
      — {nameOf(s, who)}
      {recordedBy !== null && recordedBy !== undefined && recordedBy !== who && (
        <span class="recorded-by"> · {t('flip.recordedBy', { name: nameOf(s, recordedBy) })}</span>
      )}
    </span>
  );
}

/** The shared flip chart: what the group has put on paper so far. */
export function FlipChart({ s, beamer }: { s: SessionState; beamer?: boolean }) {
  const fc = s.flip_chart;
  const steps = s.method?.steps ?? [];
  const stepTitle = (index: number) => loc(steps.find((x) => x.index === index)?.title);
  const questionSteps = [...new Set(fc.questions.map((q) => q.step))];
  const sharedDrafts = fc.drafts.filter((d) => d.shared);
  const observationsByStep = [...new Set(fc.observations.map((o) => o.step))];
  const notes = fc.notes ?? [];
  const presenter = nameOf(s, s.presenter);
  const coachMarks = s.coach_hints !== false && s.facilitator === s.you.id;
  const showInventory = beamer && s.step?.kind === 'inventory';
  const empty =
    !fc.statement &&
    fc.questions.length === 0 &&
    fc.observations.length === 0 &&
    fc.advice.length === 0 &&
    notes.length === 0 &&
    sharedDrafts.length === 0 &&
    !fc.reaction &&
    !showInventory;

  return (
    <section class={`flipchart${beamer ? ' beamer' : ''}`} aria-labelledby="flip-title">
      <h2 id="flip-title" class={beamer ? 'visually-hidden' : ''}>
        {t('flip.title')}
      </h2>
      {empty && <p class="muted">{t('flip.empty')}</p>}

      {showInventory && (
        <div class="flip-block">
          <h3>{t('inv.list')}</h3>
          {fc.candidates.filter((c) => !c.withdrawn).length === 0 ? (
            <p class="muted">{t('inv.empty')}</p>
          ) : (
            <ul class="candidates">
              {fc.candidates
                .filter((c) => !c.withdrawn)
                .map((c) => (
                  <li key={c.id} class={fc.chosen === c.id ? 'chosen' : ''}>
                    <span class="cand-text">{c.text}</span>
                    <span class="cand-meta">
                      {t('inv.by', { name: nameOf(s, c.owner) })} · {c.votes === 1 ? t('inv.vote1') : t('inv.votes', { n: c.votes })}
                      {c.recorded_by ? <span class="recorded-by"> · {t('flip.recordedBy', { name: nameOf(s, c.recorded_by) })}</span> : null}
                    </span>
                  </li>
                ))}
            </ul>
          )}
        </div>
      )}

      {fc.statement && (
        <div class="flip-block statement-block">
          <h3>{presenter ? t('flip.statementOf', { name: presenter }) : t('flip.statement')}</h3>
          <p class="statement">{fc.statement}</p>
          {fc.statements.length > 1 && (
            <div class="earlier">
              <p class="earlier-label">{t('flip.earlier')}</p>
              <ul>
                {fc.statements.slice(0, -1).map((x, i) => (
                  <li key={i}>
                    <s>{x}</s>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}

      {questionSteps.map((stepIndex) => (
        <div class="flip-block" key={`q${stepIndex}`}>
          <h3>
            {t('flip.questions')}
            {questionSteps.length > 1 && <span class="sub"> — {stepTitle(stepIndex)}</span>}
          </h3>
          <ol class="questions">
            {fc.questions
              .filter((q) => q.step === stepIndex)
              .map((q) => (
                <li key={q.id} class={`q q-${q.outcome}`}>
                  {q.outcome === 'declined' && beamer ? (
                    <p class="q-text muted">{t('q.declinedHidden')}</p>
                  ) : q.text ? (
                    <p class="q-text">{q.text}</p>
                  ) : (
                    <p class="q-text out-loud">{t('flip.askedOutLoud')}</p>
                  )}
                  <p class="q-meta">
                    <span class="q-asker">{nameOf(s, q.asker)}</span>{' '}
                    {q.recorded_by !== null && q.recorded_by !== q.asker && (
                      <span class="recorded-by">{t('flip.recordedBy', { name: nameOf(s, q.recorded_by) })} </span>
                    )}
                    <Outcome q={q} />
                  </p>
                  {!beamer && q.answer_note && <p class="q-note">{t('q.yourNote', { note: q.answer_note })}</p>}
                  {/* Only the facilitator's own view carries these; never the wall. */}
                  {!beamer && coachMarks && q.coach && <CoachMarks verdict={q.coach} />}
                </li>
              ))}
          </ol>
        </div>
      ))}

      {observationsByStep.map((stepIndex) => (
        <div class="flip-block" key={`o${stepIndex}`}>
          <h3>{t('flip.observations')}</h3>
          <ul class="notes">
            {fc.observations
              .filter((o) => o.step === stepIndex)
              .map((o, i) => (
                <li key={i}>
                  {o.text} <By s={s} who={o.author} recordedBy={o.recorded_by} />
                </li>
              ))}
          </ul>
        </div>
      ))}

      {fc.reflections.filter((r) => r.text).length > 0 && (
        <div class="flip-block">
          <h3>{t('flip.reflections', { name: presenter })}</h3>
          <ul class="notes">
            {fc.reflections
              .filter((r) => r.text)
              .map((r, i) => (
                <li key={i}>{r.text}</li>
              ))}
          </ul>
        </div>
      )}

      {fc.advice.length > 0 && (
        <div class="flip-block">
          <h3>{t('flip.advice')}</h3>
          <ul class="notes advice">
            {fc.advice.map((a, i) => (
              <li key={i}>
                {a.text || <span class="out-loud">{t('flip.givenOutLoud')}</span>} <By s={s} who={a.adviser} recordedBy={a.recorded_by} />
              </li>
            ))}
          </ul>
        </div>
      )}

      {notes.length > 0 && (
        <div class="flip-block key-points-block">
          <h3>{presenter ? t('flip.keyPointsFor', { name: presenter }) : t('flip.keyPoints')}</h3>
          <ul class="notes">
            {notes.map((n, i) => (
              <li key={i}>
                {n.text} <By s={s} who={n.author} />
              </li>
            ))}
          </ul>
        </div>
      )}

      {sharedDrafts.length > 0 && (
        <div class="flip-block">
          <h3>{t('flip.shared')}</h3>
          <ul class="notes advice">
            {sharedDrafts.map((d) => (
              <li key={d.author}>
                {d.essence && <strong class="essence">{d.essence}</strong>}
                {d.text && !beamer && <span class="draft-text">{d.text}</span>}
                {!d.essence && beamer && <span>{d.text}</span>}
                <span class="by"> — {nameOf(s, d.author)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}

      {fc.reaction && (fc.reaction.tomorrow || fc.reaction.think_over) && (
        <div class="flip-block">
          <h3>{t('flip.reaction', { name: presenter })}</h3>
          <dl class="reaction">
            {fc.reaction.tomorrow && (
              <>
                <dt>{t('re.tomorrow')}</dt>
                <dd>{fc.reaction.tomorrow}</dd>
              </>
            )}
            {fc.reaction.think_over && (
              <>
                <dt>{t('re.thinkOver')}</dt>
                <dd>{fc.reaction.think_over}</dd>
              </>
            )}
          </dl>
        </div>
      )}
    </section>
  );
}
