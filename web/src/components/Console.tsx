// SPDX-License-Identifier: EUPL-1.2
// One-laptop mode: the facilitator's laptop on the beamer. A slim control strip on top (the step
// and its rule, who has the word, the time, what can be done now with a single key, and the one
// line to type in) above the flip chart in large type. Everything works from the keyboard; keys
// typed into a field stay words, and words waiting in a field are what the turn's key sends.

import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { errorText, loc, t } from '../i18n';
import type { Command } from '../types';
import type { Membership } from '../storage';
import { clearDraft, readDraft, useDraft } from '../storage';
import { ALL_SHORTCUTS, actionForKey, consoleActions, stripFieldKinds, type Action } from '../shortcuts';
import {
  actingFor,
  closingStillOpen,
  draftOf,
  hasDevice,
  isSpoken,
  may,
  onBehalfOf,
  turnHolder,
  type TurnKind,
} from '../may';
import { nextStepTitle } from '../nextStep';
import { floorText } from '../floor';
import { roleLabel } from './controls';
import { blurOnEscape } from './fields';
import { nextLabel } from './FacilitatorPanel';
import { AddPerson } from './People';
import { JoinInfo } from './JoinInfo';
import { StepTimer } from './StepCard';
import { WallBoard } from './Wall';
import { turnDraftName } from './TurnActions';
import { nameOf, useSession } from './session';

type Send = (c: Command) => Promise<boolean>;

/** One line to type in, kept as a draft; Enter puts it on the flip chart, Escape hands the keys back. */
function StripField({
  draft,
  label,
  button,
  allowEmpty,
  onSend,
  children,
}: {
  draft: string;
  label: string;
  button: string;
  allowEmpty?: boolean;
  onSend: (text: string) => Promise<boolean>;
  children?: preact.ComponentChildren;
}) {
  const { scope } = useSession();
  const id = useId();
  const [value, setValue, clear] = useDraft(scope, draft);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy || (!allowEmpty && !value.trim())) return;
    setBusy(true);
    const ok = await onSend(value.trim());
    setBusy(false);
    if (ok) clear();
  };
  return (
    <form class="strip-field" onSubmit={submit}>
      {children}
      <label for={id}>{label}</label>
      <div class="picker-row">
        <input
          id={id}
          type="text"
          maxLength={4000}
          autoComplete="off"
          value={value}
          onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={blurOnEscape}
        />
        <button type="submit" class="btn btn-secondary" disabled={busy || (!allowEmpty && !value.trim())}>
          {button}
        </button>
      </div>
    </form>
  );
}

function WhoPicker({
  people,
  value,
  onChange,
  label,
}: {
  people: number[];
  value: number;
  onChange: (id: number) => void;
  label: string;
}) {
  const { s, me } = useSession();
  const id = useId();
  return (
    <span class="strip-who">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={String(value)}
        onKeyDown={blurOnEscape}
        onChange={(e) => onChange(Number((e.currentTarget as HTMLSelectElement).value))}
      >
        {people.map((p) => (
          <option key={p} value={String(p)}>
            {p === me ? t('console.me', { name: nameOf(s, p) }) : nameOf(s, p)}
          </option>
        ))}
      </select>
    </span>
  );
}

/** A text with a choice of whose words they are: oneself, or someone this laptop acts for. */
function FieldFor({
  people,
  draft,
  label,
  button,
  command,
  send,
}: {
  people: number[];
  draft: string;
  label: (name: string) => string;
  button: string;
  command: (text: string, on: number | undefined) => Command;
  send: Send;
}) {
  const { s, me } = useSession();
  const [picked, setPicked] = useState(people[0] ?? me);
  const who = people.includes(picked) ? picked : (people[0] ?? me);
  return (
    <StripField
      key={who}
      draft={`${draft}-${who}`}
      label={label(nameOf(s, who))}
      button={button}
      onSend={(text) => send(command(text, onBehalfOf(me, who)))}
    >
      {people.length > 1 && <WhoPicker people={people} value={who} onChange={setPicked} label={t('console.whose')} />}
    </StripField>
  );
}

