// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { page: 'start' }
  | { page: 'join'; id: string }
  | { page: 'session'; id: string }
  | { page: 'report'; id: string }
  | { page: 'beamer'; id: string }
  | GroupsRoute
  | { page: 'not_found' };

/** The pages of accounts, groups and meetings: one lazily loaded part of the app. */
export type GroupsRoute =
  | { page: 'login' }
  | { page: 'signup' }
  | { page: 'account' }
  | { page: 'groups' }
  | { page: 'new_group' }
  | { page: 'group'; id: string }
  | { page: 'new_meeting'; group: string }
  | { page: 'case_report'; group: string; session: string }
  | { page: 'meeting'; id: string }
  | { page: 'invitation'; token: string };

const groupsPages = new Set<string>([
  'login',
  'signup',
  'account',
  'groups',
  'new_group',
  'group',
  'new_meeting',
  'case_report',
  'meeting',
  'invitation',
]);

export function isGroupsRoute(route: Route): route is GroupsRoute {
  return groupsPages.has(route.page);
}

export function parseRoute(path: string): Route {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { page: 'start' };
  if (parts.length === 2 && parts[0] === 'join') return { page: 'join', id: parts[1] };
  if (parts.length === 2 && parts[0] === 's') return { page: 'session', id: parts[1] };
  if (parts.length === 3 && parts[0] === 's' && parts[2] === 'report') return { page: 'report', id: parts[1] };
  if (parts.length === 2 && parts[0] === 'beamer') return { page: 'beamer', id: parts[1] };
  return parseGroupsRoute(parts) ?? { page: 'not_found' };
}

// Dutch paths, as the server writes them in invitation links and calendar entries.
function parseGroupsRoute(parts: string[]): GroupsRoute | null {
  const [first, second, third, fourth] = parts;
  if (parts.length === 1) {
    if (first === 'inloggen') return { page: 'login' };
    if (first === 'account-maken') return { page: 'signup' };
    if (first === 'account') return { page: 'account' };
    if (first === 'groepen') return { page: 'groups' };
  }
  if (parts.length === 2) {
    if (first === 'groepen' && second === 'nieuw') return { page: 'new_group' };
    if (first === 'groep') return { page: 'group', id: second };
    if (first === 'bijeenkomst') return { page: 'meeting', id: second };
    if (first === 'uitnodiging') return { page: 'invitation', token: second };
  }
  if (parts.length === 3 && first === 'groep' && third === 'nieuwe-bijeenkomst')
    return { page: 'new_meeting', group: second };
  if (parts.length === 4 && first === 'groep' && third === 'casus')
    return { page: 'case_report', group: second, session: fourth };
  return null;
}

const listeners = new Set<() => void>();

export function navigate(path: string, replace = false): void {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  for (const fn of listeners) fn();
  window.scrollTo(0, 0);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.pathname));
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}

/** The secret after '#', which never reaches a server in a request line. */
export function fragment(): string {
  return decodeURIComponent(location.hash.replace(/^#/, ''));
}
