// SPDX-License-Identifier: EUPL-1.2
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { navigate, type GroupsRoute } from '../../router';
import { useMe } from '../../groups/me';
import type { Me } from '../../groups/types';
import { gt } from '../../i18n/groups';
import { Loading, Problem } from './parts';
import { AuthPage } from './AuthPage';
import { AccountPage } from './AccountPage';
import { GroupsPage } from './GroupsPage';
import { NewGroupPage } from './NewGroupPage';
import { GroupPage } from './GroupPage';
import { NewMeetingPage } from './NewMeetingPage';
import { MeetingPage } from './MeetingPage';
import { InvitationPage } from './InvitationPage';
import { CaseReportPage } from './CaseReportPage';
import './groups.css';

/** Links inside the app change the page without a reload; downloads and the API are left alone. */
function useInAppLinks(): void {
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = (e.target as Element | null)?.closest?.('a');
      if (!a || a.hasAttribute('download') || a.target || a.origin !== location.origin) return;
      if (a.pathname.startsWith('/api/') || a.pathname.startsWith('/s/') || a.pathname.startsWith('/join/')) return;
      e.preventDefault();
      navigate(a.pathname + a.search);
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, []);
}

/** A page for logged-in people: others go to the login page and come back here after. */
function LoggedIn({ children }: { children: (me: Me) => ComponentChildren }) {
  const { me, failed } = useMe();
  useEffect(() => {
    if (me === null) navigate(`/inloggen?verder=${encodeURIComponent(location.pathname + location.search)}`, true);
  }, [me]);
  if (failed) return <Problem title={gt('nav.groups')} text={gt('err.offline')} />;
  if (!me) return <Loading />;
  return <>{children(me)}</>;
}

/** The accounts, groups and meetings part of the app, loaded on first use. */
export function GroupsArea({ route }: { route: GroupsRoute }) {
  useInAppLinks();
  switch (route.page) {
    case 'login':
    case 'signup':
      return <AuthPage key={route.page} mode={route.page} />;
    case 'invitation':
      return <InvitationPage token={route.token} />;
    case 'account':
      return <LoggedIn>{(me) => <AccountPage me={me} />}</LoggedIn>;
    case 'groups':
      return <LoggedIn>{(me) => <GroupsPage me={me} />}</LoggedIn>;
    case 'new_group':
      return <LoggedIn>{() => <NewGroupPage />}</LoggedIn>;
    case 'group':
      return <LoggedIn>{() => <GroupPage key={route.id} id={route.id} />}</LoggedIn>;
    case 'new_meeting':
      return <LoggedIn>{() => <NewMeetingPage key={route.group} group={route.group} />}</LoggedIn>;
    case 'meeting':
      return <LoggedIn>{(me) => <MeetingPage key={route.id} id={route.id} me={me} />}</LoggedIn>;
    case 'case_report':
      return <LoggedIn>{() => <CaseReportPage group={route.group} session={route.session} />}</LoggedIn>;
  }
}
