/**
 * The coordinator's organisation editor (/admin/organisationer): list, create, change,
 * confirm, deactivate and reactivate organisations, and keep their locations. An association
 * admin may change the profile texts of their own organisation ('organization.editProfile'),
 * nothing else. Every function takes the actor first and asks the policy before it reads or
 * writes; every change writes an audit row in its transaction, and every change that alters a
 * service's search document (the organisation's name, a location's municipality, deactivated
 * services) calls recordServiceChanges in that same transaction.
 */
import type { Actor } from '@/lib/authz/actor';
import { authorize } from '@/lib/authz/policy';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { Prisma } from '@/lib/generated/prisma/client';
import { foldText } from '@/lib/search/document';
import { recordServiceChanges, type Tx } from '@/lib/search/projection';
import { LOCATION_FIELDS } from './service-editor';
import {
  organizationErrors,
  organizationListSchema,
  organizationProfileSchema,
  organizationSchema,
  ORGANIZATIONS_PER_PAGE,
  locationSchema,
  recordIdSchema,
  setActiveSchema,
  TRANSLATED_LOCALES,
  type LocationInput,
  type OrganizationInput,
  type OrganizationListInput,
  type OrganizationProfileInput,
} from './organization-schemas';

type OrganizationKind = OrganizationInput['kind'];
type TranslatedLocale = (typeof TRANSLATED_LOCALES)[number];

export interface OrganizationListItem {
  id: string;
  name: string;
  slug: string;
  kind: OrganizationKind;
  isActive: boolean;
  lastConfirmedAt: Date | null;
  municipalityName: string | null;
  serviceCount: number;
}

export interface OrganizationListPage {
  items: OrganizationListItem[];
  total: number;
  page: number;
  pageCount: number;
  filter: OrganizationListInput;
}

export interface LocationItem {
  id: string;
  name: string;
  description: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  postalCode: string | null;
  city: string | null;
  municipalityId: string | null;
  latitude: number | null;
  longitude: number | null;
  isProtected: boolean;
  accessibilityDescription: string | null;
  transportation: string | null;
  /** Services offered here; a location in use cannot be removed. */
  serviceCount: number;
}

export interface OrganizationDetail {
  id: string;
  kind: OrganizationKind;
  name: string;
  slug: string;
  description: string;
  email: string | null;
  phone: string | null;
  website: string | null;
  orgNumber: string | null;
  municipalityId: string | null;
  newsPublishingMode: OrganizationInput['newsPublishingMode'];
  isActive: boolean;
  lastConfirmedAt: Date | null;
  translations: Record<TranslatedLocale, { name: string | null; description: string | null }>;
  locations: LocationItem[];
  activeServiceCount: number;
}

export interface MunicipalityChoice {
  id: string;
  name: string;
  isActive: boolean;
}

const actorIdOf = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);

function parseId(id: unknown): string {
  const parsed = recordIdSchema.safeParse(id);
  if (!parsed.success) throw new AppError('NOT_FOUND', 'notFound');
  return parsed.data;
}

const locationSelect = {
  ...LOCATION_FIELDS,
  _count: { select: { services: true } },
} satisfies Prisma.LocationSelect;

type LocationRow = Prisma.LocationGetPayload<{ select: typeof locationSelect }>;

const toLocationItem = ({ _count, ...row }: LocationRow): LocationItem => ({ ...row, serviceCount: _count.services });

// ── Reading ────────────────────────────────────────────────────────────────────────

