// SPDX-License-Identifier: EUPL-1.2
import { useEffect } from 'preact/hooks';
import { loadMe } from '../../groups/me';
import type { Me } from '../../groups/types';
import { gt } from '../../i18n/groups';
import { Page } from './parts';

/** My groups: each with its size, and the way to make a new one. */
export function GroupsPage({ me }: { me: Me }) {
  // The list may have changed since the page first asked (a group joined or left elsewhere).
  useEffect(() => {
    loadMe(true).catch(() => undefined);
  }, []);
  return (
    <Page title={gt('groups.title')} lead={gt('groups.lead')}>
      <p class="muted">{gt('auth.loggedIn', { name: me.account.display_name })}</p>
      {me.groups.length === 0 ? (
        <p class="notice">{gt('groups.none')}</p>
      ) : (
        <ul class="card-list">
          {me.groups.map((g) => (
            <li key={g.id} class="card">
              <a class="card-title" href={`/groep/${encodeURIComponent(g.id)}`}>
                {g.name}
              </a>
              <span class="card-meta">
                {gt('groups.members', { n: g.members })}
                {g.notice === 'small_group' ? ` · ${gt('groups.small')}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p class="actions">
        <a class="btn btn-primary" href="/groepen/nieuw">
          {gt('groups.new')}
        </a>
      </p>
      <p>
        <a href="/">{gt('groups.adhoc')}</a>
      </p>
    </Page>
  );
}
