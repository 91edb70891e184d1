import { getLocale, getTranslations } from 'next-intl/server';
import type { AppLocale } from '@/i18n/routing';
import { servicePath } from '@/lib/my-list/service-url';
import { searchQueryToParams, type SearchQuery } from '@/lib/search/query';
import { LiveSearch, type LiveSearchTexts } from './live-search';

/** Suggestions under the box: enough to recognise a service, few enough to read at a glance. */
const LIVE_LIMIT = 5;

interface SearchPageFormProps {
  /** The search page, where the form is sent. */
  action: string;
  inputId: string;
  /** The search being shown: its text fills the box and its filters go along with a new search. */
  query: Pick<SearchQuery, 'q' | 'categories' | 'municipalities' | 'targetGroups' | 'languages' | 'attributes' | 'openNow'>;
  /** Visible label; the default asks what the visitor needs help with. */
  label?: string;
}

/**
 * The search page's own search box: a plain GET form that keeps the chosen filters (hidden
 * fields, removable as chips below it) and, with JavaScript, suggests services as you type.
 */
export async function SearchPageForm({ action, inputId, query, label }: SearchPageFormProps) {
  const locale = (await getLocale()) as AppLocale;
  const [t, tPage] = await Promise.all([getTranslations('Search'), getTranslations('SearchPage')]);
  const filters = searchQueryToParams({ ...query, q: '', page: 1 });
  const liveParams = new URLSearchParams(filters);
  liveParams.set('lang', locale);
  const texts: LiveSearchTexts = {
    listLabel: tPage('liveListLabel'),
    counts: Array.from({ length: LIVE_LIMIT + 1 }, (_, count) => tPage('liveCount', { count })),
    showAll: tPage('liveShowAll', { total: '{total}' }),
  };
  return (
    <form role="search" aria-label={t('landmarkHero')} action={action} method="get" className="search-form search-form--hero search-page-form">
      <label htmlFor={inputId} className="search-form__label">
        {label ?? t('heroLabel')}
      </label>
      <div className="search-form__row live-search">
        <div className="live-search__field">
          <LiveSearch
            inputId={inputId}
            defaultValue={query.q}
            placeholder={t('placeholder')}
            params={liveParams.toString()}
            servicePathPrefix={servicePath(locale, '')}
            texts={texts}
          />
        </div>
        <button type="submit" className="button search-form__submit">
          {t('submit')}
        </button>
      </div>
      {[...filters.entries()].map(([name, value]) => (
        <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
      ))}
    </form>
  );
}
