// SPDX-License-Identifier: EUPL-1.2
import { useState } from 'preact/hooks';
import { Confirm } from '../../components/Confirm';
import { leaveGroup } from '../../groups/api';
import { loadMe } from '../../groups/me';
import { gt } from '../../i18n/groups';
import { FormError, useRequest } from './parts';

/** Leaving, with a question first: is this what you mean? */
export function LeavePanel({ groupId, name, onLeft }: { groupId: string; name: string; onLeft: () => void }) {
  const [asking, setAsking] = useState(false);
  const request = useRequest();
  const leave = async () => {
    if ((await request.run(() => leaveGroup(groupId))) !== null) {
      await loadMe(true).catch(() => undefined);
      onLeft();
    }
  };
  return (
    <section class="panel" aria-labelledby="leave-title">
      <h2 id="leave-title">{gt('leave.title')}</h2>
      <p class="hint">{gt('leave.lead')}</p>
      {asking ? (
        <Confirm
          question={gt('leave.confirm', { name })}
          yes={gt('leave.yes')}
          no={gt('leave.no')}
          busy={request.busy}
          onYes={leave}
          onNo={() => setAsking(false)}
        />
      ) : (
        <button type="button" class="btn btn-quiet" onClick={() => setAsking(true)}>
          {gt('leave.button')}
        </button>
      )}
      <FormError text={request.error} />
    </section>
  );
}
