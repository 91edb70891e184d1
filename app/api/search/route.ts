import { ANONYMOUS } from '@/lib/authz/actor';
import { isAppError } from '@/lib/errors/app-error';
import { routing } from '@/i18n/routing';
import { parseSearchQuery } from '@/lib/search/query';
import { searchDirectory } from '@/lib/search/service';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/search?q=...&kategori=...` (the parameters of /sok): `{ engine, total, page,
 * perPage, hits, facets, crisisLines }`. `lang=en|ar` names and summarises hits in that
 * language; `live=1` marks results-as-you-type, which are not counted in the statistics.
 */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const lang = params.get('lang') ?? routing.defaultLocale;
  if (!(routing.locales as readonly string[]).includes(lang)) {
    return problem(400, `lang must be one of ${routing.locales.join(', ')}`, { lang: ['unknown language'] });
  }
  try {
    const query = parseSearchQuery(params);
    const { result, crisisLines } = await searchDirectory(ANONYMOUS, query, { locale: lang, record: params.get('live') !== '1' });
    return Response.json({ ...result, crisisLines }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    if (isAppError(error) && error.code === 'INVALID_INPUT') return problem(400, error.message, error.fieldErrors);
    throw error;
  }
}

function problem(status: number, message: string, fieldErrors?: Record<string, string[]>): Response {
  return Response.json({ error: message, fieldErrors }, { status, headers: { 'Cache-Control': 'no-store' } });
}
