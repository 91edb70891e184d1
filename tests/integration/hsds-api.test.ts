/**
 * The open-data API (HSDS 3.0) through its route handlers, against the demo data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getServiceRoute } from '@/app/api/v1/services/[id]/route';
import { GET as listServicesRoute } from '@/app/api/v1/services/route';
import { services as seedServices } from '@/prisma/seed/data/services';
import { seedDatabase } from '@/prisma/seed/index';
import { useTestDatabase } from '../helpers/db';

const db = useTestDatabase();

type Json = Record<string, unknown>;

interface Page {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: Json[];
}

const listServices = (query: string) => listServicesRoute(new Request(`http://localhost/api/v1/services${query}`));
const getService = (id: string) =>
  getServiceRoute(new Request(`http://localhost/api/v1/services/${encodeURIComponent(id)}`), { params: Promise.resolve({ id }) });

async function pageOf(query: string): Promise<Page> {
  const response = await listServices(query);
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
}

/** Every page of the list, as parsed pages and as the raw text a client receives. */
async function allPages(perPage: number): Promise<{ pages: Page[]; text: string }> {
  const pages: Page[] = [];
  let text = '';
  for (let page = 1; ; page++) {
    const response = await listServices(`?page=${page}&per_page=${perPage}`);
    const body = await response.text();
    text += body;
    pages.push(JSON.parse(body) as Page);
    if (pages.at(-1)?.last_page || page > 100) return { pages, text };
  }
}

