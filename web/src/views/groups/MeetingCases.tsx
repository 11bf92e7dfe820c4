// SPDX-License-Identifier: EUPL-1.2
import { useId, useState } from 'preact/hooks';
import { startCase } from '../../groups/api';
import { caseWindowOpen } from '../../groups/caseWindow';
import type { MeetingView } from '../../groups/types';
import { methodName } from '../../groups/useMethodNames';
import { loc } from '../../i18n';
import { gt } from '../../i18n/groups';
import { navigate } from '../../router';
import { loadMembership, saveMembership } from '../../storage';
import type { CatalogMethod } from '../../types';
import { FormError, nameOf, useRequest } from './parts';

/**
 * The meeting's cases as live sessions: the facilitator starts one here; members take their
 * place in a running one from the page's top (LiveCases), so this list only says how each stands.
 */
export function MeetingCases({
  meeting,
  methods,
  myId,
}: {
  meeting: MeetingView;
  methods: CatalogMethod[];
  myId: string;
}) {
  const request = useRequest();
  const [method, setMethod] = useState('incident');
  const [title, setTitle] = useState('');
  const [external, setExternal] = useState(false);
  const methodId = useId();
  const titleId = useId();
  const externalId = useId();
  const facilitating = meeting.facilitator?.id === myId;

  const start = async (e: Event) => {
    e.preventDefault();
    const r = await request.run(() =>
      startCase(meeting.id, { method, title: title.trim(), facilitator_takes_turns: !external }),
    );
    if (!r) return;
    saveMembership(r.session_id, {
      participantId: r.participant_id,
      token: r.token,
      joinUrl: r.join_url,
      beamerUrl: r.beamer_url,
    });
    navigate(`/s/${encodeURIComponent(r.session_id)}`);
  };

  return (
    <section class="panel" aria-labelledby="cases-title">
      <h2 id="cases-title">{gt('cases.title')}</h2>
      <p class="hint">{gt('cases.lead')}</p>
      {meeting.cases.length === 0 ? (
        <p class="muted">{gt('cases.none')}</p>
      ) : (
        <ul class="plain-list">
          {meeting.cases.map((c) => (
            <li key={c.session_id} class="case-row">
              <span>
                {gt('cases.row', { method: methodName(methods, c.method), name: nameOf(c.facilitator) })}
                <span class="muted">
                  {' '}
                  · {c.live ? gt('cases.running') : c.erased ? gt('cases.erased') : gt('cases.finished')}
                </span>
              </span>
              {!c.live && loadMembership(c.session_id) && (
                <a class="btn btn-secondary btn-small" href={`/s/${encodeURIComponent(c.session_id)}`}>
                  {gt('cases.open')}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
      {facilitating && caseWindowOpen(meeting, Date.now()) && (
        <form class="start-case" onSubmit={start}>
          <div class="field">
            <label for={methodId}>{gt('cases.method')}</label>
            <select
              id={methodId}
              value={method}
              onChange={(e) => setMethod((e.currentTarget as HTMLSelectElement).value)}
            >
              {methods.map((m) => (
                <option key={m.id} value={m.id}>
                  {loc(m.name)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={titleId}>{gt('cases.titleLabel')}</label>
            <input
              id={titleId}
              type="text"
              maxLength={200}
              value={title}
              onInput={(e) => setTitle((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
          <div class="check">
            <input
              id={externalId}
              type="checkbox"
              checked={external}
              onChange={(e) => setExternal((e.currentTarget as HTMLInputElement).checked)}
            />
            <label for={externalId}>{gt('cases.external')}</label>
          </div>
          <div class="actions">
            <button type="submit" class="btn btn-primary" disabled={request.busy}>
              {gt('cases.start')}
            </button>
          </div>
        </form>
      )}
      <FormError text={request.error} />
    </section>
  );
}
