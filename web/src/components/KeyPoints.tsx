import { t } from '../i18n';
import type { SessionState } from '../types';
import { Button, DraftField, ErrorNote, nameOf, useCommand, useSession } from './common';

/** Steps in which the others jot down key points for the presenter (protocol: add_note). */
export function notesOpen(s: SessionState, me: number): boolean {
  const kind = s.step?.kind;
  if (s.phase !== 'running' || s.disturbance || s.paused) return false;
  if (kind !== 'gossip' && kind !== 'advice' && kind !== 'share_advice') return false;
  return s.presenter !== me && s.participants.some((p) => p.id === me);
}

/** A key point for the presenter: it goes on the flip chart and into the presenter's record. */
export function KeyPoints() {
  const { s, me } = useSession();
  const cmd = useCommand();
  if (!notesOpen(s, me)) return null;
  const presenter = nameOf(s, s.presenter);
  return (
    <section class="key-points" aria-labelledby="kp-title">
      <h2 id="kp-title">{t('kp.title')}</h2>
      <DraftField name="key-point" label={t('kp.label')} hint={t('kp.hint', { name: presenter })} rows={2}>
        {(value, clear) => (
          <Button kind="secondary" busy={cmd.busy} disabled={!value.trim()} onClick={() => cmd.run({ kind: 'add_note', text: value }, clear)}>
            {t('kp.add')}
          </Button>
        )}
      </DraftField>
      <ErrorNote text={cmd.error} />
    </section>
  );
}
