import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../i18n';
import { fragment } from '../router';
import { Session, type SessionCtx } from '../components/common';
import { DisturbanceBanner, StepHeader } from '../components/StepHeader';
import { FlipChart } from '../components/FlipChart';
import { LinkBadge, NotMember, useLive } from './SessionPage';
import { Shell } from './Shell';

/** The flip chart on the wall: large, live, read-only. */
export function BeamerPage({ id }: { id: string }) {
  const [token] = useState(fragment);
  const { state, status, receivedAt } = useLive(id, token || null);
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
  if (!state || !ctx) {
    return (
      <Shell wide status={<LinkBadge status={status} />}>
        <div class="page">
          <p class="muted">{t('common.loading')}</p>
        </div>
      </Shell>
    );
  }
  const online = state.participants.filter((p) => state.connected.includes(p.id));
  return (
    <Session.Provider value={ctx}>
      <Shell wide title={state.title} status={<LinkBadge status={status} />} below={<DisturbanceBanner s={state} />}>
        <div class="page beamer-page">
          <StepHeader s={state} receivedAt={receivedAt} big />
          {state.phase === 'lobby' ? (
            <section class="beamer-lobby" aria-labelledby="beamer-group">
              <h2 id="beamer-group">{t('beamer.waiting')}</h2>
              <ul class="beamer-names">
                {state.participants.map((p) => (
                  <li key={p.id} class={online.includes(p) ? 'online' : ''}>
                    {p.name}
                  </li>
                ))}
              </ul>
            </section>
          ) : (
            <FlipChart s={state} beamer />
          )}
        </div>
      </Shell>
    </Session.Provider>
  );
}
