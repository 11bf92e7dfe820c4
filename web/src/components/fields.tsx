// SPDX-License-Identifier: EUPL-1.2
// Text fields: a plain labelled one, and one whose text survives reloads until it is sent.

import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { useDraft } from '../storage';
import { CoachNote, useWordingCoach, type CoachFor } from './Coach';
import { useSession } from './session';

/** Escape in a field hands the keys back to the shortcuts. */
export function blurOnEscape(e: KeyboardEvent) {
  if (e.key === 'Escape') (e.currentTarget as HTMLElement).blur();
}

interface DraftFieldProps {
  name: string;
  label: string;
  hint?: string;
  rows?: number;
  initial?: string;
  prefix?: string;
  /** The wording coach's hints under the field, while the session has them on. */
  coach?: CoachFor;
  children: (value: string, clear: () => void) => ComponentChildren;
}

/** A labelled text area, controlled by its owner. */
export function TextField({
  id: givenId,
  label,
  hint,
  prefix,
  rows = 3,
  value,
  onInput,
  describedBy,
}: {
  id?: string;
  label: string;
  hint?: string;
  prefix?: string;
  rows?: number;
  value: string;
  onInput: (v: string) => void;
  /** One more element that describes the field (the coach's note). */
  describedBy?: string;
}) {
  const ownId = useId();
  const id = givenId ?? ownId;
  const described = [hint ? `${id}-hint` : '', prefix ? `${id}-prefix` : '', describedBy ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {prefix && (
        <p class="prefix" id={`${id}-prefix`}>
          {prefix}
        </p>
      )}
      <textarea
        id={id}
        rows={rows}
        maxLength={4000}
        value={value}
        aria-describedby={described || undefined}
        onInput={(e) => onInput((e.currentTarget as HTMLTextAreaElement).value)}
      />
    </div>
  );
}

/** A labelled text area with the wording coach's hints under it; its owner keeps the value. */
export function CoachedField({
  label,
  hint,
  prefix,
  rows = 3,
  coach,
  value,
  onInput,
}: {
  label: string;
  hint?: string;
  prefix?: string;
  rows?: number;
  /** The wording coach's hints under the field, while the session has them on. */
  coach?: CoachFor;
  value: string;
  onInput: (v: string) => void;
}) {
  const { s } = useSession();
  const id = useId();
  const coached = useWordingCoach(coach, value, s.coach_hints !== false);
  const coachId = `${id}-coach`;
  // Take the advice as the record will keep it into the field, to edit the whole sentence.
  const takeRewrite = async () => {
    const verdict = await coached.fresh(value);
    const rewrite = verdict?.hints.find((h) => h.check === 'advice_opener')?.rewrite;
    if (!rewrite) return;
    onInput(rewrite);
    coached.clear();
    const field = document.getElementById(id) as HTMLTextAreaElement | null;
    window.setTimeout(() => {
      field?.focus();
      field?.setSelectionRange(rewrite.length, rewrite.length);
    });
  };
  return (
    <>
      <TextField
        id={id}
        label={label}
        hint={hint}
        prefix={prefix}
        rows={rows}
        value={value}
        onInput={onInput}
        describedBy={coach ? coachId : undefined}
      />
      {coach && (
        <CoachNote
          id={coachId}
          verdict={coached.result?.verdict ?? null}
          addsOpener={!!coach.addsOpener}
          onRewrite={() => void takeRewrite()}
        />
      )}
    </>
  );
}

/** A labelled text area whose text survives reloads until it is sent. */
export function DraftField({ name, label, hint, rows = 3, initial = '', prefix, coach, children }: DraftFieldProps) {
  const { scope } = useSession();
  const [value, setValue, clear] = useDraft(scope, name, initial);
  const actions = children(value, clear);
  return (
    <div class="draft">
      <CoachedField
        label={label}
        hint={hint}
        prefix={prefix}
        rows={rows}
        coach={coach}
        value={value}
        onInput={setValue}
      />
      {actions && <div class="actions">{actions}</div>}
    </div>
  );
}
