// SPDX-License-Identifier: EUPL-1.2
import { safeNext } from '../../groups/accountForm';
import { gt } from '../../i18n/groups';
import { navigate } from '../../router';
import { AuthForm } from './AuthForms';
import { Page, Result } from './parts';

/** Log in, or create an account; afterwards back to where the person was going. */
export function AuthPage({ mode }: { mode: 'login' | 'signup' }) {
  const params = new URLSearchParams(location.search);
  const next = safeNext(params.get('verder'));
  // Coming from the account page: say what just happened, once, above the form.
  const after = params.get('na');
  const signingUp = mode === 'signup';
  return (
    <Page
      title={signingUp ? gt('auth.signupTitle') : gt('auth.loginTitle')}
      lead={signingUp ? gt('auth.signupLead') : gt('auth.loginLead')}
    >
      <Result text={after === 'uitgelogd' ? gt('acc.loggedOut') : after === 'verwijderd' ? gt('acc.deleted') : ''} />
      <AuthForm mode={mode} onDone={() => navigate(next, true)} />
      <p class="auth-switch">
        <a
          href={`${signingUp ? '/inloggen' : '/account-maken'}${next === '/groepen' ? '' : `?verder=${encodeURIComponent(next)}`}`}
        >
          {signingUp ? gt('auth.toLogin') : gt('auth.toSignup')}
        </a>
      </p>
    </Page>
  );
}
