/**
 * The steering group's figures for the synergy workshop (docs/decisions/0012, "Metrics").
 * Every duration and share is read from the event log, never from the timestamps cached on
 * the issue: the log is append-only, so a figure for last term stays the same when an issue
 * is reopened or edited today.
 *
 * `computeWorkshopMetrics` is pure (plain records in, numbers out, `now` passed in), so the
 * definitions are specified by hand-computed tests; the loaders read the database.
 */
import { z } from 'zod';
import type { Actor } from '@/lib/authz/actor';
import { authorize } from '@/lib/authz/policy';
import { getDb } from '@/lib/db/client';
import { formErrorKeys } from '@/lib/forms/field-errors';
import { instantOfWallClock, wallClockAt } from '@/lib/time/zoned';
import { CLOSED_STATES, isClosed, isOverdue, OPEN_STATES, type IssueState, type WorkshopEventType } from './states';

// ── Records in ─────────────────────────────────────────────────────────────────────

export interface MetricEvent {
  type: WorkshopEventType;
  toState: IssueState | null;
  createdAt: Date;
}

export interface MetricIssue {
  id: string;
  /** The current state: outcomes and "overdue now" are about today. */
  state: IssueState;
  dueAt: Date | null;
  categoryId: string | null;
  responderOrganizationIds: readonly string[];
  /** The issue's history; order does not matter (sorted by time here). */
  events: readonly MetricEvent[];
}

export interface NamedRef {
  id: string;
  name: string;
}

export interface MetricsInput {
  issues: readonly MetricIssue[];
  /** Every category, in display order: each gets a row, with zeros when it has no issue. */
  categories: readonly NamedRef[];
  /** At least the responder organisations of the issues (others are ignored). */
  organizations: readonly NamedRef[];
  now: Date;
  /** Only issues first submitted at or after this instant... */
  submittedFrom?: Date | null;
  /** ...and before this one (exclusive). */
  submittedBefore?: Date | null;
}

// ── Figures out ────────────────────────────────────────────────────────────────────

/** A duration in days, rounded to one decimal; null when no issue has one (n = 0). */
export interface DurationStat {
  n: number;
  medianDays: number | null;
  meanDays: number | null;
}

/** `count` of `total`, and the percentage with one decimal (null when total is 0). */
export interface ShareStat {
  count: number;
  total: number;
  percent: number | null;
}

export type CountedState = Exclude<IssueState, 'DRAFT'>;

export const COUNTED_STATES = [
  'SUBMITTED',
  'NEEDS_INFO',
  'ASSIGNED',
  'ANSWERED',
  'ACTION_AGREED',
  'RESOLVED',
  'CLOSED_UNRESOLVED',
  'DUPLICATE',
  'REFERRED',
  'WITHDRAWN',
] as const satisfies readonly CountedState[];

/** Where the issues are now. Resolved and closed unresolved are never merged. */
export interface Outcomes {
  open: number;
  resolved: number;
  closedUnresolved: number;
  duplicate: number;
  referred: number;
  withdrawn: number;
}

export const OUTCOME_KEYS = ['open', 'resolved', 'closedUnresolved', 'duplicate', 'referred', 'withdrawn'] as const satisfies readonly (keyof Outcomes)[];

export interface MetricSet {
  /** Submitted issues (drafts never count). */
  issues: number;
  timeToTriage: DurationStat;
  timeToFirstAnswer: DurationStat;
  /** Of the issues discussed at a meeting, those answered before the first discussion. */
  answeredBeforeMeeting: ShareStat;
  states: Record<CountedState, number>;
  outcomes: Outcomes;
  /** Waiting for an answer (ASSIGNED) past the due date, now. */
  overdue: number;
  /** Of the issues ever closed, those reopened at least once. */
  reopenRate: ShareStat;
}

/** One row of a breakdown; `id` and `name` are null for "no category" / "no responder". */
export interface MetricBucket {
  id: string | null;
  name: string | null;
  metrics: MetricSet;
}

/** A Swedish half-year: VT is January to June, HT July to December (Stockholm time). */
export interface Term {
  half: 'VT' | 'HT';
  year: number;
}

export interface TermBucket {
  term: Term;
  /** "VT 2026": how the term is written in Swedish, also the CSV's label. */
  label: string;
  metrics: MetricSet;
}

