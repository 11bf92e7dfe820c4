// SPDX-License-Identifier: EUPL-1.2
import { t } from '../i18n';
import { Shell } from './Shell';

export function NotFound() {
  return (
    <Shell>
      <div class="page narrow">
        <h1>{t('notfound.title')}</h1>
        <p>
          <a href="/">{t('notfound.home')}</a>
        </p>
      </div>
    </Shell>
  );
}
