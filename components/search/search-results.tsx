import { useLocale, useTranslations } from 'next-intl';
import { ActiveFilters } from './active-filters';
import { CrisisBox } from './crisis-box';
import { FilterPanel, countFilters } from './filter-panel';
import { FEW_RESULTS, type SearchPageData } from './load-search';
import { NoDeadEnd } from './no-dead-end';
import type { SearchLinks } from './search-links';
import { SearchPagination } from './search-pagination';
import { ServiceCardView } from './service-card';
import { MAX_PAGE } from '@/lib/search/query';

interface SearchResultsProps {
  data: SearchPageData;
  links: SearchLinks;
  /** On a category page: its slug. The count is then a subheading under the category's name. */
  category?: string;
}

/**
 * The results of a search or a category: the count, a crisis box when the words call for
 * one, the chosen filters, the filter panel, the cards, pages, and never a dead end.
 */
export function SearchResults({ data, links, category }: SearchResultsProps) {
  const t = useTranslations('SearchPage');
  const locale = useLocale();
  const { query, result, crisisLines, cards, labels, related, now } = data;
  const pageCount = Math.min(Math.ceil(result.total / result.perPage), MAX_PAGE);
  const isPastEnd = result.total > 0 && cards.length === 0;
  const CountHeading = category ? 'h2' : 'h1';
  const cardHeading = category ? 3 : 2;
  const count = query.q
    ? t('resultCountFor', { count: result.total, q: query.q })
    : category
      ? t('categoryHeadingServices', { count: result.total })
      : t('resultCount', { count: result.total });
  const first = (result.page - 1) * result.perPage + 1;
  // With nothing found and nothing to untick, filters would only be in the way.
  const showFilters = result.total > 0 || countFilters(query, category) > 0;

  return (
    <div className="search-results">
      <div className="search-results__summary">
        <CountHeading className="search-results__count" id="result-count" data-testid="result-count">
          {count}
        </CountHeading>
        {pageCount > 1 && !isPastEnd ? (
          <p className="search-results__showing">
            {t('showing', { from: first, to: first + cards.length - 1, total: result.total })}
          </p>
        ) : null}
      </div>
      {crisisLines.length > 0 ? <CrisisBox lines={crisisLines} /> : null}
      <ActiveFilters query={query} labels={labels} links={links} fixedCategory={category} />
      {cards.length > 0 ? (
        <a href="#search-results-list" className="search-skip">
          {t('skipToResults')}
        </a>
      ) : null}
      <div className={showFilters ? 'search-layout' : 'search-layout search-layout--single'}>
        {showFilters ? (
          <div className="search-layout__filters">
            <FilterPanel query={query} facets={result.facets} labels={labels} links={links} fixedCategory={category} />
          </div>
        ) : null}
        <div className="search-layout__results">
          {cards.length > 0 ? (
            <ol className="result-list" id="search-results-list" tabIndex={-1} aria-labelledby="result-count">
              {cards.map((card) => (
                <li key={card.id}>
                  <ServiceCardView card={card} labels={labels} locale={locale} headingLevel={cardHeading} now={now} />
                </li>
              ))}
            </ol>
          ) : null}
          {isPastEnd ? (
            <p className="notice">
              {t('pageOutOfRange')} <a href={links.href({ ...query, page: 1 })}>{t('firstPageLink')}</a>
            </p>
          ) : null}
          <SearchPagination query={query} pageCount={pageCount} links={links} />
          {result.total <= FEW_RESULTS ? (
            <NoDeadEnd
              query={query}
              total={result.total}
              related={related.filter((r) => r.slug !== category)}
              crisisLines={crisisLines}
              links={links}
              headingLevel={cardHeading}
              fixedCategory={category}
            />
          ) : null}
        </div>
      </div>
    </div>
  );
}
