/**
 * The coordinator's organisation editor, through the data layer, on the demo data: every field
 * of an organisation, its translations and locations, confirming and deactivating, and what
 * an association admin may change on their own profile.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, type Actor } from '@/lib/authz/actor';
import {
  confirmOrganization,
  createOrganization,
  getOrganizationForEdit,
  listOrganizations,
  removeLocation,
  saveLocation,
  setOrganizationActive,
  updateOrganization,
  updateOrganizationProfile,
} from '@/lib/directory/organization-editor';
import { normalizeOrgNumber, organizationErrors } from '@/lib/directory/organization-schemas';
import { getOrganizationPage, getServicePage } from '@/lib/directory/service-page';
import { AppError } from '@/lib/errors/app-error';
import { seedDatabase } from '@/prisma/seed/index';
import { useTestDatabase } from '../helpers/db';

const db = useTestDatabase();

let coordinator: Actor;
let associationAdmin: Actor;
let member: Actor;
let karlskogaId: string;

async function actorFor(email: string): Promise<Actor> {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, memberships: { select: { organizationId: true, role: true } } } });
  return { kind: 'user', userId: user.id, memberships: user.memberships };
}

async function failureOf(call: Promise<unknown>): Promise<{ code: string; fieldErrors?: Record<string, string>; formError?: string }> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, ...organizationErrors.describe(error) };
  }
  throw new Error('expected the call to fail');
}

const orgId = async (slug: string) => (await db.prisma.organization.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;

/** Everything the editor could touch. */
const everything = async () => ({
  organizations: await db.prisma.organization.findMany({ orderBy: { id: 'asc' }, include: { translations: { orderBy: { locale: 'asc' } } } }),
  locations: await db.prisma.location.findMany({ orderBy: { id: 'asc' } }),
  services: await db.prisma.service.findMany({ orderBy: { id: 'asc' }, select: { id: true, status: true } }),
  documents: await db.prisma.serviceSearchDocument.count(),
  outbox: await db.prisma.outboxMessage.count(),
  audit: await db.prisma.auditLog.count(),
});

const VALID = {
  kind: 'ASSOCIATION',
  name: 'Föreningen Hjälp & Stöd i Åmål',
  description: 'Vi hjälper till.\n\nVarje tisdag.',
  email: 'kontakt@hjalp.example',
  phone: '0586-123 45',
  website: 'https://hjalp.example',
  orgNumber: '8024001235',
  municipalityId: '',
  newsPublishingMode: 'ADMIN_APPROVES',
  name_en: 'Help & Support Association',
  description_en: 'We help.',
  name_ar: 'جمعية المساعدة والدعم',
  description_ar: 'نحن نساعد.',
};

beforeAll(async () => {
  await seedDatabase(db.prisma);
  coordinator = await actorFor('samordnare@lisa.example');
  associationAdmin = await actorFor('foreningsadmin@lisa.example');
  member = await actorFor('medlem@lisa.example');
  karlskogaId = (await db.prisma.municipality.findUniqueOrThrow({ where: { code: '1883' } })).id;
}, 180_000);

describe('normalizeOrgNumber', () => {
  it('accepts ten digits with a valid Luhn check digit, with or without the dash, and writes NNNNNN-NNNN', () => {
    expect(normalizeOrgNumber('8024001235')).toBe('802400-1235');
    expect(normalizeOrgNumber('802400-1235')).toBe('802400-1235');
  });

  it('refuses a wrong check digit and the wrong number of digits', () => {
    expect(normalizeOrgNumber('802400-1234')).toBeNull();
    expect(normalizeOrgNumber('80240-1235')).toBeNull();
    expect(normalizeOrgNumber('19802400-1235')).toBeNull();
  });
});

