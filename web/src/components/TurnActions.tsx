// SPDX-License-Identifier: EUPL-1.2
// A turn's actions, in one place for every step that takes turns and for every screen: one's
// own turn on a phone, or the turn of someone without a device (or whose device is away) on the
// facilitator's laptop. One rule above all: once the field holds words, the big button sends
// those words. Said out loud, one tap is enough; typed, the words go on the flip chart.

import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../i18n';
import { useDraft } from '../storage';
import { contributionCommand, draftOf, isAway, isSpoken, mayAs, onBehalfOf, type TurnKind } from '../may';
import type { Command } from '../types';
import { Button, ErrorNote, Lead } from './controls';
import { CoachedField } from './fields';
import type { CoachFor } from './Coach';
import { nameOf, useCommand, useSession } from './session';

/** The draft a turn's words wait in: one's own, or one per person typed for. */
export function turnDraftName(kind: TurnKind, who: number, me: number): string {
  const base = kind === 'question' ? 'question' : kind === 'advice' ? 'advice' : 'essence';
  return who === me ? base : `${base}-for-${who}`;
}

const ADVICE_COACH: CoachFor = { kind: 'advice', addsOpener: true };

interface Words {
  lead: MessageKey;
  leadSpoken: MessageKey;
  label: MessageKey;
  spokenDone: MessageKey;
  send: MessageKey;
}

const own: Record<TurnKind, Words> = {
  question: {
    lead: 'q.yourTurn',
    leadSpoken: 'q.yourTurnSpoken',
    label: 'q.askLabel',
    spokenDone: 'q.askedSpoken',
    send: 'q.sendTyped',
  },
  advice: {
    lead: 'adv.yourTurn',
    leadSpoken: 'adv.yourTurnSpoken',
    label: 'adv.label',
    spokenDone: 'adv.givenSpoken',
    send: 'adv.sendTyped',
  },
  share: {
    lead: 'sh.yourTurn',
    leadSpoken: 'sh.yourTurn',
    label: 'sh.essenceLabel',
    spokenDone: 'sh.share',
    send: 'sh.share',
  },
};

const theirs: Record<TurnKind, Words> = {
  question: {
    lead: 'for.questionLead',
    leadSpoken: 'for.questionLead',
    label: 'for.questionLabel',
    spokenDone: 'for.asked',
    send: 'for.putOnFor',
  },
  advice: {
    lead: 'for.adviceLead',
    leadSpoken: 'for.adviceLead',
    label: 'for.adviceLabel',
    spokenDone: 'for.given',
    send: 'for.putOnFor',
  },
  share: {
    lead: 'for.shareLead',
    leadSpoken: 'for.shareLead',
    label: 'for.essenceLabel',
    spokenDone: 'for.shared',
    send: 'for.shared',
  },
};

/**
 * The turn of `who`, for this screen to act on. `kind`: what the turn is for. Renders nothing when
 * this screen may not act for them now.
 */
