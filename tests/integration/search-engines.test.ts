/**
 * The search engine specification: every engine (Meilisearch, the PostgreSQL fallback) must
 * pass the same cases on the demo data. Expectations come from the database itself, through
 * Prisma and lib/directory/opening-hours.ts, never from an engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveOpenNow } from '@/lib/directory/open-now';
import { isOpenAt } from '@/lib/directory/opening-hours';
import { freshnessOf, foldText } from '@/lib/search/document';
import { createPostgresEngine } from '@/lib/search/engines/postgres';
import { rebuildSearchProjection, recordServiceChanges } from '@/lib/search/projection';
import { FACET_NAMES, parseSearchQuery, type FacetName, type SearchQuery } from '@/lib/search/query';
import { analyzeSearchQuery } from '@/lib/search/analyze';
import { invalidateThesaurusCache, listActiveThesaurus } from '@/lib/search/thesaurus/entries';
import type { EngineRequest, FacetCounts, SearchEngine, SearchHit, SearchResult } from '@/lib/search/types';
import { seedDatabase } from '@/prisma/seed/index';
import { useTestDatabase } from '../helpers/db';
import { engineCases, useMeiliServer } from '../helpers/search';

const meili = useMeiliServer();
const db = useTestDatabase();

/** A request as the search service makes it: the query analysed against this database. */
async function requestFor(query: SearchQuery, options: { locale?: string; at?: Date } = {}): Promise<EngineRequest> {
  return {
    query,
    analysis: await analyzeSearchQuery(db.prisma, query.q),
    locale: options.locale ?? 'sv',
    openNow: await resolveOpenNow(db.prisma, options.at ?? WINTER_TUESDAY),
  };
}

const engines = engineCases(() => db.prisma, meili);

// Fixed instants, Stockholm time: a Tuesday 10:30 in winter (UTC+1) and in summer (UTC+2), and
// the Saturday night after a Friday, at 01:00 and at 02:00.
const WINTER_TUESDAY = new Date('2026-01-13T09:30:00Z');
const SUMMER_TUESDAY = new Date('2026-07-14T08:30:00Z');
const SATURDAY_0100 = new Date('2026-01-17T00:00:00Z');
const SATURDAY_0200 = new Date('2026-01-17T01:00:00Z');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A service as the database says, independently of any engine. */
interface CatalogEntry {
  id: string;
  slug: string;
  name: string;
  text: string;
  freshness: number;
  organization: { slug: string; name: string };
  primaryCategory: string;
  categories: string[];
  municipalities: string[];
  targetGroups: string[];
  languages: string[];
  attributes: string[];
  translations: Record<string, { name: string | null; summary: string | null }>;
  summary: string;
  openAt: (instant: Date) => boolean;
}

async function loadCatalog(): Promise<CatalogEntry[]> {
  const now = new Date();
  const rows = await db.prisma.service.findMany({
    where: { status: 'ACTIVE' },
    select: {
      id: true,
      slug: true,
      name: true,
      alternateName: true,
      summary: true,
      description: true,
      keywords: true,
      isFree: true,
      lastConfirmedAt: true,
      organization: { select: { slug: true, name: true } },
      translations: { select: { locale: true, name: true, summary: true, description: true } },
      categories: { select: { isPrimary: true, category: { select: { slug: true } } } },
      targetGroups: { select: { targetGroup: { select: { slug: true } } } },
      attributes: { select: { attribute: { select: { key: true } } } },
      languages: { select: { languageCode: true } },
      areas: { select: { municipality: { select: { slug: true } } } },
      atLocations: { select: { location: { select: { municipality: { select: { slug: true } } } } } },
      schedules: { select: { weekday: true, opensMinute: true, closesMinute: true, validFrom: true, validTo: true } },
      scheduleExceptions: { select: { date: true, isClosed: true, opensMinute: true, closesMinute: true } },
    },
  });
  const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
  return rows.map((s) => {
    const areas = s.areas.map((a) => a.municipality.slug);
    const located = s.atLocations.flatMap((l) => (l.location.municipality ? [l.location.municipality.slug] : []));
    const periods = s.schedules.map((p) => ({ ...p, validFrom: iso(p.validFrom), validTo: iso(p.validTo) }));
    const exceptions = s.scheduleExceptions.map((e) => ({ ...e, date: iso(e.date) as string }));
    return {
      id: s.id,
      slug: s.slug,
      name: s.name,
      text: foldText(
        [s.name, s.alternateName, s.summary, s.description, ...s.keywords, ...s.translations.flatMap((t) => [t.name, t.summary, t.description])]
          .filter(Boolean)
          .join(' '),
      ),
      freshness: freshnessOf(s.lastConfirmedAt, now),
      organization: s.organization,
      primaryCategory: s.categories.find((c) => c.isPrimary)?.category.slug ?? '',
      categories: s.categories.map((c) => c.category.slug),
      municipalities: [...new Set(areas.length > 0 ? areas : located)],
      targetGroups: s.targetGroups.map((t) => t.targetGroup.slug),
      languages: s.languages.map((l) => l.languageCode),
      attributes: [...new Set([...s.attributes.map((a) => a.attribute.key), ...(s.isFree ? ['free'] : [])])],
      translations: Object.fromEntries(s.translations.map((t) => [t.locale, { name: t.name, summary: t.summary }])),
      summary: s.summary,
      openAt: (instant: Date) => isOpenAt(periods, exceptions, instant),
    };
  });
}

