// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { setRetention } from '../../groups/api';
import { checkRetention, maxRetentionDays, minRetentionDays, retentionSentence } from '../../groups/retentionForm';
import type { GroupView } from '../../groups/types';
import { gt } from '../../i18n/groups';
import { errorOf, Field, FormError, messageOf, Result } from './parts';

/**
 * How long the group's cases are kept, and a way for any member to change it: a period of the
 * group's own, or back to the server's default. Closed, it is one sentence and a button.
 */
export function RetentionPanel({ group, onChange }: { group: GroupView; onChange: (g: GroupView) => void }) {
  const [editing, setEditing] = useState(false);
  const [said, setSaid] = useState('');
  const toggle = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    // Closing the form puts the keyboard back on the button that opened it.
    if (!editing && wasEditing.current) toggle.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  return (
    <section class="panel" aria-labelledby="retention-title">
      <h2 id="retention-title">{gt('retention.title')}</h2>
      <p>
        {retentionSentence(group.retention_days)}
        {group.retention_is_default && ` ${gt('retention.isDefault')}`}
      </p>
      <p class="hint">{gt('retention.lead')}</p>
      {editing ? (
        <RetentionForm
          group={group}
          onSaved={(g) => {
            onChange(g);
            setSaid(gt('retention.saved'));
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <button
          type="button"
          ref={toggle}
          class="btn btn-quiet btn-small"
          onClick={() => {
            setSaid('');
            setEditing(true);
          }}
        >
          {gt('retention.change')}
        </button>
      )}
      <Result text={said} />
    </section>
  );
}

function RetentionForm({
  group,
  onSaved,
  onCancel,
}: {
  group: GroupView;
  onSaved: (g: GroupView) => void;
  onCancel: () => void;
}) {
  const [own, setOwn] = useState(!group.retention_is_default);
  const [days, setDays] = useState(String(group.retention_days));
  const [fieldError, setFieldError] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const name = useId();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const save = async (e: Event) => {
    e.preventDefault();
    setFieldError('');
    setError('');
    const check = checkRetention(own, days);
    if (!check.ok) return setFieldError(gt('retention.badDays'));
    setBusy(true);
    let saved: GroupView;
    try {
      saved = await setRetention(group.id, check.days);
    } catch (err) {
      setBusy(false);
      // The server's range is the field's: its refusal is said at the field.
      if (own && errorOf(err).code === 'bad_value') setFieldError(gt('retention.badDays'));
      else setError(messageOf(err));
      return;
    }
    onSaved(saved);
  };

  return (
    <form class="retention-form" onSubmit={save} noValidate>
      <fieldset>
        <legend>{gt('retention.legend')}</legend>
        <div class="check">
          <input
            id={`${name}-default`}
            ref={group.retention_is_default ? first : undefined}
            type="radio"
            name={name}
            checked={!own}
            onChange={() => setOwn(false)}
          />
          <label for={`${name}-default`}>{gt('retention.default')}</label>
        </div>
        <div class="check">
          <input
            id={`${name}-own`}
            ref={group.retention_is_default ? undefined : first}
            type="radio"
            name={name}
            checked={own}
            onChange={() => setOwn(true)}
          />
          <label for={`${name}-own`}>{gt('retention.own')}</label>
        </div>
      </fieldset>
      {own && (
        <Field
          label={gt('retention.daysLabel')}
          hint={gt('retention.daysHint')}
          error={fieldError}
          type="number"
          inputMode="numeric"
          min={minRetentionDays}
          max={maxRetentionDays}
          step={1}
          required
          value={days}
          onInput={setDays}
        />
      )}
      <FormError text={error} />
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy} aria-busy={busy ? 'true' : undefined}>
          {gt('retention.save')}
        </button>
        <button type="button" class="btn btn-quiet" onClick={onCancel}>
          {gt('retention.cancel')}
        </button>
      </div>
    </form>
  );
}