describe('createOrganization', () => {
  it('saves every field and both translations, folds Swedish letters into the URL name and writes an audit row', async () => {
    const created = await createOrganization(coordinator, VALID);
    expect(created.slug).toBe('foreningen-hjalp-stod-i-amal');
    const stored = await db.prisma.organization.findUniqueOrThrow({ where: { id: created.id }, include: { translations: { orderBy: { locale: 'asc' } } } });
    expect(stored).toMatchObject({
      kind: 'ASSOCIATION',
      name: 'Föreningen Hjälp & Stöd i Åmål',
      description: 'Vi hjälper till.\n\nVarje tisdag.',
      orgNumber: '802400-1235',
      website: 'https://hjalp.example',
      municipalityId: null,
      newsPublishingMode: 'ADMIN_APPROVES',
      isActive: true,
    });
    expect(stored.translations.map((t) => [t.locale, t.name, t.description])).toEqual([
      ['ar', 'جمعية المساعدة والدعم', 'نحن نساعد.'],
      ['en', 'Help & Support Association', 'We help.'],
    ]);
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'organization.create', entityId: created.id } });
    expect(audit.organizationId).toBe(created.id);
  });

  it('gives a second organisation of the same name its own URL name', async () => {
    const second = await createOrganization(coordinator, { ...VALID, orgNumber: '' });
    expect(second.slug).toBe('foreningen-hjalp-stod-i-amal-2');
  });

  it('names each wrong field and writes nothing', async () => {
    const before = await everything();
    const failure = await failureOf(
      createOrganization(coordinator, {
        ...VALID,
        name: '   ',
        email: 'inte en adress',
        website: 'ftp://hjalp.example',
        orgNumber: '802400-1234',
        phone: 'ring oss',
      }),
    );
    expect(failure).toEqual({
      code: 'INVALID_INPUT',
      fieldErrors: { name: 'required', email: 'invalidEmail', website: 'invalidWebsite', orgNumber: 'invalidOrgNumber', phone: 'invalidPhone' },
    });
    expect(await everything()).toEqual(before);
  });

  it('needs a municipality for a municipality organisation, and one that exists', async () => {
    expect(await failureOf(createOrganization(coordinator, { ...VALID, kind: 'MUNICIPALITY', municipalityId: '' }))).toMatchObject({
      fieldErrors: { municipalityId: 'municipalityRequired' },
    });
    const before = await everything();
    expect(await failureOf(createOrganization(coordinator, { ...VALID, kind: 'MUNICIPALITY', municipalityId: 'finnsinte' }))).toMatchObject({
      fieldErrors: { municipalityId: 'unknownMunicipality' },
    });
    expect(await everything()).toEqual(before);
  });

  it('refuses everyone but the coordinator and leaves everything unchanged', async () => {
    const before = await everything();
    for (const actor of [member, associationAdmin, ANONYMOUS]) {
      expect((await failureOf(createOrganization(actor, VALID))).code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
    expect(await everything()).toEqual(before);
  });
});

describe('listOrganizations', () => {
  it('narrows by text, kind and whether active, a page at a time', async () => {
    const all = await listOrganizations(coordinator, {});
    expect(all.total).toBe(await db.prisma.organization.count());
    const found = await listOrganizations(coordinator, { q: 'hjälp & stöd' });
    expect(found.items.map((o) => o.slug).sort()).toEqual(['foreningen-hjalp-stod-i-amal', 'foreningen-hjalp-stod-i-amal-2']);
    const municipalities = await listOrganizations(coordinator, { kind: 'MUNICIPALITY' });
    expect(municipalities.items.every((o) => o.kind === 'MUNICIPALITY')).toBe(true);
    expect(municipalities.total).toBeGreaterThan(0);
    expect((await listOrganizations(coordinator, { activity: 'inactive' })).items.every((o) => !o.isActive)).toBe(true);
    expect((await listOrganizations(coordinator, { page: '999' })).page).toBe(all.pageCount);
  });

  it('is the coordinator’s alone', async () => {
    expect((await failureOf(listOrganizations(associationAdmin, {}))).code).toBe('FORBIDDEN');
  });
});