/** Organisations, 25 a page, by name, narrowed by a text (name, URL name or organisation number), kind and whether active. */
export async function listOrganizations(actor: Actor, input: unknown): Promise<OrganizationListPage> {
  authorize(actor, 'service.manage', null);
  const filter = organizationListSchema.parse(input ?? {});
  const where: Prisma.OrganizationWhereInput = {
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.activity === 'all' ? {} : { isActive: filter.activity === 'active' }),
    ...(filter.q
      ? {
          OR: [
            { name: { contains: filter.q, mode: 'insensitive' } },
            { slug: { contains: foldText(filter.q).replace(/\s+/g, '-') } },
            { orgNumber: { contains: filter.q } },
          ],
        }
      : {}),
  };
  const db = await getDb();
  const total = await db.organization.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / ORGANIZATIONS_PER_PAGE));
  const page = Math.min(filter.page, pageCount);
  const rows = await db.organization.findMany({
    where,
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    skip: (page - 1) * ORGANIZATIONS_PER_PAGE,
    take: ORGANIZATIONS_PER_PAGE,
    select: {
      id: true,
      name: true,
      slug: true,
      kind: true,
      isActive: true,
      lastConfirmedAt: true,
      municipality: { select: { name: true } },
      _count: { select: { services: true } },
    },
  });
  return {
    items: rows.map(({ municipality, _count, ...row }) => ({ ...row, municipalityName: municipality?.name ?? null, serviceCount: _count.services })),
    total,
    page,
    pageCount,
    filter: { ...filter, page },
  };
}

/** One organisation with its locations, for the edit page; its own association admin may read it too. */
export async function getOrganizationForEdit(actor: Actor, id: unknown): Promise<OrganizationDetail> {
  const organizationId = parseId(id);
  authorize(actor, 'organization.editProfile', { organizationId });
  const db = await getDb();
  const row = await db.organization.findUnique({
    where: { id: organizationId },
    select: {
      id: true,
      kind: true,
      name: true,
      slug: true,
      description: true,
      email: true,
      phone: true,
      website: true,
      orgNumber: true,
      municipalityId: true,
      newsPublishingMode: true,
      isActive: true,
      lastConfirmedAt: true,
      translations: { select: { locale: true, name: true, description: true } },
      locations: { orderBy: [{ name: 'asc' }, { id: 'asc' }], select: locationSelect },
    },
  });
  if (!row) throw new AppError('NOT_FOUND', 'notFound');
  const activeServiceCount = await db.service.count({ where: { organizationId, status: 'ACTIVE' } });
  const translation = (locale: TranslatedLocale) => {
    const t = row.translations.find((x) => x.locale === locale);
    return { name: t?.name ?? null, description: t?.description ?? null };
  };
  return {
    ...row,
    translations: { en: translation('en'), ar: translation('ar') },
    locations: row.locations.map(toLocationItem),
    activeServiceCount,
  };
}

/** Municipalities for the forms; inactive ones too, so a form never drops a choice silently. */
export async function listMunicipalityChoices(actor: Actor): Promise<MunicipalityChoice[]> {
  authorize(actor, 'service.manage', null);
  const db = await getDb();
  return db.municipality.findMany({ orderBy: [{ name: 'asc' }], select: { id: true, name: true, isActive: true } });
}

// ── Writing ────────────────────────────────────────────────────────────────────────

