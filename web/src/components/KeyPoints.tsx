// SPDX-License-Identifier: EUPL-1.2
// Key points for the presenter, so they leave with a written record without writing a word. In
// the gossip round the observations are that record already; this is for the advice.

import { t } from '../i18n';
import { may } from '../may';
import { Button, ErrorNote } from './controls';
import { DraftField } from './fields';
import { nameOf, useCommand, useSession } from './session';

export function KeyPoints() {
  const { s } = useSession();
  const cmd = useCommand();
  const kind = s.step?.kind;
  if (!may(s, 'add_note') || (kind !== 'advice' && kind !== 'share_advice')) return null;
  const presenter = nameOf(s, s.presenter);
  return (
    <details class="key-points">
      <summary>{t('kp.title', { name: presenter })}</summary>
      <DraftField name="key-point" label={t('kp.label')} hint={t('kp.hint', { name: presenter })} rows={2}>
        {(value, clear) => (
          <Button
            kind="secondary"
            busy={cmd.busy}
            disabled={!value.trim()}
            onClick={() => void cmd.run({ kind: 'add_note', text: value }, clear)}
          >
            {t('kp.add')}
          </Button>
        )}
      </DraftField>
      <ErrorNote text={cmd.error} />
    </details>
  );
}
