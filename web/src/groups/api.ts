// SPDX-License-Identifier: EUPL-1.2
// The accounts, groups and meetings API (docs/api.md), with its refusals as typed errors.
// A change (POST, DELETE) carries the login's CSRF token, kept from sign-up, login or GET /api/me.

import type {
  CaseSeat,
  CreatedInvitation,
  GroupView,
  InvitationPreview,
  LoggedIn,
  Me,
  MeetingView,
  NewMeeting,
  StartedCase,
} from './types';

/** A refusal or failure: the server's code, and where it applies the form field it concerns. */
export class GroupApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageNl = '',
    readonly field = '',
  ) {
    super(message);
  }
}

let csrfToken = '';
const loggedOutListeners = new Set<() => void>();

/** Hear when the server says nobody is logged in (an ended or expired login, elsewhere too). */
export function onLoggedOut(fn: () => void): () => void {
  loggedOutListeners.add(fn);
  return () => loggedOutListeners.delete(fn);
}

export function rememberCsrf(token: string): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'DELETE';

async function call<T>(method: Method, path: string, body?: unknown): Promise<T> {
  if (method !== 'GET' && !csrfToken && path !== '/api/accounts' && path !== '/api/login') await fetchMe();
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'same-origin',
    });
  } catch {
    throw new GroupApiError(0, 'offline', '');
  }
  const json = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const e = (json ?? {}) as { code?: string; message?: string; message_nl?: string; field?: string };
    const error = new GroupApiError(
      response.status,
      e.code ?? 'unknown',
      e.message ?? '',
      e.message_nl ?? '',
      e.field ?? '',
    );
    // A wrong password is a 401 too (login_failed), but it ends no login.
    if (response.status === 401 && error.code === 'not_logged_in') {
      csrfToken = '';
      for (const fn of loggedOutListeners) fn();
    }
    throw error;
  }
  return json as T;
}

const enc = encodeURIComponent;

// Accounts

export async function signUp(input: { email: string; password: string; display_name: string }): Promise<LoggedIn> {
  const r = await call<LoggedIn>('POST', '/api/accounts', input);
  rememberCsrf(r.csrf_token);
  return r;
}

export async function logIn(input: { email: string; password: string }): Promise<LoggedIn> {
  const r = await call<LoggedIn>('POST', '/api/login', input);
  rememberCsrf(r.csrf_token);
  return r;
}

export async function logOut(everywhere: boolean): Promise<void> {
  await call('POST', '/api/logout', everywhere ? { everywhere: true } : {});
  rememberCsrf('');
}

export async function fetchMe(): Promise<Me> {
  const me = await call<Me>('GET', '/api/me');
  rememberCsrf(me.csrf_token);
  return me;
}

/** A new calendar feed link; the old one stops working. */
export async function renewCalendarFeed(): Promise<string> {
  const r = await call<{ calendar_feed_url: string }>('POST', '/api/me/calendar-feed', {});
  return r.calendar_feed_url;
}

/** The address of the export: a plain link downloads it with the login cookie. */
export const exportUrl = '/api/me/export';

export async function deleteAccount(password: string): Promise<void> {
  await call('DELETE', '/api/me', { password });
  rememberCsrf('');
}

// Groups

export function createGroup(input: { name: string; own_rules?: string[]; display_name?: string }): Promise<GroupView> {
  return call('POST', '/api/groups', input);
}

export function fetchGroup(id: string): Promise<GroupView> {
  return call('GET', `/api/groups/${enc(id)}`);
}

export function createInvitation(group: string, expiresInDays?: number): Promise<CreatedInvitation> {
  return call('POST', `/api/groups/${enc(group)}/invitations`, expiresInDays ? { expires_in_days: expiresInDays } : {});
}

export function revokeInvitation(group: string, invitation: string): Promise<GroupView> {
  return call('DELETE', `/api/groups/${enc(group)}/invitations/${enc(invitation)}`);
}

/** How many days after the meeting the group's cases are erased; null: the server's default. */
export function setRetention(group: string, days: number | null): Promise<GroupView> {
  return call('POST', `/api/groups/${enc(group)}/retention`, { days });
}

export function leaveGroup(group: string): Promise<{ left: string }> {
  return call('POST', `/api/groups/${enc(group)}/leave`, {});
}

export function fetchInvitation(token: string): Promise<InvitationPreview> {
  return call('GET', `/api/invitations/${enc(token)}`);
}

export function acceptInvitation(token: string, displayName: string): Promise<GroupView> {
  const body = displayName ? { accept_ground_rules: true, display_name: displayName } : { accept_ground_rules: true };
  return call('POST', `/api/invitations/${enc(token)}/accept`, body);
}

// Meetings

export function scheduleMeeting(group: string, meeting: NewMeeting): Promise<MeetingView> {
  return call('POST', `/api/groups/${enc(group)}/meetings`, meeting);
}

export function fetchMeeting(id: string): Promise<MeetingView> {
  return call('GET', `/api/meetings/${enc(id)}`);
}

function meetingAction(id: string, action: string, body: unknown = {}): Promise<MeetingView> {
  return call('POST', `/api/meetings/${enc(id)}/${action}`, body);
}

export const signUpFor = (id: string) => meetingAction(id, 'signup');
export const cancelMeeting = (id: string, reason: string) => meetingAction(id, 'cancel', reason ? { reason } : {});
export const callOff = (id: string) => meetingAction(id, 'call-off');
export const proposeDates = (id: string, dates: number[]) => meetingAction(id, 'proposals', { dates });
export const answerDates = (id: string, suits: boolean[]) => meetingAction(id, 'answers', { suits });
export const chooseDate = (id: string, index: number) => meetingAction(id, 'choice', { index });
export const setFacilitator = (id: string, member: string) => meetingAction(id, 'facilitator', { member });
export const recordFollowUp = (id: string, sessionId: string, note: string) =>
  meetingAction(id, 'follow-ups', note ? { session_id: sessionId, note } : { session_id: sessionId });

export function startCase(
  meeting: string,
  input: { method: string; title: string; facilitator_takes_turns: boolean },
): Promise<StartedCase> {
  return call('POST', `/api/meetings/${enc(meeting)}/cases`, input);
}

export function takeSeat(meeting: string, session: string): Promise<CaseSeat> {
  return call('POST', `/api/meetings/${enc(meeting)}/cases/${enc(session)}/participants`, {});
}

export function meetingCalendarUrl(id: string): string {
  return `/api/meetings/${enc(id)}/calendar.ics`;
}

export function caseReportUrl(group: string, session: string, lang: 'nl' | 'en'): string {
  return `/api/groups/${enc(group)}/cases/${enc(session)}/report${lang === 'en' ? '?lang=en' : ''}`;
}

export function fetchCaseReport<T>(group: string, session: string, lang: 'nl' | 'en'): Promise<T> {
  return call('GET', caseReportUrl(group, session, lang));
}

/** The presenter erases their case's content, for everyone; its facts stay in the history. */
export function eraseCaseContent(group: string, session: string): Promise<{ erased: boolean }> {
  return call('DELETE', `/api/groups/${enc(group)}/cases/${enc(session)}/content`);
}
