'use client';

import { NextIntlClientProvider, useTranslations } from 'next-intl';
import { HelpNumbers } from '@/components/help/help-numbers';
import { QuickExitBar } from '@/components/layout/quick-exit-bar';
// Not messages/sv.json: this page's code is loaded with every page, and the bundler would
// ship the whole file. This copy holds only the strings shown here (keep them in step).
import messages from '@/messages/global-error.sv.json';
import './globals.css';

// Replaces the whole site when even the layout fails, so there is no locale and no message
// provider from the layout: it is Swedish.

function GlobalErrorContent({ reset }: { reset: () => void }) {
  const t = useTranslations();
  return (
    <>
      <header className="site-header">
        <QuickExitBar label={t('QuickExit.label')} description={t('QuickExit.description')} />
      </header>
      <main id="main" tabIndex={-1}>
        <div className="container container--text status-page">
          <h1>{t('Error.title')}</h1>
          <p>{t('Error.body')}</p>
          <p className="status-page__actions">
            <button type="button" className="button" onClick={reset}>
              {t('Error.retry')}
            </button>
            <a href="/">{t('Error.homeLink')}</a>
          </p>
          <HelpNumbers headingId="global-error-help-heading" />
        </div>
      </main>
    </>
  );
}

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="sv" dir="ltr">
      <body>
        <NextIntlClientProvider locale="sv" messages={messages} timeZone="Europe/Stockholm">
          <GlobalErrorContent reset={reset} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
