// SPDX-License-Identifier: EUPL-1.2
// "What you do now": the one panel that holds every control a participant may use in this
// step, on their own account. What they may do, the server says (`may`); whose turn it is, too
// (`floor`). Everything else on the page is read-only.

import { t, type MessageKey } from '../i18n';
import { draftOf, may, turnHolder, turnKind } from '../may';
import { useDraft } from '../storage';
import type { Rating, SessionState } from '../types';
import { Button, ErrorNote, Lead } from './controls';
import { DraftField, TextField } from './fields';
import { OwnKeyPoint } from './KeyPoint';
import { RatingChip } from './RatingChip';
import { ReactionFields, ReframeEditor, StatementEditor } from './PresenterEditors';
import { TurnActions, turnDraftName } from './TurnActions';
import { nameOf, useCommand, useSession } from './session';

/** The texts with a version written to the facilitator herself. */
const FAC_VARIANTS = new Set<string>(['q.closed', 'paused.lead', 'adv.done', 'g.closed', 'rf.wait']);

/** The facilitator reads texts written to her, not the ones that speak of "the facilitator". */
function lead(s: SessionState, me: number, key: MessageKey, params?: Record<string, string | number>): string {
  return t(s.facilitator === me && FAC_VARIANTS.has(key) ? (`${key}.fac` as MessageKey) : key, params);
}

export function YourPart() {
  const { s, me } = useSession();
  const step = s.step;
  let body = null;
  if (s.phase !== 'running' || !step) body = null;
  else if (s.disturbance) body = <Lead>{t('disturbance.hold')}</Lead>;
  else if (s.paused) body = <Lead>{lead(s, me, 'paused.lead')}</Lead>;
  else {
    switch (step.kind) {
      case 'inventory':
        body = <Inventory />;
        break;
      case 'statement':
        body = <Statement />;
        break;
      case 'question_rounds':
        body = <QuestionRounds />;
        break;
      case 'gossip':
        body = <Gossip />;
        break;
      case 'reframe':
        body = <Reframe />;
        break;
      case 'advice':
        body = <Advice />;
        break;
      case 'written_advice':
        body = <WrittenAdvice />;
        break;
      case 'share_advice':
        body = <ShareAdvice />;
        break;
      case 'presenter_reaction':
        body = <Reaction />;
        break;
      case 'presenter_reflection':
        body = <LastWord />;
        break;
      case 'closing':
        body = <Closing />;
        break;
    }
  }
  if (!body) return null;
  const listening = s.floor?.doing === 'discussing' && s.presenter === me;
  return (
    <section class={`your-part${listening ? ' listening' : ''}`} aria-labelledby="your-part-title">
      <h2 id="your-part-title">{listening ? t('g.listening') : t('you.title')}</h2>
      {body}
    </section>
  );
}

/** My own turn, if it is mine now: the one component for every step that takes turns. */
function MyTurn() {
  const { s, me } = useSession();
  const kind = turnKind(s);
  if (kind === null || turnHolder(s) !== me) return null;
  return <TurnActions who={me} kind={kind} />;
}

