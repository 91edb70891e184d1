/**
 * The workshop metrics as defined in docs/decisions/0012 ("Metrics"), against a history
 * computed by hand (tests/unit/workshop-metrics-fixture.ts), and the CSV file made of them.
 */
import { describe, expect, it } from 'vitest';
import { instantOfWallClock } from '@/lib/time/zoned';
import { computeWorkshopMetrics, roundOneDecimal, termOf, type MetricIssue, type MetricsInput, type WorkshopMetrics } from '@/lib/workshop/metrics';
import { CSV_BOM, CSV_COLUMNS, csvField, csvNumber, workshopMetricsCsv, type CsvLabels } from '@/lib/workshop/metrics-csv';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';
import sv from '@/messages/sv.json';
import { BY_CATEGORY, BY_ORGANIZATION, BY_TERM, CATEGORIES, ISSUES, NOW, ORGANIZATIONS, OVERALL, parseCsv, withoutStates, type FixtureIssue } from './workshop-metrics-fixture';

const orgId = (key: string) => `org-${key}`;
const categoryId = (key: string) => `cat-${key}`;

const toRecord = (issue: FixtureIssue): MetricIssue => ({
  id: issue.key,
  state: issue.state,
  dueAt: issue.dueAt ? new Date(issue.dueAt) : null,
  categoryId: issue.category ? categoryId(issue.category) : null,
  responderOrganizationIds: issue.responders.map(orgId),
  events: issue.events.map(([type, at, toState]) => ({ type, createdAt: new Date(at), toState: toState ?? null })),
});

const input = (overrides: Partial<MetricsInput> = {}): MetricsInput => ({
  issues: ISSUES.map(toRecord),
  categories: CATEGORIES.map((c) => ({ id: categoryId(c.key), name: c.name })),
  organizations: Object.entries(ORGANIZATIONS).map(([key, o]) => ({ id: orgId(key), name: o.name })),
  now: NOW,
  ...overrides,
});

describe('computeWorkshopMetrics', () => {
  const metrics = computeWorkshopMetrics(input());

  it('gives the hand-computed overall figures; a draft never counts', () => {
    expect(metrics.overall).toEqual(OVERALL);
  });

  it('breaks the figures down by responder organisation, an issue with two counting in both', () => {
    expect(metrics.byOrganization.map((b) => ({ id: b.id, name: b.name, metrics: withoutStates(b.metrics) }))).toEqual(
      BY_ORGANIZATION.map((row) => ({
        id: row.org ? orgId(row.org) : null,
        name: row.org ? ORGANIZATIONS[row.org].name : null,
        metrics: row.metrics,
      })),
    );
  });

  it('breaks the figures down by category, with a row for a category without issues and one for no category', () => {
    expect(metrics.byCategory.map((b) => ({ id: b.id, metrics: withoutStates(b.metrics) }))).toEqual(
      BY_CATEGORY.map((row) => ({ id: row.category ? categoryId(row.category) : null, metrics: row.metrics })),
    );
  });

  it('breaks the figures down by term of the first submission, in Stockholm time, oldest first', () => {
    expect(metrics.byTerm.map((b) => ({ label: b.label, metrics: withoutStates(b.metrics) }))).toEqual(BY_TERM);
    expect(metrics.byTerm.map((b) => b.term)).toEqual([
      { half: 'HT', year: 2025 },
      { half: 'VT', year: 2026 },
    ]);
  });

  it('keeps resolved and closed unresolved apart, and every issue in exactly one outcome', () => {
    const o = metrics.overall.outcomes;
    expect(o.resolved).toBe(1);
    expect(o.closedUnresolved).toBe(1);
    expect(o.open + o.resolved + o.closedUnresolved + o.duplicate + o.referred + o.withdrawn).toBe(metrics.overall.issues);
  });

  it('narrows to the issues first submitted in a range, which here is the spring term', () => {
    const narrowed = computeWorkshopMetrics(
      input({ submittedFrom: instantOfWallClock(2026, 1, 1, 0, 0), submittedBefore: instantOfWallClock(2026, 7, 1, 0, 0) }),
    );
    const spring = BY_TERM.find((t) => t.label === 'VT 2026')!.metrics;
    expect(withoutStates(narrowed.overall)).toEqual(spring);
    expect(narrowed.byTerm.map((t) => t.label)).toEqual(['VT 2026']);
    // The withdrawn issue of 00:30 on New Year's night (Stockholm) is inside; I3 and I4 are not.
    expect(narrowed.overall.outcomes.withdrawn).toBe(1);
    expect(narrowed.overall.outcomes.duplicate).toBe(0);
  });

  it('reads durations from the event log, not from the order the events come in', () => {
    const shuffled = computeWorkshopMetrics(input({ issues: ISSUES.map(toRecord).map((i) => ({ ...i, events: [...i.events].reverse() })) }));
    expect(shuffled.overall).toEqual(OVERALL);
  });

  it('counts an issue overdue only while it waits for an answer past its due date', () => {
    const dueLater = computeWorkshopMetrics(input({ now: new Date('2026-04-18T13:59:59Z') }));
    expect(dueLater.overall.overdue).toBe(0);
    const answered = ISSUES.map(toRecord).map((i) => (i.id === 'I6' ? { ...i, state: 'ANSWERED' as const } : i));
    expect(computeWorkshopMetrics(input({ issues: answered })).overall.overdue).toBe(0);
  });

  it('has no figures but zeros and nulls for no issues', () => {
    const empty = computeWorkshopMetrics(input({ issues: [] }));
    expect(empty.overall.issues).toBe(0);
    expect(empty.overall.timeToTriage).toEqual({ n: 0, medianDays: null, meanDays: null });
    expect(empty.overall.reopenRate).toEqual({ count: 0, total: 0, percent: null });
    expect(empty.byOrganization).toEqual([]);
    expect(empty.byTerm).toEqual([]);
    expect(empty.byCategory.map((c) => c.metrics.issues)).toEqual([0, 0, 0]);
  });
});

