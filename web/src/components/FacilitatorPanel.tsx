import { useEffect, useRef, useState } from 'preact/hooks';
import { loc, t, type MessageKey } from '../i18n';
import type { SessionState, StepKind } from '../types';
import { Button, ErrorNote, PersonPicker, nameOf, useCommand, useSession } from './common';
import { AddPerson, CopyLink, qrSrc } from './Side';
import { CoachSwitch } from './CoachSwitch';
import { ContributionsChoice } from './Contributions';
import { ConsoleToggle } from './Console';
import { hasDevice } from '../people';

const confirmReason: Partial<Record<StepKind, MessageKey>> = {
  question_rounds: 'fac.confirm.question_rounds',
  gossip: 'fac.confirm.gossip',
  advice: 'fac.confirm.advice',
  share_advice: 'fac.confirm.advice',
  written_advice: 'fac.confirm.written_advice',
  presenter_reaction: 'fac.confirm.presenter_reaction',
  presenter_reflection: 'fac.confirm.presenter_reflection',
  closing: 'fac.confirm.closing',
};

/** The title of the step that `next_step` leads to: '' after the last, null while unknown. */
export function nextStepTitle(s: SessionState): string | null {
  const step = s.step;
  const steps = s.method?.steps ?? [];
  if (!step) return null;
  if (step.kind === 'reframe') {
    if (step.reframe === 'undecided') return null;
    // The snapshot's current reframe step carries its branches.
    const branches = step.branches;
    if (!branches) return t('fac.next');
    const target = step.reframe === 'reframed' ? branches.on_reframe : branches.on_keep;
    return loc(steps.find((x) => x.id === target)?.title) || t('fac.next');
  }
  const next = steps.find((x) => x.index === step.index + 1);
  return next ? loc(next.title) : '';
}

/** The facilitator's controls: the procedure and the time, and the join link for latecomers. */
export function FacilitatorPanel({ joinUrl }: { joinUrl?: string }) {
  const { s, me } = useSession();
  const cmd = useCommand();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  const step = s.step;
  const version = s.step?.index;

  useEffect(() => setConfirming(false), [version]);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  if (s.phase !== 'running' || !step) return null;
  const blocked = s.disturbance !== null;
  const nextTitle = nextStepTitle(s);
  const last = nextTitle === '';
  const pending = s.turn.awaiting_question !== null;
  const presenterAway = s.presenter !== null && !s.connected.includes(s.presenter);
  const others = s.participants.filter((p) => p.id !== me && p.id !== s.presenter);

  const next = async (confirm: boolean) => {
    const r = await cmd.run(confirm ? { kind: 'next_step', confirm: true } : { kind: 'next_step' });
    if (!r.ok && r.code === 'step_rule_not_met') {
      cmd.clearError();
      setConfirming(true);
    } else if (r.ok) setConfirming(false);
  };

  return (
    <section class="facilitator" aria-labelledby="fac-title">
      <h2 id="fac-title">{t('fac.title')}</h2>
      {blocked ? (
        <p class="hint">{t('fac.blocked')}</p>
      ) : (
        <>
          {confirming ? (
            <div class="confirm" role="group" aria-labelledby="confirm-title" tabIndex={-1} ref={confirmRef}>
              <p id="confirm-title" class="confirm-title">
                {t('fac.confirmTitle')}
              </p>
              <p>{t(confirmReason[step.kind] ?? 'fac.confirm.default')}</p>
              <div class="actions">
                <Button busy={cmd.busy} onClick={() => next(true)}>
                  {t('fac.confirmGo')}
                </Button>
                <Button kind="secondary" onClick={() => setConfirming(false)}>
                  {t('fac.confirmStay')}
                </Button>
              </div>
            </div>
          ) : (
            <div class="actions">
              <Button busy={cmd.busy} disabled={nextTitle === null || pending} onClick={() => next(false)}>
                {last ? t('fac.finish') : nextTitle && nextTitle !== t('fac.next') ? t('fac.nextTo', { title: nextTitle }) : t('fac.next')}
              </Button>
              {step.kind === 'question_rounds' && !s.turn.closed && (
                <Button kind="secondary" busy={cmd.busy} disabled={pending} onClick={() => cmd.run({ kind: 'close_rounds' })}>
                  {t('fac.closeRounds')}
                </Button>
              )}
              {step.kind === 'gossip' && !step.gossip_closed && (
                <Button kind="secondary" busy={cmd.busy} onClick={() => cmd.run({ kind: 'close_gossip' })}>
                  {t('fac.closeGossip')}
                </Button>
              )}
              {s.timer?.preparing && (
                <Button kind="secondary" busy={cmd.busy} onClick={() => cmd.run({ kind: 'end_preparation' })}>
                  {t('fac.endPrep')}
                </Button>
              )}
            </div>
          )}
          {pending && <p class="hint">{t('fac.pendingHint', { name: nameOf(s, s.presenter) })}</p>}
          {step.kind === 'reframe' && step.reframe === 'undecided' && <p class="hint">{t('fac.reframeHint', { name: nameOf(s, s.presenter) })}</p>}
          {step.kind === 'inventory' && s.flip_chart.chosen === null && <InventoryChoice />}
          {pending && presenterAway && step.answer_mode === 'answer' && <OnBehalf />}
          <div class="time-row" role="group" aria-label={t('fac.time')}>
            <span class="time-label">{t('fac.time')}</span>
            <Button kind="quiet" busy={cmd.busy} onClick={() => cmd.run({ kind: 'adjust_time', seconds: 120 })}>
              {t('fac.plus2')}
            </Button>
            <Button kind="quiet" busy={cmd.busy} onClick={() => cmd.run({ kind: 'adjust_time', seconds: 300 })}>
              {t('fac.plus5')}
            </Button>
            {/* While paused, the banner at the top holds the one button to carry on. */}
            {!s.paused && (
              <Button kind="quiet" busy={cmd.busy} onClick={() => cmd.run({ kind: 'pause' })}>
                {t('fac.pause')}
              </Button>
            )}
          </div>
          <ErrorNote text={cmd.error} />
          {/* A pause holds every command but resuming; the switch waits with the rest. */}
          {!s.paused && <CoachSwitch />}
          {!s.paused && <ContributionsChoice />}
          <ConsoleToggle />
          {s.participants.length < 8 && (
            <details class="fac-more add-more">
              <summary>{t('add.summary')}</summary>
              <AddPerson />
            </details>
          )}
          <details class="fac-more fac-roles">
            <summary>{t('fac.roles')}</summary>
            {s.method?.has_scribe && (
              <PersonPicker
                label={s.scribe ? t('fac.scribeNow', { name: nameOf(s, s.scribe) }) : t('lobby.assignScribe')}
                people={s.participants.filter((p) => p.id !== s.presenter && p.id !== s.scribe)}
                action={t('lobby.assign')}
                busy={cmd.busy}
                onPick={(id) => cmd.run({ kind: 'assign_scribe', participant: id })}
              />
            )}
            <PersonPicker
              label={t('fac.handOver')}
              people={others}
              action={t('fac.handOverDo')}
              busy={cmd.busy}
              onPick={(id) => cmd.run({ kind: 'hand_over_facilitator', participant: id })}
            />
          </details>
        </>
      )}
      {joinUrl && <LateJoin url={joinUrl} />}
    </section>
  );
}

