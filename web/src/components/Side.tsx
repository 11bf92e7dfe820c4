import { useId, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { Membership } from '../storage';
import { beamerHref } from '../beamerLink';
import { CoachSwitch } from './CoachSwitch';
import { ContributionsChoice } from './Contributions';
import { ConsoleToggle } from './Console';
import { Button, DraftField, ErrorNote, Lead, PersonPicker, TextField, nameOf, roleLabel, useCommand, useSession } from './common';

export function qrSrc(text: string): string {
  return `/api/qr.svg?text=${encodeURIComponent(text)}`;
}

export function CopyLink({ url, label }: { url: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div class="copy-link">
      <input type="text" readOnly value={url} aria-label={label} onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
      <button
        type="button"
        class="btn btn-secondary"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(url);
            setCopied(true);
            window.setTimeout(() => setCopied(false), 2500);
          } catch {
            setCopied(false);
          }
        }}
      >
        {copied ? t('lobby.copied') : t('lobby.copy')}
      </button>
    </div>
  );
}

/** Before the start: invite the group, set the roles, begin. */
export function Lobby({ membership }: { membership: Membership }) {
  const { s, me, scope } = useSession();
  const cmd = useCommand();
  const facilitating = s.facilitator === me;
  const hasInventory = s.method?.steps[0]?.kind === 'inventory';
  const candidates = s.participants.filter((p) => p.id !== s.facilitator && p.id !== s.scribe);
  return (
    <section class="lobby" aria-labelledby="lobby-title">
      <h2 id="lobby-title">{facilitating ? t('lobby.joinTitle') : t('you.title')}</h2>
      {!facilitating && <Lead>{t('lobby.waiting')}</Lead>}
      {facilitating && membership.joinUrl && (
        <div class="invite">
          <div class="invite-text">
            <Lead>{t('lobby.joinLead')}</Lead>
            <CopyLink url={membership.joinUrl} label={t('lobby.joinLink')} />
            {membership.beamerUrl && (
              <div class="beamer-link">
                <h3>{t('lobby.beamerTitle')}</h3>
                <p class="hint">{t('lobby.beamerLead')}</p>
                <a class="btn btn-secondary" href={beamerHref(scope, membership.beamerUrl, membership.joinUrl)} target="_blank" rel="noopener">
                  {t('lobby.beamerOpen')}
                </a>
              </div>
            )}
          </div>
          <figure class="qr">
            <img src={qrSrc(membership.joinUrl)} alt={t('lobby.qrAlt')} width={280} height={280} />
            <figcaption>{t('lobby.qrCaption')}</figcaption>
          </figure>
        </div>
      )}
      {facilitating && (
        <div class="lobby-roles">
          {s.warnings.includes('small_group') && <p class="hint">{t('lobby.small')}</p>}
          {hasInventory ? (
            <p class="hint">{t('lobby.inventoryNote')}</p>
          ) : (
            <PersonPicker
              label={s.presenter ? t('lobby.presenterNow', { name: nameOf(s, s.presenter) }) : t('lobby.assignPresenter')}
              people={candidates.filter((p) => p.id !== s.presenter)}
              action={t('lobby.assign')}
              busy={cmd.busy}
              onPick={(id) => cmd.run({ kind: 'assign_presenter', participant: id })}
            />
          )}
          {s.method?.has_scribe && (
            <PersonPicker
              label={s.scribe ? t('fac.scribeNow', { name: nameOf(s, s.scribe) }) : t('lobby.assignScribe')}
              people={s.participants.filter((p) => p.id !== s.presenter && p.id !== s.scribe)}
              action={t('lobby.assign')}
              busy={cmd.busy}
              onPick={(id) => cmd.run({ kind: 'assign_scribe', participant: id })}
            />
          )}
          <AddPerson />
          <ContributionsChoice />
          <CoachSwitch />
          <ConsoleToggle />
          <div class="actions">
            <Button busy={cmd.busy} onClick={() => cmd.run({ kind: 'start' })}>
              {t('lobby.start')}
            </Button>
          </div>
          <ErrorNote text={cmd.error} />
        </div>
      )}
    </section>
  );
}