describe('roundOneDecimal and termOf', () => {
  it('rounds halves up, as people reading the report expect', () => {
    expect([2.25, 3.75, 11.25, 9.1666, 0.04, 16.6666].map(roundOneDecimal)).toEqual([2.3, 3.8, 11.3, 9.2, 0, 16.7]);
  });

  it('puts January to June in VT and July to December in HT, by the Stockholm calendar', () => {
    expect(termOf(new Date('2026-06-30T21:59:00Z'))).toEqual({ half: 'VT', year: 2026 });
    expect(termOf(new Date('2026-06-30T22:00:00Z'))).toEqual({ half: 'HT', year: 2026 });
    expect(termOf(new Date('2025-12-31T22:59:00Z'))).toEqual({ half: 'HT', year: 2025 });
    expect(termOf(new Date('2025-12-31T23:00:00Z'))).toEqual({ half: 'VT', year: 2026 });
  });
});

// ── The CSV file ───────────────────────────────────────────────────────────────────

const LABELS: CsvLabels = {
  columns: Object.fromEntries(CSV_COLUMNS.map((c) => [c, c])) as CsvLabels['columns'],
  groups: { overall: 'Totalt', organization: 'Organisation', category: 'Kategori', term: 'Termin' },
  overallName: 'Alla ärenden',
  noOrganization: 'Ingen svarande organisation',
  noCategory: 'Ingen kategori',
  termName: (t) => `${t.half} ${t.year}`,
};

describe('workshopMetricsCsv', () => {
  it('quotes fields with a separator, a quote or a line break, and defuses formulas', () => {
    expect(csvField('Skola')).toBe('Skola');
    expect(csvField('Skola; "elevhälsa"')).toBe('"Skola; ""elevhälsa"""');
    expect(csvField('två\nrader')).toBe('"två\nrader"');
    expect(csvField('=SUMMA(A1)')).toBe("'=SUMMA(A1)");
    expect(csvField(' kant ')).toBe('" kant "');
  });

  it('writes decimals with a comma and leaves missing figures empty', () => {
    expect([csvNumber(2.5), csvNumber(20), csvNumber(null), csvNumber(66.7)]).toEqual(['2,5', '20', '', '66,7']);
  });

  it('reads back as the same figures: a BOM, a header row, one row per group', () => {
    const categories = CATEGORIES.map((c) => ({ id: categoryId(c.key), name: c.key === 'S' ? 'Skola; "elevhälsa"' : c.name }));
    const metrics: WorkshopMetrics = { ...computeWorkshopMetrics(input({ categories })), from: null, to: null };
    const text = workshopMetricsCsv(metrics, LABELS);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text).toContain('"Skola; ""elevhälsa"""');
    const [header, ...rows] = parseCsv(text.slice(CSV_BOM.length));
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows.map((r) => `${r[0]}|${r[1]}`)).toEqual([
      'Totalt|Alla ärenden',
      'Organisation|Exempelby kommun',
      'Organisation|Region Exempellän',
      'Organisation|Ingen svarande organisation',
      'Kategori|Primärvård',
      'Kategori|Skola; "elevhälsa"',
      'Kategori|Boende',
      'Kategori|Ingen kategori',
      'Termin|HT 2025',
      'Termin|VT 2026',
    ]);
    const overall = Object.fromEntries(header!.map((h, i) => [h, rows[0]![i]]));
    expect(overall).toMatchObject({
      issues: '8',
      open: '3',
      resolved: '1',
      closedUnresolved: '1',
      overdue: '1',
      triageN: '6',
      triageMedianDays: '2,5',
      triageMeanDays: '3',
      answerMeanDays: '9,2',
      answeredBeforeMeeting: '2',
      discussedAtMeeting: '3',
      answeredBeforeMeetingPercent: '66,7',
      reopenedPercent: '16,7',
    });
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
  });
});

// ── Texts ──────────────────────────────────────────────────────────────────────────

type Tree = { [key: string]: string | Tree };
const keyPaths = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keyPaths(value, `${prefix}${key}.`)));

describe('the texts of the statistics and the public page', () => {
  it.each(['WorkshopMetrics', 'WorkshopPublic'] as const)('%s has the same keys in Swedish, English and Arabic, none empty', (namespace) => {
    const [svTree, enTree, arTree] = [sv, en, ar].map((m) => (m as unknown as Record<string, Tree>)[namespace]!);
    const keys = keyPaths(svTree!).sort();
    expect(keys.length).toBeGreaterThan(10);
    expect(keyPaths(enTree!).sort()).toEqual(keys);
    expect(keyPaths(arTree!).sort()).toEqual(keys);
    for (const tree of [svTree, enTree, arTree]) {
      for (const key of keys) expect(key.split('.').reduce<string | Tree>((t, k) => (t as Tree)[k]!, tree!), key).not.toBe('');
    }
  });
});
