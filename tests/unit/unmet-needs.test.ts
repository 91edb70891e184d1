/**
 * The pure parts of the unmet-needs report: the trend between the halves of a period, the
 * ISO weeks of a period, the filter from a query string, and the CSV for Swedish Excel.
 */
import { describe, expect, it } from 'vitest';
import { isoWeekOf, parseUnmetNeedsFilter, periodWeeks, trendOf, unmetNeedsQuery, type UnmetNeedsReport } from '@/lib/directory/unmet-needs';
import { unmetNeedsCsv, UNMET_CSV_COLUMNS, type UnmetCsvLabels } from '@/lib/directory/unmet-needs-csv';
import { AppError } from '@/lib/errors/app-error';

describe('trendOf', () => {
  it('calls a series rising when the second half has clearly more', () => {
    expect(trendOf([1, 1, 2, 3])).toEqual({ direction: 'rising', before: 2, after: 5 });
  });

  it('calls it falling when the second half has clearly fewer', () => {
    expect(trendOf([4, 4, 0, 1])).toEqual({ direction: 'falling', before: 8, after: 1 });
  });

  it('calls a small change steady: at least 2 searches and a quarter of the first half', () => {
    expect(trendOf([1, 0, 2, 0])).toEqual({ direction: 'steady', before: 1, after: 2 });
    expect(trendOf([1, 0, 3, 0])).toEqual({ direction: 'rising', before: 1, after: 3 });
    expect(trendOf([10, 10, 12, 12])).toEqual({ direction: 'steady', before: 20, after: 24 });
    expect(trendOf([10, 10, 13, 12])).toEqual({ direction: 'rising', before: 20, after: 25 });
    expect(trendOf([10, 10, 8, 7])).toEqual({ direction: 'falling', before: 20, after: 15 });
  });

  it('calls it new when the first half had none', () => {
    expect(trendOf([0, 0, 0, 1])).toEqual({ direction: 'new', before: 0, after: 1 });
    expect(trendOf([0, 0, 0, 0])).toEqual({ direction: 'steady', before: 0, after: 0 });
  });

  it('leaves the middle week of an odd series out of both halves', () => {
    expect(trendOf([1, 9, 5])).toEqual({ direction: 'rising', before: 1, after: 5 });
  });
});

describe('weeks of a period', () => {
  it('numbers weeks as ISO 8601 does, also across the turn of the year', () => {
    expect(isoWeekOf('2026-11-30')).toEqual({ start: '2026-11-30', year: 2026, week: 49 });
    expect(isoWeekOf('2026-12-28')).toEqual({ start: '2026-12-28', year: 2026, week: 53 });
    expect(isoWeekOf('2027-01-04')).toEqual({ start: '2027-01-04', year: 2027, week: 1 });
    expect(isoWeekOf('2024-12-30')).toEqual({ start: '2024-12-30', year: 2025, week: 1 });
  });

  it('ends with the Stockholm week of now, oldest first', () => {
    // Sunday 23:30 in Stockholm is still the week that began on Monday the 30th.
    const weeks = periodWeeks(4, new Date('2026-12-06T22:30:00Z'));
    expect(weeks.map((w) => w.start)).toEqual(['2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30']);
    expect(periodWeeks(4, new Date('2026-12-06T23:30:00Z'))[3]!.start).toBe('2026-12-07');
  });
});

describe('parseUnmetNeedsFilter', () => {
  it('gives the defaults for an empty query string', () => {
    expect(parseUnmetNeedsFilter({})).toEqual({ weeks: 12, kind: 'both', q: '', page: 1 });
    expect(parseUnmetNeedsFilter({ weeks: '', kind: '', q: '', page: '' })).toEqual({ weeks: 12, kind: 'both', q: '', page: 1 });
  });

  it('reads query-string text and numbers', () => {
    expect(parseUnmetNeedsFilter({ weeks: '52', kind: 'few', q: ' tandvård ', page: '3' })).toEqual({ weeks: 52, kind: 'few', q: 'tandvård', page: 3 });
    expect(parseUnmetNeedsFilter({ weeks: 4, page: 2 })).toEqual({ weeks: 4, kind: 'both', q: '', page: 2 });
  });

  it('refuses what the form cannot send, with a key per field', () => {
    const errorOf = (input: unknown) => {
      try {
        parseUnmetNeedsFilter(input);
      } catch (error) {
        return error;
      }
      return null;
    };
    const error = errorOf({ weeks: '13', kind: 'ZERO', q: 'a'.repeat(101), page: '1.5' });
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { weeks: ['period'], kind: ['kind'], q: ['tooLong'], page: ['page'] } });
    expect(errorOf({ page: '0' })).toMatchObject({ fieldErrors: { page: ['page'] } });
    expect(errorOf({ weeks: ['4'] })).toMatchObject({ fieldErrors: { weeks: ['period'] } });
  });

  it('writes the filter back as a query string without its defaults', () => {
    expect(unmetNeedsQuery({ weeks: 12, kind: 'both', q: '', page: 1 })).toEqual({});
    expect(unmetNeedsQuery({ weeks: 4, kind: 'zero', q: 'spel', page: 2 })).toEqual({ veckor: '4', typ: 'zero', q: 'spel', sida: '2' });
    expect(unmetNeedsQuery({ weeks: 4, kind: 'zero', q: 'spel', page: 2 }, 1)).toEqual({ veckor: '4', typ: 'zero', q: 'spel' });
  });
});

describe('unmetNeedsCsv', () => {
  const labels: UnmetCsvLabels = {
    columns: Object.fromEntries(UNMET_CSV_COLUMNS.map((c) => [c, c])) as UnmetCsvLabels['columns'],
    trend: { rising: 'Ökar', falling: 'Minskar', steady: 'Oförändrad', new: 'Ny' },
    week: (w) => `${w.year} v${w.week}`,
  };
  const report = {
    weeks: [isoWeekOf('2026-11-23'), isoWeekOf('2026-11-30')],
    rows: [
      {
        query: 'hyra; "akut"',
        searches: 3,
        zeroResults: 2,
        fewResults: 0,
        unmet: 2,
        zeroPercent: 66.7,
        lastResultCount: 0,
        series: [0, 2],
        trend: { direction: 'new', before: 0, after: 2 },
        issueNumber: 14,
        canDraft: true,
      },
    ],
  } as unknown as UnmetNeedsReport;

  it('writes a byte order mark, semicolons, decimal commas, quotes where needed and CRLF', () => {
    expect(unmetNeedsCsv(report, labels)).toBe(
      '\uFEFF' +
        'query;searches;unmet;zeroResults;fewResults;zeroPercent;lastResultCount;trend;before;after;issue;2026 v48;2026 v49\r\n' +
        '"hyra; ""akut""";3;2;2;0;66,7;0;Ny;0;2;14;0;2\r\n',
    );
  });
});
