/**
 * The fallback search engine: PostgreSQL full-text search (`swedish`) and pg_trgm over the
 * projection table ServiceSearchDocument (lib/search/projection.ts). It answers the same
 * requests as Meilisearch with the same facet semantics (lib/search/types.ts).
 *
 * A service matches when every word of the query is found in it: stemmed, unstemmed (the
 * translations), as the start of a word for the last word (it may be unfinished), or, for a
 * word no service contains, through the similar words services do contain (a typo). A synonym
 * from the coordinator's table may stand in for the words it replaces. Stop words ("och",
 * "i") are left out; a query of nothing else is a browse.
 *
 * Two round trips: the query's words are looked up (stop words, typos) while the synonyms are
 * read, then one statement returns the page, the total and every facet count.
 */
import type { Db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { TRANSLATED_LOCALES } from '../document';
import { FACET_NAMES, MAX_QUERY_LENGTH, type FacetName } from '../query';
import { findSynonymMatches, listActiveSynonyms, searchWords } from '../synonyms';
import { shorten, type EngineRequest, type FacetCounts, type SearchEngine, type SearchHit, type SearchResult, type SynonymGroup } from '../types';

/** Like Meilisearch, only the first ten words of a query count; it also bounds the statement. */
const MAX_QUERY_WORDS = 10;
/** As in Meilisearch, shorter words must be spelt right: "vald" is not "välkommen". */
const MIN_TYPO_WORD_LENGTH = 5;
/**
 * Typos are looked up in this many services that contain one half of the word intact (with
 * one typo, one half always is), by the trigram index. Comparing the word with every
 * service's text instead (pg_trgm word_similarity) costs tens of microseconds a row, and the
 * trigram index cannot bound that work: a short word's trigrams are in thousands of rows.
 */
const TYPO_SAMPLE = 100;
/** pg_trgm similarity a word of a sampled service needs to count as meant: "ensamhet" is 0.73 from "ensamhett". */
const TYPO_SIMILARITY = 0.5;
const MAX_CORRECTIONS = 8;
/** Synonyms find what the resident may have meant, and rank below their own words. */
const SYNONYM_RANK_WEIGHT = 0.25;

/** The disjunctive facets: values within one are alternatives, and counts leave the facet's own filter out. */
const OR_FACETS = ['categories', 'municipalities', 'targetGroups', 'languages'] as const;
type OrFacet = (typeof OR_FACETS)[number];

const TRUE = Prisma.sql`TRUE`;
const and = (parts: Prisma.Sql[]) => (parts.length === 0 ? TRUE : Prisma.sql`(${Prisma.join(parts, ' AND ')})`);
const or = (parts: Prisma.Sql[]) => Prisma.sql`(${Prisma.join(parts, ' OR ')})`;
/** Column names are constants of this file, never input. */
const quoted = (name: string) => Prisma.raw(`"${name}"`);
const column = (name: string) => Prisma.raw(`d."${name}"`);

const sv = (text: string) => Prisma.sql`plainto_tsquery('swedish', ${text}::text)`;
const simple = (text: string) => Prisma.sql`plainto_tsquery('simple', ${text}::text)`;
const anyOf = (queries: Prisma.Sql[]) => Prisma.sql`(${Prisma.join(queries, ' || ')})`;
const allOf = (queries: Prisma.Sql[]) => Prisma.sql`(${Prisma.join(queries, ' && ')})`;

/** The words a query counts, or none (a query without a letter or digit is a browse). */
export function queryWordsOf(q: string): string[] {
  return [...new Set(searchWords(q.slice(0, MAX_QUERY_LENGTH)))].slice(0, MAX_QUERY_WORDS);
}

interface WordInfo {
  word: string;
  isStopWord: boolean;
  /** Words of services similar to this one, when no service contains it as written. */
  corrections: string[];
}

/**
 * A regular expression that finds the words one typo away from `word` (and more): one half is
 * intact, the first half at the start of a word or the second at the end of one. Words are
 * letters and digits only, so nothing in them has a meaning in a regular expression.
 */
function typoPattern(word: string): string | null {
  const letters = [...word];
  if (letters.length < MIN_TYPO_WORD_LENGTH) return null;
  const half = Math.floor(letters.length / 2);
  return `\\m${letters.slice(0, half).join('')}|${letters.slice(half).join('')}\\M`;
}

/** Which words are stop words, and for the ones no service contains, what they may have meant. */
async function lookUpWords(db: Db, words: string[]): Promise<WordInfo[]> {
  const rows = await db.$queryRaw<WordInfo[]>`
    SELECT x.word, numnode(plainto_tsquery('swedish', x.word)) = 0 AS "isStopWord",
      CASE WHEN x.pattern IS NULL
        -- A scalar subquery hides the tsquery from the planner, which then takes the index.
        OR EXISTS (SELECT 1 FROM "ServiceSearchDocument" e
          WHERE e."searchVector" @@ (SELECT plainto_tsquery('swedish', x.word) || plainto_tsquery('simple', x.word)))
      THEN ARRAY[]::text[]
      ELSE ARRAY(
        SELECT candidate.w FROM (
          SELECT DISTINCT w
          FROM (SELECT s."searchText" FROM "ServiceSearchDocument" s WHERE s."searchText" ~ x.pattern LIMIT ${TYPO_SAMPLE}::int) sample,
            regexp_split_to_table(sample."searchText", '[^[:alnum:]]+') w
          WHERE similarity(w, x.word) >= ${TYPO_SIMILARITY}::real
        ) candidate
        ORDER BY similarity(candidate.w, x.word) DESC, candidate.w
        LIMIT ${MAX_CORRECTIONS}::int)
      END AS corrections
    FROM unnest(${words}::text[], ${words.map(typoPattern)}::text[]) AS x(word, pattern)`;
  const byWord = new Map(rows.map((r) => [r.word, r]));
  return words.map((word) => byWord.get(word) ?? { word, isStopWord: false, corrections: [] });
}

interface TextQuery {
  /** The tsquery a service's vector must match. */
  match: Prisma.Sql;
  /** The relevance of a matching service. */
  rank: Prisma.Sql;
}

/** The tsquery of one word: any way it may be found. */
function wordQuery({ word, corrections }: WordInfo, isLast: boolean): Prisma.Sql {
  return anyOf([
    sv(word),
    simple(word),
    // Only letters and digits: the prefix query cannot be malformed.
    ...(isLast ? [Prisma.sql`to_tsquery('simple', ${word}::text || ':*')`] : []),
    ...corrections.map(sv),
  ]);
}

function textQuery(words: WordInfo[], synonyms: readonly SynonymGroup[]): TextQuery | null {
  const meaningful = words.filter((w) => !w.isStopWord);
  if (meaningful.length === 0) return null;
  const last = meaningful[meaningful.length - 1];
  const query = (info: WordInfo) => wordQuery(info, info === last);
  const alternatives = [allOf(meaningful.map(query))];
  const phrases = new Set<string>();
  for (const match of findSynonymMatches(words.map((w) => w.word).join(' '), synonyms)) {
    // The words a synonym stands for are replaced by it; the rest of the query still counts.
    const rest = words.filter((w, i) => !w.isStopWord && (i < match.start || i >= match.start + match.words.length));
    for (const alternative of match.alternatives) {
      const phrase = searchWords(alternative).join(' ');
      phrases.add(phrase);
      // A phrase of stop words only would leave just the rest of the query: no alternative.
      alternatives.push(Prisma.sql`CASE WHEN numnode(${sv(phrase)}) = 0 THEN ''::tsquery ELSE ${allOf([sv(phrase), ...rest.map(query)])} END`);
    }
  }
  const synonymRank =
    phrases.size > 0 ? Prisma.sql` + ${SYNONYM_RANK_WEIGHT}::real * ts_rank_cd(d."searchVector", ${anyOf([...phrases].map(sv))}, 1)` : Prisma.empty;
  return {
    match: anyOf(alternatives),
    rank: Prisma.sql`ts_rank_cd(d."searchVector", ${anyOf(meaningful.map(query))}, 1)${synonymRank}`,
  };
}

/**
 * Swedish alphabetical order (å, ä, ö after z). PostgreSQL built with ICU has the Swedish
 * collation, exact and fast; elsewhere (PGlite) the same order comes from a folded key with
 * å, ä, ö moved after z.
 */
const SWEDISH_COLLATION = Prisma.sql`d."name" COLLATE "sv-x-icu"`;
const SWEDISH_KEY = Prisma.sql`unaccent(translate(lower(d."name"), 'åäöæø', '{|}|}')) COLLATE "C"`;
const nameOrders = new WeakMap<Db, Promise<Prisma.Sql>>();

function nameOrder(db: Db): Promise<Prisma.Sql> {
  let order = nameOrders.get(db);
  if (!order) {
    order = db.$queryRaw<{ found: boolean }[]>`SELECT EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'sv-x-icu') AS found`.then(
      ([row]) => (row?.found ? SWEDISH_COLLATION : SWEDISH_KEY),
    );
    // A failed lookup is asked again next time rather than remembered.
    order.catch(() => nameOrders.delete(db));
    nameOrders.set(db, order);
  }
  return order;
}

/**
 * The counting pass groups by each facet's array (one grouping set per facet, plus one for
 * the totals); GROUPING() tells a row's set, with a bit set for every column not grouped by.
 */
const groupingOf = (facet: FacetName) =>
  FACET_NAMES.reduce((bits, f, i) => (f === facet ? bits : bits | (1 << (FACET_NAMES.length - 1 - i))), 0);
const TOTALS_GROUPING = (1 << FACET_NAMES.length) - 1;

/** At least all but one of these hold: each OR-facet's counts ignore that facet's own filter. */
function allButOne(conditions: Prisma.Sql[]): Prisma.Sql {
  if (conditions.length <= 1) return TRUE;
  // Spelt out as alternatives of conjunctions, which the GIN indexes on the arrays can answer.
  return or(conditions.map((_, skip) => and(conditions.filter((__, i) => i !== skip))));
}

const localized = (locale: string, field: 'name' | 'summary') =>
  (TRANSLATED_LOCALES as readonly string[]).includes(locale) ? `${field}_${locale}` : field;

interface RawHit {
  id: string;
  slug: string;
  name: string;
  summary: string | null;
  organizationSlug: string;
  organizationName: string;
  categories: string[];
  municipalities: string[];
}

interface RawResult {
  total: number | null;
  openNow: number | null;
  hits: RawHit[] | null;
  facets: [FacetName, string, number][] | null;
}

export function createPostgresEngine(db: Db): SearchEngine {
  return {
    name: 'postgres',
    async search({ query, locale, openNow }: EngineRequest): Promise<SearchResult> {
      const words = queryWordsOf(query.q);
      const [text, order] = await Promise.all([
        words.length > 0
          ? Promise.all([lookUpWords(db, words), listActiveSynonyms(db)]).then(([info, synonyms]) => textQuery(info, synonyms))
          : null,
        nameOrder(db),
      ]);

      const facetOk = Object.fromEntries(
        OR_FACETS.map((f) => [f, query[f].length > 0 ? Prisma.sql`(${column(f)} && ${query[f]}::text[])` : TRUE]),
      ) as Record<OrFacet, Prisma.Sql>;
      const active = OR_FACETS.filter((f) => query[f].length > 0);
      const allOk = and(active.map((f) => facetOk[f]));
      const othersOk = (facet: OrFacet) => and(active.filter((f) => f !== facet).map((f) => facetOk[f]));
      // openSlots arrays are long (every quarter hour of a week): reading them row by row
      // costs more than the rest of a row, so the GIN index answers (see `candidates`).
      const isOpen = Prisma.sql`((d."openSlots" @> (SELECT ARRAY[${openNow.slot}::int]) AND d."serviceId" <> ALL(${openNow.exactIds}::text[]))
        OR d."serviceId" = ANY(${openNow.openExactIds}::text[]))`;
      // Every row some count needs: text, attributes and open-now hold for all counts; a row
      // failing two OR-facet filters counts nowhere. The tsquery sits in a scalar subquery so
      // the planner takes the full-text index rather than matching row by row.
      const candidates = and([
        text ? Prisma.sql`d."searchVector" @@ (SELECT ${text.match})` : TRUE,
        query.attributes.length > 0 ? Prisma.sql`d."attributes" @> ${query.attributes}::text[]` : TRUE,
        query.openNow ? isOpen : TRUE,
        allButOne(active.map((f) => facetOk[f])),
      ]);
      const rank = text ? Prisma.sql`round((${text.rank})::numeric, 3)` : Prisma.sql`0`;
      const facetValues = (facet: FacetName) => Prisma.sql`
        SELECT ${facet}::text AS facet, v AS value, sum(n)::int AS n
        FROM counts, unnest(${quoted(facet)}) AS v
        WHERE grouping_set = ${groupingOf(facet)}::int GROUP BY v`;

      // The counting pass groups the candidates by their facet arrays (few distinct arrays,
      // however many services) before unnesting them; the page pass ranks only the results.
      const [row] = await db.$queryRaw<RawResult[]>`
        WITH counts AS (
          SELECT GROUPING(${Prisma.join(FACET_NAMES.map(quoted))}) AS grouping_set, ${Prisma.join(FACET_NAMES.map(quoted))},
            count(*) AS n,
            count(*) FILTER (WHERE all_ok) AS total
          FROM (
            SELECT ${Prisma.join(OR_FACETS.map((f) => Prisma.sql`CASE WHEN ${othersOk(f)} THEN ${column(f)} END AS ${quoted(f)}`))},
              CASE WHEN ${allOk} THEN d."attributes" END AS "attributes",
              ${allOk} AS all_ok
            FROM "ServiceSearchDocument" d
            WHERE ${candidates}
          ) AS candidate
          GROUP BY GROUPING SETS (${Prisma.join(FACET_NAMES.map((f) => Prisma.sql`(${quoted(f)})`))}, ())
        ),
        page AS (
          SELECT d."serviceId", ${rank} AS rank, d."freshness", ${order} AS name_order
          FROM "ServiceSearchDocument" d
          WHERE ${candidates} AND ${allOk}
          ORDER BY 2 DESC, 3 DESC, 4, 1
          LIMIT ${query.perPage}::int OFFSET ${(query.page - 1) * query.perPage}::int
        )
        SELECT
          (SELECT total FROM counts WHERE grouping_set = ${TOTALS_GROUPING}::int)::int AS "total",
          ${
            query.openNow
              ? Prisma.sql`(SELECT total FROM counts WHERE grouping_set = ${TOTALS_GROUPING}::int)::int`
              : Prisma.sql`(SELECT count(*) FROM "ServiceSearchDocument" d WHERE ${candidates} AND ${allOk} AND ${isOpen})::int`
          } AS "openNow",
          (SELECT json_agg(json_build_object(
              'id', d."serviceId",
              'slug', d."slug",
              'name', coalesce(nullif(d."document" ->> ${localized(locale, 'name')}::text, ''), d."document" ->> 'name'),
              'summary', coalesce(nullif(d."document" ->> ${localized(locale, 'summary')}::text, ''), d."document" ->> 'summary'),
              'organizationSlug', d."document" ->> 'organizationSlug',
              'organizationName', d."document" ->> 'organizationName',
              'categories', d."document" -> 'categories',
              'municipalities', d."document" -> 'municipalities'
            ) ORDER BY p.rank DESC, p."freshness" DESC, p.name_order, p."serviceId")
            FROM page p JOIN "ServiceSearchDocument" d ON d."serviceId" = p."serviceId") AS "hits",
          (SELECT json_agg(json_build_array(facet, value, n)) FROM (${Prisma.join(FACET_NAMES.map(facetValues), ' UNION ALL ')}) AS f) AS "facets"`;

      const facets: FacetCounts = { categories: {}, municipalities: {}, targetGroups: {}, languages: {}, attributes: {}, openNow: row?.openNow ?? 0 };
      for (const [facet, value, n] of row?.facets ?? []) facets[facet][value] = n;
      const hits: SearchHit[] = (row?.hits ?? []).map((h) => ({
        id: h.id,
        slug: h.slug,
        name: h.name,
        organization: { slug: h.organizationSlug, name: h.organizationName },
        categories: h.categories,
        municipalities: h.municipalities,
        snippet: shorten(h.summary ?? ''),
      }));
      return { engine: 'postgres', total: row?.total ?? 0, page: query.page, perPage: query.perPage, hits, facets };
    },
  };
}
