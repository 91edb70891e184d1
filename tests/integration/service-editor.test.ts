/**
 * The coordinator's service editor through the data layer on the demo data: a service with
 * every field goes in and comes back the same, updates replace what they cover, bad input is
 * refused per field with nothing written, a stale form is refused, confirming and
 * deactivating reach search, and nobody but the coordinator gets through.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { AppError } from '@/lib/errors/app-error';
import {
  confirmService,
  createService,
  freshnessOf,
  listAdminServices,
  loadServiceInput,
  readServiceInput,
  setServiceStatus,
  updateService,
} from '@/lib/directory/service-editor';
import { emptyServiceInput, parseServiceInput, type ServiceInput } from '@/lib/directory/service-input';
import { seedDatabase } from '@/prisma/seed/index';
import { useTestDatabase } from '../helpers/db';

const db = useTestDatabase();

const actors = {} as Record<'coordinator' | 'admin' | 'member' | 'official', Actor>;
const ids = {} as Record<'association' | 'otherAssociation' | 'karlskoga' | 'degerfors' | 'violence' | 'mental' | 'women' | 'everyone' | 'free' | 'anonymous', string>;

async function actorFor(email: string): Promise<Actor> {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, memberships: { select: { organizationId: true, role: true } } } });
  return { kind: 'user', userId: user.id, memberships: user.memberships };
}

beforeAll(async () => {
  await seedDatabase(db.prisma);
  actors.coordinator = await actorFor('samordnare@lisa.example');
  actors.admin = await actorFor('foreningsadmin@lisa.example');
  actors.member = await actorFor('medlem@lisa.example');
  actors.official = await actorFor('tjansteperson.region@lisa.example');
  const org = async (slug: string) => (await db.prisma.organization.findUniqueOrThrow({ where: { slug } })).id;
  ids.association = await org('kvinnojouren-linnean');
  ids.otherAssociation = await org('reda-ekonomiradgivning');
  ids.karlskoga = (await db.prisma.municipality.findUniqueOrThrow({ where: { slug: 'karlskoga' } })).id;
  ids.degerfors = (await db.prisma.municipality.findUniqueOrThrow({ where: { slug: 'degerfors' } })).id;
  ids.violence = (await db.prisma.category.findUniqueOrThrow({ where: { slug: 'vald-i-nara-relation' } })).id;
  ids.mental = (await db.prisma.category.findUniqueOrThrow({ where: { slug: 'psykisk-halsa' } })).id;
  ids.women = (await db.prisma.targetGroup.findUniqueOrThrow({ where: { slug: 'kvinnor' } })).id;
  ids.everyone = (await db.prisma.targetGroup.findUniqueOrThrow({ where: { slug: 'alla' } })).id;
  ids.free = (await db.prisma.attribute.findUniqueOrThrow({ where: { key: 'free' } })).id;
  ids.anonymous = (await db.prisma.attribute.findFirstOrThrow({ where: { key: { not: 'free' } }, orderBy: { key: 'asc' } })).id;
}, 180_000);

let counter = 0;

/** A service with every field filled, in the order loading gives lists back. */
function fullInput(): ServiceInput {
  const n = ++counter;
  const [firstAttribute, secondAttribute] = [ids.free, ids.anonymous].sort();
  return {
    ...emptyServiceInput(ids.association),
    name: `Stödlinjen Ängsö ${n}`,
    alternateName: 'Ängsölinjen',
    summary: 'Samtal för dig som utsätts för våld.',
    description: 'Vi lyssnar, ger råd och följer med till polis och vård.',
    easyReadSummary: 'Du kan prata med oss. Det är gratis.',
    applicationProcess: 'Ring oss eller kom förbi.',
    eligibilityDescription: 'Kvinnor från 16 år.',
    minimumAge: 16,
    maximumAge: 99,
    isFree: false,
    feesDescription: 'Gruppen kostar 50 kr.',
    email: 'stod@linnean.example',
    url: 'https://linnean.example/stod',
    status: 'ACTIVE',
    keywords: ['kvinnojour', 'skyddat boende'],
    primaryCategoryId: ids.violence,
    categoryIds: [ids.violence, ids.mental].sort(),
    targetGroupIds: [ids.women, ids.everyone].sort(),
    attributes: [
      { attributeId: firstAttribute!, note: 'Första samtalet' },
      { attributeId: secondAttribute!, note: '' },
    ],
    languages: [
      { code: 'ar', note: 'Tisdagar' },
      { code: 'sv', note: '' },
    ],
    areaMunicipalityIds: [ids.karlskoga, ids.degerfors].sort(),
    locations: [
      {
        id: null,
        name: 'Jourens kontor',
        description: 'Entré från gården',
        addressLine1: 'Storgatan 1',
        addressLine2: 'Plan 2',
        postalCode: '691 31',
        city: 'Karlskoga',
        municipalityId: ids.karlskoga,
        latitude: 59.3269,
        longitude: 14.5238,
        isProtected: false,
        accessibilityDescription: 'Hiss finns',
        transportation: 'Buss 1 till Torget',
        serviceDescription: 'Besök efter överenskommelse',
      },
      {
        id: null,
        name: 'Skyddat boende',
        description: '',
        addressLine1: 'Hemliga vägen 7',
        addressLine2: '',
        postalCode: '691 99',
        city: 'Karlskoga',
        municipalityId: ids.karlskoga,
        latitude: null,
        longitude: null,
        isProtected: true,
        accessibilityDescription: '',
        transportation: '',
        serviceDescription: '',
      },
    ],
    schedules: [
      { weekday: 1, opens: '09:00', closes: '12:00', description: '', validFrom: '', validTo: '', locationIndex: null },
      { weekday: 1, opens: '13:00', closes: '16:00', description: '', validFrom: '', validTo: '', locationIndex: 0 },
      { weekday: 5, opens: '22:00', closes: '02:00', description: 'Nattjour', validFrom: '2026-06-01', validTo: '2026-08-31', locationIndex: null },
    ],
    exceptions: [
      { date: '2026-12-24', isClosed: true, opens: '', closes: '', reason: 'Julafton' },
      { date: '2026-12-31', isClosed: false, opens: '10:00', closes: '14:00', reason: 'Nyårsafton' },
    ],
    phones: [{ number: '0586-100 00', kind: 'VOICE', description: 'Jourtelefon' }],
    contacts: [{ name: 'Anna Andersson', title: 'Samordnare', department: 'Jouren', email: 'anna@linnean.example', phones: [{ number: '070-123 45 67', kind: 'SMS', description: '' }] }],
    costOptions: [{ option: 'Stödgrupp', amount: 50, currency: 'SEK', amountDescription: 'per träff', validFrom: '2026-01-01', validTo: '2026-12-31' }],
    translations: {
      en: { name: `Support line Ängsö ${n}`, summary: 'Talks for you who face violence.', description: 'We listen.', easyReadSummary: 'You can talk to us.', applicationProcess: 'Call us.', eligibilityDescription: 'Women from 16.', feesDescription: 'The group costs SEK 50.' },
      ar: { name: `خط الدعم ${n}`, summary: 'محادثات لمن تتعرض للعنف.', description: '', easyReadSummary: '', applicationProcess: '', eligibilityDescription: '', feesDescription: '' },
    },
  };
}

