/**
 * The news feeds: the Atom feeds of the portal and of one association and the events
 * calendar, through the data layer, the builders (checked by real parsers) and the three
 * route handlers called directly.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as getAssociationFeed } from '@/app/foreningar/[slug]/feed.xml/route';
import { GET as getCalendar } from '@/app/kalender.ics/route';
import { GET as getNewsFeed } from '@/app/nyheter/feed.xml/route';
import { ANONYMOUS } from '@/lib/authz/actor';
import { isAppError } from '@/lib/errors/app-error';
import { buildAtomFeed, buildICalendar, listCalendarEvents, listFeedEntries, type FeedEntry } from '@/lib/news/feeds';
import { instantOfWallClock } from '@/lib/time/zoned';
import { createOrganization, createPost, Lookup } from '@/prisma/seed/factories';
import type { SeedPost } from '@/prisma/seed/types';
import { useTestDatabase } from '../helpers/db';

// Before the database helper reads the environment: getEnv caches it for the file.
vi.stubEnv('SITE_URL', 'https://portal.example');

const db = useTestDatabase();

const SITE = 'https://portal.example';
/** The moment the calendar tests ask for: events are placed around it. */
const FROM = new Date('2027-01-10T12:00:00Z');
const HOSTILE_TITLE = "<script>alert('x')</script> ]]> \u0001\u0008\uFFFEklart";
const LONG_TITLE = 'Årsmöte på Ängsvägen för föräldrar i Örebro län – välkomna alla! 🎉 '.repeat(5).slice(0, 300);

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['entry', 'link', 'category'].includes(name) });

interface AtomLink {
  rel: string;
  href: string;
}
interface AtomEntry {
  id: string;
  title: string;
  link: AtomLink[];
  published: string;
  updated: string;
  author: { name: string; uri: string };
  summary?: string;
  content: { '#text': string; type: string };
  category?: { term: string; label: string }[];
}
interface AtomDocument {
  feed: { id: string; title: string; subtitle: string; updated: string; link: AtomLink[]; entry?: AtomEntry[] };
}

function parseAtom(xml: string): AtomDocument['feed'] {
  expect(XMLValidator.validate(xml)).toBe(true);
  return (parser.parse(xml) as AtomDocument).feed;
}

const entrySlugs = (feed: { entries: FeedEntry[] }) => feed.entries.map((e) => e.url.replace(`${SITE}/nyheter/`, ''));

const post = (input: Partial<SeedPost> & Pick<SeedPost, 'slug' | 'organization' | 'publishedDaysAgo'>): SeedPost => ({
  title: `Nyhet ${input.slug}`,
  summary: `Sammanfattning av ${input.slug}`,
  body: [`Texten i ${input.slug}.`],
  topics: [],
  ...input,
});

function eventsOf(text: string): ICAL.Component[] {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
}

const eventBySummary = (events: ICAL.Component[], summary: string) => events.find((e) => e.getFirstPropertyValue('summary') === summary)!;

/** The content lines of an iCalendar text, unfolded (RFC 5545 3.1). */
const unfold = (text: string) => text.replace(/\r\n /g, '').split('\r\n');

async function notFoundCode(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  return 'resolved';
}

