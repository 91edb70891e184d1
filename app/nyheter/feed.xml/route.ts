import { ANONYMOUS } from '@/lib/authz/actor';
import { siteUrl } from '@/lib/env';
import { ATOM_RESPONSE_HEADERS, buildAtomFeed, listFeedEntries, siteFeedText } from '@/lib/news/feeds';
import { getSiteInfo } from '@/lib/site/site-info';

// Reads the database on every request; feed readers and shared caches keep it five minutes (the headers).
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * `GET /nyheter/feed.xml`: the Atom feed of every association's published news. Outside
 * app/[locale]: the proxy does not route paths whose last segment has a dot by language.
 */
export async function GET(): Promise<Response> {
  const base = siteUrl();
  const [site, feed] = await Promise.all([getSiteInfo(), listFeedEntries(ANONYMOUS)]);
  const xml = buildAtomFeed({
    siteUrl: base,
    selfUrl: `${base}/nyheter/feed.xml`,
    alternateUrl: `${base}/nyheter`,
    ...siteFeedText(site.name),
    entries: feed.entries,
  });
  return new Response(xml, { headers: ATOM_RESPONSE_HEADERS });
}