function Inventory() {
  const { s, me } = useSession();
  const cmd = useCommand();
  const fc = s.flip_chart;
  const open = fc.candidates.filter((c) => !c.withdrawn);
  if (fc.chosen !== null) {
    const chosen = fc.candidates.find((c) => c.id === fc.chosen);
    return (
      <Lead>
        {s.presenter === me
          ? t('inv.chosenYou', { text: chosen?.text ?? '' })
          : t('inv.chosen', { text: chosen?.text ?? '', name: nameOf(s, s.presenter) })}
      </Lead>
    );
  }
  return (
    <>
      <Lead>{s.facilitator === me ? t('inv.youFac') : t('inv.you')}</Lead>
      {may(s, 'propose_issue') && (
        <DraftField name="issue" label={t('inv.propose')} hint={t('inv.proposeHint')} rows={2}>
          {(value, clear) => (
            <Button
              busy={cmd.busy}
              disabled={!value.trim()}
              onClick={() => void cmd.run({ kind: 'propose_issue', text: value }, clear)}
            >
              {t('inv.proposeSend')}
            </Button>
          )}
        </DraftField>
      )}
      <h3>{t('inv.list')}</h3>
      {open.length === 0 ? (
        <p class="muted">{t('inv.empty')}</p>
      ) : (
        <ul class="candidates">
          {open.map((c) => (
            <li key={c.id} class={s.you.vote === c.id ? 'voted' : ''}>
              <span class="cand-text">{c.text}</span>
              <span class="cand-meta">
                {c.owner === me ? t('inv.byYou') : t('inv.by', { name: nameOf(s, c.owner) })} ·{' '}
                {c.votes === 1 ? t('inv.vote1') : t('inv.votes', { n: c.votes })}
                {c.recorded_by ? (
                  <span class="recorded-by"> · {t('flip.recordedBy', { name: nameOf(s, c.recorded_by) })}</span>
                ) : null}
              </span>
              <span class="cand-actions">
                {s.you.vote === c.id ? (
                  <span class="chip chip-answered">{t('inv.voted')}</span>
                ) : (
                  may(s, 'vote') && (
                    <Button
                      kind="secondary"
                      busy={cmd.busy}
                      onClick={() => void cmd.run({ kind: 'vote', candidate: c.id })}
                      label={t('inv.voteFor', { text: c.text })}
                    >
                      {t('inv.vote')}
                    </Button>
                  )
                )}
                {c.owner === me && may(s, 'withdraw_issue') && (
                  <Button
                    kind="quiet"
                    busy={cmd.busy}
                    onClick={() => void cmd.run({ kind: 'withdraw_issue', candidate: c.id })}
                    label={t('inv.withdrawThis', { text: c.text })}
                  >
                    {t('inv.withdraw')}
                  </Button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      <ErrorNote text={cmd.error} />
    </>
  );
}

/** An adviser's own notes for a later turn: private, on this device only. */
function PrepareField({ name, label }: { name: string; label: string }) {
  return (
    <DraftField name={name} label={label} rows={2}>
      {() => null}
    </DraftField>
  );
}

function Statement() {
  const { s, me } = useSession();
  const cmd = useCommand();
  const statement = s.flip_chart.statement;
  const preparing = !!s.timer?.preparing;
  if (s.presenter === me) {
    return (
      <>
        <Lead>{statement ? (preparing ? t('st.presenterPrep') : t('st.presenterSet')) : t('st.presenterLead')}</Lead>
        {!preparing && may(s, 'set_statement') && <StatementEditor cmd={cmd} draft="statement" label={t('st.label')} />}
        <ErrorNote text={cmd.error} />
      </>
    );
  }
  return (
    <>
      <Lead>{preparing ? t('st.prepLead') : t('st.adviserLead', { name: nameOf(s, s.presenter) })}</Lead>
      {s.you.roles.includes('adviser') && (
        <PrepareField name={turnDraftName('question', me, me)} label={t('st.notesLabel')} />
      )}
    </>
  );
}

function QuestionRounds() {
  const { s, me } = useSession();
  const step = s.step!;
  const rate = step.answer_mode === 'rate';
  if (s.presenter === me) return <PresenterQuestions rate={rate} />;
  if (s.scribe === me && step.scribe_records) return <ScribeDesk rate={rate} />;
  const holder = s.turn.holder;
  const doing = s.floor?.doing;
  let note = null;
  if (doing === 'done') note = <Lead>{lead(s, me, 'q.closed')}</Lead>;
  else if (doing === 'preparing') note = <Lead>{t('st.prepLead')}</Lead>;
  else if (doing === 'answering' || doing === 'rating') {
    const pending = s.flip_chart.questions.find((q) => q.id === s.turn.awaiting_question);
    const name = nameOf(s, s.presenter);
    note = (
      <Lead>
        {pending?.asker === me
          ? t(rate ? 'q.waitRatingYours' : 'q.waitAnswerYours', { name })
          : t(rate ? 'q.waitRating' : 'q.waitAnswer', { name })}
      </Lead>
    );
  } else if (holder !== null && holder !== me) {
    note = (
      <Lead>
        {s.turn.order.includes(me)
          ? t('q.notYourTurn', { name: nameOf(s, holder) })
          : t('q.watch', { name: nameOf(s, holder) })}
      </Lead>
    );
  }
  const waiting = s.turn.order.includes(me) && !s.turn.closed && turnHolder(s) !== me;
  return (
    <>
      <MyTurn />
      {note}
      <OwnKeyPoint />
      {waiting && <PrepareField name={turnDraftName('question', me, me)} label={t('q.prepare')} />}
    </>
  );
}

function RatingButtons({
  question,
  onRate,
  busy,
}: {
  question?: number;
  onRate: (r: Rating, q?: number) => void;
  busy: boolean;
}) {
  const ratings: Rating[] = ['warm', 'lukewarm', 'cold'];
  return (
    <div class="rating-buttons" role="group" aria-label={t('q.rateGroup')}>
      {ratings.map((r) => (
        <button
          key={r}
          type="button"
          class={`btn btn-rate rate-${r}`}
          disabled={busy}
          onClick={() => onRate(r, question)}
        >
          <RatingChip rating={r} />
        </button>
      ))}
    </div>
  );
}

/** The presenter in the question rounds: a question on the table first, its answer one tap. */
function PresenterQuestions({ rate }: { rate: boolean }) {
  const { s, scope } = useSession();
  const cmd = useCommand();
  const doing = s.floor?.doing;
  const pending = s.flip_chart.questions.find((q) => q.id === s.turn.awaiting_question);
  const [note, setNote, clearNote] = useDraft(scope, `answer-note-${pending?.id ?? 0}`);
  if (doing === 'done') return <Lead>{t('q.closedPresenter')}</Lead>;
  if (doing === 'preparing') return <Lead>{t('st.presenterPrep')}</Lead>;
  if (!pending) {
    const holder = s.turn.holder;
    return (
      <Lead>
        {rate
          ? t('q.presenterWaitRate', { name: nameOf(s, holder) })
          : t('q.presenterWait', { name: nameOf(s, holder) })}
      </Lead>
    );
  }
  return (
    <>
      <div class="pending-question">
        <p class="pq-label">{t('q.pending', { name: nameOf(s, pending.asker) })}</p>
        <p class="pq-text">{pending.text || <span class="out-loud">{t('q.pendingSpoken')}</span>}</p>
      </div>
      {rate ? (
        <>
          <Lead>{t('q.presenterRate')}</Lead>
          {may(s, 'rate_question') && (
            <RatingButtons busy={cmd.busy} onRate={(rating) => void cmd.run({ kind: 'rate_question', rating })} />
          )}
        </>
      ) : (
        <>
          <Lead>{t('q.presenterAnswer')}</Lead>
          {/* The answer first, in reach of a thumb; a note to oneself is for whoever wants one. */}
          <div class="actions turn-buttons">
            {may(s, 'answer_question') && (
              <Button
                big
                busy={cmd.busy}
                onClick={() => void cmd.run({ kind: 'answer_question', note: note.trim() || undefined }, clearNote)}
              >
                {note.trim() ? t('q.answeredWithNote') : t('q.answered')}
              </Button>
            )}
            {may(s, 'decline_question') && (
              <Button kind="quiet" busy={cmd.busy} onClick={() => void cmd.run({ kind: 'decline_question' })}>
                {t('q.decline')}
              </Button>
            )}
          </div>
          <TextField label={t('q.noteLabel')} rows={2} value={note} onInput={setNote} />
        </>
      )}
      {may(s, 'decline_question') && (
        <div class="decline">
          <p class="hint">{t('q.declineHint')}</p>
          {rate && (
            <Button kind="quiet" busy={cmd.busy} onClick={() => void cmd.run({ kind: 'decline_question' })}>
              {t('q.decline')}
            </Button>
          )}
        </div>
      )}
      <ErrorNote text={cmd.error} />
    </>
  );
}

/** Fresh Questioning: the scribe writes each question (and the rating) on the flip chart. */
function ScribeDesk({ rate }: { rate: boolean }) {
  const { s, me } = useSession();
  const cmd = useCommand();
  const holder = turnHolder(s);
  const pendingId = s.turn.awaiting_question;
  const lastRated = [...s.flip_chart.questions]
    .reverse()
    .find((q) => q.step === s.step!.index && q.outcome === 'rated');
  return (
    <div class="scribe-desk">
      <Lead>{t('q.scribeLead')}</Lead>
      {s.floor?.doing === 'preparing' && <Lead>{t('st.prepLead')}</Lead>}
      {holder !== null && <TurnActions key={holder} who={holder} kind="question" />}
      {rate && pendingId !== null && may(s, 'rate_question') && (
        <div class="scribe-rate">
          <p class="hint">{t('q.scribeRate', { name: nameOf(s, s.presenter) })}</p>
          <RatingButtons busy={cmd.busy} onRate={(rating) => void cmd.run({ kind: 'rate_question', rating })} />
          {may(s, 'decline_question') && (
            <Button kind="quiet" busy={cmd.busy} onClick={() => void cmd.run({ kind: 'decline_question' })}>
              {t('q.scribeDeclined')}
            </Button>
          )}
        </div>
      )}
      {rate && pendingId === null && lastRated && may(s, 'rate_question') && (
        <div class="scribe-rate">
          <p class="hint">{t('q.scribeCorrect', { text: lastRated.text })}</p>
          <RatingButtons
            busy={cmd.busy}
            question={lastRated.id}
            onRate={(rating, q) => void cmd.run({ kind: 'rate_question', rating, question: q })}
          />
        </div>
      )}
      {holder !== me && <OwnKeyPoint />}
      <ErrorNote text={cmd.error} />
    </div>
  );
}

function Gossip() {
  const { s, me } = useSession();
  const step = s.step!;
  const cmd = useCommand();
  const doing = s.floor?.doing;
  if (s.presenter === me) {
    if (doing === 'discussing') return <ListeningView />;
    if (!step.presenter_reflects) return <Lead>{lead(s, me, 'g.closed')}</Lead>;
    return (
      <>
        <Lead>{step.reflected ? t('g.reflectedYou') : t('g.reflectLead')}</Lead>
        {may(s, 'reflect') && (
          <DraftField name="reflection" label={t('g.reflectLabel')} hint={t('onWall.hint')} rows={3}>
            {(value, clear) => (
              <Button
                busy={cmd.busy}
                onClick={() => void cmd.run({ kind: 'reflect', text: value.trim() || undefined }, clear)}
              >
                {value.trim() ? t('g.reflectSend') : step.reflected ? t('g.reflectAgain') : t('g.reflectDone')}
              </Button>
            )}
          </DraftField>
        )}
        <ErrorNote text={cmd.error} />
      </>
    );
  }
  if (doing !== 'discussing') {
    if (!step.presenter_reflects) return <Lead>{lead(s, me, 'g.closed')}</Lead>;
    return (
      <Lead>
        {step.reflected
          ? t('g.reflected', { name: nameOf(s, s.presenter) })
          : t('g.waitReflect', { name: nameOf(s, s.presenter) })}
      </Lead>
    );
  }
  return (
    <>
      <Lead>{t('g.adviserLead', { name: nameOf(s, s.presenter) })}</Lead>
      {may(s, 'add_observation') && (
        <DraftField name="observation" label={t('g.label')} hint={t('g.hint')} rows={2}>
          {(value, clear) => (
            <Button
              busy={cmd.busy}
              disabled={!value.trim()}
              onClick={() => void cmd.run({ kind: 'add_observation', text: value }, clear)}
            >
              {t('g.add')}
            </Button>
          )}
        </DraftField>
      )}
      <ErrorNote text={cmd.error} />
    </>
  );
}

/** The presenter's quiet screen in the gossip round: no input, only what the others notice. */
function ListeningView() {
  const { s } = useSession();
  const here = s.flip_chart.observations.filter((o) => o.step === s.step!.index);
  return (
    <div class="listening-view">
      <p class="listening-lead">{t('g.listeningLead')}</p>
      <ul class="notes" aria-live="polite">
        {here.map((o, i) => (
          <li key={i}>{o.text}</li>
        ))}
      </ul>
      {here.length === 0 && <p class="muted">{t('g.noneYet')}</p>}
    </div>
  );
}

function Reframe() {
  const { s, me } = useSession();
  const step = s.step!;
  const cmd = useCommand();
  const decided = step.reframe === 'reframed' ? t('rf.reframed') : step.reframe === 'kept' ? t('rf.kept') : '';
  if (s.presenter !== me) return <Lead>{decided || lead(s, me, 'rf.wait', { name: nameOf(s, s.presenter) })}</Lead>;
  return (
    <>
      <Lead>{decided || t('rf.lead')}</Lead>
      {may(s, 'reframe') && <ReframeEditor cmd={cmd} draft="reframe" label={t('rf.label')} />}
      <ErrorNote text={cmd.error} />
    </>
  );
}

function Advice() {
  const { s, me } = useSession();
  if (s.presenter === me) return <Lead>{s.turn.closed ? t('adv.doneYou') : t('adv.presenterLead')}</Lead>;
  const doing = s.floor?.doing;
  const adviser = s.turn.order.includes(me);
  const given = s.flip_chart.advice.some((a) => a.adviser === me && a.step === s.step!.index);
  const mine = turnHolder(s) === me;
  let note = null;
  if (doing === 'preparing') note = <Lead>{t('adv.prep')}</Lead>;
  else if (s.turn.closed) note = <Lead>{lead(s, me, 'adv.done')}</Lead>;
  else if (!mine && s.turn.holder !== null) note = <Lead>{t('adv.wait', { name: nameOf(s, s.turn.holder) })}</Lead>;
  return (
    <>
      <MyTurn />
      {note}
      <OwnKeyPoint />
      {adviser && !given && !mine && !s.turn.closed && (
        <DraftField
          name={turnDraftName('advice', me, me)}
          label={t('adv.prepareLabel')}
          prefix={t('adv.opener')}
          rows={2}
        >
          {() => null}
        </DraftField>
      )}
    </>
  );
}

function WrittenAdvice() {
  const { s, me } = useSession();
  const cmd = useCommand();
  if (!may(s, 'write_draft')) {
    return <Lead>{s.presenter === me ? t('wa.presenterLead') : t('wa.facilitatorLead')}</Lead>;
  }
  const mine = draftOf(s, me);
  return (
    <>
      <Lead>{t('wa.lead')}</Lead>
      <DraftField name="draft" label={t('wa.label')} rows={6} initial={mine?.text ?? ''} coach={{ kind: 'advice' }}>
        {(value) => (
          <>
            <Button
              busy={cmd.busy}
              disabled={!value.trim() || value.trim() === mine?.text}
              onClick={() => void cmd.run({ kind: 'write_draft', text: value })}
            >
              {mine ? t('wa.update') : t('wa.save')}
            </Button>
            {mine && value.trim() === mine.text && <span class="saved">{t('wa.saved')}</span>}
          </>
        )}
      </DraftField>
      <ErrorNote text={cmd.error} />
    </>
  );
}

function ShareAdvice() {
  const { s, me } = useSession();
  const cmd = useCommand();
  if (s.presenter === me) return <Lead>{s.turn.closed ? t('adv.doneYou') : t('sh.presenterLead')}</Lead>;
  const mine = draftOf(s, me);
  if (mine?.shared) return <Lead>{t('sh.sharedYou')}</Lead>;
  const myTurn = turnHolder(s) === me;
  return (
    <>
      <MyTurn />
      {!myTurn && (
        <Lead>{s.turn.closed ? lead(s, me, 'adv.done') : t('sh.wait', { name: nameOf(s, s.turn.holder) })}</Lead>
      )}
      {!myTurn && mine && (
        <div class="my-draft">
          <p class="hint">{t('sh.yourDraft')}</p>
          <p>{mine.text}</p>
        </div>
      )}
      {!mine && may(s, 'write_draft') && (
        <DraftField name="draft" label={t('wa.label')} hint={t('sh.noDraft')} rows={4} coach={{ kind: 'advice' }}>
          {(value) => (
            <Button
              kind="secondary"
              busy={cmd.busy}
              disabled={!value.trim()}
              onClick={() => void cmd.run({ kind: 'write_draft', text: value })}
            >
              {t('wa.save')}
            </Button>
          )}
        </DraftField>
      )}
      <ErrorNote text={cmd.error} />
    </>
  );
}

function Reaction() {
  const { s, me } = useSession();
  const cmd = useCommand();
  const given = s.flip_chart.reaction !== null;
  if (s.presenter !== me) {
    return (
      <Lead>
        {given ? t('re.given', { name: nameOf(s, s.presenter) }) : t('re.wait', { name: nameOf(s, s.presenter) })}
      </Lead>
    );
  }
  return (
    <>
      <Lead>{given ? t('re.givenYou') : t('re.lead')}</Lead>
      {may(s, 'react') && (
        <ReactionFields
          busy={cmd.busy}
          again={given}
          draft="react"
          hint={t('onWall.hint')}
          labels={{ tomorrow: t('re.tomorrow'), thinkOver: t('re.thinkOver') }}
          done={t('re.done')}
          onSend={(tomorrow, think, done) =>
            void cmd.run({ kind: 'react', tomorrow: tomorrow || undefined, think_over: think || undefined }, done)
          }
        />
      )}
      <ErrorNote text={cmd.error} />
    </>
  );
}

function LastWord() {
  const { s, me } = useSession();
  const cmd = useCommand();
  const step = s.step!;
  if (s.presenter !== me) {
    return (
      <Lead>
        {step.reflected
          ? t('g.reflected', { name: nameOf(s, s.presenter) })
          : t('rl.wait', { name: nameOf(s, s.presenter) })}
      </Lead>
    );
  }
  return (
    <>
      <Lead>{step.reflected ? t('g.reflectedYou') : t('rl.lead')}</Lead>
      {may(s, 'reflect') && (
        <DraftField name="last-word" label={t('g.reflectLabel')} hint={t('onWall.hint')} rows={3}>
          {(value, clear) => (
            <Button
              busy={cmd.busy}
              onClick={() => void cmd.run({ kind: 'reflect', text: value.trim() || undefined }, clear)}
            >
              {value.trim() ? t('g.reflectSend') : step.reflected ? t('g.reflectAgain') : t('g.reflectDone')}
            </Button>
          )}
        </DraftField>
      )}
      <ErrorNote text={cmd.error} />
    </>
  );
}

function Closing() {
  const { s, me } = useSession();
  const cmd = useCommand();
  const done = s.flip_chart.closing_remarks.some((r) => r.author === me);
  return (
    <>
      <Lead>{done ? t('cl.doneYou') : t('cl.lead')}</Lead>
      <p class="hint">{t('cl.count', { n: s.flip_chart.closing_remarks.length, total: s.participants.length })}</p>
      {!done && may(s, 'closing_remark') && (
        <DraftField name="closing" label={t('cl.label')} rows={2}>
          {(value, clear) => (
            <Button
              busy={cmd.busy}
              onClick={() => void cmd.run({ kind: 'closing_remark', text: value.trim() || undefined }, clear)}
            >
              {value.trim() ? t('cl.send') : t('cl.done')}
            </Button>
          )}
        </DraftField>
      )}
      <ErrorNote text={cmd.error} />
    </>
  );
}
