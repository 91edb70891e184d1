/**
 * The workshop figures as a CSV file that Excel and LibreOffice open as a table in Swedish
 * settings without an import dialog: UTF-8 with a byte order mark (else Excel reads å, ä, ö
 * as Latin-1), semicolons between fields (the list separator of Swedish Excel) and decimal
 * commas (a "2.5" would become the 2nd of May). Every figure is one row per group, so the
 * file can be filtered and pivoted as it is.
 */
import type { DurationStat, MetricSet, ShareStat, Term, WorkshopMetrics } from './metrics';

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

/** The columns, in order; their headings come from the page's language. */
export const CSV_COLUMNS = [
  'group',
  'name',
  'issues',
  'open',
  'resolved',
  'closedUnresolved',
  'duplicate',
  'referred',
  'withdrawn',
  'overdue',
  'triageN',
  'triageMedianDays',
  'triageMeanDays',
  'answerN',
  'answerMedianDays',
  'answerMeanDays',
  'answeredBeforeMeeting',
  'discussedAtMeeting',
  'answeredBeforeMeetingPercent',
  'reopened',
  'everClosed',
  'reopenedPercent',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvGroup = 'overall' | 'organization' | 'category' | 'term';

export interface CsvLabels {
  columns: Record<CsvColumn, string>;
  groups: Record<CsvGroup, string>;
  overallName: string;
  noOrganization: string;
  noCategory: string;
  termName: (term: Term) => string;
}

/** A decimal with a comma and at most one decimal; whole numbers as they are. */
export function csvNumber(value: number | null): string {
  if (value === null) return '';
  return String(value).replace('.', ',');
}

/**
 * One field: quoted when it holds the separator, a quote or a line break (quotes doubled).
 * Text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const duration = (d: DurationStat) => [String(d.n), csvNumber(d.medianDays), csvNumber(d.meanDays)];
const share = (s: ShareStat) => [String(s.count), String(s.total), csvNumber(s.percent)];

function figures(m: MetricSet): string[] {
  const o = m.outcomes;
  return [
    String(m.issues),
    ...[o.open, o.resolved, o.closedUnresolved, o.duplicate, o.referred, o.withdrawn, m.overdue].map(String),
    ...duration(m.timeToTriage),
    ...duration(m.timeToFirstAnswer),
    ...share(m.answeredBeforeMeeting),
    ...share(m.reopenRate),
  ];
}

/** The whole file, byte order mark first, lines ended with CRLF as RFC 4180 says. */
export function workshopMetricsCsv(metrics: WorkshopMetrics, labels: CsvLabels): string {
  const rows: string[][] = [
    CSV_COLUMNS.map((c) => labels.columns[c]),
    [labels.groups.overall, labels.overallName, ...figures(metrics.overall)],
    ...metrics.byOrganization.map((b) => [labels.groups.organization, b.name ?? labels.noOrganization, ...figures(b.metrics)]),
    ...metrics.byCategory.map((b) => [labels.groups.category, b.name ?? labels.noCategory, ...figures(b.metrics)]),
    ...metrics.byTerm.map((b) => [labels.groups.term, labels.termName(b.term), ...figures(b.metrics)]),
  ];
  return CSV_BOM + rows.map((row) => row.map(csvField).join(CSV_SEPARATOR)).join('\r\n') + '\r\n';
}