beforeAll(async () => {
  await db.prisma.siteSetting.create({
    data: { id: 1, siteName: 'Hjälpportalen', shortName: 'Hjälp', regionName: 'Örebro län', contactEmail: 'kontakt@portal.example', dataController: 'Regionen' },
  });
  await db.prisma.newsTopic.createMany({ data: [{ slug: 'trygghet', name: 'Trygghet' }, { slug: 'ekonomi', name: 'Ekonomi' }] });
  const lookup = new Lookup(db.prisma);
  const now = new Date();
  for (const [slug, name] of [
    ['solrosen', 'Föreningen Solrosen'],
    ['grannet', 'Grannföreningen'],
    ['vilande', 'Vilande föreningen'],
    ['tyst', 'Den tysta föreningen'],
    ['evenemang', 'Evenemangsföreningen'],
  ] as const) {
    await createOrganization(db.prisma, { slug, kind: 'ASSOCIATION', name, description: 'En förening.' }, lookup, now);
  }
  await db.prisma.organization.update({ where: { slug: 'vilande' }, data: { isActive: false } });

  const news: SeedPost[] = [
    post({ slug: 'solrosen-nyast', organization: 'solrosen', publishedDaysAgo: 1, topics: ['trygghet', 'ekonomi'] }),
    post({ slug: 'solrosen-aldre', organization: 'solrosen', publishedDaysAgo: 5 }),
    post({ slug: 'solrosen-utkast', organization: 'solrosen', publishedDaysAgo: 0, status: 'DRAFT' }),
    post({ slug: 'solrosen-schemalagd', organization: 'solrosen', publishedDaysAgo: -3, status: 'SCHEDULED' }),
    post({ slug: 'solrosen-avpublicerad', organization: 'solrosen', publishedDaysAgo: 2, status: 'UNPUBLISHED' }),
    post({
      slug: 'solrosen-farlig',
      organization: 'solrosen',
      publishedDaysAgo: 4,
      title: HOSTILE_TITLE,
      summary: 'Mat & <b>dryck</b>\u0007',
      body: ['<script>alert(1)</script> och ]]> och \u000b', '## Rubrik med <img src=x onerror=alert(1)>'],
    }),
    post({ slug: 'solrosen-trasig', organization: 'solrosen', publishedDaysAgo: 0.5 }),
    post({ slug: 'grannet-nyhet', organization: 'grannet', publishedDaysAgo: 3 }),
    post({ slug: 'vilande-nyhet', organization: 'vilande', publishedDaysAgo: 2 }),
  ];
  for (const input of news) await createPost(db.prisma, input, lookup, now);
  // A body no version of the editor wrote: the post is left out of the feed, not the whole feed.
  await db.prisma.newsPost.update({ where: { slug: 'solrosen-trasig' }, data: { body: { type: 'doc', content: [{ type: 'script', text: 'x' }] } } });

  const events: SeedPost[] = [
    post({
      slug: 'vinterkvall',
      organization: 'evenemang',
      publishedDaysAgo: 60,
      title: 'Vinterkväll; mat, musik \\ dans',
      summary: 'Första raden\nAndra raden; med, tecken',
      event: { inDays: 5, starts: '18:00', ends: '20:00', place: 'Folkets hus, sal 2; ingång B', signupUrl: 'https://anmalan.example/vinter?a=1&b=2' },
    }),
    post({ slug: 'sommarfest', organization: 'evenemang', publishedDaysAgo: 61, title: 'Sommarfest', event: { inDays: 186, starts: '18:00', place: 'Parken' } }),
    post({ slug: 'lang-titel', organization: 'evenemang', publishedDaysAgo: 62, title: LONG_TITLE, event: { inDays: 20, starts: '10:00', ends: '12:00', place: 'Ängsvägen 3' } }),
    post({ slug: 'nyss-slut', organization: 'evenemang', publishedDaysAgo: 63, title: 'Nyss slut', event: { inDays: -10, starts: '18:00', ends: '20:00', place: 'Hemma' } }),
    post({ slug: 'lange-sedan', organization: 'evenemang', publishedDaysAgo: 64, title: 'Länge sedan', event: { inDays: -40, starts: '18:00', ends: '20:00', place: 'Hemma' } }),
    post({ slug: 'event-utkast', organization: 'evenemang', publishedDaysAgo: 0, status: 'DRAFT', title: 'Utkast', event: { inDays: 3, starts: '18:00', place: 'Hemma' } }),
    post({ slug: 'event-avpublicerat', organization: 'evenemang', publishedDaysAgo: 65, status: 'UNPUBLISHED', title: 'Avpublicerat', event: { inDays: 3, starts: '18:00', place: 'Hemma' } }),
    post({ slug: 'event-vilande', organization: 'vilande', publishedDaysAgo: 66, title: 'Vilande evenemang', event: { inDays: 3, starts: '18:00', place: 'Hemma' } }),
    post({ slug: 'event-grannet', organization: 'grannet', publishedDaysAgo: 67, title: 'Grannets evenemang', event: { inDays: 4, starts: '19:00', place: 'Gården' } }),
  ];
  for (const input of events) await createPost(db.prisma, input, lookup, FROM);
}, 120_000);

