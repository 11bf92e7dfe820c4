// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useState } from 'preact/hooks';
import { Confirm } from '../../components/Confirm';
import { callOff, fetchGroup, fetchMeeting, meetingCalendarUrl } from '../../groups/api';
import { watchMeetingCases } from '../../groups/caseWindow';
import { usePoll } from '../../groups/poll';
import { formatLength, formatMeetingTime } from '../../groups/time';
import type { Me, Member, MeetingView } from '../../groups/types';
import { useMethods } from '../../groups/useMethodNames';
import { lang } from '../../i18n';
import { gt } from '../../i18n/groups';
import { FollowUpPanel } from './FollowUpPanel';
import { LiveCases } from './LiveCases';
import { MeetingCases } from './MeetingCases';
import { MeetingFacilitator } from './MeetingFacilitator';
import { MeetingNow } from './MeetingNow';
import { CopyField, FormError, Loading, messageOf, nameOf, Page, Problem, Result } from './parts';

/**
 * One meeting: a case running now first, then what it asks of me, who comes, the facilitator,
 * the cases, the calendar. Around the meeting's time the page asks again by itself, so a case
 * that starts shows up without a reload.
 */
export function MeetingPage({ id, me }: { id: string; me: Me }) {
  const [meeting, setMeeting] = useState<MeetingView | null>(null);
  const [members, setMembers] = useState<Member[]>([]);
  const [loadError, setLoadError] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [result, setResult] = useState('');
  const [askCallOff, setAskCallOff] = useState(false);
  const methods = useMethods();
  const l = lang();
  const myId = me.account.id;

  useEffect(() => {
    fetchMeeting(id)
      .then((m) => {
        setMeeting(m);
        return fetchGroup(m.group.id).then((g) => setMembers(g.members));
      })
      .catch((e) => setLoadError(messageOf(e)));
  }, [id]);

  usePoll(
    () =>
      fetchMeeting(id).then((fresh) => {
        // Only a change re-renders: a form being filled in stays as it is.
        setMeeting((shown) => (shown && JSON.stringify(shown) === JSON.stringify(fresh) ? shown : fresh));
      }),
    () => meeting !== null && !busy && watchMeetingCases(meeting, Date.now()),
  );

  const act = async (request: () => Promise<MeetingView>, done: string): Promise<boolean> => {
    setBusy(true);
    setError('');
    setResult('');
    try {
      setMeeting(await request());
      setResult(done);
      return true;
    } catch (e) {
      setError(messageOf(e));
      // What the page shows may be out of date (someone else acted first): show the meeting as it is.
      fetchMeeting(id)
        .then(setMeeting)
        .catch(() => undefined);
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (loadError) return <Problem title={gt('group.meetings')} text={loadError} />;
  if (!meeting) return <Loading />;

  const groupHref = `/groep/${encodeURIComponent(meeting.group.id)}`;
  const open = meeting.to_come && meeting.status !== 'called_off';
  return (
    <Page title={gt('meeting.title', { group: meeting.group.name })} lead={gt('meeting.lead')} wide>
      <LiveCases cases={meeting.cases} methods={methods} />
      <p>
        <a href={groupHref}>{gt('meeting.toGroup', { name: meeting.group.name })}</a>
      </p>
      <dl class="facts">
        <dt>{gt('meeting.when')}</dt>
        <dd class={meeting.status === 'called_off' ? 'struck' : ''}>
          {formatMeetingTime(meeting.starts_at, meeting.minutes, l)} ({formatLength(meeting.minutes, l)})
        </dd>
        {meeting.place && (
          <>
            <dt>{gt('meeting.where')}</dt>
            <dd>{meeting.place}</dd>
          </>
        )}
        {meeting.video_link && (
          <>
            <dt>{gt('meeting.video')}</dt>
            <dd>
              <a href={meeting.video_link} target="_blank" rel="noopener noreferrer">
                {meeting.video_link}
              </a>
            </dd>
          </>
        )}
        <dt>{gt('meeting.scheduledBy')}</dt>
        <dd>{nameOf(meeting.scheduled_by)}</dd>
      </dl>

      <Result text={result} />
      <FormError text={error} />

      <div class="groups-columns">
        <div>
          <MeetingNow meeting={meeting} act={act} busy={busy} />
          <FollowUpPanel meeting={meeting} myId={myId} act={act} busy={busy} />
          <MeetingCases meeting={meeting} methods={methods} myId={myId} />
        </div>
        <div>
          <section class="panel" aria-labelledby="who-title">
            <h2 id="who-title">{gt('meeting.signedUpList', { n: meeting.signed_up.length })}</h2>
            {meeting.signed_up.length === 0 ? (
              <p class="muted">{gt('meeting.nobody')}</p>
            ) : (
              <ul class="plain-list names">
                {meeting.signed_up.map((p) => (
                  <li key={p.id}>{p.id === myId ? `${nameOf(p)} (${gt('common.you')})` : nameOf(p)}</li>
                ))}
              </ul>
            )}
            <h3>{gt('meeting.cancelledList', { n: meeting.cancellations.length })}</h3>
            {meeting.cancellations.length === 0 ? (
              <p class="muted">{gt('meeting.nobody')}</p>
            ) : (
              <ul class="plain-list names">
                {meeting.cancellations.map((c, i) => (
                  <li key={c.member?.id ?? i}>
                    {nameOf(c.member)}
                    {c.reason ? <span class="muted"> — {c.reason}</span> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <MeetingFacilitator meeting={meeting} members={members} myId={myId} act={act} busy={busy} />
          <section class="panel" aria-labelledby="cal-title">
            <h2 id="cal-title">{gt('cal.title')}</h2>
            <p>
              <a class="btn btn-secondary" href={meetingCalendarUrl(meeting.id)} download="intervisie-bijeenkomst.ics">
                {gt('cal.download')}
              </a>
            </p>
            <CopyField label={gt('cal.feed')} hint={gt('cal.feedHint')} value={me.calendar_feed_url} />
          </section>
          {open && meeting.you_may_call_off && (
            <section class="panel" aria-labelledby="calloff-title">
              <h2 id="calloff-title" class="visually-hidden">
                {gt('meeting.callOff')}
              </h2>
              {askCallOff ? (
                <Confirm
                  question={gt('meeting.callOffConfirm')}
                  yes={gt('meeting.callOffYes')}
                  no={gt('meeting.callOffNo')}
                  busy={busy}
                  onYes={async () => {
                    if (await act(() => callOff(meeting.id), gt('meeting.done.callOff'))) setAskCallOff(false);
                  }}
                  onNo={() => setAskCallOff(false)}
                />
              ) : (
                <button type="button" class="btn btn-quiet" onClick={() => setAskCallOff(true)}>
                  {gt('meeting.callOff')}
                </button>
              )}
            </section>
          )}
        </div>
      </div>
    </Page>
  );
}
