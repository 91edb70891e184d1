/**
 * The public service page and association page: one query each, shaped into DTOs in the
 * resident's language with Swedish as the field-by-field fallback.
 *
 * Protected locations (women's shelters) store no address, and this module does not even
 * select address columns or coordinates for them: the query reads addresses only through a
 * relation filtered to unprotected locations and merely counts the protected ones.
 */
import { z } from 'zod';
import type { Actor } from '@/lib/authz/actor';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import type { DateException, WeeklyPeriod } from './opening-hours';
import { addDays, openStatusAt, todayAt, STATUS_HORIZON_DAYS, type OpenStatus } from './opening-hours-display';

/** The language every base text is written in. */
export const BASE_LOCALE = 'sv';

/** A text and the language it is actually in: the page's, or Swedish when it fell back. */
export interface LocalizedText {
  text: string;
  lang: string;
}

export interface PhoneDto {
  /** As Swedes are used to seeing it, e.g. "0586-310 40". */
  display: string;
  /** Digits (and a leading +) for `tel:` / `sms:` links. */
  dial: string;
  kind: 'VOICE' | 'SMS' | 'TEXT_PHONE' | 'FAX';
  description: LocalizedText | null;
}

export interface ContactPersonDto {
  name: string | null;
  title: LocalizedText | null;
  department: LocalizedText | null;
  email: string | null;
  phones: PhoneDto[];
}

/** A place the service is given at, with its address. Protected places never become one. */
export interface AddressLocationDto {
  id: string;
  name: LocalizedText;
  /** What happens at this place for this service (ServiceAtLocation.description). */
  description: LocalizedText | null;
  addressLine1: string | null;
  addressLine2: string | null;
  postalCode: string | null;
  city: string | null;
  municipality: string | null;
  latitude: number | null;
  longitude: number | null;
  accessibility: LocalizedText | null;
  transportation: LocalizedText | null;
  phones: PhoneDto[];
}

export interface HoursGroupDto {
  /** Stable within the page (for keys and ids). */
  key: string;
  /** The place these hours are for, when the service has hours per place. */
  location: LocalizedText | null;
  /** E.g. "Drop-in", "Telefontid". */
  description: LocalizedText | null;
  periods: WeeklyPeriod[];
}

export interface ExceptionDto extends DateException {
  reason: LocalizedText | null;
}

export interface ServicePageDto {
  id: string;
  slug: string;
  /** The page's language. */
  locale: string;
  name: LocalizedText;
  alternateName: string | null;
  summary: LocalizedText;
  description: LocalizedText;
  easyRead: LocalizedText | null;
  applicationProcess: LocalizedText | null;
  eligibility: LocalizedText | null;
  minimumAge: number | null;
  maximumAge: number | null;
  /** The main text (summary or description) is only in Swedish on a page in another language. */
  isMainTextFallback: boolean;
  organization: {
    slug: string;
    name: LocalizedText;
    /** Only active associations have a public page to link to. */
    hasPublicPage: boolean;
  };
  categories: { slug: string; name: LocalizedText; icon: string; isPrimary: boolean }[];
  targetGroups: { slug: string; name: LocalizedText }[];
  attributes: { key: string; name: LocalizedText; icon: string | null; note: LocalizedText | null }[];
  /** ISO 639 codes; the UI names them in the page's language. */
  languages: string[];
  /** The municipalities the service covers. */
  areas: { slug: string; name: string }[];
  cost: {
    isFree: boolean;
    fees: LocalizedText | null;
    options: { option: LocalizedText; amount: string | null; currency: string; description: LocalizedText | null }[];
  };
  email: string | null;
  website: string | null;
  phones: PhoneDto[];
  contacts: ContactPersonDto[];
  locations: AddressLocationDto[];
  /** How many of its places are protected: their address is never shown, only the contact route. */
  protectedLocationCount: number;
  hours: {
    groups: HoursGroupDto[];
    /** Exceptions from yesterday through the next two weeks (the UI shows today onwards). */
    exceptions: ExceptionDto[];
    /** Open or closed at the request's moment, in Europe/Stockholm. */
    status: OpenStatus;
    /** `YYYY-MM-DD` in Europe/Stockholm at the request's moment. */
    today: string;
  };
  lastConfirmedAt: Date | null;
}

