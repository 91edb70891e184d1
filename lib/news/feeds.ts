/**
 * Published news for readers outside the site: an Atom feed (RFC 4287) of the whole portal or
 * of one association, and an iCalendar file (RFC 5545) of events to subscribe to. Both are
 * built from DTOs by pure functions, so the same data always yields the same bytes: feed
 * readers and calendar clients poll, and a document that changes without news makes them
 * show posts again or rewrite their copies.
 */
import type { Actor } from '@/lib/authz/actor';
import { getDb } from '@/lib/db/client';
import { siteUrl } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import { log } from '@/lib/log';
import type { Prisma } from '@/lib/generated/prisma/client';
import { checkDocument, isSafeHref } from './document';
import { renderDocument } from './render';

export interface FeedEntry {
  postId: string;
  url: string;
  title: string;
  summary: string;
  /** Rendered from the checked document with absolute links: safe to embed as HTML. */
  html: string;
  /** The association that published the post, and its page. */
  author: { name: string; url: string };
  publishedAt: Date;
  updatedAt: Date;
  topics: { slug: string; name: string }[];
}

export interface NewsFeed {
  /** The association of a per-association feed (for its title); null for the whole portal. */
  organization: { slug: string; name: string } | null;
  entries: FeedEntry[];
}

export interface CalendarEvent {
  postId: string;
  url: string;
  title: string;
  summary: string;
  organizationName: string;
  startsAt: Date;
  /** An event stored without an end is taken to last an hour (see DEFAULT_EVENT_MS). */
  endsAt: Date;
  place: string | null;
  signupUrl: string | null;
  service: { name: string; url: string } | null;
  updatedAt: Date;
}

/**
 * Feed readers and calendar clients show these names as they are, whatever the reader's
 * language: they are Swedish like the posts, not localised UI.
 */
export const siteFeedText = (siteName: string) => ({
  title: `${siteName} – nyheter`,
  subtitle: `Nyheter och evenemang från föreningarna på ${siteName}`,
});
export const associationFeedText = (organizationName: string, siteName: string) => ({
  title: `${organizationName} – nyheter på ${siteName}`,
  subtitle: `Nyheter och evenemang från ${organizationName}`,
});
export const calendarName = (siteName: string) => `${siteName} – evenemang`;

export const ATOM_RESPONSE_HEADERS = {
  'Content-Type': 'application/atom+xml; charset=utf-8',
  'Cache-Control': 'public, max-age=300',
};
export const ICALENDAR_RESPONSE_HEADERS = {
  'Content-Type': 'text/calendar; charset=utf-8',
  'Content-Disposition': 'inline; filename="kalender.ics"',
  'Cache-Control': 'public, max-age=300',
};

const HOUR_MS = 60 * 60 * 1000;
const DEFAULT_EVENT_MS = HOUR_MS;
/**
 * Ended events stay in the calendar for 30 days: clients replace their copy at each refresh,
 * and an event vanishing the moment it ends would also vanish from residents' own history.
 */
const ENDED_EVENTS_KEPT_MS = 30 * 24 * HOUR_MS;
/** Bounds the file a client downloads at every refresh; far more than a region's events. */
const MAX_CALENDAR_EVENTS = 500;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// Published by an active association: what residents see on /nyheter ('post.read' for anyone).
const PUBLISHED = { status: 'PUBLISHED', organization: { isActive: true } } satisfies Prisma.NewsPostWhereInput;

const postUrl = (base: string, slug: string) => `${base}/nyheter/${slug}`;

async function getFeedOrganization(slug: string): Promise<{ id: string; slug: string; name: string }> {
  if (slug.length > 120 || !SLUG.test(slug)) throw new AppError('NOT_FOUND', 'notFound');
  const db = await getDb();
  const organization = await db.organization.findFirst({ where: { slug, isActive: true }, select: { id: true, slug: true, name: true } });
  if (!organization) throw new AppError('NOT_FOUND', 'notFound');
  return organization;
}

/**
 * The newest published posts, of every association or of one; NOT_FOUND for an unknown or
 * inactive association. Every actor reads the same: only published posts are selected.
 */