export interface WorkshopMetrics {
  now: Date;
  /** The submission range asked for, as given ("2026-01-01"), or null. */
  from: string | null;
  to: string | null;
  overall: MetricSet;
  byOrganization: MetricBucket[];
  byCategory: MetricBucket[];
  byTerm: TermBucket[];
}

// ── The definitions ────────────────────────────────────────────────────────────────

const DAY_MS = 24 * 60 * 60 * 1000;
const TRIAGE_EVENTS: ReadonlySet<WorkshopEventType> = new Set(['ASSIGNED', 'MARKED_DUPLICATE', 'REFERRED']);

/** One decimal, half away from zero; the epsilon keeps 2.25 from becoming 2.2 through binary fractions. */
export function roundOneDecimal(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value) * 10 + 1e-9) / 10;
}

const HOUR_MS = 60 * 60 * 1000;
const termsByHour = new Map<number, Term>();

/** Stockholm's offset changes only on whole UTC hours, so the term of an hour is that of each instant in it. */
export function termOf(instant: Date): Term {
  const hour = Math.floor(instant.getTime() / HOUR_MS);
  let term = termsByHour.get(hour);
  if (!term) {
    const { year, month } = wallClockAt(instant);
    term = { half: month <= 6 ? 'VT' : 'HT', year };
    if (termsByHour.size > 100_000) termsByHour.clear();
    termsByHour.set(hour, term);
  }
  return term;
}

export const termLabel = (term: Term) => `${term.half} ${term.year}`;
const termOrder = (term: Term) => term.year * 2 + (term.half === 'HT' ? 1 : 0);

/** What one issue contributes to the figures, read from its events. */
interface IssueFacts {
  state: CountedState;
  categoryId: string | null;
  responderOrganizationIds: readonly string[];
  submittedAt: Date;
  term: Term;
  triageMs: number | null;
  firstAnswerMs: number | null;
  /** Discussed at a meeting: whether its first answer came before the first discussion. */
  answeredBeforeMeeting: boolean | null;
  isOverdue: boolean;
  wasClosed: boolean;
  wasReopened: boolean;
}

function factsOf(issue: MetricIssue, now: Date): IssueFacts | null {
  if (issue.state === 'DRAFT') return null;
  const events = [...issue.events].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const first = (match: (e: MetricEvent) => boolean) => events.find(match)?.createdAt ?? null;
  const submitted = first((e) => e.type === 'SUBMITTED');
  // An issue without a submission in its history has never left the association's drafts.
  if (!submitted) return null;
  const triaged = first((e) => TRIAGE_EVENTS.has(e.type));
  const assigned = first((e) => e.type === 'ASSIGNED');
  const answered = first((e) => e.type === 'ANSWERED');
  const discussed = first((e) => e.type === 'DISCUSSED_AT_MEETING');
  const span = (start: Date | null, end: Date | null) => (start && end && end >= start ? end.getTime() - start.getTime() : null);
  return {
    state: issue.state,
    categoryId: issue.categoryId,
    responderOrganizationIds: issue.responderOrganizationIds,
    submittedAt: submitted,
    term: termOf(submitted),
    triageMs: span(submitted, triaged),
    firstAnswerMs: span(assigned, answered),
    answeredBeforeMeeting: discussed ? answered !== null && answered < discussed : null,
    isOverdue: isOverdue({ state: issue.state, dueAt: issue.dueAt }, now),
    wasClosed: events.some((e) => e.toState !== null && isClosed(e.toState)),
    wasReopened: events.some((e) => e.type === 'REOPENED'),
  };
}

function durationStat(spans: number[]): DurationStat {
  const days = spans.map((ms) => ms / DAY_MS).sort((a, b) => a - b);
  const n = days.length;
  if (n === 0) return { n, medianDays: null, meanDays: null };
  const middle = Math.floor(n / 2);
  const median = n % 2 === 1 ? days[middle]! : (days[middle - 1]! + days[middle]!) / 2;
  const mean = days.reduce((sum, d) => sum + d, 0) / n;
  return { n, medianDays: roundOneDecimal(median), meanDays: roundOneDecimal(mean) };
}

function shareStat(count: number, total: number): ShareStat {
  return { count, total, percent: total === 0 ? null : roundOneDecimal((count / total) * 100) };
}

// Drafts never reach here, so "open" is every open state after submission.
const OPEN: ReadonlySet<IssueState> = new Set(OPEN_STATES);

