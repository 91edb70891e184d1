/**
 * The unmet-needs report as a CSV file for Swedish Excel, in the workshop statistics'
 * convention (lib/workshop/metrics-csv.ts): byte order mark, semicolons, decimal commas, CRLF.
 * One row per query, then one column per week of the period with that week's unmet searches,
 * so the file can be charted or pivoted as it is.
 */
import { CSV_BOM, CSV_SEPARATOR, csvField, csvNumber } from '@/lib/workshop/metrics-csv';
import type { IsoWeek, TrendDirection, UnmetNeedsReport } from './unmet-needs';

export const UNMET_CSV_COLUMNS = ['query', 'searches', 'unmet', 'zeroResults', 'fewResults', 'zeroPercent', 'lastResultCount', 'trend', 'before', 'after', 'issue'] as const;

export type UnmetCsvColumn = (typeof UNMET_CSV_COLUMNS)[number];

export interface UnmetCsvLabels {
  columns: Record<UnmetCsvColumn, string>;
  trend: Record<TrendDirection, string>;
  week: (week: IsoWeek) => string;
}

/** The whole file, byte order mark first. */
export function unmetNeedsCsv(report: UnmetNeedsReport, labels: UnmetCsvLabels): string {
  const rows: string[][] = [
    [...UNMET_CSV_COLUMNS.map((c) => labels.columns[c]), ...report.weeks.map(labels.week)],
    ...report.rows.map((row) => [
      row.query,
      String(row.searches),
      String(row.unmet),
      String(row.zeroResults),
      String(row.fewResults),
      csvNumber(row.zeroPercent),
      String(row.lastResultCount),
      labels.trend[row.trend.direction],
      String(row.trend.before),
      String(row.trend.after),
      row.issueNumber === null ? '' : String(row.issueNumber),
      ...row.series.map(String),
    ]),
  ];
  return CSV_BOM + rows.map((row) => row.map(csvField).join(CSV_SEPARATOR)).join('\r\n') + '\r\n';
}
