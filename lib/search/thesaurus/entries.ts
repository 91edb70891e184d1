/**
 * The active thesaurus entries, as every search reads them. Searches are many and edits rare,
 * so each process keeps the list for a short while; an edit in this process clears it at once,
 * other processes see it within `CACHE_MS`.
 */
import type { Db } from '@/lib/db/client';

export interface ThesaurusEntry {
  /** An everyday word or phrase; a trailing `*` matches any ending. */
  input: string;
  /** The terms services use for it. */
  synonyms: string[];
  /** Slugs of the categories whose services answer the need. */
  categories: string[];
  isMutual: boolean;
}

const CACHE_MS = 30_000;
const cache = new WeakMap<Db, { expires: number; entries: Promise<ThesaurusEntry[]> }>();
const categoryCache = new WeakMap<Db, { expires: number; names: Promise<Map<string, string>> }>();

/** Only active entries count; the coordinator can switch one off without deleting it. */
export async function listActiveThesaurus(db: Db): Promise<ThesaurusEntry[]> {
  const hit = cache.get(db);
  if (hit && hit.expires > Date.now()) return hit.entries;
  const entries = db.searchSynonym.findMany({
    where: { isActive: true },
    select: { input: true, synonyms: true, categories: true, isMutual: true },
    orderBy: { input: 'asc' },
  });
  cache.set(db, { expires: Date.now() + CACHE_MS, entries });
  // A failed read is tried again by the next search rather than remembered.
  entries.catch(() => cache.delete(db));
  return entries;
}

/**
 * The name of every active category by slug. Every service's search document carries its
 * categories' names, so a category's name finds all of its services on either engine.
 */
export async function categoryNamesBySlug(db: Db): Promise<Map<string, string>> {
  const hit = categoryCache.get(db);
  if (hit && hit.expires > Date.now()) return hit.names;
  const names = db.category
    .findMany({ where: { isActive: true }, select: { slug: true, name: true } })
    .then((rows) => new Map(rows.map((r) => [r.slug, r.name])));
  categoryCache.set(db, { expires: Date.now() + CACHE_MS, names });
  names.catch(() => categoryCache.delete(db));
  return names;
}

/** After an edit: the next search in this process reads the tables again. */
export function invalidateThesaurusCache(db: Db): void {
  cache.delete(db);
  categoryCache.delete(db);
}
