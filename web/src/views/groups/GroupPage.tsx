// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useState } from 'preact/hooks';
import { fetchGroup } from '../../groups/api';
import { watchGroupCases } from '../../groups/caseWindow';
import { usePoll } from '../../groups/poll';
import { formatShortDate } from '../../groups/time';
import type { GroupView } from '../../groups/types';
import { useMethods } from '../../groups/useMethodNames';
import { lang } from '../../i18n';
import { gt } from '../../i18n/groups';
import { CaseHistory } from './CaseHistory';
import { InvitePanel } from './InvitePanel';
import { LiveCases } from './LiveCases';
import { LeavePanel } from './LeavePanel';
import { MeetingLine } from './MeetingLine';
import { ParticipationTable } from './ParticipationTable';
import { Loading, messageOf, Page, Problem, RulesList } from './parts';
import { RetentionPanel } from './RetentionPanel';

/** A group's page: members, meetings, invitations, history, participation and ground rules. */
export function GroupPage({ id }: { id: string }) {
  const [group, setGroup] = useState<GroupView | null>(null);
  const [error, setError] = useState('');
  const [left, setLeft] = useState(false);
  const methods = useMethods();
  const l = lang();

  useEffect(() => {
    fetchGroup(id)
      .then(setGroup)
      .catch((e) => setError(messageOf(e)));
  }, [id]);

  // Around a meeting's time, a case that starts (or ends) shows without a reload.
  usePoll(
    () =>
      fetchGroup(id).then((fresh) =>
        setGroup((shown) => (shown && JSON.stringify(shown) === JSON.stringify(fresh) ? shown : fresh)),
      ),
    () => group !== null && !left && watchGroupCases(group, Date.now()),
  );

  if (left && group) {
    return (
      <Problem title={group.name} text={gt('group.left', { name: group.name })}>
        <p>
          <a href="/groepen">{gt('nav.groups')}</a>
        </p>
      </Problem>
    );
  }
  if (error) return <Problem title={gt('nav.groups')} text={error} />;
  if (!group) return <Loading />;

  const me = group.members.find((m) => m.is_me);
  const now = Date.now();
  const toCome = group.meetings
    .filter((m) => m.starts_at + m.minutes * 60_000 > now)
    .sort((a, b) => a.starts_at - b.starts_at);
  const earlier = group.meetings
    .filter((m) => m.starts_at + m.minutes * 60_000 <= now)
    .sort((a, b) => b.starts_at - a.starts_at);

  return (
    <Page title={group.name} lead={gt('group.lead')} wide>
      <LiveCases cases={group.cases} methods={methods} />
      {group.notice === 'small_group' && (
        <p class="notice notice-small" role="note">
          {gt('group.small', { n: group.member_count })}
        </p>
      )}
      <div class="groups-columns">
        <div>
          <section class="panel" aria-labelledby="meetings-title">
            <h2 id="meetings-title">{gt('group.meetings')}</h2>
            {toCome.length === 0 ? (
              <p class="muted">{gt('group.noMeetings')}</p>
            ) : (
              <ul class="card-list">
                {toCome.map((m) => (
                  <MeetingLine key={m.id} m={m} myId={me?.id ?? ''} />
                ))}
              </ul>
            )}
            <p class="actions">
              <a class="btn btn-primary" href={`/groep/${encodeURIComponent(group.id)}/nieuwe-bijeenkomst`}>
                {gt('group.schedule')}
              </a>
            </p>
            {earlier.length > 0 && (
              <details class="earlier">
                <summary>{gt('group.earlier')}</summary>
                <ul class="card-list">
                  {earlier.map((m) => (
                    <MeetingLine key={m.id} m={m} myId={me?.id ?? ''} />
                  ))}
                </ul>
              </details>
            )}
          </section>
          <CaseHistory groupId={group.id} cases={group.cases} methods={methods} />
          <ParticipationTable rows={group.participation} />
        </div>
        <div>
          <section class="panel" aria-labelledby="members-title">
            <h2 id="members-title">{gt('group.members', { n: group.member_count, max: group.max_members })}</h2>
            <ul class="plain-list members">
              {group.members.map((m) => (
                <li key={m.id}>
                  <strong>{m.display_name}</strong>
                  {m.is_me ? ` (${gt('common.you')})` : ''}{' '}
                  <span class="muted">{gt('group.joined', { date: formatShortDate(m.joined_at, l) })}</span>
                </li>
              ))}
            </ul>
          </section>
          <InvitePanel group={group} onChange={setGroup} />
          <RulesList conditions={group.conditions} rules={group.ground_rules.keys} own={group.ground_rules.own} />
          {/* A server from before retention was shown sends no period: then there is nothing to say. */}
          {typeof group.retention_days === 'number' && <RetentionPanel group={group} onChange={setGroup} />}
          <LeavePanel groupId={group.id} name={group.name} onLeft={() => setLeft(true)} />
        </div>
      </div>
    </Page>
  );
}