describe('listFeedEntries', () => {
  it('lists only published posts of active associations, newest first', async () => {
    const feed = await listFeedEntries(ANONYMOUS);
    const slugs = entrySlugs(feed);
    expect(feed.organization).toBeNull();
    expect(slugs).toEqual(expect.arrayContaining(['solrosen-nyast', 'solrosen-aldre', 'solrosen-farlig', 'grannet-nyhet', 'vinterkvall']));
    for (const absent of ['solrosen-utkast', 'solrosen-schemalagd', 'solrosen-avpublicerad', 'vilande-nyhet', 'event-utkast', 'event-avpublicerat', 'event-vilande']) {
      expect(slugs).not.toContain(absent);
    }
    const published = feed.entries.map((e) => e.publishedAt.getTime());
    expect(published).toEqual([...published].sort((a, b) => b - a));
  });

  it("keeps an association's feed to its own published posts, newest first", async () => {
    const feed = await listFeedEntries(ANONYMOUS, { organizationSlug: 'solrosen' });
    expect(feed.organization).toEqual({ slug: 'solrosen', name: 'Föreningen Solrosen' });
    expect(entrySlugs(feed)).toEqual(['solrosen-nyast', 'solrosen-farlig', 'solrosen-aldre']);
    const newest = feed.entries[0]!;
    expect(newest.author).toEqual({ name: 'Föreningen Solrosen', url: `${SITE}/foreningar/solrosen` });
    expect(newest.topics).toEqual([{ slug: 'ekonomi', name: 'Ekonomi' }, { slug: 'trygghet', name: 'Trygghet' }]);
    expect(newest.html).toBe('<p>Texten i solrosen-nyast.</p>');
  });

  it('takes at most `limit` posts', async () => {
    expect(entrySlugs(await listFeedEntries(ANONYMOUS, { organizationSlug: 'evenemang', limit: 2 }))).toEqual(['vinterkvall', 'sommarfest']);
  });

  it('leaves out a post whose stored body fails the check, with a warning', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const feed = await listFeedEntries(ANONYMOUS, { organizationSlug: 'solrosen' });
    expect(entrySlugs(feed)).not.toContain('solrosen-trasig');
    const broken = await db.prisma.newsPost.findUniqueOrThrow({ where: { slug: 'solrosen-trasig' }, select: { id: true } });
    const lines = stderr.mock.calls.map(([line]) => String(line)).filter((line) => line.includes(broken.id));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', postId: broken.id, problem: 'invalid' });
  });

  it('refuses an unknown, inactive or malformed association as NOT_FOUND', async () => {
    for (const organizationSlug of ['finns-inte', 'vilande', 'Inte En Slug!', 'x'.repeat(200)]) {
      expect(await notFoundCode(listFeedEntries(ANONYMOUS, { organizationSlug }))).toBe('NOT_FOUND');
    }
  });
});

