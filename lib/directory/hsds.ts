/**
 * The open-data view of the directory: published services as Open Referral HSDS 3.0 JSON
 * (docs/api.md describes the endpoints and the choices below).
 *
 * - Field names are HSDS 3.0's. A field without a value is left out rather than sent as null,
 *   because the HSDS JSON schemas type fields as plain strings and numbers.
 * - What HSDS lacks (the short summary, the easy-read summary, translations, a protected
 *   address) travels as HSDS `attribute`s of the taxonomy `lisa-extensions`.
 * - A protected location is sent with its id and name only, plus an `address_protected`
 *   attribute. The mapper never copies address, coordinates, description, accessibility,
 *   transportation or phones of such a location, even if a row held them by mistake.
 */
import { z } from 'zod';
import type { Actor } from '@/lib/authz/actor';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import type { Prisma } from '@/lib/generated/prisma/client';
import { SEARCHABLE } from '@/lib/search/document';
import { PORTAL_TIME_ZONE, wallClockAt } from '@/lib/time/zoned';
import { isoDate } from './opening-hours';

// ── The HSDS shapes this API returns (a subset of HSDS 3.0, same names) ──────────────

export interface HsdsTaxonomy {
  id: string;
  name: string;
  description: string;
}

export interface HsdsTaxonomyTerm {
  id: string;
  code: string;
  name: string;
  description: string;
  parent_id?: string;
  taxonomy: string;
  taxonomy_id: string;
  taxonomy_detail: HsdsTaxonomy;
  /** ISO 639-1 code of the term, or for a translation attribute the language of its value. */
  language: string;
}

export interface HsdsAttribute {
  id: string;
  link_id: string;
  link_type: string;
  link_entity: 'service' | 'organization' | 'location';
  taxonomy_term_id: string;
  value?: string;
  taxonomy_term: HsdsTaxonomyTerm;
}

export interface HsdsLanguage {
  id: string;
  name: string;
  code: string;
  note?: string;
}

export interface HsdsPhone {
  id: string;
  number: string;
  type: 'voice' | 'text' | 'textphone' | 'fax';
  description?: string;
  languages: HsdsLanguage[];
}

export interface HsdsSchedule {
  id: string;
  freq: 'WEEKLY';
  interval: 1;
  /** One RFC 5545 day code: MO, TU, WE, TH, FR, SA, SU. */
  byday: string;
  /** HH:MM:SS wall-clock time in the service's zone. */
  opens_at: string;
  /** HH:MM:SS; earlier than `opens_at` means the next day, 23:59:59 means midnight. */
  closes_at: string;
  /**
   * HSDS types `timezone` as a fixed UTC offset, which is wrong for half the year with summer
   * time, so it is left out and `notes` names the zone (docs/api.md).
   */
  notes: string;
  valid_from?: string;
  valid_to?: string;
  description?: string;
}

export interface HsdsAddress {
  id: string;
  address_1: string;
  address_2?: string;
  city: string;
  state_province: string;
  postal_code: string;
  country: 'SE';
  address_type: 'physical';
}

export interface HsdsAccessibility {
  id: string;
  description: string;
}

export interface HsdsLocation {
  id: string;
  location_type: 'physical';
  name: string;
  description?: string;
  transportation?: string;
  latitude?: number;
  longitude?: number;
  addresses?: HsdsAddress[];
  accessibility?: HsdsAccessibility[];
  phones?: HsdsPhone[];
  attributes: HsdsAttribute[];
}

export interface HsdsServiceAtLocation {
  id: string;
  description?: string;
  schedules: HsdsSchedule[];
  location: HsdsLocation;
}

export interface HsdsContact {
  id: string;
  name?: string;
  title?: string;
  department?: string;
  email?: string;
  phones: HsdsPhone[];
}

export interface HsdsOrganization {
  id: string;
  name: string;
  description: string;
  email?: string;
  website?: string;
  phones: HsdsPhone[];
  attributes: HsdsAttribute[];
}

export interface HsdsServiceArea {
  id: string;
  name: string;
  description: string;
}

export interface HsdsCostOption {
  id: string;
  option?: string;
  amount?: number;
  currency: string;
  amount_description?: string;
  valid_from?: string;
  valid_to?: string;
}

