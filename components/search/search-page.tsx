import { getTranslations } from 'next-intl/server';
import { CategoryGrid } from '@/components/home/category-grid';
import type { AppLocale } from '@/i18n/routing';
import { ANONYMOUS } from '@/lib/authz/actor';
import { listCategoryCards } from '@/lib/directory/queries';
import { isAppError } from '@/lib/errors/app-error';
import { DEFAULT_PER_PAGE, hasFilters, parseSearchQuery, type SearchQuery } from '@/lib/search/query';
import { loadSearch } from './load-search';
import { SearchError } from './search-error';
import { createSearchLinks } from './search-links';
import { SearchPageForm } from './search-page-form';
import { SearchNews } from './search-news';
import { SearchResults } from './search-results';
import './search.css';

export const SEARCH_INPUT_ID = 'search-page-q';

const EMPTY_QUERY = { q: '', categories: [], municipalities: [], targetGroups: [], languages: [], attributes: [], openNow: false };

type Params = Record<string, string | string[] | undefined>;

/**
 * Parses the search parameters of a page. A bad parameter is answered with its field errors,
 * for the page to explain, never with an exception.
 */
export function readSearchQuery(params: Params): { query: SearchQuery } | { fieldErrors: Record<string, string[]> } {
  try {
    // Pages always show the default number per page; `per_sida` is for the API.
    return { query: { ...parseSearchQuery(params), perPage: DEFAULT_PER_PAGE } };
  } catch (error) {
    if (isAppError(error) && error.code === 'INVALID_INPUT') return { fieldErrors: error.fieldErrors ?? { q: [error.message] } };
    throw error;
  }
}

/**
 * `/sok`: with nothing asked yet, the search box and the categories to browse; with a query
 * or filters, the results; with a broken address, what is wrong and the search box.
 */
export async function SearchPage({ locale, searchParams }: { locale: AppLocale; searchParams: Params }) {
  const links = createSearchLinks(locale);
  const parsed = readSearchQuery(searchParams);

  if ('fieldErrors' in parsed) {
    return (
      <div className="container search-page">
        <SearchError fieldErrors={parsed.fieldErrors} />
        <SearchPageForm action={links.searchPath} inputId={SEARCH_INPUT_ID} query={EMPTY_QUERY} />
      </div>
    );
  }

  const { query } = parsed;
  if (!query.q && !hasFilters(query)) {
    const [t, categories] = await Promise.all([getTranslations('SearchPage'), listCategoryCards(ANONYMOUS, locale)]);
    return (
      <>
        <div className="container search-page search-page--browse">
          <h1>{t('browseHeading')}</h1>
          <p className="search-page__intro">{t('browseIntro')}</p>
          <SearchPageForm action={links.searchPath} inputId={SEARCH_INPUT_ID} query={query} />
        </div>
        <CategoryGrid categories={categories} />
      </>
    );
  }

  const data = await loadSearch(query, locale);
  return (
    <div className="container search-page">
      <SearchPageForm action={links.searchPath} inputId={SEARCH_INPUT_ID} query={query} />
      <SearchResults data={data} links={links} />
      {data.posts.length > 0 ? <SearchNews posts={data.posts} /> : null}
    </div>
  );
}
