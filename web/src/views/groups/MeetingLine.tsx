// SPDX-License-Identifier: EUPL-1.2
import { formatLength, formatMeetingTime } from '../../groups/time';
import type { MeetingSummary } from '../../groups/types';
import { lang } from '../../i18n';
import { gt } from '../../i18n/groups';
import { nameOf } from './parts';

/** One meeting in a list: when, where it stands, and my own part in it. */
export function MeetingLine({ m, myId }: { m: MeetingSummary; myId: string }) {
  const l = lang();
  let state = '';
  if (m.status === 'called_off') state = gt('summary.calledOff');
  else if (m.status === 'needs_new_date')
    state =
      m.rescheduler?.id === myId
        ? gt('summary.needsNewDateYou')
        : gt('summary.needsNewDate', { name: nameOf(m.rescheduler) });
  return (
    <li class={`card meeting-card status-${m.status}`}>
      <a class="card-title" href={`/bijeenkomst/${encodeURIComponent(m.id)}`}>
        {formatMeetingTime(m.starts_at, m.minutes, l)}
      </a>
      <span class="card-meta">
        {[m.place, m.video_link ? gt('meeting.video') : ''].filter(Boolean).join(' · ')}
        {' · '}
        {gt('summary.signedUp', { n: m.signed_up })} · {formatLength(m.minutes, l)}
      </span>
      {state && <span class="card-state">{state}</span>}
      {m.status !== 'called_off' && <span class="card-mine">{gt(`summary.yours.${m.yours}`)}</span>}
    </li>
  );
}
