/**
 * Categories to offer when a search finds nothing or almost nothing, so that no search is a
 * dead end. First the categories the thesaurus points the query to ("kronofogden" -> money
 * and debt), then those whose names and descriptions, in every language, hold one of the
 * query's meaningful words spelling-tolerantly (trigram similarity on folded text: "skuld",
 * "skulder" and "Skulder" meet). When nothing matches, the most used categories are offered.
 */
import type { Actor } from '@/lib/authz/actor';
import { getDb } from '@/lib/db/client';
import { analyzeSearchQuery, type AnalyzedQuery } from '@/lib/search/analyze';
import type { CategoryCard } from './queries';

/** Strict word similarity at or above this counts as the same word, typos included. */
const MATCH_THRESHOLD = 0.5;
const MIN_WORD_LENGTH = 3;
/** A category the thesaurus names is as related as a category can be. */
const THESAURUS_SCORE = 2;

/** The query's meaningful words (no stop words), folded, long enough to compare. */
export function queryWords(analysis: AnalyzedQuery): string[] {
  return analysis.terms.map((t) => t.word).filter((word) => word.length >= MIN_WORD_LENGTH);
}

interface RelatedRow {
  slug: string;
  name: string;
  description: string;
  icon: string;
  service_count: number;
  is_match: boolean;
}

/**
 * Up to `limit` active categories related to `query`, best match first (then the most used);
 * when none is related, the most used categories. Names are in the UI language where
 * translated.
 */
export async function listRelatedCategories(_actor: Actor, query: string, locale: string, limit = 6): Promise<CategoryCard[]> {
  const db = await getDb();
  const analysis = await analyzeSearchQuery(db, query);
  const words = queryWords(analysis);
  const named = analysis.categories.map((c) => c.slug);
  const rows = await db.$queryRaw<RelatedRow[]>`
    WITH words AS (
      SELECT unnest(${words}::text[]) AS word
    ),
    category_text AS (
      SELECT c."id", c."slug",
        unaccent(lower(concat_ws(' ', c."name", string_agg(t."name", ' ')))) AS names,
        unaccent(lower(concat_ws(' ', c."description", string_agg(t."description", ' ')))) AS descriptions
      FROM "Category" c
      LEFT JOIN "CategoryTranslation" t ON t."categoryId" = c."id"
      WHERE c."isActive"
      GROUP BY c."id", c."slug"
    ),
    usage AS (
      SELECT sc."categoryId", count(*)::int AS service_count
      FROM "ServiceCategory" sc
      JOIN "Service" s ON s."id" = sc."serviceId" AND s."status" = 'ACTIVE'
      GROUP BY sc."categoryId"
    ),
    scored AS (
      SELECT ct."id",
        -- A word in the name says more than one in the description.
        CASE WHEN ct."slug" = ANY(${named}::text[]) THEN ${THESAURUS_SCORE}::real ELSE coalesce((
          SELECT max(greatest(strict_word_similarity(w.word, ct.names), 0.8 * strict_word_similarity(w.word, ct.descriptions)))
          FROM words w
        ), 0) END AS score
      FROM category_text ct
    )
    SELECT c."slug",
      coalesce(tr."name", c."name") AS name,
      coalesce(tr."description", c."description") AS description,
      c."icon",
      coalesce(u.service_count, 0) AS service_count,
      sc.score >= ${MATCH_THRESHOLD} AS is_match
    FROM scored sc
    JOIN "Category" c ON c."id" = sc."id"
    LEFT JOIN "CategoryTranslation" tr ON tr."categoryId" = c."id" AND tr."locale" = ${locale}
    LEFT JOIN usage u ON u."categoryId" = c."id"
    WHERE sc.score >= ${MATCH_THRESHOLD} OR coalesce(u.service_count, 0) > 0
    ORDER BY (sc.score >= ${MATCH_THRESHOLD}) DESC,
      CASE WHEN sc.score >= ${MATCH_THRESHOLD} THEN sc.score ELSE 0 END DESC,
      coalesce(u.service_count, 0) DESC,
      c."sortOrder" ASC
    LIMIT ${limit}`;
  // Matches come first; when there are any, the unrelated rows after them are left out.
  const matches = rows.filter((row) => row.is_match);
  return (matches.length > 0 ? matches : rows).map((row) => ({
    slug: row.slug,
    name: row.name,
    description: row.description,
    icon: row.icon,
    serviceCount: Number(row.service_count),
  }));
}
