// SPDX-License-Identifier: EUPL-1.2
import type { ComponentChildren } from 'preact';
import { lang, setLang, t } from '../i18n';

export function LangToggle() {
  const other = lang() === 'nl' ? 'en' : 'nl';
  return (
    <button
      type="button"
      class="btn btn-quiet lang-toggle"
      lang={other}
      aria-label={t('lang.otherLabel')}
      onClick={() => setLang(other)}
    >
      {t('lang.other')}
    </button>
  );
}

/** The page frame: skip link, banner with the app name, the main landmark. */
export function Shell({
  title,
  status,
  tools,
  below,
  wide,
  children,
}: {
  title?: string;
  status?: ComponentChildren;
  tools?: ComponentChildren;
  below?: ComponentChildren;
  wide?: boolean;
  children: ComponentChildren;
}) {
  return (
    <>
      <a class="skip-link" href="#main">
        {t('skip.toMain')}
      </a>
      <header class="topbar">
        <div class={`topbar-inner${wide ? ' wide' : ''}`}>
          <p class="brand">
            <a href="/">{t('app.name')}</a>
          </p>
          {title && <p class="session-title">{title}</p>}
          <div class="topbar-tools">
            {status}
            {tools}
            <LangToggle />
          </div>
        </div>
        {below}
      </header>
      <main id="main" tabIndex={-1} class={wide ? 'wide' : ''}>
        {children}
      </main>
    </>
  );
}