export async function listFeedEntries(_actor: Actor, { organizationSlug, limit = 30 }: { organizationSlug?: string; limit?: number } = {}): Promise<NewsFeed> {
  const organization = organizationSlug === undefined ? null : await getFeedOrganization(organizationSlug);
  const db = await getDb();
  const rows = await db.newsPost.findMany({
    where: { ...PUBLISHED, ...(organization ? { organizationId: organization.id } : {}) },
    orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
    take: limit,
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      body: true,
      publishedAt: true,
      updatedAt: true,
      organization: { select: { slug: true, name: true } },
      topics: { select: { topic: { select: { slug: true, name: true } } }, orderBy: { topic: { name: 'asc' } } },
    },
  });
  const base = siteUrl();
  const entries = rows.flatMap((row): FeedEntry[] => {
    const checked = checkDocument(row.body);
    if (!checked.ok) {
      // Leaving the post out keeps the feed valid for everyone else; the post page shows the same gap.
      log('warn', 'news post left out of the feed: stored body fails the check', { postId: row.id, problem: checked.problem });
      return [];
    }
    return [
      {
        postId: row.id,
        url: postUrl(base, row.slug),
        title: row.title,
        summary: row.summary,
        html: renderDocument(checked.document, { baseUrl: base }),
        author: { name: row.organization.name, url: `${base}/foreningar/${row.organization.slug}` },
        publishedAt: row.publishedAt ?? row.updatedAt,
        updatedAt: row.updatedAt,
        topics: row.topics.map((t) => t.topic),
      },
    ];
  });
  return { organization: organization && { slug: organization.slug, name: organization.name }, entries };
}

/**
 * Published events for a calendar subscribed at `from` (usually now): those that have not
 * ended, and those that ended up to 30 days before, soonest first.
 */
export async function listCalendarEvents(_actor: Actor, { from, organizationSlug }: { from: Date; organizationSlug?: string }): Promise<CalendarEvent[]> {
  const organization = organizationSlug === undefined ? null : await getFeedOrganization(organizationSlug);
  const endedAfter = new Date(from.getTime() - ENDED_EVENTS_KEPT_MS);
  const db = await getDb();
  const rows = await db.newsEvent.findMany({
    where: {
      post: { ...PUBLISHED, ...(organization ? { organizationId: organization.id } : {}) },
      OR: [{ endsAt: { gte: endedAfter } }, { endsAt: null, startsAt: { gte: new Date(endedAfter.getTime() - DEFAULT_EVENT_MS) } }],
    },
    orderBy: [{ startsAt: 'asc' }, { postId: 'asc' }],
    take: MAX_CALENDAR_EVENTS,
    select: {
      startsAt: true,
      endsAt: true,
      place: true,
      signupUrl: true,
      service: { select: { slug: true, name: true, status: true } },
      post: { select: { id: true, slug: true, title: true, summary: true, updatedAt: true, organization: { select: { name: true } } } },
    },
  });
  const base = siteUrl();
  return rows.map((row) => ({
    postId: row.post.id,
    url: postUrl(base, row.post.slug),
    title: row.post.title,
    summary: row.post.summary,
    organizationName: row.post.organization.name,
    startsAt: row.startsAt,
    endsAt: row.endsAt ?? new Date(row.startsAt.getTime() + DEFAULT_EVENT_MS),
    place: row.place,
    // Checked again on the way out, as the renderer does: a calendar client opens it on a click.
    signupUrl: row.signupUrl && isSafeHref(row.signupUrl) ? row.signupUrl : null,
    service: row.service?.status === 'ACTIVE' ? { name: row.service.name, url: `${base}/tjanster/${row.service.slug}` } : null,
    updatedAt: row.post.updatedAt,
  }));
}

// --- Atom ---------------------------------------------------------------------------------

/** `updated` of an empty feed: fixed, so polling an empty feed never looks like news. */
const EMPTY_FEED_UPDATED = new Date(0);
/**
 * The date in entry ids (tag URIs, RFC 4151). It must never change: readers key read/unread
 * state on the id, and the post id in it survives any change of title or address.
 */
const TAG_DATE = '2026';

/** Everything outside XML 1.0's Char production (controls, lone surrogates, U+FFFE/FFFF). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function xml(value: string): string {
  return value.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

const atomDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

export interface AtomFeedInput {
  /** The site's base URL; its host names the entry ids. */
  siteUrl: string;
  /** Where the feed is served; also its id. */
  selfUrl: string;
  /** The page the feed follows (/nyheter or an association's page). */
  alternateUrl: string;
  title: string;
  subtitle: string;
  entries: FeedEntry[];
}

