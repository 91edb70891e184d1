/**
 * The fallback search engine: PostgreSQL full-text search (`swedish`) and pg_trgm over the
 * projection table ServiceSearchDocument (lib/search/projection.ts). It answers the same
 * requests as Meilisearch with the same facet semantics (lib/search/types.ts).
 *
 * The query arrives analysed (lib/search/analyze.ts). A service matches when it matches any
 * clause: one of the resident's words (stemmed, unstemmed for the translations, as the start
 * of a word, or, for a word no service contains, through the similar words services do
 * contain: a typo), a compound's parts together, a thesaurus term, or a category the
 * thesaurus points to. Its rank adds up the clauses it matches, the resident's own words
 * weighing most, so a service with more of what was asked comes first.
 *
 * Two round trips: the query's words are looked up (typos), then one statement returns the
 * page, the total and every facet count.
 */
import type { Db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import type { AnalyzedQuery } from '../analyze';
import { TRANSLATED_LOCALES } from '../document';
import { FACET_NAMES, type FacetName } from '../query';
import { searchWords } from '../words';
import { shorten, type EngineRequest, type FacetCounts, type SearchEngine, type SearchHit, type SearchResult } from '../types';

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
/** What a matched clause adds to a service's rank: the resident's own words count most. */
const CLAUSE_WEIGHTS = { word: 1, parts: 0.9, thesaurus: 0.8, category: 0.3 } as const;
/** Bounds the statement: thesaurus terms beyond these add little. */
const MAX_THESAURUS_PHRASES = 24;

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
// Only letters and digits reach it (searchWords): the prefix query cannot be malformed.
const prefix = (word: string) => Prisma.sql`to_tsquery('simple', ${word}::text || ':*')`;
const anyOf = (queries: Prisma.Sql[]) => Prisma.sql`(${Prisma.join(queries, ' || ')})`;
const allOf = (queries: Prisma.Sql[]) => Prisma.sql`(${Prisma.join(queries, ' && ')})`;

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

/** For each word no service contains, the words of services it may have been meant as. */
async function lookUpCorrections(db: Db, words: string[]): Promise<Map<string, string[]>> {
  if (words.length === 0) return new Map();
  const rows = await db.$queryRaw<{ word: string; corrections: string[] }[]>`
    SELECT x.word,
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
  return new Map(rows.map((r) => [r.word, r.corrections]));
}

interface TextQuery {
  /** What a service must match (any clause). */
  match: Prisma.Sql;
  /** The relevance of a matching service. */
  rank: Prisma.Sql;
}

/**
 * The clauses of an analysed query: each a tsquery (or, for categories, a condition) and what
 * matching it adds to the rank.
 */
function textQuery(analysis: AnalyzedQuery, corrections: Map<string, string[]>): TextQuery | null {
  const last = analysis.terms[analysis.terms.length - 1];
  const clauses: { query: Prisma.Sql; weight: number }[] = [];
  for (const term of analysis.terms) {
    clauses.push({
      weight: CLAUSE_WEIGHTS.word,
      // The last word may be unfinished (results as you type).
      query: anyOf([sv(term.word), simple(term.word), ...(term === last ? [prefix(term.word)] : []), ...(corrections.get(term.word) ?? []).map(sv)]),
    });
    if (term.parts.length > 0) {
      clauses.push({ weight: CLAUSE_WEIGHTS.parts, query: allOf(term.parts.map((part) => anyOf([sv(part), prefix(part)]))) });
    }
  }
  const phrases = [...new Set(analysis.matches.flatMap((m) => m.alternatives.map((a) => searchWords(a).join(' '))))].filter(Boolean);
  // A phrase of stop words only would match nothing: leave it out rather than send an empty query.
  const thesaurus = phrases.slice(0, MAX_THESAURUS_PHRASES).map((phrase) => Prisma.sql`(CASE WHEN numnode(${sv(phrase)}) = 0 THEN ${simple(phrase)} ELSE ${sv(phrase)} END)`);
  if (thesaurus.length > 0) clauses.push({ weight: CLAUSE_WEIGHTS.thesaurus, query: anyOf(thesaurus) });
  const slugs = analysis.categories.map((c) => c.slug);
  const inCategory = slugs.length > 0 ? Prisma.sql`(d."categories" && ${slugs}::text[])` : null;
  if (clauses.length === 0 && !inCategory) return null;

  // Each tsquery sits in a scalar subquery so the planner takes the full-text index rather
  // than matching row by row.
  const matches = clauses.map((c) => Prisma.sql`d."searchVector" @@ (SELECT ${c.query})`);
  const scores = clauses.map(
    (c, i) => Prisma.sql`CASE WHEN ${matches[i] as Prisma.Sql} THEN ${c.weight}::real * (1 + least(ts_rank_cd(d."searchVector", ${c.query}, 1), 1)) ELSE 0 END`,
  );
  if (inCategory) scores.push(Prisma.sql`CASE WHEN ${inCategory} THEN ${CLAUSE_WEIGHTS.category}::real ELSE 0 END`);
  return {
    match: or([...matches, ...(inCategory ? [inCategory] : [])]),
    rank: Prisma.join(scores, ' + '),
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
    async search({ query, analysis, locale, openNow }: EngineRequest): Promise<SearchResult> {
      const [text, order] = await Promise.all([
        analysis.terms.length > 0 || analysis.matches.length > 0
          ? lookUpCorrections(db, analysis.terms.map((t) => t.word)).then((corrections) => textQuery(analysis, corrections))
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
        text ? text.match : TRUE,
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
