// SPDX-License-Identifier: EUPL-1.2
// What one step put on the flip chart: its questions, observations, advice, reaction… The phone's
// flip chart and the wall show the same content, the wall larger and without anything private.
// Every item names whose it is; an item said out loud shows its key point, or that it has none.

import { t } from '../i18n';
import { spokenWithoutKeyPoint, type SpokenItem } from '../may';
import type { Question, SessionState } from '../types';
import { CoachMarks } from './Coach';
import { AddKeyPoint } from './KeyPoint';
import { RatingChip } from './RatingChip';
import { nameOf } from './session';

/** "Anna", or "jij" on one's own screen; and "genoteerd door Fenna" when someone else typed it. */
export function By({
  s,
  who,
  recordedBy,
  wall,
}: {
  s: SessionState;
  who: number;
  recordedBy?: number | null;
  wall?: boolean;
}) {
  const own = !wall && who === s.you.id;
  return (
    <span class="by">
      — {own ? t('flip.you') : nameOf(s, who)}
      {recordedBy !== null && recordedBy !== undefined && recordedBy !== who && (
        <span class="recorded-by">
          {' '}
          ·{' '}
          {recordedBy === s.you.id && !wall
            ? t('flip.recordedByYou')
            : t('flip.recordedBy', { name: nameOf(s, recordedBy) })}
        </span>
      )}
    </span>
  );
}

function Outcome({ q }: { q: Question }) {
  if (q.outcome === 'rated' && q.rating) return <RatingChip rating={q.rating} />;
  if (q.outcome === 'answered') return <span class="chip chip-answered">{t('q.outcome.answered')}</span>;
  if (q.outcome === 'declined') return <span class="chip chip-declined">{t('q.outcome.declined')}</span>;
  return <span class="chip chip-pending">{t('q.outcome.pending')}</span>;
}

/** Whether this screen offers to write the key point of `item`: its speaker, or the scribe, facilitator or presenter. */
function offersKeyPoint(s: SessionState, item: SpokenItem): boolean {
  if (!s.may?.includes('note_key_point')) return false;
  const me = s.you.id;
  return item.author === me || s.facilitator === me || s.scribe === me || s.presenter === me;
}

/** The words of a contribution said out loud: its key point, or a plain "said out loud". */
function Spoken({
  s,
  kind,
  id,
  keyPoint,
  wall,
}: {
  s: SessionState;
  kind: 'question' | 'advice';
  id: number | undefined;
  keyPoint?: string | null;
  wall?: boolean;
}) {
  if (keyPoint) {
    return (
      <p class="item-text spoken">
        <span class="kern-label">{t('flip.keyPoint')}</span> {keyPoint}
      </p>
    );
  }
  const item = id === undefined ? undefined : spokenWithoutKeyPoint(s).find((x) => x.kind === kind && x.id === id);
  return (
    <div class="item-text out-loud">
      <p>{kind === 'question' ? t('flip.askedOutLoud') : t('flip.givenOutLoud')}</p>
      {!wall && item && offersKeyPoint(s, item) && <AddKeyPoint item={item} />}
    </div>
  );
}

export function QuestionList({ s, step, wall }: { s: SessionState; step: number; wall?: boolean }) {
  const coachMarks = !wall && s.coach_hints !== false && s.facilitator === s.you.id;
  const questions = s.flip_chart.questions.filter((q) => q.step === step);
  if (questions.length === 0) return <p class="muted">{t('flip.noQuestions')}</p>;
  return (
    <ol class="questions">
      {questions.map((q) => (
        <li
          key={q.id}
          class={`q q-${q.outcome}${q.id === s.turn.awaiting_question ? ' q-now' : ''}`}
          data-item="question"
        >
          {q.outcome === 'declined' && wall ? (
            <p class="item-text muted">{t('q.declinedHidden')}</p>
          ) : q.text ? (
            <p class="item-text">{q.text}</p>
          ) : (
            <Spoken s={s} kind="question" id={q.id} keyPoint={q.key_point} wall={wall} />
          )}
          <p class="q-meta">
            <By s={s} who={q.asker} recordedBy={q.recorded_by} wall={wall} /> <Outcome q={q} />
          </p>
          {!wall && q.answer_note && <p class="q-note">{t('q.yourNote', { note: q.answer_note })}</p>}
          {/* Only the facilitator's own view carries these; never the wall. */}
          {coachMarks && q.coach && <CoachMarks verdict={q.coach} />}
        </li>
      ))}
    </ol>
  );
}

