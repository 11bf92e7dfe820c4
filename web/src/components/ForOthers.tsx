// For the people in the room without a device: the facilitator (or the scribe) taps in what they
// said out loud, in one tap where possible, with typing there for whoever wants the words kept.

import { useEffect, useId, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { SessionState } from '../types';
import { behalf, closingStillOpen, draftOf, hasDevice, isAdviser, isSpoken, openTurn, recordsFor, speaksForPresenter, withoutDevice } from '../people';
import { Button, DraftField, ErrorNote, Lead, TextField, nameOf, useCommand, useSession } from './common';
import { ReactionFields, ReframeEditor, StatementEditor } from './PresenterEditors';

/** Whether this screen has anything to record for someone else now. */
export function hasSomethingToRecord(s: SessionState, me: number): boolean {
  if (s.phase !== 'running' || !s.step || s.disturbance || s.paused) return false;
  const kind = s.step.kind;
  const others = withoutDevice(s, me);
  if (others.length === 0) return false;
  if (speaksForPresenter(s, me)) {
    if (kind === 'statement' || kind === 'reframe' || kind === 'presenter_reaction' || kind === 'presenter_reflection') return true;
    if (kind === 'gossip' && s.step.gossip_closed && s.step.presenter_reflects) return true;
  }
  const holder = openTurn(s);
  if (holder !== null && recordsFor(s, me, holder)) {
    // The scribe's desk already records every question in Fresh Questioning.
    return !(kind === 'question_rounds' && s.scribe === me && s.step.scribe_records);
  }
  if (kind === 'written_advice') return others.some((id) => isAdviser(s, id));
  if (kind === 'inventory') return s.flip_chart.chosen === null;
  if (kind === 'gossip') return !s.step.gossip_closed && others.some((id) => id !== s.presenter);
  if (kind === 'closing') return closingStillOpen(s, me).some((id) => id !== me);
  return false;
}

/** The facilitator's (and the scribe's) part for everyone without a device. */
export function ForOthers() {
  const { s, me } = useSession();
  if (!hasSomethingToRecord(s, me)) return null;
  const step = s.step!;
  let body = null;
  switch (step.kind) {
    case 'inventory':
      body = <IssueFor />;
      break;
    case 'statement':
      body = <StatementFor />;
      break;
    case 'question_rounds':
    case 'advice':
      body = <TurnFor />;
      break;
    case 'written_advice':
      body = <WrittenFor />;
      break;
    case 'share_advice':
      body = <ShareFor key={s.turn.holder} />;
      break;
    case 'gossip':
      body = step.gossip_closed ? <PresenterSpoke kind="reflect" /> : <ObservationFor />;
      break;
    case 'reframe':
      body = <ReframeFor />;
      break;
    case 'presenter_reaction':
      body = <ReactionFor />;
      break;
    case 'presenter_reflection':
      body = <PresenterSpoke kind="lastWord" />;
      break;
    case 'closing':
      body = <ClosingFor />;
      break;
  }
  return (
    <section class="for-others" aria-labelledby="for-others-title">
      <h2 id="for-others-title">{t('for.title')}</h2>
      {body}
    </section>
  );
}

/** Choose whose words these are, among the people without a device. */
function WhoSelect({ value, onChange, people, label }: { value: number; onChange: (id: number) => void; people: number[]; label: string }) {
  const { s } = useSession();
  const id = useId();
  return (
    <div class="field who-select">
      <label for={id}>{label}</label>
      <select id={id} value={String(value)} onChange={(e) => onChange(Number((e.currentTarget as HTMLSelectElement).value))}>
        {people.map((p) => (
          <option key={p} value={String(p)}>
            {nameOf(s, p)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The first of `people`, kept while it stays among them. */
function usePick(people: number[]): [number, (id: number) => void] {
  const [picked, setPicked] = useState(people[0] ?? 0);
  const valid = people.includes(picked) ? picked : (people[0] ?? 0);
  useEffect(() => {
    if (valid !== picked) setPicked(valid);
  }, [valid, picked]);
  return [valid, setPicked];
}

function IssueFor() {
  const { s, me } = useSession();
  const cmd = useCommand();
  const people = withoutDevice(s, me);
  const [who, setWho] = usePick(people);
  return (
    <>
      <Lead>{t('for.issueLead')}</Lead>
      <WhoSelect label={t('for.whose')} value={who} onChange={setWho} people={people} />
      <DraftField name="issue-for" label={t('for.issueLabel', { name: nameOf(s, who) })} rows={2}>
        {(value, clear) => (
          <Button busy={cmd.busy} disabled={!value.trim() || !who} onClick={() => cmd.run({ kind: 'propose_issue', text: value, on_behalf_of: who }, clear)}>
            {t('inv.proposeSend')}
          </Button>
        )}
      </DraftField>
      <ErrorNote text={cmd.error} />
    </>
  );
}

function StatementFor() {
  const { s } = useSession();
  const cmd = useCommand();
  const name = nameOf(s, s.presenter);
  if (s.timer?.preparing) return <Lead>{t('st.prepLead')}</Lead>;
  return (
    <>
      <Lead>{t('for.statementLead', { name })}</Lead>
      <StatementEditor cmd={cmd} draft="statement-for" label={t('for.statementLabel', { name })} />
      <ErrorNote text={cmd.error} />
    </>
  );
}

/** The turn holder has no device: one tap for what they said, typing for the words. */
function TurnFor() {
  const { s, me } = useSession();
  const cmd = useCommand();
  const holder = openTurn(s)!;
  const on = behalf(s, me, holder) ?? undefined;
  const name = nameOf(s, holder);
  const kind = s.step!.kind;
  const spoken = isSpoken(s);
  const question = kind === 'question_rounds';
  const send = (text: string, done?: () => void) =>
    cmd.run(question ? { kind: 'ask_question', text, on_behalf_of: on } : { kind: 'give_advice', text, on_behalf_of: on }, done);
  const field = (
    <DraftField
      name={`${question ? 'question' : 'advice'}-for-${holder}`}
      label={question ? t('for.questionLabel', { name }) : t('for.adviceLabel', { name })}
      prefix={question ? undefined : t('adv.opener')}
      rows={2}
    >
      {(value, clear) => (
        <Button kind={spoken ? 'secondary' : 'primary'} busy={cmd.busy} disabled={!value.trim()} onClick={() => send(value, clear)}>
          {t('for.putOn')}
        </Button>
      )}
    </DraftField>
  );
  return (
    <>
      <Lead>{question ? t('for.questionLead', { name }) : t('for.adviceLead', { name })}</Lead>
      <div class="actions spoken-actions">
        {spoken && (
          <Button big busy={cmd.busy} onClick={() => send('')}>
            {question ? t('for.asked') : t('for.given')}
          </Button>
        )}
        <Button kind="secondary" busy={cmd.busy} onClick={() => cmd.run({ kind: 'pass', on_behalf_of: on })}>
          {t('for.passed', { name })}
        </Button>
      </div>
      {spoken ? (
        <details class="type-instead">
          <summary>{question ? t('for.typeQuestion') : t('for.typeAdvice')}</summary>
          {field}
        </details>
      ) : (
        field
      )}
      <ErrorNote text={cmd.error} />
    </>
  );
}

/** Balint: the written advice of those without a device, typed as they say it or read it out. */
function WrittenFor() {
  const { s, me } = useSession();
  const cmd = useCommand();
  const people = withoutDevice(s, me).filter((id) => isAdviser(s, id));
  const [who, setWho] = usePick(people);
  const name = nameOf(s, who);
  const saved = draftOf(s, who);
  const spoken = isSpoken(s);
  const written = people.filter((id) => draftOf(s, id));
  const open = people.filter((id) => !draftOf(s, id));
  const names = (ids: number[]) => ids.map((id) => nameOf(s, id)).join(', ');
  const field = (
    <DraftField key={who} name={`draft-for-${who}`} label={t('for.draftLabel', { name })} hint={t('for.draftHint', { name })} rows={6} initial={saved?.text ?? ''} coach={{ kind: 'advice' }}>
      {(value) => (
        <>
          <Button
            kind={spoken ? 'secondary' : 'primary'}
            busy={cmd.busy}
            disabled={!value.trim() || value.trim() === saved?.text}
            onClick={() => cmd.run({ kind: 'write_draft', text: value, on_behalf_of: who })}
          >
            {saved ? t('for.draftUpdate', { name }) : t('for.draftSave', { name })}
          </Button>
          {saved && value.trim() === saved.text && <span class="saved">{t('wa.saved')}</span>}
        </>
      )}
    </DraftField>
  );
  return (
    <>
      <Lead>{spoken ? t('for.writeLeadSpoken') : t('for.writeLead')}</Lead>
      {people.length > 1 && (
        <>
          <WhoSelect label={t('for.whoseAdvice')} value={who} onChange={setWho} people={people} />
          <p class="hint">
            {written.length > 0 && t('for.draftsSaved', { names: names(written) })} {open.length > 0 && t('for.draftsOpen', { names: names(open) })}
          </p>
        </>
      )}
      {spoken ? (
        <details class="type-instead" open={!!saved}>
          <summary>{t('for.typeAdvice')}</summary>
          {field}
        </details>
      ) : (
        field
      )}
      <ErrorNote text={cmd.error} />
    </>
  );
}

/** Balint: the turn holder without a device shares their advice; what they wrote goes along. */
function ShareFor() {
  const { s, me } = useSession();
  const cmd = useCommand();
  const holder = openTurn(s)!;
  const on = behalf(s, me, holder) ?? undefined;
  const name = nameOf(s, holder);
  const draft = draftOf(s, holder);
  return (
    <>
      <Lead>{t('for.shareLead', { name, presenter: nameOf(s, s.presenter) })}</Lead>
      {draft ? (
        <div class="my-draft">
          <p class="hint">{t('for.theirDraft', { name })}</p>
          <p>{draft.text}</p>
        </div>
      ) : (
        <>
          <p class="hint">{t('for.noDraft', { name })}</p>
          <details class="type-instead">
            <summary>{t('for.typeWholeAdvice')}</summary>
            <DraftField name={`draft-for-${holder}`} label={t('for.draftLabel', { name })} rows={4} coach={{ kind: 'advice' }}>
              {(value) => (
                <Button kind="secondary" busy={cmd.busy} disabled={!value.trim()} onClick={() => cmd.run({ kind: 'write_draft', text: value, on_behalf_of: on })}>
                  {t('for.draftSave', { name })}
                </Button>
              )}
            </DraftField>
          </details>
        </>
      )}
      <DraftField key={holder} name={`essence-for-${holder}`} label={draft ? t('for.essenceLabel', { name }) : t('for.essenceNeeded', { name })} rows={2}>
        {(value, clear) => (
          <>
            <Button
              busy={cmd.busy}
              disabled={!draft && !value.trim()}
              onClick={() => cmd.run({ kind: 'share_advice', essence: value.trim() || undefined, on_behalf_of: on }, clear)}
            >
              {t('for.shared', { name })}
            </Button>
            <Button kind="secondary" busy={cmd.busy} onClick={() => cmd.run({ kind: 'pass', on_behalf_of: on })}>
              {t('for.passed', { name })}
            </Button>
          </>
        )}
      </DraftField>
      <ErrorNote text={cmd.error} />
    </>
  );
}

function ObservationFor() {
  const { s, me } = useSession();
  const cmd = useCommand();
  const people = withoutDevice(s, me).filter((id) => id !== s.presenter);
  const [who, setWho] = usePick(people);
  return (
    <>
      <Lead>{t('for.gossipLead')}</Lead>
      <WhoSelect label={t('for.whoNoticed')} value={who} onChange={setWho} people={people} />
      <DraftField name="observation-for" label={t('for.observationLabel', { name: nameOf(s, who) })} rows={2}>
        {(value, clear) => (
          <Button busy={cmd.busy} disabled={!value.trim() || !who} onClick={() => cmd.run({ kind: 'add_observation', text: value, on_behalf_of: who }, clear)}>
            {t('g.add')}
          </Button>
        )}
      </DraftField>
      <ErrorNote text={cmd.error} />
    </>
  );
}

/** The presenter reflected, or had the last word, out loud; the words may be typed too. */
function PresenterSpoke({ kind }: { kind: 'reflect' | 'lastWord' }) {
  const { s } = useSession();
  const cmd = useCommand();
  const step = s.step!;
  const name = nameOf(s, s.presenter);
  return (
    <>
      <Lead>{step.reflected ? t('g.reflected', { name }) : kind === 'reflect' ? t('for.reflectLead', { name }) : t('for.lastWordLead', { name })}</Lead>
      <DraftField name="reflection-for" label={t('for.reflectLabel', { name })} rows={2}>
        {(value, clear) => (
          <Button kind={step.reflected ? 'secondary' : 'primary'} busy={cmd.busy} onClick={() => cmd.run({ kind: 'reflect', text: value.trim() || undefined }, clear)}>
            {step.reflected ? t('g.reflectAgain') : kind === 'reflect' ? t('for.reflected', { name }) : t('for.lastWord', { name })}
          </Button>
        )}
      </DraftField>
      <ErrorNote text={cmd.error} />
    </>
  );
}

function ReframeFor() {
  const { s } = useSession();
  const cmd = useCommand();
  const step = s.step!;
  const name = nameOf(s, s.presenter);
  const decided = step.reframe === 'reframed' ? t('rf.reframed') : step.reframe === 'kept' ? t('rf.kept') : '';
  return (
    <>
      <Lead>{decided || t('for.reframeLead', { name })}</Lead>
      <ReframeEditor cmd={cmd} draft="reframe-for" label={t('for.reframeLabel', { name })} />
      <ErrorNote text={cmd.error} />
    </>
  );
}

function ReactionFor() {
  const { s } = useSession();
  const cmd = useCommand();
  const name = nameOf(s, s.presenter);
  const given = s.flip_chart.reaction !== null;
  return (
    <>
      <Lead>{given ? t('re.given', { name }) : t('for.reactionLead', { name })}</Lead>
      <ReactionFields
        busy={cmd.busy}
        again={given}
        draft="react-for"
        labels={{ tomorrow: t('for.tomorrow', { name }), thinkOver: t('for.thinkOver', { name }) }}
        done={t('for.reacted', { name })}
        onSend={(tomorrow, think, done) => cmd.run({ kind: 'react', tomorrow: tomorrow || undefined, think_over: think || undefined }, done)}
      />
      <ErrorNote text={cmd.error} />
    </>
  );
}

function ClosingFor() {
  const { s, me } = useSession();
  const cmd = useCommand();
  const open = closingStillOpen(s, me).filter((id) => id !== me && !hasDevice(s, id));
  const [text, setText] = useState('');
  return (
    <>
      <Lead>{t('for.closingLead')}</Lead>
      <TextField label={t('for.closingLabel')} rows={2} value={text} onInput={setText} />
      <ul class="closing-for">
        {open.map((id) => (
          <li key={id}>
            <Button
              kind="secondary"
              busy={cmd.busy}
              onClick={() => cmd.run({ kind: 'closing_remark', text: text.trim() || undefined, on_behalf_of: id }, () => setText(''))}
            >
              {t('for.closed', { name: nameOf(s, id) })}
            </Button>
          </li>
        ))}
      </ul>
      <ErrorNote text={cmd.error} />
    </>
  );
}