/** Everything any editor write touches, to prove a refusal wrote nothing. */
const writeState = async () => [
  await db.prisma.service.count(),
  await db.prisma.location.count(),
  await db.prisma.schedule.count(),
  await db.prisma.serviceSearchDocument.count(),
  await db.prisma.outboxMessage.count(),
  await db.prisma.auditLog.count({ where: { entityType: 'Service' } }),
];

async function failureOf(call: Promise<unknown>): Promise<AppError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('createService and loadServiceInput', () => {
  it('gives back exactly the input a service was created with, every field included', async () => {
    const input = fullInput();
    const created = await createService(actors.coordinator, input);
    const loaded = await loadServiceInput(actors.coordinator, created.id);
    // New places come back as the organisation's places, with their new ids.
    const placeIds = loaded.input.locations.map((l) => l.id);
    expect(placeIds).toEqual([expect.any(String), expect.any(String)]);
    expect(loaded.input).toEqual({ ...input, locations: input.locations.map((l, i) => ({ ...l, id: placeIds[i] })) });
    expect(loaded.organizationName).toBe('Kvinnojouren Linnéan');
    expect(loaded.slug).toBe(`stodlinjen-angso-${counter}`);
    expect(new Date(loaded.version).toISOString()).toBe(loaded.version);
    // Past midnight as the schema stores it, and one audit row.
    const night = await db.prisma.schedule.findFirstOrThrow({ where: { serviceId: created.id, weekday: 5 } });
    expect([night.opensMinute, night.closesMinute]).toEqual([1320, 1560]);
    expect(await db.prisma.auditLog.count({ where: { entityId: created.id, action: 'service.create' } })).toBe(1);
  });

  it('gives a second service of the same name its own slug', async () => {
    const first = await createService(actors.coordinator, { ...fullInput(), name: 'Öppna förskolan Åby' });
    const second = await createService(actors.coordinator, { ...fullInput(), name: 'Öppna förskolan Åby' });
    expect(first.slug).toBe('oppna-forskolan-aby');
    expect(second.slug).toBe('oppna-forskolan-aby-2');
  });

  it('keeps a protected address in the database only: no coordinates, nothing in the search document', async () => {
    const input = fullInput();
    input.locations[1] = { ...input.locations[1]!, latitude: 59.1, longitude: 14.1 };
    const created = await createService(actors.coordinator, input);
    const place = await db.prisma.location.findFirstOrThrow({ where: { name: 'Skyddat boende', services: { some: { serviceId: created.id } } } });
    expect(place).toMatchObject({ isProtected: true, addressLine1: 'Hemliga vägen 7', latitude: null, longitude: null });
    const doc = await db.prisma.serviceSearchDocument.findUniqueOrThrow({ where: { serviceId: created.id } });
    const indexed = JSON.stringify(doc.document) + doc.searchText;
    expect(indexed).not.toContain('Hemliga');
    expect(indexed).not.toContain('691 99');
  });

  it('loads every demo service into an input the schema accepts as it is', async () => {
    const services = await db.prisma.service.findMany({ select: { id: true } });
    for (const { id } of services) {
      const { input } = await readServiceInput(db.prisma, id);
      expect(parseServiceInput(input)).toEqual(input);
    }
  });
});

