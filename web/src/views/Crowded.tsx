// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n';
import { Shell } from './Shell';

/**
 * This place is open on too many screens at once (protocol `too_many_connections`): say so, and
 * connect again only when the person asks, after closing one. The heading takes the focus each
 * time the notice appears, so a retry that meets a full place again is heard, not just seen.
 */
export function Crowded({ onRetry, wide }: { onRetry: () => void; wide?: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  return (
    <Shell wide={wide}>
      <div class="page narrow">
        <h1 ref={heading} tabIndex={-1}>
          {t('crowded.title')}
        </h1>
        <p class="lead" role="alert">
          {t('crowded.lead')}
        </p>
        <p>
          <button type="button" class="btn btn-primary" onClick={onRetry}>
            {t('crowded.retry')}
          </button>
        </p>
      </div>
    </Shell>
  );
}