describe('updateOrganization', () => {
  it('keeps the URL name on a rename and brings the new name into its services’ search documents', async () => {
    const id = await orgId('reda-ekonomiradgivning');
    const services = await db.prisma.service.findMany({ where: { organizationId: id, status: 'ACTIVE' }, select: { id: true } });
    expect(services.length).toBeGreaterThan(0);
    const current = await getOrganizationForEdit(coordinator, id);
    const outboxBefore = await db.prisma.outboxMessage.count();
    const updated = await updateOrganization(coordinator, id, {
      kind: current.kind,
      name: 'Reda Skuldhjälp Zebrafink',
      description: current.description,
      email: current.email,
      phone: current.phone,
      website: current.website,
      orgNumber: current.orgNumber,
      newsPublishingMode: current.newsPublishingMode,
    });
    expect(updated.slug).toBe('reda-ekonomiradgivning');
    const docs = await db.prisma.serviceSearchDocument.findMany({ where: { serviceId: { in: services.map((s) => s.id) } } });
    expect(docs).toHaveLength(services.length);
    for (const doc of docs) expect(doc.searchText).toContain('reda skuldhjalp zebrafink');
    expect(await db.prisma.outboxMessage.count()).toBe(outboxBefore + services.length);
    expect(await db.prisma.auditLog.count({ where: { action: 'organization.update', entityId: id } })).toBe(1);
  });

  it('removes a translation whose texts are emptied', async () => {
    const id = await orgId('foreningen-hjalp-stod-i-amal');
    await updateOrganization(coordinator, id, { ...VALID, name_ar: '', description_ar: '' });
    const detail = await getOrganizationForEdit(coordinator, id);
    expect(detail.translations.ar).toEqual({ name: null, description: null });
    expect(detail.translations.en.name).toBe('Help & Support Association');
  });

  it('refuses the association admin, even for their own organisation', async () => {
    const id = await orgId('kvinnojouren-linnean');
    const before = await everything();
    expect((await failureOf(updateOrganization(associationAdmin, id, { ...VALID, kind: 'REGION' }))).code).toBe('FORBIDDEN');
    expect(await everything()).toEqual(before);
  });
});

describe('updateOrganizationProfile', () => {
  it('lets an association admin change the profile texts of their own organisation, not its name, kind or state', async () => {
    const id = await orgId('kvinnojouren-linnean');
    const before = await db.prisma.organization.findUniqueOrThrow({ where: { id } });
    await updateOrganizationProfile(associationAdmin, id, {
      description: 'Ny beskrivning av jouren.',
      email: 'ny@linnean.example',
      phone: '0586-155 21',
      website: 'https://linnean.example',
      description_en: 'New description.',
      kind: 'REGION',
      name: 'Kapat namn',
      isActive: false,
    });
    const after = await db.prisma.organization.findUniqueOrThrow({ where: { id }, include: { translations: true } });
    expect(after).toMatchObject({ name: before.name, kind: before.kind, isActive: true, description: 'Ny beskrivning av jouren.', email: 'ny@linnean.example' });
    expect(after.translations.find((t) => t.locale === 'en')).toMatchObject({ name: 'Linnéan Women’s Shelter', description: 'New description.' });
    expect(await db.prisma.auditLog.count({ where: { action: 'organization.updateProfile', entityId: id } })).toBe(1);
  });

  it('refuses an association admin on another organisation and a member on their own', async () => {
    const before = await everything();
    expect((await failureOf(updateOrganizationProfile(associationAdmin, await orgId('reda-ekonomiradgivning'), { description: 'x' }))).code).toBe('FORBIDDEN');
    expect((await failureOf(updateOrganizationProfile(member, await orgId('kvinnojouren-linnean'), { description: 'x' }))).code).toBe('FORBIDDEN');
    expect(await everything()).toEqual(before);
  });
});