function Observations({ s, step, wall }: { s: SessionState; step: number; wall?: boolean }) {
  const here = s.flip_chart.observations.filter((o) => o.step === step);
  const reflections = s.flip_chart.reflections.filter((r) => r.step === step && r.text);
  return (
    <>
      {here.length === 0 ? (
        <p class="muted">{t('flip.noObservations')}</p>
      ) : (
        <ul class="notes">
          {here.map((o, i) => (
            <li key={i} data-item="observation">
              <span class="item-text">{o.text}</span> <By s={s} who={o.author} recordedBy={o.recorded_by} wall={wall} />
            </li>
          ))}
        </ul>
      )}
      {reflections.length > 0 && <Reflections s={s} step={step} />}
    </>
  );
}

function Reflections({ s, step }: { s: SessionState; step: number }) {
  const here = s.flip_chart.reflections.filter((r) => r.step === step && r.text);
  if (here.length === 0) return null;
  return (
    <div class="reflection" data-item="reflection">
      <h4>{t('flip.reflections', { name: nameOf(s, s.presenter) })}</h4>
      {here.map((r, i) => (
        <p key={i} class="item-text">
          {r.text}
        </p>
      ))}
    </div>
  );
}

function AdviceList({ s, step, wall }: { s: SessionState; step: number; wall?: boolean }) {
  const here = s.flip_chart.advice.filter((a) => a.step === step);
  const notes = (s.flip_chart.notes ?? []).filter((n) => n.step === step);
  return (
    <>
      {here.length === 0 ? (
        <p class="muted">{t('flip.noAdvice')}</p>
      ) : (
        <ul class="notes advice">
          {here.map((a, i) => (
            <li key={a.id ?? i} data-item="advice">
              {a.text ? (
                <p class="item-text">{a.text}</p>
              ) : (
                <Spoken s={s} kind="advice" id={a.id} keyPoint={a.key_point} wall={wall} />
              )}
              <By s={s} who={a.adviser} recordedBy={a.recorded_by} wall={wall} />
            </li>
          ))}
        </ul>
      )}
      <Notes s={s} notes={notes} wall={wall} />
    </>
  );
}

