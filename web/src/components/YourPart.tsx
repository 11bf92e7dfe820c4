// "What you do now": the one panel that holds every control a participant may use in this
// step, for their role. Everything else on the page is read-only.

import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { isSpoken } from '../people';
import type { Rating, SessionState } from '../types';
import { Button, DraftField, ErrorNote, Lead, isAdviser, nameOf, useCommand, useSession } from './common';
import { useDraft } from '../storage';
import { RatingChip } from './FlipChart';
import { ReactionFields, ReframeEditor, StatementEditor } from './PresenterEditors';
import type { CoachFor } from './Coach';

export function YourPart() {
  const { s, me } = useSession();
  const step = s.step;
  let body = null;
  if (s.phase === 'lobby') body = <Lead>{t('lobby.waiting')}</Lead>;
  else if (!step) body = null;
  else if (s.disturbance) body = <Lead>{t('disturbance.hold')}</Lead>;
  else if (s.paused) body = <Lead>{t('paused.lead')}</Lead>;
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
  const listening = step?.kind === 'gossip' && s.presenter === me && !step.gossip_closed;
  return (
    <section class={`your-part${listening ? ' listening' : ''}`} aria-labelledby="your-part-title">
      <h2 id="your-part-title">{listening ? t('g.listening') : t('you.title')}</h2>
      {body}
    </section>
  );
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
        {t('inv.chosen', { text: chosen?.text ?? '', name: nameOf(s, s.presenter) })}{' '}
        {s.presenter === me ? t('inv.chosenYou') : ''}
      </Lead>
    );
  }
  return (
    <>
      <Lead>{t('inv.you')}</Lead>
      <DraftField name="issue" label={t('inv.propose')} hint={t('inv.proposeHint')} rows={2}>
        {(value, clear) => (
          <Button busy={cmd.busy} disabled={!value.trim()} onClick={() => cmd.run({ kind: 'propose_issue', text: value }, clear)}>
            {t('inv.proposeSend')}
          </Button>
        )}
      </DraftField>
      <h3>{t('inv.list')}</h3>
      {open.length === 0 ? (
        <p class="muted">{t('inv.empty')}</p>
      ) : (
        <ul class="candidates">
          {open.map((c) => (
            <li key={c.id} class={s.you.vote === c.id ? 'voted' : ''}>
              <span class="cand-text">{c.text}</span>
              <span class="cand-meta">
                {t('inv.by', { name: nameOf(s, c.owner) })} · {c.votes === 1 ? t('inv.vote1') : t('inv.votes', { n: c.votes })}
                {c.recorded_by ? <span class="recorded-by"> · {t('flip.recordedBy', { name: nameOf(s, c.recorded_by) })}</span> : null}
              </span>
              <span class="cand-actions">
                {s.you.vote === c.id ? (
                  <span class="chip chip-answered">{t('inv.voted')}</span>
                ) : (
                  <Button kind="secondary" busy={cmd.busy} onClick={() => cmd.run({ kind: 'vote', candidate: c.id })} label={t('inv.voteFor', { text: c.text })}>
                    {t('inv.vote')}
                  </Button>
                )}
                {c.owner === me && (
                  <Button kind="quiet" busy={cmd.busy} onClick={() => cmd.run({ kind: 'withdraw_issue', candidate: c.id })} label={t('inv.withdrawThis', { text: c.text })}>
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

function Statement() {
  const { s, me } = useSession();
  const cmd = useCommand();
  const statement = s.flip_chart.statement;
  const preparing = !!s.timer?.preparing;
  if (s.presenter === me) {
    return (
      <>
        <Lead>{statement ? (preparing ? t('st.presenterPrep') : t('st.presenterSet')) : t('st.presenterLead')}</Lead>
        {!preparing && (
          <StatementEditor cmd={cmd} draft="statement" label={t('st.label')} />
        )}
        <ErrorNote text={cmd.error} />
      </>
    );
  }
  return (
    <>
      <Lead>{preparing ? t('st.prepLead') : t('st.adviserLead', { name: nameOf(s, s.presenter) })}</Lead>
      {isAdviser(s, me) && (
        <DraftField name="question" label={t('st.notesLabel')} rows={3}>
          {() => null}
        </DraftField>
      )}
    </>
  );
}

function QuestionRounds() {
  const { s, me } = useSession();
  const step = s.step!;
  const rate = step.answer_mode === 'rate';
  const pendingId = s.turn.awaiting_question;
  const pending = pendingId !== null ? s.flip_chart.questions.find((q) => q.id === pendingId) : undefined;
  const isPresenter = s.presenter === me;
  const isScribe = s.scribe === me && !!step.scribe_records;

  if (isPresenter) return <PresenterQuestions rate={rate} pendingText={pending?.text} pendingAsker={pending ? nameOf(s, pending.asker) : ''} />;

  const parts = [];
  if (s.turn.closed) parts.push(<Lead key="closed">{t('q.closed')}</Lead>);
  else if (s.timer?.preparing) parts.push(<Lead key="prep">{t('st.prepLead')}</Lead>);
  if (isScribe) {
    parts.push(<ScribeDesk key="scribe" rate={rate} />);
    return <>{parts}</>;
  }
  if (s.turn.closed || s.timer?.preparing) {
    // nothing more to do in this step
  } else if (pending) {
    parts.push(
      <Lead key="pending">
        {rate ? t('q.waitRating', { name: nameOf(s, s.presenter) }) : t('q.waitAnswer', { name: nameOf(s, s.presenter) })}
      </Lead>,
    );
  } else if (s.turn.holder === me) {
    parts.push(<AskQuestion key="ask" />);
  } else if (isAdviser(s, me)) {
    parts.push(<Lead key="wait">{t('q.notYourTurn', { name: nameOf(s, s.turn.holder) })}</Lead>);
  } else {
    parts.push(<Lead key="watch">{t('q.watch', { name: nameOf(s, s.turn.holder) })}</Lead>);
  }
  // Prepare a follow-up for your next turn, privately.
  if (!s.turn.closed && isAdviser(s, me) && s.turn.holder !== me) {
    parts.push(
      <DraftField key="prepare" name="question" label={t('q.prepare')} rows={2} coach={{ kind: 'question', openQuestions: step.open_questions }}>
        {() => null}
      </DraftField>,
    );
  }
  return <>{parts}</>;
}

function AskQuestion() {
  const { s } = useSession();
  const cmd = useCommand();
  const field = (
    <DraftField
      name="question"
      label={t('q.askLabel')}
      hint={s.step?.open_questions ? t('q.openHint') : t('q.closedHint')}
      rows={3}
      coach={{ kind: 'question', openQuestions: s.step?.open_questions }}
    >
      {(value, clear) => (
        <>
          <Button busy={cmd.busy} disabled={!value.trim()} onClick={() => cmd.run({ kind: 'ask_question', text: value }, clear)}>
            {t('q.ask')}
          </Button>
          {!isSpoken(s) && (
            <Button kind="secondary" busy={cmd.busy} onClick={() => cmd.run({ kind: 'pass' })}>
              {t('q.pass')}
            </Button>
          )}
        </>
      )}
    </DraftField>
  );
  if (!isSpoken(s)) {
    return (
      <>
        <Lead>{t('q.yourTurn')}</Lead>
        {field}
        <ErrorNote text={cmd.error} />
      </>
    );
  }
  return (
    <>
      <Lead>{t('q.yourTurnSpoken')}</Lead>
      <div class="actions spoken-actions">
        <Button big busy={cmd.busy} onClick={() => cmd.run({ kind: 'ask_question', text: '' })}>
          {t('q.askedSpoken')}
        </Button>
        <Button kind="secondary" busy={cmd.busy} onClick={() => cmd.run({ kind: 'pass' })}>
          {t('q.pass')}
        </Button>
      </div>
      <TypeInstead draft="question">{field}</TypeInstead>
      <ErrorNote text={cmd.error} />
    </>
  );
}

/** In a spoken step, typing is there for whoever prefers it; open when a draft waits in it. */
function TypeInstead({ draft, children }: { draft: string; children: ComponentChildren }) {
  const { scope } = useSession();
  const [waiting] = useDraft(scope, draft);
  const [open] = useState(() => waiting.trim() !== '');
  return (
    <details class="type-instead" open={open}>
      <summary>{t('spoken.typeInstead')}</summary>
      {children}
    </details>
  );
}

function RatingButtons({ question, onRate, busy }: { question?: number; onRate: (r: Rating, q?: number) => void; busy: boolean }) {
  const ratings: Rating[] = ['warm', 'lukewarm', 'cold'];
  return (
    <div class="rating-buttons" role="group" aria-label={t('q.rateGroup')}>
      {ratings.map((r) => (
        <button key={r} type="button" class={`btn btn-rate rate-${r}`} disabled={busy} onClick={() => onRate(r, question)}>
          <RatingChip rating={r} />
        </button>
      ))}
    </div>
  );
}

function PresenterQuestions({ rate, pendingText, pendingAsker }: { rate: boolean; pendingText?: string; pendingAsker: string }) {
  const { s } = useSession();
  const cmd = useCommand();
  if (s.turn.closed) return <Lead>{t('q.closedPresenter')}</Lead>;
  if (s.timer?.preparing) return <Lead>{t('st.presenterPrep')}</Lead>;
  if (pendingText === undefined) {
    return <Lead>{rate ? t('q.presenterWaitRate', { name: nameOf(s, s.turn.holder) }) : t('q.presenterWait', { name: nameOf(s, s.turn.holder) })}</Lead>;
  }
  return (
    <>
      <div class="pending-question">
        <p class="pq-label">{t('q.pending', { name: pendingAsker })}</p>
        <p class="pq-text">{pendingText || <span class="out-loud">{t('flip.askedOutLoud')}</span>}</p>
      </div>
      {rate ? (
        <>
          <Lead>{t('q.presenterRate')}</Lead>
          <RatingButtons busy={cmd.busy} onRate={(rating) => cmd.run({ kind: 'rate_question', rating })} />
        </>
      ) : (
        <>
          <Lead>{t('q.presenterAnswer')}</Lead>
          <DraftField name="answer-note" label={t('q.noteLabel')} rows={2}>
            {(value, clear) => (
              <Button busy={cmd.busy} onClick={() => cmd.run({ kind: 'answer_question', note: value.trim() || undefined }, clear)}>
                {t('q.answered')}
              </Button>
            )}
          </DraftField>
        </>
      )}
      <div class="decline">
        <p class="hint">{t('q.declineHint')}</p>
        <Button kind="quiet" busy={cmd.busy} onClick={() => cmd.run({ kind: 'decline_question' })}>
          {t('q.decline')}
        </Button>
      </div>
      <ErrorNote text={cmd.error} />
    </>
  );
}

/** The scribe writes each question (and in rate mode the rating) on the flip chart. */
function ScribeDesk({ rate }: { rate: boolean }) {
  const { s, me } = useSession();
  const cmd = useCommand();
  const holder = s.turn.holder;
  const pendingId = s.turn.awaiting_question;
  const canRecord = !s.turn.closed && holder !== null && pendingId === null && !s.timer?.preparing;
  const lastRated = [...s.flip_chart.questions].reverse().find((q) => q.step === s.step!.index && q.outcome === 'rated');
  return (
    <div class="scribe-desk">
      <Lead>{t('q.scribeLead')}</Lead>
      {canRecord && holder !== null && (
        <DraftField
          name={`scribe-${holder}`}
          label={holder === me ? t('q.askLabel') : t('q.scribeAskLabel', { name: nameOf(s, holder) })}
          rows={2}
          coach={{ kind: 'question', openQuestions: s.step?.open_questions }}
        >
          {(value, clear) => (
            <>
              <Button
                busy={cmd.busy}
                disabled={!value.trim()}
                onClick={() => cmd.run({ kind: 'ask_question', text: value, on_behalf_of: holder === me ? undefined : holder }, clear)}
              >
                {t('q.scribeAsk')}
              </Button>
              <Button kind="secondary" busy={cmd.busy} onClick={() => cmd.run({ kind: 'pass', on_behalf_of: holder === me ? undefined : holder })}>
                {holder === me ? t('q.pass') : t('q.scribePass', { name: nameOf(s, holder) })}
              </Button>
            </>
          )}
        </DraftField>
      )}
      {rate && pendingId !== null && (
        <div class="scribe-rate">
          <p class="hint">{t('q.scribeRate', { name: nameOf(s, s.presenter) })}</p>
          <RatingButtons busy={cmd.busy} onRate={(rating) => cmd.run({ kind: 'rate_question', rating })} />
          <Button kind="quiet" busy={cmd.busy} onClick={() => cmd.run({ kind: 'decline_question' })}>
            {t('q.scribeDeclined')}
          </Button>
        </div>
      )}
      {rate && pendingId === null && lastRated && (
        <div class="scribe-rate">
          <p class="hint">{t('q.scribeCorrect', { text: lastRated.text })}</p>
          <RatingButtons busy={cmd.busy} question={lastRated.id} onRate={(rating, q) => cmd.run({ kind: 'rate_question', rating, question: q })} />
        </div>
      )}
      <ErrorNote text={cmd.error} />
    </div>
  );
}

function Gossip() {
  const { s, me } = useSession();
  const step = s.step!;
  const cmd = useCommand();
  if (s.presenter === me) {
    if (!step.gossip_closed) return <ListeningView s={s} />;
    if (!step.presenter_reflects) return <Lead>{t('g.closed')}</Lead>;
    return (
      <>
        <Lead>{step.reflected ? t('g.reflectedYou') : t('g.reflectLead')}</Lead>
        <DraftField name="reflection" label={t('g.reflectLabel')} rows={3}>
          {(value, clear) => (
            <Button busy={cmd.busy} onClick={() => cmd.run({ kind: 'reflect', text: value.trim() || undefined }, clear)}>
              {step.reflected ? t('g.reflectAgain') : t('g.reflectDone')}
            </Button>
          )}
        </DraftField>
        <ErrorNote text={cmd.error} />
      </>
    );
  }
  if (step.gossip_closed) {
    if (!step.presenter_reflects) return <Lead>{t('g.closed')}</Lead>;
    return <Lead>{step.reflected ? t('g.reflected', { name: nameOf(s, s.presenter) }) : t('g.waitReflect', { name: nameOf(s, s.presenter) })}</Lead>;
  }
  return (
    <>
      <Lead>{t('g.adviserLead', { name: nameOf(s, s.presenter) })}</Lead>
      <DraftField name="observation" label={t('g.label')} rows={2}>
        {(value, clear) => (
          <Button busy={cmd.busy} disabled={!value.trim()} onClick={() => cmd.run({ kind: 'add_observation', text: value }, clear)}>
            {t('g.add')}
          </Button>
        )}
      </DraftField>
      <ErrorNote text={cmd.error} />
    </>
  );
}

/** The presenter's quiet screen in the gossip round: no input, only what the others notice. */
function ListeningView({ s }: { s: SessionState }) {
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
  if (s.presenter !== me) return <Lead>{decided || t('rf.wait', { name: nameOf(s, s.presenter) })}</Lead>;
  return (
    <>
      <Lead>{decided || t('rf.lead')}</Lead>
      <ReframeEditor cmd={cmd} draft="reframe" label={t('rf.label')} />
      <ErrorNote text={cmd.error} />
    </>
  );
}

/** The page shows the opener in front of the advice field, and the server adds it. */
const ADVICE_COACH: CoachFor = { kind: 'advice', addsOpener: true };

function Advice() {
  const { s, me } = useSession();
  const cmd = useCommand();
  if (s.presenter === me) return <Lead>{s.turn.closed ? t('adv.doneYou') : t('adv.presenterLead')}</Lead>;
  if (s.timer?.preparing) {
    return (
      <>
        <Lead>{t('adv.prep')}</Lead>
        {isAdviser(s, me) && (
          <DraftField name="advice" label={t('adv.label')} prefix={t('adv.opener')} rows={3} coach={ADVICE_COACH}>
            {() => null}
          </DraftField>
        )}
      </>
    );
  }
  if (s.turn.closed) return <Lead>{t('adv.done')}</Lead>;
  if (s.turn.holder !== me) {
    return (
      <>
        <Lead>{t('adv.wait', { name: nameOf(s, s.turn.holder) })}</Lead>
        {isAdviser(s, me) && !s.flip_chart.advice.some((a) => a.adviser === me && a.step === s.step!.index) && (
          <DraftField name="advice" label={t('adv.label')} prefix={t('adv.opener')} rows={3} coach={ADVICE_COACH}>
            {() => null}
          </DraftField>
        )}
      </>
    );
  }
  const field = (
    <DraftField name="advice" label={t('adv.label')} prefix={t('adv.opener')} rows={3} coach={ADVICE_COACH}>
      {(value, clear) => (
        <>
          <Button busy={cmd.busy} disabled={!value.trim()} onClick={() => cmd.run({ kind: 'give_advice', text: value }, clear)}>
            {t('adv.give')}
          </Button>
          {!isSpoken(s) && (
            <Button kind="secondary" busy={cmd.busy} onClick={() => cmd.run({ kind: 'pass' })}>
              {t('q.pass')}
            </Button>
          )}
        </>
      )}
    </DraftField>
  );
  if (!isSpoken(s)) {
    return (
      <>
        <Lead>{t('adv.yourTurn')}</Lead>
        {field}
        <ErrorNote text={cmd.error} />
      </>
    );
  }
  return (
    <>
      <Lead>{t('adv.yourTurnSpoken')}</Lead>
      <div class="actions spoken-actions">
        <Button big busy={cmd.busy} onClick={() => cmd.run({ kind: 'give_advice', text: '' })}>
          {t('adv.givenSpoken')}
        </Button>
        <Button kind="secondary" busy={cmd.busy} onClick={() => cmd.run({ kind: 'pass' })}>
          {t('q.pass')}
        </Button>
      </div>
      <TypeInstead draft="advice">{field}</TypeInstead>
      <ErrorNote text={cmd.error} />
    </>
  );
}

function WrittenAdvice() {
  const { s, me } = useSession();
  const cmd = useCommand();
  if (!isAdviser(s, me)) {
    return <Lead>{s.presenter === me ? t('wa.presenterLead') : t('wa.facilitatorLead')}</Lead>;
  }
  const mine = s.flip_chart.drafts.find((d) => d.author === me);
  return (
    <>
      <Lead>{t('wa.lead')}</Lead>
      <DraftField name="draft" label={t('wa.label')} rows={6} initial={mine?.text ?? ''} coach={{ kind: 'advice' }}>
        {(value) => (
          <>
            <Button busy={cmd.busy} disabled={!value.trim() || value.trim() === mine?.text} onClick={() => cmd.run({ kind: 'write_draft', text: value })}>
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
  if (!isAdviser(s, me)) return <Lead>{s.turn.closed ? t('adv.done') : t('sh.wait', { name: nameOf(s, s.turn.holder) })}</Lead>;
  const mine = s.flip_chart.drafts.find((d) => d.author === me);
  if (mine?.shared) return <Lead>{t('sh.sharedYou')}</Lead>;
  const myTurn = s.turn.holder === me && !s.turn.closed;
  return (
    <>
      <Lead>{myTurn ? t('sh.yourTurn') : s.turn.closed ? t('adv.done') : t('sh.wait', { name: nameOf(s, s.turn.holder) })}</Lead>
      {mine ? (
        <div class="my-draft">
          <p class="hint">{t('sh.yourDraft')}</p>
          <p>{mine.text}</p>
        </div>
      ) : (
        <DraftField name="draft" label={t('wa.label')} hint={t('sh.noDraft')} rows={4} coach={{ kind: 'advice' }}>
          {(value) => (
            <Button kind="secondary" busy={cmd.busy} disabled={!value.trim()} onClick={() => cmd.run({ kind: 'write_draft', text: value })}>
              {t('wa.save')}
            </Button>
          )}
        </DraftField>
      )}
      {myTurn && (
        <DraftField name="essence" label={t('sh.essenceLabel')} rows={2}>
          {(value, clear) => (
            <>
              <Button busy={cmd.busy} disabled={!mine && !value.trim()} onClick={() => cmd.run({ kind: 'share_advice', essence: value.trim() || undefined }, clear)}>
                {t('sh.share')}
              </Button>
              <Button kind="secondary" busy={cmd.busy} onClick={() => cmd.run({ kind: 'pass' })}>
                {t('q.pass')}
              </Button>
            </>
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
    return <Lead>{given ? t('re.given', { name: nameOf(s, s.presenter) }) : t('re.wait', { name: nameOf(s, s.presenter) })}</Lead>;
  }
  return (
    <>
      <Lead>{given ? t('re.givenYou') : t('re.lead')}</Lead>
      <ReactionFields
        busy={cmd.busy}
        again={given}
        draft="react"
        labels={{ tomorrow: t('re.tomorrow'), thinkOver: t('re.thinkOver') }}
        done={t('re.done')}
        onSend={(tomorrow, think, done) => cmd.run({ kind: 'react', tomorrow: tomorrow || undefined, think_over: think || undefined }, done)}
      />
      <ErrorNote text={cmd.error} />
    </>
  );
}

function LastWord() {
  const { s, me } = useSession();
  const cmd = useCommand();
  const step = s.step!;
  if (s.presenter !== me) {
    return <Lead>{step.reflected ? t('g.reflected', { name: nameOf(s, s.presenter) }) : t('rl.wait', { name: nameOf(s, s.presenter) })}</Lead>;
  }
  return (
    <>
      <Lead>{step.reflected ? t('g.reflectedYou') : t('rl.lead')}</Lead>
      <DraftField name="last-word" label={t('g.reflectLabel')} rows={3}>
        {(value, clear) => (
          <Button busy={cmd.busy} onClick={() => cmd.run({ kind: 'reflect', text: value.trim() || undefined }, clear)}>
            {step.reflected ? t('g.reflectAgain') : t('g.reflectDone')}
          </Button>
        )}
      </DraftField>
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
      {!done && (
        <DraftField name="closing" label={t('cl.label')} rows={2}>
          {(value, clear) => (
            <Button busy={cmd.busy} onClick={() => cmd.run({ kind: 'closing_remark', text: value.trim() || undefined }, clear)}>
              {t('cl.done')}
            </Button>
          )}
        </DraftField>
      )}
      <ErrorNote text={cmd.error} />
    </>
  );
}