export interface HsdsService {
  id: string;
  organization_id: string;
  name: string;
  alternate_name?: string;
  description: string;
  url?: string;
  email?: string;
  status: 'active';
  interpretation_services?: string;
  application_process?: string;
  fees_description?: string;
  eligibility_description?: string;
  minimum_age?: number;
  maximum_age?: number;
  /** Date (Europe/Stockholm) the listing was last confirmed as correct. */
  assured_date?: string;
  /** Upcoming dates with other hours than `schedules`, in Swedish. */
  alert?: string;
  last_modified: string;
  organization: HsdsOrganization;
  phones: HsdsPhone[];
  schedules: HsdsSchedule[];
  service_areas: HsdsServiceArea[];
  service_at_locations: HsdsServiceAtLocation[];
  languages: HsdsLanguage[];
  cost_options: HsdsCostOption[];
  contacts: HsdsContact[];
  attributes: HsdsAttribute[];
}

/** The HSDS API `Page` with its `contents`. */
export interface HsdsPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  /** Entities on this page. */
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

// ── Input ────────────────────────────────────────────────────────────────────────

export const HSDS_MAX_PER_PAGE = 100;
export const HSDS_DEFAULT_PER_PAGE = 25;
/** Far beyond any real directory; keeps the database offset a small integer. */
export const HSDS_MAX_PAGE = 1_000_000;

function boundedWholeNumber(parameter: string, max: number, fallback: number) {
  const message = `${parameter} must be a whole number from 1 to ${max}`;
  return z
    .string()
    .regex(/^\d{1,9}$/, message)
    .transform(Number)
    .refine((n) => n >= 1 && n <= max, message)
    .default(fallback);
}

/** The query string of `GET /api/v1/services`; other parameters are ignored. */
export const hsdsPageQuerySchema = z.object({
  page: boundedWholeNumber('page', HSDS_MAX_PAGE, 1),
  per_page: boundedWholeNumber('per_page', HSDS_MAX_PER_PAGE, HSDS_DEFAULT_PER_PAGE),
});

export type HsdsPageQuery = z.output<typeof hsdsPageQuerySchema>;

/** Service ids are cuids; anything else cannot name a service. */
export const hsdsServiceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** Headers of every answer of the open-data API: public data, cacheable, readable by other sites. */
export const HSDS_RESPONSE_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'public, max-age=300',
  'Access-Control-Allow-Origin': '*',
  'X-Content-Type-Options': 'nosniff',
} as const;

// ── The query ──────────────────────────────────────────────────────────────────

const phoneSelect = { id: true, number: true, kind: true, description: true } satisfies Prisma.PhoneSelect;

const scheduleSelect = {
  id: true,
  weekday: true,
  opensMinute: true,
  closesMinute: true,
  validFrom: true,
  validTo: true,
  description: true,
} satisfies Prisma.ScheduleSelect;

const termSelect = { id: true, name: true, description: true } as const;

