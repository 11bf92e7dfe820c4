// SPDX-License-Identifier: EUPL-1.2
import { useState } from 'preact/hooks';
import { scheduleMeeting } from '../../groups/api';
import {
  checkSchedule,
  maxMinutes,
  minMinutes,
  scheduleFieldOf,
  type ScheduleField,
  type ScheduleInput,
} from '../../groups/scheduleForm';
import { instantToWallTime } from '../../groups/time';
import { gt, refusalText } from '../../i18n/groups';
import { navigate } from '../../router';
import { errorOf, Field, FormError, Page } from './parts';
import { DateField, TimeField } from './WallClockFields';

type Problems = Partial<Record<ScheduleField, string>>;

/** Plan a meeting: date, time, length, place and/or video link. */
export function NewMeetingPage({ group }: { group: string }) {
  const [form, setForm] = useState<ScheduleInput>(() => ({
    // A sensible first guess: two weeks from today, in the afternoon.
    date: instantToWallTime(Date.now() + 14 * 86_400_000).date,
    time: '15:00',
    minutes: '120',
    place: '',
    videoLink: '',
  }));
  const [problems, setProblems] = useState<Problems>({});
  const [general, setGeneral] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (key: keyof ScheduleInput) => (v: string) => setForm({ ...form, [key]: v });
  // A changed date or time is read back in words at once; its old problem would contradict that.
  const setWhen = (key: 'date' | 'time') => (v: string) => {
    set(key)(v);
    setProblems((old) => {
      const rest = { ...old };
      delete rest[key];
      return rest;
    });
  };
  const say = (code: string | undefined) => (code ? refusalText(code) : undefined);

  const submit = async (e: Event) => {
    e.preventDefault();
    setGeneral('');
    const checked = checkSchedule(form, Date.now());
    if (!checked.ok) {
      setProblems(checked.problems);
      requestAnimationFrame(() => (document.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus());
      return;
    }
    setProblems({});
    setBusy(true);
    try {
      const meeting = await scheduleMeeting(group, checked.meeting);
      navigate(`/bijeenkomst/${encodeURIComponent(meeting.id)}`);
    } catch (err) {
      const refusal = errorOf(err);
      const field = scheduleFieldOf(refusal.code, refusal.field);
      if (field) setProblems({ [field]: refusal.code });
      else setGeneral(refusalText(refusal.code, refusal.message, refusal.messageNl));
      setBusy(false);
    }
  };

  return (
    <Page title={gt('sched.title')} lead={gt('sched.lead')}>
      <form onSubmit={submit} noValidate>
        <div class="when-fields">
          <DateField label={gt('sched.date')} value={form.date} onInput={setWhen('date')} error={say(problems.date)} />
          <TimeField
            label={gt('sched.time')}
            hint={gt('sched.timeHint')}
            value={form.time}
            onInput={setWhen('time')}
            error={say(problems.time)}
          />
        </div>
        <Field
          label={gt('sched.minutes')}
          type="number"
          inputMode="numeric"
          min={minMinutes}
          max={maxMinutes}
          step={15}
          hint={gt('sched.minutesHint')}
          value={form.minutes}
          onInput={set('minutes')}
          required
          error={say(problems.minutes)}
        />
        <Field
          label={gt('sched.place')}
          hint={gt('sched.placeHint')}
          value={form.place}
          onInput={set('place')}
          maxLength={200}
          error={say(problems.place)}
        />
        <Field
          label={gt('sched.link')}
          type="url"
          inputMode="url"
          hint={gt('sched.linkHint')}
          value={form.videoLink}
          onInput={set('videoLink')}
          maxLength={500}
          error={say(problems.video_link)}
        />
        <FormError text={general} />
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {busy ? gt('common.busy') : gt('sched.submit')}
          </button>
          <a href={`/groep/${encodeURIComponent(group)}`}>{gt('case.reportBack')}</a>
        </div>
      </form>
    </Page>
  );
}
