// SPDX-License-Identifier: EUPL-1.2
import { formatShortDate } from '../../groups/time';
import type { TreatedCase } from '../../groups/types';
import { methodName } from '../../groups/useMethodNames';
import { lang } from '../../i18n';
import { gt } from '../../i18n/groups';
import type { CatalogMethod } from '../../types';
import { nameOf } from './parts';

/**
 * The cases treated: my own with their report and follow-up note, of others only the facts. A
 * case whose content was erased keeps its facts and loses its report link.
 */
export function CaseHistory({
  groupId,
  cases,
  methods,
}: {
  groupId: string;
  cases: TreatedCase[];
  methods: CatalogMethod[];
}) {
  const l = lang();
  const newestFirst = [...cases].sort((a, b) => b.date - a.date);
  return (
    <section class="panel" aria-labelledby="hist-title">
      <h2 id="hist-title">{gt('group.history')}</h2>
      <p class="hint">{gt('group.historyLead')}</p>
      {newestFirst.length === 0 ? (
        <p class="muted">{gt('group.noCases')}</p>
      ) : (
        <ul class="plain-list case-list">
          {newestFirst.map((c) => (
            <li key={c.session_id} class={c.mine ? 'case-mine' : ''}>
              <strong>
                {gt('case.row', { date: formatShortDate(c.date, l), method: methodName(methods, c.method) })}
              </strong>
              {c.mine ? (
                <span>{gt('case.mine')}</span>
              ) : (
                <span>
                  {c.presenter ? gt('case.presentedBy', { name: nameOf(c.presenter) }) : gt('case.presenterUnknown')}
                </span>
              )}
              {c.follow_up && (
                <span class="muted">{gt('case.followUpDone', { date: formatShortDate(c.follow_up.at, l) })}</span>
              )}
              {c.mine && c.follow_up?.note && <span>{gt('case.followUpNote', { note: c.follow_up.note })}</span>}
              {c.erased && <span class="muted">{gt('case.erased')}</span>}
              {c.mine && !c.erased && (
                <a href={`/groep/${encodeURIComponent(groupId)}/casus/${encodeURIComponent(c.session_id)}`}>
                  {gt('case.report')}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
