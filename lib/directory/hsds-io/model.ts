/**
 * The directory as plain values: what an HSDS export holds and an import writes. Export reads
 * the database into this model and maps it to HSDS rows; import maps rows back into the same
 * model and compares it with what the database holds, so "unchanged" is an equality of models.
 */
import type { Tx } from '@/lib/search/projection';

export type PhoneKind = 'VOICE' | 'SMS' | 'TEXT_PHONE' | 'FAX';
export type ServiceStatus = 'ACTIVE' | 'INACTIVE' | 'DEFUNCT';
export type OrganizationKind = 'ASSOCIATION' | 'REGION' | 'MUNICIPALITY';

export interface TranslationM {
  locale: string;
  fields: Record<string, string | null>;
}

export interface MunicipalityM {
  id: string;
  code: string;
  name: string;
  slug: string;
  regionName: string;
  isActive: boolean;
}

export interface CategoryM {
  id: string;
  slug: string;
  name: string;
  description: string;
  icon: string;
  parentId: string | null;
  sortOrder: number;
  isActive: boolean;
  translations: TranslationM[];
}

export interface TargetGroupM {
  id: string;
  slug: string;
  name: string;
  sortOrder: number;
  translations: TranslationM[];
}

export interface AttributeM {
  id: string;
  key: string;
  name: string;
  description: string;
  icon: string | null;
  isFilter: boolean;
  sortOrder: number;
  translations: TranslationM[];
}

export interface OrganizationM {
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
  isActive: boolean;
  lastConfirmedAt: string | null;
  translations: TranslationM[];
}

export interface LocationM {
  id: string;
  organizationId: string;
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
}

export interface ScheduleM {
  id: string;
  serviceAtLocationId: string | null;
  weekday: number;
  opensMinute: number;
  closesMinute: number;
  validFrom: string | null;
  validTo: string | null;
  description: string | null;
}

export interface ScheduleExceptionM {
  id: string;
  date: string;
  isClosed: boolean;
  opensMinute: number | null;
  closesMinute: number | null;
  reason: string | null;
}

export interface CostOptionM {
  id: string;
  option: string;
  /** Decimal(10,2) as its canonical string ("150", "99.5"), so nothing is lost to floats. */
  amount: string | null;
  currency: string;
  amountDescription: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface ServiceM {
  id: string;
  organizationId: string;
  slug: string;
  name: string;
  alternateName: string | null;
  summary: string;
  description: string;
  easyReadSummary: string | null;
  applicationProcess: string;
  eligibilityDescription: string | null;
  minimumAge: number | null;
  maximumAge: number | null;
  isFree: boolean;
  feesDescription: string | null;
  email: string | null;
  url: string | null;
  status: ServiceStatus;
  keywords: string[];
  timezone: string;
  lastConfirmedAt: string | null;
  /** The model's own change time (HSDS last_modified); not compared, carried. */
  updatedAt: string | null;
  translations: TranslationM[];
  categories: { categoryId: string; isPrimary: boolean }[];
  targetGroupIds: string[];
  attributes: { attributeId: string; note: string | null }[];
  languages: { languageCode: string; note: string | null }[];
  municipalityIds: string[];
  atLocations: { id: string; locationId: string; description: string | null }[];
  schedules: ScheduleM[];
  exceptions: ScheduleExceptionM[];
  costOptions: CostOptionM[];
}

export interface ContactM {
  id: string;
  serviceId: string | null;
  organizationId: string | null;
  name: string | null;
  title: string | null;
  department: string | null;
  email: string | null;
}

export interface PhoneM {
  id: string;
  number: string;
  kind: PhoneKind;
  description: string | null;
  serviceId: string | null;
  organizationId: string | null;
  locationId: string | null;
  contactId: string | null;
}

export interface DirectoryModel {
  municipalities: MunicipalityM[];
  categories: CategoryM[];
  targetGroups: TargetGroupM[];
  attributes: AttributeM[];
  organizations: OrganizationM[];
  locations: LocationM[];
  services: ServiceM[];
  contacts: ContactM[];
  phones: PhoneM[];
}

export type EntityKind = keyof DirectoryModel;

export const ENTITY_KINDS: EntityKind[] = [
  'municipalities',
  'categories',
  'targetGroups',
  'attributes',
  'organizations',
  'locations',
  'services',
  'contacts',
  'phones',
];

const day = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);
const instant = (d: Date | null): string | null => (d ? d.toISOString() : null);
const byId = <T extends { id: string }>(rows: T[]): T[] => rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const byLocale = (rows: TranslationM[]) => rows.sort((a, b) => (a.locale < b.locale ? -1 : 1));