describe('updateService', () => {
  it('replaces the relations: a removed period, place and phone are gone, the rest as sent', async () => {
    const created = await createService(actors.coordinator, fullInput());
    const loaded = await loadServiceInput(actors.coordinator, created.id);
    const next: ServiceInput = {
      ...loaded.input,
      name: 'Stödlinjen Ängsö, ny',
      schedules: loaded.input.schedules.filter((s) => s.weekday !== 5).map((s) => ({ ...s, locationIndex: null })),
      locations: [loaded.input.locations[0]!],
      phones: [],
      translations: { ...loaded.input.translations, ar: { ...loaded.input.translations.ar, name: '', summary: '' } },
    };
    const updated = await updateService(actors.coordinator, created.id, next, loaded.version);
    const reloaded = await loadServiceInput(actors.coordinator, created.id);
    expect(reloaded.input).toEqual(next);
    expect(reloaded.version).toBe(updated.version);
    expect(reloaded.slug).toBe(loaded.slug);
    expect(await db.prisma.schedule.count({ where: { serviceId: created.id, weekday: 5 } })).toBe(0);
    expect(await db.prisma.serviceTranslation.count({ where: { serviceId: created.id, locale: 'ar' } })).toBe(0);
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { entityId: created.id, action: 'service.update' } });
    expect(audit.data).toEqual({ fields: ['name', 'locations', 'schedules', 'phones', 'translations'] });
  });

  it('refuses a form loaded before someone else saved (CONFLICT), and writes nothing', async () => {
    const created = await createService(actors.coordinator, fullInput());
    const loaded = await loadServiceInput(actors.coordinator, created.id);
    await updateService(actors.coordinator, created.id, { ...loaded.input, summary: 'Först sparad.' }, loaded.version);
    const before = await writeState();
    const error = await failureOf(updateService(actors.coordinator, created.id, { ...loaded.input, summary: 'Sent sparad.' }, loaded.version));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('stale');
    expect(await writeState()).toEqual(before);
    expect((await loadServiceInput(actors.coordinator, created.id)).input.summary).toBe('Först sparad.');
  });
});

