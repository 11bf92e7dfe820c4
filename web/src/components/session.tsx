// SPDX-License-Identifier: EUPL-1.2
// The live session as the components see it: the state, who "me" is, and how to send a
// command. A leaf module: components import it, it imports no component.

import { createContext } from 'preact';
import { useContext, useState } from 'preact/hooks';
import { errorText } from '../i18n';
import type { CommandResult } from '../live';
import type { Command, SessionState } from '../types';

export interface SessionCtx {
  s: SessionState;
  me: number;
  scope: string;
  send: (c: Command) => Promise<CommandResult>;
  /** false on the beamer: nothing may be sent. */
  canAct: boolean;
}

export const Session = createContext<SessionCtx | null>(null);

export function useSession(): SessionCtx {
  const ctx = useContext(Session);
  if (!ctx) throw new Error('useSession outside a session');
  return ctx;
}

export function nameOf(s: SessionState, id: number | null | undefined): string {
  if (id === null || id === undefined) return '';
  return s.participants.find((p) => p.id === id)?.name ?? `#${id}`;
}

/** Send a command; keep the button busy until its effect is on screen; show a refusal. */
export function useCommand(): {
  run: (c: Command, onOk?: () => void) => Promise<CommandResult>;
  busy: boolean;
  error: string;
  clearError: () => void;
} {
  const { send } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = async (c: Command, onOk?: () => void) => {
    setBusy(true);
    setError('');
    const r = await send(c);
    setBusy(false);
    if (r.ok) onOk?.();
    else setError(errorText(r.code, r.message));
    return r;
  };
  return { run, busy, error, clearError: () => setError('') };
}