describe('buildAtomFeed', () => {
  it('writes a valid Atom document with stable ids, links, authors, content and categories', async () => {
    const feed = await listFeedEntries(ANONYMOUS, { organizationSlug: 'solrosen' });
    const xml = buildAtomFeed({ siteUrl: SITE, selfUrl: `${SITE}/foreningar/solrosen/feed.xml`, alternateUrl: `${SITE}/foreningar/solrosen`, title: 'T', subtitle: 'S', entries: feed.entries });
    const atom = parseAtom(xml);
    expect(atom.id).toBe(`${SITE}/foreningar/solrosen/feed.xml`);
    expect(atom.link).toEqual([
      { rel: 'self', type: 'application/atom+xml', href: `${SITE}/foreningar/solrosen/feed.xml` },
      { rel: 'alternate', type: 'text/html', href: `${SITE}/foreningar/solrosen` },
    ]);
    const latestUpdate = Math.max(...feed.entries.map((e) => e.updatedAt.getTime()));
    expect(new Date(atom.updated).getTime()).toBe(Math.floor(latestUpdate / 1000) * 1000);
    const [entry] = atom.entry!;
    const newest = feed.entries[0]!;
    expect(entry!.id).toBe(`tag:portal.example,2026:post:${newest.postId}`);
    expect(entry!.title).toBe('Nyhet solrosen-nyast');
    expect(entry!.link).toEqual([{ rel: 'alternate', type: 'text/html', href: `${SITE}/nyheter/solrosen-nyast` }]);
    expect(entry!.author).toEqual({ name: 'Föreningen Solrosen', uri: `${SITE}/foreningar/solrosen` });
    expect(entry!.summary).toBe('Sammanfattning av solrosen-nyast');
    expect(entry!.content).toEqual({ type: 'html', '#text': '<p>Texten i solrosen-nyast.</p>' });
    expect(entry!.category).toEqual([{ term: 'ekonomi', label: 'Ekonomi' }, { term: 'trygghet', label: 'Trygghet' }]);
    expect(new Date(entry!.published).toISOString().slice(0, 19)).toBe(newest.publishedAt.toISOString().slice(0, 19));
    // The same posts give the same bytes.
    expect(buildAtomFeed({ siteUrl: SITE, selfUrl: `${SITE}/foreningar/solrosen/feed.xml`, alternateUrl: `${SITE}/foreningar/solrosen`, title: 'T', subtitle: 'S', entries: feed.entries })).toBe(xml);
  });

  it('stays valid XML and inert HTML for a post with script tags, "]]>" and control characters', async () => {
    const xml = buildAtomFeed({ siteUrl: SITE, selfUrl: `${SITE}/nyheter/feed.xml`, alternateUrl: `${SITE}/nyheter`, title: 'T', subtitle: 'S', ...(await listFeedEntries(ANONYMOUS)) });
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    expect(xml).not.toMatch(/<script|<img|<b>|]]>/i);
    const entry = parseAtom(xml).entry!.find((e) => e.link[0]!.href.endsWith('/solrosen-farlig'))!;
    expect(entry.title).toBe("<script>alert('x')</script> ]]> klart");
    expect(entry.summary).toBe('Mat & <b>dryck</b>');
    // Decoded once from XML, the content is HTML in which the script is only text.
    expect(entry.content['#text']).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; och ]]&gt; och </p><h2>Rubrik med &lt;img src=x onerror=alert(1)&gt;</h2>',
    );
  });

  it('dates an empty feed at a fixed instant, never now', () => {
    const input = { siteUrl: SITE, selfUrl: `${SITE}/foreningar/tyst/feed.xml`, alternateUrl: `${SITE}/foreningar/tyst`, title: 'T', subtitle: 'S', entries: [] };
    const atom = parseAtom(buildAtomFeed(input));
    expect(atom.updated).toBe('1970-01-01T00:00:00Z');
    expect(atom.entry).toBeUndefined();
  });
});

describe('listCalendarEvents', () => {
  it('lists published events that have not ended or ended within 30 days, soonest first', async () => {
    const events = await listCalendarEvents(ANONYMOUS, { from: FROM });
    expect(events.map((e) => e.title)).toEqual(['Nyss slut', 'Grannets evenemang', 'Vinterkväll; mat, musik \\ dans', LONG_TITLE, 'Sommarfest']);
  });

  it('makes an event without an end last one hour', async () => {
    const summer = (await listCalendarEvents(ANONYMOUS, { from: FROM })).find((e) => e.title === 'Sommarfest')!;
    expect(summer.endsAt.getTime() - summer.startsAt.getTime()).toBe(60 * 60 * 1000);
  });

  it("keeps to one association's events, and refuses an unknown one", async () => {
    expect((await listCalendarEvents(ANONYMOUS, { from: FROM, organizationSlug: 'grannet' })).map((e) => e.title)).toEqual(['Grannets evenemang']);
    expect(await notFoundCode(listCalendarEvents(ANONYMOUS, { from: FROM, organizationSlug: 'vilande' }))).toBe('NOT_FOUND');
  });
});

