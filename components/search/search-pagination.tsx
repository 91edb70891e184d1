import { useTranslations } from 'next-intl';
import type { SearchQuery } from '@/lib/search/query';
import type { SearchLinks } from './search-links';

interface SearchPaginationProps {
  query: SearchQuery;
  pageCount: number;
  links: SearchLinks;
}

/** Page numbers to show: the first, the last, and two on each side of the current one. */
export function pageWindow(current: number, pageCount: number): (number | 'gap')[] {
  const pages = new Set([1, pageCount, current - 2, current - 1, current, current + 1, current + 2]);
  const sorted = [...pages].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  return sorted.flatMap((page, index) => {
    const previous = sorted[index - 1];
    if (previous === undefined || page === previous + 1) return [page];
    // A gap of exactly one page is shown as that page rather than as an ellipsis.
    return page === previous + 2 ? [previous + 1, page] : ['gap' as const, page];
  });
}

/** Previous, numbered pages and next, as links that keep the query and its filters. */
export function SearchPagination({ query, pageCount, links }: SearchPaginationProps) {
  const t = useTranslations('SearchPage');
  if (pageCount <= 1) return null;
  const current = query.page;
  const href = (page: number) => links.href({ ...query, page });
  return (
    <nav className="search-pagination" aria-label={t('paginationLabel')}>
      <ul className="search-pagination__list">
        {current > 1 ? (
          <li>
            <a href={href(current - 1)} rel="prev" className="search-pagination__step">
              <span aria-hidden="true" className="search-pagination__arrow">
                ‹
              </span>{' '}
              {t('previous')}
            </a>
          </li>
        ) : null}
        {pageWindow(current, pageCount).map((page, index) =>
          page === 'gap' ? (
            <li key={`gap-${index}`} className="search-pagination__gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={page}>
              <a
                href={href(page)}
                className="search-pagination__page"
                aria-label={t('pageLabel', { page })}
                aria-current={page === current ? 'page' : undefined}
              >
                {page}
              </a>
            </li>
          ),
        )}
        {current < pageCount ? (
          <li>
            <a href={href(current + 1)} rel="next" className="search-pagination__step">
              {t('next')}{' '}
              <span aria-hidden="true" className="search-pagination__arrow">
                ›
              </span>
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
