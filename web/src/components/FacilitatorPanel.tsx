// SPDX-License-Identifier: EUPL-1.2
// The facilitator's part of the procedure and the time: her next action first, what is still
// missing said in words, and the tools of this step. Settings live in one menu, not here.

import { t } from '../i18n';
import { nextStepTitle } from '../nextStep';
import { may } from '../may';
import { missingText } from '../readiness';
import type { Command, SessionState } from '../types';
import { Button, ErrorNote } from './controls';
import { nameOf, useCommand, useSession } from './session';

/** "Verder: Rondje roddelen", "Bijeenkomst afronden", or plain "Volgende stap". */
export function nextLabel(title: string | null): string {
  if (title === '') return t('fac.finish');
  if (title && title !== t('fac.next')) return t('fac.nextTo', { title });
  return t('fac.next');
}

/** The step's own action that is the facilitator's next move while the step is not done. */
function stepAction(s: SessionState): { command: Command; label: string } | null {
  const kind = s.step?.kind;
  if (s.timer?.preparing && may(s, 'end_preparation'))
    return { command: { kind: 'end_preparation' }, label: t('fac.endPrep') };
  if (kind === 'question_rounds' && may(s, 'close_rounds'))
    return { command: { kind: 'close_rounds' }, label: t('fac.closeRounds') };
  if (kind === 'gossip' && may(s, 'close_gossip'))
    return { command: { kind: 'close_gossip' }, label: t('fac.closeGossip') };
  return null;
}

export function FacilitatorPanel() {
  const { s } = useSession();
  const cmd = useCommand();
  const step = s.step;
  if (s.phase !== 'running' || !step) return null;
  const readiness = s.next_step ?? { ready: false };
  const label = nextLabel(nextStepTitle(s));
  const action = stepAction(s);
  const missing = readiness.ready || !readiness.missing ? '' : missingText(s, readiness.missing);
  const next = (confirm: boolean) => cmd.run(confirm ? { kind: 'next_step', confirm: true } : { kind: 'next_step' });

  return (
    <section class="facilitator" aria-labelledby="fac-title">
      <h2 id="fac-title">{t('fac.title')}</h2>
      {s.disturbance ? (
        <p class="lead">{t('fac.blocked')}</p>
      ) : (
        <>
          <div class="next-action">
            {missing && <p class="next-missing">{missing}</p>}
            {step.kind === 'inventory' && s.flip_chart.chosen === null && <InventoryChoice />}
            <div class="actions">
              {readiness.ready ? (
                <Button big busy={cmd.busy} onClick={() => void next(false)}>
                  {label}
                </Button>
              ) : (
                action && (
                  <Button big busy={cmd.busy} onClick={() => void cmd.run(action.command)}>
                    {action.label}
                  </Button>
                )
              )}
              {!readiness.ready && readiness.confirm && (
                <Button kind="secondary" busy={cmd.busy} onClick={() => void next(true)}>
                  {t('fac.anyway', { next: label })}
                </Button>
              )}
              {readiness.ready && action && (
                <Button kind="secondary" busy={cmd.busy} onClick={() => void cmd.run(action.command)}>
                  {action.label}
                </Button>
              )}
            </div>
          </div>
          <div class="time-row" role="group" aria-label={t('fac.time')}>
            <span class="time-label">{t('fac.time')}</span>
            {may(s, 'adjust_time') && (
              <>
                <Button
                  kind="quiet"
                  busy={cmd.busy}
                  onClick={() => void cmd.run({ kind: 'adjust_time', seconds: 120 })}
                >
                  {t('fac.plus2')}
                </Button>
                <Button
                  kind="quiet"
                  busy={cmd.busy}
                  onClick={() => void cmd.run({ kind: 'adjust_time', seconds: 300 })}
                >
                  {t('fac.plus5')}
                </Button>
              </>
            )}
            {/* While paused, the banner at the top holds the one button to carry on. */}
            {may(s, 'pause') && (
              <Button kind="quiet" busy={cmd.busy} onClick={() => void cmd.run({ kind: 'pause' })}>
                {t('fac.pause')}
              </Button>
            )}
          </div>
        </>
      )}
      <ErrorNote text={cmd.error} />
    </section>
  );
}

function InventoryChoice() {
  const { s } = useSession();
  const cmd = useCommand();
  const open = s.flip_chart.candidates.filter((c) => !c.withdrawn);
  if (open.length === 0) return <p class="hint">{t('fac.inventoryEmpty')}</p>;
  const voted = open.some((c) => c.votes > 0);
  return (
    <div class="inventory-choice">
      <p class="hint">{t('fac.inventoryHint')}</p>
      {voted && (
        <div class="actions">
          <Button big busy={cmd.busy} onClick={() => void cmd.run({ kind: 'choose_issue' })}>
            {t('inv.chooseByVotes')}
          </Button>
        </div>
      )}
      <ul class="choose-list">
        {open.map((c) => (
          <li key={c.id}>
            <span>
              {c.text} <span class="by">— {nameOf(s, c.owner)}</span>
            </span>
            <Button
              kind="secondary"
              busy={cmd.busy}
              onClick={() => void cmd.run({ kind: 'choose_issue', candidate: c.id })}
              label={t('inv.chooseThisLabel', { text: c.text })}
            >
              {t('inv.chooseThis')}
            </Button>
          </li>
        ))}
      </ul>
      <ErrorNote text={cmd.error} />
    </div>
  );
}
