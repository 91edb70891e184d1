/**
 * Which thesaurus entries fired, from the anonymous weekly search statistics: for the last
 * 12 weeks, each counted query (already normalised and anonymous) is matched against the
 * active entries exactly as a search would match it, and its searches are added to every entry
 * that fired. Queries no entry fired on and that mostly found nothing or little make the
 * coordinator's to-do list: words residents use that the thesaurus does not know yet.
 */
import type { Actor } from '@/lib/authz/actor';
import { authorize } from '@/lib/authz/policy';
import { getDb } from '@/lib/db/client';
import { weekStartOf } from '../stats';
import { searchWords } from '../words';
import { listActiveThesaurus, type ThesaurusEntry } from './entries';
import { findThesaurusMatches } from './match';

export const USAGE_WEEKS = 12;
/** The most searched queries read; the long tail of one-off queries says little per entry. */
export const USAGE_QUERY_LIMIT = 5000;
export const EXAMPLES_PER_ENTRY = 3;
export const UNMATCHED_LIMIT = 20;

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** One normalised query, summed over the weeks read. */
export interface QueryTally {
  query: string;
  searches: number;
  /** Searches that found nothing. */
  zeroResults: number;
  /** Searches that found a few (lib/search/stats.ts LOW_RESULT_LIMIT) results. */
  lowResults: number;
}

export interface EntryUsage {
  /** Searches the entry fired on. */
  searches: number;
  /** Distinct queries it fired on. */
  queries: number;
  /** The most searched of those queries. */
  examples: string[];
}

export interface UsageTally {
  /** Keyed by entry input; entries that never fired are absent. */
  byInput: Record<string, EntryUsage>;
  /** Queries no entry fired on, mostly without results or with few, most searched first. */
  unmatched: QueryTally[];
}

export interface ThesaurusUsage extends UsageTally {
  /** Monday of the first week read. */
  since: Date;
  weeks: number;
  /** Distinct queries read, and whether the cap cut some off. */
  queriesRead: number;
  isCapped: boolean;
}

/** One way an entry can fire: a member's words, the last possibly a prefix (`*`). */
interface Trigger {
  entry: ThesaurusEntry;
  /** The words after the first. */
  rest: string[];
  isPrefix: boolean;
}

/**
 * The entries that could fire on a query, so each query is matched against a handful of
 * entries rather than all of them. It may offer too many (the matcher decides) but never too
 * few: an entry fires only when every word of one of its members is in the query (the last
 * one possibly as the start of a query word, for a `*`), so an entry none of whose members
 * passes that test cannot fire.
 */
function candidateFinder(entries: readonly ThesaurusEntry[]): (words: readonly string[]) => ThesaurusEntry[] {
  const order = new Map(entries.map((entry, i) => [entry, i]));
  const byFirstWord = new Map<string, Trigger[]>();
  const byPrefix: { prefix: string; entry: ThesaurusEntry }[] = [];
  for (const entry of entries) {
    for (const member of [entry.input, ...entry.synonyms]) {
      const [first, ...rest] = searchWords(member);
      if (!first) continue;
      const isPrefix = /\*\s*$/.test(member);
      if (rest.length === 0 && isPrefix) byPrefix.push({ prefix: first, entry });
      else byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), { entry, rest, isPrefix }]);
    }
  }
  return (words) => {
    const present = new Set(words);
    const hasWordStartingWith = (prefix: string) => words.some((word) => word.startsWith(prefix));
    const found = new Set<ThesaurusEntry>();
    for (const word of present) {
      for (const { entry, rest, isPrefix } of byFirstWord.get(word) ?? []) {
        if (found.has(entry)) continue;
        const last = rest.length - 1;
        if (rest.every((w, i) => present.has(w) || (isPrefix && i === last && hasWordStartingWith(w)))) found.add(entry);
      }
      for (const { prefix, entry } of byPrefix) if (word.startsWith(prefix)) found.add(entry);
    }
    // The table's order, as the matcher would meet them.
    return [...found].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  };
}

/** A query is on the to-do list when at least half of its searches found nothing or little. */
const mostlyUnanswered = (q: QueryTally) => q.zeroResults + q.lowResults > 0 && (q.zeroResults + q.lowResults) * 2 >= q.searches;

/** Pure: tallies queries (most searched first) against entries; for the page and for tests. */
export function tallyThesaurusUsage(queries: readonly QueryTally[], entries: readonly ThesaurusEntry[]): UsageTally {
  const candidatesFor = candidateFinder(entries);
  const byInput: Record<string, EntryUsage> = {};
  const unmatched: QueryTally[] = [];
  const ordered = [...queries].sort((a, b) => b.searches - a.searches || a.query.localeCompare(b.query, 'sv'));
  for (const tally of ordered) {
    const words = searchWords(tally.query);
    const matches = words.length > 0 ? findThesaurusMatches(words, candidatesFor(words)) : [];
    if (matches.length === 0) {
      if (unmatched.length < UNMATCHED_LIMIT && mostlyUnanswered(tally)) unmatched.push(tally);
      continue;
    }
    for (const input of new Set(matches.map((m) => m.input))) {
      const usage = (byInput[input] ??= { searches: 0, queries: 0, examples: [] });
      usage.searches += tally.searches;
      usage.queries += 1;
      if (usage.examples.length < EXAMPLES_PER_ENTRY) usage.examples.push(tally.query);
    }
  }
  return { byInput, unmatched };
}

/** The statistics of the last 12 weeks (this one included) against the active thesaurus. */
export async function getThesaurusUsage(actor: Actor, now = new Date()): Promise<ThesaurusUsage> {
  authorize(actor, 'searchStats.read', null);
  const db = await getDb();
  const since = new Date(weekStartOf(now).getTime() - (USAGE_WEEKS - 1) * WEEK_MS);
  const [rows, entries] = await Promise.all([
    db.searchStat.groupBy({
      by: ['normalizedQuery'],
      where: { weekStart: { gte: since } },
      _sum: { searchCount: true, zeroResultCount: true, lowResultCount: true },
      orderBy: [{ _sum: { searchCount: 'desc' } }, { normalizedQuery: 'asc' }],
      take: USAGE_QUERY_LIMIT,
    }),
    listActiveThesaurus(db),
  ]);
  const queries: QueryTally[] = rows.map((row) => ({
    query: row.normalizedQuery,
    searches: row._sum.searchCount ?? 0,
    zeroResults: row._sum.zeroResultCount ?? 0,
    lowResults: row._sum.lowResultCount ?? 0,
  }));
  return { ...tallyThesaurusUsage(queries, entries), since, weeks: USAGE_WEEKS, queriesRead: queries.length, isCapped: queries.length === USAGE_QUERY_LIMIT };
}
