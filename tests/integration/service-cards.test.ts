import { beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '@/lib/authz/actor';
import { listFacetLabels, listServiceCards } from '@/lib/directory/cards';
import { listRelatedCategories, queryWords } from '@/lib/directory/related-categories';
import { analyzeSearchQuery } from '@/lib/search/analyze';
import { myListEntrySchema } from '@/lib/my-list/entry';
import { toMyListEntry } from '@/components/search/my-list-entry';
import { instantOfWallClock } from '@/lib/time/zoned';
import { seedDatabase } from '@/prisma/seed/index';
import { services } from '@/prisma/seed/data/services';
import { attributes, categories } from '@/prisma/seed/data/taxonomy';
import { useTestDatabase } from '../helpers/db';

const db = useTestDatabase();

/** A Wednesday at 11:00 and 03:00 in Stockholm (winter time). */
const WEDNESDAY_11 = instantOfWallClock(2026, 1, 14, 11, 0);
const WEDNESDAY_03 = instantOfWallClock(2026, 1, 14, 3, 0);

const SECRET_STREET = 'Hemliga gränd 7';
const HOUR_LABELS = { allDays: 'Alla dagar', roundTheClock: 'Dygnet runt' };

let idOf: (slug: string) => string;

beforeAll(async () => {
  await seedDatabase(db.prisma);
  // Protected locations are seeded without any address. Give one an address anyway, as a
  // careless edit could, to prove the cards never read it.
  const shelter = await db.prisma.location.findFirstOrThrow({ where: { isProtected: true, services: { some: { service: { slug: 'linnean-skyddat-boende' } } } } });
  await db.prisma.location.update({ where: { id: shelter.id }, data: { addressLine1: SECRET_STREET, postalCode: '691 99', city: 'Karlskoga' } });
  const rows = await db.prisma.service.findMany({ select: { id: true, slug: true } });
  const ids = new Map(rows.map((r) => [r.slug, r.id]));
  idOf = (slug) => {
    const id = ids.get(slug);
    if (!id) throw new Error(`No seeded service ${slug}`);
    return id;
  };
}, 180_000);

describe('listServiceCards', () => {
  it('returns the cards in the order of the ids it was given', async () => {
    const slugs = ['linnean-jourtelefon', 'motesplats-mockelngarden', 'lotsen-myndighetskontakter'];
    const forward = await listServiceCards(ANONYMOUS, slugs.map(idOf), 'sv', WEDNESDAY_11);
    expect(forward.map((c) => c.slug)).toEqual(slugs);
    const reversed = await listServiceCards(ANONYMOUS, [...slugs].reverse().map(idOf), 'sv', WEDNESDAY_11);
    expect(reversed.map((c) => c.slug)).toEqual([...slugs].reverse());
  });

  it('skips unknown and inactive ids', async () => {
    const inactive = idOf('arbetstraning-mockelngarden');
    await db.prisma.service.update({ where: { id: inactive }, data: { status: 'INACTIVE' } });
    try {
      const cards = await listServiceCards(ANONYMOUS, ['no-such-id', idOf('linnean-jourtelefon'), inactive], 'sv', WEDNESDAY_11);
      expect(cards.map((c) => c.slug)).toEqual(['linnean-jourtelefon']);
    } finally {
      await db.prisma.service.update({ where: { id: inactive }, data: { status: 'ACTIVE' } });
    }
  });

  it('answers an empty list for no ids', async () => {
    expect(await listServiceCards(ANONYMOUS, [], 'sv', WEDNESDAY_11)).toEqual([]);
  });

  it('never carries the address of a protected location', async () => {
    const protectedServices = await db.prisma.service.findMany({
      where: { atLocations: { some: { location: { isProtected: true } } } },
      select: { id: true },
    });
    expect(protectedServices.length).toBeGreaterThan(0);
    const all = await db.prisma.service.findMany({ select: { id: true } });
    for (const locale of ['sv', 'en', 'ar']) {
      const cards = await listServiceCards(ANONYMOUS, all.map((s) => s.id), locale, WEDNESDAY_11);
      const text = JSON.stringify(cards);
      expect(text).not.toContain(SECRET_STREET);
      expect(text).not.toContain('691 99');
      for (const { id } of protectedServices) expect(cards.find((c) => c.id === id)?.address).toBeNull();
    }
  });

  it('gives the address of a public location on one line', async () => {
    const [card] = await listServiceCards(ANONYMOUS, [idOf('motesplats-mockelngarden')], 'sv', WEDNESDAY_11);
    expect(card?.address).toBe('Kungsgatan 12, 691 31 Karlskoga');
  });

  it('shows translated text where it exists and flags the Swedish fallback', async () => {
    const ids = [idOf('linnean-jourtelefon'), idOf('lotsen-myndighetskontakter')];
    const [helpline, lotsen] = await listServiceCards(ANONYMOUS, ids, 'en', WEDNESDAY_11);
    expect(helpline).toMatchObject({ name: '24-hour helpline', isFallback: false });
    expect(helpline?.howToGetHelp).toBe('Call the helpline at any time. You do not have to say who you are.');
    expect(lotsen).toMatchObject({ name: 'Lotsen – hjälp med myndighetskontakter', isFallback: true });

    // Arabic has the helpline's summary but not its name: the Swedish name is a fallback.
    const [arabic] = await listServiceCards(ANONYMOUS, [idOf('linnean-jourtelefon')], 'ar', WEDNESDAY_11);
    expect(arabic?.name).toBe('Jourtelefon dygnet runt');
    expect(arabic?.summary).toMatch(/^خط هاتفي/);
    expect(arabic?.isFallback).toBe(true);
    expect(arabic?.untranslated).toEqual({ name: true, summary: false });

    const [swedish] = await listServiceCards(ANONYMOUS, [idOf('lotsen-myndighetskontakter')], 'sv', WEDNESDAY_11);
    expect(swedish?.isFallback).toBe(false);
  });

  it('computes open now at the given instant and lists the weekly hours', async () => {
    const id = idOf('motesplats-mockelngarden');
    const [day] = await listServiceCards(ANONYMOUS, [id], 'sv', WEDNESDAY_11);
    const [night] = await listServiceCards(ANONYMOUS, [id], 'sv', WEDNESDAY_03);
    expect(day?.isOpenNow).toBe(true);
    expect(night?.isOpenNow).toBe(false);
    expect(day?.weeklyHours).toHaveLength(5);
    const [helpline] = await listServiceCards(ANONYMOUS, [idOf('linnean-jourtelefon')], 'sv', WEDNESDAY_03);
    expect(helpline?.isOpenNow).toBe(true);
  });

  it('carries the facet values the search counted, phones to dial and attributes with free', async () => {
    const seeded = services.find((s) => s.slug === 'linnean-jourtelefon')!;
    const [card] = await listServiceCards(ANONYMOUS, [idOf(seeded.slug)], 'sv', WEDNESDAY_11);
    expect(card?.categories).toEqual(seeded.categories);
    expect(card?.municipalities.sort()).toEqual(['degerfors', 'karlskoga']);
    expect(card?.attributes.sort()).toEqual([...seeded.attributes].sort());
    expect(card?.phones).toEqual([{ display: '0586-155 20', dial: '058615520', label: 'Jourtelefon, dygnet runt' }]);
    expect(card?.organizationName).toBe('Kvinnojouren Linnéan');
  });
});

describe('toMyListEntry', () => {
  it('makes a valid My list entry of every card, without a protected address', async () => {
    const all = await db.prisma.service.findMany({ select: { id: true } });
    for (const locale of ['sv', 'en', 'ar']) {
      const cards = await listServiceCards(ANONYMOUS, all.map((s) => s.id), locale, WEDNESDAY_11);
      for (const card of cards) {
        const entry = toMyListEntry(card, locale, WEDNESDAY_11, HOUR_LABELS);
        expect(myListEntrySchema.safeParse(entry).success, `${card.slug} in ${locale}`).toBe(true);
        expect(JSON.stringify(entry)).not.toContain(SECRET_STREET);
      }
    }
  });

  it('shortens texts longer than My list keeps', async () => {
    const [card] = await listServiceCards(ANONYMOUS, [idOf('motesplats-mockelngarden')], 'sv', WEDNESDAY_11);
    const long = { ...card!, name: 'Mötesplats '.repeat(40), summary: 'Kaffe och samtal. '.repeat(80) };
    const entry = toMyListEntry(long, 'sv', WEDNESDAY_11, HOUR_LABELS);
    expect(myListEntrySchema.safeParse(entry).success).toBe(true);
    expect(entry.name.length).toBeLessThanOrEqual(300);
    expect(entry.name.endsWith('…')).toBe(true);
    expect(entry.openingHours).toEqual(['Mån–tors 10:00–15:00', 'Fre 10:00–13:00']);
  });

  it('words round-the-clock hours with the labels it is given', async () => {
    const [card] = await listServiceCards(ANONYMOUS, [idOf('linnean-jourtelefon')], 'sv', WEDNESDAY_11);
    expect(toMyListEntry(card!, 'sv', WEDNESDAY_11, HOUR_LABELS).openingHours).toEqual(['Alla dagar Dygnet runt']);
  });
});

describe('listFacetLabels', () => {
  it('names every facet value in Swedish', async () => {
    const labels = await listFacetLabels(ANONYMOUS, 'sv');
    expect(labels.categories.map((c) => c.label)).toEqual(categories.map((c) => c.name));
    expect(labels.categories[0]).toMatchObject({ value: 'vald-i-nara-relation', icon: 'shield' });
    expect(labels.municipalities).toEqual([
      { value: 'degerfors', label: 'Degerfors' },
      { value: 'karlskoga', label: 'Karlskoga' },
    ]);
    expect(labels.attributes.map((a) => a.label)).toEqual(attributes.map((a) => a.name));
    expect(labels.languages[0]).toEqual({ value: 'sv', label: 'Svenska' });
    expect(labels.languages.find((l) => l.value === 'ar')?.label).toBe('Arabiska');
  });

  it('names them in English, with language names from Intl', async () => {
    const labels = await listFacetLabels(ANONYMOUS, 'en');
    expect(labels.categories.map((c) => c.label)).toEqual(categories.map((c) => c.en));
    expect(labels.targetGroups.find((g) => g.value === 'kvinnor')?.label).toBe('Women');
    expect(labels.attributes.find((a) => a.value === 'anonymous')?.label).toBe('You can stay anonymous');
    expect(labels.languages[0]).toEqual({ value: 'sv', label: 'Swedish' });
    expect(labels.languages.find((l) => l.value === 'so')?.label).toBe('Somali');
  });

  it('names languages in Arabic and falls back to Swedish category names without a translation', async () => {
    const labels = await listFacetLabels(ANONYMOUS, 'ar');
    expect(labels.languages[0]).toEqual({ value: 'sv', label: 'السويدية' });
    expect(labels.categories[0]?.label).toBe('Våld i nära relation');
  });

  it('leaves out inactive categories', async () => {
    await db.prisma.category.update({ where: { slug: 'digital-hjalp' }, data: { isActive: false } });
    try {
      const labels = await listFacetLabels(ANONYMOUS, 'sv');
      expect(labels.categories.map((c) => c.value)).not.toContain('digital-hjalp');
    } finally {
      await db.prisma.category.update({ where: { slug: 'digital-hjalp' }, data: { isActive: true } });
    }
  });
});

describe('queryWords', () => {
  it('folds the query and drops stop words and short words', async () => {
    expect(queryWords(await analyzeSearchQuery(db.prisma, 'Jag behöver hjälp med SKULDER och räkningar på'))).toEqual(['skulder', 'rakningar']);
  });
});

describe('listRelatedCategories', () => {
  it('finds the debt category for "skulder"', async () => {
    const related = await listRelatedCategories(ANONYMOUS, 'skulder', 'sv');
    expect(related.map((c) => c.slug)).toContain('ekonomi-och-skulder');
    expect(related[0]?.slug).toBe('ekonomi-och-skulder');
  });

  it('tolerates a typo and a missing diacritic', async () => {
    expect((await listRelatedCategories(ANONYMOUS, 'skuldder', 'sv')).map((c) => c.slug)).toContain('ekonomi-och-skulder');
    expect((await listRelatedCategories(ANONYMOUS, 'vald', 'sv')).map((c) => c.slug)).toContain('vald-i-nara-relation');
  });

  it('puts first the categories the thesaurus names: "kronofogden" leads to debt, "min pojkvän slår mig" to violence', async () => {
    expect((await listRelatedCategories(ANONYMOUS, 'kronofogden', 'sv'))[0]?.slug).toBe('ekonomi-och-skulder');
    expect((await listRelatedCategories(ANONYMOUS, 'min pojkvän slår mig', 'sv'))[0]?.slug).toBe('vald-i-nara-relation');
  });

  it('matches English category names and answers in the UI language', async () => {
    const related = await listRelatedCategories(ANONYMOUS, 'loneliness', 'en');
    expect(related[0]).toMatchObject({ slug: 'ensamhet-och-gemenskap', name: 'Loneliness and community' });
  });

  it('offers the most used categories when nothing is related to "xqzv"', async () => {
    const usage = await db.prisma.category.findMany({
      where: { isActive: true },
      select: { slug: true, sortOrder: true, _count: { select: { services: { where: { service: { status: 'ACTIVE' } } } } } },
    });
    const mostUsed = usage
      .filter((c) => c._count.services > 0)
      .sort((a, b) => b._count.services - a._count.services || a.sortOrder - b.sortOrder)
      .slice(0, 4)
      .map((c) => c.slug);
    const related = await listRelatedCategories(ANONYMOUS, 'xqzv', 'sv', 4);
    expect(related.map((c) => c.slug)).toEqual(mostUsed);
    expect(related.every((c) => c.serviceCount > 0)).toBe(true);
  });

  it('offers the most used categories for an empty query', async () => {
    const related = await listRelatedCategories(ANONYMOUS, '', 'sv', 3);
    expect(related).toHaveLength(3);
  });
});
