import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../i18n';
import { LiveSession, type LinkStatus, type LiveView } from '../live';
import { loadMembership, type Membership } from '../storage';
import { Session, useSession, type SessionCtx } from '../components/common';
import { DisturbanceBanner, StepHeader } from '../components/StepHeader';
import { YourPart } from '../components/YourPart';
import { FacilitatorPanel } from '../components/FacilitatorPanel';
import { FlipChart } from '../components/FlipChart';
import { DisturbanceControl, Group, Lobby, PresenterNotes, ResolveDisturbance, ResumeButton } from '../components/Side';
import { Shell } from './Shell';

export function useLive(id: string, token: string | null): LiveView & { live: LiveSession | null } {
  const live = useMemo(() => (token ? new LiveSession(id, token) : null), [id, token]);
  const [view, setView] = useState<LiveView>(() => live?.current ?? { state: null, status: 'connecting', receivedAt: 0 });
  useEffect(() => {
    if (!live) return;
    const off = live.subscribe(setView);
    return () => {
      off();
      live.close();
    };
  }, [live]);
  return { ...view, live };
}

export function LinkBadge({ status }: { status: LinkStatus }) {
  const text = status === 'online' ? t('conn.online') : status === 'offline' ? t('conn.offline') : status === 'denied' ? '' : t('conn.connecting');
  return (
    <p class={`link-badge link-${status}`} role="status">
      <span class="dot" aria-hidden="true" />
      <span class={status === 'online' ? 'visually-hidden' : ''}>{text}</span>
    </p>
  );
}

export function NotMember() {
  return (
    <Shell>
      <div class="page narrow">
        <h1>{t('session.unknownTitle')}</h1>
        <p class="lead">{t('session.unknown')}</p>
        <p>
          <a href="/">{t('session.toStart')}</a>
        </p>
      </div>
    </Shell>
  );
}

/** The participant's live page: everyone, in every role, sees this page. */
export function SessionPage({ id }: { id: string }) {
  const membership = useMemo(() => loadMembership(id), [id]);
  const { state, status, receivedAt, live } = useLive(id, membership?.token ?? null);

  useEffect(() => {
    document.title = state ? `${state.title} — ${t('app.name')}` : t('app.name');
  }, [state?.title]);

  if (!membership || status === 'denied') return <NotMember />;
  if (!state || !live) {
    return (
      <Shell status={<LinkBadge status={status} />}>
        <div class="page">
          <p class="muted">{t('common.loading')}</p>
        </div>
      </Shell>
    );
  }
  const ctx: SessionCtx = { s: state, me: state.you.id, scope: id, send: (c) => live.send(c), canAct: true };
  return (
    <Session.Provider value={ctx}>
      <SessionLayout membership={membership} status={status} receivedAt={receivedAt} />
    </Session.Provider>
  );
}

function SessionLayout({ membership, status, receivedAt }: { membership: Membership; status: LinkStatus; receivedAt: number }) {
  const { s, me, scope } = useSession();
  const facilitating = s.facilitator === me;
  const presenting = s.presenter === me;
  const listening = s.step?.kind === 'gossip' && presenting && !s.step.gossip_closed;
  return (
    <Shell
      title={s.title}
      status={<LinkBadge status={status} />}
      tools={<DisturbanceControl />}
      below={
        <DisturbanceBanner s={s}>
          {s.disturbance ? <ResolveDisturbance /> : <ResumeButton />}
        </DisturbanceBanner>
      }
    >
      <div class="page session">
        <StepHeader s={s} receivedAt={receivedAt} />
        <div class="columns">
          <div class="col-main">
            {s.phase === 'lobby' && <Lobby membership={membership} />}
            {s.phase === 'running' && <YourPart />}
            {s.phase === 'finished' && <Finished id={scope} presenting={presenting} />}
            {facilitating && <FacilitatorPanel joinUrl={membership.joinUrl} />}
            {!listening && s.phase !== 'lobby' && <FlipChart s={s} />}
          </div>
          <div class="col-side">
            <Group />
            {presenting && s.phase === 'running' && !listening && <PresenterNotes />}
          </div>
        </div>
      </div>
    </Shell>
  );
}

function Finished({ id, presenting }: { id: string; presenting: boolean }) {
  return (
    <section class="your-part finished" aria-labelledby="fin-title">
      <h2 id="fin-title">{t('fin.title')}</h2>
      <p class="lead">{t('fin.lead')}</p>
      {presenting ? (
        <>
          <p>{t('fin.presenter')}</p>
          <p>
            <a class="btn btn-primary" href={`/s/${encodeURIComponent(id)}/report`}>
              {t('fin.openReport')}
            </a>
          </p>
        </>
      ) : (
        <p class="hint">{t('fin.others')}</p>
      )}
    </section>
  );
}
