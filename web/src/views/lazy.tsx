// SPDX-License-Identifier: EUPL-1.2
// Parts of the app that most people never open come as chunks of their own, fetched the first
// time they are shown: the participant page of a live session stays small.

import type { ComponentChildren, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';

/** A component loaded on first use; `waiting` shows meanwhile (and if loading fails). */
export function lazyPart<P extends object>(
  load: () => Promise<FunctionComponent<P>>,
  waiting: (failed: boolean) => ComponentChildren,
): FunctionComponent<P> {
  let loaded: FunctionComponent<P> | null = null;
  return function Lazy(props: P) {
    const [part, setPart] = useState<FunctionComponent<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (part) return;
      load()
        .then((c) => {
          loaded = c;
          setPart(() => c);
        })
        .catch(() => setFailed(true));
    }, [part]);
    if (part) {
      const Part = part;
      return <Part {...props} />;
    }
    return <>{waiting(failed)}</>;
  };
}

/** What a lazily loaded page shows while it arrives. */
export function Loading({ failed }: { failed: boolean }) {
  return (
    <div class="page narrow">
      <p class="muted" role="status">
        {failed ? t('groups.loadFailed') : t('common.loading')}
      </p>
    </div>
  );
}
