/**
 * The search document of a service: the one mapper from the database to what both search
 * engines see (Meilisearch documents and the PostgreSQL projection). It carries no address
 * of any location, so a protected address cannot reach an index by construction.
 */
import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { openSlotsOf } from '@/lib/directory/opening-hours';

/** Languages with translated fields in the index (Swedish is the base text). */
export const TRANSLATED_LOCALES = ['en', 'ar'] as const;
export type TranslatedLocale = (typeof TRANSLATED_LOCALES)[number];

export interface SearchDocument {
  id: string;
  slug: string;
  name: string;
  alternateName: string | null;
  summary: string;
  description: string;
  easyReadSummary: string | null;
  keywords: string[];
  organizationName: string;
  organizationSlug: string;
  /** The name as a key that sorts in Swedish alphabetical order byte by byte (å, ä, ö after z). */
  sortName: string;
  /** Category slugs, primary first. */
  categories: string[];
  /** Category names in every language, for matching words like "skulder". */
  categoryNames: string[];
  targetGroups: string[];
  targetGroupNames: string[];
  /** Attribute keys; `free` also when the service is marked free of charge. */
  attributes: string[];
  /** ISO 639-1 codes of the languages the service is offered in. */
  languages: string[];
  /** Slugs of the municipalities the service covers (service area, else where it sits). */
  municipalities: string[];
  municipalityNames: string[];
  isFree: boolean;
  /** Quarter hours of the week the service is regularly open (lib/directory/opening-hours.ts). */
  openSlots: number[];
  /** 2 confirmed within 6 months, 1 within 12 months, 0 older or never. */
  freshness: number;
  /** Seconds since the epoch, or null when never confirmed. */
  lastConfirmedAt: number | null;
  name_en: string | null;
  summary_en: string | null;
  description_en: string | null;
  name_ar: string | null;
  summary_ar: string | null;
  description_ar: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function freshnessOf(lastConfirmedAt: Date | null, now: Date): number {
  if (!lastConfirmedAt) return 0;
  const days = (now.getTime() - lastConfirmedAt.getTime()) / DAY_MS;
  return days <= 183 ? 2 : days <= 365 ? 1 : 0;
}

export const searchDocumentSelect = {
  id: true,
  slug: true,
  name: true,
  alternateName: true,
  summary: true,
  description: true,
  easyReadSummary: true,
  keywords: true,
  isFree: true,
  lastConfirmedAt: true,
  organization: { select: { name: true, slug: true } },
  translations: { select: { locale: true, name: true, summary: true, description: true } },
  categories: {
    orderBy: [{ isPrimary: 'desc' }, { category: { sortOrder: 'asc' } }],
    select: { category: { select: { slug: true, name: true, translations: { select: { name: true } } } } },
  },
  targetGroups: { select: { targetGroup: { select: { slug: true, name: true, translations: { select: { name: true } } } } } },
  attributes: { select: { attribute: { select: { key: true } } } },
  languages: { select: { languageCode: true } },
  areas: { select: { municipality: { select: { slug: true, name: true } } } },
  atLocations: { select: { location: { select: { municipality: { select: { slug: true, name: true } } } } } },
  schedules: { select: { weekday: true, opensMinute: true, closesMinute: true, validFrom: true, validTo: true } },
} satisfies Prisma.ServiceSelect;

export type SearchDocumentRow = Prisma.ServiceGetPayload<{ select: typeof searchDocumentSelect }>;

const unique = <T>(values: T[]) => [...new Set(values)];
const present = (values: (string | null | undefined)[]) => values.filter((v): v is string => Boolean(v));

export function toSearchDocument(row: SearchDocumentRow, now: Date): SearchDocument {
  const translation = (locale: TranslatedLocale) => row.translations.find((t) => t.locale === locale);
  const areas = row.areas.map((a) => a.municipality);
  // Without a service area, the service covers where it sits.
  const covered = areas.length > 0 ? areas : row.atLocations.flatMap((l) => (l.location.municipality ? [l.location.municipality] : []));
  const attributes = row.attributes.map((a) => a.attribute.key);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    alternateName: row.alternateName,
    summary: row.summary,
    description: row.description,
    easyReadSummary: row.easyReadSummary,
    keywords: row.keywords,
    organizationName: row.organization.name,
    organizationSlug: row.organization.slug,
    sortName: swedishSortKey(row.name),
    categories: row.categories.map((c) => c.category.slug),
    categoryNames: unique(row.categories.flatMap((c) => present([c.category.name, ...c.category.translations.map((t) => t.name)]))),
    targetGroups: row.targetGroups.map((t) => t.targetGroup.slug),
    targetGroupNames: unique(row.targetGroups.flatMap((t) => present([t.targetGroup.name, ...t.targetGroup.translations.map((x) => x.name)]))),
    attributes: unique(row.isFree ? [...attributes, 'free'] : attributes).sort(),
    languages: unique(row.languages.map((l) => l.languageCode)).sort(),
    municipalities: unique(covered.map((m) => m.slug)).sort(),
    municipalityNames: unique(covered.map((m) => m.name)).sort(),
    isFree: row.isFree,
    openSlots: openSlotsOf(
      row.schedules.map((s) => ({ ...s, validFrom: s.validFrom?.toISOString().slice(0, 10), validTo: s.validTo?.toISOString().slice(0, 10) })),
    ),
    freshness: freshnessOf(row.lastConfirmedAt, now),
    lastConfirmedAt: row.lastConfirmedAt ? Math.floor(row.lastConfirmedAt.getTime() / 1000) : null,
    name_en: translation('en')?.name ?? null,
    summary_en: translation('en')?.summary ?? null,
    description_en: translation('en')?.description ?? null,
    name_ar: translation('ar')?.name ?? null,
    summary_ar: translation('ar')?.summary ?? null,
    description_ar: translation('ar')?.description ?? null,
  };
}