/** A URL name from a name: Swedish letters folded (å→a, ö→o), dashes between words, unique among organisations. */
export async function uniqueOrganizationSlug(tx: Tx, name: string): Promise<string> {
  const base = foldText(name).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '') || 'organisation';
  const taken = new Set((await tx.organization.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((o) => o.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

async function assertMunicipalityExists(tx: Tx, id: string | null, field = 'municipalityId'): Promise<void> {
  if (!id) return;
  if (!(await tx.municipality.findUnique({ where: { id }, select: { id: true } }))) {
    throw new AppError('INVALID_INPUT', 'invalid', { [field]: ['unknownMunicipality'] });
  }
}

/** Writes the English and Arabic texts; a language with neither text has no row. */
async function writeTranslations(tx: Tx, organizationId: string, data: OrganizationProfileInput, includeName: boolean): Promise<void> {
  for (const locale of TRANSLATED_LOCALES) {
    const description = data[`description_${locale}`] || null;
    const current = await tx.organizationTranslation.findUnique({ where: { organizationId_locale: { organizationId, locale } } });
    const name = includeName ? data[`name_${locale}`] : (current?.name ?? null);
    if (!name && !description) {
      if (current) await tx.organizationTranslation.delete({ where: { id: current.id } });
      continue;
    }
    await tx.organizationTranslation.upsert({
      where: { organizationId_locale: { organizationId, locale } },
      create: { organizationId, locale, name, description },
      update: { name, description },
    });
  }
}

const profileAudit = (d: OrganizationProfileInput) => ({
  description: d.description,
  email: d.email,
  phone: d.phone,
  website: d.website,
  name_en: d.name_en,
  description_en: d.description_en,
  name_ar: d.name_ar,
  description_ar: d.description_ar,
});

const organizationAudit = (d: OrganizationInput) => ({
  ...profileAudit(d),
  kind: d.kind,
  name: d.name,
  orgNumber: d.orgNumber,
  municipalityId: d.municipalityId,
  newsPublishingMode: d.newsPublishingMode,
});

/** The municipality only belongs to a municipality organisation. */
const municipalityOf = (d: OrganizationInput) => (d.kind === 'MUNICIPALITY' ? d.municipalityId : null);

export async function createOrganization(actor: Actor, input: unknown): Promise<{ id: string; slug: string }> {
  authorize(actor, 'service.manage', null);
  const data = organizationErrors.parse(organizationSchema, input);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    await assertMunicipalityExists(tx, municipalityOf(data));
    const slug = await uniqueOrganizationSlug(tx, data.name);
    const created = await tx.organization.create({
      data: {
        kind: data.kind,
        name: data.name,
        slug,
        description: data.description,
        email: data.email,
        phone: data.phone,
        website: data.website,
        orgNumber: data.orgNumber,
        municipalityId: municipalityOf(data),
        newsPublishingMode: data.newsPublishingMode,
      },
      select: { id: true, slug: true },
    });
    await writeTranslations(tx, created.id, data, true);
    await tx.auditLog.create({
      data: { actorId: actorIdOf(actor), action: 'organization.create', entityType: 'Organization', entityId: created.id, organizationId: created.id, data: { ...organizationAudit(data), slug } },
    });
    return created;
  });
}

/**
 * Changes every field of an organisation. The URL name stays as it was, so links to the
 * association's page keep working after a rename. A rename reaches the search documents of its
 * services (they carry the organisation's name).
 */
export async function updateOrganization(actor: Actor, id: unknown, input: unknown): Promise<{ id: string; slug: string }> {
  authorize(actor, 'service.manage', null);
  const organizationId = parseId(id);
  const data = organizationErrors.parse(organizationSchema, input);
  const db = await getDb();
  return db.$transaction(
    async (tx) => {
      const current = await tx.organization.findUnique({ where: { id: organizationId }, select: { id: true, slug: true, name: true } });
      if (!current) throw new AppError('NOT_FOUND', 'notFound');
      await assertMunicipalityExists(tx, municipalityOf(data));
      await tx.organization.update({
        where: { id: organizationId },
        data: {
          kind: data.kind,
          name: data.name,
          description: data.description,
          email: data.email,
          phone: data.phone,
          website: data.website,
          orgNumber: data.orgNumber,
          municipalityId: municipalityOf(data),
          newsPublishingMode: data.newsPublishingMode,
        },
      });
      await writeTranslations(tx, organizationId, data, true);
      if (current.name !== data.name) await reindexServicesOf(tx, { organizationId });
      await tx.auditLog.create({
        data: { actorId: actorIdOf(actor), action: 'organization.update', entityType: 'Organization', entityId: organizationId, organizationId, data: organizationAudit(data) },
      });
      return { id: current.id, slug: current.slug };
    },
    { timeout: 60_000 },
  );
}

/** The profile texts only (description, ways to reach it, translated texts): what an association admin may change. */
export async function updateOrganizationProfile(actor: Actor, id: unknown, input: unknown): Promise<{ id: string; slug: string }> {
  const organizationId = parseId(id);
  authorize(actor, 'organization.editProfile', { organizationId });
  const data = organizationErrors.parse(organizationProfileSchema, input);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const current = await tx.organization.findUnique({ where: { id: organizationId }, select: { id: true, slug: true } });
    if (!current) throw new AppError('NOT_FOUND', 'notFound');
    await tx.organization.update({
      where: { id: organizationId },
      data: { description: data.description, email: data.email, phone: data.phone, website: data.website },
    });
    // The translated name follows the name, which only the coordinator changes.
    await writeTranslations(tx, organizationId, data, false);
    await tx.auditLog.create({
      data: { actorId: actorIdOf(actor), action: 'organization.updateProfile', entityType: 'Organization', entityId: organizationId, organizationId, data: profileAudit(data) },
    });
    return current;
  });
}

