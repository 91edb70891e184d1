import { hasLocale } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { routing } from '@/i18n/routing';
import { getActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors/app-error';
import { markNotificationRead } from '@/lib/notifications/mutations';

// Marks a row read for the person asking: never cached anywhere.
export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * Opening a notification from the list: marks it read and goes on to where it leads. The
 * data layer returns only a path on this site, so the redirect cannot leave the portal.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; id: string }> }): Promise<Response> {
  const { locale, id } = await params;
  if (!hasLocale(routing.locales, locale)) return new Response('Not found', { status: 404, headers: NO_STORE });
  const prefix = locale === routing.defaultLocale ? '' : `/${locale}`;
  const actor = await getActor();
  if (actor.kind !== 'user') {
    // A relative Location: behind a proxy or a loopback bind, the request's own host may not be the public one.
    const signIn = `${prefix}/logga-in?${new URLSearchParams({ till: `${prefix}/konto/aviseringar/${encodeURIComponent(id)}` })}`;
    return new Response(null, { status: 303, headers: { Location: signIn, ...NO_STORE } });
  }
  try {
    const { url } = await markNotificationRead(actor, id);
    return new Response(null, { status: 303, headers: { Location: `${prefix}${url}`, ...NO_STORE } });
  } catch (error) {
    if (!isAppError(error) || error.code !== 'NOT_FOUND') throw error;
    const t = await getTranslations({ locale, namespace: 'Notifications' });
    return new Response(`${t('notFound')}\n`, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...NO_STORE } });
  }
}
