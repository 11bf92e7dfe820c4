// SPDX-License-Identifier: EUPL-1.2
// Who is logged in on this page: GET /api/me, fetched once and shared by the views; null when
// nobody is. Logging in, out, deleting the account or joining a group refreshes it, and so does
// any request that finds the login gone.

import { useEffect, useState } from 'preact/hooks';
import { fetchMe, GroupApiError, onLoggedOut } from './api';
import type { Me } from './types';

let current: Me | null | undefined;
let pending: Promise<Me | null> | null = null;
const listeners = new Set<(me: Me | null | undefined) => void>();

function publish(me: Me | null | undefined): void {
  current = me;
  for (const fn of listeners) fn(me);
}

/** The logged-in account, asking the server again when `fresh`. */
export function loadMe(fresh = false): Promise<Me | null> {
  if (current !== undefined && !fresh) return Promise.resolve(current);
  if (!pending) {
    pending = fetchMe()
      .then((me) => me as Me | null)
      .catch((e: unknown) => {
        if (e instanceof GroupApiError && e.status === 401) return null;
        throw e;
      })
      .then((me) => {
        publish(me);
        return me;
      })
      .finally(() => (pending = null));
  }
  return pending;
}

export function forgetMe(): void {
  publish(null);
}

// Any request that finds the login gone (logged out everywhere from another device, expired)
// tells every view at once, so no page keeps showing what only a logged-in member may see.
onLoggedOut(() => {
  if (current) publish(null);
});

/** undefined while loading, null when logged out; `failed` when the server could not be asked. */
export function useMe(): { me: Me | null | undefined; failed: boolean } {
  const [me, setMe] = useState(current);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    listeners.add(setMe);
    loadMe().catch(() => setFailed(true));
    return () => {
      listeners.delete(setMe);
    };
  }, []);
  return { me, failed };
}