/**
 * Joining stays open while the session runs (protocol 2.5), but only the lobby shows the link.
 * Closed until asked for, and only here: the beamer shows the case now, not an invitation.
 */
function LateJoin({ url }: { url: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details class="fac-more late-join" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t('fac.lateJoin')}</summary>
      {open && (
        <div class="late-join-body">
          <div>
            <p class="hint">{t('fac.lateJoinLead')}</p>
            <CopyLink url={url} label={t('lobby.joinLink')} />
          </div>
          <figure class="qr">
            <img src={qrSrc(url)} alt={t('lobby.qrAlt')} width={200} height={200} />
            <figcaption>{t('lobby.qrCaption')}</figcaption>
          </figure>
        </div>
      )}
    </details>
  );
}

function InventoryChoice() {
  const { s } = useSession();
  const cmd = useCommand();
  const open = s.flip_chart.candidates.filter((c) => !c.withdrawn);
  if (open.length === 0) return <p class="hint">{t('fac.inventoryEmpty')}</p>;
  return (
    <div class="inventory-choice">
      <p class="hint">{t('fac.inventoryHint')}</p>
      <div class="actions">
        <Button kind="secondary" busy={cmd.busy} onClick={() => cmd.run({ kind: 'choose_issue' })}>
          {t('inv.chooseByVotes')}
        </Button>
      </div>
      <ul class="choose-list">
        {open.map((c) => (
          <li key={c.id}>
            <span>
              {c.text} <span class="by">— {nameOf(s, c.owner)}</span>
            </span>
            <Button kind="quiet" busy={cmd.busy} onClick={() => cmd.run({ kind: 'choose_issue', candidate: c.id })} label={t('inv.chooseThisLabel', { text: c.text })}>
              {t('inv.chooseThis')}
            </Button>
          </li>
        ))}
      </ul>
      <ErrorNote text={cmd.error} />
    </div>
  );
}

/** For the one-laptop room: tap in what the presenter said when they are not connected. */
function OnBehalf() {
  const { s } = useSession();
  const cmd = useCommand();
  return (
    <div class="on-behalf">
      <p class="hint">{t(hasDevice(s, s.presenter) ? 'fac.onBehalf' : 'fac.onBehalfNoDevice', { name: nameOf(s, s.presenter) })}</p>
      <div class="actions">
        <Button kind="secondary" busy={cmd.busy} onClick={() => cmd.run({ kind: 'answer_question' })}>
          {t('q.answered')}
        </Button>
        <Button kind="quiet" busy={cmd.busy} onClick={() => cmd.run({ kind: 'decline_question' })}>
          {t('q.decline')}
        </Button>
      </div>
      <ErrorNote text={cmd.error} />
    </div>
  );
}