export function buildAtomFeed(feed: AtomFeedInput): string {
  const authority = new URL(feed.siteUrl).hostname;
  const updated = feed.entries.reduce((latest, e) => (e.updatedAt > latest ? e.updatedAt : latest), EMPTY_FEED_UPDATED);
  const entry = (e: FeedEntry) =>
    [
      '  <entry>',
      `    <id>tag:${xml(authority)},${TAG_DATE}:post:${xml(e.postId)}</id>`,
      `    <title>${xml(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(e.url)}"/>`,
      `    <published>${atomDate(e.publishedAt)}</published>`,
      `    <updated>${atomDate(e.updatedAt)}</updated>`,
      `    <author><name>${xml(e.author.name)}</name><uri>${xml(e.author.url)}</uri></author>`,
      ...(e.summary ? [`    <summary>${xml(e.summary)}</summary>`] : []),
      `    <content type="html">${xml(e.html)}</content>`,
      ...e.topics.map((t) => `    <category term="${xml(t.slug)}" label="${xml(t.name)}"/>`),
      '  </entry>',
    ].join('\n');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">',
    `  <id>${xml(feed.selfUrl)}</id>`,
    `  <title>${xml(feed.title)}</title>`,
    `  <subtitle>${xml(feed.subtitle)}</subtitle>`,
    `  <updated>${atomDate(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(feed.alternateUrl)}"/>`,
    ...feed.entries.map(entry),
    '</feed>',
    '',
  ].join('\n');
}

// --- iCalendar ----------------------------------------------------------------------------

/** Controls TEXT may not hold (all but tab; newlines are escaped before this), lone surrogates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_ICAL_TEXT = /[\u0000-\u0008\u000A-\u001F\u007F\uD800-\uDFFF]/gu;

/** A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped. */
function icalText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(NOT_ICAL_TEXT, '').replace(/[\\;,]/g, (c) => `\\${c}`))
    .join('\\n');
}

const icalDate = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');

const utf8Length = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * Folds a content line into lines of at most 75 octets (RFC 5545 3.1), continuation lines
 * starting with a space, never inside a UTF-8 sequence: clients that split å into two halves
 * show garbage.
 */
function fold(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > limit) {
      lines.push(current);
      current = '';
      octets = 0;
      limit = 74;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n ');
}

export interface ICalendarInput {
  /** The site's base URL; its host makes event UIDs unique. */
  siteUrl: string;
  name: string;
  events: CalendarEvent[];
}

export function buildICalendar(calendar: ICalendarInput): string {
  const host = new URL(calendar.siteUrl).hostname;
  const event = (e: CalendarEvent) => {
    const description = [
      e.summary,
      `Arrangör: ${e.organizationName}`,
      e.signupUrl && `Anmälan: ${e.signupUrl}`,
      e.service && `Tjänst: ${e.service.name} ${e.service.url}`,
      e.url,
    ].filter(Boolean);
    return [
      'BEGIN:VEVENT',
      `UID:${e.postId}@${host}`,
      // The post's last change, not the time of the request, so an unchanged calendar stays byte for byte the same.
      `DTSTAMP:${icalDate(e.updatedAt)}`,
      // UTC instants need no VTIMEZONE in the file; clients show them in the reader's own zone.
      `DTSTART:${icalDate(e.startsAt)}`,
      `DTEND:${icalDate(e.endsAt)}`,
      `SUMMARY:${icalText(e.title)}`,
      `DESCRIPTION:${icalText(description.join('\n'))}`,
      ...(e.place ? [`LOCATION:${icalText(e.place)}`] : []),
      `URL:${e.url}`,
      'END:VEVENT',
    ];
  };
  const lines = [
    'BEGIN:VCALENDAR',
    'PRODID:-//LISA//Evenemang//SV',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icalText(calendar.name)}`,
    // Only a hint for clients that create a calendar from the subscription; every time is UTC.
    'X-WR-TIMEZONE:Europe/Stockholm',
    ...calendar.events.flatMap(event),
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}