describe('validation', () => {
  it.each([
    ['a web address that is not http(s)', (i: ServiceInput) => ({ ...i, url: 'javascript:alert(1)' }), 'url', 'invalidUrl'],
    ['overlapping periods of one day', (i: ServiceInput) => ({ ...i, schedules: [...i.schedules, { ...i.schedules[0]!, opens: '11:00', closes: '12:30' }] }), 'schedules.3.opens', 'overlap'],
    ['a night period running into the next morning', (i: ServiceInput) => ({ ...i, schedules: [...i.schedules, { ...i.schedules[2]!, weekday: 6, opens: '01:00', closes: '03:00' }] }), 'schedules.3.opens', 'overlap'],
    ['a maximum age under the minimum', (i: ServiceInput) => ({ ...i, minimumAge: 30, maximumAge: 18 }), 'maximumAge', 'ageRange'],
    ['no name', (i: ServiceInput) => ({ ...i, name: '   ' }), 'name', 'required'],
    ['a closing time that is no time', (i: ServiceInput) => ({ ...i, schedules: [{ ...i.schedules[0]!, closes: '25:00' }] }), 'schedules.0.closes', 'invalidTime'],
    ['hours missing on an open exception day', (i: ServiceInput) => ({ ...i, exceptions: [{ date: '2026-12-24', isClosed: false, opens: '', closes: '', reason: '' }] }), 'exceptions.0.opens', 'required'],
    ['an unknown category', (i: ServiceInput) => ({ ...i, primaryCategoryId: 'cnotacategory000000000000' }), 'primaryCategoryId', 'unknown'],
    ['a place of another organisation', (i: ServiceInput) => ({ ...i, locations: [{ ...i.locations[0]!, id: 'PLACE' }] }), 'locations.0.id', 'notInOrganization'],
    ['a translation over its length', (i: ServiceInput) => ({ ...i, translations: { ...i.translations, en: { ...i.translations.en, summary: 'x'.repeat(501) } } }), 'translations.en.summary', 'tooLong'],
  ])('refuses %s at its field, writing nothing', async (_case, change, path, key) => {
    let input = change(fullInput());
    if (path === 'locations.0.id') {
      const other = await db.prisma.location.findFirstOrThrow({ where: { organizationId: ids.otherAssociation } });
      input = { ...input, locations: [{ ...input.locations[0]!, id: other.id }], schedules: [] };
    }
    const before = await writeState();
    const error = await failureOf(createService(actors.coordinator, input));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fieldErrors?.[path]).toContain(key);
    expect(await writeState()).toEqual(before);
  });

  it('lets different kinds of hours share a time ("Telefontid" during "Drop-in")', () => {
    const input = fullInput();
    const schedules = [
      { weekday: 2, opens: '10:00', closes: '14:00', description: 'Drop-in', validFrom: '', validTo: '', locationIndex: null },
      { weekday: 2, opens: '09:00', closes: '12:00', description: 'Telefontid', validFrom: '', validTo: '', locationIndex: null },
    ];
    expect(parseServiceInput({ ...input, schedules }).schedules).toHaveLength(2);
  });
});

describe('confirmService', () => {
  it('stamps who confirmed and when, uses up open reminder links, and freshens the search document', async () => {
    const created = await createService(actors.coordinator, fullInput());
    await db.prisma.serviceConfirmationToken.create({
      data: { serviceId: created.id, tokenHash: `hash-${created.id}`, period: '6m-2026-05', expiresAt: new Date(Date.now() + 86_400_000) },
    });
    const now = new Date();
    await confirmService(actors.coordinator, created.id, now);
    const service = await db.prisma.service.findUniqueOrThrow({ where: { id: created.id }, select: { lastConfirmedAt: true, lastConfirmedById: true } });
    expect(service).toEqual({ lastConfirmedAt: now, lastConfirmedById: (actors.coordinator as { userId: string }).userId });
    expect(await db.prisma.serviceConfirmationToken.count({ where: { serviceId: created.id, usedAt: null } })).toBe(0);
    expect((await db.prisma.serviceSearchDocument.findUniqueOrThrow({ where: { serviceId: created.id } })).freshness).toBe(2);
    expect(await db.prisma.auditLog.count({ where: { entityId: created.id, action: 'service.confirm' } })).toBe(1);
  });
});