/** Which records to read: all of them (export), or the ids a batch of an import touches. */
export type ModelFilter = { [K in EntityKind]?: string[] };

const where = (ids: string[] | undefined) => (ids ? { id: { in: ids } } : {});

/**
 * Reads the directory (or the records named by `filter`) into the model, every list sorted so
 * two reads of the same data give the same model.
 */
export async function loadDirectoryModel(db: Tx, filter?: ModelFilter): Promise<DirectoryModel> {
  const want = (kind: EntityKind) => !filter || filter[kind] !== undefined;
  const model: DirectoryModel = {
    municipalities: [],
    categories: [],
    targetGroups: [],
    attributes: [],
    organizations: [],
    locations: [],
    services: [],
    contacts: [],
    phones: [],
  };
  if (want('municipalities')) {
    model.municipalities = await db.municipality.findMany({
      where: where(filter?.municipalities),
      orderBy: { id: 'asc' },
      select: { id: true, code: true, name: true, slug: true, regionName: true, isActive: true },
    });
  }
  if (want('categories')) {
    const rows = await db.category.findMany({
      where: where(filter?.categories),
      orderBy: { id: 'asc' },
      include: { translations: true },
    });
    model.categories = rows.map((c) => ({
      id: c.id,
      slug: c.slug,
      name: c.name,
      description: c.description,
      icon: c.icon,
      parentId: c.parentId,
      sortOrder: c.sortOrder,
      isActive: c.isActive,
      translations: byLocale(c.translations.map((t) => ({ locale: t.locale, fields: { name: t.name, description: t.description } }))),
    }));
  }
  if (want('targetGroups')) {
    const rows = await db.targetGroup.findMany({ where: where(filter?.targetGroups), orderBy: { id: 'asc' }, include: { translations: true } });
    model.targetGroups = rows.map((g) => ({
      id: g.id,
      slug: g.slug,
      name: g.name,
      sortOrder: g.sortOrder,
      translations: byLocale(g.translations.map((t) => ({ locale: t.locale, fields: { name: t.name } }))),
    }));
  }
  if (want('attributes')) {
    const rows = await db.attribute.findMany({ where: where(filter?.attributes), orderBy: { id: 'asc' }, include: { translations: true } });
    model.attributes = rows.map((a) => ({
      id: a.id,
      key: a.key,
      name: a.name,
      description: a.description,
      icon: a.icon,
      isFilter: a.isFilter,
      sortOrder: a.sortOrder,
      translations: byLocale(a.translations.map((t) => ({ locale: t.locale, fields: { name: t.name, description: t.description } }))),
    }));
  }
  if (want('organizations')) {
    const rows = await db.organization.findMany({ where: where(filter?.organizations), orderBy: { id: 'asc' }, include: { translations: true } });
    model.organizations = rows.map((o) => ({
      id: o.id,
      kind: o.kind,
      name: o.name,
      slug: o.slug,
      description: o.description,
      email: o.email,
      phone: o.phone,
      website: o.website,
      orgNumber: o.orgNumber,
      municipalityId: o.municipalityId,
      isActive: o.isActive,
      lastConfirmedAt: instant(o.lastConfirmedAt),
      translations: byLocale(o.translations.map((t) => ({ locale: t.locale, fields: { name: t.name, description: t.description } }))),
    }));
  }
  if (want('locations')) {
    const rows = await db.location.findMany({
      where: where(filter?.locations),
      orderBy: { id: 'asc' },
      select: {
        id: true,
        organizationId: true,
        name: true,
        description: true,
        addressLine1: true,
        addressLine2: true,
        postalCode: true,
        city: true,
        municipalityId: true,
        latitude: true,
        longitude: true,
        isProtected: true,
        accessibilityDescription: true,
        transportation: true,
      },
    });
    model.locations = rows;
  }
  if (want('services')) {
    const rows = await db.service.findMany({
      where: where(filter?.services),
      orderBy: { id: 'asc' },
      include: {
        translations: true,
        categories: true,
        targetGroups: true,
        attributes: true,
        languages: true,
        areas: true,
        atLocations: true,
        schedules: true,
        scheduleExceptions: true,
        costOptions: true,
      },
    });
    model.services = rows.map((r) => ({
      id: r.id,
      organizationId: r.organizationId,
      slug: r.slug,
      name: r.name,
      alternateName: r.alternateName,
      summary: r.summary,
      description: r.description,
      easyReadSummary: r.easyReadSummary,
      applicationProcess: r.applicationProcess,
      eligibilityDescription: r.eligibilityDescription,
      minimumAge: r.minimumAge,
      maximumAge: r.maximumAge,
      isFree: r.isFree,
      feesDescription: r.feesDescription,
      email: r.email,
      url: r.url,
      status: r.status,
      keywords: r.keywords,
      timezone: r.timezone,
      lastConfirmedAt: instant(r.lastConfirmedAt),
      updatedAt: instant(r.updatedAt),
      translations: byLocale(
        r.translations.map((t) => ({
          locale: t.locale,
          fields: {
            name: t.name,
            summary: t.summary,
            description: t.description,
            easyReadSummary: t.easyReadSummary,
            applicationProcess: t.applicationProcess,
            eligibilityDescription: t.eligibilityDescription,
            feesDescription: t.feesDescription,
          },
        })),
      ),
      categories: r.categories
        .map((c) => ({ categoryId: c.categoryId, isPrimary: c.isPrimary }))
        .sort((a, b) => (a.categoryId < b.categoryId ? -1 : 1)),
      targetGroupIds: r.targetGroups.map((t) => t.targetGroupId).sort(),
      attributes: r.attributes
        .map((a) => ({ attributeId: a.attributeId, note: a.note }))
        .sort((a, b) => (a.attributeId < b.attributeId ? -1 : 1)),
      languages: r.languages
        .map((l) => ({ languageCode: l.languageCode, note: l.note }))
        .sort((a, b) => (a.languageCode < b.languageCode ? -1 : 1)),
      municipalityIds: r.areas.map((a) => a.municipalityId).sort(),
      atLocations: byId(r.atLocations.map((a) => ({ id: a.id, locationId: a.locationId, description: a.description }))),
      schedules: byId(
        r.schedules.map((s) => ({
          id: s.id,
          serviceAtLocationId: s.serviceAtLocationId,
          weekday: s.weekday,
          opensMinute: s.opensMinute,
          closesMinute: s.closesMinute,
          validFrom: day(s.validFrom),
          validTo: day(s.validTo),
          description: s.description,
        })),
      ),
      exceptions: byId(
        r.scheduleExceptions.map((e) => ({
          id: e.id,
          date: day(e.date) ?? '',
          isClosed: e.isClosed,
          opensMinute: e.opensMinute,
          closesMinute: e.closesMinute,
          reason: e.reason,
        })),
      ),
      costOptions: byId(
        r.costOptions.map((c) => ({
          id: c.id,
          option: c.option,
          amount: c.amount === null ? null : c.amount.toString(),
          currency: c.currency,
          amountDescription: c.amountDescription,
          validFrom: day(c.validFrom),
          validTo: day(c.validTo),
        })),
      ),
    }));
  }
  if (want('contacts')) {
    model.contacts = await db.contact.findMany({
      where: where(filter?.contacts),
      orderBy: { id: 'asc' },
      select: { id: true, serviceId: true, organizationId: true, name: true, title: true, department: true, email: true },
    });
  }
  if (want('phones')) {
    model.phones = await db.phone.findMany({
      where: where(filter?.phones),
      orderBy: { id: 'asc' },
      select: { id: true, number: true, kind: true, description: true, serviceId: true, organizationId: true, locationId: true, contactId: true },
    });
  }
  return model;
}

/** JSON with object keys sorted: two models are equal when these strings are. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
