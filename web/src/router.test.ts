// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { isGroupsRoute, parseRoute } from './router';

describe('parseRoute', () => {
  it('knows every page', () => {
    expect(parseRoute('/')).toEqual({ page: 'start' });
    expect(parseRoute('/join/abc')).toEqual({ page: 'join', id: 'abc' });
    expect(parseRoute('/s/abc')).toEqual({ page: 'session', id: 'abc' });
    expect(parseRoute('/s/abc/report')).toEqual({ page: 'report', id: 'abc' });
    expect(parseRoute('/beamer/abc')).toEqual({ page: 'beamer', id: 'abc' });
  });

  it('sends anything else to not found', () => {
    expect(parseRoute('/s')).toEqual({ page: 'not_found' });
    expect(parseRoute('/join/a/b')).toEqual({ page: 'not_found' });
  });
});

describe('the pages of groups and meetings', () => {
  it('use the Dutch paths the server writes in links', () => {
    expect(parseRoute('/uitnodiging/tok')).toEqual({ page: 'invitation', token: 'tok' });
    expect(parseRoute('/bijeenkomst/m1')).toEqual({ page: 'meeting', id: 'm1' });
    expect(parseRoute('/groep/g1')).toEqual({ page: 'group', id: 'g1' });
    expect(parseRoute('/groep/g1/nieuwe-bijeenkomst')).toEqual({ page: 'new_meeting', group: 'g1' });
    expect(parseRoute('/groep/g1/casus/s1')).toEqual({ page: 'case_report', group: 'g1', session: 's1' });
    expect(parseRoute('/groepen')).toEqual({ page: 'groups' });
    expect(parseRoute('/groepen/nieuw')).toEqual({ page: 'new_group' });
    expect(parseRoute('/inloggen')).toEqual({ page: 'login' });
    expect(parseRoute('/account-maken')).toEqual({ page: 'signup' });
    expect(parseRoute('/account')).toEqual({ page: 'account' });
  });

  it('are told apart from the live session’s pages', () => {
    expect(isGroupsRoute(parseRoute('/groep/g1'))).toBe(true);
    expect(isGroupsRoute(parseRoute('/s/abc'))).toBe(false);
    expect(isGroupsRoute(parseRoute('/groep'))).toBe(false);
  });
});
