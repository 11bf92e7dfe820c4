// SPDX-License-Identifier: EUPL-1.2
import { useState } from 'preact/hooks';
import { createInvitation, fetchGroup, revokeInvitation } from '../../groups/api';
import { formatShortDate } from '../../groups/time';
import type { CreatedInvitation, GroupView, InvitationSummary } from '../../groups/types';
import { lang } from '../../i18n';
import { gt } from '../../i18n/groups';
import { CopyField, FormError, nameOf, Result, useRequest } from './parts';

/** Make a single-use invitation link to copy, and see or revoke the ones made before. */
export function InvitePanel({ group, onChange }: { group: GroupView; onChange: (g: GroupView) => void }) {
  const [made, setMade] = useState<CreatedInvitation | null>(null);
  const [said, setSaid] = useState('');
  const request = useRequest();
  const l = lang();
  const full = group.member_count >= group.max_members;

  const create = async () => {
    setSaid('');
    const r = await request.run(() => createInvitation(group.id));
    if (!r) return;
    setMade(r);
    // The answer holds only the new link; the list of invitations comes with the group.
    fetchGroup(group.id)
      .then(onChange)
      .catch(() => undefined);
  };

  const revoke = async (id: string) => {
    setSaid('');
    const r = await request.run(() => revokeInvitation(group.id, id));
    if (r) {
      if (made?.invitation_id === id) setMade(null);
      onChange(r);
      setSaid(gt('inv.revoked'));
    }
  };

  const open = group.invitations.filter((i) => i.status === 'open');
  const earlier = group.invitations.filter((i) => i.status !== 'open');
  return (
    <section class="panel" aria-labelledby="inv-title">
      <h2 id="inv-title">{gt('inv.title')}</h2>
      {full ? (
        <p class="notice">{gt('group.full')}</p>
      ) : (
        <>
          <p>{gt('inv.lead')}</p>
          <div class="actions">
            <button type="button" class="btn btn-secondary" disabled={request.busy} onClick={create}>
              {gt('inv.create')}
            </button>
          </div>
        </>
      )}
      {made && (
        <CopyField
          label={gt('inv.link')}
          hint={gt('inv.linkHint', { date: formatShortDate(made.expires_at, l) })}
          value={made.url}
        />
      )}
      <FormError text={request.error} />
      <Result text={said} />
      {open.length > 0 && (
        <>
          <h3>{gt('inv.list')}</h3>
          <InvitationList items={open} busy={request.busy} onRevoke={revoke} />
        </>
      )}
      {earlier.length > 0 && (
        <details class="earlier">
          <summary>{gt('inv.earlier', { n: earlier.length })}</summary>
          <InvitationList items={earlier} busy={request.busy} onRevoke={revoke} />
        </details>
      )}
    </section>
  );
}

function InvitationList({
  items,
  busy,
  onRevoke,
}: {
  items: InvitationSummary[];
  busy: boolean;
  onRevoke: (id: string) => void;
}) {
  const l = lang();
  return (
    <ul class="plain-list">
      {items.map((i) => (
        <li key={i.id} class="inv-row">
          <span>
            {gt('inv.row', { name: nameOf(i.invited_by), date: formatShortDate(i.created_at, l) })}:{' '}
            {i.status === 'open'
              ? gt('inv.status.open', { date: formatShortDate(i.expires_at, l) })
              : gt(`inv.status.${i.status}`)}
          </span>
          {i.status === 'open' && (
            <button
              type="button"
              class="btn btn-quiet btn-small"
              disabled={busy}
              aria-label={gt('inv.revokeLabel', { date: formatShortDate(i.created_at, l) })}
              onClick={() => onRevoke(i.id)}
            >
              {gt('inv.revoke')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