/**
 * Balint: a written advice, one's own or typed for someone without a device as they say it. It
 * stays in the field once saved, so it can be read back and changed until it is shared.
 */
function DraftFor({ send }: { send: Send }) {
  const { s, me, scope } = useSession();
  const id = useId();
  const people = [...(may(s, 'write_draft') ? [me] : []), ...actingFor(s, 'write_draft')];
  const [picked, setPicked] = useState(people[0] ?? me);
  const who = people.includes(picked) ? picked : (people[0] ?? me);
  const saved = draftOf(s, who)?.text;
  const [value, setValue] = useDraft(scope, who === me ? 'draft' : `draft-for-${who}`, saved ?? '');
  const [busy, setBusy] = useState(false);
  const same = saved !== undefined && value.trim() === saved;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy || !value.trim() || same) return;
    setBusy(true);
    await send({ kind: 'write_draft', text: value, on_behalf_of: onBehalfOf(me, who) });
    setBusy(false);
  };
  return (
    <form class="strip-field strip-draft" onSubmit={submit}>
      {people.length > 1 && <WhoPicker people={people} value={who} onChange={setPicked} label={t('console.whose')} />}
      <label for={id}>{who === me ? t('console.draftMine') : t('console.draftOf', { name: nameOf(s, who) })}</label>
      <div class="picker-row">
        <input
          id={id}
          type="text"
          maxLength={4000}
          autoComplete="off"
          value={value}
          aria-describedby={`${id}-saved`}
          onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={blurOnEscape}
        />
        <button type="submit" class="btn btn-secondary" disabled={busy || !value.trim() || same}>
          {saved === undefined ? t('wa.save') : t('wa.update')}
        </button>
        <span class="saved" id={`${id}-saved`} role="status">
          {same ? t('wa.saved') : ''}
        </span>
      </div>
    </form>
  );
}

/** The command a turn's contribution becomes, with the words typed for it (maybe none). */
function contribution(kind: TurnKind, text: string, on: number | undefined): Command {
  if (kind === 'question') return { kind: 'ask_question', text, on_behalf_of: on };
  if (kind === 'advice') return { kind: 'give_advice', text, on_behalf_of: on };
  return { kind: 'share_advice', essence: text || undefined, on_behalf_of: on };
}

