/**
 * Categories to offer when a search finds nothing or almost nothing, so that no search is a
 * dead end. The words of the query (and the coordinator's synonyms for them) are matched
 * against each category's names and descriptions in every language, spelling-tolerantly
 * (trigram similarity on folded text: "skuld", "skulder" and "Skulder" meet). When nothing
 * matches, the most used categories are offered instead.
 */
import type { Actor } from '@/lib/authz/actor';
import { getDb } from '@/lib/db/client';
import { foldText } from '@/lib/search/document';
import type { CategoryCard } from './queries';

/** Strict word similarity at or above this counts as the same word, typos included. */
const MATCH_THRESHOLD = 0.5;
const MIN_WORD_LENGTH = 3;
const MAX_WORDS = 12;

/**
 * Words too common to say anything about a category ("hjälp med ..."), folded. Most short
 * ones are already dropped by the minimum length.
 */
const STOP_WORDS = new Set([
  'och', 'att', 'det', 'som', 'for', 'med', 'till', 'jag', 'min', 'mig', 'mitt', 'mina', 'har', 'kan', 'vill', 'inte', 'den',
  'han', 'hon', 'hen', 'vad', 'var', 'hur', 'nar', 'ska', 'fran', 'eller', 'utan', 'efter', 'hjalp', 'hjalpa', 'stod', 'behover',
  'the', 'and', 'with', 'help', 'need', 'support', 'how', 'what', 'where', 'who',
]);

/** The query's distinct content words, folded (lower case, no diacritics). */
export function queryWords(query: string): string[] {
  const words = foldText(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= MIN_WORD_LENGTH && !STOP_WORDS.has(word));
  return [...new Set(words)].slice(0, MAX_WORDS);
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
  const words = queryWords(query);
  const rows = await db.$queryRaw<RelatedRow[]>`
    WITH query_words AS (
      SELECT unnest(${words}::text[]) AS word
    ),
    synonym_words AS (
      -- The coordinator's thesaurus: "kronofogden" also looks for "skuldrådgivning".
      SELECT regexp_split_to_table(unaccent(lower(term)), '[^[:alnum:]]+') AS word
      FROM "SearchSynonym" s
      CROSS JOIN LATERAL unnest(array_append(s."synonyms", s."input")) AS term
      WHERE s."isActive" AND (
        unaccent(lower(s."input")) IN (SELECT word FROM query_words)
        OR (s."isMutual" AND EXISTS (
          SELECT 1 FROM unnest(s."synonyms") AS member WHERE unaccent(lower(member)) IN (SELECT word FROM query_words)
        ))
      )
    ),
    words AS (
      SELECT word FROM query_words
      UNION
      SELECT word FROM synonym_words WHERE length(word) >= ${MIN_WORD_LENGTH}
    ),
    category_text AS (
      SELECT c."id",
        unaccent(lower(concat_ws(' ', c."name", string_agg(t."name", ' ')))) AS names,
        unaccent(lower(concat_ws(' ', c."description", string_agg(t."description", ' ')))) AS descriptions
      FROM "Category" c
      LEFT JOIN "CategoryTranslation" t ON t."categoryId" = c."id"
      WHERE c."isActive"
      GROUP BY c."id"
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
        coalesce((
          SELECT max(greatest(strict_word_similarity(w.word, ct.names), 0.8 * strict_word_similarity(w.word, ct.descriptions)))
          FROM words w
        ), 0) AS score
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
