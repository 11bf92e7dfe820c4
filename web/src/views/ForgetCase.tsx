// SPDX-License-Identifier: EUPL-1.2
// Forgetting a case from its record page: a quiet button, a question in the page that says what
// it means, and afterwards a page that says what is gone and what stays.

import { useEffect, useRef, useState } from 'preact/hooks';
import { Confirm } from '../components/Confirm';
import { ErrorNote } from '../components/controls';
import { t } from '../i18n';
import { Shell } from './Shell';

/** The erasure's answer: done, or why not, in words for the page. */
export type ForgetOutcome = { ok: true } | { ok: false; message: string };

/** "Vergeet deze casus", then the consequence and a yes or no. */
export function ForgetCase({ forget }: { forget: () => Promise<ForgetOutcome> }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const button = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    // Back on the button after "no", so the keyboard is where it was.
    if (!asking && asked.current) button.current?.focus();
    asked.current = asking;
  }, [asking]);

  const yes = async () => {
    setBusy(true);
    setError('');
    const outcome = await forget();
    // On success the page shows the forgotten case instead; nothing here is left to update.
    if (outcome.ok) return;
    setBusy(false);
    setError(outcome.message);
  };

  return (
    <div class="forget-case">
      {asking ? (
        <Confirm
          question={t('rep.forgetConfirm')}
          yes={t('rep.forgetYes')}
          no={t('rep.forgetNo')}
          busy={busy}
          onYes={yes}
          onNo={() => setAsking(false)}
        />
      ) : (
        <button type="button" ref={button} class="btn btn-quiet btn-small" onClick={() => setAsking(true)}>
          {t('rep.forget')}
        </button>
      )}
      <ErrorNote text={error} />
    </div>
  );
}

/** Instead of the record, once its case is forgotten (here, elsewhere, or by the retention). */
export function CaseForgotten({ back, backText, text }: { back: string; backText: string; text: string }) {
  const said = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    document.title = `${t('rep.forgottenTitle')} — ${t('app.name')}`;
    // The button that was pressed is gone: the focus goes to what happened.
    said.current?.focus({ preventScroll: true });
  }, []);
  return (
    <Shell>
      <div class="page narrow">
        <h1>{t('rep.forgottenTitle')}</h1>
        <p class="lead" ref={said} tabIndex={-1}>
          {text}
        </p>
        <p>
          <a href={back}>{backText}</a>
        </p>
      </div>
    </Shell>
  );
}
