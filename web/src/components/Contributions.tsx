// SPDX-License-Identifier: EUPL-1.2
import { useId } from 'preact/hooks';
import { t, type MessageKey } from '../i18n';
import type { Contributions } from '../types';
import { contributions } from '../may';
import { ErrorNote } from './controls';
import { useCommand, useSession } from './session';

const choices: { mode: Contributions | null; label: MessageKey }[] = [
  { mode: null, label: 'contrib.method' },
  { mode: 'spoken', label: 'contrib.spoken' },
  { mode: 'written', label: 'contrib.written' },
];

/** The facilitator's choice for the session: as the method says per step, all out loud, or all typed. */
export function ContributionsChoice() {
  const { s } = useSession();
  const cmd = useCommand();
  const id = useId();
  const current = s.contributions_override ?? null;
  return (
    <fieldset class="contrib-choice" aria-describedby={`${id}-hint`}>
      <legend>{t('contrib.legend')}</legend>
      <p class="hint" id={`${id}-hint`}>
        {t('contrib.hint')}
        {s.step && ` ${contributions(s) === 'spoken' ? t('contrib.nowSpoken') : t('contrib.nowWritten')}`}
      </p>
      <div class="contrib-options">
        {choices.map((c) => (
          <label key={String(c.mode)} class={`contrib-option${current === c.mode ? ' selected' : ''}`}>
            <input
              type="radio"
              name={`${id}-mode`}
              checked={current === c.mode}
              onChange={() => {
                if (!cmd.busy && current !== c.mode) void cmd.run({ kind: 'set_contributions', mode: c.mode });
              }}
            />
            <span>{t(c.label)}</span>
          </label>
        ))}
      </div>
      <ErrorNote text={cmd.error} />
    </fieldset>
  );
}
