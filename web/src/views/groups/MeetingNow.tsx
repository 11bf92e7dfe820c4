// SPDX-License-Identifier: EUPL-1.2
import { useId, useState } from 'preact/hooks';
import { cancelMeeting, signUpFor } from '../../groups/api';
import { whatNow } from '../../groups/expectation';
import type { MeetingView } from '../../groups/types';
import { gt } from '../../i18n/groups';
import type { Act } from './meetingAct';
import { useFocusOnMount } from './parts';
import { AnswerForm, ChooseForm, ProposeForm } from './NewDate';

/** The one thing this meeting asks of me now, first on the page, with the means to do it. */
export function MeetingNow({ meeting, act, busy }: { meeting: MeetingView; act: Act; busy: boolean }) {
  const now = whatNow(meeting);
  const open = meeting.to_come && meeting.status !== 'called_off';
  return (
    <section class={`panel now-panel now-${now.kind}`} aria-labelledby="now-title">
      <h2 id="now-title">{gt('meeting.now')}</h2>
      {now.kind === 'propose_dates' && (
        <>
          <p class="now-text">{gt('now.propose_dates')}</p>
          <p>{gt('now.propose_datesLead')}</p>
          <ProposeForm meeting={meeting} act={act} busy={busy} />
        </>
      )}
      {now.kind === 'choose_date' && (
        <>
          <p class="now-text">{gt('now.choose_date')}</p>
          <p>{gt('now.choose_dateLead', { n: now.answered })}</p>
          <ChooseForm meeting={meeting} act={act} busy={busy} />
          <details class="again">
            <summary>{gt('prop.again')}</summary>
            <p class="hint">{gt('prop.againHint')}</p>
            <ProposeForm meeting={meeting} act={act} busy={busy} />
          </details>
        </>
      )}
      {now.kind === 'answer_dates' && (
        <>
          <p class="now-text">{gt('now.answer_dates', { name: now.arranger })}</p>
          <AnswerForm meeting={meeting} act={act} busy={busy} />
        </>
      )}
      {now.kind === 'wait_for_choice' && (
        <>
          <p class="now-text">{gt('now.wait_for_choice', { name: now.arranger })}</p>
          <AnswerForm meeting={meeting} act={act} busy={busy} />
        </>
      )}
      {now.kind === 'wait_for_dates' && <p class="now-text">{gt('now.wait_for_dates', { name: now.arranger })}</p>}
      {(now.kind === 'sign_up' ||
        now.kind === 'signed_up' ||
        now.kind === 'cancelled' ||
        now.kind === 'called_off' ||
        now.kind === 'past') && <p class="now-text">{gt(`now.${now.kind}`)}</p>}
      {open && <Attendance meeting={meeting} act={act} busy={busy} />}
    </section>
  );
}

/** Sign up, cancel with an optional reason, or withdraw a cancellation. */
function Attendance({ meeting, act, busy }: { meeting: MeetingView; act: Act; busy: boolean }) {
  const [cancelling, setCancelling] = useState(false);
  const id = meeting.id;

  if (meeting.yours === 'cancelled') {
    return (
      <div class="actions">
        <button
          type="button"
          class="btn btn-secondary"
          disabled={busy}
          onClick={() => act(() => signUpFor(id), gt('meeting.done.withdraw'))}
        >
          {gt('meeting.withdraw')}
        </button>
      </div>
    );
  }
  if (cancelling) return <CancelForm meeting={meeting} act={act} busy={busy} onClose={() => setCancelling(false)} />;
  return (
    <div class="actions">
      {meeting.yours === 'none' && meeting.status === 'scheduled' && (
        <button
          type="button"
          class="btn btn-primary"
          disabled={busy}
          onClick={() => act(() => signUpFor(id), gt('meeting.done.signup'))}
        >
          {gt('meeting.signUp')}
        </button>
      )}
      {(meeting.yours === 'signed_up' || meeting.status === 'scheduled') && (
        <button type="button" class="btn btn-quiet" disabled={busy} onClick={() => setCancelling(true)}>
          {gt('meeting.cancel')}
        </button>
      )}
    </div>
  );
}

/** Cancelling, with a reason if you like; the second to cancel hears beforehand what follows. */
function CancelForm({
  meeting,
  act,
  busy,
  onClose,
}: {
  meeting: MeetingView;
  act: Act;
  busy: boolean;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const reasonId = useId();
  const field = useFocusOnMount<HTMLTextAreaElement>();
  const send = async (e: Event) => {
    e.preventDefault();
    if (await act(() => cancelMeeting(meeting.id, reason.trim()), gt('meeting.done.cancel'))) onClose();
  };
  return (
    <form class="cancel-form" onSubmit={send}>
      {meeting.status === 'scheduled' && meeting.cancelled === 1 && (
        <p class="notice notice-rule" id={`${reasonId}-rule`}>
          {gt('meeting.cancelSecond')}
        </p>
      )}
      <div class="field">
        <label for={reasonId}>{gt('meeting.cancelReason')}</label>
        <p class="hint" id={`${reasonId}-hint`}>
          {gt('meeting.cancelReasonHint')}
        </p>
        <textarea
          ref={field}
          id={reasonId}
          rows={2}
          maxLength={500}
          value={reason}
          aria-describedby={
            meeting.status === 'scheduled' && meeting.cancelled === 1
              ? `${reasonId}-hint ${reasonId}-rule`
              : `${reasonId}-hint`
          }
          onInput={(e) => setReason((e.currentTarget as HTMLTextAreaElement).value)}
        />
      </div>
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {gt('meeting.cancelSend')}
        </button>
        <button type="button" class="btn btn-quiet" onClick={onClose}>
          {gt('meeting.cancelKeep')}
        </button>
      </div>
    </form>
  );
}