function metricSet(facts: readonly IssueFacts[]): MetricSet {
  const states = Object.fromEntries(COUNTED_STATES.map((s) => [s, 0])) as Record<CountedState, number>;
  for (const f of facts) states[f.state] += 1;
  const discussed = facts.filter((f) => f.answeredBeforeMeeting !== null);
  const closed = facts.filter((f) => f.wasClosed);
  return {
    issues: facts.length,
    timeToTriage: durationStat(facts.flatMap((f) => (f.triageMs === null ? [] : [f.triageMs]))),
    timeToFirstAnswer: durationStat(facts.flatMap((f) => (f.firstAnswerMs === null ? [] : [f.firstAnswerMs]))),
    answeredBeforeMeeting: shareStat(discussed.filter((f) => f.answeredBeforeMeeting).length, discussed.length),
    states,
    outcomes: {
      open: facts.filter((f) => OPEN.has(f.state)).length,
      resolved: states.RESOLVED,
      closedUnresolved: states.CLOSED_UNRESOLVED,
      duplicate: states.DUPLICATE,
      referred: states.REFERRED,
      withdrawn: states.WITHDRAWN,
    },
    overdue: facts.filter((f) => f.isOverdue).length,
    reopenRate: shareStat(closed.filter((f) => f.wasReopened).length, closed.length),
  };
}

const byName = (a: { name: string | null }, b: { name: string | null }) =>
  a.name === null ? 1 : b.name === null ? -1 : a.name.localeCompare(b.name, 'sv');

/** Facts sorted into groups in one pass (an issue may fall into several, or none). */
function groupBy<K>(facts: readonly IssueFacts[], keysOf: (f: IssueFacts) => readonly K[]): Map<K, IssueFacts[]> {
  const groups = new Map<K, IssueFacts[]>();
  for (const f of facts) {
    for (const key of keysOf(f)) {
      const group = groups.get(key);
      if (group) group.push(f);
      else groups.set(key, [f]);
    }
  }
  return groups;
}

/** The figures overall and by responder organisation, category and term of submission. */
export function computeWorkshopMetrics(input: MetricsInput): Omit<WorkshopMetrics, 'from' | 'to'> {
  const facts = input.issues.flatMap((issue) => {
    const f = factsOf(issue, input.now);
    if (!f) return [];
    if (input.submittedFrom && f.submittedAt < input.submittedFrom) return [];
    if (input.submittedBefore && f.submittedAt >= input.submittedBefore) return [];
    return [f];
  });

  // An issue with two responder organisations counts in both rows; one with none in the last.
  const organizationNames = new Map(input.organizations.map((o) => [o.id, o.name]));
  const byResponder = groupBy<string | null>(facts, (f) => (f.responderOrganizationIds.length > 0 ? f.responderOrganizationIds : [null]));
  const byOrganization: MetricBucket[] = [...byResponder.entries()]
    .map(([id, group]) => ({ id, name: id === null ? null : (organizationNames.get(id) ?? id), metrics: metricSet(group) }))
    .sort(byName);

  const knownCategories = new Set(input.categories.map((c) => c.id));
  const inCategory = groupBy<string | null>(facts, (f) => [f.categoryId !== null && knownCategories.has(f.categoryId) ? f.categoryId : null]);
  const byCategory: MetricBucket[] = input.categories.map((c) => ({ id: c.id, name: c.name, metrics: metricSet(inCategory.get(c.id) ?? []) }));
  const uncategorised = inCategory.get(null);
  if (uncategorised) byCategory.push({ id: null, name: null, metrics: metricSet(uncategorised) });

  const inTerm = groupBy(facts, (f) => [termLabel(f.term)]);
  const byTerm: TermBucket[] = [...inTerm.values()]
    .map((group) => ({ term: group[0]!.term, label: termLabel(group[0]!.term), metrics: metricSet(group) }))
    .sort((a, b) => termOrder(a.term) - termOrder(b.term));

  return { now: input.now, overall: metricSet(facts), byOrganization, byCategory, byTerm };
}

// ── The filter ─────────────────────────────────────────────────────────────────────

export const metricsErrors = formErrorKeys(['dateInvalid', 'rangeReversed']);

const dayString = z
  .string({ error: 'dateInvalid' })
  .trim()
  .transform((value) => value || undefined)
  .pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'dateInvalid')
      .refine((value) => {
        const [y, m, d] = value.split('-').map(Number) as [number, number, number];
        const date = new Date(Date.UTC(y, m - 1, d));
        return y >= 2000 && y <= 2100 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
      }, 'dateInvalid')
      .optional(),
  );