function Notes({
  s,
  notes,
  wall,
}: {
  s: SessionState;
  notes: NonNullable<SessionState['flip_chart']['notes']>;
  wall?: boolean;
}) {
  if (notes.length === 0) return null;
  const presenter = nameOf(s, s.presenter);
  return (
    <div class="key-points-block">
      <h4>{presenter ? t('flip.keyPointsFor', { name: presenter }) : t('flip.keyPoints')}</h4>
      <ul class="notes">
        {notes.map((n, i) => (
          <li key={i} data-item="note">
            <span class="item-text">{n.text}</span> <By s={s} who={n.author} wall={wall} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function SharedAdvice({ s, step, wall }: { s: SessionState; step: number; wall?: boolean }) {
  const shared = s.flip_chart.drafts.filter((d) => d.shared);
  const notes = (s.flip_chart.notes ?? []).filter((n) => n.step === step);
  return (
    <>
      {shared.length === 0 ? (
        <p class="muted">{t('flip.noShared')}</p>
      ) : (
        <ul class="notes advice">
          {shared.map((d) => (
            <li key={d.author} data-item="shared">
              {d.essence && <strong class="essence item-text">{d.essence}</strong>}
              {d.text && (!wall || !d.essence) && <span class="draft-text item-text">{d.text}</span>}
              <By s={s} who={d.author} wall={wall} />
            </li>
          ))}
        </ul>
      )}
      <Notes s={s} notes={notes} wall={wall} />
    </>
  );
}

function ReactionBlock({ s }: { s: SessionState }) {
  const r = s.flip_chart.reaction;
  if (!r || (!r.tomorrow && !r.think_over))
    return <p class="muted">{t('flip.noReaction', { name: nameOf(s, s.presenter) })}</p>;
  return (
    <dl class="reaction" data-item="reaction">
      {r.tomorrow && (
        <>
          <dt>{t('re.tomorrowOf', { name: nameOf(s, s.presenter) })}</dt>
          <dd class="item-text">{r.tomorrow}</dd>
        </>
      )}
      {r.think_over && (
        <>
          <dt>{t('re.thinkOverOf', { name: nameOf(s, s.presenter) })}</dt>
          <dd class="item-text">{r.think_over}</dd>
        </>
      )}
    </dl>
  );
}

function Closing({ s, wall }: { s: SessionState; wall?: boolean }) {
  const remarks = s.flip_chart.closing_remarks.filter((r) => r.text);
  const done = s.flip_chart.closing_remarks.length;
  return (
    <>
      <p class="hint">{t('cl.count', { n: done, total: s.participants.length })}</p>
      {remarks.length > 0 && (
        <ul class="notes">
          {remarks.map((r) => (
            <li key={r.author} data-item="closing">
              <span class="item-text">{r.text}</span> <By s={s} who={r.author} recordedBy={r.recorded_by} wall={wall} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Candidates({ s }: { s: SessionState }) {
  const fc = s.flip_chart;
  const open = fc.candidates.filter((c) => !c.withdrawn);
  if (open.length === 0) return <p class="muted">{t('inv.empty')}</p>;
  return (
    <ul class="candidates">
      {open.map((c) => (
        <li key={c.id} class={fc.chosen === c.id ? 'chosen' : ''} data-item="candidate">
          <span class="cand-text item-text">{c.text}</span>
          <span class="cand-meta">
            {t('inv.by', { name: nameOf(s, c.owner) })} ·{' '}
            {c.votes === 1 ? t('inv.vote1') : t('inv.votes', { n: c.votes })}
            {c.recorded_by ? (
              <span class="recorded-by"> · {t('flip.recordedBy', { name: nameOf(s, c.recorded_by) })}</span>
            ) : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** What step `index` put on the flip chart, as this screen may show it. */
export function StepContent({ s, index, wall }: { s: SessionState; index: number; wall?: boolean }) {
  const kind = s.method?.steps.find((x) => x.index === index)?.kind;
  switch (kind) {
    case 'inventory':
      return <Candidates s={s} />;
    case 'statement':
    case 'reframe':
      return <Statements s={s} />;
    case 'question_rounds':
      return <QuestionList s={s} step={index} wall={wall} />;
    case 'gossip':
      return <Observations s={s} step={index} wall={wall} />;
    case 'advice':
      return <AdviceList s={s} step={index} wall={wall} />;
    case 'written_advice':
      return <p class="muted">{t('flip.writing')}</p>;
    case 'share_advice':
      return <SharedAdvice s={s} step={index} wall={wall} />;
    case 'presenter_reaction':
      return <ReactionBlock s={s} />;
    case 'presenter_reflection':
      return <Reflections s={s} step={index} />;
    case 'closing':
      return <Closing s={s} wall={wall} />;
    default:
      return null;
  }
}

/** The statement, and earlier wordings struck through. */
export function Statements({ s }: { s: SessionState }) {
  const fc = s.flip_chart;
  if (!fc.statement) return <p class="muted">{t('flip.noStatement', { name: nameOf(s, s.presenter) })}</p>;
  return (
    <div class="statement-block" data-item="statement">
      <p class="statement item-text">{fc.statement}</p>
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
  );
}

/** One line about what an earlier step left on the flip chart, for its folded heading. */
export function stepSummary(s: SessionState, index: number): string {
  const kind = s.method?.steps.find((x) => x.index === index)?.kind;
  const fc = s.flip_chart;
  const count = (n: number, one: Parameters<typeof t>[0], many: Parameters<typeof t>[0]) =>
    n === 1 ? t(one) : t(many, { n });
  switch (kind) {
    case 'inventory': {
      const chosen = fc.candidates.find((c) => c.id === fc.chosen);
      return chosen
        ? t('sum.chosen', { name: nameOf(s, chosen.owner) })
        : count(fc.candidates.length, 'sum.issue1', 'sum.issues');
    }
    case 'statement':
    case 'reframe':
      return fc.statement ?? '';
    case 'question_rounds':
      return count(fc.questions.filter((q) => q.step === index).length, 'sum.question1', 'sum.questions');
    case 'gossip':
      return count(fc.observations.filter((o) => o.step === index).length, 'sum.observation1', 'sum.observations');
    case 'advice':
      return count(fc.advice.filter((a) => a.step === index).length, 'sum.advice1', 'sum.advices');
    case 'share_advice':
      return count(fc.drafts.filter((d) => d.shared).length, 'sum.advice1', 'sum.advices');
    default:
      return '';
  }
}