/** Everything one HSDS service needs, in one Prisma query (batched per relation, never per row). */
function hsdsServiceSelect(today: Date) {
  return {
    id: true,
    organizationId: true,
    name: true,
    alternateName: true,
    summary: true,
    description: true,
    easyReadSummary: true,
    applicationProcess: true,
    eligibilityDescription: true,
    minimumAge: true,
    maximumAge: true,
    isFree: true,
    feesDescription: true,
    email: true,
    url: true,
    timezone: true,
    lastConfirmedAt: true,
    updatedAt: true,
    organization: {
      select: {
        id: true,
        name: true,
        description: true,
        email: true,
        website: true,
        phone: true,
        // A location's phone can lead to its street address; only the organisation's own numbers.
        phones: { where: { locationId: null, serviceId: null, contactId: null }, orderBy: { id: 'asc' }, select: phoneSelect },
        translations: { orderBy: { locale: 'asc' }, select: { locale: true, name: true, description: true } },
      },
    },
    translations: {
      orderBy: { locale: 'asc' },
      select: {
        locale: true,
        name: true,
        summary: true,
        description: true,
        easyReadSummary: true,
        applicationProcess: true,
        eligibilityDescription: true,
        feesDescription: true,
      },
    },
    categories: {
      orderBy: [{ isPrimary: 'desc' }, { category: { sortOrder: 'asc' } }],
      select: { isPrimary: true, category: { select: { ...termSelect, slug: true, parentId: true } } },
    },
    targetGroups: {
      orderBy: { targetGroup: { sortOrder: 'asc' } },
      select: { targetGroup: { select: { id: true, slug: true, name: true } } },
    },
    attributes: {
      orderBy: { attribute: { sortOrder: 'asc' } },
      select: { note: true, attribute: { select: { ...termSelect, key: true } } },
    },
    languages: { orderBy: { languageCode: 'asc' }, select: { languageCode: true, note: true } },
    areas: {
      orderBy: { municipality: { name: 'asc' } },
      select: { municipality: { select: { id: true, code: true, name: true } } },
    },
    atLocations: {
      orderBy: { id: 'asc' },
      select: {
        id: true,
        description: true,
        schedules: { orderBy: [{ weekday: 'asc' }, { opensMinute: 'asc' }], select: scheduleSelect },
        location: {
          select: {
            id: true,
            name: true,
            description: true,
            addressLine1: true,
            addressLine2: true,
            postalCode: true,
            city: true,
            latitude: true,
            longitude: true,
            isProtected: true,
            accessibilityDescription: true,
            transportation: true,
            municipality: { select: { regionName: true } },
            phones: { orderBy: { id: 'asc' }, select: phoneSelect },
          },
        },
      },
    },
    // Periods tied to one place are listed under that service_at_location instead.
    schedules: {
      where: { serviceAtLocationId: null },
      orderBy: [{ weekday: 'asc' }, { opensMinute: 'asc' }],
      select: scheduleSelect,
    },
    scheduleExceptions: {
      where: { date: { gte: today } },
      orderBy: [{ date: 'asc' }, { opensMinute: 'asc' }],
      take: 20,
      select: { date: true, isClosed: true, opensMinute: true, closesMinute: true, reason: true },
    },
    phones: { orderBy: { id: 'asc' }, select: phoneSelect },
    contacts: {
      orderBy: { id: 'asc' },
      select: {
        id: true,
        name: true,
        title: true,
        department: true,
        email: true,
        phones: { orderBy: { id: 'asc' }, select: phoneSelect },
      },
    },
    costOptions: {
      orderBy: { id: 'asc' },
      select: { id: true, option: true, amount: true, currency: true, amountDescription: true, validFrom: true, validTo: true },
    },
  } satisfies Prisma.ServiceSelect;
}

type HsdsServiceRow = Prisma.ServiceGetPayload<{ select: ReturnType<typeof hsdsServiceSelect> }>;

/** Midnight UTC of today's date in Stockholm: how @db.Date columns hold a calendar day. */
function stockholmToday(now: Date): Date {
  return new Date(`${isoDate(wallClockAt(now, PORTAL_TIME_ZONE))}T00:00:00Z`);
}

/**
 * One page of the published services, ordered by id so pages never overlap while the data
 * stands still. A page past the end is empty, not an error.
 */
export async function listHsdsServices(_actor: Actor, query: HsdsPageQuery, now = new Date()): Promise<HsdsPage<HsdsService>> {
  const db = await getDb();
  const perPage = query.per_page;
  const skip = (query.page - 1) * perPage;
  const totalItems = await db.service.count({ where: SEARCHABLE });
  const rows =
    skip < totalItems
      ? await db.service.findMany({
          where: SEARCHABLE,
          orderBy: { id: 'asc' },
          skip,
          take: perPage,
          select: hsdsServiceSelect(stockholmToday(now)),
        })
      : [];
  const totalPages = Math.ceil(totalItems / perPage);
  return {
    total_items: totalItems,
    total_pages: totalPages,
    page_number: query.page,
    size: rows.length,
    first_page: query.page === 1,
    last_page: query.page >= totalPages,
    empty: rows.length === 0,
    contents: rows.map(toHsdsService),
  };
}

/** One published service; NOT_FOUND when the id is unknown or the service is not active. */
export async function getHsdsService(_actor: Actor, id: string, now = new Date()): Promise<HsdsService> {
  const db = await getDb();
  const row = await db.service.findFirst({ where: { ...SEARCHABLE, id }, select: hsdsServiceSelect(stockholmToday(now)) });
  if (!row) throw new AppError('NOT_FOUND', 'No published service has this id');
  return toHsdsService(row);
}

// ── Mapping ──────────────────────────────────────────────────────────────────────

