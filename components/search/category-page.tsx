import { getTranslations } from 'next-intl/server';
import { CategoryIcon } from '@/components/icons/category-icon';
import type { AppLocale } from '@/i18n/routing';
import type { FacetOption } from '@/lib/directory/cards';
import { loadSearch } from './load-search';
import { SearchError } from './search-error';
import { createSearchLinks } from './search-links';
import { SEARCH_INPUT_ID, readSearchQuery } from './search-page';
import { SearchPageForm } from './search-page-form';
import { SearchResults } from './search-results';
import './search.css';

interface CategoryPageProps {
  locale: AppLocale;
  category: FacetOption;
  searchParams: Record<string, string | string[] | undefined>;
}

/**
 * `/kategorier/[slug]`: the category as the page's heading, then the same results and
 * filters as the search page with the category chosen. Other parameters (municipality,
 * page...) work as on `/sok`.
 */
export async function CategoryPage({ locale, category, searchParams }: CategoryPageProps) {
  const t = await getTranslations('SearchPage');
  const links = createSearchLinks(locale, category.value);
  const parsed = readSearchQuery(searchParams);
  const query = 'query' in parsed ? { ...parsed.query, categories: [category.value, ...parsed.query.categories.filter((c) => c !== category.value)] } : null;
  const data = query ? await loadSearch(query, locale) : null;

  return (
    <div className="container search-page category-page">
      <p className="category-page__up">
        <a href={links.searchPath}>{t('otherCategories')}</a>
      </p>
      <div className="category-page__header">
        <CategoryIcon name={category.icon ?? ''} className="category-page__icon" />
        <div>
          <h1 className="category-page__title">{category.label}</h1>
          {category.description ? <p className="category-page__description">{category.description}</p> : null}
        </div>
      </div>
      {'fieldErrors' in parsed ? <SearchError fieldErrors={parsed.fieldErrors} headingLevel={2} /> : null}
      <SearchPageForm
        action={links.searchPath}
        inputId={SEARCH_INPUT_ID}
        query={query ?? { q: '', categories: [category.value], municipalities: [], targetGroups: [], languages: [], attributes: [], openNow: false }}
        label={t('categorySearchLabel', { category: category.label })}
      />
      {data ? <SearchResults data={data} links={links} category={category.value} /> : null}
    </div>
  );
}
