import type { Meilisearch, MultiSearchQuery } from 'meilisearch';
import type { AnalyzedQuery } from '../analyze';
import { FACET_NAMES, type FacetName, type SearchQuery } from '../query';
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

/** How much a hit through each kind of query weighs, against one that has all the resident's words. */
const WEIGHTS = { term: 0.9, thesaurus: 0.8, category: 0.3 } as const;
/** Bounds the queries of one search: thesaurus terms beyond these add little. */
const MAX_THESAURUS_QUERIES = 12;

type TextQuery = { q: string; weight: number; matchingStrategy?: 'all'; filter?: string };

/**
 * The analysis as Meilisearch queries whose results are merged (federated search): one that
 * wants every word the resident typed, one per word and per compound's parts, one per
 * thesaurus term (taken in turn from each entry found), and one for the need's categories.
 * Meilisearch keeps each service once, with its best weighted score.
 */
export function textQueries({ terms, matches, categories }: AnalyzedQuery): TextQuery[] {
  const queries: TextQuery[] = [];
  if (terms.length > 1) queries.push({ q: terms.map((t) => t.word).join(' '), weight: 1, matchingStrategy: 'all' });
  for (const term of terms) {
    queries.push({ q: term.word, weight: terms.length > 1 ? WEIGHTS.term : 1 });
    if (term.parts.length > 0) queries.push({ q: term.parts.join(' '), weight: WEIGHTS.term, matchingStrategy: 'all' });
  }
  const alternatives = matches.map((m) => m.alternatives);
  const taken = new Set<string>();
  for (let round = 0; taken.size < MAX_THESAURUS_QUERIES && alternatives.some((a) => a.length > round); round++) {
    for (const entryAlternatives of alternatives) {
      const phrase = entryAlternatives[round]?.toLowerCase();
      if (!phrase || taken.has(phrase) || taken.size >= MAX_THESAURUS_QUERIES) continue;
      taken.add(phrase);
      queries.push({ q: phrase, weight: WEIGHTS.thesaurus, matchingStrategy: 'all' });
    }
  }
  // Every service's document carries its categories' names, so the name finds them all; an
  // empty query cannot be merged with the others (its order is freshness, not relevance).
  for (const category of categories) {
    queries.push({ q: category.name, weight: WEIGHTS.category, matchingStrategy: 'all', filter: `categories = ${JSON.stringify(category.slug)}` });
  }
  return queries;
}

interface Pass {
  filter: string[];
  facets: FacetName[];
  page: number;
  /** 0: counts only. */
  perPage: number;
}

/**
 * Search on Meilisearch: the page of hits and the facet counts. A browse is one multi-search
 * request (hits, one query per chosen disjunctive facet, the open-now count); a text search is
 * one federated request for each of those, in parallel.
 */
export function createMeiliEngine(client: Meilisearch, indexName: string): SearchEngine {
  async function browse(passes: Pass[]) {
    const queries: MultiSearchQuery[] = passes.map((pass) => ({
      indexUid: indexName,
      q: '',
      filter: pass.filter,
      facets: pass.facets,
      page: pass.page,
      hitsPerPage: pass.perPage,
      sort: ['freshness:desc', 'sortName:asc'],
    }));
    const { results } = await client.multiSearch({ queries });
    return results.map((r) => ({ hits: r.hits as unknown as StoredHit[], total: r.totalHits ?? r.estimatedTotalHits ?? 0, facets: r.facetDistribution ?? {} }));
  }

  async function federated(passes: Pass[], text: TextQuery[]) {
    return Promise.all(
      passes.map(async (pass) => {
        const result = await client.multiSearch({
          federation: { offset: (pass.page - 1) * pass.perPage, limit: pass.perPage, facetsByIndex: { [indexName]: pass.facets } },
          queries: text.map((t) => ({
            indexUid: indexName,
            q: t.q,
            filter: t.filter ? [...pass.filter, t.filter] : pass.filter,
            ...(t.matchingStrategy ? { matchingStrategy: t.matchingStrategy } : {}),
            federationOptions: { weight: t.weight },
          })),
        });
        return {
          hits: result.hits as unknown as StoredHit[],
          total: result.estimatedTotalHits ?? 0,
          facets: result.facetsByIndex?.[indexName]?.distribution ?? {},
        };
      }),
    );
  }

  return {
    name: 'meilisearch',
    async search(request: EngineRequest): Promise<SearchResult> {
      const { query } = request;
      const text = textQueries(request.analysis);
      const ownCounted = DISJUNCTIVE.filter((f) => query[f].length > 0);
      const passes: Pass[] = [
        {
          filter: filters(request),
          facets: [...DISJUNCTIVE.filter((f) => !ownCounted.includes(f)), 'attributes'],
          page: query.page,
          perPage: query.perPage,
        },
        ...ownCounted.map((facet) => ({ filter: filters(request, { without: facet }), facets: [facet], page: 1, perPage: 0 })),
      ];
      if (!query.openNow) passes.push({ filter: filters(request, { withOpenNow: true }), facets: [], page: 1, perPage: 0 });

      // A query without a word that counts ("%", "...") is a browse, as on PostgreSQL.
      const [main, ...rest] = text.length > 0 ? await federated(passes, text) : await browse(passes);
      if (!main) throw new Error('Meilisearch returned no result for the main query');
      const facets = emptyFacets();
      const distribution = (r: { facets: Record<string, Record<string, number>> }) => r.facets;
      for (const facet of [...DISJUNCTIVE, 'attributes'] as FacetName[]) {
        if (!ownCounted.includes(facet)) facets[facet] = distribution(main)[facet] ?? {};
      }
      ownCounted.forEach((facet, i) => {
        facets[facet] = distribution(rest[i] as (typeof rest)[number])[facet] ?? {};
      });
      facets.openNow = query.openNow ? main.total : (rest[ownCounted.length]?.total ?? 0);

      const hits: SearchHit[] = main.hits.map((hit) => {
        const localizedText = localized(hit, request.locale);
        return {
          id: hit.id,
          slug: hit.slug,
          name: localizedText.name,
          organization: { slug: hit.organizationSlug, name: hit.organizationName },
          categories: hit.categories,
          municipalities: hit.municipalities,
          snippet: shorten(localizedText.summary),
        };
      });
      return { engine: 'meilisearch', total: main.total, page: query.page, perPage: query.perPage, hits, facets };
    },
  };
}
