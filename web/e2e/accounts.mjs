// SPDX-License-Identifier: EUPL-1.2
// Accounts and group members made through the API, for scenarios where clicking would only repeat.

import { assert, person, phone } from './lib.mjs';

export const password = 'de fietsenstalling bij school';

/** Someone made through the API: their login cookie and CSRF token. */
export async function apiAccount(server, name) {
  const email = `${name.toLowerCase()}@school.nl`;
  const r = await fetch(`http://127.0.0.1:${server.port}/api/accounts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password, display_name: name }),
  });
  const body = await r.json();
  assert(r.status === 201, `sign-up of ${name} through the API: ${r.status} ${JSON.stringify(body)}`);
  const cookie = r.headers.getSetCookie().find((c) => c.startsWith('intervisie_login='));
  assert(cookie, `sign-up of ${name} set no login cookie`);
  return { name, email, id: body.account.id, csrf: body.csrf_token, login: cookie.split(';')[0].split('=')[1] };
}

/** The login of someone who signed up in a browser, for API calls on their behalf. */
export async function accountOf(server, p) {
  const login = (await p.context.cookies()).find((c) => c.name === 'intervisie_login');
  assert(login, `${p.name} has no login cookie`);
  const me = await server.api('GET', '/api/me', undefined, { Cookie: `intervisie_login=${login.value}` });
  assert(me.status === 200, `GET /api/me for ${p.name}: ${JSON.stringify(me)}`);
  return { name: p.name, id: me.body.account.id, csrf: me.body.csrf_token, login: login.value };
}

export async function as(server, who, method, path, body) {
  const headers = { Cookie: `intervisie_login=${who.login}` };
  if (method !== 'GET') headers['X-CSRF-Token'] = who.csrf;
  return server.api(method, path, body, headers);
}

export async function expectStatus(server, who, method, path, body, status) {
  const r = await as(server, who, method, path, body);
  assert(
    r.status === status,
    `${who.name}: ${method} ${path} ${JSON.stringify(body ?? null)} → ${r.status} ${JSON.stringify(r.body)}, expected ${status}`,
  );
  return r.body;
}

/** A member made through the API who joins the group through an invitation of `inviter`. */
export async function joinThroughApi(server, inviter, groupId, name) {
  const member = await apiAccount(server, name);
  const inv = await expectStatus(server, inviter, 'POST', `/api/groups/${groupId}/invitations`, {}, 201);
  await expectStatus(
    server,
    member,
    'POST',
    `/api/invitations/${inv.token}/accept`,
    { accept_ground_rules: true },
    200,
  );
  return member;
}

/** A browser for someone made through the API, already logged in. */
export async function browserFor(browser, server, account, viewport = phone, device = {}) {
  const p = await person(browser, account.name, viewport, device);
  await p.context.addCookies([
    { name: 'intervisie_login', value: account.login, url: server.base, httpOnly: true, sameSite: 'Strict' },
  ]);
  return p;
}