export const TAXONOMIES = {
  categories: {
    id: 'lisa-categories',
    name: 'LISA-kategorier',
    description: 'Områden som hjälpen i LISA:s katalog sorteras under.',
  },
  targetGroups: {
    id: 'lisa-target-groups',
    name: 'LISA-målgrupper',
    description: 'Vilka en tjänst i första hand vänder sig till.',
  },
  attributes: {
    id: 'lisa-attributes',
    name: 'LISA-egenskaper',
    description: 'Låga trösklar och annat som invånare filtrerar på, till exempel kostnadsfritt, anonymt och drop-in.',
  },
  extensions: {
    id: 'lisa-extensions',
    name: 'LISA-tillägg',
    description: 'Uppgifter som HSDS saknar fält för: sammanfattning, lättläst sammanfattning, översättningar och skyddad adress.',
  },
  municipalities: {
    id: 'lisa-municipalities',
    name: 'Kommuner',
    description: 'Kommuner där tjänster finns och som de vänder sig till, med SCB:s kommunkod som kod.',
  },
} satisfies Record<string, HsdsTaxonomy>;

export const BASE_LANGUAGE = 'sv';

const present = (value: string | null | undefined): string | undefined => (value ? value : undefined);
const presentNumber = (value: number | null): number | undefined => (value === null ? undefined : value);
const dateOnly = (value: Date | null | undefined): string | undefined => (value ? value.toISOString().slice(0, 10) : undefined);

function term(
  taxonomy: HsdsTaxonomy,
  fields: { id: string; code: string; name: string; description: string; parentId?: string | null; language?: string },
): HsdsTaxonomyTerm {
  return {
    id: fields.id,
    code: fields.code,
    name: fields.name,
    description: fields.description,
    parent_id: present(fields.parentId),
    taxonomy: taxonomy.id,
    taxonomy_id: taxonomy.id,
    taxonomy_detail: taxonomy,
    language: fields.language ?? BASE_LANGUAGE,
  };
}

function attribute(
  linkEntity: HsdsAttribute['link_entity'],
  linkId: string,
  linkType: string,
  taxonomyTerm: HsdsTaxonomyTerm,
  value?: string | null,
): HsdsAttribute {
  return {
    id: `${linkId}:${taxonomyTerm.id}`,
    link_id: linkId,
    link_type: linkType,
    link_entity: linkEntity,
    taxonomy_term_id: taxonomyTerm.id,
    value: present(value),
    taxonomy_term: taxonomyTerm,
  };
}

/** The fields HSDS has no place for, as terms of `lisa-extensions` (in Swedish, like the data). */
export const EXTENSION_TERMS = {
  summary: { name: 'Sammanfattning', description: 'Kort sammanfattning av tjänsten, en eller två meningar.' },
  easy_read_summary: { name: 'Lättläst sammanfattning', description: 'Sammanfattning av tjänsten på lättläst svenska.' },
  address_protected: {
    name: 'Skyddad adress',
    description: 'Platsens adress är skyddad (till exempel ett skyddat boende) och lämnas aldrig ut. Kontakta tjänsten per telefon.',
  },
} as const;

function extension(linkEntity: HsdsAttribute['link_entity'], linkId: string, code: keyof typeof EXTENSION_TERMS, value: string) {
  const linkType = code === 'address_protected' ? 'address_protected' : 'extension';
  const taxonomyTerm = term(TAXONOMIES.extensions, { id: `lisa-extensions:${code}`, code, ...EXTENSION_TERMS[code] });
  return attribute(linkEntity, linkId, linkType, taxonomyTerm, value);
}

/**
 * Translated text fields: `code` is the field's HSDS name (or the extension's code) and the
 * term's `language` is the language of the value.
 */
function translationAttributes(
  linkEntity: HsdsAttribute['link_entity'],
  linkId: string,
  translations: { locale: string; fields: Record<string, string | null> }[],
): HsdsAttribute[] {
  return translations.flatMap(({ locale, fields }) =>
    Object.entries(fields).flatMap(([code, value]) => {
      if (!value) return [];
      const taxonomyTerm = term(TAXONOMIES.extensions, {
        id: `lisa-extensions:${code}:${locale}`,
        code,
        name: `Översättning av ${code} (${locale})`,
        description: `Fältet ${code} översatt till språket med koden ${locale}.`,
        language: locale,
      });
      return [attribute(linkEntity, linkId, 'translation', taxonomyTerm, value)];
    }),
  );
}

export const PHONE_TYPES = { VOICE: 'voice', SMS: 'text', TEXT_PHONE: 'textphone', FAX: 'fax' } as const;

function toPhone(phone: { id: string; number: string; kind: keyof typeof PHONE_TYPES; description: string | null }): HsdsPhone {
  return { id: phone.id, number: phone.number, type: PHONE_TYPES[phone.kind], description: present(phone.description), languages: [] };
}