/** The fields the strip shows now (shortcuts.ts decides which). */
function StripFields({ send }: { send: Send }) {
  const { s, me } = useSession();
  const presenter = nameOf(s, s.presenter);
  const mine = (kind: string) => (may(s, kind) ? [me] : []);
  const holder = turnHolder(s);
  const holderName = nameOf(s, holder);
  const put = t('console.put');
  return (
    <>
      {stripFieldKinds(s, me).map((kind) => {
        switch (kind) {
          case 'person':
            return <AddPerson key={kind} compact />;
          case 'issue':
            return (
              <FieldFor
                key={kind}
                draft="issue"
                people={[...mine('propose_issue'), ...actingFor(s, 'propose_issue')]}
                label={(name) => t('console.issueOf', { name })}
                button={put}
                command={(text, on) => ({ kind: 'propose_issue', text, on_behalf_of: on })}
                send={send}
              />
            );
          case 'statement':
            return (
              <StripField
                key={kind}
                draft="statement-for"
                label={t('for.statementLabel', { name: presenter })}
                button={put}
                onSend={(text) => send({ kind: 'set_statement', text })}
              />
            );
          case 'question':
          case 'advice':
          case 'share': {
            const turn: TurnKind = kind;
            const written = turn !== 'share' || draftOf(s, holder) !== undefined;
            const name = holder === me ? t('console.me', { name: holderName }) : holderName;
            const label =
              turn === 'question'
                ? t('console.questionOf', { name })
                : turn === 'advice'
                  ? t('console.adviceOf', { name })
                  : written
                    ? t('console.essenceOf', { name })
                    : t('console.essenceNeeded', { name });
            return (
              <StripField
                key={`${kind}-${holder}`}
                draft={turnDraftName(turn, holder!, me)}
                label={label}
                button={turn === 'share' ? t('console.share') : put}
                allowEmpty={turn === 'share' ? written : isSpoken(s)}
                onSend={(text) => send(contribution(turn, text, onBehalfOf(me, holder!)))}
              />
            );
          }
          case 'draft':
            return <DraftFor key={kind} send={send} />;
          case 'observation':
            return (
              <FieldFor
                key={kind}
                draft="observation"
                people={[...mine('add_observation'), ...actingFor(s, 'add_observation')]}
                label={(name) => t('console.observationOf', { name })}
                button={put}
                command={(text, on) => ({ kind: 'add_observation', text, on_behalf_of: on })}
                send={send}
              />
            );
          case 'reflection':
          case 'lastWord':
            return (
              <StripField
                key={kind}
                draft="reflection-for"
                label={t('for.reflectLabel', { name: presenter })}
                button={put}
                onSend={(text) => send({ kind: 'reflect', text })}
              />
            );
          case 'reframe':
            return (
              <StripField
                key={kind}
                draft="reframe-for"
                label={t('for.reframeLabel', { name: presenter })}
                button={t('rf.reframe')}
                onSend={(text) => send({ kind: 'reframe', text })}
              />
            );
          case 'note':
            return (
              <StripField
                key={kind}
                draft="key-point"
                label={t('console.noteFor', { name: presenter })}
                button={t('kp.add')}
                onSend={(text) => send({ kind: 'add_note', text })}
              />
            );
          case 'tomorrow':
            return (
              <StripField
                key={kind}
                draft="react-for-tomorrow"
                label={t('for.tomorrow', { name: presenter })}
                button={put}
                onSend={(text) => send({ kind: 'react', tomorrow: text })}
              />
            );
          case 'closing': {
            const next = closingStillOpen(s, me)[0];
            return (
              <StripField
                key={`${kind}-${next}`}
                draft={next === me ? 'closing' : `closing-for-${next}`}
                label={next === me ? t('console.closingMine') : t('console.closingOf', { name: nameOf(s, next) })}
                button={put}
                allowEmpty
                onSend={(text) =>
                  send({ kind: 'closing_remark', text: text || undefined, on_behalf_of: onBehalfOf(me, next) })
                }
              />
            );
          }
        }
      })}
    </>
  );
}

function KeyButton({ action, onRun, busy }: { action: Action; onRun: (a: Action) => void; busy: boolean }) {
  const { s } = useSession();
  let label = t(action.label, action.params);
  if (action.id === 'next' && s.phase === 'running') label = nextLabel(nextStepTitle(s));
  return (
    <button
      type="button"
      class={`key-btn key-${action.id}`}
      aria-keyshortcuts={action.key === '?' ? 'Shift+?' : action.key}
      aria-busy={busy ? 'true' : undefined}
      onClick={() => {
        if (!busy) onRun(action);
      }}
    >
      <kbd aria-hidden="true">{action.key}</kbd>
      <span>{label}</span>
    </button>
  );
}

/** The people as chips: who has the word, who takes part without a device, who is away. */
function PeopleLine() {
  const { s, me } = useSession();
  return (
    <ul class="people-line" aria-label={t('console.people')}>
      {s.participants.map((p) => {
        const holds = s.phase === 'running' && s.floor?.participant === p.id;
        const own = hasDevice(s, p.id);
        const away = own && !s.connected.includes(p.id);
        return (
          <li key={p.id} class={`${own ? 'own' : 'no-device'}${holds ? ' holds' : ''}${away ? ' away' : ''}`}>
            <span class="chip-name">{p.id === me ? t('console.me', { name: p.name }) : p.name}</span>
            {p.roles.includes('presenter') && <span class="chip-role"> · {roleLabel('presenter')}</span>}
            <span class={own && !away ? 'visually-hidden' : 'chip-device'}>
              {own ? (away ? ` · ${t('group.away')}` : `, ${t('console.ownDevice')}`) : ` · ${t('console.noDevice')}`}
            </span>
            {holds && <span class="visually-hidden">, {t('group.holds')}</span>}
          </li>
        );
      })}
    </ul>
  );
}

