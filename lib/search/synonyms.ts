/**
 * The coordinator's synonym table (SearchSynonym) applied to a query. Meilisearch gets the
 * groups as index settings; the PostgreSQL fallback expands the query with them here, so a
 * resident who writes "misshandel" also finds what is filed under "våld i nära relation".
 *
 * Matching is on folded text (lower case, no diacritics) and on whole words, so "Misshandel"
 * and "misshandel" expand alike and "ensam" does not fire inside "ensamhet".
 */
import type { Db } from '@/lib/db/client';
import { foldText } from './document';
import type { SynonymGroup } from './types';

/** Only active groups count; the coordinator can switch one off without deleting it. */
export async function listActiveSynonyms(db: Db): Promise<SynonymGroup[]> {
  return db.searchSynonym.findMany({
    where: { isActive: true },
    select: { input: true, synonyms: true, isMutual: true },
    orderBy: { input: 'asc' },
  });
}

/** The words of a text as search compares them: folded, split at anything not a letter or digit. */
export function searchWords(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

export interface SynonymMatch {
  /** Folded words of the group member found in the query. */
  words: string[];
  /** Where in the query's words the member starts. */
  start: number;
  /** What to search for instead of those words (as written in the table). */
  alternatives: string[];
}

function findPhrase(haystack: string[], needle: string[]): number {
  if (needle.length === 0 || needle.length > haystack.length) return -1;
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (needle.every((word, j) => haystack[i + j] === word)) return i;
  }
  return -1;
}

/** A phrase as compared: its folded words, single-spaced. */
const phraseKey = (text: string) => searchWords(text).join(' ');

const uniqueByFolded = (values: string[]) => {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = phraseKey(value);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/**
 * Each group member that occurs in the query, with what it stands for: a one-way group
 * (`isMutual` false) fires on its input only and brings in its synonyms; a mutual group fires
 * on any member and brings in every other member, the input included.
 */
export function findSynonymMatches(q: string, groups: readonly SynonymGroup[]): SynonymMatch[] {
  const queryWords = searchWords(q);
  if (queryWords.length === 0) return [];
  const matches: SynonymMatch[] = [];
  for (const group of groups) {
    const members = uniqueByFolded([group.input, ...group.synonyms]);
    const inputKey = phraseKey(group.input);
    const triggers = group.isMutual ? members : members.filter((m) => phraseKey(m) === inputKey);
    for (const trigger of triggers) {
      const words = searchWords(trigger);
      const start = findPhrase(queryWords, words);
      if (start < 0) continue;
      const alternatives = members.filter((m) => phraseKey(m) !== phraseKey(trigger));
      if (alternatives.length > 0) matches.push({ words, start, alternatives });
    }
  }
  return matches;
}

/**
 * The extra phrases to OR into a query: for every group member found in it (whole words,
 * compared folded), the phrases that member stands for. Never the query's own words.
 */
export function expandQuery(q: string, groups: readonly SynonymGroup[]): string[] {
  const own = phraseKey(q);
  return uniqueByFolded(findSynonymMatches(q, groups).flatMap((m) => m.alternatives)).filter((phrase) => phraseKey(phrase) !== own);
}
