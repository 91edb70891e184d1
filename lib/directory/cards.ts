/**
 * What the resident-facing search shows about services: result cards (in the order the
 * search engine ranked them) and the display names of every facet value, in the UI language.
 *
 * Cards take their category, municipality, attribute and language lists from the search
 * projection (ServiceSearchDocument), so a card found under "Degerfors" names Degerfors by the
 * very values the facets counted. Addresses come only from locations that are not protected:
 * the query never reads the address of a protected location at all.
 */
import type { Actor } from '@/lib/authz/actor';
import { getDb } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { routing } from '@/i18n/routing';
import type { FacetName } from '@/lib/search/query';
import { isOpenAt, previousIsoDate, weekPosition, type WeeklyPeriod } from './opening-hours';

export interface ServiceCardPhone {
  /** A voice number as the service writes it, e.g. "0586-310 40". */
  display: string;
  /** What a phone dials (digits, maybe a leading +). */
  dial: string;
  label: string | null;
}

export interface ServiceCard {
  id: string;
  slug: string;
  name: string;
  organizationName: string;
  summary: string;
  /** How to get help (drop in, call, book), in the UI language where translated. */
  howToGetHelp: string;
  /** True when the UI language is not Swedish and the name or summary is shown in Swedish. */
  isFallback: boolean;
  /** Which of the two are the Swedish original (for `lang="sv"` on them). */
  untranslated: { name: boolean; summary: boolean };
  /** Category slugs, primary first. */
  categories: string[];
  /** Municipality slugs the service covers. */
  municipalities: string[];
  /** Attribute keys; `free` also when the service is marked free of charge. */
  attributes: string[];
  /** ISO 639 codes of the languages the service is offered in. */
  languages: string[];
  isOpenNow: boolean;
  /** The weekly periods (seasonal ones with their dates), for lib/directory/opening-hours-display.ts. */
  weeklyHours: WeeklyPeriod[];
  phones: ServiceCardPhone[];
  email: string | null;
  website: string | null;
  /** One line, from a location that is not protected; null when there is none. */
  address: string | null;
}

const MAX_PHONES = 5;

const cardSelect = (locale: string, dates: Date[]) =>
  ({
    id: true,
    slug: true,
    name: true,
    summary: true,
    applicationProcess: true,
    email: true,
    url: true,
    translations: { where: { locale }, select: { name: true, summary: true, applicationProcess: true } },
    organization: { select: { name: true, translations: { where: { locale }, select: { name: true } } } },
    searchDocument: { select: { categories: true, municipalities: true, attributes: true, languages: true } },
    phones: { where: { kind: 'VOICE' }, orderBy: { id: 'asc' }, take: MAX_PHONES, select: { number: true, description: true } },
    // Only locations that are not protected: a protected address must not even be read here.
    atLocations: {
      where: { location: { isProtected: false, addressLine1: { not: null } } },
      orderBy: { id: 'asc' },
      take: 1,
      select: { location: { select: { addressLine1: true, postalCode: true, city: true } } },
    },
    schedules: { select: { weekday: true, opensMinute: true, closesMinute: true, validFrom: true, validTo: true } },
    scheduleExceptions: {
      where: { date: { in: dates } },
      select: { date: true, isClosed: true, opensMinute: true, closesMinute: true },
    },
  }) satisfies Prisma.ServiceSelect;

type CardRow = Prisma.ServiceGetPayload<{ select: ReturnType<typeof cardSelect> }>;

const isoOf = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
const dateOf = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * Cards of the given services in the order of `ids` (the engine's ranking). Ids that are
 * unknown or no longer active are left out. One query, whatever the number of ids.
 */
export async function listServiceCards(_actor: Actor, ids: readonly string[], locale: string, now: Date = new Date()): Promise<ServiceCard[]> {
  if (ids.length === 0) return [];
  const db = await getDb();
  const today = weekPosition(now).date;
  // An exception yesterday can govern a night that runs past midnight into today.
  const dates = [dateOf(previousIsoDate(today)), dateOf(today)];
  const rows = await db.service.findMany({
    where: { id: { in: [...new Set(ids)] }, status: 'ACTIVE' },
    select: cardSelect(locale, dates),
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toCard(row, locale, now)] : [];
  });
}

