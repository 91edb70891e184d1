import { cache } from 'react';
import { ANONYMOUS } from '@/lib/authz/actor';
import { listFacetLabels, listServiceCards, type FacetLabels, type ServiceCard } from '@/lib/directory/cards';
import type { CategoryCard } from '@/lib/directory/queries';
import { listRelatedCategories } from '@/lib/directory/related-categories';
import { crisisLinesFor, type CrisisLine } from '@/lib/search/crisis';
import { searchPosts, type PostCard } from '@/lib/news/queries';
import type { SearchQuery } from '@/lib/search/query';
import { searchDirectory } from '@/lib/search/service';
import type { SearchResult } from '@/lib/search/types';

/** At or below this many results the page also suggests related categories and help lines. */
export const FEW_RESULTS = 2;

export interface SearchPageData {
  query: SearchQuery;
  result: SearchResult;
  crisisLines: CrisisLine[];
  cards: ServiceCard[];
  labels: FacetLabels;
  related: CategoryCard[];
  /** Published news matching the words, shown beside the services on the first page. */
  posts: PostCard[];
  /** The instant "open now" was decided at. */
  now: Date;
}

/** Facet names for one request: a category page needs them for its metadata and its body. */
export const getFacetLabels = cache((locale: string): Promise<FacetLabels> => listFacetLabels(ANONYMOUS, locale));

/**
 * Browsing a category about violence is as much a sign of danger as searching for it: the
 * category's words (its slug, "vald-i-nara-relation") call up the same help lines.
 */
function withCategoryLines(lines: CrisisLine[], categories: string[]): CrisisLine[] {
  const fromCategories = categories.flatMap((slug) => crisisLinesFor(slug.replace(/-/g, ' ')));
  return [...new Set([...lines, ...fromCategories])];
}

/** Everything a results page shows, fetched with as much in parallel as the steps allow. */
export async function loadSearch(query: SearchQuery, locale: string, now: Date = new Date()): Promise<SearchPageData> {
  const [{ result, crisisLines }, labels, posts] = await Promise.all([
    searchDirectory(ANONYMOUS, query, { locale, now, record: true }),
    getFacetLabels(locale),
    query.q && query.page === 1 ? searchPosts(ANONYMOUS, query.q) : Promise.resolve([]),
  ]);
  const [cards, related] = await Promise.all([
    listServiceCards(
      ANONYMOUS,
      result.hits.map((hit) => hit.id),
      locale,
      now,
    ),
    result.total <= FEW_RESULTS ? listRelatedCategories(ANONYMOUS, query.q, locale) : Promise.resolve([]),
  ]);
  return { query, result, crisisLines: withCategoryLines(crisisLines, query.categories), cards, labels, related, posts, now };
}
