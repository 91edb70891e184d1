import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { NotAllowed } from '@/components/admin/not-allowed';
import { UnmetNeedsFilter } from '@/components/directory/unmet-needs/unmet-needs-filter';
import { UnmetNeedsTable } from '@/components/directory/unmet-needs/unmet-needs-table';
import { WeeklyChart } from '@/components/directory/unmet-needs/weekly-chart';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { getPathname, Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { textDirection } from '@/i18n/routing';
import { requireSignedIn } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import {
  loadUnmetNeeds,
  UNMET_FILTER_MAX_LENGTH,
  unmetNeedsErrors,
  unmetNeedsInputOf,
  unmetNeedsQuery,
  type IsoWeek,
  type UnmetNeedsReport,
} from '@/lib/directory/unmet-needs';
import { isAppError } from '@/lib/errors/app-error';
import { LOW_RESULT_LIMIT } from '@/lib/search/stats';
import { GAP_WEEKS } from '@/lib/workshop/search-gaps';
import '@/components/admin/thesaurus/thesaurus.css';
import '@/components/workshop/metrics/metrics.css';
import '@/components/directory/unmet-needs/unmet-needs.css';

type SearchParams = Record<string, string | string[] | undefined>;

interface PageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<SearchParams>;
}

const PATH = '/admin/behov';
/** A repeated parameter is kept as a list, so the data layer refuses it instead of guessing. */
const raw = (value: string | string[] | undefined) => (typeof value === 'string' ? value.slice(0, 200) : value);
const ACTION_ERRORS = ['invalid', 'unauthenticated', 'forbidden', 'notFound', 'conflict', 'rateLimited', 'noAssociation'] as const;

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'UnmetNeeds' });
  return { ...(await buildPageMetadata(locale, t('title'), t('description'))), robots: { index: false, follow: false } };
}

/**
 * The unmet-needs report (coordinator only): `?veckor=4|12|26|52&typ=both|zero|few&q=&sida=`.
 * After "turn into a workshop issue" the action comes back with `?klart=<number>` or `?fel=<key>`.
 */