const filterSchema = z
  .object({ from: dayString.optional(), to: dayString.optional() })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'rangeReversed', path: ['to'] });

export interface MetricsFilter {
  /** First day of submission, "YYYY-MM-DD" (Stockholm), inclusive. */
  from?: unknown;
  /** Last day of submission, inclusive. */
  to?: unknown;
  now?: Date;
}

function startOfDay(day: string, plusDays = 0): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + plusDays));
  return instantOfWallClock(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0, 0);
}

// ── Reading the database ───────────────────────────────────────────────────────────

interface SubmissionRange {
  from: Date | null;
  before: Date | null;
}

/** The issues with the events the definitions read (nothing else of their history). */
async function readMetricRecords(range: SubmissionRange): Promise<Pick<MetricsInput, 'issues' | 'categories' | 'organizations'>> {
  const db = await getDb();
  const counted = {
    state: { not: 'DRAFT' as const },
    ...(range.from || range.before
      ? { events: { some: { type: 'SUBMITTED' as const, createdAt: { ...(range.from ? { gte: range.from } : {}), ...(range.before ? { lt: range.before } : {}) } } } }
      : {}),
  };
  // Three flat reads joined here: nested relation reads would send every issue id back to
  // the database as a parameter list, which at thousands of issues costs more than the join.
  const [rows, responders, events, categories] = await Promise.all([
    db.workshopIssue.findMany({ where: counted, select: { id: true, state: true, dueAt: true, categoryId: true } }),
    db.issueResponder.findMany({ where: { issue: counted }, select: { issueId: true, organizationId: true } }),
    db.workshopEvent.findMany({
      where: {
        issue: counted,
        OR: [
          { type: { in: ['SUBMITTED', 'ASSIGNED', 'MARKED_DUPLICATE', 'REFERRED', 'ANSWERED', 'DISCUSSED_AT_MEETING', 'REOPENED'] } },
          { toState: { in: [...CLOSED_STATES] } },
        ],
      },
      select: { issueId: true, type: true, toState: true, createdAt: true },
    }),
    db.workshopCategory.findMany({ select: { id: true, name: true }, orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }] }),
  ]);
  const issues = new Map(rows.map((row) => [row.id, { ...row, responderOrganizationIds: [] as string[], events: [] as MetricEvent[] }]));
  for (const r of responders) issues.get(r.issueId)?.responderOrganizationIds.push(r.organizationId);
  for (const { issueId, ...event } of events) issues.get(issueId)?.events.push(event);
  const responderIds = [...new Set(responders.map((r) => r.organizationId))];
  const organizations = responderIds.length === 0 ? [] : await db.organization.findMany({ where: { id: { in: responderIds } }, select: { id: true, name: true } });
  return { issues: [...issues.values()], categories, organizations };
}

/**
 * The coordinator's statistics page and CSV: every figure overall and by responder
 * organisation, category and term, for the issues first submitted within the range.
 * INVALID_INPUT (keys of `metricsErrors`, fields `from`/`to`) for a date it cannot read.
 */
export async function loadWorkshopMetrics(actor: Actor, filter: MetricsFilter = {}): Promise<WorkshopMetrics> {
  authorize(actor, 'workshopMetrics.readAll', null);
  const { from, to } = metricsErrors.parse(filterSchema, { from: filter.from ?? undefined, to: filter.to ?? undefined });
  const range: SubmissionRange = { from: from ? startOfDay(from) : null, before: to ? startOfDay(to, 1) : null };
  const records = await readMetricRecords(range);
  const now = filter.now ?? new Date();
  const metrics = computeWorkshopMetrics({ ...records, now, submittedFrom: range.from, submittedBefore: range.before });
  return { ...metrics, from: from ?? null, to: to ?? null };
}

/**
 * The overall figures over every submitted issue, whatever its visibility: aggregates count
 * every issue (docs/decisions/0012), and only numbers leave this function, never an issue.
 * For the public page, through lib/workshop/public.ts.
 */
export async function loadOverallWorkshopFigures(now: Date = new Date()): Promise<MetricSet> {
  const records = await readMetricRecords({ from: null, before: null });
  return computeWorkshopMetrics({ ...records, now }).overall;
}
