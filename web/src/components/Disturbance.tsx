// SPDX-License-Identifier: EUPL-1.2
// Disturbances go first: anyone can raise one (with or without their name), the facilitator
// resolves it; a pause holds the time too. The banner says so on every screen.

import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { t } from '../i18n';
import { useDraft } from '../storage';
import type { SessionState } from '../types';
import { Button, ErrorNote } from './controls';
import { TextField } from './fields';
import { nameOf, useCommand, useSession } from './session';

/** Always in reach: anyone can say that something is in the way. */
export function DisturbanceControl() {
  const { s, scope } = useSession();
  const cmd = useCommand();
  const [open, setOpen] = useState(false);
  const [text, setText, clear] = useDraft(scope, 'disturbance');
  const [anonymous, setAnonymous] = useState(false);
  const checkId = useId();
  if (s.phase === 'finished' || s.disturbance) return null;
  if (!open) {
    return (
      <button type="button" class="btn btn-disturb" onClick={() => setOpen(true)} aria-expanded="false">
        {t('disturbance.button')}
      </button>
    );
  }
  return (
    <div class="disturb-form" role="group" aria-labelledby="disturb-title">
      <p id="disturb-title" class="disturb-title">
        {t('disturbance.button')}
      </p>
      <p class="hint">{t('disturbance.explain')}</p>
      <TextField label={t('disturbance.textLabel')} rows={2} value={text} onInput={setText} />
      <div class="check">
        <input
          id={checkId}
          type="checkbox"
          checked={anonymous}
          onChange={(e) => setAnonymous((e.currentTarget as HTMLInputElement).checked)}
        />
        <label for={checkId}>{t('disturbance.anonymous')}</label>
      </div>
      <div class="actions">
        <Button
          kind="danger"
          busy={cmd.busy}
          onClick={() =>
            void cmd.run(
              { kind: 'raise_disturbance', text: text.trim() || undefined, anonymous: anonymous || undefined },
              () => {
                clear();
                setAnonymous(false);
                setOpen(false);
              },
            )
          }
        >
          {t('disturbance.send')}
        </Button>
        <Button kind="quiet" onClick={() => setOpen(false)}>
          {t('disturbance.cancel')}
        </Button>
      </div>
      <ErrorNote text={cmd.error} />
    </div>
  );
}

export function ResolveDisturbance() {
  const { s, me } = useSession();
  const cmd = useCommand();
  if (s.facilitator !== me)
    return <p class="banner-hint">{t('disturbance.waitFacilitator', { name: nameOf(s, s.facilitator) })}</p>;
  return (
    <>
      <div class="actions">
        <Button busy={cmd.busy} onClick={() => void cmd.run({ kind: 'resolve_disturbance' })}>
          {t('disturbance.resolve')}
        </Button>
      </div>
      <ErrorNote text={cmd.error} />
    </>
  );
}

export function ResumeButton() {
  const { s, me } = useSession();
  const cmd = useCommand();
  if (s.facilitator !== me || s.disturbance) return null;
  return (
    <>
      <div class="actions">
        <Button busy={cmd.busy} onClick={() => void cmd.run({ kind: 'resume' })}>
          {t('fac.resume')}
        </Button>
      </div>
      <ErrorNote text={cmd.error} />
    </>
  );
}

/** The pause or the disturbance, above everything. The wall never names who raised one. */
export function DisturbanceBanner({
  s,
  wall,
  children,
}: {
  s: SessionState;
  wall?: boolean;
  children?: ComponentChildren;
}) {
  if (!s.disturbance && !s.paused) return null;
  if (!s.disturbance) {
    return (
      <div class="banner banner-pause" role="status">
        <p class="banner-title">{t('paused.banner')}</p>
        {children}
      </div>
    );
  }
  const raisedBy = s.disturbance.raised_by;
  const title =
    wall || raisedBy === null
      ? t('disturbance.bannerAnon')
      : raisedBy === s.you.id
        ? t('disturbance.bannerYou')
        : t('disturbance.banner', { name: nameOf(s, raisedBy) });
  return (
    <div class="banner banner-disturbance" role="alert">
      <p class="banner-title">{title}</p>
      {s.disturbance.text && <p class="banner-text">“{s.disturbance.text}”</p>}
      <p class="banner-hold">{t('disturbance.hold')}</p>
      {children}
    </div>
  );
}