type Filters = Pick<SearchQuery, FacetName | 'openNow'>;
const OR_FACETS = ['categories', 'municipalities', 'targetGroups', 'languages'] as const;

/** The facet semantics of lib/search/types.ts, on the catalog. */
function passes(entry: CatalogEntry, filters: Filters, instant: Date, skip?: FacetName | 'openNow'): boolean {
  for (const facet of OR_FACETS) {
    if (facet !== skip && filters[facet].length > 0 && !filters[facet].some((v) => entry[facet].includes(v))) return false;
  }
  if (skip !== 'attributes' && !filters.attributes.every((a) => entry.attributes.includes(a))) return false;
  if (skip !== 'openNow' && filters.openNow && !entry.openAt(instant)) return false;
  return true;
}

function expectedFacets(catalog: CatalogEntry[], filters: Filters, instant: Date): FacetCounts {
  const count = (entries: CatalogEntry[], facet: FacetName) => {
    const counts: Record<string, number> = {};
    for (const e of entries) for (const v of e[facet]) counts[v] = (counts[v] ?? 0) + 1;
    return counts;
  };
  const results = catalog.filter((e) => passes(e, filters, instant));
  return {
    categories: count(catalog.filter((e) => passes(e, filters, instant, 'categories')), 'categories'),
    municipalities: count(catalog.filter((e) => passes(e, filters, instant, 'municipalities')), 'municipalities'),
    targetGroups: count(catalog.filter((e) => passes(e, filters, instant, 'targetGroups')), 'targetGroups'),
    languages: count(catalog.filter((e) => passes(e, filters, instant, 'languages')), 'languages'),
    attributes: count(results, 'attributes'),
    openNow: catalog.filter((e) => passes(e, filters, instant, 'openNow') && e.openAt(instant)).length,
  };
}

/** Facet counts without zeros (an engine may or may not list a value that would give nothing). */
function nonZero(facets: FacetCounts) {
  return {
    ...Object.fromEntries(FACET_NAMES.map((f) => [f, Object.fromEntries(Object.entries(facets[f]).filter(([, n]) => n > 0))])),
    openNow: facets.openNow,
  };
}

let catalog: CatalogEntry[] = [];
const bySlug = (slug: string) => {
  const entry = catalog.find((e) => e.slug === slug);
  if (!entry) throw new Error(`no demo service ${slug}`);
  return entry;
};
const byId = (id: string) => {
  const entry = catalog.find((e) => e.id === id);
  if (!entry) throw new Error(`hit ${id} is not an active service`);
  return entry;
};

