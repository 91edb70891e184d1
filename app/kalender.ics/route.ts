import { ANONYMOUS } from '@/lib/authz/actor';
import { siteUrl } from '@/lib/env';
import { buildICalendar, calendarName, ICALENDAR_RESPONSE_HEADERS, listCalendarEvents } from '@/lib/news/feeds';
import { getSiteInfo } from '@/lib/site/site-info';

// Reads the database on every request; calendar clients and shared caches keep it five minutes (the headers).
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * `GET /kalender.ics`: the associations' published events, for calendar subscriptions.
 * Outside app/[locale]: the proxy does not route paths whose last segment has a dot by language.
 */
export async function GET(): Promise<Response> {
  const [site, events] = await Promise.all([getSiteInfo(), listCalendarEvents(ANONYMOUS, { from: new Date() })]);
  return new Response(buildICalendar({ siteUrl: siteUrl(), name: calendarName(site.name), events }), { headers: ICALENDAR_RESPONSE_HEADERS });
}
