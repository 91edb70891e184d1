import { ANONYMOUS } from '@/lib/authz/actor';
import { siteUrl } from '@/lib/env';
import { isAppError } from '@/lib/errors/app-error';
import { associationFeedText, ATOM_RESPONSE_HEADERS, buildAtomFeed, listFeedEntries } from '@/lib/news/feeds';
import { getSiteInfo } from '@/lib/site/site-info';

// Reads the database on every request; feed readers and shared caches keep it five minutes (the headers).
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * `GET /foreningar/<slug>/feed.xml`: the Atom feed of one association's published news.
 * Outside app/[locale]: the proxy does not route paths whose last segment has a dot by language.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  try {
    const [site, feed] = await Promise.all([getSiteInfo(), listFeedEntries(ANONYMOUS, { organizationSlug: slug })]);
    // Set whenever an association is asked for; an unknown one throws NOT_FOUND instead.
    const organization = feed.organization!;
    const base = siteUrl();
    const xml = buildAtomFeed({
      siteUrl: base,
      selfUrl: `${base}/foreningar/${organization.slug}/feed.xml`,
      alternateUrl: `${base}/foreningar/${organization.slug}`,
      ...associationFeedText(organization.name, site.name),
      entries: feed.entries,
    });
    return new Response(xml, { headers: ATOM_RESPONSE_HEADERS });
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') {
      // Not cached: an association that is added or reactivated gets its feed at once.
      return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
    }
    throw error;
  }
}