export async function confirmOrganization(actor: Actor, id: unknown, now = new Date()): Promise<{ id: string; lastConfirmedAt: Date }> {
  authorize(actor, 'service.manage', null);
  const organizationId = parseId(id);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const current = await tx.organization.findUnique({ where: { id: organizationId }, select: { id: true } });
    if (!current) throw new AppError('NOT_FOUND', 'notFound');
    await tx.organization.update({ where: { id: organizationId }, data: { lastConfirmedAt: now } });
    await tx.auditLog.create({
      data: { actorId: actorIdOf(actor), action: 'organization.confirm', entityType: 'Organization', entityId: organizationId, organizationId, data: { lastConfirmedAt: now.toISOString() } },
    });
    return { id: organizationId, lastConfirmedAt: now };
  });
}

export interface ActiveStateResult {
  isActive: boolean;
  /** Services set inactive with the organisation. */
  deactivatedServices: number;
}

/**
 * Deactivates or reactivates an organisation. An organisation whose services are still active
 * is only deactivated when the coordinator says its services go too (alsoDeactivateServices);
 * otherwise the call is refused (CONFLICT 'hasActiveServices') and nothing changes. Reactivating
 * leaves its services as they are: each is checked and switched on in the service editor.
 */
export async function setOrganizationActive(actor: Actor, id: unknown, input: unknown): Promise<ActiveStateResult> {
  authorize(actor, 'service.manage', null);
  const organizationId = parseId(id);
  const { isActive, alsoDeactivateServices } = organizationErrors.parse(setActiveSchema, input);
  const db = await getDb();
  return db.$transaction(
    async (tx) => {
      const current = await tx.organization.findUnique({ where: { id: organizationId }, select: { id: true, isActive: true } });
      if (!current) throw new AppError('NOT_FOUND', 'notFound');
      if (current.isActive === isActive) return { isActive, deactivatedServices: 0 };
      let serviceIds: string[] = [];
      if (!isActive) {
        serviceIds = (await tx.service.findMany({ where: { organizationId, status: 'ACTIVE' }, select: { id: true } })).map((s) => s.id);
        if (serviceIds.length > 0 && !alsoDeactivateServices) throw new AppError('CONFLICT', 'hasActiveServices');
        if (serviceIds.length > 0) {
          await tx.service.updateMany({ where: { id: { in: serviceIds } }, data: { status: 'INACTIVE' } });
          await recordServiceChangesInBatches(tx, serviceIds);
        }
      }
      await tx.organization.update({ where: { id: organizationId }, data: { isActive } });
      await tx.auditLog.create({
        data: {
          actorId: actorIdOf(actor),
          action: isActive ? 'organization.reactivate' : 'organization.deactivate',
          entityType: 'Organization',
          entityId: organizationId,
          organizationId,
          data: { deactivatedServiceIds: serviceIds },
        },
      });
      return { isActive, deactivatedServices: serviceIds.length };
    },
    { timeout: 60_000 },
  );
}

// ── Locations ──────────────────────────────────────────────────────────────────────

const SERVICE_BATCH = 500;

/** recordServiceChanges a batch at a time, so a change touching thousands of services stays within memory. */
export async function recordServiceChangesInBatches(tx: Tx, serviceIds: string[]): Promise<void> {
  for (let i = 0; i < serviceIds.length; i += SERVICE_BATCH) await recordServiceChanges(tx, serviceIds.slice(i, i + SERVICE_BATCH));
}

