import { useTranslations } from 'next-intl';
import { FACET_PARAMS, MAX_PAGE, MAX_QUERY_LENGTH } from '@/lib/search/query';

const FILTER_PARAMS = new Set<string>(Object.values(FACET_PARAMS));

/**
 * A search address that cannot be searched (a hand-edited or truncated link): say what is
 * wrong in plain words, per parameter, instead of failing. The search form follows it.
 */
export function SearchError({ fieldErrors, headingLevel = 1 }: { fieldErrors: Record<string, string[]>; headingLevel?: 1 | 2 }) {
  const t = useTranslations('SearchPage');
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const messages = Object.keys(fieldErrors).map((param) => {
    if (param === 'q') return t('errorQuery', { max: MAX_QUERY_LENGTH });
    if (param === 'sida') return t('errorPage', { max: MAX_PAGE });
    if (FILTER_PARAMS.has(param)) return t('errorFilter', { param });
    return t('errorOther', { param });
  });
  return (
    <div className="error-summary search-error" role="alert" data-testid="search-error">
      <Heading className="error-summary__title search-error__title">{t('errorHeading')}</Heading>
      <p>{t('errorIntro')}</p>
      <ul className="error-summary__list">
        {[...new Set(messages)].map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
      <p>{t('errorTryAgain')}</p>
    </div>
  );
}
