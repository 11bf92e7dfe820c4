// SPDX-License-Identifier: EUPL-1.2
// Small building blocks of the group pages: a page frame with its one-sentence purpose, labelled
// fields with their own error, a live result line, a copy field, and running a request.

import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { gt, keyText as keyTextOf, refusalText } from '../../i18n/groups';
import { GroupApiError } from '../../groups/api';
import { useMe } from '../../groups/me';
import { Shell } from '../Shell';

/** The frame of every group page: the title as h1 (focused after navigation) and what the page is for. */
export function Page({
  title,
  lead,
  children,
  wide,
}: {
  title: string;
  lead: string;
  children: ComponentChildren;
  wide?: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [title]);
  useEffect(() => {
    // After a navigation a screen reader starts at the new page's name.
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <Shell tools={<Nav />}>
      <div class={`page ${wide ? 'groups-page' : 'narrow'}`}>
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        <p class="lead">{lead}</p>
        {children}
      </div>
    </Shell>
  );
}

/**
 * The header's ways on, as the login stands now: logging in, out or deleting the account
 * changes them at once (they listen to the shared login state), without a reload.
 */
function Nav() {
  const { me } = useMe();
  // While the server is asked, nothing: a link that then changes would only mislead.
  if (me === undefined) return null;
  const here = location.pathname;
  const link = (href: string, text: string) => (
    <a href={href} aria-current={here === href ? 'page' : undefined}>
      {text}
    </a>
  );
  return (
    <nav class="groups-nav" aria-label={gt('nav.label')}>
      {me ? link('/groepen', gt('nav.groups')) : link('/inloggen', gt('nav.login'))}
      {me ? link('/account', gt('nav.account')) : link('/account-maken', gt('nav.signup'))}
    </nav>
  );
}

/** A page that could not be shown: a calm sentence and, where it helps, a way on. */
export function Problem({ title, text, children }: { title: string; text: string; children?: ComponentChildren }) {
  return (
    <Page title={title} lead={text}>
      {children}
    </Page>
  );
}

export function Loading() {
  return (
    <Shell tools={<Nav />}>
      <div class="page narrow">
        <p class="muted" role="status">
          {t('common.loading')}
        </p>
      </div>
    </Shell>
  );
}

export function errorOf(err: unknown): GroupApiError {
  return err instanceof GroupApiError ? err : new GroupApiError(0, 'unknown', '');
}

export function messageOf(err: unknown): string {
  const e = errorOf(err);
  return refusalText(e.code, e.message, e.messageNl);
}

/** A labelled input with its hint and its own error, tied together for screen readers. */
export function Field({
  label,
  hint,
  error,
  type = 'text',
  value,
  onInput,
  autoComplete,
  required,
  maxLength,
  min,
  max,
  step,
  inputMode,
  id: givenId,
}: {
  label: string;
  hint?: string;
  error?: string;
  type?: 'text' | 'email' | 'password' | 'number' | 'url';
  value: string;
  onInput: (v: string) => void;
  autoComplete?: string;
  required?: boolean;
  maxLength?: number;
  min?: string | number;
  max?: string | number;
  step?: number;
  inputMode?: 'numeric' | 'email' | 'url';
  id?: string;
}) {
  const ownId = useId();
  const id = givenId ?? ownId;
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input
        id={id}
        // Preact's types tie other attributes to one literal type; this field takes several.
        {...({ type } as { type: 'text' })}
        value={value}
        required={required}
        maxLength={maxLength}
        min={min}
        max={max}
        step={step}
        inputMode={inputMode}
        autoComplete={autoComplete}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described || undefined}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
      />
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A result said once, politely, to screen readers and eyes alike. */
export function Result({ text }: { text: string }) {
  return (
    <p class="result" role="status" aria-live="polite">
      {text}
    </p>
  );
}

export function FormError({ text }: { text: string }) {
  return (
    <p class="error-note" role="alert" hidden={!text}>
      {text}
    </p>
  );
}

/** Run one request at a time: busy while it runs, its refusal as text. */
export function useRequest() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = async <T,>(fn: () => Promise<T>): Promise<T | null> => {
    setBusy(true);
    setError('');
    try {
      return await fn();
    } catch (err) {
      setError(messageOf(err));
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}

/** A read-only link with a copy button; the result is said aloud. */
export function CopyField({ label, hint, value }: { label: string; hint?: string; value: string }) {
  const id = useId();
  const [said, setSaid] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setSaid(gt('common.copied'));
    } catch {
      (document.getElementById(id) as HTMLInputElement | null)?.select();
      setSaid(gt('common.copyFailed'));
    }
  };
  return (
    <div class="field copy-field">
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div class="copy-row">
        <input
          id={id}
          type="text"
          readOnly
          value={value}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onFocus={(e) => (e.currentTarget as HTMLInputElement).select()}
        />
        <button type="button" class="btn btn-secondary" onClick={copy}>
          {gt('common.copy')}
        </button>
      </div>
      <p class="hint" role="status" aria-live="polite">
        {said}
      </p>
    </div>
  );
}

/** The conditions, the fixed ground rules and the group's own, as one readable block. */
export function RulesList({
  conditions,
  rules,
  own,
  headingLevel = 2,
}: {
  conditions: string[];
  rules: string[];
  own: string[];
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <section class="ground-rules rules-block" aria-labelledby="rules-title">
      <H id="rules-title">{gt('group.rules')}</H>
      <Sub>{gt('group.conditions')}</Sub>
      <ul>
        {conditions.map((c) => (
          <li key={c}>{keyTextOf('cond', c)}</li>
        ))}
      </ul>
      <Sub>{gt('group.groundRules')}</Sub>
      <ul>
        {rules.map((r) => (
          <li key={r}>{keyTextOf('rule', r)}</li>
        ))}
      </ul>
      {own.length > 0 && (
        <>
          <Sub>{gt('group.ownRules')}</Sub>
          <ul>
            {own.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** A person's name as the group knows them; erased people are "oud-lid". */
export function nameOf(p: { display_name: string } | null | undefined): string {
  return p?.display_name || gt('common.formerMember');
}

/** Focus an element once it is shown, e.g. the first field of a form that just opened. */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}