const serviceId = async (slug: string) => (await db.prisma.service.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
const activeIdsInOrder = async () =>
  (await db.prisma.service.findMany({ where: { status: 'ACTIVE' }, orderBy: { id: 'asc' }, select: { id: true } })).map((s) => s.id);

const seedService = (slug: string) => {
  const service = seedServices.find((s) => s.slug === slug);
  if (!service) throw new Error(`The demo data has no service ${slug}`);
  return service;
};

const asArray = (value: unknown) => value as Json[];
const attributesOf = (service: Json) => asArray(service.attributes);
const termOf = (attribute: Json) => attribute.taxonomy_term as Json;

/** Taken out of the directory for the whole file, so "active only" can fail. */
const INACTIVE_SLUG = 'arbetstraning-mockelngarden';

beforeAll(async () => {
  await seedDatabase(db.prisma);
  await db.prisma.service.update({ where: { slug: INACTIVE_SLUG }, data: { status: 'INACTIVE' } });
}, 180_000);

describe('GET /api/v1/services', () => {
  it('pages through exactly the active services, without overlap, when per_page is 10', async () => {
    const active = await activeIdsInOrder();
    expect(active.length).toBeLessThan(await db.prisma.service.count());

    const { pages } = await allPages(10);
    const expectedPages = Math.ceil(active.length / 10);
    expect(pages).toHaveLength(expectedPages);
    pages.forEach((page, index) => {
      expect(page.total_items).toBe(active.length);
      expect(page.total_pages).toBe(expectedPages);
      expect(page.page_number).toBe(index + 1);
      expect(page.first_page).toBe(index === 0);
      expect(page.last_page).toBe(index === expectedPages - 1);
      expect(page.size).toBe(page.contents.length);
      expect(page.empty).toBe(false);
    });
    expect(pages.at(-1)?.size).toBe(active.length - (expectedPages - 1) * 10);

    const listed = pages.flatMap((page) => page.contents.map((s) => s.id as string));
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toEqual(active);
    expect(listed).not.toContain(await serviceId(INACTIVE_SLUG));
  });

  it('answers page 2 of 10 with the 11th to 20th active service by id', async () => {
    const page = await pageOf('?page=2&per_page=10');
    expect(page.contents.map((s) => s.id)).toEqual((await activeIdsInOrder()).slice(10, 20));
    expect(page).toMatchObject({ page_number: 2, size: 10, first_page: false, last_page: false, empty: false });
  });

  it('answers an empty page past the end', async () => {
    const active = await activeIdsInOrder();
    const beyond = Math.ceil(active.length / 10) + 1;
    const page = await pageOf(`?page=${beyond}&per_page=10`);
    expect(page).toEqual({
      total_items: active.length,
      total_pages: beyond - 1,
      page_number: beyond,
      size: 0,
      first_page: false,
      last_page: true,
      empty: true,
      contents: [],
    });
  });

  it('gives the first 25 services when page and per_page are left out', async () => {
    const page = await pageOf('');
    expect(page.page_number).toBe(1);
    expect(page.contents.map((s) => s.id)).toEqual((await activeIdsInOrder()).slice(0, 25));
  });

  it('gives up to 100 services per page', async () => {
    const active = await activeIdsInOrder();
    const page = await pageOf('?per_page=100');
    expect(page.size).toBe(Math.min(100, active.length));
    expect(page.total_pages).toBe(Math.ceil(active.length / 100));
  });

  it.each([
    ['?per_page=0', 'per_page'],
    ['?per_page=101', 'per_page'],
    ['?per_page=ten', 'per_page'],
    ['?per_page=', 'per_page'],
    ['?page=0', 'page'],
    ['?page=-1', 'page'],
    ['?page=1.5', 'page'],
    ['?page=2e3', 'page'],
    ['?page=9999999999', 'page'],
  ])('refuses %s with 400 and a message naming %s', async (query, parameter) => {
    const response = await listServices(query);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; fields: Record<string, string[]> };
    expect(body.error).toMatch(new RegExp(`^${parameter} must be a whole number from 1 to \\d+$`));
    expect(Object.keys(body.fields)).toEqual([parameter]);
  });

  it('sends JSON that shared caches may keep and other sites may read, also for errors', async () => {
    for (const response of [await listServices('?per_page=1'), await listServices('?page=x')]) {
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('public, max-age=300');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
    }
  });

  it('gives every service and its nested records the fields HSDS 3.0 requires', async () => {
    const { pages } = await allPages(100);
    const services = pages.flatMap((page) => page.contents);
    expect(services.length).toBe((await activeIdsInOrder()).length);
    const isText = (value: unknown) => typeof value === 'string' && value.length > 0;
    for (const service of services) {
      expect(isText(service.id) && isText(service.name) && typeof service.description === 'string').toBe(true);
      expect(service.status).toBe('active');
      expect(service.last_modified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      const organization = service.organization as Json;
      expect(isText(organization.id) && isText(organization.name) && typeof organization.description === 'string').toBe(true);
      expect(service.organization_id).toBe(organization.id);
      for (const phone of [...asArray(service.phones), ...asArray(organization.phones)]) {
        expect(isText(phone.id) && isText(phone.number)).toBe(true);
      }
      for (const schedule of asArray(service.schedules)) expect(isText(schedule.id)).toBe(true);
      for (const language of asArray(service.languages)) expect(isText(language.id) && isText(language.code) && isText(language.name)).toBe(true);
      for (const area of asArray(service.service_areas)) expect(isText(area.id) && isText(area.name)).toBe(true);
      for (const cost of asArray(service.cost_options)) expect(isText(cost.id)).toBe(true);
      for (const attribute of [...attributesOf(service), ...attributesOf(organization)]) {
        expect(isText(attribute.id) && isText(attribute.link_type)).toBe(true);
        const term = termOf(attribute);
        expect(isText(term.id) && isText(term.name) && typeof term.description === 'string').toBe(true);
        expect(attribute.taxonomy_term_id).toBe(term.id);
      }
      for (const at of asArray(service.service_at_locations)) {
        expect(isText(at.id)).toBe(true);
        const location = at.location as Json;
        expect(isText(location.id) && location.location_type === 'physical').toBe(true);
        for (const address of asArray(location.addresses ?? [])) {
          for (const field of ['id', 'address_1', 'city', 'state_province', 'postal_code', 'country', 'address_type']) {
            expect(address, field).toHaveProperty(field);
          }
        }
      }
    }
    const ids = services.flatMap((s) => [...attributesOf(s), ...asArray(s.languages), ...asArray(s.service_areas)].map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('GET /api/v1/services/[id]', () => {
  it('returns the whole service with organisation, location, languages, areas and attributes', async () => {
    const seed = seedService('motesplats-mockelngarden');
    const id = await serviceId(seed.slug);
    const response = await getService(id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const service = (await response.json()) as Json;

    expect(service).toMatchObject({ id, name: seed.name, status: 'active', email: seed.email, url: seed.url });
    expect((service.organization as Json).name).toBe('Möckelnföreningarna');
    expect(asArray(service.phones).map((p) => p.number)).toEqual(seed.phones.map((p) => p.number));

    const location = (asArray(service.service_at_locations)[0]?.location ?? {}) as Json;
    expect(location).toMatchObject({ name: 'Möckelngården', latitude: 59.3266, longitude: 14.5231 });
    expect(location.addresses).toEqual([
      expect.objectContaining({ address_1: 'Kungsgatan 12', postal_code: '691 31', city: 'Karlskoga', country: 'SE', address_type: 'physical' }),
    ]);
    expect(asArray(location.accessibility)[0]?.description).toMatch(/automatisk dörröppnare/);

    expect(asArray(service.languages).map((l) => [l.code, l.name])).toEqual([
      ['ar', 'arabiska'],
      ['en', 'engelska'],
      ['fi', 'finska'],
      ['sv', 'svenska'],
    ]);
    expect(asArray(service.service_areas).map((a) => a.name)).toEqual(['Degerfors', 'Karlskoga']);
    expect(asArray(service.cost_options)).toEqual([expect.objectContaining({ amount: 0, currency: 'SEK' })]);
    expect(service.alert).toMatch(/Stängt för volontärernas planeringsdag/);

    const codes = (linkType: string) => attributesOf(service).filter((a) => a.link_type === linkType).map((a) => termOf(a).code);
    expect(codes('category')).toEqual(seed.categories);
    expect(codes('target_group').sort()).toEqual([...seed.targetGroups].sort());
    expect(codes('feature').sort()).toEqual([...seed.attributes].sort());
    const primary = attributesOf(service).find((a) => a.link_type === 'category' && a.value === 'primary');
    expect(termOf(primary ?? {}).taxonomy).toBe('lisa-categories');

    const extension = (linkType: string, code: string, language = 'sv') =>
      attributesOf(service).find((a) => a.link_type === linkType && termOf(a).code === code && termOf(a).language === language)?.value;
    expect(extension('extension', 'summary')).toBe(seed.summary);
    expect(extension('extension', 'easy_read_summary')).toBe(seed.easyReadSummary);
    expect(extension('translation', 'name', 'en')).toBe(seed.translations?.en?.name);
    expect(extension('translation', 'description', 'en')).toBe(seed.translations?.en?.description);
  });

  it('maps weekly periods to HSDS schedules, keeping the next day closing time of a night period', async () => {
    const seed = seedService('fyrbaken-stodtelefon');
    expect(seed.schedule).toEqual([
      { days: [1, 2, 3, 4, 7], opens: '18:00', closes: '22:00' },
      { days: [5, 6], opens: '18:00', closes: '01:00', description: 'Fredag och lördag till efter midnatt' },
    ]);
    const service = (await (await getService(await serviceId(seed.slug))).json()) as Json;
    const schedules = asArray(service.schedules).map(({ id, ...rest }) => {
      expect(typeof id).toBe('string');
      return rest;
    });
    const evening = { freq: 'WEEKLY', interval: 1, opens_at: '18:00:00', closes_at: '22:00:00', notes: 'Local time in Europe/Stockholm' };
    const night = {
      freq: 'WEEKLY',
      interval: 1,
      opens_at: '18:00:00',
      closes_at: '01:00:00',
      notes: 'Local time in Europe/Stockholm',
      description: 'Fredag och lördag till efter midnatt (stänger 01:00 dagen efter)',
    };
    expect(schedules).toEqual([
      { ...evening, byday: 'MO' },
      { ...evening, byday: 'TU' },
      { ...evening, byday: 'WE' },
      { ...evening, byday: 'TH' },
      { ...night, byday: 'FR' },
      { ...night, byday: 'SA' },
      { ...evening, byday: 'SU' },
    ]);
  });

  it('closes an around-the-clock period at 23:59:59', async () => {
    const seed = seedService('linnean-jourtelefon');
    expect(seed.schedule).toEqual([{ days: [1, 2, 3, 4, 5, 6, 7], opens: '00:00', closes: '24:00', description: 'Dygnet runt' }]);
    const service = (await (await getService(await serviceId(seed.slug))).json()) as Json;
    const schedules = asArray(service.schedules);
    expect(schedules.map((s) => s.byday)).toEqual(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']);
    for (const s of schedules) expect(s).toMatchObject({ opens_at: '00:00:00', closes_at: '23:59:59', description: 'Dygnet runt' });
  });

  it.each([['ckunknownserviceid000000'], ['../../etc/passwd'], ['a'.repeat(65)]])('answers 404 JSON for the id %s', async (id) => {
    const response = await getService(id);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual({ error: 'No published service has this id' });
  });

  it('answers 404 for a service that is not active', async () => {
    const response = await getService(await serviceId(INACTIVE_SLUG));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'No published service has this id' });
  });
});

describe('protected locations in the API', () => {
  const protectedSlugs = seedServices.filter((s) => s.location?.isProtected).map((s) => s.slug);
  // Planted in every protected location although the portal never stores them, to prove
  // that the API would not pass them on even then.
  const planted = {
    addressLine1: 'Hemlighetsgatan 99',
    addressLine2: 'Port 7B',
    postalCode: '699 98',
    city: 'Hemligstad',
    latitude: 59.987654,
    longitude: 14.876543,
    description: 'Bakom den gula fabriken',
    accessibilityDescription: 'Ramp vid den blå porten',
    transportation: 'Buss 7 till hållplats Skyddet',
  };
  const plantedPhone = '0586-999 98';
  // Shortened coordinates too, but with four decimals: a timestamp's "14.876Z" is not a leak.
  const secrets = [...Object.values(planted).map(String), plantedPhone, '59.9876', '14.8765', '699 98'];

  beforeAll(async () => {
    await db.prisma.location.updateMany({ where: { isProtected: true }, data: planted });
    const locations = await db.prisma.location.findMany({ where: { isProtected: true }, select: { id: true } });
    await db.prisma.phone.createMany({ data: locations.map((l) => ({ number: plantedPhone, locationId: l.id })) });
  });

  it('never sends the address, coordinates, directions or phone of a protected location', async () => {
    expect(protectedSlugs.length).toBeGreaterThanOrEqual(5);
    const { pages, text } = await allPages(25);
    const perService = await Promise.all(protectedSlugs.map(async (slug) => (await getService(await serviceId(slug))).text()));
    for (const body of [text, ...perService]) {
      for (const secret of secrets) expect(body).not.toContain(secret);
    }

    const protectedLocations = [...pages.flatMap((p) => p.contents), ...perService.map((body) => JSON.parse(body) as Json)]
      .flatMap((service) => asArray(service.service_at_locations).map((at) => at.location as Json))
      .filter((location) => attributesOf(location).some((a) => a.link_type === 'address_protected'));
    expect(protectedLocations.length).toBeGreaterThanOrEqual(2 * protectedSlugs.length);
    for (const location of protectedLocations) {
      expect(Object.keys(location).sort()).toEqual(['attributes', 'id', 'location_type', 'name']);
      expect(location).not.toHaveProperty('physical_addresses');
      expect(location).not.toHaveProperty('addresses');
      expect(location).not.toHaveProperty('latitude');
      expect(location).not.toHaveProperty('longitude');
    }
  });

  it('still sends the name of the protected location and says its address is protected', async () => {
    const service = (await (await getService(await serviceId('linnean-skyddat-boende'))).json()) as Json;
    const location = asArray(service.service_at_locations)[0]?.location as Json;
    expect(location.name).toBe('Kvinnojouren Linnéans skyddade boende');
    expect(attributesOf(location)).toEqual([
      expect.objectContaining({ link_type: 'address_protected', link_entity: 'location', value: 'true' }),
    ]);
  });
});
