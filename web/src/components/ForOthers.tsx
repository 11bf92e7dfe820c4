// SPDX-License-Identifier: EUPL-1.2
// For the people in the room without a device, and for anyone whose device has gone away: the
// facilitator (or the scribe) taps in what they said out loud, in one tap where possible, with
// typing there for whoever wants the words kept. Who may be acted for, and in what, the server
// says (`may_for`); the presenter's part, by the facilitator's own `may`.

import { useEffect, useId, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { SessionState } from '../types';
import {
  actingFor,
  closingStillOpen,
  contributionCommand,
  draftOf,
  isAway,
  isSpoken,
  may,
  mayFor,
  turnHolder,
  turnKind,
} from '../may';
import { Button, ErrorNote, Lead } from './controls';
import { DraftField } from './fields';
import { ReactionFields, ReframeEditor, StatementEditor } from './PresenterEditors';
import { TurnActions } from './TurnActions';
import { nameOf, useCommand, useSession } from './session';

type Part =
  | 'turn'
  | 'issue'
  | 'statement'
  | 'answer'
  | 'observation'
  | 'reflect'
  | 'reframe'
  | 'written'
  | 'reaction'
  | 'closing';

/** What this screen has to do for someone else now, in the order it is shown. */
export function partsForOthers(s: SessionState, me: number): Part[] {
  if (s.phase !== 'running' || !s.step || s.disturbance || s.paused) return [];
  const parts: Part[] = [];
  const holder = turnHolder(s);
  const kind = turnKind(s);
  // The scribe's desk already holds every turn in Fresh Questioning.
  const scribeDesk = s.scribe === me && !!s.step.scribe_records;
  if (
    holder !== null &&
    holder !== me &&
    kind !== null &&
    !scribeDesk &&
    (mayFor(s, holder, 'pass') || mayFor(s, holder, contributionCommand[kind]))
  )
    parts.push('turn');
  // The presenter's own part, done here for a presenter without a device or away: the server
  // allows it to this screen only then.
  const forPresenter = s.presenter !== null && s.presenter !== me;
  if (forPresenter && (may(s, 'answer_question') || may(s, 'decline_question'))) parts.push('answer');
  if (forPresenter && may(s, 'set_statement') && !s.timer?.preparing) parts.push('statement');
  if (forPresenter && may(s, 'reflect')) parts.push('reflect');
  if (forPresenter && may(s, 'reframe')) parts.push('reframe');
  if (forPresenter && may(s, 'react')) parts.push('reaction');
  if (actingFor(s, 'propose_issue').length > 0 && s.flip_chart.chosen === null) parts.push('issue');
  if (actingFor(s, 'add_observation').length > 0) parts.push('observation');
  if (actingFor(s, 'write_draft').length > 0) parts.push('written');
  if (closingStillOpen(s, me).some((id) => id !== me)) parts.push('closing');
  return parts;
}

/** The facilitator's (and the scribe's) part for everyone without a device or away. */
export function ForOthers() {
  const { s, me } = useSession();
  const parts = partsForOthers(s, me);
  if (parts.length === 0) return null;
  return (
    <section class="for-others" aria-labelledby="for-others-title">
      <h2 id="for-others-title">{t('for.title')}</h2>
      {parts.map((part) => {
        switch (part) {
          case 'turn':
            return <TurnActions key={`turn-${turnHolder(s)}`} who={turnHolder(s)!} kind={turnKind(s)!} />;
          case 'answer':
            return <AnswerFor key={part} />;
          case 'statement':
            return <StatementFor key={part} />;
          case 'reflect':
            return <PresenterSpoke key={part} />;
          case 'reframe':
            return <ReframeFor key={part} />;
          case 'reaction':
            return <ReactionFor key={part} />;
          case 'issue':
            return <IssueFor key={part} />;
          case 'observation':
            return <ObservationFor key={part} />;
          case 'written':
            return <WrittenFor key={part} />;
          case 'closing':
            return <ClosingFor key={part} />;
        }
      })}
    </section>
  );
}

/** Choose whose words these are, among the people this screen acts for. */
function WhoSelect({
  value,
  onChange,
  people,
  label,
}: {
  value: number;
  onChange: (id: number) => void;
  people: number[];
  label: string;
}) {
  const { s } = useSession();
  const id = useId();
  return (
    <div class="field who-select">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={String(value)}
        onChange={(e) => onChange(Number((e.currentTarget as HTMLSelectElement).value))}
      >
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

/** A name, with "(not connected)" for someone whose device is away. */
function who(s: SessionState, id: number): string {
  const name = nameOf(s, id);
  return isAway(s, id) ? t('for.awayName', { name }) : name;
}

/** The presenter is away or without a device: tap in how the question was met. */
function AnswerFor() {
  const { s } = useSession();
  const cmd = useCommand();
  const name = nameOf(s, s.presenter);
  const rate = s.step?.answer_mode === 'rate';
  return (
    <div class="for-part on-behalf">
      <Lead>{isAway(s, s.presenter) ? t('fac.onBehalf', { name }) : t('fac.onBehalfNoDevice', { name })}</Lead>
      <div class="actions">
        {!rate && may(s, 'answer_question') && (
          <Button busy={cmd.busy} onClick={() => void cmd.run({ kind: 'answer_question' })}>
            {t('for.answered', { name })}
          </Button>
        )}
        {may(s, 'decline_question') && (
          <Button kind="quiet" busy={cmd.busy} onClick={() => void cmd.run({ kind: 'decline_question' })}>
            {t('for.declined', { name })}
          </Button>
        )}
      </div>
      <ErrorNote text={cmd.error} />
    </div>
  );
}

function IssueFor() {
  const { s } = useSession();
  const cmd = useCommand();
  const people = actingFor(s, 'propose_issue');
  const [id, setId] = usePick(people);
  return (
    <div class="for-part">
      <Lead>{t('for.issueLead')}</Lead>
      {people.length > 1 && <WhoSelect label={t('for.whose')} value={id} onChange={setId} people={people} />}
      <DraftField name={`issue-for-${id}`} label={t('for.issueLabel', { name: who(s, id) })} rows={2}>
        {(value, clear) => (
          <Button
            busy={cmd.busy}
            disabled={!value.trim() || !id}
            onClick={() => void cmd.run({ kind: 'propose_issue', text: value, on_behalf_of: id }, clear)}
          >
            {t('inv.proposeSend')}
          </Button>
        )}
      </DraftField>
      <ErrorNote text={cmd.error} />
    </div>
  );
}

function StatementFor() {
  const { s } = useSession();
  const cmd = useCommand();
  const name = who(s, s.presenter!);
  return (
    <div class="for-part">
      <Lead>{t('for.statementLead', { name })}</Lead>
      <StatementEditor cmd={cmd} draft="statement-for" label={t('for.statementLabel', { name })} />
      <ErrorNote text={cmd.error} />
    </div>
  );
}

/** The presenter reflected, or had the last word, out loud; the words may be typed too. */
function PresenterSpoke() {
  const { s } = useSession();
  const cmd = useCommand();
  const step = s.step!;
  const name = who(s, s.presenter!);
  const lastWord = step.kind === 'presenter_reflection';
  return (
    <div class="for-part">
      <Lead>
        {step.reflected
          ? t('g.reflected', { name })
          : lastWord
            ? t('for.lastWordLead', { name })
            : t('for.reflectLead', { name })}
      </Lead>
      <DraftField
        name="reflection-for"
        label={t('for.reflectLabel', { name })}
        hint={t('onWall.hintFor', { name })}
        rows={2}
      >
        {(value, clear) => (
          <Button
            kind={step.reflected && !value.trim() ? 'secondary' : 'primary'}
            busy={cmd.busy}
            onClick={() => void cmd.run({ kind: 'reflect', text: value.trim() || undefined }, clear)}
          >
            {value.trim()
              ? t('g.reflectSend')
              : step.reflected
                ? t('g.reflectAgain')
                : lastWord
                  ? t('for.lastWord', { name })
                  : t('for.reflected', { name })}
          </Button>
        )}
      </DraftField>
      <ErrorNote text={cmd.error} />
    </div>
  );
}

function ReframeFor() {
  const { s } = useSession();
  const cmd = useCommand();
  const step = s.step!;
  const name = who(s, s.presenter!);
  const decided = step.reframe === 'reframed' ? t('rf.reframed') : step.reframe === 'kept' ? t('rf.kept') : '';
  return (
    <div class="for-part">
      <Lead>{decided || t('for.reframeLead', { name })}</Lead>
      <ReframeEditor cmd={cmd} draft="reframe-for" label={t('for.reframeLabel', { name })} />
      <ErrorNote text={cmd.error} />
    </div>
  );
}

function ReactionFor() {
  const { s } = useSession();
  const cmd = useCommand();
  const name = who(s, s.presenter!);
  const given = s.flip_chart.reaction !== null;
  return (
    <div class="for-part">
      <Lead>{given ? t('re.given', { name }) : t('for.reactionLead', { name })}</Lead>
      <ReactionFields
        busy={cmd.busy}
        again={given}
        draft="react-for"
        hint={t('onWall.hintFor', { name })}
        labels={{ tomorrow: t('for.tomorrow', { name }), thinkOver: t('for.thinkOver', { name }) }}
        done={t('for.reacted', { name })}
        onSend={(tomorrow, think, done) =>
          void cmd.run({ kind: 'react', tomorrow: tomorrow || undefined, think_over: think || undefined }, done)
        }
      />
      <ErrorNote text={cmd.error} />
    </div>
  );
}

/** Balint: the written advice of those without a device, typed as they say it or read it out. */
function WrittenFor() {
  const { s } = useSession();
  const cmd = useCommand();
  const people = actingFor(s, 'write_draft');
  const [id, setId] = usePick(people);
  const name = nameOf(s, id);
  const saved = draftOf(s, id);
  const spoken = isSpoken(s);
  const written = people.filter((p) => draftOf(s, p));
  const open = people.filter((p) => !draftOf(s, p));
  const names = (ids: number[]) => ids.map((p) => nameOf(s, p)).join(', ');
  return (
    <div class="for-part">
      <Lead>{spoken ? t('for.writeLeadSpoken') : t('for.writeLead')}</Lead>
      {people.length > 1 && (
        <>
          <WhoSelect label={t('for.whoseAdvice')} value={id} onChange={setId} people={people} />
          <p class="hint">
            {written.length > 0 && t('for.draftsSaved', { names: names(written) })}{' '}
            {open.length > 0 && t('for.draftsOpen', { names: names(open) })}
          </p>
        </>
      )}
      <DraftField
        key={id}
        name={`draft-for-${id}`}
        label={t('for.draftLabel', { name })}
        hint={t('for.draftHint', { name })}
        rows={4}
        initial={saved?.text ?? ''}
        coach={{ kind: 'advice' }}
      >
        {(value) => (
          <>
            <Button
              busy={cmd.busy}
              disabled={!value.trim() || value.trim() === saved?.text}
              onClick={() => void cmd.run({ kind: 'write_draft', text: value, on_behalf_of: id })}
            >
              {saved ? t('for.draftUpdate', { name }) : t('for.draftSave', { name })}
            </Button>
            {saved && value.trim() === saved.text && <span class="saved">{t('wa.saved')}</span>}
          </>
        )}
      </DraftField>
      <ErrorNote text={cmd.error} />
    </div>
  );
}

function ObservationFor() {
  const { s } = useSession();
  const cmd = useCommand();
  const people = actingFor(s, 'add_observation');
  const [id, setId] = usePick(people);
  return (
    <div class="for-part">
      <Lead>{t('for.gossipLead')}</Lead>
      {people.length > 1 && <WhoSelect label={t('for.whoNoticed')} value={id} onChange={setId} people={people} />}
      <DraftField name={`observation-for-${id}`} label={t('for.observationLabel', { name: who(s, id) })} rows={2}>
        {(value, clear) => (
          <Button
            busy={cmd.busy}
            disabled={!value.trim() || !id}
            onClick={() => void cmd.run({ kind: 'add_observation', text: value, on_behalf_of: id }, clear)}
          >
            {t('g.add')}
          </Button>
        )}
      </DraftField>
      <ErrorNote text={cmd.error} />
    </div>
  );
}

function ClosingFor() {
  const { s, me } = useSession();
  const cmd = useCommand();
  const open = closingStillOpen(s, me).filter((id) => id !== me);
  return (
    <div class="for-part">
      <Lead>{t('for.closingLead')}</Lead>
      <ul class="closing-for">
        {open.map((id) => (
          <li key={id}>
            <DraftField name={`closing-for-${id}`} label={t('for.closingLabelOf', { name: who(s, id) })} rows={1}>
              {(value, clear) => (
                <Button
                  kind="secondary"
                  busy={cmd.busy}
                  onClick={() =>
                    void cmd.run({ kind: 'closing_remark', text: value.trim() || undefined, on_behalf_of: id }, clear)
                  }
                >
                  {t('for.closed', { name: nameOf(s, id) })}
                </Button>
              )}
            </DraftField>
          </li>
        ))}
      </ul>
      <ErrorNote text={cmd.error} />
    </div>
  );
}
