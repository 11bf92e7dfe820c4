// SPDX-License-Identifier: EUPL-1.2
import { useState } from 'preact/hooks';
import { deleteAccount, exportUrl, logOut, renewCalendarFeed } from '../../groups/api';
import { forgetMe } from '../../groups/me';
import { formatShortDate } from '../../groups/time';
import type { Me } from '../../groups/types';
import { lang } from '../../i18n';
import { gt } from '../../i18n/groups';
import { navigate } from '../../router';
import { CopyField, Field, FormError, Page, Result, useRequest } from './parts';

/** The account: details, calendar link, data export, logging out and deleting. */
export function AccountPage({ me }: { me: Me }) {
  const out = useRequest();
  const removal = useRequest();
  const renewal = useRequest();
  const [password, setPassword] = useState('');
  const [feedUrl, setFeedUrl] = useState(me.calendar_feed_url);
  const [renewed, setRenewed] = useState(false);

  const renew = async () => {
    const url = await renewal.run(() => renewCalendarFeed());
    if (url !== null) {
      setFeedUrl(url);
      setRenewed(true);
    }
  };

  const leave = async (everywhere: boolean) => {
    if ((await out.run(() => logOut(everywhere).then(() => true))) !== null) {
      forgetMe();
      navigate('/inloggen?na=uitgelogd', true);
    }
  };

  const remove = async (e: Event) => {
    e.preventDefault();
    if ((await removal.run(() => deleteAccount(password).then(() => true))) !== null) {
      forgetMe();
      navigate('/inloggen?na=verwijderd', true);
    }
  };

  return (
    <Page title={gt('acc.title')} lead={gt('acc.lead')}>
      <dl class="facts">
        <dt>{gt('acc.name')}</dt>
        <dd>{me.account.display_name}</dd>
        <dt>{gt('acc.email')}</dt>
        <dd>{me.account.email}</dd>
        <dt>{gt('acc.since')}</dt>
        <dd>{formatShortDate(me.account.created_at, lang())}</dd>
      </dl>

      <section class="panel" aria-labelledby="acc-cal">
        <h2 id="acc-cal">{gt('cal.title')}</h2>
        <CopyField label={gt('cal.feed')} hint={gt('cal.feedHint')} value={feedUrl} />
        <p class="hint" id="acc-renew-hint">
          {renewed ? gt('cal.renewed') : gt('cal.renewHint')}
        </p>
        <p>
          <button
            type="button"
            class="btn btn-quiet"
            disabled={renewal.busy}
            aria-describedby="acc-renew-hint"
            onClick={() => void renew()}
          >
            {gt('cal.renew')}
          </button>
        </p>
        <FormError text={renewal.error} />
      </section>

      <section class="panel" aria-labelledby="acc-export">
        <h2 id="acc-export">{gt('acc.exportTitle')}</h2>
        <p class="hint">{gt('acc.exportHint')}</p>
        <p>
          <a class="btn btn-secondary" href={exportUrl} download="intervisie-mijn-gegevens.json">
            {gt('acc.export')}
          </a>
        </p>
      </section>

      <section class="panel" aria-labelledby="acc-logout">
        <h2 id="acc-logout">{gt('acc.logoutTitle')}</h2>
        <div class="actions">
          <button type="button" class="btn btn-secondary" disabled={out.busy} onClick={() => leave(false)}>
            {gt('acc.logout')}
          </button>
          <button
            type="button"
            class="btn btn-quiet"
            disabled={out.busy}
            aria-describedby="acc-everywhere-hint"
            onClick={() => leave(true)}
          >
            {gt('acc.logoutEverywhere')}
          </button>
        </div>
        <p class="hint" id="acc-everywhere-hint">
          {gt('acc.logoutEverywhereHint')}
        </p>
        <FormError text={out.error} />
      </section>

      <section class="panel panel-danger" aria-labelledby="acc-delete">
        <h2 id="acc-delete">{gt('acc.deleteTitle')}</h2>
        <p>{gt('acc.deleteLead')}</p>
        <form onSubmit={remove} noValidate>
          <Field
            label={gt('acc.deletePassword')}
            type="password"
            autoComplete="current-password"
            value={password}
            onInput={setPassword}
            required
          />
          <FormError text={removal.error} />
          <div class="actions">
            <button type="submit" class="btn btn-danger" disabled={removal.busy || !password}>
              {gt('acc.deleteSubmit')}
            </button>
          </div>
        </form>
      </section>
      <Result text={out.busy ? gt('common.busy') : ''} />
    </Page>
  );
}