export const languageNames = new Intl.DisplayNames([BASE_LANGUAGE], { type: 'language', fallback: 'code' });

export const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const MINUTES_PER_DAY = 1440;
const pad = (n: number) => String(n).padStart(2, '0');
const clock = (minute: number) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;

/**
 * A weekly period as an HSDS schedule. A period past midnight (closesMinute > 1440) keeps the
 * next day's closing time, so closes_at < opens_at, and says so in the description; a period
 * to midnight closes at 23:59:59, HSDS's sign for "to the end of the day".
 */
function toSchedule(period: HsdsServiceRow['schedules'][number], timezone: string): HsdsSchedule {
  const endsNextDay = period.closesMinute > MINUTES_PER_DAY;
  const closes = endsNextDay ? period.closesMinute - MINUTES_PER_DAY : period.closesMinute;
  const closesAt = closes >= MINUTES_PER_DAY ? '23:59:59' : `${clock(closes)}:00`;
  let description = present(period.description);
  if (endsNextDay) {
    const note = `${clock(closes)} dagen efter`;
    description = description ? `${description} (stänger ${note})` : `Stänger ${note}`;
  }
  return {
    id: period.id,
    freq: 'WEEKLY',
    interval: 1,
    byday: BYDAY[period.weekday - 1] ?? 'MO',
    opens_at: `${clock(period.opensMinute)}:00`,
    closes_at: closesAt,
    notes: `Local time in ${timezone}`,
    valid_from: dateOnly(period.validFrom),
    valid_to: dateOnly(period.validTo),
    description,
  };
}

/** Upcoming dates with other hours, so a reader of the weekly schedules is not sent to a closed door. */
function exceptionsAlert(exceptions: HsdsServiceRow['scheduleExceptions']): string | undefined {
  if (exceptions.length === 0) return undefined;
  const lines = exceptions.map((e) => {
    const hours =
      e.isClosed || e.opensMinute === null || e.closesMinute === null
        ? 'stängt'
        : `öppet ${clock(e.opensMinute)}–${clock(e.closesMinute % MINUTES_PER_DAY)}`;
    return `${dateOnly(e.date)} ${hours}${e.reason ? ` (${e.reason})` : ''}`;
  });
  return `Avvikande öppettider: ${lines.join('; ')}.`;
}

function toLocation(location: HsdsServiceRow['atLocations'][number]['location']): HsdsLocation {
  if (location.isProtected) {
    // Name only: anything more (even a phone number or "next to the station") can point to the door.
    return {
      id: location.id,
      location_type: 'physical',
      name: location.name,
      attributes: [extension('location', location.id, 'address_protected', 'true')],
    };
  }
  const hasAddress = Boolean(location.addressLine1 || location.city);
  return {
    id: location.id,
    location_type: 'physical',
    name: location.name,
    description: present(location.description),
    transportation: present(location.transportation),
    latitude: presentNumber(location.latitude),
    longitude: presentNumber(location.longitude),
    addresses: hasAddress
      ? [
          {
            id: `${location.id}:address`,
            address_1: location.addressLine1 ?? '',
            address_2: present(location.addressLine2),
            city: location.city ?? '',
            state_province: location.municipality?.regionName ?? '',
            postal_code: location.postalCode ?? '',
            country: 'SE',
            address_type: 'physical',
          },
        ]
      : [],
    accessibility: location.accessibilityDescription
      ? [{ id: `${location.id}:accessibility`, description: location.accessibilityDescription }]
      : [],
    phones: location.phones.map(toPhone),
    attributes: [],
  };
}

function toOrganization(org: HsdsServiceRow['organization']): HsdsOrganization {
  const phones = org.phones.map(toPhone);
  if (org.phone && !phones.some((p) => p.number === org.phone)) {
    phones.unshift({ id: `${org.id}:phone`, number: org.phone, type: 'voice', languages: [] });
  }
  return {
    id: org.id,
    name: org.name,
    description: org.description,
    email: present(org.email),
    website: present(org.website),
    phones,
    attributes: translationAttributes(
      'organization',
      org.id,
      org.translations.map((t) => ({ locale: t.locale, fields: { name: t.name, description: t.description } })),
    ),
  };
}

