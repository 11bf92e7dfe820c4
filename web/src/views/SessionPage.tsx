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
import { ForOthers } from '../components/ForOthers';
import { KeyPoints } from '../components/KeyPoints';
import { ConsoleBoard, ConsoleStrip, useConsoleMode } from '../components/Console';
import { nameOf } from '../components/common';
import { hasDevice } from '../people';
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
  const [consoleMode, setConsoleMode] = useConsoleMode(scope);
  useEffect(() => {
    if (!(consoleMode && facilitating)) return;
    document.documentElement.classList.add('console-mode');
    return () => document.documentElement.classList.remove('console-mode');
  }, [consoleMode, facilitating]);
  if (consoleMode && facilitating) {
    return (
      <Shell
        wide
        title={s.title}
        status={<LinkBadge status={status} />}
        tools={<DisturbanceControl />}
        below={
          <DisturbanceBanner s={s}>
            {s.disturbance ? <ResolveDisturbance /> : <ResumeButton />}
          </DisturbanceBanner>
        }
      >
        <div class="page console-page">
          <ConsoleStrip receivedAt={receivedAt} onLeave={() => setConsoleMode(false)} />
          <ConsoleBoard membership={membership} />
        </div>
      </Shell>
    );
  }
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
            <ForOthers />
            <KeyPoints />
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
  const { s, me } = useSession();
  // A presenter without a device has no page of their own: the facilitator hands over the record.
  const forPresenter = s.facilitator === me && s.presenter !== null && !hasDevice(s, s.presenter);
  const href = `/s/${encodeURIComponent(id)}/report`;
  const hrefFor = `${href}?for=${encodeURIComponent(nameOf(s, s.presenter))}`;
  return (
    <section class="your-part finished" aria-labelledby="fin-title">
      <h2 id="fin-title">{t('fin.title')}</h2>
      <p class="lead">{t('fin.lead')}</p>
      {presenting ? (
        <>
          <p>{t('fin.presenter')}</p>
          <p>
            <a class="btn btn-primary" href={href}>
              {t('fin.openReport')}
            </a>
          </p>
        </>
      ) : forPresenter ? (
        <>
          <p>{t('fin.forPresenter', { name: nameOf(s, s.presenter) })}</p>
          <p>
            <a class="btn btn-primary" href={hrefFor}>
              {t('fin.openReportFor', { name: nameOf(s, s.presenter) })}
            </a>
          </p>
        </>
      ) : (
        <p class="hint">{t('fin.others')}</p>
      )}
    </section>
  );
}
