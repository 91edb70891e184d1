import { createTranslator, hasLocale } from 'next-intl';
import { routing, type AppLocale } from '@/i18n/routing';
import { getActor } from '@/lib/auth/session';
import { loadUnmetNeedsForExport, unmetNeedsInputOf } from '@/lib/directory/unmet-needs';
import { UNMET_CSV_COLUMNS, unmetNeedsCsv, type UnmetCsvLabels } from '@/lib/directory/unmet-needs-csv';
import { isAppError } from '@/lib/errors/app-error';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';
import sv from '@/messages/sv.json';

// Statistics for the coordinator only: computed per request, never cached.
export const dynamic = 'force-dynamic';

const MESSAGES: Record<AppLocale, typeof sv> = { sv, en, ar };

function csvLabels(locale: AppLocale): UnmetCsvLabels {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'UnmetNeeds' });
  return {
    columns: Object.fromEntries(UNMET_CSV_COLUMNS.map((c) => [c, t(`csv.columns.${c}`)])) as UnmetCsvLabels['columns'],
    trend: { rising: t('csv.trend.rising'), falling: t('csv.trend.falling'), steady: t('csv.trend.steady'), new: t('csv.trend.new') },
    week: (week) => t('csv.week', { year: String(week.year), week: String(week.week).padStart(2, '0') }),
  };
}

const text = (body: string, status: number) =>
  new Response(`${body}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } });

/**
 * `GET /admin/behov/export?veckor=&typ=&q=`: every query of the unmet-needs report's selection
 * as a CSV file. 401 signed out, 403 for anyone but a coordinator, 422 for a selection it cannot read.
 */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }): Promise<Response> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return text('Not found', 404);
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'UnmetNeeds' });
  const query = new URL(request.url).searchParams;
  try {
    const report = await loadUnmetNeedsForExport(await getActor(), unmetNeedsInputOf((name) => (name === 'sida' ? undefined : query.get(name))));
    const last = report.weeks[report.weeks.length - 1]!;
    return new Response(unmetNeedsCsv(report, csvLabels(locale)), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="ouppfyllda-behov-${report.filter.weeks}v-${last.start}.csv"`,
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
