// SPDX-License-Identifier: EUPL-1.2
// The presenter's own editors: the statement, its reframe and the reaction. The presenter uses
// them on their own device; the facilitator uses the same ones for a presenter without a device.

import { t } from '../i18n';
import { useDraft } from '../storage';
import { Button } from './controls';
import { DraftField, TextField } from './fields';
import { useCommand, useSession } from './session';

type Command = ReturnType<typeof useCommand>;

/** The statement with "save" and, once saved, "start the time to think". */
export function StatementEditor({ cmd, draft, label }: { cmd: Command; draft: string; label: string }) {
  const { s } = useSession();
  const statement = s.flip_chart.statement;
  return (
    <DraftField
      name={draft}
      label={label}
      hint={t('st.hint')}
      rows={3}
      initial={statement ?? ''}
      coach={{ kind: 'statement' }}
    >
      {(value) => (
        <>
          <Button
            kind={statement ? 'secondary' : 'primary'}
            busy={cmd.busy}
            disabled={!value.trim() || value.trim() === statement}
            onClick={() => cmd.run({ kind: 'set_statement', text: value })}
          >
            {statement ? t('st.update') : t('st.save')}
          </Button>
          {statement && !s.timer?.preparation_ended && (
            <Button busy={cmd.busy} onClick={() => cmd.run({ kind: 'start_preparation' })}>
              {t('st.prepStart')}
            </Button>
          )}
        </>
      )}
    </DraftField>
  );
}

/** A new wording of the statement, or keeping it as it was. */
export function ReframeEditor({ cmd, draft, label }: { cmd: Command; draft: string; label: string }) {
  const { s } = useSession();
  const step = s.step!;
  const statement = s.flip_chart.statement ?? '';
  return (
    <DraftField name={draft} label={label} rows={3} initial={statement} coach={{ kind: 'statement' }}>
      {(value) => (
        <>
          <Button
            busy={cmd.busy}
            disabled={!value.trim() || value.trim() === statement}
            onClick={() => cmd.run({ kind: 'reframe', text: value })}
          >
            {t('rf.reframe')}
          </Button>
          <Button
            kind="secondary"
            busy={cmd.busy}
            disabled={step.reframe === 'kept'}
            onClick={() => cmd.run({ kind: 'keep_statement' })}
          >
            {t('rf.keep')}
          </Button>
        </>
      )}
    </DraftField>
  );
}

/** What the presenter does tomorrow and thinks over; the labels say whose words they are. */
export function ReactionFields({
  onSend,
  busy,
  again,
  draft,
  labels,
  done,
  hint,
}: {
  onSend: (a: string, b: string, done: () => void) => void;
  busy: boolean;
  again: boolean;
  draft: string;
  labels: { tomorrow: string; thinkOver: string };
  done: string;
  /** Where the words will be seen (the flip chart and the big screen). */
  hint?: string;
}) {
  const { s, scope } = useSession();
  const [tomorrow, setTomorrow, clearTomorrow] = useDraft(
    scope,
    `${draft}-tomorrow`,
    s.flip_chart.reaction?.tomorrow ?? '',
  );
  const [think, setThink, clearThink] = useDraft(scope, `${draft}-think`, s.flip_chart.reaction?.think_over ?? '');
  return (
    <div class="draft">
      {hint && <p class="hint">{hint}</p>}
      <TextField label={labels.tomorrow} rows={2} value={tomorrow} onInput={setTomorrow} />
      <TextField label={labels.thinkOver} rows={2} value={think} onInput={setThink} />
      <div class="actions">
        <Button
          busy={busy}
          onClick={() => {
            onSend(tomorrow.trim(), think.trim(), () => {
              clearTomorrow();
              clearThink();
            });
          }}
        >
          {again ? t('re.again') : done}
        </Button>
      </div>
    </div>
  );
}
