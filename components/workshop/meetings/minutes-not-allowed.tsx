import { getTranslations } from 'next-intl/server';
import type { AppLocale } from '@/i18n/routing';

/** Shown instead of the minutes to a signed-in person who belongs to no organisation of the network. */
export async function MinutesNotAllowed({ locale }: { locale: AppLocale }) {
  const t = await getTranslations({ locale, namespace: 'WorkshopMeetings' });
  return (
    <div className="container container--text info-page">
      <h1>{t('minutesTitle')}</h1>
      <p className="lead">{t('minutesNotAllowed')}</p>
    </div>
  );
}
