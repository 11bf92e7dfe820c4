// SPDX-License-Identifier: EUPL-1.2
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { GroupsRoute } from '../router';
import { Shell } from './Shell';

type Area = FunctionComponent<{ route: GroupsRoute }>;

let loaded: Area | null = null;

/**
 * Accounts, groups and meetings come as a chunk of their own, fetched the first time one of
 * their pages opens, so the participant page of a live session does not carry them.
 */
export function GroupsLoader({ route }: { route: GroupsRoute }) {
  const [area, setArea] = useState<Area | null>(() => loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (area) return;
    import('./groups/GroupsArea')
      .then((m) => {
        loaded = m.GroupsArea;
        setArea(() => m.GroupsArea);
      })
      .catch(() => setFailed(true));
  }, [area]);
  if (area) {
    const GroupsArea = area;
    return <GroupsArea route={route} />;
  }
  return (
    <Shell>
      <div class="page narrow">
        <p class="muted" role="status">
          {failed ? t('groups.loadFailed') : t('common.loading')}
        </p>
      </div>
    </Shell>
  );
}
