// SPDX-License-Identifier: EUPL-1.2
// Asking the server again, calmly: every few seconds while the page is in sight, never while
// it is hidden (another tab, a phone in a pocket), at once when it comes back, and never two
// requests at the same time.

import { useEffect, useRef } from 'preact/hooks';

/** What the poller needs of the page: whether it is hidden, and word when that changes. */
export interface Visibility {
  readonly hidden: boolean;
  addEventListener(type: 'visibilitychange', fn: () => void): void;
  removeEventListener(type: 'visibilitychange', fn: () => void): void;
}

/**
 * Runs `ask` every `everyMs` while `visibility` is not hidden and `wanted()` holds; returns how
 * to stop. `ask` returns a promise: the next one waits until it has settled.
 */
export function pollWhileVisible(
  ask: () => Promise<unknown>,
  everyMs: number,
  wanted: () => boolean,
  visibility: Visibility,
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let asking = false;
  let stopped = false;

  const schedule = () => {
    if (timer !== null) clearTimeout(timer);
    timer = stopped || visibility.hidden ? null : setTimeout(tick, everyMs);
  };
  const tick = () => {
    timer = null;
    if (stopped || visibility.hidden) return;
    if (asking || !wanted()) return schedule();
    asking = true;
    ask()
      .catch(() => undefined)
      .finally(() => {
        asking = false;
        schedule();
      });
  };
  const onChange = () => {
    if (visibility.hidden) {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    } else tick(); // back in sight: what happened meanwhile, at once
  };

  visibility.addEventListener('visibilitychange', onChange);
  schedule();
  return () => {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
    visibility.removeEventListener('visibilitychange', onChange);
  };
}

/** How often the group pages ask about a meeting's cases while one may start or runs. */
export const casePollMs = 7000;

/** pollWhileVisible for a view, with the latest `ask` and `wanted` at every tick. */
export function usePoll(ask: () => Promise<unknown>, wanted: () => boolean, everyMs = casePollMs): void {
  const latest = useRef({ ask, wanted });
  latest.current = { ask, wanted };
  useEffect(
    () =>
      pollWhileVisible(
        () => latest.current.ask(),
        everyMs,
        () => latest.current.wanted(),
        document,
      ),
    [everyMs],
  );
}
