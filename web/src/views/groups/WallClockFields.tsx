// SPDX-License-Identifier: EUPL-1.2
// A date as day, month (by name) and year, and a time as hour and minute on a 24-hour clock:
// each part a choice of its own, so the fields read the same in every browser, type-ahead works
// from the keyboard, and a phone shows its own picker wheel per part.

import { useId } from 'preact/hooks';
import { formatDay, instantToWallTime, wallTimeToInstant } from '../../groups/time';
import {
  dateProblem,
  dayChoices,
  hourChoices,
  joinDate,
  joinTime,
  minuteChoices,
  monthChoices,
  splitDate,
  splitTime,
  yearChoices,
  type Choice,
} from '../../groups/wallClock';
import { lang } from '../../i18n';
import { gt } from '../../i18n/groups';

interface Props {
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  error?: string;
}

function Part({
  id,
  label,
  value,
  choices,
  empty,
  invalid,
  describedBy,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  choices: Choice[];
  empty: string;
  invalid: boolean;
  describedBy: string;
  onChange: (v: string) => void;
}) {
  return (
    <div class="wall-clock-part">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}
      >
        <option value="">{empty}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The ids that tell a screen reader a field's hint and error, and where they are written. */
function useNotes(hint?: string, error?: string) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const hintNote = hint ? (
    <p class="hint" id={`${id}-hint`}>
      {hint}
    </p>
  ) : null;
  const errorNote = error ? (
    <p class="field-error" id={`${id}-error`}>
      {error}
    </p>
  ) : null;
  return { id, describedBy, hintNote, errorNote };
}

export function DateField({ label, value, onInput, hint, error }: Props) {
  const { id, describedBy, hintNote, errorNote } = useNotes(hint, error);
  const l = lang();
  const parts = splitDate(value);
  const thisYear = Number(instantToWallTime(Date.now()).date.slice(0, 4));
  const set = (key: 'day' | 'month' | 'year') => (v: string) => onInput(joinDate({ ...parts, [key]: v }));
  // The whole date said back in words, weekday included: "dinsdag 12 januari 2027".
  const noon = dateProblem(value) === null ? wallTimeToInstant(value, '12:00') : null;
  const common = { invalid: Boolean(error), describedBy };
  return (
    <fieldset class={`field wall-clock${error ? ' has-error' : ''}`}>
      <legend>{label}</legend>
      {hintNote}
      <div class="wall-clock-parts">
        <Part
          id={`${id}-day`}
          label={gt('date.day')}
          value={parts.day}
          choices={dayChoices()}
          empty={gt('date.choose')}
          onChange={set('day')}
          {...common}
        />
        <Part
          id={`${id}-month`}
          label={gt('date.month')}
          value={parts.month}
          choices={monthChoices(l)}
          empty={gt('date.choose')}
          onChange={set('month')}
          {...common}
        />
        <Part
          id={`${id}-year`}
          label={gt('date.year')}
          value={parts.year}
          choices={yearChoices(thisYear, parts.year)}
          empty={gt('date.choose')}
          onChange={set('year')}
          {...common}
        />
      </div>
      <p class="hint wall-clock-said" aria-live="polite">
        {noon === null ? '' : formatDay(noon, l)}
      </p>
      {errorNote}
    </fieldset>
  );
}

export function TimeField({ label, value, onInput, hint, error }: Props) {
  const { id, describedBy, hintNote, errorNote } = useNotes(hint, error);
  const parts = splitTime(value);
  const set = (key: 'hour' | 'minute') => (v: string) => onInput(joinTime({ ...parts, [key]: v }));
  const common = { invalid: Boolean(error), describedBy };
  return (
    <fieldset class={`field wall-clock${error ? ' has-error' : ''}`}>
      <legend>{label}</legend>
      {hintNote}
      <div class="wall-clock-parts">
        <Part
          id={`${id}-hour`}
          label={gt('time.hour')}
          value={parts.hour}
          choices={hourChoices()}
          empty={gt('date.choose')}
          onChange={set('hour')}
          {...common}
        />
        <span class="wall-clock-colon" aria-hidden="true">
          :
        </span>
        <Part
          id={`${id}-minute`}
          label={gt('time.minute')}
          value={parts.minute}
          choices={minuteChoices(parts.minute)}
          empty={gt('date.choose')}
          onChange={set('minute')}
          {...common}
        />
      </div>
      {errorNote}
    </fieldset>
  );
}
