// SPDX-License-Identifier: EUPL-1.2
import { useId } from 'preact/hooks';
import { t } from '../i18n';
import { ErrorNote } from './controls';
import { useCommand, useSession } from './session';

/** The facilitator's switch for the wording coach's hints, for everyone in this session. */
export function CoachSwitch() {
  const { s } = useSession();
  const cmd = useCommand();
  const id = useId();
  const on = s.coach_hints !== false;
  return (
    <div class="coach-switch">
      <button
        type="button"
        role="switch"
        class="switch"
        aria-checked={on ? 'true' : 'false'}
        aria-describedby={`${id}-hint`}
        aria-busy={cmd.busy ? 'true' : undefined}
        onClick={() => {
          // Not disabled while busy: a disabled button would drop the keyboard focus.
          if (!cmd.busy) void cmd.run({ kind: 'set_coach_hints', on: !on });
        }}
      >
        <span class="switch-track" aria-hidden="true">
          <span class="switch-thumb" />
        </span>
        <span class="switch-label">{t('coach.switch')}</span>
        <span class="switch-state" aria-hidden="true">
          {on ? t('coach.on') : t('coach.off')}
        </span>
      </button>
      <p class="hint" id={`${id}-hint`}>
        {t('coach.switchHint')}
      </p>
      <ErrorNote text={cmd.error} />
    </div>
  );
}
