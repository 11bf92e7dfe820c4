// SPDX-License-Identifier: EUPL-1.2
// Small building blocks of every view: buttons, leads, error notes, a person picker. A leaf
// module: it imports no other component.

import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { t, type MessageKey } from '../i18n';
import type { Participant, RoleName } from '../types';

export function ErrorNote({ text }: { text: string }) {
  return (
    <p class="error-note" role="alert" hidden={!text}>
      {text}
    </p>
  );
}

export function Lead({ children }: { children: ComponentChildren }) {
  return <p class="lead">{children}</p>;
}

export function Button({
  onClick,
  busy,
  kind = 'primary',
  disabled,
  children,
  label,
  big,
  keys,
}: {
  onClick: () => void;
  busy?: boolean;
  kind?: 'primary' | 'secondary' | 'quiet' | 'danger';
  disabled?: boolean;
  children: ComponentChildren;
  label?: string;
  /** The one-tap button of a spoken step. */
  big?: boolean;
  /** aria-keyshortcuts, where a single key does the same. */
  keys?: string;
}) {
  return (
    <button
      type="button"
      class={`btn btn-${kind}${big ? ' btn-big' : ''}`}
      aria-keyshortcuts={keys}
      disabled={disabled || busy}
      aria-busy={busy ? 'true' : undefined}
      aria-label={label}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

export function roleLabel(role: RoleName): string {
  const keys: Record<RoleName, MessageKey> = {
    facilitator: 'role.facilitator',
    presenter: 'role.presenter',
    adviser: 'role.adviser',
    scribe: 'role.scribe',
  };
  return t(keys[role]);
}

/** Pick a participant, then do something with them. */
export function PersonPicker({
  label,
  people,
  action,
  onPick,
  busy,
}: {
  label: string;
  people: Participant[];
  action: string;
  onPick: (id: number) => void;
  busy?: boolean;
}) {
  const id = useId();
  const [picked, setPicked] = useState<number>(0);
  return (
    <div class="picker">
      <label for={id}>{label}</label>
      <div class="picker-row">
        <select
          id={id}
          value={String(picked)}
          onChange={(e) => setPicked(Number((e.currentTarget as HTMLSelectElement).value))}
        >
          <option value="0">{t('form.choose')}</option>
          {people.map((p) => (
            <option key={p.id} value={String(p.id)}>
              {p.name}
            </option>
          ))}
        </select>
        <Button kind="secondary" busy={busy} disabled={!picked} onClick={() => picked && onPick(picked)}>
          {action}
        </Button>
      </div>
    </div>
  );
}
