// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useId, useState } from 'preact/hooks';
import { ApiError, createSession, fetchMethods, lookUpCode } from '../api';
import { errorText, loc, t } from '../i18n';
import { navigate } from '../router';
import { aboutDuration } from '../format';
import { saveMembership } from '../storage';
import type { CatalogMethod } from '../types';
import { Shell } from './Shell';

/** A participant's way in: the six digits the beamer shows. */
function JoinWithCode() {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const id = useId();
  const digits = code.replace(/\D/g, '');
  const submit = async (e: Event) => {
    e.preventDefault();
    if (digits.length !== 6) {
      setError(t('code.sixDigits'));
      return;
    }
    setBusy(true);
    setError('');
    try {
      const r = await lookUpCode(digits);
      navigate(`/join/${encodeURIComponent(r.session_id)}#${encodeURIComponent(r.join_token)}`);
    } catch (err) {
      const e2 = err instanceof ApiError ? err : new ApiError(0, 'unknown', '');
      setError(
        e2.code === 'unknown_code'
          ? t('code.unknown')
          : e2.code === 'rate_limited'
            ? t('code.slowDown')
            : errorText(e2.code, e2.message),
      );
      setBusy(false);
    }
  };
  return (
    <section class="join-with-code" aria-labelledby="code-title">
      <h2 id="code-title">{t('code.title')}</h2>
      <form onSubmit={submit} noValidate>
        <div class="field">
          <label for={id}>{t('code.label')}</label>
          <p class="hint" id={`${id}-hint`}>
            {t('code.hint')}
          </p>
          <div class="picker-row">
            <input
              id={id}
              class="code-input"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={7}
              value={code}
              aria-describedby={`${id}-hint`}
              onInput={(e) => setCode((e.currentTarget as HTMLInputElement).value)}
            />
            <button type="submit" class="btn btn-primary" disabled={busy || digits.length !== 6}>
              {busy ? t('start.busy') : t('code.submit')}
            </button>
          </div>
        </div>
        <p class="error-note" role="alert" hidden={!error}>
          {error}
        </p>
      </form>
    </section>
  );
}

/** Start a meeting: pick a method, give a title and your name, become the facilitator. */
export function StartPage() {
  const [methods, setMethods] = useState<CatalogMethod[] | null>(null);
  const [loadError, setLoadError] = useState(false);
  const [method, setMethod] = useState('');
  const [title, setTitle] = useState('');
  const [name, setName] = useState('');
  const [external, setExternal] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const titleId = useId();
  const nameId = useId();
  const externalId = useId();

  useEffect(() => {
    document.title = `${t('start.title')} — ${t('app.name')}`;
    fetchMethods()
      .then((m) => {
        // The full method first: it is the one most groups start with.
        const order = ['incident', 'fresh-questioning', 'balint'];
        const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
        m.sort((a, b) => rank(a.id) - rank(b.id));
        setMethods(m);
      })
      .catch(() => setLoadError(true));
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!method) {
      setError(t('start.chooseMethod'));
      return;
    }
    setBusy(true);
    setError('');
    try {
      const r = await createSession({
        method,
        title: title.trim(),
        facilitator_name: name.trim(),
        facilitator_takes_turns: !external,
      });
      saveMembership(r.session_id, {
        participantId: r.participant_id,
        token: r.token,
        joinUrl: r.join_url,
        beamerUrl: r.beamer_url,
      });
      navigate(`/s/${encodeURIComponent(r.session_id)}`);
    } catch (err) {
      const e2 = err instanceof ApiError ? err : new ApiError(0, 'unknown', '');
      setError(errorText(e2.code, e2.message));
      setBusy(false);
    }
  };

  return (
    <Shell>
      <div class="page narrow">
        <JoinWithCode />
        <h1>{t('start.title')}</h1>
        <p class="lead">{t('start.lead')}</p>
        <form onSubmit={submit} noValidate>
          <fieldset class="methods">
            <legend>{t('start.methods')}</legend>
            {loadError && (
              <p class="error-note" role="alert">
                {t('start.loadFailed')}
              </p>
            )}
            {!methods && !loadError && <p class="muted">{t('common.loading')}</p>}
            {methods?.map((m) => (
              <label key={m.id} class={`method-card${method === m.id ? ' selected' : ''}`}>
                <input
                  type="radio"
                  name="method"
                  value={m.id}
                  checked={method === m.id}
                  onChange={() => setMethod(m.id)}
                />
                <span class="method-body">
                  <span class="method-name">{loc(m.name)}</span>
                  <span class="method-purpose">{loc(m.purpose)}</span>
                  <span class="method-facts">
                    {t('start.steps', { n: m.steps.length })} ·{' '}
                    {t('start.minutes', { n: aboutDuration(m.total_minutes) })}
                    {m.has_scribe ? ` · ${t('start.scribe')}` : ''}
                  </span>
                  <span class="method-steps">{m.steps.map((s) => loc(s.title)).join(' → ')}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <div class="field">
            <label for={titleId}>{t('start.titleLabel')}</label>
            <p class="hint" id={`${titleId}-hint`}>
              {t('start.titleHint')}
            </p>
            <input
              id={titleId}
              type="text"
              required
              maxLength={200}
              value={title}
              aria-describedby={`${titleId}-hint`}
              onInput={(e) => setTitle((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
          <div class="field">
            <label for={nameId}>{t('start.nameLabel')}</label>
            <input
              id={nameId}
              type="text"
              required
              maxLength={60}
              autoComplete="given-name"
              value={name}
              onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
          <div class="check">
            <input
              id={externalId}
              type="checkbox"
              checked={external}
              onChange={(e) => setExternal((e.currentTarget as HTMLInputElement).checked)}
            />
            <label for={externalId}>{t('start.external')}</label>
          </div>
          <p class="error-note" role="alert" hidden={!error}>
            {error}
          </p>
          <div class="actions">
            <button type="submit" class="btn btn-primary" disabled={busy || !title.trim() || !name.trim()}>
              {busy ? t('start.busy') : t('start.submit')}
            </button>
          </div>
        </form>
        <section class="start-groups" aria-labelledby="start-groups-title">
          <h2 id="start-groups-title">{t('start.groupsTitle')}</h2>
          <p>{t('start.groupsLead')}</p>
          <p class="actions">
            <a class="btn btn-secondary" href="/groepen">
              {t('start.myGroups')}
            </a>
            <a class="btn btn-quiet" href="/inloggen">
              {t('start.login')}
            </a>
            <a class="btn btn-quiet" href="/account-maken">
              {t('start.signup')}
            </a>
          </p>
        </section>
      </div>
    </Shell>
  );
}
