'use client';

import { useLocale, useTranslations } from 'next-intl';
import { HelpNumbers } from '@/components/help/help-numbers';
import { getPathname } from '@/i18n/navigation';

export default function LocaleError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('Error');
  const locale = useLocale();
  return (
    <div className="container container--text status-page">
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      <p className="status-page__actions">
        <button type="button" className="button" onClick={reset}>
          {t('retry')}
        </button>
        <a href={getPathname({ href: '/', locale })}>{t('homeLink')}</a>
      </p>
      <HelpNumbers headingId="error-help-heading" />
    </div>
  );
}
