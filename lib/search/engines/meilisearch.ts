import type { Meilisearch, MultiSearchQuery } from 'meilisearch';
import { FACET_NAMES, type FacetName, type SearchQuery } from '../query';
import { searchWords } from '../synonyms';
import { shorten, type EngineRequest, type FacetCounts, type SearchEngine, type SearchHit, type SearchResult } from '../types';

/** Facets where the chosen values are alternatives; their counts ignore their own filter. */
const DISJUNCTIVE: FacetName[] = ['categories', 'municipalities', 'targetGroups', 'languages'];

interface StoredHit {
  id: string;
  slug: string;
  name: string;
  name_en: string | null;
  name_ar: string | null;
  summary: string;
  summary_en: string | null;
  summary_ar: string | null;
  organizationName: string;
  organizationSlug: string;
  categories: string[];
  municipalities: string[];
}

const list = (values: string[]) => `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;

function facetFilter(facet: FacetName, values: string[]): string[] {
  if (values.length === 0) return [];
  // Attributes must all hold; the other facets offer alternatives.
  if (facet === 'attributes') return values.map((v) => `attributes = ${JSON.stringify(v)}`);
  return [`${facet} IN ${list(values)}`];
}

function openNowFilter({ openNow }: EngineRequest): string {
  const regular = openNow.exactIds.length > 0 ? `(openSlots = ${openNow.slot} AND NOT id IN ${list(openNow.exactIds)})` : `openSlots = ${openNow.slot}`;
  return openNow.openExactIds.length > 0 ? `(${regular} OR id IN ${list(openNow.openExactIds)})` : regular;
}

/** Every filter of the query, leaving out one facet (for its disjunctive counts) or open-now. */
function filters(request: EngineRequest, options: { without?: FacetName | 'openNow'; withOpenNow?: boolean } = {}): string[] {
  const query: SearchQuery = request.query;
  const parts = FACET_NAMES.filter((f) => f !== options.without).flatMap((f) => facetFilter(f, query[f]));
  if ((query.openNow && options.without !== 'openNow') || options.withOpenNow) parts.push(openNowFilter(request));
  return parts;
}

function localized(hit: StoredHit, locale: string): { name: string; summary: string } {
  if (locale === 'en') return { name: hit.name_en ?? hit.name, summary: hit.summary_en ?? hit.summary };
  if (locale === 'ar') return { name: hit.name_ar ?? hit.name, summary: hit.summary_ar ?? hit.summary };
  return { name: hit.name, summary: hit.summary };
}

const emptyFacets = (): FacetCounts => ({ categories: {}, municipalities: {}, targetGroups: {}, languages: {}, attributes: {}, openNow: 0 });

/**
 * Search on Meilisearch: the page of hits and every facet count in one multi-search request
 * (one query for the hits, one per chosen disjunctive facet, one for the open-now count).
 */
export function createMeiliEngine(client: Meilisearch, indexName: string): SearchEngine {
  return {
    name: 'meilisearch',
    async search(request: EngineRequest): Promise<SearchResult> {
      const { query } = request;
      // A query without a letter or digit ("%", "...") is a browse, as on PostgreSQL.
      const q = searchWords(query.q).length > 0 ? query.q : '';
      const base = { indexUid: indexName, q };
      const ownCounted = DISJUNCTIVE.filter((f) => query[f].length > 0);
      const queries: MultiSearchQuery[] = [
        {
          ...base,
          filter: filters(request),
          facets: [...DISJUNCTIVE.filter((f) => !ownCounted.includes(f)), 'attributes'],
          page: query.page,
          hitsPerPage: query.perPage,
          ...(q ? {} : { sort: ['freshness:desc', 'sortName:asc'] }),
        },
        ...ownCounted.map((facet) => ({ ...base, filter: filters(request, { without: facet }), facets: [facet], hitsPerPage: 0 })),
      ];
      if (!query.openNow) queries.push({ ...base, filter: filters(request, { withOpenNow: true }), hitsPerPage: 0 });

      const { results } = await client.multiSearch({ queries });
      const [main, ...rest] = results;
      if (!main) throw new Error('Meilisearch returned no result for the main query');
      const facets = emptyFacets();
      const distribution = (r: (typeof results)[number]) => (r.facetDistribution ?? {}) as Record<string, Record<string, number>>;
      for (const facet of [...DISJUNCTIVE, 'attributes'] as FacetName[]) {
        if (!ownCounted.includes(facet)) facets[facet] = distribution(main)[facet] ?? {};
      }
      ownCounted.forEach((facet, i) => {
        facets[facet] = distribution(rest[i] as (typeof results)[number])[facet] ?? {};
      });
      const total = main.totalHits ?? main.estimatedTotalHits ?? 0;
      facets.openNow = query.openNow ? total : (rest[ownCounted.length]?.totalHits ?? 0);

      const hits: SearchHit[] = (main.hits as unknown as StoredHit[]).map((hit) => {
        const text = localized(hit, request.locale);
        return {
          id: hit.id,
          slug: hit.slug,
          name: text.name,
          organization: { slug: hit.organizationSlug, name: hit.organizationName },
          categories: hit.categories,
          municipalities: hit.municipalities,
          snippet: shorten(text.summary),
        };
      });
      return { engine: 'meilisearch', total, page: query.page, perPage: query.perPage, hits, facets };
    },
  };
}
