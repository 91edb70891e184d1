import { createTranslator, hasLocale } from 'next-intl';
import { routing, type AppLocale } from '@/i18n/routing';
import { getActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors/app-error';
import { wallClockAt } from '@/lib/time/zoned';
import { loadWorkshopMetrics } from '@/lib/workshop/metrics';
import { CSV_COLUMNS, workshopMetricsCsv, type CsvLabels } from '@/lib/workshop/metrics-csv';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';
import sv from '@/messages/sv.json';

// Figures of every issue, for the coordinator only: computed per request, never cached.
export const dynamic = 'force-dynamic';

const MESSAGES: Record<AppLocale, typeof sv> = { sv, en, ar };

function translatorFor(locale: AppLocale) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: 'WorkshopMetrics' });
}

function csvLabels(t: ReturnType<typeof translatorFor>): CsvLabels {
  return {
    columns: Object.fromEntries(CSV_COLUMNS.map((c) => [c, t(`csv.columns.${c}`)])) as CsvLabels['columns'],
    groups: { overall: t('csv.groups.overall'), organization: t('csv.groups.organization'), category: t('csv.groups.category'), term: t('csv.groups.term') },
    overallName: t('allIssues'),
    noOrganization: t('noOrganization'),
    noCategory: t('noCategory'),
    termName: (term) => t('term', { half: term.half, year: String(term.year) }),
  };
}

const text = (body: string, status: number) =>
  new Response(`${body}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } });

/**
 * `GET /admin/verkstad/statistik/export?fran=&till=`: the statistics page's figures as a CSV
 * file. 401 signed out, 403 for anyone but a coordinator, 422 for a date it cannot read.
 */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }): Promise<Response> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return text('Not found', 404);
  const t = translatorFor(locale);
  const query = new URL(request.url).searchParams;
  try {
    const metrics = await loadWorkshopMetrics(await getActor(), { from: query.get('fran') ?? undefined, to: query.get('till') ?? undefined });
    const { year, month, day } = wallClockAt(metrics.now);
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return new Response(workshopMetricsCsv(metrics, csvLabels(t)), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="verkstadsstatistik-${date}.csv"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === 'UNAUTHENTICATED') return text(t('csvErrors.unauthenticated'), 401);
    if (error.code === 'FORBIDDEN') return text(t('csvErrors.forbidden'), 403);
    if (error.code === 'INVALID_INPUT') return text(t('csvErrors.invalid'), 422);
    throw error;
  }
}
