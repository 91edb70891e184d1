import { getPathname } from '@/i18n/navigation';
import type { AppLocale } from '@/i18n/routing';
import { searchQueryToParams, type SearchQuery } from '@/lib/search/query';

/**
 * Addresses of search states, so every filter chip, page number and "without filters" link is
 * a plain link that works without JavaScript. On a category page a state that is just "this
 * category" (plus other filters or a page) stays on the category page; anything else goes to
 * the search page.
 */
export interface SearchLinks {
  /** The search page itself (the action of its GET forms). */
  searchPath: string;
  /** The address of a search state. */
  href(query: Partial<SearchQuery>): string;
  categoryPath(slug: string): string;
}

const withParams = (path: string, params: URLSearchParams) => {
  const text = params.toString();
  return text ? `${path}?${text}` : path;
};

export function createSearchLinks(locale: AppLocale, categorySlug?: string): SearchLinks {
  const searchPath = getPathname({ href: '/sok', locale });
  const categoryPath = (slug: string) => getPathname({ href: `/kategorier/${encodeURIComponent(slug)}`, locale });
  return {
    searchPath,
    categoryPath,
    href(query) {
      const categories = query.categories ?? [];
      if (categorySlug && categories.length === 1 && categories[0] === categorySlug) {
        return withParams(categoryPath(categorySlug), searchQueryToParams({ ...query, categories: [] }));
      }
      return withParams(searchPath, searchQueryToParams(query));
    },
  };
}
