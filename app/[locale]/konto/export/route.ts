import { hasLocale } from 'next-intl';
import { routing } from '@/i18n/routing';
import { exportOwnData } from '@/lib/accounts/queries';
import { getActor } from '@/lib/auth/session';

// Personal data, read fresh for the person asking; never cached anywhere.
export const dynamic = 'force-dynamic';

/** "Download my data": the signed-in person's own data as a JSON file. */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }): Promise<Response> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return new Response('Not found', { status: 404 });
  const prefix = locale === routing.defaultLocale ? '' : `/${locale}`;
  const actor = await getActor();
  if (actor.kind !== 'user') {
    // A relative Location: behind a proxy or a loopback bind, the request's own host may not be the public one.
    const signIn = `${prefix}/logga-in?${new URLSearchParams({ till: `${prefix}/konto` })}`;
    return new Response(null, { status: 303, headers: { Location: signIn, 'Cache-Control': 'no-store' } });
  }
  const data = await exportOwnData(actor);
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': 'attachment; filename="mina-uppgifter.json"',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
