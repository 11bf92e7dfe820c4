// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useId, useState } from 'preact/hooks';
import { ApiError, fetchInvitation, joinSession, requestReturn, returnStatus } from '../api';
import { errorText, loc, t, type MessageKey } from '../i18n';
import { fragment, navigate } from '../router';
import { loadMembership, loadPreference, saveMembership, savePreference } from '../storage';
import type { Invitation, ReturnTicket } from '../types';
import { Shell } from './Shell';

const joinErrors: Record<string, MessageKey> = {
  group_full: 'join.full',
  name_taken: 'join.nameTaken',
  unauthorized: 'join.invalid',
  session_finished: 'join.finished',
  no_place_to_claim: 'join.noPlace',
  member_name: 'join.memberName',
  member_place: 'join.memberPlace',
};

function refusal(err: unknown): string {
  const e = err instanceof ApiError ? err : new ApiError(0, 'unknown', '');
  return joinErrors[e.code] ? t(joinErrors[e.code]) : errorText(e.code, e.message);
}

function goIn(id: string) {
  // Replace the URL, so the join token leaves the address bar and the history.
  navigate(`/s/${encodeURIComponent(id)}`, true);
}

/** A request to come back, kept on this device so a reload goes on waiting. */
type Kept = ReturnTicket & { name: string };
const ticketKey = (id: string) => `return.${id}`;

/** Join on a phone: the meeting's name and who invited, a name and the ground rules, in. */
export function JoinPage({ id }: { id: string }) {
  const [joinToken] = useState(fragment);
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [loadError, setLoadError] = useState('');
  const [ticket, setTicket] = useState<Kept | null>(() => loadPreference<Kept>(ticketKey(id)));

  useEffect(() => {
    document.title = `${t('join.title')} — ${t('app.name')}`;
    // Already in this session on this device: straight back in.
    if (loadMembership(id)) {
      goIn(id);
      return;
    }
    if (!joinToken) return;
    fetchInvitation(id, joinToken)
      .then((inv) => {
        setInvitation(inv);
        document.title = `${inv.title} — ${t('app.name')}`;
      })
      .catch((err) => setLoadError(refusal(err)));
  }, [id]);

  const wait = (next: ReturnTicket, name: string) => {
    const kept = { ...next, name };
    savePreference(ticketKey(id), kept);
    setTicket(kept);
  };
  const stopWaiting = () => {
    savePreference(ticketKey(id), null);
    setTicket(null);
  };

  if (ticket) return <Waiting id={id} ticket={ticket} invitation={invitation} onDone={stopWaiting} />;
  if (!joinToken || loadError) {
    return (
      <Shell>
        <div class="page narrow">
          <h1>{t('join.title')}</h1>
          <p class="error-note" role="alert">
            {loadError || t('join.missingToken')}
          </p>
        </div>
      </Shell>
    );
  }
  if (!invitation) {
    return (
      <Shell>
        <div class="page narrow">
          <p class="muted">{t('common.loading')}</p>
        </div>
      </Shell>
    );
  }
  if (invitation.phase === 'finished') {
    return (
      <Shell title={invitation.title}>
        <div class="page narrow">
          <h1>{invitation.title}</h1>
          <p class="notice" role="status">
            {t('join.finished')}
          </p>
        </div>
      </Shell>
    );
  }
  return <JoinForm id={id} joinToken={joinToken} invitation={invitation} onWait={wait} />;
}