export function TurnActions({ who, kind }: { who: number; kind: TurnKind }) {
  const { s, me, scope } = useSession();
  const cmd = useCommand();
  const mine = who === me;
  const name = nameOf(s, who);
  const words = mine ? own[kind] : theirs[kind];
  const command = contributionCommand[kind];
  const spoken = isSpoken(s);
  const draftName = turnDraftName(kind, who, me);
  const [value, setValue, clear] = useDraft(scope, draftName);
  const [typing, setTyping] = useState(() => value.trim() !== '');
  const actionsRef = useRef<HTMLDivElement>(null);
  const canContribute = mayAs(s, me, who, command);
  const canPass = mayAs(s, me, who, 'pass');
  if (!canContribute && !canPass) return null;

  const on = onBehalfOf(me, who);
  const typed = value.trim();
  const hasDraft = kind === 'share' && draftOf(s, who) !== undefined;
  // Sharing hands over what was written; said out loud or not, the essence may stay empty.
  const emptyAllowed = kind === 'share' ? hasDraft : spoken;
  const contribute = (text: string) => {
    let c: Command;
    if (kind === 'question') c = { kind: 'ask_question', text, on_behalf_of: on };
    else if (kind === 'advice') c = { kind: 'give_advice', text, on_behalf_of: on };
    else c = { kind: 'share_advice', essence: text || undefined, on_behalf_of: on };
    return cmd.run(c, clear);
  };
  const showField = !spoken || typing || typed !== '' || kind === 'share';
  // Words typed (or a typed step) make it a button that sends them; otherwise one tap, said out loud.
  const primaryLabel = typed || !emptyAllowed ? t(words.send, { name }) : t(words.spokenDone, { name });
  const lead = mine
    ? t(spoken ? words.leadSpoken : words.lead)
    : t(words.lead, { name, presenter: nameOf(s, s.presenter) });
  const away = !mine && isAway(s, who);

  return (
    <div class={`turn-actions${mine ? ' own' : ' for-other'}`}>
      <Lead>
        {away ? `${t('for.away', { name })} ` : ''}
        {lead}
      </Lead>
      {kind === 'share' && <SharedDraft who={who} />}
      {showField ? (
        <TurnField
          kind={kind}
          label={t(words.label, { name })}
          value={value}
          onInput={setValue}
          actions={actionsRef}
          hint={
            kind === 'question' && mine ? (s.step?.open_questions ? t('q.openHint') : t('q.closedHint')) : undefined
          }
        />
      ) : (
        <button type="button" class="btn btn-quiet type-instead" aria-expanded="false" onClick={() => setTyping(true)}>
          {mine ? t('spoken.typeInstead') : kind === 'question' ? t('for.typeQuestion') : t('for.typeAdvice')}
        </button>
      )}
      <div class="actions turn-buttons" ref={actionsRef}>
        {canContribute && (
          <Button big busy={cmd.busy} disabled={!typed && !emptyAllowed} onClick={() => void contribute(typed)}>
            {primaryLabel}
          </Button>
        )}
        {canPass && (
          <Button kind="secondary" busy={cmd.busy} onClick={() => void cmd.run({ kind: 'pass', on_behalf_of: on })}>
            {mine ? t('q.pass') : t('for.passed', { name })}
          </Button>
        )}
      </div>
      {typed && spoken && <p class="hint">{t('turn.typedGoesOn')}</p>}
      <ErrorNote text={cmd.error} />
    </div>
  );
}

/** The field of a turn. While it has the focus, its buttons stay in view above the keyboard. */
function TurnField({
  kind,
  label,
  hint,
  value,
  onInput,
  actions,
}: {
  kind: TurnKind;
  label: string;
  hint?: string;
  value: string;
  onInput: (v: string) => void;
  actions: { current: HTMLDivElement | null };
}) {
  const { s } = useSession();
  const coach: CoachFor | undefined =
    kind === 'question'
      ? { kind: 'question', openQuestions: s.step?.open_questions }
      : kind === 'advice'
        ? ADVICE_COACH
        : undefined;
  const wrapRef = useRef<HTMLDivElement>(null);
  useKeepInView(wrapRef, actions);
  return (
    <div ref={wrapRef} class="draft">
      <CoachedField
        label={label}
        hint={hint}
        prefix={kind === 'advice' ? t('adv.opener') : undefined}
        rows={2}
        coach={coach}
        value={value}
        onInput={onInput}
      />
    </div>
  );
}

/**
 * When the keyboard opens on a phone, the page grows shorter: keep the field and the buttons under
 * it in view, so the big button is never hidden under the keyboard.
 */
function useKeepInView(field: { current: HTMLElement | null }, actions: { current: HTMLElement | null }) {
  useEffect(() => {
    const el = field.current;
    if (!el) return;
    const show = () => {
      if (!el.contains(document.activeElement)) return;
      window.setTimeout(() => actions.current?.scrollIntoView({ block: 'nearest', behavior: 'auto' }), 60);
    };
    el.addEventListener('focusin', show);
    window.visualViewport?.addEventListener('resize', show);
    return () => {
      el.removeEventListener('focusin', show);
      window.visualViewport?.removeEventListener('resize', show);
    };
  }, [field, actions]);
}

/** Balint: what the turn holder wrote goes along when they share. */
function SharedDraft({ who }: { who: number }) {
  const { s, me } = useSession();
  const draft = draftOf(s, who);
  const name = nameOf(s, who);
  if (!draft) return <p class="hint">{who === me ? t('sh.noDraft') : t('for.noDraft', { name })}</p>;
  return (
    <div class="my-draft">
      <p class="hint">{who === me ? t('sh.yourDraft') : t('for.theirDraft', { name })}</p>
      <p>{draft.text}</p>
    </div>
  );
}
