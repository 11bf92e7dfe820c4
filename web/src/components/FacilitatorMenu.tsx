// SPDX-License-Identifier: EUPL-1.2
// The facilitator's settings, in one place for the whole session: the wording coach, spoken or
// typed, one-laptop mode, roles, someone without a device, and the way in for latecomers.

import { t } from '../i18n';
import { CoachSwitch } from './CoachSwitch';
import { ContributionsChoice } from './Contributions';
import { ConsoleToggle } from './ConsoleMode';
import { JoinInfo } from './JoinInfo';
import { AddPerson, Roles } from './People';
import { useSession } from './session';

export function FacilitatorMenu({ joinUrl, open }: { joinUrl?: string; open?: boolean }) {
  const { s } = useSession();
  // A pause holds every command but resuming; the switches wait with the rest.
  const settable = !s.paused && !s.disturbance;
  return (
    <details class="fac-menu" open={open}>
      <summary>{t('menu.title')}</summary>
      <div class="fac-menu-body">
        {settable && <CoachSwitch />}
        {settable && <ContributionsChoice />}
        <ConsoleToggle />
        <section class="menu-part" aria-labelledby="menu-people">
          <h3 id="menu-people">{t('menu.people')}</h3>
          {s.phase === 'running' && <Roles />}
          <AddPerson />
        </section>
        {joinUrl && s.phase === 'running' && (
          <section class="menu-part" aria-labelledby="menu-join">
            <h3 id="menu-join">{t('fac.lateJoin')}</h3>
            <p class="hint">{t('fac.lateJoinLead')}</p>
            <JoinInfo joinUrl={joinUrl} qrSize={200} />
          </section>
        )}
      </div>
    </details>
  );
}
