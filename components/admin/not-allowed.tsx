import { useTranslations } from 'next-intl';
import { Link } from '@/i18n/navigation';

/**
 * Shown instead of a coordinator page to anyone else. (Next's forbidden() would answer 403,
 * but it needs `experimental.authInterrupts`; the data layer refuses them either way.)
 */
export function NotAllowed() {
  const t = useTranslations('AdminUsers');
  return (
    <div className="container container--text info-page">
      <h1>{t('notAllowedTitle')}</h1>
      <p className="lead">{t('notAllowedBody')}</p>
      <p>
        <Link href="/konto">{t('backToAccount')}</Link>
      </p>
    </div>
  );
}
