// SPDX-License-Identifier: EUPL-1.2
// One-laptop mode, as a per-session preference of this device, and the switch into it.

import { useEffect, useId, useState } from 'preact/hooks';
import { t } from '../i18n';
import { loadPreference, savePreference } from '../storage';
import { useSession } from './session';

const listeners = new Set<() => void>();

export function useConsoleMode(scope: string): [boolean, (on: boolean) => void] {
  const key = `console.${scope}`;
  const [on, setOn] = useState(() => loadPreference<boolean>(key) === true);
  useEffect(() => {
    const update = () => setOn(loadPreference<boolean>(key) === true);
    listeners.add(update);
    return () => void listeners.delete(update);
  }, [key]);
  const set = (value: boolean) => {
    savePreference(key, value ? true : null);
    for (const fn of listeners) fn();
    window.scrollTo(0, 0);
  };
  return [on, set];
}

/** The switch into one-laptop mode, in the facilitator's settings. */
export function ConsoleToggle() {
  const { scope } = useSession();
  const [, setOn] = useConsoleMode(scope);
  const id = useId();
  return (
    <div class="console-toggle">
      <button type="button" class="btn btn-secondary" aria-describedby={`${id}-hint`} onClick={() => setOn(true)}>
        {t('console.open')}
      </button>
      <p class="hint" id={`${id}-hint`}>
        {t('console.openHint')}
      </p>
    </div>
  );
}
