import { useTranslations } from 'next-intl';
import { HelpNumbers } from '@/components/help/help-numbers';
import { SearchForm } from '@/components/search/search-form';

/**
 * Someone who mistyped an address may still be in a hurry for help: the help lines and a
 * search box are right here, not one more click away.
 */
export function NotFoundContent({ homeHref }: { homeHref: string }) {
  const t = useTranslations('NotFound');
  return (
    <div className="container container--text status-page">
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      <SearchForm variant="hero" inputId="not-found-search-q" />
      <p>
        <a href={homeHref}>{t('homeLink')}</a>
      </p>
      <HelpNumbers headingId="not-found-help-heading" />
    </div>
  );
}
