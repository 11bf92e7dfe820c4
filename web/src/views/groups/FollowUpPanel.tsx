// SPDX-License-Identifier: EUPL-1.2
import { useId, useState } from 'preact/hooks';
import { recordFollowUp } from '../../groups/api';
import type { FollowUpDue, MeetingView } from '../../groups/types';
import { gt } from '../../i18n/groups';
import type { Act } from './meetingAct';
import { nameOf } from './parts';

/** At the next meeting: how did the previous presenters fare with the advice? */
export function FollowUpPanel({
  meeting,
  myId,
  act,
  busy,
}: {
  meeting: MeetingView;
  myId: string;
  act: Act;
  busy: boolean;
}) {
  if (meeting.follow_ups_due.length === 0) return null;
  const facilitating = meeting.facilitator?.id === myId;
  return (
    <section class="panel follow-up" aria-labelledby="fu-title">
      <h2 id="fu-title">{gt('fu.title')}</h2>
      {meeting.follow_ups_due.map((due) => (
        <FollowUp
          key={due.session_id}
          due={due}
          meetingId={meeting.id}
          facilitating={facilitating}
          act={act}
          busy={busy}
        />
      ))}
    </section>
  );
}

function FollowUp({
  due,
  meetingId,
  facilitating,
  act,
  busy,
}: {
  due: FollowUpDue;
  meetingId: string;
  facilitating: boolean;
  act: Act;
  busy: boolean;
}) {
  const [note, setNote] = useState('');
  const id = useId();
  const name = nameOf(due.presenter);
  return (
    <div class="follow-up-item">
      <p>{gt('fu.lead', { name })}</p>
      {facilitating ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            act(() => recordFollowUp(meetingId, due.session_id, note.trim()), gt('meeting.done.followUp'));
          }}
        >
          <div class="field">
            <label for={id}>{gt('fu.note', { name })}</label>
            <p class="hint" id={`${id}-hint`}>
              {gt('fu.noteHint', { name })}
            </p>
            <textarea
              id={id}
              rows={2}
              maxLength={2000}
              value={note}
              aria-describedby={`${id}-hint`}
              onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
            />
          </div>
          <div class="actions">
            <button type="submit" class="btn btn-secondary" disabled={busy}>
              {gt('fu.done')}
            </button>
          </div>
        </form>
      ) : (
        <p class="hint">{gt('fu.waiting')}</p>
      )}
    </div>
  );
}