async function reindexServicesOf(tx: Tx, where: { organizationId: string } | { locationId: string }): Promise<void> {
  const rows =
    'organizationId' in where
      ? await tx.service.findMany({ where: { organizationId: where.organizationId }, select: { id: true } })
      : await tx.serviceAtLocation.findMany({ where: { locationId: where.locationId }, select: { serviceId: true } });
  await recordServiceChangesInBatches(
    tx,
    rows.map((r) => ('id' in r ? r.id : r.serviceId)),
  );
}

const locationData = (d: LocationInput) => ({
  name: d.name,
  description: d.description,
  addressLine1: d.addressLine1,
  addressLine2: d.addressLine2,
  postalCode: d.postalCode,
  city: d.city,
  municipalityId: d.municipalityId,
  latitude: d.latitude,
  longitude: d.longitude,
  isProtected: d.isProtected,
  accessibilityDescription: d.accessibilityDescription,
  transportation: d.transportation,
});

/**
 * Adds a location to an organisation (locationId null) or changes one of its locations. A
 * changed municipality reaches the search documents of the services offered there. The audit
 * row of a protected location keeps no address.
 */
export async function saveLocation(actor: Actor, organizationId: unknown, locationId: unknown, input: unknown): Promise<LocationItem> {
  authorize(actor, 'service.manage', null);
  const orgId = parseId(organizationId);
  const existingId = locationId === null || locationId === undefined || locationId === '' ? null : parseId(locationId);
  const data = organizationErrors.parse(locationSchema, input);
  const db = await getDb();
  return db.$transaction(
    async (tx) => {
      const organization = await tx.organization.findUnique({ where: { id: orgId }, select: { id: true } });
      if (!organization) throw new AppError('NOT_FOUND', 'notFound');
      await assertMunicipalityExists(tx, data.municipalityId);
      let saved: LocationRow;
      if (existingId) {
        const current = await tx.location.findFirst({ where: { id: existingId, organizationId: orgId }, select: { id: true, municipalityId: true } });
        if (!current) throw new AppError('NOT_FOUND', 'notFound');
        saved = await tx.location.update({ where: { id: existingId }, data: locationData(data), select: locationSelect });
        if (current.municipalityId !== data.municipalityId) await reindexServicesOf(tx, { locationId: existingId });
      } else {
        saved = await tx.location.create({ data: { organizationId: orgId, ...locationData(data) }, select: locationSelect });
      }
      await tx.auditLog.create({
        data: {
          actorId: actorIdOf(actor),
          action: existingId ? 'location.update' : 'location.create',
          entityType: 'Location',
          entityId: saved.id,
          organizationId: orgId,
          data: { name: data.name, isProtected: data.isProtected, municipalityId: data.municipalityId, ...(data.isProtected ? {} : { city: data.city }) },
        },
      });
      return toLocationItem(saved);
    },
    { timeout: 60_000 },
  );
}

/** Removes a location no service is offered at; one in use is refused (CONFLICT 'locationInUse'). */
export async function removeLocation(actor: Actor, locationId: unknown): Promise<{ organizationId: string; name: string }> {
  authorize(actor, 'service.manage', null);
  const id = parseId(locationId);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const current = await tx.location.findUnique({ where: { id }, select: { id: true, name: true, organizationId: true, _count: { select: { services: true } } } });
    if (!current) throw new AppError('NOT_FOUND', 'notFound');
    if (current._count.services > 0) throw new AppError('CONFLICT', 'locationInUse');
    await tx.location.delete({ where: { id } });
    await tx.auditLog.create({
      data: { actorId: actorIdOf(actor), action: 'location.remove', entityType: 'Location', entityId: id, organizationId: current.organizationId, data: { name: current.name } },
    });
    return { organizationId: current.organizationId, name: current.name };
  });
}
