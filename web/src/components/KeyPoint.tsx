// SPDX-License-Identifier: EUPL-1.2
// The one-line key point ("kern") of a contribution made out loud, so the presenter's record
// never holds an empty line: typed by the speaker right after the tap, or by the scribe, the
// facilitator or the presenter. It is never required; the conversation goes first.

import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { loadPreference, savePreference, useDraft } from '../storage';
import { may, spokenWithoutKeyPoint, type SpokenItem } from '../may';
import type { Command } from '../types';
import { Button, ErrorNote } from './controls';
import { TextField } from './fields';
import { nameOf, useCommand, useSession } from './session';

function keyPointCommand(item: SpokenItem, text: string): Command {
  return item.kind === 'question'
    ? { kind: 'note_key_point', question: item.id, text }
    : { kind: 'note_key_point', advice: item.id, text };
}

function itemKey(item: SpokenItem): string {
  return `${item.kind}-${item.id}`;
}

/** Which of one's own spoken items the speaker chose to leave without a key point. */
function useSkipped(scope: string): [string[], (key: string) => void] {
  const pref = `keypoint-skipped.${scope}`;
  const [skipped, setSkipped] = useState<string[]>(() => loadPreference<string[]>(pref) ?? []);
  const skip = (key: string) => {
    const next = [...skipped, key];
    setSkipped(next);
    savePreference(pref, next);
  };
  return [skipped, skip];
}

/** Right after one's own question or advice out loud: its key point in one line, for the record. */
export function OwnKeyPoint() {
  const { s, me, scope } = useSession();
  const [skipped, skip] = useSkipped(scope);
  if (!may(s, 'note_key_point')) return null;
  const mine = spokenWithoutKeyPoint(s).filter(
    (item) => item.author === me && item.step === s.step?.index && !skipped.includes(itemKey(item)),
  );
  const item = mine[mine.length - 1];
  if (!item) return null;
  return <KeyPointForm key={itemKey(item)} item={item} own onSkip={() => skip(itemKey(item))} />;
}

/** The form for one item: one line, save, or leave it. */
export function KeyPointForm({
  item,
  own,
  onSkip,
  onDone,
}: {
  item: SpokenItem;
  own?: boolean;
  onSkip?: () => void;
  onDone?: () => void;
}) {
  const { s, scope } = useSession();
  const cmd = useCommand();
  const [value, setValue, clear] = useDraft(scope, `key-point-${itemKey(item)}`);
  const presenter = nameOf(s, s.presenter);
  const question = item.kind === 'question';
  const label = own
    ? t(question ? 'kern.ownQuestion' : 'kern.ownAdvice')
    : t(question ? 'kern.questionOf' : 'kern.adviceOf', { name: nameOf(s, item.author) });
  return (
    <div class={`key-point-form${own ? ' own' : ''}`}>
      <TextField label={label} hint={t('kern.hint', { name: presenter })} rows={1} value={value} onInput={setValue} />
      <div class="actions">
        <Button
          kind={own ? 'primary' : 'secondary'}
          busy={cmd.busy}
          disabled={!value.trim()}
          onClick={() => void cmd.run(keyPointCommand(item, value.trim()), () => (clear(), onDone?.()))}
        >
          {t('kern.save')}
        </Button>
        {onSkip && (
          <Button kind="quiet" onClick={onSkip}>
            {t('kern.skip')}
          </Button>
        )}
      </div>
      <ErrorNote text={cmd.error} />
    </div>
  );
}

/** On the flip chart: "add the key point" for a spoken item, for whoever may write it. */
export function AddKeyPoint({ item }: { item: SpokenItem }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" class="btn btn-quiet btn-small" onClick={() => setOpen(true)}>
        {t('kern.add')}
      </button>
    );
  }
  return <KeyPointForm item={item} onSkip={() => setOpen(false)} onDone={() => setOpen(false)} />;
}