export interface OrganizationPageDto {
  slug: string;
  locale: string;
  name: LocalizedText;
  description: LocalizedText;
  isMainTextFallback: boolean;
  email: string | null;
  phones: PhoneDto[];
  website: string | null;
  services: { slug: string; name: LocalizedText; summary: LocalizedText; icon: string | null }[];
}

// ---------------------------------------------------------------- input

const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(120);
const localeSchema = z.string().regex(/^[a-z]{2,3}$/);

/** A slug that cannot exist is simply a page that does not exist. */
function parseInput(slug: string, locale: string): { slug: string; locale: string } {
  const parsedLocale = localeSchema.safeParse(locale);
  if (!parsedLocale.success) throw new AppError('INVALID_INPUT', 'Unknown locale', { locale: ['invalid'] });
  const parsedSlug = slugSchema.safeParse(slug);
  if (!parsedSlug.success) throw new AppError('NOT_FOUND');
  return { slug: parsedSlug.data, locale: parsedLocale.data };
}

// ---------------------------------------------------------------- mapping helpers

const filled = (value: string | null | undefined): value is string => typeof value === 'string' && value.trim() !== '';

/** The translation when there is one, else the Swedish text, marked as such. */
function localized(translated: string | null | undefined, swedish: string, locale: string): LocalizedText {
  if (locale !== BASE_LOCALE && filled(translated)) return { text: translated, lang: locale };
  return { text: swedish, lang: BASE_LOCALE };
}

function optionalLocalized(translated: string | null | undefined, swedish: string | null | undefined, locale: string): LocalizedText | null {
  if (locale !== BASE_LOCALE && filled(translated)) return { text: translated, lang: locale };
  return filled(swedish) ? { text: swedish, lang: BASE_LOCALE } : null;
}

/** Texts that have no translation table (place names, notes) are Swedish. */
const swedish = (text: string | null | undefined): LocalizedText | null => (filled(text) ? { text, lang: BASE_LOCALE } : null);

/** What a phone dials: digits, and a leading + for international numbers. */
export function dialString(number: string): string {
  const trimmed = number.trim();
  return (trimmed.startsWith('+') ? '+' : '') + trimmed.replace(/\D/g, '');
}

const phoneSelect = { number: true, kind: true, description: true } as const;

function toPhone(p: { number: string; kind: PhoneDto['kind']; description: string | null }): PhoneDto {
  return { display: p.number.trim(), dial: dialString(p.number), kind: p.kind, description: swedish(p.description) };
}