beforeAll(async () => {
  await seedDatabase(db.prisma);
  // Hours that are not the regular weekly ones, on the test dates: a closed day, other hours,
  // and a summer-only period (open-now must decide these exactly).
  const id = async (slug: string) => (await db.prisma.service.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
  await db.prisma.scheduleException.create({ data: { serviceId: await id('motesplats-mockelngarden'), date: day('2026-01-13'), isClosed: true } });
  await db.prisma.scheduleException.create({
    data: { serviceId: await id('it-hjalpen-mockelngarden'), date: day('2026-01-13'), isClosed: false, opensMinute: 600, closesMinute: 720 },
  });
  await db.prisma.schedule.create({
    data: { serviceId: await id('kompassen-nattvandring'), weekday: 2, opensMinute: 600, closesMinute: 660, validFrom: day('2026-06-01'), validTo: day('2026-08-31') },
  });
  // Names that tell Swedish alphabetical order from byte order: å before ä, and a lower-case
  // initial among the upper-case ones.
  const organizationId = (await db.prisma.organization.findFirstOrThrow({ where: { slug: 'mockelnforeningarna' }, select: { id: true } })).id;
  const category = await db.prisma.category.findUniqueOrThrow({ where: { slug: 'aldre' }, select: { id: true } });
  for (const [slug, name] of [
    ['asens-traffpunkt', 'Åsens träffpunkt'],
    ['angens-cafe', 'Ängens café'],
    ['bokcirkeln', 'bokcirkeln på biblioteket'],
  ] as const) {
    await db.prisma.service.create({
      data: {
        organizationId,
        slug,
        name,
        summary: 'Samtal och fika för seniorer en gång i veckan.',
        description: 'Vi träffas en gång i veckan.',
        lastConfirmedAt: new Date(),
        categories: { create: { categoryId: category.id, isPrimary: true } },
      },
    });
  }
  await rebuildSearchProjection(db.prisma);
  catalog = await loadCatalog();
}, 180_000);

describe.each(engines)('search engine: $name', ({ name, create }) => {
  let engine: SearchEngine;

  beforeAll(async () => {
    engine = await create();
  }, 120_000);

  async function search(params: string, options: { locale?: string; at?: Date } = {}): Promise<SearchResult> {
    return engine.search(await requestFor(parseSearchQuery(new URLSearchParams(params)), options));
  }

  /** Every hit of a query, page by page. */
  async function allHits(params: string, options: { at?: Date } = {}): Promise<SearchHit[]> {
    const hits: SearchHit[] = [];
    for (let page = 1; ; page++) {
      const result = await search(`${params}&per_sida=50&sida=${page}`, options);
      hits.push(...result.hits);
      if (result.hits.length === 0 || hits.length >= result.total) return hits;
    }
  }
  const slugsOf = async (params: string, options: { at?: Date } = {}) => new Set((await allHits(params, options)).map((h) => h.slug));
  const inCategory = (category: string) => catalog.filter((e) => e.categories.includes(category)).map((e) => e.slug);

  describe('text', () => {
    it('answers with its own name', async () => {
      expect((await search('q=stöd')).engine).toBe(name);
    });

    it('finds "våld" written without the ring, and both spellings find the same services', async () => {
      const withRing = await slugsOf('q=våld');
      const without = await slugsOf('q=vald');
      expect(without).toEqual(withRing);
      // Every service filed under domestic violence (its category is named "Våld i nära relation").
      for (const slug of inCategory('vald-i-nara-relation')) expect(without).toContain(slug);
    });

    it('finds the same services for "Linnéan" and "linnean", and the helpline for "kvinnojour"', async () => {
      const accented = await slugsOf('q=Linnéan');
      expect(accented).toEqual(await slugsOf('q=linnean'));
      expect(accented).toContain('linnean-jourtelefon');
      expect(await slugsOf('q=kvinnojour')).toContain('linnean-jourtelefon');
    });

    it('forgives a typo: "ensamhett" finds the services about loneliness', async () => {
      const found = await slugsOf('q=ensamhett');
      const lonely = inCategory('ensamhet-och-gemenskap');
      expect(lonely.filter((slug) => found.has(slug)).length).toBeGreaterThanOrEqual(Math.ceil(lonely.length / 2));
    });

    it('finds debt advice for "skuldradgivning"', async () => {
      const found = await allHits('q=skuldradgivning');
      expect(found.length).toBeGreaterThan(0);
      expect(found.some((h) => h.categories.includes('ekonomi-och-skulder'))).toBe(true);
    });

    it('finds through the thesaurus what the words alone would not: "misshandel" and "kronofogden"', async () => {
      for (const [word, category] of [
        ['misshandel', 'vald-i-nara-relation'],
        ['kronofogden', 'ekonomi-och-skulder'],
      ] as const) {
        const found = await slugsOf(`q=${word}`);
        const onlyBySynonym = catalog.filter((e) => e.categories.includes(category) && !e.text.includes(word) && found.has(e.slug));
        expect(onlyBySynonym.length, word).toBeGreaterThan(0);
      }
    });

    it('finds nothing for nonsense', async () => {
      for (const q of ['xqzv', 'qwxzpt', 'zzkvvqj blorf']) {
        const result = await search(`q=${encodeURIComponent(q)}`);
        expect(result.total, q).toBe(0);
        expect(result.hits).toEqual([]);
        expect(result.facets.openNow).toBe(0);
      }
    });

    it('puts a service with every word first, and still answers with services that have one of them', async () => {
      const sorg = await slugsOf('q=sorg');
      const barn = await slugsOf('q=barn');
      const both = [...sorg].filter((slug) => barn.has(slug));
      expect(both.length).toBeGreaterThan(0);
      const result = await search('q=sorg barn');
      expect(both).toContain(result.hits[0]?.slug);
      expect(result.total).toBeGreaterThan(both.length);
    });

    it('leaves out stop words, so a chatty query finds what its words find', async () => {
      const plain = await slugsOf('q=sorgegrupp');
      expect(plain.size).toBeGreaterThan(0);
      expect(await slugsOf(`q=${encodeURIComponent('jag vill gå på en sorgegrupp')}`)).toEqual(plain);
    });

    it('splits a compound the directory lacks into words it has: "sorgsamtal"', async () => {
      const word = 'sorgsamtal';
      expect(catalog.some((e) => e.text.includes(word))).toBe(false);
      const found = await allHits(`q=${word}`);
      expect(found.length).toBeGreaterThan(0);
      expect(found[0]?.categories).toContain('sorg-och-kris');
    });

    it('ranks a service named for the words above one that only mentions them', async () => {
      const result = await search('q=jourtelefon');
      expect(result.hits[0]?.slug).toBe('linnean-jourtelefon');
    });
  });

  describe('filters', () => {
    const cases = [
      'kommun=degerfors',
      'kommun=karlskoga,degerfors',
      'kategori=psykisk-halsa',
      'kategori=psykisk-halsa&kategori=aldre',
      'malgrupp=unga',
      'sprak=ar',
      'sprak=so,ti',
      'egenskap=anonymous',
      'gratis=1',
      'anonym=1&egenskap=drop-in',
      'kategori=ensamhet-och-gemenskap&kommun=degerfors',
      'kategori=psykisk-halsa,barn-unga-och-familj&kommun=karlskoga&malgrupp=unga,foraldrar&sprak=en&gratis=1',
      'oppet=nu',
      'oppet=nu&kommun=degerfors&egenskap=drop-in',
      'kategori=vald-i-nara-relation&sprak=fi&egenskap=drop-in',
    ];

    it.each(cases)('%s: every hit satisfies it, and the total and facet counts are the database’s', async (params) => {
      const query = parseSearchQuery(new URLSearchParams(params));
      const hits = await allHits(params);
      const result = await search(params);
      const expected = catalog.filter((e) => passes(e, query, WINTER_TUESDAY));
      expect(result.total).toBe(expected.length);
      expect(new Set(hits.map((h) => h.id))).toEqual(new Set(expected.map((e) => e.id)));
      for (const hit of hits) expect(passes(byId(hit.id), query, WINTER_TUESDAY), hit.slug).toBe(true);
      expect(nonZero(result.facets)).toEqual(nonZero(expectedFacets(catalog, query, WINTER_TUESDAY)));
    });

    it('keeps counts for the other values of a chosen facet (kommun=karlskoga still counts degerfors)', async () => {
      const result = await search('kommun=karlskoga');
      const degerfors = catalog.filter((e) => e.municipalities.includes('degerfors')).length;
      expect(degerfors).toBeGreaterThan(0);
      expect(result.facets.municipalities.degerfors).toBe(degerfors);
      // The other facets count within Karlskoga only.
      expect(result.facets.categories['vald-i-nara-relation']).toBe(
        catalog.filter((e) => e.municipalities.includes('karlskoga') && e.categories.includes('vald-i-nara-relation')).length,
      );
    });

    it('requires every chosen attribute', async () => {
      const both = await allHits('egenskap=anonymous&egenskap=drop-in');
      const anonymous = (await search('egenskap=anonymous')).total;
      const dropIn = (await search('egenskap=drop-in')).total;
      expect(both.length).toBeGreaterThan(0);
      expect(both.length).toBeLessThan(Math.min(anonymous, dropIn));
      for (const hit of both) expect(byId(hit.id).attributes).toEqual(expect.arrayContaining(['anonymous', 'drop-in']));
    });

    it('combines text and filters, with facet counts over the text’s matches', async () => {
      const matches = (await allHits('q=stöd')).map((h) => byId(h.id));
      const query = parseSearchQuery(new URLSearchParams('q=stöd&kommun=degerfors&egenskap=free'));
      const result = await search('q=stöd&kommun=degerfors&egenskap=free');
      const hits = await allHits('q=stöd&kommun=degerfors&egenskap=free');
      expect(new Set(hits.map((h) => h.id))).toEqual(new Set(matches.filter((e) => passes(e, query, WINTER_TUESDAY)).map((e) => e.id)));
      expect(nonZero(result.facets)).toEqual(nonZero(expectedFacets(matches, query, WINTER_TUESDAY)));
    });
  });

  describe('open now', () => {
    const openSlugs = (instant: Date) => new Set(catalog.filter((e) => e.openAt(instant)).map((e) => e.slug));

    it.each([
      ['a Tuesday 10:30 in winter', WINTER_TUESDAY],
      ['a Tuesday 10:30 in summer', SUMMER_TUESDAY],
      ['Saturday 01:00 after a Friday night', SATURDAY_0100],
      ['Saturday 02:00 after a Friday night', SATURDAY_0200],
    ])('finds exactly the services open on %s', async (_, instant) => {
      const expected = openSlugs(instant);
      expect(await slugsOf('oppet=nu', { at: instant })).toEqual(expected);
      expect((await search('', { at: instant })).facets.openNow).toBe(expected.size);
    });

    it('follows the hours that are not the weekly ones', async () => {
      const winter = await slugsOf('oppet=nu', { at: WINTER_TUESDAY });
      // Closed for the day though its weekly hours say open; other hours on a day it is
      // normally closed; a summer-only period.
      expect(winter).not.toContain('motesplats-mockelngarden');
      expect(winter).toContain('it-hjalpen-mockelngarden');
      expect(winter).not.toContain('kompassen-nattvandring');
      const summer = await slugsOf('oppet=nu', { at: SUMMER_TUESDAY });
      expect(summer).toContain('motesplats-mockelngarden');
      expect(summer).not.toContain('it-hjalpen-mockelngarden');
      expect(summer).toContain('kompassen-nattvandring');
    });

    it('keeps a Friday 22:00-02:00 service open at Saturday 01:00 and closed at 02:00', async () => {
      expect(await slugsOf('oppet=nu', { at: SATURDAY_0100 })).toContain('kompassen-nattvandring');
      expect(await slugsOf('oppet=nu', { at: SATURDAY_0200 })).not.toContain('kompassen-nattvandring');
    });
  });

  describe('pages', () => {
    it.each(['', 'q=stöd', 'kommun=degerfors'])('page 2 continues page 1 without overlap, total stable (%s)', async (params) => {
      const first = await search(`${params}&per_sida=7`);
      const second = await search(`${params}&per_sida=7&sida=2`);
      const both = await search(`${params}&per_sida=14`);
      expect(first.total).toBeGreaterThan(14);
      expect(second.total).toBe(first.total);
      expect(both.total).toBe(first.total);
      expect(first.hits).toHaveLength(7);
      expect([...first.hits, ...second.hits].map((h) => h.id)).toEqual(both.hits.map((h) => h.id));
      expect(new Set([...first.hits, ...second.hits].map((h) => h.id)).size).toBe(14);
      expect({ page: second.page, perPage: second.perPage }).toEqual({ page: 2, perPage: 7 });
    });

    it('gives every result exactly once across all pages', async () => {
      const hits = await allHits('');
      expect(hits).toHaveLength(catalog.length);
      expect(new Set(hits.map((h) => h.id))).toEqual(new Set(catalog.map((e) => e.id)));
    });

    it('answers a page past the end with no hits and the same total', async () => {
      const result = await search('q=stöd&sida=50');
      expect(result.hits).toEqual([]);
      expect(result.total).toBe((await search('q=stöd')).total);
    });
  });

  describe('hits', () => {
    it('carry the service, its organisation, categories primary first, and a plain short snippet', async () => {
      const hits = await allHits('');
      for (const hit of hits) {
        const entry = byId(hit.id);
        expect(hit.slug).toBe(entry.slug);
        expect(hit.name).toBe(entry.name);
        expect(hit.organization).toEqual(entry.organization);
        expect(hit.categories[0]).toBe(entry.primaryCategory);
        expect([...hit.categories].sort()).toEqual([...entry.categories].sort());
        expect([...hit.municipalities].sort()).toEqual([...entry.municipalities].sort());
        expect(hit.snippet.length).toBeLessThanOrEqual(181);
        expect(hit.snippet).not.toMatch(/[<>]/);
        expect(entry.summary.replace(/\s+/g, ' ').startsWith(hit.snippet.replace(/…$/, ''))).toBe(true);
      }
    });

    it('are named and summarised in the requested language where a translation exists', async () => {
      const helpline = bySlug('linnean-jourtelefon');
      const find = (result: SearchResult) => result.hits.find((h) => h.id === helpline.id);
      const sv = find(await search('q=jourtelefon'));
      const en = find(await search('q=jourtelefon', { locale: 'en' }));
      const ar = find(await search('q=jourtelefon', { locale: 'ar' }));
      expect(sv?.name).toBe('Jourtelefon dygnet runt');
      expect(en?.name).toBe(helpline.translations.en?.name);
      expect(en?.snippet.startsWith('Call us around the clock')).toBe(true);
      // No Arabic name: the Swedish one; the Arabic summary.
      expect(ar?.name).toBe('Jourtelefon dygnet runt');
      expect(ar?.snippet.startsWith((helpline.translations.ar?.summary ?? '').slice(0, 20))).toBe(true);
      // A service without translations keeps its Swedish text in every language.
      const untranslated = catalog.find((e) => !e.translations.en);
      const result = await search(`q=${encodeURIComponent(untranslated?.name ?? '')}`, { locale: 'en' });
      expect(result.hits.find((h) => h.id === untranslated?.id)?.name).toBe(untranslated?.name);
    });
  });

  describe('order', () => {
    it('browses by freshness, then by name in Swedish alphabetical order', async () => {
      const collator = new Intl.Collator('sv', { sensitivity: 'base' });
      const hits = (await allHits('')).map((h) => byId(h.id));
      expect(new Set(hits.map((h) => h.freshness)).size).toBeGreaterThan(1);
      for (let i = 1; i < hits.length; i++) {
        const [a, b] = [hits[i - 1], hits[i]] as [CatalogEntry, CatalogEntry];
        expect(a.freshness, `${a.slug} before ${b.slug}`).toBeGreaterThanOrEqual(b.freshness);
        if (a.freshness === b.freshness) expect(collator.compare(a.name, b.name), `${a.name} before ${b.name}`).toBeLessThanOrEqual(0);
      }
    });
  });

  describe('hostile input', () => {
    const strings = [
      '"',
      "'",
      '%',
      '%%_\\',
      '\\',
      "'); DROP TABLE \"Service\"; --",
      '!!!',
      '& | ! <-> :*',
      'a:* & !b',
      'vald:A',
      '(((',
      '\u0000',
      '🙂🙂',
      'مساعدة'.repeat(33),
      'ا'.repeat(200),
      'x'.repeat(200),
      'vald '.repeat(40),
    ];

    it.each(strings)('answers %j without throwing', async (q) => {
      const query = parseSearchQuery({ q });
      const result = await engine.search(await requestFor(query, { locale: 'ar' }));
      expect(result.total).toBeGreaterThanOrEqual(0);
      expect(result.hits.length).toBeLessThanOrEqual(query.perPage);
    });

    it('treats a query without letters or digits as a browse', async () => {
      const browse = await search('');
      for (const q of ['%', '!!!', '"', '— – …']) {
        const result = await search(`q=${encodeURIComponent(q)}`);
        expect(result.total, q).toBe(browse.total);
        expect(result.hits.map((h) => h.id)).toEqual(browse.hits.map((h) => h.id));
      }
    });

    it('answers a query longer than the URL allows when called directly', async () => {
      const query: SearchQuery = { ...parseSearchQuery({}), q: 'vald '.repeat(500) };
      const result = await engine.search(await requestFor(query));
      expect(result.total).toBeGreaterThan(0);
    });
  });
});

describe('listActiveThesaurus', () => {
  afterAll(async () => {
    await db.prisma.searchSynonym.updateMany({ data: { isActive: true } });
    invalidateThesaurusCache(db.prisma);
  });

  it('reads the active entries only, and again once an edit has cleared the cache', async () => {
    invalidateThesaurusCache(db.prisma);
    const all = await listActiveThesaurus(db.prisma);
    const entry = all.find((e) => e.input === 'misshand*');
    expect(entry).toMatchObject({ input: 'misshand*', isMutual: false });
    expect(entry?.synonyms.length).toBeGreaterThan(0);
    expect(entry?.categories).toContain('vald-i-nara-relation');
    await db.prisma.searchSynonym.update({ where: { input: 'misshand*' }, data: { isActive: false } });
    invalidateThesaurusCache(db.prisma);
    expect((await listActiveThesaurus(db.prisma)).map((e) => e.input)).not.toContain('misshand*');
  });
});

describe('createPostgresEngine', () => {
  afterAll(async () => {
    await db.prisma.searchSynonym.updateMany({ data: { isActive: true } });
    invalidateThesaurusCache(db.prisma);
  });

  it('finds through an active thesaurus entry what the word alone does not, and only the word once it is switched off', async () => {
    const engine = createPostgresEngine(db.prisma);
    const request = async () => engine.search(await requestFor(parseSearchQuery({ q: 'misshandel' })));
    await db.prisma.searchSynonym.update({ where: { input: 'misshand*' }, data: { isActive: true } });
    invalidateThesaurusCache(db.prisma);
    const withThesaurus = (await request()).total;
    await db.prisma.searchSynonym.update({ where: { input: 'misshand*' }, data: { isActive: false } });
    invalidateThesaurusCache(db.prisma);
    const without = await request();
    expect(without.total).toBeLessThan(withThesaurus);
    for (const hit of without.hits) expect(byId(hit.id).text).toContain('misshandel');
  });

  it('sees a change to a service at once (the projection is written in the same transaction)', async () => {
    const engine = createPostgresEngine(db.prisma);
    const openNow = await resolveOpenNow(db.prisma, WINTER_TUESDAY);
    const search = async () => engine.search({ ...(await requestFor(parseSearchQuery({ q: 'nattvandring' }))), openNow });
    expect((await search()).hits.map((h) => h.slug)).toContain('kompassen-nattvandring');
    const setStatus = (status: 'ACTIVE' | 'INACTIVE') =>
      db.prisma.$transaction(async (tx) => {
        const { id } = await tx.service.update({ where: { slug: 'kompassen-nattvandring' }, data: { status }, select: { id: true } });
        await recordServiceChanges(tx, [id]);
      });
    await setStatus('INACTIVE');
    expect((await search()).hits.map((h) => h.slug)).not.toContain('kompassen-nattvandring');
    await setStatus('ACTIVE');
    expect((await search()).hits.map((h) => h.slug)).toContain('kompassen-nattvandring');
  });
});
