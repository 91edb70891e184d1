import type { OpenNowFilter } from '@/lib/directory/open-now';
import type { AnalyzedQuery } from './analyze';
import type { FacetName, SearchQuery } from './query';

export type EngineName = 'meilisearch' | 'postgres';

export interface SearchHit {
  id: string;
  slug: string;
  /** In the requested language where a translation exists. */
  name: string;
  organization: { slug: string; name: string };
  /** Category slugs, primary first. */
  categories: string[];
  /** Municipality slugs the service covers. */
  municipalities: string[];
  /** Plain text (never HTML): the summary in the requested language, shortened. */
  snippet: string;
}

/** Per facet, how many results each value would give (value -> count). */
export type FacetCounts = Record<FacetName, Record<string, number>> & {
  /** How many results are open now (under every other filter). */
  openNow: number;
};

export interface SearchResult {
  engine: EngineName;
  total: number;
  page: number;
  perPage: number;
  hits: SearchHit[];
  facets: FacetCounts;
}

export interface EngineRequest {
  query: SearchQuery;
  /** `query.q` analysed (lib/search/analyze.ts): the words that count, compounds, thesaurus. */
  analysis: AnalyzedQuery;
  /** UI language: hits are named and summarised in it where a translation exists. */
  locale: string;
  /** Present when the query asks for open now, and for the open-now facet count. */
  openNow: OpenNowFilter;
}

/**
 * Facet semantics both engines follow:
 * - categories, municipalities, targetGroups, languages: values within a facet are OR'ed;
 *   each facet's counts are computed with every filter except that facet's own (so the
 *   other values of a facet keep useful counts when one is chosen);
 * - attributes: every chosen attribute must hold; counts are over the current results;
 * - openNow: counts over every filter but open-now itself.
 * Without `q`, results are ordered by freshness, then name. With `q`, a service is a result
 * when it matches any of the analysis: one of the resident's words (or a compound's parts), a
 * thesaurus term, or a category the thesaurus points to; results are ordered by relevance
 * (more of the resident's own words first, then thesaurus terms, then the category alone),
 * with fresher listings first among equals.
 */
export interface SearchEngine {
  readonly name: EngineName;
  search(request: EngineRequest): Promise<SearchResult>;
}

export const SNIPPET_LENGTH = 180;

/** Shortens plain text at a word boundary. */
export function shorten(text: string, length = SNIPPET_LENGTH): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= length) return clean;
  const cut = clean.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}