const isoOf = (date: Date | null): string | null => (date ? date.toISOString().slice(0, 10) : null);
const dateOf = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Only http(s) addresses become links; anything else stored by mistake is dropped. */
function webAddress(url: string | null): string | null {
  if (!filled(url)) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- the service page

/**
 * An active service by slug, in `locale` with Swedish fallbacks, with its open-now status at
 * `now`. Throws NOT_FOUND for unknown slugs and for services that are not active. Public
 * data: every actor sees the same page.
 */
export async function getServicePage(_actor: Actor, slug: string, locale: string, now: Date): Promise<ServicePageDto> {
  const input = parseInput(slug, locale);
  const today = todayAt(now);
  const db = await getDb();
  const translation = { where: { locale: input.locale }, select: { name: true } } as const;
  const row = await db.service.findUnique({
    where: { slug: input.slug, status: 'ACTIVE' },
    select: {
      id: true,
      slug: true,
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
      lastConfirmedAt: true,
      translations: {
        where: { locale: input.locale },
        select: {
          name: true,
          summary: true,
          description: true,
          easyReadSummary: true,
          applicationProcess: true,
          eligibilityDescription: true,
          feesDescription: true,
        },
      },
      organization: { select: { slug: true, name: true, kind: true, isActive: true, translations: translation } },
      categories: {
        where: { category: { isActive: true } },
        orderBy: [{ isPrimary: 'desc' }, { category: { sortOrder: 'asc' } }],
        select: { isPrimary: true, category: { select: { slug: true, name: true, icon: true, translations: translation } } },
      },
      targetGroups: {
        orderBy: { targetGroup: { sortOrder: 'asc' } },
        select: { targetGroup: { select: { slug: true, name: true, translations: translation } } },
      },
      attributes: {
        orderBy: { attribute: { sortOrder: 'asc' } },
        select: { note: true, attribute: { select: { key: true, name: true, icon: true, translations: translation } } },
      },
      languages: { orderBy: { languageCode: 'asc' }, select: { languageCode: true } },
      areas: { orderBy: { municipality: { name: 'asc' } }, select: { municipality: { select: { slug: true, name: true } } } },
      costOptions: {
        where: { OR: [{ validTo: null }, { validTo: { gte: dateOf(today) } }] },
        orderBy: { option: 'asc' },
        select: { option: true, amount: true, currency: true, amountDescription: true },
      },
      phones: { where: { contactId: null, locationId: null }, orderBy: { number: 'asc' }, select: phoneSelect },
      contacts: {
        orderBy: { name: 'asc' },
        select: { name: true, title: true, department: true, email: true, phones: { orderBy: { number: 'asc' }, select: phoneSelect } },
      },
      // Addresses only of unprotected places; protected ones are counted, never read.
      atLocations: {
        where: { location: { isProtected: false } },
        orderBy: { location: { name: 'asc' } },
        select: {
          id: true,
          description: true,
          location: {
            select: {
              id: true,
              name: true,
              addressLine1: true,
              addressLine2: true,
              postalCode: true,
              city: true,
              latitude: true,
              longitude: true,
              accessibilityDescription: true,
              transportation: true,
              municipality: { select: { name: true } },
              phones: { where: { contactId: null }, orderBy: { number: 'asc' }, select: phoneSelect },
            },
          },
        },
      },
      _count: { select: { atLocations: { where: { location: { isProtected: true } } } } },
      schedules: {
        orderBy: [{ weekday: 'asc' }, { opensMinute: 'asc' }],
        select: { weekday: true, opensMinute: true, closesMinute: true, validFrom: true, validTo: true, description: true, serviceAtLocationId: true },
      },
      scheduleExceptions: {
        // From yesterday (a night that started then) to the end of the status horizon.
        where: { date: { gte: dateOf(addDays(today, -1)), lte: dateOf(addDays(today, STATUS_HORIZON_DAYS)) } },
        orderBy: [{ date: 'asc' }, { opensMinute: 'asc' }],
        select: { date: true, isClosed: true, opensMinute: true, closesMinute: true, reason: true },
      },
    },
  });
  if (!row) throw new AppError('NOT_FOUND');

  const l = input.locale;
  const t = row.translations[0];
  const name = (r: { name: string; translations: { name: string | null }[] }) => localized(r.translations[0]?.name, r.name, l);
  const summary = localized(t?.summary, row.summary, l);
  const description = localized(t?.description, row.description, l);

  // Hours are grouped by place (when tied to one the page shows) and by what they are for.
  const addressNames = new Map(row.atLocations.map((sal) => [sal.id, sal.location.name]));
  const groups = new Map<string, HoursGroupDto>();
  for (const s of row.schedules) {
    const placeName = s.serviceAtLocationId ? addressNames.get(s.serviceAtLocationId) : undefined;
    const key = `${placeName ? s.serviceAtLocationId : ''}|${s.description ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      group = { key: `hours-${groups.size + 1}`, location: swedish(placeName), description: swedish(s.description), periods: [] };
      groups.set(key, group);
    }
    group.periods.push({ weekday: s.weekday, opensMinute: s.opensMinute, closesMinute: s.closesMinute, validFrom: isoOf(s.validFrom), validTo: isoOf(s.validTo) });
  }
  const periods = [...groups.values()].flatMap((g) => g.periods);
  const exceptions: ExceptionDto[] = row.scheduleExceptions.map((e) => ({
    date: isoOf(e.date) as string,
    isClosed: e.isClosed,
    opensMinute: e.opensMinute,
    closesMinute: e.closesMinute,
    reason: swedish(e.reason),
  }));

  return {
    id: row.id,
    slug: row.slug,
    locale: l,
    name: name(row),
    alternateName: filled(row.alternateName) ? row.alternateName : null,
    summary,
    description,
    easyRead: optionalLocalized(t?.easyReadSummary, row.easyReadSummary, l),
    applicationProcess: optionalLocalized(t?.applicationProcess, row.applicationProcess, l),
    eligibility: optionalLocalized(t?.eligibilityDescription, row.eligibilityDescription, l),
    minimumAge: row.minimumAge,
    maximumAge: row.maximumAge,
    isMainTextFallback: summary.lang !== l || description.lang !== l,
    organization: {
      slug: row.organization.slug,
      name: name(row.organization),
      hasPublicPage: row.organization.kind === 'ASSOCIATION' && row.organization.isActive,
    },
    categories: row.categories.map((c) => ({ slug: c.category.slug, name: name(c.category), icon: c.category.icon, isPrimary: c.isPrimary })),
    targetGroups: row.targetGroups.map((g) => ({ slug: g.targetGroup.slug, name: name(g.targetGroup) })),
    attributes: row.attributes.map((a) => ({ key: a.attribute.key, name: name(a.attribute), icon: a.attribute.icon, note: swedish(a.note) })),
    languages: row.languages.map((x) => x.languageCode),
    areas: row.areas.map((a) => a.municipality),
    cost: {
      isFree: row.isFree,
      fees: row.isFree ? null : optionalLocalized(t?.feesDescription, row.feesDescription, l),
      options: row.costOptions.map((c) => ({
        option: { text: c.option, lang: BASE_LOCALE },
        amount: c.amount === null ? null : c.amount.toString(),
        currency: c.currency,
        description: swedish(c.amountDescription),
      })),
    },
    email: filled(row.email) ? row.email.trim() : null,
    website: webAddress(row.url),
    phones: row.phones.map(toPhone),
    contacts: row.contacts.map((c) => ({
      name: filled(c.name) ? c.name : null,
      title: swedish(c.title),
      department: swedish(c.department),
      email: filled(c.email) ? c.email.trim() : null,
      phones: c.phones.map(toPhone),
    })),
    locations: row.atLocations.map((sal) => ({
      id: sal.location.id,
      name: { text: sal.location.name, lang: BASE_LOCALE },
      description: swedish(sal.description),
      addressLine1: sal.location.addressLine1,
      addressLine2: sal.location.addressLine2,
      postalCode: sal.location.postalCode,
      city: sal.location.city,
      municipality: sal.location.municipality?.name ?? null,
      latitude: sal.location.latitude,
      longitude: sal.location.longitude,
      accessibility: swedish(sal.location.accessibilityDescription),
      transportation: swedish(sal.location.transportation),
      phones: sal.location.phones.map(toPhone),
    })),
    protectedLocationCount: row._count.atLocations,
    hours: { groups: [...groups.values()], exceptions, status: openStatusAt(periods, exceptions, now), today },
    lastConfirmedAt: row.lastConfirmedAt,
  };
}

// ---------------------------------------------------------------- the association page

/**
 * An active association by slug with its active services. Region and municipality
 * organisations have no page here (NOT_FOUND), nor do inactive associations.
 */
export async function getOrganizationPage(_actor: Actor, slug: string, locale: string): Promise<OrganizationPageDto> {
  const input = parseInput(slug, locale);
  const db = await getDb();
  const row = await db.organization.findUnique({
    where: { slug: input.slug, kind: 'ASSOCIATION', isActive: true },
    select: {
      slug: true,
      name: true,
      description: true,
      email: true,
      phone: true,
      website: true,
      translations: { where: { locale: input.locale }, select: { name: true, description: true } },
      phones: { where: { serviceId: null, contactId: null, locationId: null }, orderBy: { number: 'asc' }, select: phoneSelect },
      services: {
        where: { status: 'ACTIVE' },
        orderBy: { name: 'asc' },
        select: {
          slug: true,
          name: true,
          summary: true,
          translations: { where: { locale: input.locale }, select: { name: true, summary: true } },
          categories: { where: { isPrimary: true }, take: 1, select: { category: { select: { icon: true } } } },
        },
      },
    },
  });
  if (!row) throw new AppError('NOT_FOUND');
  const l = input.locale;
  const t = row.translations[0];
  const description = localized(t?.description, row.description, l);
  const phones = [
    ...(filled(row.phone) ? [toPhone({ number: row.phone, kind: 'VOICE', description: null })] : []),
    ...row.phones.map(toPhone),
  ].filter((p, i, all) => all.findIndex((q) => q.dial === p.dial) === i);
  return {
    slug: row.slug,
    locale: l,
    name: localized(t?.name, row.name, l),
    description,
    isMainTextFallback: filled(row.description) && description.lang !== l,
    email: filled(row.email) ? row.email.trim() : null,
    phones,
    website: webAddress(row.website),
    services: row.services
      .map((s) => ({
        slug: s.slug,
        name: localized(s.translations[0]?.name, s.name, l),
        summary: localized(s.translations[0]?.summary, s.summary, l),
        icon: s.categories[0]?.category.icon ?? null,
      }))
      // Sorted by the name the resident reads, not the Swedish one.
      .sort((a, b) => a.name.text.localeCompare(b.name.text, l)),
  };
}