function JoinForm({
  id,
  joinToken,
  invitation,
  onWait,
}: {
  id: string;
  joinToken: string;
  invitation: Invitation;
  onWait: (t: ReturnTicket, name: string) => void;
}) {
  const [name, setName] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [full, setFull] = useState(false);
  /** The name belongs to someone already in: is this them, coming back? */
  const [claimable, setClaimable] = useState<{ id: number; name: string } | null>(null);
  const nameId = useId();
  const agreeId = useId();
  const invitedBy = invitation.invited_by;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!agreed) {
      setError(t('join.mustAgree'));
      return;
    }
    setBusy(true);
    setError('');
    try {
      const r = await joinSession(id, joinToken, name.trim());
      saveMembership(id, { participantId: r.participant_id, token: r.token });
      goIn(id);
    } catch (err) {
      const code = err instanceof ApiError ? err.code : 'unknown';
      setBusy(false);
      if (code === 'place_without_device' || code === 'name_taken') {
        const wanted = name.trim().toLowerCase();
        const same = invitation.participants.find((p) => p.name.trim().toLowerCase() === wanted);
        if (same) {
          setClaimable({ id: same.id, name: same.name });
          return;
        }
      }
      setFull(code === 'group_full');
      setError(refusal(err));
    }
  };

  const comeBack = async (who: { id: number; name: string }) => {
    setBusy(true);
    setError('');
    try {
      onWait(await requestReturn(id, joinToken, who.id), who.name);
    } catch (err) {
      setBusy(false);
      setError(refusal(err));
    }
  };

  if (full) {
    return (
      <Shell title={invitation.title}>
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
      <Shell title={invitation.title}>
        <div class="page narrow">
          <h1>{t('join.claimTitle', { name: claimable.name })}</h1>
          <p class="lead">{t('join.claimLead', { name: claimable.name, facilitator: invitedBy })}</p>
          <p class="error-note" role="alert" hidden={!error}>
            {error}
          </p>
          <div class="actions">
            <button type="button" class="btn btn-primary" disabled={busy} onClick={() => void comeBack(claimable)}>
              {busy ? t('start.busy') : t('join.claim', { name: claimable.name })}
            </button>
            <button
              type="button"
              class="btn btn-secondary"
              disabled={busy}
              onClick={() => {
                setClaimable(null);
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
    <Shell title={invitation.title}>
      <div class="page narrow">
        <p class="kicker">{t('join.kicker', { method: loc(invitation.method.name) })}</p>
        <h1>{invitation.title}</h1>
        <p class="lead">{t('join.invitedBy', { name: invitedBy })}</p>
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
              <input
                id={agreeId}
                type="checkbox"
                checked={agreed}
                onChange={(e) => setAgreed((e.currentTarget as HTMLInputElement).checked)}
              />
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
        {invitation.participants.length > 0 && (
          <section class="come-back" aria-labelledby="back-title">
            <h2 id="back-title">{t('join.backTitle')}</h2>
            <p class="hint">{t('join.backLead', { name: invitedBy })}</p>
            <ul class="come-back-names">
              {invitation.participants.map((p) => (
                <li key={p.id}>
                  <button type="button" class="btn btn-secondary" disabled={busy} onClick={() => void comeBack(p)}>
                    {t('join.iAm', { name: p.name })}
                  </button>
                  {!p.device ? (
                    <span class="hint"> {t('join.noDeviceYet')}</span>
                  ) : !p.connected ? (
                    <span class="hint"> {t('join.away')}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </Shell>
  );
}

/** Waiting to be let in: someone in the group confirms with one tap. */
function Waiting({
  id,
  ticket,
  invitation,
  onDone,
}: {
  id: string;
  ticket: Kept;
  invitation: Invitation | null;
  onDone: () => void;
}) {
  const [status, setStatus] = useState<ReturnTicket['status']>(ticket.status);
  const [trouble, setTrouble] = useState('');
  useEffect(() => {
    let stopped = false;
    let timer = 0;
    const poll = async () => {
      try {
        const r = await returnStatus(id, ticket);
        if (stopped) return;
        setTrouble('');
        setStatus(r.status);
        if (r.status === 'admitted') {
          saveMembership(id, { participantId: ticket.participant_id, token: ticket.token });
          onDone();
          goIn(id);
          return;
        }
        if (r.status === 'declined') return;
      } catch (err) {
        if (stopped) return;
        if (err instanceof ApiError && err.status === 401) {
          setStatus('declined');
          return;
        }
        setTrouble(t('err.offline'));
      }
      timer = window.setTimeout(() => void poll(), 1500);
    };
    void poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [id, ticket.request]);
  const facilitator = invitation?.invited_by ?? '';
  const returningFacilitator =
    !!invitation && invitation.participants.find((p) => p.id === ticket.participant_id)?.name === facilitator;
  return (
    <Shell title={invitation?.title}>
      <div class="page narrow">
        {status === 'declined' ? (
          <>
            <h1>{t('return.declinedTitle')}</h1>
            <p class="lead">{t('return.declinedLead', { name: ticket.name })}</p>
            <p class="actions">
              <button type="button" class="btn btn-secondary" onClick={onDone}>
                {t('return.again')}
              </button>
            </p>
          </>
        ) : (
          <>
            <h1>{t('return.waitTitle', { name: ticket.name })}</h1>
            <p class="lead" role="status">
              {returningFacilitator || !facilitator
                ? t('return.waitGroup')
                : t('return.waitLead', { name: facilitator })}
            </p>
            {trouble && <p class="hint">{trouble}</p>}
            <p class="actions">
              <button type="button" class="btn btn-quiet" onClick={onDone}>
                {t('return.cancel')}
              </button>
            </p>
          </>
        )}
      </div>
    </Shell>
  );
}
