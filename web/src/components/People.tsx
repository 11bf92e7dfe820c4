// SPDX-License-Identifier: EUPL-1.2
// Adding someone who takes part without a device of their own, and handing roles around.

import { useId, useState } from 'preact/hooks';
import { t } from '../i18n';
import { may } from '../may';
import { ErrorNote, PersonPicker } from './controls';
import { blurOnEscape } from './fields';
import { nameOf, useCommand, useSession } from './session';

/** The facilitator adds someone who takes part without a device of their own. */
export function AddPerson({ compact }: { compact?: boolean }) {
  const { s } = useSession();
  const cmd = useCommand();
  const [name, setName] = useState('');
  const id = useId();
  if (!may(s, 'add_participant')) return compact ? null : <p class="hint">{t('add.full')}</p>;
  const submit = async (e: Event) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    // Cleared at once, so the next name can be typed while this one is on its way; a name the
    // server refuses comes back into the field with the reason under it.
    setName('');
    const r = await cmd.run({ kind: 'add_participant', name: trimmed });
    if (!r.ok) setName((current) => current || trimmed);
  };
  return (
    <form class={`add-person${compact ? ' compact' : ''}`} onSubmit={submit}>
      <label for={id}>{t('add.label')}</label>
      {!compact && (
        <p class="hint" id={`${id}-hint`}>
          {t('add.hint')}
        </p>
      )}
      <div class="picker-row">
        <input
          id={id}
          type="text"
          maxLength={60}
          autoComplete="off"
          value={name}
          aria-describedby={compact ? undefined : `${id}-hint`}
          onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={blurOnEscape}
        />
        <button type="submit" class="btn btn-secondary" disabled={!name.trim()}>
          {t('add.submit')}
        </button>
      </div>
      <ErrorNote text={cmd.error} />
    </form>
  );
}

/** Who presents (before the start, in methods without an inventory), who writes, who leads. */
export function Roles({ lobby }: { lobby?: boolean }) {
  const { s, me } = useSession();
  const cmd = useCommand();
  const hasInventory = s.method?.steps[0]?.kind === 'inventory';
  const candidates = s.participants.filter((p) => p.id !== s.facilitator && p.id !== s.scribe && p.id !== s.presenter);
  return (
    <div class="roles">
      {lobby && !hasInventory && may(s, 'assign_presenter') && (
        <PersonPicker
          label={s.presenter ? t('lobby.presenterNow', { name: nameOf(s, s.presenter) }) : t('lobby.assignPresenter')}
          people={candidates}
          action={t('lobby.assign')}
          busy={cmd.busy}
          onPick={(id) => void cmd.run({ kind: 'assign_presenter', participant: id })}
        />
      )}
      {s.method?.has_scribe && may(s, 'assign_scribe') && (
        <PersonPicker
          label={s.scribe ? t('fac.scribeNow', { name: nameOf(s, s.scribe) }) : t('lobby.assignScribe')}
          people={s.participants.filter((p) => p.id !== s.presenter && p.id !== s.scribe)}
          action={t('lobby.assign')}
          busy={cmd.busy}
          onPick={(id) => void cmd.run({ kind: 'assign_scribe', participant: id })}
        />
      )}
      {!lobby && may(s, 'hand_over_facilitator') && (
        <PersonPicker
          label={t('fac.handOver')}
          people={s.participants.filter((p) => p.id !== me && p.id !== s.presenter)}
          action={t('fac.handOverDo')}
          busy={cmd.busy}
          onPick={(id) => void cmd.run({ kind: 'hand_over_facilitator', participant: id })}
        />
      )}
      <ErrorNote text={cmd.error} />
    </div>
  );
}