describe('setServiceStatus', () => {
  it('takes a deactivated service out of search and puts it back when reactivated', async () => {
    const created = await createService(actors.coordinator, fullInput());
    expect(await db.prisma.serviceSearchDocument.count({ where: { serviceId: created.id } })).toBe(1);
    await setServiceStatus(actors.coordinator, created.id, 'INACTIVE');
    expect(await db.prisma.serviceSearchDocument.count({ where: { serviceId: created.id } })).toBe(0);
    expect(await db.prisma.outboxMessage.count({ where: { aggregateId: created.id } })).toBeGreaterThanOrEqual(2);
    await setServiceStatus(actors.coordinator, created.id, 'ACTIVE');
    expect(await db.prisma.serviceSearchDocument.count({ where: { serviceId: created.id } })).toBe(1);
    expect(await db.prisma.auditLog.count({ where: { entityId: created.id, action: 'service.setStatus' } })).toBe(2);
  });
});

describe('listAdminServices', () => {
  it('filters by name, organisation, status and freshness, and says how fresh each listing is', async () => {
    const created = await createService(actors.coordinator, { ...fullInput(), name: 'Listprovet Örnen' });
    const byName = await listAdminServices(actors.coordinator, { q: 'listprovet' });
    expect(byName.items.map((i) => i.id)).toEqual([created.id]);
    expect(byName.items[0]).toMatchObject({ organizationName: 'Kvinnojouren Linnéan', status: 'ACTIVE', freshness: 'stale', lastConfirmedAt: null });
    expect((await listAdminServices(actors.coordinator, { q: 'listprovet', freshness: 'fresh' })).total).toBe(0);
    expect((await listAdminServices(actors.coordinator, { q: 'listprovet', organizationId: ids.otherAssociation })).total).toBe(0);
    await confirmService(actors.coordinator, created.id);
    expect((await listAdminServices(actors.coordinator, { q: 'listprovet', freshness: 'fresh' })).items[0]?.freshness).toBe('fresh');
    await setServiceStatus(actors.coordinator, created.id, 'INACTIVE');
    expect((await listAdminServices(actors.coordinator, { q: 'listprovet', status: 'INACTIVE' })).total).toBe(1);
    expect((await listAdminServices(actors.coordinator, { q: 'listprovet', status: 'ACTIVE' })).total).toBe(0);
    const all = await listAdminServices(actors.coordinator, { page: '999' });
    expect(all.page).toBe(all.pageCount);
  });

  it('draws the freshness lines at six and twelve months', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    expect(freshnessOf(new Date('2026-07-01T12:00:00Z'), now)).toBe('fresh');
    expect(freshnessOf(new Date('2026-03-01T12:00:00Z'), now)).toBe('aging');
    expect(freshnessOf(new Date('2025-11-01T12:00:00Z'), now)).toBe('stale');
    expect(freshnessOf(null, now)).toBe('stale');
  });
});

describe('refusals', () => {
  it.each(['admin', 'member', 'official', 'anonymous'] as const)('refuses the %s every function, writing nothing', async (who) => {
    const actor: Actor = who === 'anonymous' ? { kind: 'anonymous' } : actors[who];
    const service = await db.prisma.service.findFirstOrThrow({ where: { organizationId: ids.association }, orderBy: { slug: 'asc' } });
    const loaded = await readServiceInput(db.prisma, service.id);
    const before = [...(await writeState()), await db.prisma.service.findUnique({ where: { id: service.id } })];
    const calls = [
      createService(actor, fullInput()),
      updateService(actor, service.id, { ...loaded.input, name: 'Kapad' }, loaded.version),
      confirmService(actor, service.id),
      setServiceStatus(actor, service.id, 'INACTIVE'),
      loadServiceInput(actor, service.id),
      listAdminServices(actor, {}),
    ];
    for (const call of calls) expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain((await failureOf(call)).code);
    expect([...(await writeState()), await db.prisma.service.findUnique({ where: { id: service.id } })]).toEqual(before);
  });
});
