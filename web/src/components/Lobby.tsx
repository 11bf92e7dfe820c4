// SPDX-License-Identifier: EUPL-1.2
// Before the start: for the facilitator, the way in for the group, the roles and the start; for
// everyone else, a warm welcome.

import { t } from '../i18n';
import type { Membership } from '../storage';
import { beamerHref } from '../beamerLink';
import { Button, ErrorNote, Lead } from './controls';
import { FacilitatorMenu } from './FacilitatorMenu';
import { JoinInfo } from './JoinInfo';
import { Roles } from './People';
import { useCommand, useSession } from './session';

export function Lobby({ membership }: { membership: Membership }) {
  const { s, me, scope } = useSession();
  const cmd = useCommand();
  const facilitating = s.facilitator === me;
  const hasInventory = s.method?.steps[0]?.kind === 'inventory';
  if (!facilitating) {
    return (
      <section class="lobby" aria-labelledby="lobby-title">
        <h2 id="lobby-title">{t('you.title')}</h2>
        <Lead>{t('lobby.waiting')}</Lead>
      </section>
    );
  }
  return (
    <section class="lobby" aria-labelledby="lobby-title">
      <h2 id="lobby-title">{t('lobby.joinTitle')}</h2>
      {membership.joinUrl && (
        <>
          <Lead>{t('lobby.joinLead')}</Lead>
          <JoinInfo joinUrl={membership.joinUrl} qrSize={280} />
          {membership.beamerUrl && (
            <div class="beamer-link">
              <h3>{t('lobby.beamerTitle')}</h3>
              <p class="hint">{t('lobby.beamerLead')}</p>
              <a
                class="btn btn-secondary"
                href={beamerHref(scope, membership.beamerUrl, membership.joinUrl)}
                target="_blank"
                rel="noopener"
              >
                {t('lobby.beamerOpen')}
              </a>
            </div>
          )}
        </>
      )}
      <div class="lobby-roles">
        {s.warnings.includes('small_group') && <p class="hint">{t('lobby.small')}</p>}
        {hasInventory && <p class="hint">{t('lobby.inventoryNote')}</p>}
        <Roles lobby />
        <div class="actions">
          <Button big busy={cmd.busy} onClick={() => void cmd.run({ kind: 'start' })}>
            {t('lobby.start')}
          </Button>
        </div>
        <ErrorNote text={cmd.error} />
        {/* Before the start the settings are part of getting ready: open. */}
        <FacilitatorMenu open />
      </div>
    </section>
  );
}