function toCard(row: CardRow, locale: string, now: Date): ServiceCard {
  const translation = row.translations[0];
  const isBaseLocale = locale === routing.defaultLocale;
  const periods: WeeklyPeriod[] = row.schedules.map((s) => ({ ...s, validFrom: isoOf(s.validFrom), validTo: isoOf(s.validTo) }));
  const exceptions = row.scheduleExceptions.map((e) => ({ ...e, date: isoOf(e.date) as string }));
  const location = row.atLocations[0]?.location;
  const attributes = row.searchDocument?.attributes ?? [];
  return {
    id: row.id,
    slug: row.slug,
    name: translation?.name || row.name,
    organizationName: row.organization.translations[0]?.name || row.organization.name,
    summary: translation?.summary || row.summary,
    howToGetHelp: translation?.applicationProcess || row.applicationProcess,
    isFallback: !isBaseLocale && !(translation?.name && translation.summary),
    untranslated: { name: !isBaseLocale && !translation?.name, summary: !isBaseLocale && !translation?.summary },
    categories: row.searchDocument?.categories ?? [],
    municipalities: row.searchDocument?.municipalities ?? [],
    attributes,
    languages: row.searchDocument?.languages ?? [],
    isOpenNow: isOpenAt(periods, exceptions, now),
    weeklyHours: periods,
    phones: row.phones.map((p) => ({ display: p.number, dial: dialString(p.number), label: p.description })),
    email: row.email,
    website: row.url,
    address: location ? [location.addressLine1, [location.postalCode, location.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') : null,
  };
}

/** "0586-310 40" -> "058631040"; "+46 586 310 40" keeps its plus. */
function dialString(number: string): string {
  const digits = number.replace(/[^\d+]/g, '');
  return digits.startsWith('+') ? `+${digits.slice(1).replace(/\+/g, '')}` : digits.replace(/\+/g, '');
}

// ───────────────────────────── Facet labels ─────────────────────────────

export interface FacetOption {
  value: string;
  label: string;
  /** Categories and attributes: the key of a bundled icon (components/icons). */
  icon?: string;
  /** Categories: a sentence on what the category covers. */
  description?: string;
}

/** Every value a facet can take, named in the UI language, in display order. */
export type FacetLabels = Record<FacetName, FacetOption[]>;

/**
 * Display names of facet values. Categories and attributes follow the coordinator's order,
 * municipalities the alphabet; languages are named by the browser-independent Intl data in
 * the UI language, Swedish first. Inactive categories and non-filter attributes are left out.
 */
export async function listFacetLabels(_actor: Actor, locale: string): Promise<FacetLabels> {
  const db = await getDb();
  const [categories, municipalities, targetGroups, attributes, languages] = await Promise.all([
    db.category.findMany({
      where: { isActive: true },
      orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
      select: { slug: true, name: true, description: true, icon: true, translations: { where: { locale }, select: { name: true, description: true } } },
    }),
    db.municipality.findMany({ where: { isActive: true }, orderBy: { name: 'asc' }, select: { slug: true, name: true } }),
    db.targetGroup.findMany({
      orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
      select: { slug: true, name: true, translations: { where: { locale }, select: { name: true } } },
    }),
    db.attribute.findMany({
      where: { isFilter: true },
      orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
      select: { key: true, name: true, icon: true, translations: { where: { locale }, select: { name: true } } },
    }),
    // groupBy runs in SQL; findMany's `distinct` would fetch every row and dedupe in memory.
    db.serviceLanguage.groupBy({ by: ['languageCode'], where: { service: { status: 'ACTIVE' } } }),
  ]);
  return {
    categories: categories.map((c) => ({
      value: c.slug,
      label: c.translations[0]?.name || c.name,
      icon: c.icon,
      description: c.translations[0]?.description || c.description,
    })),
    municipalities: municipalities.map((m) => ({ value: m.slug, label: m.name })),
    targetGroups: targetGroups.map((g) => ({ value: g.slug, label: g.translations[0]?.name || g.name })),
    attributes: attributes.map((a) => ({ value: a.key, label: a.translations[0]?.name || a.name, ...(a.icon ? { icon: a.icon } : {}) })),
    languages: languageOptions(
      languages.map((l) => l.languageCode),
      locale,
    ),
  };
}

function languageOptions(codes: string[], locale: string): FacetOption[] {
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
  } catch {
    names = undefined;
  }
  const collator = new Intl.Collator(locale);
  const options = codes.map((code) => {
    const name = names?.of(code) ?? code;
    return { value: code, label: name.charAt(0).toLocaleUpperCase(locale) + name.slice(1) };
  });
  // Swedish first: it is the language nearly every service is given in.
  return options.sort((a, b) => Number(b.value === 'sv') - Number(a.value === 'sv') || collator.compare(a.label, b.label));
}
