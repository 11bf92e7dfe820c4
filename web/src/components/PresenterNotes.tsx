// SPDX-License-Identifier: EUPL-1.2
// The presenter's own notes: only they receive them, and they end up in their record.

import { t } from '../i18n';
import { Button, ErrorNote } from './controls';
import { DraftField } from './fields';
import { useCommand, useSession } from './session';

export function PresenterNotes() {
  const { s } = useSession();
  const cmd = useCommand();
  const notes = s.flip_chart.private_notes;
  return (
    <section class="notes-panel" aria-labelledby="notes-title">
      <h2 id="notes-title">{t('notes.title')}</h2>
      <p class="hint">{t('notes.lead')}</p>
      {notes.length > 0 && (
        <ul class="notes">
          {notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
      <DraftField name="private-note" label={t('notes.label')} rows={2}>
        {(value, clear) => (
          <Button
            kind="secondary"
            busy={cmd.busy}
            disabled={!value.trim()}
            onClick={() => void cmd.run({ kind: 'write_private_note', text: value }, clear)}
          >
            {t('notes.add')}
          </Button>
        )}
      </DraftField>
      <ErrorNote text={cmd.error} />
    </section>
  );
}
