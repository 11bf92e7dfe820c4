// SPDX-License-Identifier: EUPL-1.2
// Someone asks to come back on another device: whoever may vouch for them lets them in with one
// tap. The facilitator vouches for everyone; anyone in the group for the facilitator.

import { t } from '../i18n';
import { may } from '../may';
import { Button, ErrorNote } from './controls';
import { nameOf, useCommand, useSession } from './session';

export function ReturnRequests() {
  const { s, me } = useSession();
  const cmd = useCommand();
  const waiting = (s.returns ?? []).filter((r) => r.participant !== me);
  if (waiting.length === 0 || !may(s, 'admit_return')) return null;
  return (
    <div class="banner banner-return" role="status" aria-live="polite">
      {waiting.map((r) => {
        const name = nameOf(s, r.participant);
        const facilitator = r.participant === s.facilitator;
        return (
          <div class="return-request" key={r.request}>
            <p class="banner-title">{facilitator ? t('return.askFacilitator', { name }) : t('return.ask', { name })}</p>
            <p class="banner-hint">{t('return.hint', { name })}</p>
            <div class="actions">
              <Button
                busy={cmd.busy}
                onClick={() => void cmd.run({ kind: 'admit_return', request: r.request })}
                label={t('return.admitLabel', { name })}
              >
                {t('return.admit')}
              </Button>
              <Button
                kind="quiet"
                busy={cmd.busy}
                onClick={() => void cmd.run({ kind: 'decline_return', request: r.request })}
                label={t('return.declineLabel', { name })}
              >
                {t('return.decline')}
              </Button>
            </div>
          </div>
        );
      })}
      <ErrorNote text={cmd.error} />
    </div>
  );
}