function HelpOverlay({ onClose }: { onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    return () => before?.focus?.();
  }, []);
  return (
    <div class="overlay" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div
        class="overlay-box"
        role="dialog"
        aria-modal="true"
        aria-labelledby="keys-title"
        onKeyDown={(e) => {
          // One button inside: Tab stays on it.
          if (e.key === 'Tab') {
            e.preventDefault();
            closeRef.current?.focus();
          }
        }}
      >
        <h2 id="keys-title">{t('key.helpTitle')}</h2>
        <p>{t('key.helpLead')}</p>
        <dl class="keys-list">
          {ALL_SHORTCUTS.map((k) => (
            <div key={k.key}>
              <dt>
                <kbd>{k.key}</kbd>
              </dt>
              <dd>{t(k.label)}</dd>
            </div>
          ))}
        </dl>
        <div class="actions">
          <button type="button" class="btn btn-primary" ref={closeRef} onClick={onClose}>
            {t('key.helpClose')}
          </button>
        </div>
      </div>
    </div>
  );
}

/** The facilitator's control strip: step and rule, who has the word, time, keys, and what to type. */
export function ConsoleStrip({ receivedAt, onLeave }: { receivedAt: number; onLeave: () => void }) {
  const { s, me, scope, send } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [help, setHelp] = useState(false);
  const fieldsRef = useRef<HTMLDivElement>(null);
  const goRef = useRef<HTMLButtonElement>(null);
  const actions = consoleActions(s, me, stripFieldKinds(s, me).length > 0);
  const stepIndex = s.step?.index;

  useEffect(() => setConfirming(false), [stepIndex]);
  // "Done: …" speaks of this step only.
  useEffect(() => setDone(''), [stepIndex, s.phase]);
  useEffect(() => {
    if (confirming) goRef.current?.focus();
  }, [confirming]);

  // The state's version when the last command went out: once a newer state is on screen, that
  // command's effect is showing (its ack may still be on its way), and the next key may act.
  const sentAt = useRef(-1);
  const waiting = busy && s.version === sentAt.current;

  const run = async (c: Command): Promise<boolean> => {
    sentAt.current = s.version;
    setBusy(true);
    setError('');
    const r = await send(c);
    setBusy(false);
    if (!r.ok) setError(errorText(r.code, r.message));
    return r.ok;
  };

  const next = async (confirm: boolean) => {
    // A step whose rule is not met yet asks once more: N again moves on anyway.
    if (!confirm && s.next_step && !s.next_step.ready) {
      setConfirming(true);
      return;
    }
    if (await run(confirm ? { kind: 'next_step', confirm: true } : { kind: 'next_step' })) setConfirming(false);
  };

  const focusField = () => fieldsRef.current?.querySelector<HTMLElement>('input[type="text"], textarea')?.focus();

  const perform = async (a: Action) => {
    switch (a.effect.kind) {
      case 'help':
        setHelp(true);
        return;
      case 'focus':
        focusField();
        return;
      case 'next':
        await next(false);
        return;
      case 'contribute': {
        // Words typed for this turn go with it; without words, said out loud is one key.
        const { who, turn } = a.effect;
        const draft = turnDraftName(turn, who, me);
        const text = readDraft(scope, draft).trim();
        const emptyAllowed = turn === 'share' ? draftOf(s, who) !== undefined : isSpoken(s);
        if (!text && !emptyAllowed) {
          focusField();
          return;
        }
        if (await run(contribution(turn, text, onBehalfOf(me, who)))) {
          clearDraft(scope, draft);
          setDone(t('key.done', { what: t(a.label, a.params) }));
        }
        return;
      }
      case 'command':
        if (await run(a.effect.command)) setDone(t('key.done', { what: t(a.label, a.params) }));
    }
  };

  // The keys: one listener for the page while this strip is on screen.
  const latest = useRef({ actions, perform, next, waiting, confirming, help, s });
  latest.current = { actions, perform, next, waiting, confirming, help, s };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const now = latest.current;
      if (e.defaultPrevented || e.repeat) return;
      if (now.help) {
        if (e.key === 'Escape' || e.key === '?') {
          e.preventDefault();
          setHelp(false);
        }
        return;
      }
      if (now.confirming && !e.ctrlKey && !e.altKey && !e.metaKey) {
        if (e.key === 'Escape') {
          e.preventDefault();
          setConfirming(false);
          return;
        }
        if (e.key === 'n' || e.key === 'N') {
          e.preventDefault();
          if (!now.waiting) void now.next(true);
          return;
        }
      }
      const target = e.target as HTMLElement | null;
      const action = actionForKey(
        now.actions,
        {
          key: e.key,
          ctrlKey: e.ctrlKey,
          altKey: e.altKey,
          metaKey: e.metaKey,
          isComposing: e.isComposing,
          target: target && {
            tagName: target.tagName,
            type: (target as HTMLInputElement).type,
            isContentEditable: target.isContentEditable,
          },
        },
        now.s,
      );
      if (!action) return;
      e.preventDefault();
      if (!now.waiting) void now.perform(action);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const shown = actions.filter((a) => a.id !== 'help' && a.id !== 'type' && a.id !== 'choose');
  const open = s.flip_chart.candidates.filter((c) => !c.withdrawn);
  const choosing = actions.some((a) => a.id === 'choose');
  const total = s.method?.steps.length ?? 0;
  const floor = floorText(s, me);
  const round =
    s.step?.kind === 'question_rounds' && s.floor?.doing === 'asking' ? t('turn.round', { n: s.turn.round }) : '';

  return (
    <section class="console-strip" aria-labelledby="console-title">
      <h1 id="console-title" class="visually-hidden">
        {t('console.title')}
      </h1>
      <div class="strip-head">
        <h2 class="strip-step" id="step-title" tabIndex={-1}>
          {s.step ? (
            <>
              <span class="step-number">{t('step.of', { n: s.step.number, total })}</span>{' '}
              <span class="step-title">{loc(s.step.title)}</span>
            </>
          ) : (
            <span class="step-title">{s.phase === 'lobby' ? t('step.lobby') : t('step.finished')}</span>
          )}
        </h2>
        <p class="strip-rule">
          {s.step ? loc(s.step.rule) : s.phase === 'lobby' ? t('step.lobbyRule') : t('step.finishedRule')}
        </p>
        <div class="strip-meta">
          {floor && (
            <p class="strip-floor turn" aria-live="polite">
              {floor}
              {round && <span class="strip-round"> · {round}</span>}
            </p>
          )}
          {s.timer && <StepTimer s={s} receivedAt={receivedAt} />}
          <button
            type="button"
            class="btn btn-quiet btn-small"
            aria-keyshortcuts="Shift+?"
            onClick={() => setHelp(true)}
          >
            <kbd aria-hidden="true">?</kbd> {t('key.helpShort')}
          </button>
          <button type="button" class="btn btn-quiet btn-small" onClick={onLeave}>
            {t('console.leave')}
          </button>
        </div>
      </div>
      <div class="strip-actions">
        {confirming ? (
          <div class="confirm" role="group" aria-labelledby="strip-confirm-title">
            <p id="strip-confirm-title" class="confirm-title">
              {t('fac.confirmTitle')}
            </p>
            <button
              type="button"
              class="key-btn key-next"
              ref={goRef}
              aria-keyshortcuts="N"
              onClick={() => !waiting && void next(true)}
            >
              <kbd aria-hidden="true">N</kbd>
              <span>{t('fac.confirmGo')}</span>
            </button>
            <button type="button" class="key-btn" aria-keyshortcuts="Escape" onClick={() => setConfirming(false)}>
              <kbd aria-hidden="true">Esc</kbd>
              <span>{t('fac.confirmStay')}</span>
            </button>
          </div>
        ) : (
          <div class="key-row" role="group" aria-label={t('console.keys')}>
            {shown.map((a) => (
              <KeyButton key={a.id} action={a} onRun={(x) => void perform(x)} busy={waiting} />
            ))}
            <RecordLink />
          </div>
        )}
        <div class="strip-fields" ref={fieldsRef}>
          <StripFields send={run} />
        </div>
      </div>
      {choosing && !confirming && (
        <ol class="choose-keys" aria-label={t('console.choose')}>
          {open.slice(0, 9).map((c, i) => (
            <li key={c.id}>
              <button
                type="button"
                class="key-btn"
                aria-keyshortcuts={String(i + 1)}
                onClick={() => !waiting && void run({ kind: 'choose_issue', candidate: c.id })}
              >
                <kbd aria-hidden="true">{i + 1}</kbd>
                <span>{t('inv.chooseThisLabel', { text: c.text })}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
      <p class="error-note" role="alert" hidden={!error}>
        {error}
      </p>
      <p class="strip-done visually-hidden" role="status">
        {done}
      </p>
      {help && <HelpOverlay onClose={() => setHelp(false)} />}
    </section>
  );
}

/** Before the start: the invitation, large, for the room to scan; and who is here. */
function ConsoleLobby({ joinUrl }: { joinUrl?: string }) {
  const { s } = useSession();
  return (
    <section class="console-lobby" aria-labelledby="console-group">
      {joinUrl && <p class="beamer-invite">{t('beamer.invite')}</p>}
      {joinUrl && <JoinInfo joinUrl={joinUrl} qrSize={360} />}
      <h2 id="console-group" class="beamer-group">
        {t('console.here')}
      </h2>
      <ul class="beamer-names">
        {s.participants.map((p) => (
          <li key={p.id} class={p.device === false ? 'no-device' : s.connected.includes(p.id) ? 'online' : ''}>
            {p.name}
            {p.device === false && <span class="chip-device"> · {t('console.noDevice')}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The whole one-laptop screen below the strip: the invitation, or the flip chart. */
export function ConsoleBoard({ membership }: { membership: Membership }) {
  const { s } = useSession();
  return (
    <div class="console-board">
      <PeopleLine />
      {s.phase === 'lobby' ? <ConsoleLobby joinUrl={membership.joinUrl} /> : <WallBoard s={s} />}
    </div>
  );
}

/** After the finish: the record, for the presenter or for a presenter without a device. */
function RecordLink() {
  const { s, me, scope } = useSession();
  const presenterWithout = s.presenter !== null && !hasDevice(s, s.presenter) && s.facilitator === me;
  if (s.phase !== 'finished' || !(s.presenter === me || presenterWithout)) return null;
  const href = `/s/${encodeURIComponent(scope)}/report`;
  return (
    <a
      class="btn btn-primary"
      href={s.presenter === me ? href : `${href}?for=${encodeURIComponent(nameOf(s, s.presenter))}`}
    >
      {s.presenter === me ? t('fin.openReport') : t('fin.openReportFor', { name: nameOf(s, s.presenter) })}
    </a>
  );
}

/** The whole one-laptop page: the strip above, the board below. */
export function ConsoleView({
  membership,
  receivedAt,
  onLeave,
}: {
  membership: Membership;
  receivedAt: number;
  onLeave: () => void;
}) {
  return (
    <div class="page console-page">
      <ConsoleStrip receivedAt={receivedAt} onLeave={onLeave} />
      <ConsoleBoard membership={membership} />
    </div>
  );
}
