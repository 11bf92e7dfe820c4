// SPDX-License-Identifier: EUPL-1.2
// Finding a new date: the rescheduler proposes, everyone answers, the rescheduler chooses.

import { useId, useState } from 'preact/hooks';
import { answerDates, chooseDate, proposeDates } from '../../groups/api';
import { checkProposal, maxProposedDates, type DateRow } from '../../groups/proposalForm';
import { formatMeetingTime, instantToWallTime } from '../../groups/time';
import { addDays } from '../../groups/wallClock';
import type { MeetingView } from '../../groups/types';
import { lang } from '../../i18n';
import { gt, refusalText } from '../../i18n/groups';
import type { Act } from './meetingAct';
import { FormError, nameOf } from './parts';
import { DateField, TimeField } from './WallClockFields';

type Props = { meeting: MeetingView; act: Act; busy: boolean };

// A row's problem stands beside the time when it is about the time, else beside the date.
const timeCodes = new Set(['time_missing', 'time_invalid']);

/** A first guess for a proposed date: a week after the meeting's own, at the same time of day. */
function firstRows(meeting: MeetingView): DateRow[] {
  const base = instantToWallTime(Math.max(meeting.starts_at, Date.now()));
  return [
    { date: addDays(base.date, 7), time: base.time },
    { date: '', time: '' },
  ];
}

export function ProposeForm({ meeting, act, busy }: Props) {
  const [rows, setRows] = useState<DateRow[]>(() => firstRows(meeting));
  const [problems, setProblems] = useState<(string | null)[]>([]);
  const [general, setGeneral] = useState('');
  const legendId = useId();

  const setRow = (i: number, key: keyof DateRow) => (v: string) => {
    setRows(rows.map((r, j) => (j === i ? { ...r, [key]: v } : r)));
    // The row changed: its old problem no longer holds.
    setProblems(problems.map((p, j) => (j === i ? null : p)));
  };

  const send = async (e: Event) => {
    e.preventDefault();
    const checked = checkProposal(rows, Date.now());
    if (!checked.ok) {
      setProblems(checked.rows);
      setGeneral(checked.general ? refusalText(checked.general) : '');
      return;
    }
    setProblems([]);
    setGeneral('');
    await act(() => proposeDates(meeting.id, checked.dates), gt('meeting.done.proposed'));
  };

  return (
    <form class="propose-form" onSubmit={send} noValidate aria-labelledby={legendId}>
      <h3 id={legendId}>{gt('prop.title')}</h3>
      {rows.map((row, i) => (
        <fieldset key={i} class="date-row">
          <legend>{gt('prop.row', { n: i + 1 })}</legend>
          <div class="when-fields">
            <DateField
              label={gt('sched.date')}
              value={row.date}
              onInput={setRow(i, 'date')}
              error={problems[i] && !timeCodes.has(problems[i]!) ? refusalText(problems[i]!) : undefined}
            />
            <TimeField
              label={gt('sched.time')}
              value={row.time}
              onInput={setRow(i, 'time')}
              error={problems[i] && timeCodes.has(problems[i]!) ? refusalText(problems[i]!) : undefined}
            />
          </div>
        </fieldset>
      ))}
      <FormError text={general} />
      <div class="actions">
        {rows.length < maxProposedDates && (
          <button
            type="button"
            class="btn btn-quiet"
            onClick={() => setRows([...rows, { date: '', time: rows[rows.length - 1]?.time ?? '' }])}
          >
            {gt('prop.add')}
          </button>
        )}
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {gt('prop.submit')}
        </button>
      </div>
    </form>
  );
}

/** Every member says per proposed date whether it suits them; nothing is ticked for them. */
export function AnswerForm({ meeting, act, busy }: Props) {
  const proposal = meeting.proposal!;
  const [suits, setSuits] = useState<boolean[]>(() =>
    proposal.dates.map((_, i) => proposal.your_answers?.[i] ?? false),
  );
  const l = lang();
  const legendId = useId();
  const send = async (e: Event) => {
    e.preventDefault();
    await act(() => answerDates(meeting.id, suits), gt('meeting.done.answered'));
  };
  return (
    <form class="answer-form" onSubmit={send}>
      <fieldset>
        <legend id={legendId}>{gt('ans.title')}</legend>
        {proposal.dates.map((d, i) => (
          <div class="check" key={d.index}>
            <input
              id={`${legendId}-${i}`}
              type="checkbox"
              checked={suits[i] ?? false}
              onChange={(e) =>
                setSuits(suits.map((s, j) => (j === i ? (e.currentTarget as HTMLInputElement).checked : s)))
              }
            />
            <label for={`${legendId}-${i}`}>
              {formatMeetingTime(d.starts_at, meeting.minutes, l)}: {gt('ans.suits').toLowerCase()}
            </label>
          </div>
        ))}
      </fieldset>
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {gt('ans.submit')}
        </button>
      </div>
    </form>
  );
}

/** The rescheduler sees who each date suits and chooses one; it becomes the meeting's date. */
export function ChooseForm({ meeting, act, busy }: Props) {
  const proposal = meeting.proposal!;
  const best = proposal.dates.reduce((a, b) => (b.suits.length > a.suits.length ? b : a), proposal.dates[0]);
  const [choice, setChoice] = useState<number>(best?.index ?? 0);
  const [error, setError] = useState('');
  const l = lang();
  const name = useId();
  const send = async (e: Event) => {
    e.preventDefault();
    setError('');
    const chosen = proposal.dates.find((d) => d.index === choice);
    if (!chosen) return setError(refusalText('bad_choice'));
    await act(
      () => chooseDate(meeting.id, choice),
      gt('meeting.done.moved', { when: formatMeetingTime(chosen.starts_at, meeting.minutes, l) }),
    );
  };
  return (
    <form class="choose-form" onSubmit={send}>
      <fieldset>
        <legend>{gt('choose.legend')}</legend>
        {proposal.dates.map((d) => (
          <div class="check" key={d.index}>
            <input
              id={`${name}-${d.index}`}
              type="radio"
              name={name}
              checked={choice === d.index}
              aria-describedby={`${name}-${d.index}-who`}
              onChange={() => setChoice(d.index)}
            />
            <label for={`${name}-${d.index}`}>
              {formatMeetingTime(d.starts_at, meeting.minutes, l)}
              <span class="hint who" id={`${name}-${d.index}-who`}>
                {d.suits.length
                  ? gt('ans.who', {
                      names: d.suits
                        .map(nameOf)
                        .sort((a, b) => a.localeCompare(b))
                        .join(', '),
                    })
                  : gt('ans.nobody')}
              </span>
            </label>
          </div>
        ))}
      </fieldset>
      <FormError text={error} />
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {gt('choose.submit')}
        </button>
      </div>
    </form>
  );
}