describe('confirmOrganization', () => {
  it('records when the coordinator confirmed the organisation', async () => {
    const id = await orgId('foreningen-hjalp-stod-i-amal');
    const now = new Date('2026-11-20T10:00:00Z');
    await confirmOrganization(coordinator, id, now);
    expect((await db.prisma.organization.findUniqueOrThrow({ where: { id } })).lastConfirmedAt).toEqual(now);
    expect(await db.prisma.auditLog.count({ where: { action: 'organization.confirm', entityId: id } })).toBe(1);
  });

  it('refuses a member and changes nothing', async () => {
    const before = await everything();
    expect((await failureOf(confirmOrganization(member, await orgId('kvinnojouren-linnean')))).code).toBe('FORBIDDEN');
    expect(await everything()).toEqual(before);
  });
});

describe('setOrganizationActive', () => {
  it('refuses to deactivate an organisation with active services unless they go too, and changes nothing', async () => {
    const id = await orgId('reda-ekonomiradgivning');
    const before = await everything();
    expect(await failureOf(setOrganizationActive(coordinator, id, { isActive: false }))).toEqual({ code: 'CONFLICT', formError: 'hasActiveServices' });
    expect(await everything()).toEqual(before);
    expect((await getOrganizationForEdit(coordinator, id)).activeServiceCount).toBeGreaterThan(0);
  });

  it('deactivates the organisation with its services, which leave search, and reactivates it alone', async () => {
    const id = await orgId('reda-ekonomiradgivning');
    const serviceIds = (await db.prisma.service.findMany({ where: { organizationId: id, status: 'ACTIVE' }, select: { id: true } })).map((s) => s.id);
    const result = await setOrganizationActive(coordinator, id, { isActive: false, alsoDeactivateServices: 'on' });
    expect(result).toEqual({ isActive: false, deactivatedServices: serviceIds.length });
    expect(await db.prisma.service.count({ where: { id: { in: serviceIds }, status: 'INACTIVE' } })).toBe(serviceIds.length);
    expect(await db.prisma.serviceSearchDocument.count({ where: { serviceId: { in: serviceIds } } })).toBe(0);
    expect(await db.prisma.outboxMessage.count({ where: { aggregateId: { in: serviceIds } } })).toBeGreaterThanOrEqual(serviceIds.length);
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'organization.deactivate', entityId: id } });
    expect(audit.data).toEqual({ deactivatedServiceIds: serviceIds });

    await setOrganizationActive(coordinator, id, { isActive: true });
    expect((await db.prisma.organization.findUniqueOrThrow({ where: { id } })).isActive).toBe(true);
    expect(await db.prisma.service.count({ where: { id: { in: serviceIds }, status: 'ACTIVE' } })).toBe(0);
  });

  it('refuses a member and changes nothing', async () => {
    const before = await everything();
    expect((await failureOf(setOrganizationActive(member, await orgId('kvinnojouren-linnean'), { isActive: false, alsoDeactivateServices: 'on' }))).code).toBe('FORBIDDEN');
    expect(await everything()).toEqual(before);
  });
});