function toServiceAttributes(row: HsdsServiceRow): HsdsAttribute[] {
  const categories = row.categories.map((c) =>
    attribute(
      'service',
      row.id,
      'category',
      term(TAXONOMIES.categories, { id: c.category.id, code: c.category.slug, name: c.category.name, description: c.category.description, parentId: c.category.parentId }),
      c.isPrimary ? 'primary' : undefined,
    ),
  );
  const targetGroups = row.targetGroups.map((t) =>
    attribute(
      'service',
      row.id,
      'target_group',
      term(TAXONOMIES.targetGroups, { id: t.targetGroup.id, code: t.targetGroup.slug, name: t.targetGroup.name, description: t.targetGroup.name }),
    ),
  );
  const features = row.attributes.map((a) =>
    attribute(
      'service',
      row.id,
      'feature',
      term(TAXONOMIES.attributes, { id: a.attribute.id, code: a.attribute.key, name: a.attribute.name, description: a.attribute.description || a.attribute.name }),
      a.note,
    ),
  );
  const extras = [
    extension('service', row.id, 'summary', row.summary),
    ...(row.easyReadSummary ? [extension('service', row.id, 'easy_read_summary', row.easyReadSummary)] : []),
  ];
  const translations = translationAttributes(
    'service',
    row.id,
    row.translations.map((t) => ({
      locale: t.locale,
      fields: {
        name: t.name,
        summary: t.summary,
        description: t.description,
        easy_read_summary: t.easyReadSummary,
        application_process: t.applicationProcess,
        eligibility_description: t.eligibilityDescription,
        fees_description: t.feesDescription,
      },
    })),
  );
  return [...categories, ...targetGroups, ...features, ...extras, ...translations];
}

function toCostOptions(row: HsdsServiceRow): HsdsCostOption[] {
  const options = row.costOptions.map((c) => ({
    id: c.id,
    option: present(c.option),
    amount: c.amount === null ? undefined : c.amount.toNumber(),
    currency: c.currency,
    amount_description: present(c.amountDescription),
    valid_from: dateOnly(c.validFrom),
    valid_to: dateOnly(c.validTo),
  }));
  // HSDS has no "free" flag; a zero cost option says it in HSDS terms.
  if (options.length === 0 && row.isFree) {
    return [{ id: `${row.id}:free`, option: 'Kostnadsfritt', amount: 0, currency: 'SEK' }];
  }
  return options;
}

function toHsdsService(row: HsdsServiceRow): HsdsService {
  const interpreter = row.attributes.find((a) => a.attribute.key === 'interpreter');
  return {
    id: row.id,
    organization_id: row.organizationId,
    name: row.name,
    alternate_name: present(row.alternateName),
    description: row.description,
    url: present(row.url),
    email: present(row.email),
    status: 'active',
    interpretation_services: interpreter ? (present(interpreter.note) ?? interpreter.attribute.name) : undefined,
    application_process: present(row.applicationProcess),
    fees_description: present(row.feesDescription),
    eligibility_description: present(row.eligibilityDescription),
    minimum_age: presentNumber(row.minimumAge),
    maximum_age: presentNumber(row.maximumAge),
    assured_date: row.lastConfirmedAt ? isoDate(wallClockAt(row.lastConfirmedAt, PORTAL_TIME_ZONE)) : undefined,
    alert: exceptionsAlert(row.scheduleExceptions),
    last_modified: row.updatedAt.toISOString(),
    organization: toOrganization(row.organization),
    phones: row.phones.map(toPhone),
    schedules: row.schedules.map((s) => toSchedule(s, row.timezone)),
    service_areas: row.areas.map(({ municipality: m }) => ({
      id: `${row.id}:area:${m.code}`,
      name: m.name,
      description: `${m.name} kommun (kommunkod ${m.code})`,
    })),
    service_at_locations: row.atLocations.map((sal) => ({
      id: sal.id,
      description: present(sal.description),
      schedules: sal.schedules.map((s) => toSchedule(s, row.timezone)),
      location: toLocation(sal.location),
    })),
    languages: row.languages.map((l) => ({
      id: `${row.id}:language:${l.languageCode}`,
      name: languageNames.of(l.languageCode) ?? l.languageCode,
      code: l.languageCode,
      note: present(l.note),
    })),
    cost_options: toCostOptions(row),
    contacts: row.contacts.map((c) => ({
      id: c.id,
      name: present(c.name),
      title: present(c.title),
      department: present(c.department),
      email: present(c.email),
      phones: c.phones.map(toPhone),
    })),
    attributes: toServiceAttributes(row),
  };
}
