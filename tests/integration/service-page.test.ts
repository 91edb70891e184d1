import { beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '@/lib/authz/actor';
import { setProcessDatabase } from '@/lib/db/client';
import { getOrganizationPage, getServicePage, type ServicePageDto } from '@/lib/directory/service-page';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { instantOfWallClock } from '@/lib/time/zoned';
import { services } from '@/prisma/seed/data/services';
import { attributes } from '@/prisma/seed/data/taxonomy';
import { seedDatabase } from '@/prisma/seed/index';
import { useTestDatabase } from '../helpers/db';

const db = useTestDatabase();

// The demo data is seeded at a fixed moment, a Wednesday at noon in Stockholm, so exceptions
// ("in 9 days") and the open-now status are known.
const SEEDED_AT = instantOfWallClock(2026, 1, 14, 12, 0);
const MEETING_PLACE = services.find((s) => s.slug === 'motesplats-mockelngarden')!;
const SHELTER = services.find((s) => s.slug === 'linnean-skyddat-boende')!;

beforeAll(async () => {
  await seedDatabase(db.prisma, { now: SEEDED_AT });
}, 180_000);

/** Collects every key of an object tree, at any depth. */
function keysOf(value: unknown, keys = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, keys));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      keys.add(k);
      keysOf(v, keys);
    }
  }
  return keys;
}