describe('buildICalendar', () => {
  let text: string;
  beforeAll(async () => {
    text = buildICalendar({ siteUrl: SITE, name: 'Hjälpportalen – evenemang', events: await listCalendarEvents(ANONYMOUS, { from: FROM }) });
  });

  it('writes a publishing calendar that ical.js reads, one event per published event', () => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Hjälpportalen – evenemang');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Stockholm');
    expect(eventsOf(text)).toHaveLength(5);
  });

  it('ends every line with CRLF and keeps every line within 75 octets', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('folds a long Swedish title between characters, and it unfolds to the original', () => {
    expect(LONG_TITLE).toHaveLength(300);
    const lines = text.split('\r\n');
    const start = lines.findIndex((l) => l.startsWith('SUMMARY:Årsmöte'));
    expect(lines[start + 1]!.startsWith(' ')).toBe(true);
    // Each physical line is whole UTF-8: encoding and decoding it alone changes nothing.
    for (const line of lines) expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
    expect(unfold(text)).toContain(`SUMMARY:${LONG_TITLE}`);
    expect(eventBySummary(eventsOf(text), LONG_TITLE)).toBeDefined();
  });

  it('escapes backslashes, semicolons, commas and newlines in text', async () => {
    const vinter = (await db.prisma.newsPost.findUniqueOrThrow({ where: { slug: 'vinterkvall' }, select: { id: true } })).id;
    const lines = unfold(text);
    expect(lines).toContain('SUMMARY:Vinterkväll\\; mat\\, musik \\\\ dans');
    expect(lines).toContain('LOCATION:Folkets hus\\, sal 2\\; ingång B');
    const event = eventBySummary(eventsOf(text), 'Vinterkväll; mat, musik \\ dans');
    expect(event.getFirstPropertyValue('location')).toBe('Folkets hus, sal 2; ingång B');
    expect(event.getFirstPropertyValue('description')).toBe(
      [
        'Första raden',
        'Andra raden; med, tecken',
        'Arrangör: Evenemangsföreningen',
        'Anmälan: https://anmalan.example/vinter?a=1&b=2',
        `${SITE}/nyheter/vinterkvall`,
      ].join('\n'),
    );
    expect(event.getFirstPropertyValue('uid')).toBe(`${vinter}@portal.example`);
    expect(event.getFirstPropertyValue('url')).toBe(`${SITE}/nyheter/vinterkvall`);
  });

  it('gives 18:00 in Stockholm as the right UTC instant in winter and in summer', () => {
    const events = eventsOf(text);
    const winter = eventBySummary(events, 'Vinterkväll; mat, musik \\ dans');
    const summer = eventBySummary(events, 'Sommarfest');
    const lines = unfold(text);
    expect(lines).toContain('DTSTART:20270115T170000Z');
    expect(lines).toContain('DTEND:20270115T190000Z');
    expect(lines).toContain('DTSTART:20270715T160000Z');
    expect(lines).toContain('DTEND:20270715T170000Z');
    const start = (event: ICAL.Component) => (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate();
    expect(start(winter)).toEqual(instantOfWallClock(2027, 1, 15, 18, 0));
    expect(start(summer)).toEqual(instantOfWallClock(2027, 7, 15, 18, 0));
  });
});

describe('feed routes', () => {
  it('GET /nyheter/feed.xml answers the Atom feed of all news', async () => {
    const response = await getNewsFeed();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const atom = parseAtom(await response.text());
    expect(atom.title).toBe('Hjälpportalen – nyheter');
    expect(atom.id).toBe(`${SITE}/nyheter/feed.xml`);
    expect(atom.entry!.map((e) => e.link[0]!.href)).toContain(`${SITE}/nyheter/grannet-nyhet`);
  });

  it("GET /foreningar/<slug>/feed.xml answers one association's feed", async () => {
    const response = await getAssociationFeed(new Request(`${SITE}/foreningar/grannet/feed.xml`), { params: Promise.resolve({ slug: 'grannet' }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const atom = parseAtom(await response.text());
    expect(atom.title).toBe('Grannföreningen – nyheter på Hjälpportalen');
    expect(atom.entry!.map((e) => e.link[0]!.href)).toEqual([`${SITE}/nyheter/grannet-nyhet`, `${SITE}/nyheter/event-grannet`]);
  });

  it('answers an association without posts with an empty, stable feed', async () => {
    const fetchFeed = async () => (await getAssociationFeed(new Request(`${SITE}/foreningar/tyst/feed.xml`), { params: Promise.resolve({ slug: 'tyst' }) })).text();
    const first = await fetchFeed();
    expect(parseAtom(first).updated).toBe('1970-01-01T00:00:00Z');
    expect(await fetchFeed()).toBe(first);
  });

  it('answers 404 in plain text for an unknown or inactive association', async () => {
    for (const slug of ['finns-inte', 'vilande']) {
      const response = await getAssociationFeed(new Request(`${SITE}/foreningar/${slug}/feed.xml`), { params: Promise.resolve({ slug }) });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    }
  });

  it('GET /kalender.ics answers the events calendar', async () => {
    const response = await getCalendar();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('inline; filename="kalender.ics"');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const summaries = eventsOf(await response.text()).map((e) => e.getFirstPropertyValue('summary'));
    expect(summaries).toContain('Sommarfest');
    expect(summaries).not.toContain('Utkast');
  });
});
