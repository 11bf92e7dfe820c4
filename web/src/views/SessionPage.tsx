// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { LiveSession, type LinkStatus, type LiveView } from '../live';
import { clearMembership, loadMembership, type Membership } from '../storage';
import { hasDevice } from '../may';
import { Session, nameOf, useSession, type SessionCtx } from '../components/session';
import { StepCard } from '../components/StepCard';
import { TurnBand } from '../components/TurnBand';
import { YourPart } from '../components/YourPart';
import { FacilitatorPanel } from '../components/FacilitatorPanel';
import { FacilitatorMenu } from '../components/FacilitatorMenu';
import { FlipChart } from '../components/FlipChart';
import { DisturbanceBanner, DisturbanceControl, ResolveDisturbance, ResumeButton } from '../components/Disturbance';
import { Group } from '../components/Group';
import { Lobby } from '../components/Lobby';
import { PresenterNotes } from '../components/PresenterNotes';
import { ReturnRequests } from '../components/Returns';
import { ForOthers } from '../components/ForOthers';
import { KeyPoints } from '../components/KeyPoints';
import { useConsoleMode } from '../components/ConsoleMode';
import { Crowded } from './Crowded';
import { Loading, lazyPart } from './lazy';
import { Shell } from './Shell';

// One-laptop mode is the facilitator's alone: it loads when she switches to it.
const ConsoleView = lazyPart(
  () => import('../components/Console').then((m) => m.ConsoleView),
  (failed) => <Loading failed={failed} />,
);

export function useLive(id: string, token: string | null): LiveView & { live: LiveSession | null } {
  const live = useMemo(() => (token ? new LiveSession(id, token) : null), [id, token]);
  const [view, setView] = useState<LiveView>(
    () => live?.current ?? { state: null, status: 'connecting', receivedAt: 0 },
  );
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
  const text =
    status === 'online'
      ? t('conn.online')
      : status === 'offline'
        ? t('conn.offline')
        : status === 'connecting'
          ? t('conn.connecting')
          : '';
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

/** This device's place was taken back on another device: say so, and let go of it here. */
function Moved({ id }: { id: string }) {
  useEffect(() => clearMembership(id), [id]);
  return (
    <Shell>
      <div class="page narrow">
        <h1>{t('moved.title')}</h1>
        <p class="lead">{t('moved.lead')}</p>
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

  if (status === 'moved') return <Moved id={id} />;
  if (status === 'crowded' && live) return <Crowded onRetry={() => live.retry()} />;
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

/**
 * A new step starts at the top for everyone: the step, its rule and what to do now are the first
 * things in view. Focus moves to the step's title only when it was nowhere in particular, so
 * nobody typing loses their place.
 */
function useTopOnNewStep(stepKey: string) {
  const first = useRef(true);
  // Before the new step is painted: nobody sees it scrolled halfway first.
  useLayoutEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo({ top: 0 });
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected)
      document.getElementById('step-title')?.focus({ preventScroll: true });
  }, [stepKey]);
}

function SessionLayout({
  membership,
  status,
  receivedAt,
}: {
  membership: Membership;
  status: LinkStatus;
  receivedAt: number;
}) {
  const { s, me, scope } = useSession();
  const facilitating = s.facilitator === me;
  const presenting = s.presenter === me;
  const listening = s.floor?.doing === 'discussing' && presenting;
  const [consoleMode, setConsoleMode] = useConsoleMode(scope);
  useTopOnNewStep(`${s.phase}.${s.step?.index ?? ''}`);
  useEffect(() => {
    if (!(consoleMode && facilitating)) return;
    document.documentElement.classList.add('console-mode');
    return () => document.documentElement.classList.remove('console-mode');
  }, [consoleMode, facilitating]);
  const below = (
    <>
      <DisturbanceBanner s={s}>{s.disturbance ? <ResolveDisturbance /> : <ResumeButton />}</DisturbanceBanner>
      <ReturnRequests />
    </>
  );
  if (consoleMode && facilitating) {
    return (
      <Shell wide title={s.title} status={<LinkBadge status={status} />} tools={<DisturbanceControl />} below={below}>
        <ConsoleView membership={membership} receivedAt={receivedAt} onLeave={() => setConsoleMode(false)} />
      </Shell>
    );
  }
  if (s.phase === 'finished') {
    return (
      <Shell title={s.title} status={<LinkBadge status={status} />} below={below}>
        <div class="page narrow">
          <Finished id={scope} presenting={presenting} />
        </div>
      </Shell>
    );
  }
  return (
    <Shell title={s.title} status={<LinkBadge status={status} />} tools={<DisturbanceControl />} below={below}>
      <div class="page session">
        <TurnBand />
        <StepCard s={s} receivedAt={receivedAt} />
        <div class="columns">
          <div class="col-main">
            {s.phase === 'lobby' && <Lobby membership={membership} />}
            {/* The facilitator's next move first: the procedure is hers to keep going. */}
            {facilitating && <FacilitatorPanel />}
            {s.phase === 'running' && <YourPart />}
            <ForOthers />
            <KeyPoints />
            {!listening && <FlipChart s={s} />}
            {facilitating && s.phase === 'running' && <FacilitatorMenu joinUrl={membership.joinUrl} />}
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

/** After the end: thanks for everyone, and the record for the presenter only. */
function Finished({ id, presenting }: { id: string; presenting: boolean }) {
  const { s, me } = useSession();
  // A presenter without a device has no page of their own: the facilitator hands over the record.
  const forPresenter = s.facilitator === me && s.presenter !== null && !hasDevice(s, s.presenter);
  const href = `/s/${encodeURIComponent(id)}/report`;
  const hrefFor = `${href}?for=${encodeURIComponent(nameOf(s, s.presenter))}`;
  return (
    <section class="finished" aria-labelledby="fin-title">
      <h1 id="fin-title">{t('fin.title')}</h1>
      <p class="lead">{t('fin.lead')}</p>
      {presenting ? (
        <>
          <p>{t('fin.presenter')}</p>
          <p>
            <a class="btn btn-primary btn-big" href={href}>
              {t('fin.openReport')}
            </a>
          </p>
        </>
      ) : forPresenter ? (
        <>
          <p>{t('fin.forPresenter', { name: nameOf(s, s.presenter) })}</p>
          <p>
            <a class="btn btn-primary btn-big" href={hrefFor}>
              {t('fin.openReportFor', { name: nameOf(s, s.presenter) })}
            </a>
          </p>
        </>
      ) : (
        <p class="hint">{t('fin.others', { name: nameOf(s, s.presenter) })}</p>
      )}
    </section>
  );
}