describe('getServicePage', () => {
  describe('for the open meeting place in Swedish', () => {
    let page: ServicePageDto;
    beforeAll(async () => {
      page = await getServicePage(ANONYMOUS, MEETING_PLACE.slug, 'sv', SEEDED_AT);
    });

    it('has the texts of the service, all in Swedish', () => {
      expect(page.name).toEqual({ text: MEETING_PLACE.name, lang: 'sv' });
      expect(page.summary.text).toBe(MEETING_PLACE.summary);
      expect(page.description.text).toBe(MEETING_PLACE.description);
      expect(page.easyRead).toEqual({ text: MEETING_PLACE.easyReadSummary, lang: 'sv' });
      expect(page.applicationProcess?.text).toBe(MEETING_PLACE.applicationProcess);
      expect(page.isMainTextFallback).toBe(false);
    });

    it('names the association and links to its page', () => {
      expect(page.organization).toEqual({ slug: 'mockelnforeningarna', name: { text: 'Möckelnföreningarna', lang: 'sv' }, hasPublicPage: true });
    });

    it('lists categories with the primary first, target groups, attributes in taxonomy order, languages and areas', () => {
      expect(page.categories.map((c) => c.slug)).toEqual(MEETING_PLACE.categories);
      expect(page.categories[0]).toMatchObject({ isPrimary: true, icon: 'people', name: { text: 'Ensamhet och gemenskap', lang: 'sv' } });
      expect(page.targetGroups.map((g) => g.slug).sort()).toEqual([...MEETING_PLACE.targetGroups].sort());
      const order = attributes.map((a) => a.key).filter((k) => MEETING_PLACE.attributes.includes(k));
      expect(page.attributes.map((a) => a.key)).toEqual(order);
      expect(page.attributes.find((a) => a.key === 'anonymous')?.name.text).toBe('Du kan vara anonym');
      expect(page.languages).toEqual([...MEETING_PLACE.languages].sort());
      expect(page.areas.map((a) => a.name)).toEqual(['Degerfors', 'Karlskoga']);
    });

    it('gives the contact routes: phone with a dial string, e-mail and website', () => {
      expect(page.phones).toEqual([
        { display: '0586-310 40', dial: '058631040', kind: 'VOICE', description: { text: 'Mötesplatsens telefon under öppettiderna', lang: 'sv' } },
      ]);
      expect(page.email).toBe(MEETING_PLACE.email);
      expect(page.website).toBe(MEETING_PLACE.url);
    });

    it('gives the address, coordinates, accessibility and transport of its place', () => {
      expect(page.protectedLocationCount).toBe(0);
      expect(page.locations).toHaveLength(1);
      expect(page.locations[0]).toMatchObject({
        name: { text: 'Möckelngården', lang: 'sv' },
        addressLine1: 'Kungsgatan 12',
        postalCode: '691 31',
        city: 'Karlskoga',
        municipality: 'Karlskoga',
        latitude: 59.3266,
        longitude: 14.5231,
      });
      expect(page.locations[0]!.transportation?.text).toContain('Kungsgatan');
      expect(page.locations[0]!.accessibility?.text).toContain('Hiss');
    });

    it('gives the weekly hours, the closed day in nine days and the status at the moment asked', () => {
      expect(page.hours.today).toBe('2026-01-14');
      expect(page.hours.groups).toHaveLength(1);
      expect(page.hours.groups[0]!.periods.map((p) => [p.weekday, p.opensMinute, p.closesMinute])).toEqual([
        [1, 600, 900],
        [2, 600, 900],
        [3, 600, 900],
        [4, 600, 900],
        [5, 600, 780],
      ]);
      expect(page.hours.exceptions).toEqual([
        { date: '2026-01-23', isClosed: true, opensMinute: null, closesMinute: null, reason: { text: 'Stängt för volontärernas planeringsdag', lang: 'sv' } },
      ]);
      // Wednesday noon: open until 15:00.
      expect(page.hours.status).toEqual({ kind: 'open', closes: { dayOffset: 0, date: '2026-01-14', weekday: 3, minute: 900 } });
    });

    it('computes the status at the given moment, not at seed time', async () => {
      const fridayEvening = instantOfWallClock(2026, 1, 16, 18, 0);
      const later = await getServicePage(ANONYMOUS, MEETING_PLACE.slug, 'sv', fridayEvening);
      expect(later.hours.status).toMatchObject({ kind: 'closed', opens: { date: '2026-01-19', weekday: 1, minute: 600 } });
    });

    it('records when the listing was last confirmed', () => {
      expect(page.lastConfirmedAt?.getTime()).toBe(SEEDED_AT.getTime() - MEETING_PLACE.confirmedDaysAgo * 86_400_000);
    });
  });

  describe('in other languages', () => {
    it('uses the English translation where there is one and Swedish, marked, where not', async () => {
      const page = await getServicePage(ANONYMOUS, MEETING_PLACE.slug, 'en', SEEDED_AT);
      expect(page.locale).toBe('en');
      expect(page.name).toEqual({ text: MEETING_PLACE.translations!.en!.name, lang: 'en' });
      expect(page.description.lang).toBe('en');
      expect(page.applicationProcess?.lang).toBe('en');
      expect(page.isMainTextFallback).toBe(false);
      // No English easy-read version: the Swedish one, marked as Swedish.
      expect(page.easyRead).toEqual({ text: MEETING_PLACE.easyReadSummary, lang: 'sv' });
      expect(page.categories[0]!.name).toEqual({ text: 'Loneliness and community', lang: 'en' });
      expect(page.attributes.find((a) => a.key === 'free')?.name).toEqual({ text: 'Free of charge', lang: 'en' });
    });

    it('falls back to Swedish field by field in Arabic and says the main text did', async () => {
      const page = await getServicePage(ANONYMOUS, MEETING_PLACE.slug, 'ar', SEEDED_AT);
      expect(page.isMainTextFallback).toBe(true);
      expect(page.name.lang).toBe('sv');
      expect(page.description).toEqual({ text: MEETING_PLACE.description, lang: 'sv' });
      expect(page.categories[0]!.name.lang).toBe('sv');
    });

    it('takes a partly translated Arabic service: translated main text, Swedish name', async () => {
      const helpline = services.find((s) => s.slug === 'linnean-jourtelefon')!;
      const page = await getServicePage(ANONYMOUS, helpline.slug, 'ar', SEEDED_AT);
      expect(page.isMainTextFallback).toBe(false);
      expect(page.summary).toEqual({ text: helpline.translations!.ar!.summary, lang: 'ar' });
      expect(page.name).toEqual({ text: helpline.name, lang: 'sv' });
      expect(page.organization.name.lang).toBe('sv');
    });
  });

  describe('for a service at a protected place', () => {
    it('returns no address, no coordinates and no place at all, only the count and the phone', async () => {
      const page = await getServicePage(ANONYMOUS, SHELTER.slug, 'sv', SEEDED_AT);
      expect(page.locations).toEqual([]);
      expect(page.protectedLocationCount).toBe(1);
      expect(page.phones.map((p) => p.display)).toEqual(['0586-155 20']);
      const keys = keysOf(page);
      for (const key of ['addressLine1', 'addressLine2', 'postalCode', 'city', 'latitude', 'longitude', 'lat', 'lon']) expect(keys.has(key)).toBe(false);
    });

    it('leaks nothing even if an address was written into a protected place by mistake', async () => {
      const shelter = await db.prisma.location.findFirstOrThrow({
        where: { isProtected: true, services: { some: { service: { slug: SHELTER.slug } } } },
        select: { id: true },
      });
      await db.prisma.location.update({
        where: { id: shelter.id },
        data: { addressLine1: 'Hemliga gränd 7', addressLine2: 'Port B', postalCode: '691 99', city: 'Hemliga staden', latitude: 59.11173, longitude: 14.22281, transportation: 'Buss 3 till Hemliga torget' },
      });
      try {
        for (const locale of ['sv', 'en', 'ar']) {
          const json = JSON.stringify(await getServicePage(ANONYMOUS, SHELTER.slug, locale, SEEDED_AT));
          for (const secret of ['Hemliga', 'Port B', '691 99', '59.1117', '14.2228']) expect(json).not.toContain(secret);
          expect(json).not.toMatch(/"(latitude|longitude|lat|lon|addressLine1|postalCode|city)"/);
        }
      } finally {
        await db.prisma.location.update({
          where: { id: shelter.id },
          data: { addressLine1: null, addressLine2: null, postalCode: null, city: null, latitude: null, longitude: null, transportation: null },
        });
      }
    });
  });

  describe('when the page does not exist', () => {
    it('throws NOT_FOUND for an unknown slug and for a slug that cannot exist', async () => {
      await expect(getServicePage(ANONYMOUS, 'finns-inte', 'sv', SEEDED_AT)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(getServicePage(ANONYMOUS, '../admin', 'sv', SEEDED_AT)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('throws NOT_FOUND for a service that is not active', async () => {
      const slug = 'it-hjalpen-mockelngarden';
      await expect(getServicePage(ANONYMOUS, slug, 'sv', SEEDED_AT)).resolves.toMatchObject({ slug });
      for (const status of ['INACTIVE', 'DEFUNCT'] as const) {
        await db.prisma.service.update({ where: { slug }, data: { status } });
        await expect(getServicePage(ANONYMOUS, slug, 'sv', SEEDED_AT)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      }
      await db.prisma.service.update({ where: { slug }, data: { status: 'ACTIVE' } });
    });
  });

  it('reads a page with one database query', async () => {
    let operations = 0;
    const counting = db.prisma.$extends({
      query: {
        async $allOperations({ args, query }) {
          operations += 1;
          return query(args);
        },
      },
    }) as unknown as PrismaClient;
    setProcessDatabase(counting);
    try {
      await getServicePage(ANONYMOUS, 'fyrbaken-oppet-hus', 'en', SEEDED_AT);
      expect(operations).toBe(1);
      await getOrganizationPage(ANONYMOUS, 'fyrbaken', 'en');
      expect(operations).toBe(2);
    } finally {
      setProcessDatabase(db.prisma);
    }
  });
});

describe('getOrganizationPage', () => {
  it('gives an association with its active services, translated where possible', async () => {
    const page = await getOrganizationPage(ANONYMOUS, 'kvinnojouren-linnean', 'en');
    expect(page.name).toEqual({ text: 'Linnéan Women’s Shelter', lang: 'en' });
    expect(page.description.lang).toBe('en');
    expect(page.isMainTextFallback).toBe(false);
    expect(page.email).toBe('kontakt@kvinnojouren-linnean.example');
    expect(page.phones.map((p) => p.dial)).toEqual(['058615520']);
    expect(page.website).toBe('https://kvinnojouren-linnean.example/');
    const expected = services.filter((s) => s.organization === 'kvinnojouren-linnean').map((s) => s.slug);
    expect(page.services.map((s) => s.slug).sort()).toEqual([...expected].sort());
    expect(page.services.find((s) => s.slug === 'linnean-jourtelefon')?.name).toEqual({ text: '24-hour helpline', lang: 'en' });
  });

  it('leaves out services that are not active', async () => {
    await db.prisma.service.update({ where: { slug: 'linnean-stodsamtal' }, data: { status: 'INACTIVE' } });
    try {
      const page = await getOrganizationPage(ANONYMOUS, 'kvinnojouren-linnean', 'sv');
      expect(page.services.map((s) => s.slug)).not.toContain('linnean-stodsamtal');
      expect(page.services.length).toBeGreaterThan(0);
    } finally {
      await db.prisma.service.update({ where: { slug: 'linnean-stodsamtal' }, data: { status: 'ACTIVE' } });
    }
  });

  it('says when the description is only in Swedish', async () => {
    const page = await getOrganizationPage(ANONYMOUS, 'kvinnojouren-linnean', 'ar');
    expect(page.isMainTextFallback).toBe(true);
    expect(page.description.lang).toBe('sv');
  });

  it('throws NOT_FOUND for region and municipality organisations, inactive associations and unknown slugs', async () => {
    await expect(getOrganizationPage(ANONYMOUS, 'region-orebro-lan', 'sv')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getOrganizationPage(ANONYMOUS, 'karlskoga-kommun', 'sv')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getOrganizationPage(ANONYMOUS, 'finns-inte', 'sv')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await db.prisma.organization.update({ where: { slug: 'fyrbaken' }, data: { isActive: false } });
    try {
      await expect(getOrganizationPage(ANONYMOUS, 'fyrbaken', 'sv')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await db.prisma.organization.update({ where: { slug: 'fyrbaken' }, data: { isActive: true } });
    }
  });

  it('does not link services of the region to an association page', async () => {
    const regionService = services.find((s) => s.organization === 'region-orebro-lan')!;
    const page = await getServicePage(ANONYMOUS, regionService.slug, 'sv', SEEDED_AT);
    expect(page.organization.hasPublicPage).toBe(false);
  });
});
