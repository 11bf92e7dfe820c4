// SPDX-License-Identifier: EUPL-1.2
import { useId, useState } from 'preact/hooks';
import { setFacilitator } from '../../groups/api';
import type { Member, MeetingView } from '../../groups/types';
import { gt } from '../../i18n/groups';
import type { Act } from './meetingAct';
import { nameOf } from './parts';

/** Who facilitates: the rotation's suggestion at one tap, or any member by choice. */
export function MeetingFacilitator({
  meeting,
  members,
  myId,
  act,
  busy,
}: {
  meeting: MeetingView;
  members: Member[];
  myId: string;
  act: Act;
  busy: boolean;
}) {
  const current = meeting.facilitator;
  const suggested = meeting.suggested_facilitator;
  const [chosen, setChosen] = useState(current?.id ?? suggested?.id ?? members[0]?.id ?? '');
  const selectId = useId();
  const open = meeting.to_come && meeting.status !== 'called_off';
  const choose = (id: string) => {
    const name = members.find((m) => m.id === id)?.display_name ?? '';
    return act(() => setFacilitator(meeting.id, id), gt('meeting.done.facilitator', { name }));
  };
  return (
    <section class="panel" aria-labelledby="fac-title">
      <h2 id="fac-title">{gt('fac.title')}</h2>
      <p>
        {current
          ? current.id === myId
            ? gt('fac.you')
            : gt('fac.current', { name: nameOf(current) })
          : gt('fac.none')}
      </p>
      {open && suggested && suggested.id !== current?.id && (
        <>
          <p class="hint">{gt('fac.suggest', { name: nameOf(suggested) })}</p>
          <div class="actions">
            <button type="button" class="btn btn-secondary" disabled={busy} onClick={() => choose(suggested.id)}>
              {gt('fac.takeSuggestion', { name: nameOf(suggested) })}
            </button>
          </div>
        </>
      )}
      {open && members.length > 0 && (
        <details class="fac-other">
          <summary>{gt('fac.other')}</summary>
          <div class="picker-row">
            <label for={selectId} class="visually-hidden">
              {gt('fac.title')}
            </label>
            <select
              id={selectId}
              value={chosen}
              onChange={(e) => setChosen((e.currentTarget as HTMLSelectElement).value)}
            >
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.display_name}
                </option>
              ))}
            </select>
            <button
              type="button"
              class="btn btn-secondary"
              disabled={busy || !chosen || chosen === current?.id}
              onClick={() => choose(chosen)}
            >
              {gt('fac.set')}
            </button>
          </div>
        </details>
      )}
    </section>
  );
}
