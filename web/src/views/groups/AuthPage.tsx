import { safeNext } from '../../groups/accountForm';
import { gt } from '../../i18n/groups';
import { navigate } from '../../router';
import { AuthForm } from './AuthForms';
import { Page } from './parts';

/** Log in, or create an account; afterwards back to where the person was going. */
export function AuthPage({ mode }: { mode: 'login' | 'signup' }) {
  const next = safeNext(new URLSearchParams(location.search).get('verder'));
  const query = location.search;
  const signingUp = mode === 'signup';
  return (
    <Page title={signingUp ? gt('auth.signupTitle') : gt('auth.loginTitle')} lead={signingUp ? gt('auth.signupLead') : gt('auth.loginLead')}>
      <AuthForm mode={mode} onDone={() => navigate(next, true)} />
      <p class="auth-switch">
        <a href={`${signingUp ? '/inloggen' : '/account-maken'}${query}`}>{signingUp ? gt('auth.toLogin') : gt('auth.toSignup')}</a>
      </p>
    </Page>
  );
}
