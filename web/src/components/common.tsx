import { createContext, type ComponentChildren } from 'preact';
import { useContext, useState, useId } from 'preact/hooks';
import { errorText, t, type MessageKey } from '../i18n';
import type { CommandResult } from '../live';
import type { Command, Participant, RoleName, SessionState } from '../types';
import { useDraft } from '../storage';
import { CoachNote, useWordingCoach, type CoachFor } from './Coach';

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

export function hasRole(s: SessionState, id: number, role: RoleName): boolean {
  const p: Participant | undefined = s.participants.find((x) => x.id === id);
  return !!p && p.roles.includes(role);
}

export { isAdviser } from '../people';

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

export function ErrorNote({ text }: { text: string }) {
  return (
    <p class="error-note" role="alert" hidden={!text}>
      {text}
    </p>
  );
}

export function Lead({ children }: { children: ComponentChildren }) {
  return <p class="lead">{children}</p>;
}

interface DraftFieldProps {
  name: string;
  label: string;
  hint?: string;
  rows?: number;
  initial?: string;
  prefix?: string;
  /** The wording coach's hints under the field, while the session has them on. */
  coach?: CoachFor;
  children: (value: string, clear: () => void) => ComponentChildren;
}

/** A labelled text area, controlled by its owner. */
export function TextField({
  id: givenId,
  label,
  hint,
  prefix,
  rows = 3,
  value,
  onInput,
  describedBy,
}: {
  id?: string;
  label: string;
  hint?: string;
  prefix?: string;
  rows?: number;
  value: string;
  onInput: (v: string) => void;
  /** One more element that describes the field (the coach's note). */
  describedBy?: string;
}) {
  const ownId = useId();
  const id = givenId ?? ownId;
  const described = [hint ? `${id}-hint` : '', prefix ? `${id}-prefix` : '', describedBy ?? ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {prefix && (
        <p class="prefix" id={`${id}-prefix`}>
          {prefix}
        </p>
      )}
      <textarea
        id={id}
        rows={rows}
        maxLength={4000}
        value={value}
        aria-describedby={described || undefined}
        onInput={(e) => onInput((e.currentTarget as HTMLTextAreaElement).value)}
      />
    </div>
  );
}

/** A labelled text area whose text survives reloads until it is sent. */
export function DraftField({ name, label, hint, rows = 3, initial = '', prefix, coach, children }: DraftFieldProps) {
  const { s, scope } = useSession();
  const id = useId();
  const [value, setValue, clear] = useDraft(scope, name, initial);
  const coached = useWordingCoach(coach, value, s.coach_hints !== false);
  const actions = children(value, clear);
  const coachId = `${id}-coach`;
  // Take the advice as the record will keep it into the field, to edit the whole sentence.
  const takeRewrite = async () => {
    const verdict = await coached.fresh(value);
    const rewrite = verdict?.hints.find((h) => h.check === 'advice_opener')?.rewrite;
    if (!rewrite) return;
    setValue(rewrite);
    coached.clear();
    const field = document.getElementById(id) as HTMLTextAreaElement | null;
    window.setTimeout(() => {
      field?.focus();
      field?.setSelectionRange(rewrite.length, rewrite.length);
    });
  };
  return (
    <div class="draft">
      <TextField id={id} label={label} hint={hint} prefix={prefix} rows={rows} value={value} onInput={setValue} describedBy={coach ? coachId : undefined} />
      {coach && <CoachNote id={coachId} verdict={coached.result?.verdict ?? null} addsOpener={!!coach.addsOpener} onRewrite={() => void takeRewrite()} />}
      {actions && <div class="actions">{actions}</div>}
    </div>
  );
}

export function Button({
  onClick,
  busy,
  kind = 'primary',
  disabled,
  children,
  label,
  big,
  keys,
}: {
  onClick: () => void;
  busy?: boolean;
  kind?: 'primary' | 'secondary' | 'quiet' | 'danger';
  disabled?: boolean;
  children: ComponentChildren;
  label?: string;
  /** The one-tap button of a spoken step. */
  big?: boolean;
  /** aria-keyshortcuts, where a single key does the same. */
  keys?: string;
}) {
  return (
    <button
      type="button"
      class={`btn btn-${kind}${big ? ' btn-big' : ''}`}
      aria-keyshortcuts={keys}
      disabled={disabled || busy}
      aria-busy={busy ? 'true' : undefined}
      aria-label={label}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

export function roleLabel(role: RoleName): string {
  const keys: Record<RoleName, MessageKey> = {
    facilitator: 'role.facilitator',
    presenter: 'role.presenter',
    adviser: 'role.adviser',
    scribe: 'role.scribe',
  };
  return t(keys[role]);
}

/** Pick a participant, then do something with them. */
export function PersonPicker({
  label,
  people,
  action,
  onPick,
  busy,
}: {
  label: string;
  people: Participant[];
  action: string;
  onPick: (id: number) => void;
  busy?: boolean;
}) {
  const id = useId();
  const [picked, setPicked] = useState<number>(0);
  return (
    <div class="picker">
      <label for={id}>{label}</label>
      <div class="picker-row">
        <select id={id} value={String(picked)} onChange={(e) => setPicked(Number((e.currentTarget as HTMLSelectElement).value))}>
          <option value="0">{t('form.choose')}</option>
          {people.map((p) => (
            <option key={p.id} value={String(p.id)}>
              {p.name}
            </option>
          ))}
        </select>
        <Button kind="secondary" busy={busy} disabled={!picked} onClick={() => picked && onPick(picked)}>
          {action}
        </Button>
      </div>
    </div>
  );
}

export function formatClock(ms: number): string {
  const total = Math.round(Math.abs(ms) / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
