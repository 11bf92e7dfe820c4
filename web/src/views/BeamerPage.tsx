// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../i18n';
import { joinUrlFor, parseBeamerFragment, type BeamerKeys } from '../beamerLink';
import { loadBeamerKeys, saveBeamerKeys } from '../storage';
import { qrSrc } from '../components/links';
import { Session, type SessionCtx } from '../components/session';
import { DisturbanceBanner } from '../components/Disturbance';
import { StepCard } from '../components/StepCard';
import { WallBoard } from '../components/Wall';
import { spacedCode } from '../components/JoinInfo';
import type { SessionState } from '../types';
import { Crowded } from './Crowded';
import { LinkBadge, NotMember, useLive } from './SessionPage';
import { Shell } from './Shell';

/** The tokens from the link's fragment, or, after a reload, the ones this tab read before. */
function readKeys(id: string): BeamerKeys {
  const fromLink = parseBeamerFragment(location.hash);
  if (fromLink.beamer) {
    saveBeamerKeys(id, fromLink);
    return fromLink;
  }
  return loadBeamerKeys(id) ?? fromLink;
}

/** Before the start: how to get in (QR code and a short code), and who is here already. */
function WallLobby({ s, joinUrl }: { s: SessionState; joinUrl: string }) {
  const online = s.participants.filter((p) => s.connected.includes(p.id));
  return (
    <section
      class={`beamer-lobby${joinUrl ? ' with-qr' : ''}`}
      aria-labelledby={joinUrl ? 'beamer-invite' : 'beamer-group'}
    >
      <div class="beamer-lobby-text">
        {joinUrl && (
          <h2 id="beamer-invite" class="beamer-invite">
            {t('beamer.invite')}
          </h2>
        )}
        {s.join_code && (
          <p class="beamer-code">
            <span class="beamer-code-label">{t('beamer.orCode', { host: location.host })}</span>{' '}
            <strong class="join-code">{spacedCode(s.join_code)}</strong>
          </p>
        )}
        <h2 id="beamer-group" class="beamer-group">
          {t('beamer.waiting')}
        </h2>
        <ul class="beamer-names">
          {s.participants.map((p) => (
            <li key={p.id} class={online.includes(p) ? 'online' : ''}>
              {p.name}
            </li>
          ))}
        </ul>
      </div>
      {joinUrl && (
        <figure class="beamer-qr">
          <img src={qrSrc(joinUrl)} alt={t('lobby.qrAlt')} width={540} height={540} />
        </figure>
      )}
    </section>
  );
}

/** The flip chart on the wall: large, live, read-only, following the meeting. */
export function BeamerPage({ id }: { id: string }) {
  const [keys] = useState(() => readKeys(id));
  const token = keys.beamer;
  const joinUrl = keys.join ? joinUrlFor(location.origin, id, keys.join) : '';
  const { state, status, receivedAt, live } = useLive(id, token || null);
  useEffect(() => {
    // The tokens leave the address bar (and the history) once read, as on the join page.
    if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);
  }, []);
  useEffect(() => {
    document.documentElement.classList.add('beamer-mode');
    return () => document.documentElement.classList.remove('beamer-mode');
  }, []);
  useEffect(() => {
    document.title = state ? `${state.title} — ${t('beamer.title')}` : t('beamer.title');
  }, [state?.title]);
  const ctx: SessionCtx | null = useMemo(
    () =>
      state
        ? {
            s: state,
            me: 0,
            scope: `beamer.${id}`,
            send: async () => ({ ok: false, code: 'read_only', message: '' }),
            canAct: false,
          }
        : null,
    [state, id],
  );
  if (!token || status === 'denied') return <NotMember />;
  if (status === 'crowded' && live) return <Crowded wide onRetry={() => live.retry()} />;
  if (!state || !ctx) {
    return (
      <Shell wide status={<LinkBadge status={status} />}>
        <div class="page">
          <p class="muted">{t('common.loading')}</p>
        </div>
      </Shell>
    );
  }
  return (
    <Session.Provider value={ctx}>
      <Shell
        wide
        title={state.title}
        status={<LinkBadge status={status} />}
        below={<DisturbanceBanner s={state} wall />}
      >
        <div class="page beamer-page">
          {state.phase !== 'finished' && <StepCard s={state} receivedAt={receivedAt} big />}
          {state.phase === 'lobby' ? <WallLobby s={state} joinUrl={joinUrl} /> : <WallBoard s={state} />}
        </div>
      </Shell>
    </Session.Provider>
  );
}