export default async function UnmetNeedsPage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const actor = await requireSignedIn(getPathname({ href: PATH, locale }));
  if (!can(actor, 'searchStats.read', null)) return <NotAllowed />;

  const query = await searchParams;
  const input = unmetNeedsInputOf((name) => raw(query[name]));
  let report: UnmetNeedsReport | null = null;
  let fieldErrors: Record<string, string> | undefined;
  try {
    report = await loadUnmetNeeds(actor, input);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'INVALID_INPUT') throw error;
    fieldErrors = unmetNeedsErrors.describe(error).fieldErrors;
  }

  const [t, format] = await Promise.all([getTranslations({ locale, namespace: 'UnmetNeeds' }), getFormatter({ locale })]);
  const dir = textDirection(locale);
  const weekName = (w: IsoWeek) => t('week', { week: w.week, year: String(w.year) });
  // Only a number the report itself shows as drafted: a hand-made address cannot announce an issue.
  const klart = typeof query.klart === 'string' && /^\d{1,9}$/.test(query.klart) ? Number(query.klart) : null;
  const drafted = report?.rows.some((row) => row.issueNumber === klart) ? klart : null;
  const actionError = typeof query.fel === 'string' ? (ACTION_ERRORS.find((key) => key === query.fel) ?? 'invalid') : null;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const values = report
    ? { weeks: String(report.filter.weeks), kind: report.filter.kind, q: report.filter.q }
    : { weeks: text(input.weeks), kind: text(input.kind), q: text(input.q) };
  const isFiltered = Boolean(report ? Object.keys(unmetNeedsQuery(report.filter, 1)).length > 0 : true);

  return (
    <div className="container info-page unmet-needs-page">
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <section aria-labelledby="anonym-statistik" className="notice">
        <h2 id="anonym-statistik">{t('privacyHeading')}</h2>
        <p>{t('privacy')}</p>
        <p>{t('fewDefinition', { limit: LOW_RESULT_LIMIT })}</p>
      </section>

      {drafted !== null ? (
        <p className="form-success" role="status">
          {t('drafted', { number: drafted })} <Link href={`/verkstad/${drafted}`}>{t('draftedLink', { number: drafted })}</Link>
        </p>
      ) : null}
      {actionError ? (
        <p className="form-error" role="alert">
          {t(`errors.${actionError}`, { weeks: GAP_WEEKS })}
        </p>
      ) : null}

      <UnmetNeedsFilter action={getPathname({ href: PATH, locale })} values={values} fieldErrors={fieldErrors} isFiltered={isFiltered} maxLength={UNMET_FILTER_MAX_LENGTH} />

      {report ? renderReport(report) : <p>{t('noReport')}</p>}
    </div>
  );

  function renderReport(report: UnmetNeedsReport) {
    const first = report.weeks[0]!;
    const last = report.weeks[report.weeks.length - 1]!;
    const kindText = t(`kindText.${report.filter.kind}`);
    const count = (n: number) => format.number(n);
    const totalUnmet = report.totals.reduce((sum, w) => sum + w.unmet, 0);
    const busiest = report.totals.reduce((best, w) => (w.unmet > best.unmet ? w : best), report.totals[0]!);
    const exportHref = getPathname({ href: { pathname: `${PATH}/export`, query: unmetNeedsQuery(report.filter, 1) }, locale });
    return (
      <>
        <p className="metrics-range">{t('range', { from: weekName(first), to: weekName(last), weeks: report.filter.weeks })}</p>
        <ul className="action-links metrics-actions">
          <li>
            {/* A plain link: Next's Link would prefetch the file. */}
            <a href={exportHref} download aria-describedby="behov-export-hint">
              {t('export')}
            </a>
          </li>
        </ul>
        <p id="behov-export-hint" className="form-hint">
          {t('exportHint')}
        </p>

        <section aria-labelledby="vecka-for-vecka" className="unmet-needs-section">
          <h2 id="vecka-for-vecka">{t('chart.heading')}</h2>
          <WeeklyChart
            id="diagram-behov"
            dir={dir}
            title={t('chart.title', { kind: kindText })}
            description={
              totalUnmet === 0
                ? t('chart.descriptionEmpty', { from: weekName(first), to: weekName(last) })
                : t('chart.description', { from: weekName(first), to: weekName(last), total: count(totalUnmet), max: count(busiest.unmet), maxWeek: weekName(busiest) })
            }
            columns={report.totals.map((w) => ({ label: t('weekShort', { week: w.week }), value: w.unmet }))}
            table={{
              summary: t('chart.showTable'),
              caption: t('chart.tableCaption', { from: weekName(first), to: weekName(last) }),
              headings: [t('chart.colWeek'), t('chart.colUnmet'), t('chart.colZero'), t('chart.colFew'), t('chart.colSearches')],
              rows: report.totals.map((w) => ({ label: weekName(w), cells: [count(w.unmet), count(w.zeroResults), count(w.fewResults), count(w.searches)] })),
            }}
          />
        </section>

        <section aria-labelledby="resultat" className="unmet-needs-section">
          <h2 id="resultat" tabIndex={-1}>
            {t('table.heading')}
          </h2>
          <p className="form-hint">{t('trendNote')}</p>
          {report.total === 0 ? (
            <p>{t('empty')}</p>
          ) : report.rows.length === 0 ? (
            <p>
              {t('emptyPage')} <Link href={{ pathname: PATH, query: unmetNeedsQuery(report.filter, 1) }}>{t('firstPage')}</Link>
            </p>
          ) : (
            <UnmetNeedsTable
              rows={report.rows}
              filter={report.filter}
              locale={locale}
              dir={dir}
              caption={t('table.caption', { kind: kindText.charAt(0).toLocaleUpperCase(locale) + kindText.slice(1), total: report.total, page: report.filter.page, pages: report.pages })}
            />
          )}
          {report.pages > 1 && report.rows.length > 0 ? (
            <nav aria-label={t('pagination')} className="pagination">
              {report.filter.page > 1 ? (
                <Link href={{ pathname: PATH, query: unmetNeedsQuery(report.filter, report.filter.page - 1) }} rel="prev">
                  {t('previous')}
                </Link>
              ) : null}
              <span>{t('pageOf', { page: report.filter.page, pages: report.pages })}</span>
              {report.filter.page < report.pages ? (
                <Link href={{ pathname: PATH, query: unmetNeedsQuery(report.filter, report.filter.page + 1) }} rel="next">
                  {t('next')}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </section>
      </>
    );
  }
}
