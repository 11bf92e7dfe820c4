// SPDX-License-Identifier: EUPL-1.2
import { takeSeat } from '../../groups/api';
import type { TreatedCase } from '../../groups/types';
import { methodName } from '../../groups/useMethodNames';
import { gt } from '../../i18n/groups';
import { navigate } from '../../router';
import { loadMembership, saveMembership } from '../../storage';
import type { CatalogMethod } from '../../types';
import { FormError, nameOf, useRequest } from './parts';

/**
 * The cases running now, first on the page and large: joining one is what a member comes for
 * while it runs. Always in the page (empty when nothing runs) so a case that starts while the
 * page is open is announced to screen readers as it appears.
 */
export function LiveCases({ cases, methods }: { cases: TreatedCase[]; methods: CatalogMethod[] }) {
  const request = useRequest();
  const live = cases.filter((c) => c.live);

  const join = async (c: TreatedCase) => {
    const r = await request.run(() => takeSeat(c.meeting_id, c.session_id));
    if (!r) return;
    saveMembership(c.session_id, { participantId: r.participant_id, token: r.token });
    navigate(`/s/${encodeURIComponent(c.session_id)}`);
  };

  return (
    <div class="live-cases" aria-live="polite">
      {live.map((c) => {
        const href = `/s/${encodeURIComponent(c.session_id)}`;
        const titleId = `live-${c.session_id}`;
        return (
          <section key={c.session_id} class="panel live-case" aria-labelledby={titleId}>
            <h2 id={titleId}>{gt('live.title')}</h2>
            <p class="live-what">
              {gt('cases.row', { method: methodName(methods, c.method), name: nameOf(c.facilitator) })}
            </p>
            {loadMembership(c.session_id) ? (
              <a class="btn btn-primary btn-big" href={href}>
                {gt('cases.open')}
              </a>
            ) : (
              <button type="button" class="btn btn-primary btn-big" disabled={request.busy} onClick={() => join(c)}>
                {gt('cases.join')}
              </button>
            )}
          </section>
        );
      })}
      <FormError text={request.error} />
    </div>
  );
}