export function Group() {
  const { s, me } = useSession();
  return (
    <section class="group" aria-labelledby="group-title">
      <h2 id="group-title">{t('group.title', { n: s.participants.length })}</h2>
      <ul>
        {s.participants.map((p) => {
          const online = s.connected.includes(p.id);
          const own = p.device !== false;
          const holds = s.turn.holder === p.id && !s.turn.closed && s.phase === 'running';
          const state = own ? (online ? 'online' : 'offline') : 'no-device';
          return (
            <li key={p.id} class={`${state}${holds ? ' holds' : ''}`}>
              <span class="dot" aria-hidden="true" />
              <span class="person">
                <span class="pname">
                  {p.name}
                  {p.id === me && <span class="you"> {t('group.you')}</span>}
                  {holds && <span class="holds-tag"> {t('group.holds')}</span>}
                </span>
                <span class="proles">
                  {p.roles.map(roleLabel).join(', ')}
                  {own ? (
                    <span class="visually-hidden">, {online ? t('group.online') : t('group.offline')}</span>
                  ) : (
                    <span class="device-tag">{' · '}{t('group.noDevice', { name: nameOf(s, s.facilitator) })}</span>
                  )}
                </span>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The facilitator adds someone who takes part without a device of their own. */
export function AddPerson({ compact }: { compact?: boolean }) {
  const { s } = useSession();
  const cmd = useCommand();
  const [name, setName] = useState('');
  const id = useId();
  if (s.participants.length >= 8) return compact ? null : <p class="hint">{t('add.full')}</p>;
  const submit = async (e: Event) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    // Cleared at once, so the next name can be typed while this one is on its way; a name the
    // server refuses comes back into the field with the reason under it.
    setName('');
    const r = await cmd.run({ kind: 'add_participant', name: trimmed });
    if (!r.ok) setName((current) => current || trimmed);
  };
  return (
    <form class={`add-person${compact ? ' compact' : ''}`} onSubmit={submit}>
      <label for={id}>{t('add.label')}</label>
      {!compact && (
        <p class="hint" id={`${id}-hint`}>
          {t('add.hint')}
        </p>
      )}
      <div class="picker-row">
        <input
          id={id}
          type="text"
          maxLength={60}
          autoComplete="off"
          value={name}
          aria-describedby={compact ? undefined : `${id}-hint`}
          onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={blurOnEscape}
        />
        <button type="submit" class="btn btn-secondary" disabled={!name.trim()}>
          {t('add.submit')}
        </button>
      </div>
      <ErrorNote text={cmd.error} />
    </form>
  );
}

/** Escape in a field hands the keys back to the shortcuts. */
export function blurOnEscape(e: KeyboardEvent) {
  if (e.key === 'Escape') (e.currentTarget as HTMLElement).blur();
}

/** The presenter's own notes: only they receive them, and they end up in their report. */
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
          <Button kind="secondary" busy={cmd.busy} disabled={!value.trim()} onClick={() => cmd.run({ kind: 'write_private_note', text: value }, clear)}>
            {t('notes.add')}
          </Button>
        )}
      </DraftField>
      <ErrorNote text={cmd.error} />
    </section>
  );
}

/** Always in reach: anyone can say that something is in the way. */
export function DisturbanceControl() {
  const { s } = useSession();
  const cmd = useCommand();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  if (s.phase === 'finished' || s.disturbance) return null;
  if (!open) {
    return (
      <button type="button" class="btn btn-disturb" onClick={() => setOpen(true)} aria-expanded="false">
        {t('disturbance.button')}
      </button>
    );
  }
  return (
    <div class="disturb-form" role="group" aria-labelledby="disturb-title">
      <p id="disturb-title" class="disturb-title">
        {t('disturbance.button')}
      </p>
      <p class="hint">{t('disturbance.explain')}</p>
      <TextField label={t('disturbance.textLabel')} rows={2} value={text} onInput={setText} />
      <div class="actions">
        <Button
          kind="danger"
          busy={cmd.busy}
          onClick={() =>
            cmd.run({ kind: 'raise_disturbance', text: text.trim() || undefined }, () => {
              setText('');
              setOpen(false);
            })
          }
        >
          {t('disturbance.send')}
        </Button>
        <Button kind="quiet" onClick={() => setOpen(false)}>
          {t('disturbance.cancel')}
        </Button>
      </div>
      <ErrorNote text={cmd.error} />
    </div>
  );
}

export function ResolveDisturbance() {
  const { s, me } = useSession();
  const cmd = useCommand();
  if (s.facilitator !== me) return <p class="banner-hint">{t('disturbance.waitFacilitator', { name: nameOf(s, s.facilitator) })}</p>;
  return (
    <>
      <div class="actions">
        <Button busy={cmd.busy} onClick={() => cmd.run({ kind: 'resolve_disturbance' })}>
          {t('disturbance.resolve')}
        </Button>
      </div>
      <ErrorNote text={cmd.error} />
    </>
  );
}

export function ResumeButton() {
  const { s, me } = useSession();
  const cmd = useCommand();
  if (s.facilitator !== me || s.disturbance) return null;
  return (
    <>
      <div class="actions">
        <Button busy={cmd.busy} onClick={() => cmd.run({ kind: 'resume' })}>
          {t('fac.resume')}
        </Button>
      </div>
      <ErrorNote text={cmd.error} />
    </>
  );
}
