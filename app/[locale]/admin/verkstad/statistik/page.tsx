import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { NotAllowed } from '@/components/admin/not-allowed';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { MetricsFilter } from '@/components/workshop/metrics/metrics-filter';
import { MetricsReport } from '@/components/workshop/metrics/metrics-report';
import { getPathname, Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { requireSignedIn } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import { isAppError } from '@/lib/errors/app-error';
import { loadWorkshopMetrics, metricsErrors, type WorkshopMetrics } from '@/lib/workshop/metrics';

type SearchParams = Record<string, string | string[] | undefined>;

interface PageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<SearchParams>;
}

const PATH = '/admin/verkstad/statistik';
const single = (value: string | string[] | undefined) => (typeof value === 'string' ? value.slice(0, 40) : '');

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'WorkshopMetrics' });
  return { ...(await buildPageMetadata(locale, t('title'), t('description'))), robots: { index: false, follow: false } };
}

/**
 * The steering group's figures (coordinator only): `?fran=&till=` narrow by submission date,
 * `?utskrift=1` is the printable report with every table expanded.
 */
export default async function WorkshopStatisticsPage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const actor = await requireSignedIn(getPathname({ href: PATH, locale }));
  if (!can(actor, 'workshopMetrics.readAll', null)) return <NotAllowed />;

  const query = await searchParams;
  const from = single(query.fran);
  const to = single(query.till);
  const isPrint = single(query.utskrift) === '1';
  let metrics: WorkshopMetrics | null = null;
  let fieldErrors: Partial<Record<'from' | 'to', string>> | undefined;
  try {
    metrics = await loadWorkshopMetrics(actor, { from, to });
  } catch (error) {
    if (!isAppError(error) || error.code !== 'INVALID_INPUT') throw error;
    fieldErrors = metricsErrors.describe(error).fieldErrors;
  }

  const [t, format] = await Promise.all([getTranslations({ locale, namespace: 'WorkshopMetrics' }), getFormatter({ locale })]);
  const range = { ...(metrics?.from ? { fran: metrics.from } : {}), ...(metrics?.to ? { till: metrics.to } : {}) };
  const day = (value: string) => format.dateTime(new Date(`${value}T12:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
  const rangeText = !metrics
    ? null
    : metrics.from && metrics.to
      ? t('rangeBetween', { from: day(metrics.from), to: day(metrics.to) })
      : metrics.from
        ? t('rangeFrom', { from: day(metrics.from) })
        : metrics.to
          ? t('rangeTo', { to: day(metrics.to) })
          : t('rangeAll');

  return (
    <div className={`container info-page metrics-page${isPrint ? ' metrics-page--print' : ''}`}>
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      {metrics ? (
        <p className="metrics-range">
          {rangeText}{' '}
          {t('generated', { date: format.dateTime(metrics.now, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Stockholm' }) })}
        </p>
      ) : null}
      {isPrint && metrics ? (
        <div className="metrics-print-note">
          <p>{t('printHint')}</p>
          <p>
            <Link href={{ pathname: PATH, query: range }}>{t('backToReport')}</Link>
          </p>
        </div>
      ) : (
        <>
          <MetricsFilter action={getPathname({ href: PATH, locale })} from={from} to={to} fieldErrors={fieldErrors} isFiltered={Boolean(from || to)} />
          {metrics ? (
            <ul className="action-links metrics-actions">
              <li>
                {/* A plain link: Next's Link would prefetch the file. */}
                <a href={getPathname({ href: { pathname: `${PATH}/export`, query: range }, locale })} download>
                  {t('export')}
                </a>
              </li>
              <li>
                <Link href={{ pathname: PATH, query: { ...range, utskrift: '1' } }}>{t('print')}</Link>
              </li>
            </ul>
          ) : null}
        </>
      )}
      {metrics ? (
        <>
          <p className="form-hint">{t('noValueNote')}</p>
          <MetricsReport metrics={metrics} locale={locale} isPrint={isPrint} />
        </>
      ) : (
        <p>{t('errorNoFigures')}</p>
      )}
    </div>
  );
}
