// SPDX-License-Identifier: EUPL-1.2
import { useState } from 'preact/hooks';
import { logIn, signUp } from '../../groups/api';
import { accountFieldOf, type AccountField } from '../../groups/accountForm';
import { loadMe } from '../../groups/me';
import { gt, refusalText } from '../../i18n/groups';
import { errorOf, Field, FormError } from './parts';

type Problems = Partial<Record<AccountField, string>>;

/** Sign up or log in; the server's refusals stand beside the field they concern. */
export function AuthForm({ mode, onDone }: { mode: 'login' | 'signup'; onDone: () => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [general, setGeneral] = useState('');
  const [busy, setBusy] = useState(false);
  const signingUp = mode === 'signup';

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setProblems({});
    setGeneral('');
    try {
      if (signingUp) await signUp({ email: email.trim(), password, display_name: name.trim() });
      else await logIn({ email: email.trim(), password });
      await loadMe(true);
      onDone();
    } catch (err) {
      const refusal = errorOf(err);
      const text = refusalText(refusal.code, refusal.message, refusal.messageNl);
      const field = accountFieldOf(refusal.code);
      if (field) {
        setProblems({ [field]: text });
        // Bring the person to the field that needs a change.
        requestAnimationFrame(() => (document.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus());
      } else setGeneral(text);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate class="auth-form">
      {signingUp && (
        <Field
          label={gt('auth.name')}
          hint={gt('auth.nameHint')}
          value={name}
          onInput={setName}
          autoComplete="name"
          maxLength={60}
          required
          error={problems.display_name}
        />
      )}
      <Field
        label={gt('auth.email')}
        type="email"
        inputMode="email"
        value={email}
        onInput={setEmail}
        autoComplete="email"
        required
        error={problems.email}
      />
      <Field
        label={gt('auth.password')}
        type="password"
        hint={signingUp ? gt('auth.passwordHint') : undefined}
        value={password}
        onInput={setPassword}
        autoComplete={signingUp ? 'new-password' : 'current-password'}
        required
        error={problems.password}
      />
      <FormError text={general} />
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy} aria-busy={busy ? 'true' : undefined}>
          {busy ? gt('common.busy') : signingUp ? gt('auth.signupSubmit') : gt('auth.loginSubmit')}
        </button>
      </div>
    </form>
  );
}
