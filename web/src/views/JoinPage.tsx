import { useEffect, useId, useState } from 'preact/hooks';
import { ApiError, joinSession } from '../api';
import { errorText, t, type MessageKey } from '../i18n';
import { fragment, navigate } from '../router';
import { loadMembership, saveMembership } from '../storage';
import { Shell } from './Shell';

const joinErrors: Record<string, MessageKey> = {
  group_full: 'join.full',
  name_taken: 'join.nameTaken',
  unauthorized: 'join.invalid',
  session_finished: 'join.finished',
  no_place_to_claim: 'join.noPlace',
};

/** Join on a phone: a name, the ground rules, in. */
export function JoinPage({ id }: { id: string }) {
  const [joinToken] = useState(fragment);
  const [name, setName] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [full, setFull] = useState(false);
  /** The name belongs to a place the facilitator made: is this that person? */
  const [claimable, setClaimable] = useState('');
  const nameId = useId();
  const agreeId = useId();

  useEffect(() => {
    document.title = `${t('join.title')} — ${t('app.name')}`;
    // Already in this session on this device: straight back in.
    if (loadMembership(id)) navigate(`/s/${encodeURIComponent(id)}`, true);
  }, [id]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!agreed) {
      setError(t('join.mustAgree'));
      return;
    }
    await join(false);
  };

  const join = async (claim: boolean) => {
    setBusy(true);
    setError('');
    try {
      const r = await joinSession(id, joinToken, name.trim(), claim);
      saveMembership(id, { participantId: r.participant_id, token: r.token });
      // Replace the URL, so the join token leaves the address bar and the history.
      navigate(`/s/${encodeURIComponent(id)}`, true);
    } catch (err) {
      const e2 = err instanceof ApiError ? err : new ApiError(0, 'unknown', '');
      setBusy(false);
      if (e2.code === 'place_without_device') {
        setClaimable(name.trim());
        return;
      }
      setClaimable('');
      const key = joinErrors[e2.code];
      setFull(e2.code === 'group_full');
      setError(key ? t(key) : errorText(e2.code, e2.message));
    }
  };

  if (!joinToken) {
    return (
      <Shell>
        <div class="page narrow">
          <h1>{t('join.title')}</h1>
          <p class="error-note" role="alert">
            {t('join.missingToken')}
          </p>
        </div>
      </Shell>
    );
  }

  if (full) {
    return (
      <Shell>
        <div class="page narrow">
          <h1>{t('join.fullTitle')}</h1>
          <p class="notice" role="alert">
            {error}
          </p>
        </div>
      </Shell>
    );
  }

  if (claimable) {
    return (
      <Shell>
        <div class="page narrow">
          <h1>{t('join.claimTitle', { name: claimable })}</h1>
          <p class="lead">{t('join.claimLead', { name: claimable })}</p>
          <p class="error-note" role="alert" hidden={!error}>
            {error}
          </p>
          <div class="actions">
            <button type="button" class="btn btn-primary" disabled={busy} onClick={() => void join(true)}>
              {busy ? t('start.busy') : t('join.claim', { name: claimable })}
            </button>
            <button
              type="button"
              class="btn btn-secondary"
              disabled={busy}
              onClick={() => {
                setClaimable('');
                setError(t('join.otherName'));
              }}
            >
              {t('join.notMe')}
            </button>
          </div>
        </div>
      </Shell>
    );
  }

  return (
    <Shell>
      <div class="page narrow">
        <h1>{t('join.title')}</h1>
        <p class="lead">{t('join.lead')}</p>
        <form onSubmit={submit} noValidate>
          <div class="field">
            <label for={nameId}>{t('join.nameLabel')}</label>
            <p class="hint" id={`${nameId}-hint`}>
              {t('join.nameHint')}
            </p>
            <input
              id={nameId}
              type="text"
              required
              maxLength={60}
              autoComplete="given-name"
              value={name}
              aria-describedby={`${nameId}-hint`}
              onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
          <section class="ground-rules" aria-labelledby="rules-title">
            <h2 id="rules-title">{t('join.rulesTitle')}</h2>
            <ul>
              <li>{t('join.rule.confidential')}</li>
              <li>{t('join.rule.voluntary')}</li>
              <li>{t('join.rule.boundaries')}</li>
              <li>{t('join.rule.disturbance')}</li>
            </ul>
            <div class="check">
              <input id={agreeId} type="checkbox" checked={agreed} onChange={(e) => setAgreed((e.currentTarget as HTMLInputElement).checked)} />
              <label for={agreeId}>{t('join.agree')}</label>
            </div>
          </section>
          <p class="error-note" role="alert" hidden={!error}>
            {error}
          </p>
          <div class="actions">
            <button type="submit" class="btn btn-primary" disabled={busy || !name.trim() || !agreed}>
              {busy ? t('start.busy') : t('join.submit')}
            </button>
          </div>
        </form>
      </div>
    </Shell>
  );
}
