/**
 * Anonymous weekly search statistics: the normalised query and how many results it had,
 * counted per week. No IP address, no session, no time of day is stored, and long numbers
 * (personal identity or phone numbers people paste) are masked before anything is kept.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '@/lib/db/client';
import { instantOfWallClock, wallClockAt } from '@/lib/time/zoned';
import { errorText, log } from '@/lib/log';
import { foldText } from './document';

/** A search with this many results or fewer counts as "few results" (unmet needs). */
export const LOW_RESULT_LIMIT = 2;
const MAX_STORED_LENGTH = 100;

/** Lower case, no punctuation, single spaces, numbers of 6+ digits masked, at most 100 characters. */
export function normalizeQuery(query: string): string {
  return query
    .normalize('NFC')
    .toLowerCase()
    // Personal identity and phone numbers, also written with spaces or dashes; years stay.
    .replace(/\d[\d\s-]*\d/g, (run) => (run.replace(/\D/g, '').length >= 6 ? '#' : run))
    .replace(/[^\p{L}\p{N}#]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ')
    .slice(0, MAX_STORED_LENGTH)
    .trim();
}

/** Monday of the instant's week in Europe/Stockholm, as a date (UTC midnight) for the DATE column. */
export function weekStartOf(instant: Date): Date {
  const clock = wallClockAt(instant);
  const noon = instantOfWallClock(clock.year, clock.month, clock.day, 12, 0);
  const monday = new Date(noon.getTime() - (clock.weekday - 1) * 24 * 60 * 60 * 1000);
  const m = wallClockAt(monday);
  return new Date(Date.UTC(m.year, m.month - 1, m.day));
}

/**
 * Counts one search. An empty query (browsing by filters) is not a search for words and is
 * not counted. Never throws: statistics must not break a search.
 */
export async function recordSearch(db: Db, query: string, resultCount: number, now = new Date()): Promise<void> {
  const normalized = normalizeQuery(query);
  if (!normalized || !foldText(normalized).trim()) return;
  const zero = resultCount === 0 ? 1 : 0;
  const low = resultCount > 0 && resultCount <= LOW_RESULT_LIMIT ? 1 : 0;
  try {
    // One statement, so concurrent searches for the same words add up instead of colliding.
    await db.$executeRaw`
      INSERT INTO "SearchStat" ("id", "weekStart", "normalizedQuery", "searchCount", "zeroResultCount", "lowResultCount", "lastResultCount")
      VALUES (${randomUUID()}, ${weekStartOf(now)}::date, ${normalized}, 1, ${zero}, ${low}, ${resultCount})
      ON CONFLICT ("weekStart", "normalizedQuery") DO UPDATE SET
        "searchCount" = "SearchStat"."searchCount" + 1,
        "zeroResultCount" = "SearchStat"."zeroResultCount" + ${zero},
        "lowResultCount" = "SearchStat"."lowResultCount" + ${low},
        "lastResultCount" = ${resultCount}`;
  } catch (error) {
    log('warn', 'search statistics not recorded', { error: errorText(error) });
  }
}
