// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { acceptInvitation, fetchInvitation } from '../../groups/api';
import { loadMe, useMe } from '../../groups/me';
import { formatShortDate } from '../../groups/time';
import type { InvitationPreview } from '../../groups/types';
import { lang } from '../../i18n';
import { gt } from '../../i18n/groups';
import { navigate } from '../../router';
import { AuthForm } from './AuthForms';
import { errorOf, Field, FormError, Loading, messageOf, Page, Problem, RulesList } from './parts';

/**
 * What an invitee sees: the group, the conditions and the ground rules, and an explicit "I agree"
 * (never ticked for them). Logged out, they sign up or log in right here and carry on.
 * Their name is asked once: the account's name is their name in the group. Only someone who came
 * with an account made elsewhere may choose another here, and anyone whose name the group
 * already has is asked for one then.
 */
export function InvitationPage({ token }: { token: string }) {
  const [preview, setPreview] = useState<InvitationPreview | null>(null);
  const [loadError, setLoadError] = useState('');
  const { me } = useMe();
  const [authMode, setAuthMode] = useState<'signup' | 'login'>('signup');
  const [agreed, setAgreed] = useState(false);
  const [name, setName] = useState('');
  // 'given': they just chose their name signing up here; 'closed': the account's name, with a
  // way to choose another; 'open': the field is shown (chosen, or the name was taken).
  const [nameField, setNameField] = useState<'given' | 'closed' | 'open'>('closed');
  const [nameError, setNameError] = useState('');
  const [mustAgree, setMustAgree] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const nameId = useId();
  const agreeId = useId();
  const l = lang();
  const acceptHeading = useRef<HTMLHeadingElement>(null);
  const wasLoggedOut = useRef(false);

  // Signed up or logged in right here: carry on where the acceptance now waits.
  useEffect(() => {
    if (wasLoggedOut.current && me) acceptHeading.current?.focus();
    wasLoggedOut.current = me === null;
  }, [me]);

  useEffect(() => {
    fetchInvitation(token)
      .then(setPreview)
      .catch((e) => setLoadError(messageOf(e)));
  }, [token]);

  if (loadError) {
    return (
      <Problem title={gt('invite.unusable')} text={loadError}>
        <p>
          <a href="/">{gt('groups.adhoc')}</a>
        </p>
      </Problem>
    );
  }
  if (!preview || me === undefined) return <Loading />;

  const accept = async (e: Event) => {
    e.preventDefault();
    if (!agreed) {
      setMustAgree(gt('invite.mustAgree'));
      document.getElementById(agreeId)?.focus();
      return;
    }
    setMustAgree('');
    setNameError('');
    setError('');
    setBusy(true);
    try {
      const group = await acceptInvitation(token, nameField === 'open' ? name.trim() : '');
      await loadMe(true).catch(() => undefined);
      navigate(`/groep/${encodeURIComponent(group.id)}`, true);
    } catch (err) {
      if (errorOf(err).code === 'name_taken') {
        // Someone in the group has this name: now, and only now, a name is asked for.
        if (nameField !== 'open') setName(me?.account.display_name ?? '');
        setNameField('open');
        setNameError(messageOf(err));
        requestAnimationFrame(() => document.getElementById(nameId)?.focus());
      } else setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const groupName = preview.group.name;
  return (
    <Page
      title={gt('invite.title', { group: groupName })}
      lead={
        preview.invited_by
          ? gt('invite.lead', { name: preview.invited_by, group: groupName })
          : gt('invite.leadNoName', { group: groupName })
      }
    >
      <p>
        {gt('invite.members', { n: preview.group.member_count, max: preview.group.max_members })}{' '}
        {gt('invite.expires', { date: formatShortDate(preview.expires_at, l) })}
      </p>
      <RulesList conditions={preview.conditions} rules={preview.ground_rules.keys} own={preview.ground_rules.own} />

      {me === null ? (
        <section class="panel" aria-labelledby="invite-account">
          <h2 id="invite-account">{gt('invite.accountTitle')}</h2>
          <p>{gt('invite.accountLead')}</p>
          <h3>{authMode === 'signup' ? gt('auth.signupTitle') : gt('auth.loginTitle')}</h3>
          <AuthForm
            key={authMode}
            mode={authMode}
            onDone={() => setNameField(authMode === 'signup' ? 'given' : 'closed')}
          />
          <p>
            <button
              type="button"
              class="link-button"
              onClick={() => setAuthMode(authMode === 'signup' ? 'login' : 'signup')}
            >
              {authMode === 'signup' ? gt('auth.toLogin') : gt('auth.toSignup')}
            </button>
          </p>
        </section>
      ) : (
        <section class="panel" aria-labelledby="invite-accept">
          <h2 id="invite-accept" ref={acceptHeading} tabIndex={-1}>
            {gt('invite.acceptTitle')}
          </h2>
          <p class="muted">{gt('auth.loggedIn', { name: me.account.display_name })}</p>
          <form onSubmit={accept} noValidate>
            {nameField === 'open' ? (
              <Field
                id={nameId}
                label={gt('invite.nameInGroup')}
                hint={gt('invite.nameHint', { name: me.account.display_name })}
                value={name}
                onInput={setName}
                maxLength={60}
                autoComplete="name"
                error={nameError}
              />
            ) : (
              <p>
                {gt('invite.nameUsed', { name: me.account.display_name })}{' '}
                {nameField === 'closed' && (
                  <button type="button" class="link-button" onClick={() => setNameField('open')}>
                    {gt('invite.otherName')}
                  </button>
                )}
              </p>
            )}
            <div class="check">
              <input
                id={agreeId}
                type="checkbox"
                checked={agreed}
                aria-invalid={mustAgree ? 'true' : undefined}
                aria-describedby={mustAgree ? `${agreeId}-error` : undefined}
                onChange={(e) => {
                  setAgreed((e.currentTarget as HTMLInputElement).checked);
                  setMustAgree('');
                }}
              />
              <label for={agreeId}>{gt('invite.agree')}</label>
            </div>
            {mustAgree && (
              <p class="field-error" id={`${agreeId}-error`} role="alert">
                {mustAgree}
              </p>
            )}
            <FormError text={error} />
            <div class="actions">
              <button type="submit" class="btn btn-primary" disabled={busy}>
                {gt('invite.accept')}
              </button>
            </div>
          </form>
        </section>
      )}
    </Page>
  );
}
