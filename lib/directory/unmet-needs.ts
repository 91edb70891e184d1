/**
 * The unmet-needs report: the anonymous weekly search statistics (SearchStat, one row per
 * week and normalised query; see lib/search/stats.ts) of searches that found nothing or only
 * a few services, grouped by query over a period of whole weeks, with a weekly series, a
 * trend and the workshop issue a query was already turned into. Nothing here can point at a
 * person: there is no finer time than the week and no one who searched.
 *
 * `trendOf` and the parsing are pure; the loaders group in the database (one query for the
 * page's rows, one for their weekly series, one for the weekly totals).
 */
import { z } from 'zod';
import type { Actor } from '@/lib/authz/actor';
import { authorize } from '@/lib/authz/policy';
import { getDb } from '@/lib/db/client';
import { formErrorKeys } from '@/lib/forms/field-errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { normalizeQuery, weekStartOf } from '@/lib/search/stats';
import { draftedIssueNumbers, GAP_WEEKS } from '@/lib/workshop/search-gaps';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

export const UNMET_PERIODS = [4, 12, 26, 52] as const;
export type UnmetPeriod = (typeof UNMET_PERIODS)[number];
export const DEFAULT_UNMET_PERIOD: UnmetPeriod = 12;
export const UNMET_KINDS = ['both', 'zero', 'few'] as const;
export type UnmetKind = (typeof UNMET_KINDS)[number];
export const UNMET_PER_PAGE = 25;
/** The CSV holds every matching query, up to this many (far more than a region searches for). */
export const MAX_EXPORT_ROWS = 5000;
export const UNMET_FILTER_MAX_LENGTH = 100;

export const unmetNeedsErrors = formErrorKeys(['period', 'kind', 'tooLong', 'page']);

// ── Filter ─────────────────────────────────────────────────────────────────────────

export interface UnmetNeedsFilter {
  weeks: UnmetPeriod;
  kind: UnmetKind;
  /** The text filter as typed (trimmed); matched against the normalised queries. */
  q: string;
  page: number;
}

/** Query-string values: an absent or empty value means the default. */
const blankToUndefined = (value: unknown) => (value === null || value === '' ? undefined : value);

const filterSchema = z.object({
  weeks: z.preprocess(
    blankToUndefined,
    z
      .union([z.number(), z.string().regex(/^\d{1,3}$/, 'period')], { error: 'period' })
      .transform(Number)
      .refine((n): n is UnmetPeriod => (UNMET_PERIODS as readonly number[]).includes(n), 'period')
      .optional(),
  ),
  kind: z.preprocess(blankToUndefined, z.enum(UNMET_KINDS, { error: 'kind' }).optional()),
  q: z.preprocess(blankToUndefined, z.string({ error: 'tooLong' }).trim().max(UNMET_FILTER_MAX_LENGTH, 'tooLong').optional()),
  page: z.preprocess(
    blankToUndefined,
    z
      .union([z.number(), z.string().regex(/^\d{1,4}$/, 'page')], { error: 'page' })
      .transform(Number)
      .refine((n) => Number.isInteger(n) && n >= 1 && n < 10_000, 'page')
      .optional(),
  ),
});

/** The filter from untrusted input (a query string, a form), or INVALID_INPUT with a key per field. */
export function parseUnmetNeedsFilter(input: unknown): UnmetNeedsFilter {
  const parsed = unmetNeedsErrors.parse(filterSchema, input ?? {});
  return {
    weeks: (parsed.weeks ?? DEFAULT_UNMET_PERIOD) as UnmetPeriod,
    kind: parsed.kind ?? 'both',
    q: parsed.q ?? '',
    page: parsed.page ?? 1,
  };
}

/** The filter as the page's query string (defaults left out), for links, forms and the export. */
export function unmetNeedsQuery(filter: UnmetNeedsFilter, page = filter.page): Record<string, string> {
  return {
    ...(filter.weeks !== DEFAULT_UNMET_PERIOD ? { veckor: String(filter.weeks) } : {}),
    ...(filter.kind !== 'both' ? { typ: filter.kind } : {}),
    ...(filter.q ? { q: filter.q } : {}),
    ...(page > 1 ? { sida: String(page) } : {}),
  };
}

/** The page's query-string names mapped to the filter's fields. */
export function unmetNeedsInputOf(read: (name: string) => unknown): Record<string, unknown> {
  return { weeks: read('veckor'), kind: read('typ'), q: read('q'), page: read('sida') };
}

// ── Trend ──────────────────────────────────────────────────────────────────────────

export type TrendDirection = 'rising' | 'falling' | 'steady' | 'new';

export interface Trend {
  direction: TrendDirection;
  /** Unmet searches in the first and the last half of the period. */
  before: number;
  after: number;
}

/**
 * Compares the last half of a weekly series with the first half (the middle week of an odd
 * series counts in neither). "New" when the first half had none. A change counts only when
 * it is at least a quarter of the first half and at least 2 searches, so 1 -> 2 is steady.
 */