/** Only active services are searchable. */
export const SEARCHABLE: Prisma.ServiceWhereInput = { status: 'ACTIVE' };

/** Documents of the given services that are searchable; ids missing from the answer are not. */
export async function loadSearchDocuments(db: Pick<Db, 'service'>, serviceIds: string[], now = new Date()): Promise<SearchDocument[]> {
  const rows = await db.service.findMany({ where: { ...SEARCHABLE, id: { in: serviceIds } }, select: searchDocumentSelect });
  return rows.map((row) => toSearchDocument(row, now));
}

/** Every searchable document, in pages of `batchSize`, ordered by id (for a full reindex). */
export async function* allSearchDocuments(db: Db, batchSize = 1000, now = new Date()): AsyncGenerator<SearchDocument[]> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.service.findMany({
      where: SEARCHABLE,
      select: searchDocumentSelect,
      orderBy: { id: 'asc' },
      take: batchSize,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
    });
    if (rows.length === 0) return;
    yield rows.map((row) => toSearchDocument(row, now));
    cursor = rows[rows.length - 1]?.id;
    if (rows.length < batchSize) return;
  }
}

/**
 * Swedish order as plain byte order: å, ä, ö (and æ, ø) become the three characters after z,
 * other letters lose their accents (é sorts as e). The PostgreSQL fallback orders the same
 * way where it has no Swedish collation.
 */
export function swedishSortKey(name: string): string {
  return foldText(name.toLowerCase().replace(/[åäöæø]/g, (c) => ({ å: '{', ä: '|', ö: '}', æ: '|', ø: '}' })[c] ?? c));
}

/** Lower case without diacritics, as PostgreSQL's unaccent(lower(...)) gives: "Våld" -> "vald". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The text trigram (typo) matching runs on: short, identifying fields only. */
export function trigramTextOf(doc: SearchDocument): string {
  return foldText(
    present([
      doc.name,
      doc.alternateName,
      ...doc.keywords,
      ...doc.categoryNames,
      ...doc.targetGroupNames,
      doc.organizationName,
      ...doc.municipalityNames,
      doc.name_en,
      doc.summary,
    ]).join(' '),
  );
}
