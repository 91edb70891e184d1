import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { NotFoundContent } from '@/components/layout/not-found-content';
import { QuickExitBar } from '@/components/layout/quick-exit-bar';
import { routing } from '@/i18n/routing';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: routing.defaultLocale, namespace: 'NotFound' });
  return { title: t('title') };
}

/**
 * For requests outside the localized pages (e.g. a mistyped file name). There is no locale
 * here, so it is Swedish, and it has its own <html> because the root layout has none.
 */
export default async function GlobalNotFound() {
  // Rendered per request so Next can put the CSP nonce on its scripts.
  await connection();
  const t = await getTranslations({ locale: routing.defaultLocale });
  return (
    <html lang={routing.defaultLocale} dir="ltr">
      <body>
        <a className="skip-link" href="#main">
          {t('Layout.skipToContent')}
        </a>
        <header className="site-header">
          <QuickExitBar label={t('QuickExit.label')} description={t('QuickExit.description')} />
        </header>
        <main id="main" tabIndex={-1}>
          <NotFoundContent homeHref="/" />
        </main>
      </body>
    </html>
  );
}
