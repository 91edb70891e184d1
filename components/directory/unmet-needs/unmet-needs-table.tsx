import { useFormatter, useTranslations } from 'next-intl';
import { Link } from '@/i18n/navigation';
import type { AppLocale } from '@/i18n/routing';
import { draftIssueFromUnmetNeedAction } from '@/lib/directory/unmet-needs-actions';
import type { TrendDirection, UnmetNeedRow, UnmetNeedsFilter } from '@/lib/directory/unmet-needs';
import { GAP_WEEKS } from '@/lib/workshop/search-gaps';
import { Sparkline } from './sparkline';

/** An arrow per direction, beside the words: the direction never rests on colour or shape alone. */
function TrendIcon({ direction }: { direction: TrendDirection }) {
  const paths: Record<TrendDirection, string> = {
    rising: 'M8 2 L14 9 H10 V14 H6 V9 H2 Z',
    falling: 'M8 14 L14 7 H10 V2 H6 V7 H2 Z',
    steady: 'M14 8 L8 2 V6 H2 V10 H8 V14 Z',
    new: 'M8 1 L10 6 L15 6 L11 9.5 L12.5 15 L8 11.5 L3.5 15 L5 9.5 L1 6 L6 6 Z',
  };
  return (
    <svg className={`trend-icon trend-icon--${direction}`} viewBox="0 0 16 16" width={16} height={16} aria-hidden="true" focusable="false">
      <path d={paths[direction]} />
    </svg>
  );
}

export interface UnmetNeedsTableProps {
  rows: UnmetNeedRow[];
  filter: UnmetNeedsFilter;
  caption: string;
  locale: AppLocale;
  dir: 'ltr' | 'rtl';
}

/** One row per query: counts, trend in words with an arrow, the weekly line, and the workshop step. */
export function UnmetNeedsTable({ rows, filter, caption, locale, dir }: UnmetNeedsTableProps) {
  const t = useTranslations('UnmetNeeds');
  const format = useFormatter();
  const count = (n: number) => format.number(n);
  const percent = (value: number | null) =>
    value === null ? t('noValue') : t('percent', { percent: format.number(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });
  return (
    <div className="table-scroll" role="region" aria-labelledby="behov-tabell-rubrik" tabIndex={0}>
      <table className="admin-table unmet-needs-table">
        <caption id="behov-tabell-rubrik">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.colQuery')}</th>
            <th scope="col">{t('table.colUnmet')}</th>
            <th scope="col">{t('table.colSearches')}</th>
            <th scope="col">{t('table.colZero')}</th>
            <th scope="col">{t('table.colFew')}</th>
            <th scope="col">{t('table.colZeroShare')}</th>
            <th scope="col">{t('table.colLast')}</th>
            <th scope="col">{t('table.colTrend')}</th>
            <th scope="col">{t('table.colWeeks')}</th>
            <th scope="col">{t('table.colIssue')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.query}>
              <th scope="row" className="unmet-needs-table__query">
                {row.query}
              </th>
              <td>{count(row.unmet)}</td>
              <td>{count(row.searches)}</td>
              <td>{count(row.zeroResults)}</td>
              <td>{count(row.fewResults)}</td>
              <td>{percent(row.zeroPercent)}</td>
              <td>{count(row.lastResultCount)}</td>
              <td className="unmet-needs-table__trend">
                <TrendIcon direction={row.trend.direction} /> {t(`trend.${row.trend.direction}`, { before: count(row.trend.before), after: count(row.trend.after) })}
              </td>
              <td>
                <Sparkline
                  values={row.series}
                  dir={dir}
                  text={t('sparkline', { min: count(Math.min(...row.series)), max: count(Math.max(...row.series)), last: count(row.series[row.series.length - 1] ?? 0) })}
                />
              </td>
              <td>
                {row.issueNumber !== null ? (
                  <Link href={`/verkstad/${row.issueNumber}`}>{t('issueLink', { number: row.issueNumber })}</Link>
                ) : row.canDraft ? (
                  <form action={draftIssueFromUnmetNeedAction}>
                    <input type="hidden" name="query" value={row.query} />
                    <input type="hidden" name="locale" value={locale} />
                    <input type="hidden" name="veckor" value={String(filter.weeks)} />
                    <input type="hidden" name="typ" value={filter.kind} />
                    <input type="hidden" name="q" value={filter.q} />
                    <input type="hidden" name="sida" value={String(filter.page)} />
                    <button type="submit" className="button button--secondary">
                      {t('draft')}
                      <span className="visually-hidden">: {row.query}</span>
                    </button>
                  </form>
                ) : (
                  <span className="form-hint">{t('cannotDraft', { weeks: GAP_WEEKS })}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
