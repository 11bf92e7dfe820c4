// SPDX-License-Identifier: EUPL-1.2
import type { CoachRequest } from './coach';
import type { CatalogMethod, CoachVerdict, CreatedSession, Invitation, Report, ReturnTicket } from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { cache: 'no-store', ...init });
  } catch {
    throw new ApiError(0, 'offline', '');
  }
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const err = (body ?? {}) as { code?: string; message?: string };
    throw new ApiError(response.status, err.code ?? 'unknown', err.message ?? '');
  }
  return body as T;
}

function post<T>(path: string, body: unknown): Promise<T> {
  return call<T>(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

let catalog: Promise<CatalogMethod[]> | null = null;

/** The method catalogue; it does not change while the server runs, so it is fetched once. */
export function fetchMethods(): Promise<CatalogMethod[]> {
  if (!catalog) {
    catalog = call<{ methods: CatalogMethod[] }>('/api/methods').then((r) => r.methods);
    catalog.catch(() => (catalog = null));
  }
  return catalog.then((m) => [...m]);
}

export function createSession(input: {
  method: string;
  title: string;
  facilitator_name: string;
  facilitator_takes_turns: boolean;
}): Promise<CreatedSession> {
  return post<CreatedSession>('/api/sessions', input);
}

/** Join under a new name. */
export function joinSession(
  id: string,
  joinToken: string,
  name: string,
): Promise<{ participant_id: number; token: string }> {
  return post(`/api/sessions/${encodeURIComponent(id)}/participants`, { join_token: joinToken, name });
}

/** What the join page shows before joining: the meeting's name, who invited, who is in. */
export function fetchInvitation(id: string, joinToken: string): Promise<Invitation> {
  return post(`/api/sessions/${encodeURIComponent(id)}/invitation`, { join_token: joinToken });
}

/** Ask to come back to one's own place on this device; someone in the group lets you in. */
export function requestReturn(id: string, joinToken: string, participant: number): Promise<ReturnTicket> {
  return post(`/api/sessions/${encodeURIComponent(id)}/returns`, { join_token: joinToken, participant });
}

/** Whether the request to come back has been answered. */
export function returnStatus(
  id: string,
  ticket: { request: number; token: string },
): Promise<{ status: ReturnTicket['status'] }> {
  return call(`/api/sessions/${encodeURIComponent(id)}/returns/${ticket.request}`, {
    headers: { Authorization: `Bearer ${ticket.token}` },
  });
}

/** The session behind a six-digit code, and its join link. */
export function lookUpCode(code: string): Promise<{ session_id: string; join_token: string; join_url: string }> {
  return post('/api/join-codes', { code });
}

export function fetchReport(id: string, token: string, lang: 'nl' | 'en'): Promise<Report> {
  const q = lang === 'en' ? '?lang=en' : '';
  return call<Report>(`/api/sessions/${encodeURIComponent(id)}/report${q}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
}

/** Erase the case's content on the server, for everyone; the record's own token (2.6) may. */
export function eraseSessionContent(id: string, token: string): Promise<{ erased: boolean }> {
  return call(`/api/sessions/${encodeURIComponent(id)}/content`, {
    method: 'DELETE',
    headers: { Authorization: `Bearer ${token}` },
  });
}

/** The wording coach's verdict on a text being typed (nothing is stored). */
export function checkWording(request: CoachRequest, signal: AbortSignal): Promise<CoachVerdict> {
  return call<CoachVerdict>('/api/coach', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
    signal,
  });
}