export function trendOf(series: readonly number[]): Trend {
  const half = Math.floor(series.length / 2);
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  const before = sum(series.slice(0, half));
  const after = sum(series.slice(series.length - half));
  if (before === 0) return { direction: after > 0 ? 'new' : 'steady', before, after };
  const threshold = Math.max(2, Math.ceil(before * 0.25));
  const direction = after - before >= threshold ? 'rising' : before - after >= threshold ? 'falling' : 'steady';
  return { direction, before, after };
}

// ── Weeks ──────────────────────────────────────────────────────────────────────────

export interface IsoWeek {
  /** Monday of the week, `YYYY-MM-DD`. */
  start: string;
  year: number;
  week: number;
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** ISO 8601 week number and week-year of a Monday given as `YYYY-MM-DD`. */
export function isoWeekOf(start: string): IsoWeek {
  const monday = new Date(`${start}T00:00:00Z`);
  const thursday = new Date(monday.getTime() + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / WEEK_MS) + 1;
  return { start, year, week };
}

/** The period's weeks, oldest first, ending with the week of `now` (Europe/Stockholm). */
export function periodWeeks(weeks: number, now: Date): IsoWeek[] {
  const last = weekStartOf(now).getTime();
  return Array.from({ length: weeks }, (_, i) => isoWeekOf(isoDate(new Date(last - (weeks - 1 - i) * WEEK_MS))));
}

// ── Report ─────────────────────────────────────────────────────────────────────────

export interface UnmetNeedRow {
  query: string;
  searches: number;
  zeroResults: number;
  fewResults: number;
  /** The searches the chosen kind counts (zero, few, or both). */
  unmet: number;
  /** Share of all searches for the query that found nothing, in percent with one decimal. */
  zeroPercent: number | null;
  /** How many results the latest search in the period had. */
  lastResultCount: number;
  /** Unmet searches per week of the period, oldest first (as `weeks`). */
  series: number[];
  trend: Trend;
  /** The workshop issue already drafted from this query. */
  issueNumber: number | null;
  /**
   * Whether "turn into a workshop issue" can be offered: the draft states how many searches
   * found nothing in the last GAP_WEEKS weeks, so a query needs at least one of those.
   */
  canDraft: boolean;
}

export interface UnmetWeekTotal extends IsoWeek {
  /** All searches that week for the queries the text filter matches. */
  searches: number;
  zeroResults: number;
  fewResults: number;
  unmet: number;
}

export interface UnmetNeedsReport {
  filter: UnmetNeedsFilter;
  weeks: IsoWeek[];
  rows: UnmetNeedRow[];
  /** Queries with unmet searches in the period (all pages). */
  total: number;
  pages: number;
  totals: UnmetWeekTotal[];
  now: Date;
}

/** The searches the kind counts, as SQL over one SearchStat row. */
function unmetSql(kind: UnmetKind): Prisma.Sql {
  if (kind === 'zero') return Prisma.sql`"zeroResultCount"`;
  if (kind === 'few') return Prisma.sql`"lowResultCount"`;
  return Prisma.sql`("zeroResultCount" + "lowResultCount")`;
}

const unmetOf = (kind: UnmetKind, zero: number, few: number) => (kind === 'zero' ? zero : kind === 'few' ? few : zero + few);

/**
 * `LIKE` pattern for a text filter, normalised as the stored queries are (so "Spel!" finds
 * "spelberoende"); normalising leaves no `%`, `_` or backslash. Null when nothing is left.
 */
function containsPattern(q: string): string | null {
  const normalized = normalizeQuery(q);
  return normalized ? `%${normalized}%` : null;
}

interface GroupedRow {
  query: string;
  searches: number;
  zero: number;
  few: number;
  unmet: number;
  last: number;
  total: number;
}

interface WeekRow {
  query: string;
  week: string;
  searches: number;
  zero: number;
  few: number;
}

async function load(actor: Actor, input: unknown, limit: 'page' | 'all', now: Date): Promise<UnmetNeedsReport> {
  authorize(actor, 'searchStats.read', null);
  const filter = parseUnmetNeedsFilter(input);
  const weeks = periodWeeks(filter.weeks, now);
  const from = weeks[0]!.start;
  const to = weeks[weeks.length - 1]!.start;
  const unmet = unmetSql(filter.kind);
  const pattern = containsPattern(filter.q);
  const matches = pattern ? Prisma.sql`"normalizedQuery" LIKE ${pattern}` : Prisma.sql`TRUE`;
  const inPeriod = Prisma.sql`"weekStart" BETWEEN ${from}::date AND ${to}::date`;
  const take = limit === 'page' ? UNMET_PER_PAGE : MAX_EXPORT_ROWS;
  const offset = limit === 'page' ? (filter.page - 1) * UNMET_PER_PAGE : 0;
  const db = await getDb();

  const [grouped, weekly] = await Promise.all([
    db.$queryRaw<GroupedRow[]>`
      SELECT "normalizedQuery" AS "query",
        SUM("searchCount")::int AS "searches",
        SUM("zeroResultCount")::int AS "zero",
        SUM("lowResultCount")::int AS "few",
        SUM(${unmet})::int AS "unmet",
        (ARRAY_AGG("lastResultCount" ORDER BY "weekStart" DESC))[1]::int AS "last",
        (COUNT(*) OVER ())::int AS "total"
      FROM "SearchStat"
      WHERE ${inPeriod} AND ${matches}
      GROUP BY "normalizedQuery"
      HAVING SUM(${unmet}) > 0
      ORDER BY "unmet" DESC, "query" ASC
      LIMIT ${take} OFFSET ${offset}`,
    db.$queryRaw<Omit<WeekRow, 'query'>[]>`
      SELECT to_char("weekStart", 'YYYY-MM-DD') AS "week",
        SUM("searchCount")::int AS "searches",
        SUM("zeroResultCount")::int AS "zero",
        SUM("lowResultCount")::int AS "few"
      FROM "SearchStat"
      WHERE ${inPeriod} AND ${matches}
      GROUP BY "weekStart"`,
  ]);

  let total = grouped[0]?.total ?? 0;
  if (grouped.length === 0 && offset > 0) {
    // Past the last page: the window count came back with no row to carry it.
    const [count] = await db.$queryRaw<{ total: number }[]>`
      SELECT COUNT(*)::int AS "total" FROM (
        SELECT 1 FROM "SearchStat" WHERE ${inPeriod} AND ${matches} GROUP BY "normalizedQuery" HAVING SUM(${unmet}) > 0
      ) AS "unmetQueries"`;
    total = count?.total ?? 0;
  }

  const queries = grouped.map((g) => g.query);
  // The series also reach back over the draft's own window, to tell whether a row can become an issue.
  const gapSince = new Date(now.getTime() - GAP_WEEKS * WEEK_MS);
  const seriesFrom = isoDate(weekStartOf(gapSince)) < from ? isoDate(weekStartOf(gapSince)) : from;
  const [series, issueOf] = await Promise.all([
    queries.length
      ? db.$queryRaw<WeekRow[]>`
          SELECT "normalizedQuery" AS "query", to_char("weekStart", 'YYYY-MM-DD') AS "week",
            "searchCount" AS "searches", "zeroResultCount" AS "zero", "lowResultCount" AS "few"
          FROM "SearchStat"
          WHERE "normalizedQuery" = ANY(${queries}) AND "weekStart" BETWEEN ${seriesFrom}::date AND ${to}::date`
      : Promise.resolve([] as WeekRow[]),
    draftedIssueNumbers(db, queries),
  ]);

  const weekIndex = new Map(weeks.map((w, i) => [w.start, i]));
  const seriesOf = new Map(queries.map((q) => [q, weeks.map(() => 0)]));
  const recentZero = new Map<string, number>();
  for (const s of series) {
    const i = weekIndex.get(s.week);
    if (i !== undefined) seriesOf.get(s.query)![i] = unmetOf(filter.kind, s.zero, s.few);
    if (new Date(`${s.week}T00:00:00Z`) >= gapSince) recentZero.set(s.query, (recentZero.get(s.query) ?? 0) + s.zero);
  }

  const weeklyOf = new Map(weekly.map((w) => [w.week, w]));
  return {
    filter,
    weeks,
    rows: grouped.map((g) => {
      const rowSeries = seriesOf.get(g.query)!;
      return {
        query: g.query,
        searches: g.searches,
        zeroResults: g.zero,
        fewResults: g.few,
        unmet: g.unmet,
        zeroPercent: g.searches > 0 ? Math.round((g.zero / g.searches) * 1000) / 10 : null,
        lastResultCount: g.last,
        series: rowSeries,
        trend: trendOf(rowSeries),
        issueNumber: issueOf.get(g.query) ?? null,
        canDraft: (recentZero.get(g.query) ?? 0) > 0,
      };
    }),
    total,
    pages: Math.max(1, Math.ceil(total / UNMET_PER_PAGE)),
    totals: weeks.map((w) => {
      const t = weeklyOf.get(w.start);
      const zero = t?.zero ?? 0;
      const few = t?.few ?? 0;
      return { ...w, searches: t?.searches ?? 0, zeroResults: zero, fewResults: few, unmet: unmetOf(filter.kind, zero, few) };
    }),
    now,
  };
}

/** A fixed "now" for the period, when the input carries one (tests, a report as of a date). */
function nowOf(input: unknown): Date {
  const now = input !== null && typeof input === 'object' && 'now' in input ? input.now : undefined;
  return now instanceof Date && !Number.isNaN(now.getTime()) ? now : new Date();
}

/**
 * One page of the report for the coordinator. `input` is untrusted: `{ weeks, kind, q, page }`
 * as numbers or query-string text (plus an optional `now: Date`); anything else is
 * INVALID_INPUT with a key per field.
 */
export async function loadUnmetNeeds(actor: Actor, input: unknown = {}): Promise<UnmetNeedsReport> {
  return load(actor, input, 'page', nowOf(input));
}

/** Every matching query (the page number is ignored), for the CSV export. */
export async function loadUnmetNeedsForExport(actor: Actor, input: unknown = {}): Promise<UnmetNeedsReport> {
  return load(actor, input, 'all', nowOf(input));
}
