// SPDX-License-Identifier: EUPL-1.2
// The group at a glance: who is here, who is away, who takes part without a device, whose turn.

import { t } from '../i18n';
import { hasDevice } from '../may';
import { roleLabel } from './controls';
import { nameOf, useSession } from './session';

export function Group() {
  const { s, me } = useSession();
  return (
    <section class="group" aria-labelledby="group-title">
      <h2 id="group-title">{t('group.title', { n: s.participants.length })}</h2>
      <ul>
        {s.participants.map((p) => {
          const online = s.connected.includes(p.id);
          const own = hasDevice(s, p.id);
          const holds = s.phase === 'running' && s.floor?.participant === p.id && s.floor.who === 'participant';
          const state = own ? (online ? 'online' : 'offline') : 'no-device';
          return (
            <li key={p.id} class={`${state}${holds ? ' holds' : ''}`}>
              <span class="dot" aria-hidden="true" />
              <span class="person">
                <span class="pname">
                  {p.name}
                  {p.id === me && <span class="you"> {t('group.you')}</span>}
                  {holds && <span class="holds-tag"> {t('group.holds')}</span>}
                  {own && !online && <span class="away-tag"> {t('group.away')}</span>}
                </span>
                <span class="proles">
                  {p.roles.map(roleLabel).join(', ')}
                  {own ? (
                    online && <span class="visually-hidden">, {t('group.online')}</span>
                  ) : (
                    <span class="device-tag">
                      {' · '}
                      {t('group.noDevice', { name: nameOf(s, s.facilitator) })}
                    </span>
                  )}
                </span>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