describe('locations', () => {
  const LOCATION = {
    name: 'Hjälpens lokal',
    addressLine1: 'Hemliga gatan 7',
    postalCode: '69131',
    city: 'Karlskoga',
    municipalityId: '',
    latitude: '59,3266',
    longitude: '14.5231',
    isProtected: 'on',
    accessibilityDescription: 'Ramp vid entrén.',
    transportation: 'Buss 1.',
  };

  it('adds a location with the postcode written NNN NN and decimal commas read', async () => {
    const id = await orgId('foreningen-hjalp-stod-i-amal');
    const saved = await saveLocation(coordinator, id, null, { ...LOCATION, municipalityId: karlskogaId });
    expect(saved).toMatchObject({ postalCode: '691 31', latitude: 59.3266, longitude: 14.5231, isProtected: true, municipalityId: karlskogaId, serviceCount: 0 });
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'location.create', entityId: saved.id } });
    // The audit log of a protected location keeps no address either.
    expect(JSON.stringify(audit.data)).not.toContain('Hemliga gatan');
  });

  it('names each wrong field and writes nothing', async () => {
    const id = await orgId('foreningen-hjalp-stod-i-amal');
    const before = await everything();
    expect(await failureOf(saveLocation(coordinator, id, null, { ...LOCATION, name: '', postalCode: '6913', latitude: '95', longitude: '14' }))).toEqual({
      code: 'INVALID_INPUT',
      fieldErrors: { name: 'required', postalCode: 'invalidPostalCode', latitude: 'invalidLatitude' },
    });
    expect(await failureOf(saveLocation(coordinator, id, null, { ...LOCATION, latitude: '59.3', longitude: '' }))).toEqual({
      code: 'INVALID_INPUT',
      fieldErrors: { longitude: 'coordinatesPair' },
    });
    expect(await failureOf(saveLocation(coordinator, id, null, { ...LOCATION, longitude: '200' }))).toMatchObject({ fieldErrors: { longitude: 'invalidLongitude' } });
    expect(await everything()).toEqual(before);
  });

  it('never shows a protected address on the association’s page or the service page', async () => {
    const id = await orgId('kvinnojouren-linnean');
    const location = await saveLocation(coordinator, id, null, { ...LOCATION, name: 'Linnéans hemliga adress', addressLine1: 'Skyddsvägen 99' });
    const service = await db.prisma.service.findFirstOrThrow({ where: { organizationId: id, status: 'ACTIVE' }, select: { id: true, slug: true } });
    await db.prisma.serviceAtLocation.create({ data: { serviceId: service.id, locationId: location.id } });
    const organizationPage = await getOrganizationPage(ANONYMOUS, 'kvinnojouren-linnean', 'sv');
    const servicePage = await getServicePage(ANONYMOUS, service.slug, 'sv', new Date());
    for (const page of [organizationPage, servicePage]) {
      const text = JSON.stringify(page);
      expect(text).not.toContain('Skyddsvägen');
      expect(text).not.toContain('691 31');
    }
  });

  it('moving a location to another municipality reaches the search documents of the services there', async () => {
    const location = await db.prisma.location.findFirstOrThrow({ where: { name: 'Linnéans hemliga adress' } });
    const degerfors = await db.prisma.municipality.findUniqueOrThrow({ where: { code: '1862' } });
    const serviceIds = (await db.prisma.serviceAtLocation.findMany({ where: { locationId: location.id } })).map((s) => s.serviceId);
    const outboxBefore = await db.prisma.outboxMessage.count({ where: { aggregateId: { in: serviceIds } } });
    await saveLocation(coordinator, location.organizationId, location.id, { ...LOCATION, name: location.name, municipalityId: degerfors.id });
    expect(await db.prisma.outboxMessage.count({ where: { aggregateId: { in: serviceIds } } })).toBe(outboxBefore + serviceIds.length);
  });

  it('refuses to remove a location a service is offered at, and removes an unused one', async () => {
    const used = await db.prisma.location.findFirstOrThrow({ where: { name: 'Linnéans hemliga adress' } });
    const before = await everything();
    expect(await failureOf(removeLocation(coordinator, used.id))).toEqual({ code: 'CONFLICT', formError: 'locationInUse' });
    expect(await everything()).toEqual(before);

    const unused = await db.prisma.location.findFirstOrThrow({ where: { name: 'Hjälpens lokal' } });
    await removeLocation(coordinator, unused.id);
    expect(await db.prisma.location.findUnique({ where: { id: unused.id } })).toBeNull();
    expect(await db.prisma.auditLog.count({ where: { action: 'location.remove', entityId: unused.id } })).toBe(1);
  });

  it('refuses the association admin and changes nothing', async () => {
    const id = await orgId('kvinnojouren-linnean');
    const location = await db.prisma.location.findFirstOrThrow({ where: { organizationId: id } });
    const before = await everything();
    expect((await failureOf(saveLocation(associationAdmin, id, null, LOCATION))).code).toBe('FORBIDDEN');
    expect((await failureOf(saveLocation(associationAdmin, id, location.id, LOCATION))).code).toBe('FORBIDDEN');
    expect((await failureOf(removeLocation(associationAdmin, location.id))).code).toBe('FORBIDDEN');
    expect(await everything()).toEqual(before);
  });
});
