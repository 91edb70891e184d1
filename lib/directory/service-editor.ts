/**
 * The coordinator's service editor (/admin/tjanster): create, edit, confirm, deactivate and
 * list services. Every exported function that takes an actor asks the policy
 * ('service.manage') before it reads or writes and appends an audit row to its transaction.
 *
 * `readServiceInput` and `writeServiceInput` are the one way a service's editable data is read
 * into and written from a `ServiceInput` (service-input.ts). They take a transaction and do
 * not authorize: callers do (this editor, and the approval of an association's proposal).
 * Every write goes through the search projection in the same transaction.
 *
 * Protected locations keep their address in the database only, for the coordinator and the
 * association: they are never given coordinates, and the public page, the open-data API and
 * the search document never read their address (service-page.ts, hsds.ts, search/document.ts).
 */
import { z } from 'zod';
import { requireUser, type Actor } from '@/lib/authz/actor';
import { authorize } from '@/lib/authz/policy';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import type { Prisma } from '@/lib/generated/prisma/client';
import { foldText } from '@/lib/search/document';
import { recordServiceChanges, type Tx } from '@/lib/search/projection';
import {
  clockOf,
  parseServiceInput,
  periodMinutes,
  TRANSLATED_FIELDS,
  TRANSLATION_LOCALES,
  type LocationInput,
  type ServiceInput,
  type ServiceStatusValue,
  type TranslationInput,
} from './service-input';

export const ADMIN_SERVICES_PER_PAGE = 50;
/** The freshness lines of the search ranking (search/freshness.ts): 183 and 365 days. */
const FRESH_DAYS = 183;
const STALE_DAYS = 365;
const DAY_MS = 86_400_000;

export type Freshness = 'fresh' | 'aging' | 'stale';

/** Confirmed within 6 months, within 12, or longer ago or never. */
export function freshnessOf(lastConfirmedAt: Date | null, now = new Date()): Freshness {
  if (!lastConfirmedAt) return 'stale';
  const age = now.getTime() - lastConfirmedAt.getTime();
  return age <= FRESH_DAYS * DAY_MS ? 'fresh' : age <= STALE_DAYS * DAY_MS ? 'aging' : 'stale';
}

const serviceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

function serviceIdOf(value: unknown): string {
  const parsed = serviceIdSchema.safeParse(value);
  if (!parsed.success) throw new AppError('NOT_FOUND', 'notFound');
  return parsed.data;
}

const dateOf = (iso: string): Date | null => (iso ? new Date(`${iso}T00:00:00Z`) : null);
const isoOf = (date: Date | null): string => (date ? date.toISOString().slice(0, 10) : '');
const orNull = (text: string): string | null => (text === '' ? null : text);

// ---------------------------------------------------------------- reading

/** Every editable field of a place, as the service and organisation editors read it. */
export const LOCATION_FIELDS = {
  id: true,
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
} satisfies Prisma.LocationSelect;

const inputSelect = {
  id: true,
  slug: true,
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
  status: true,
  keywords: true,
  updatedAt: true,
  lastConfirmedAt: true,
  lastConfirmedBy: { select: { name: true, email: true } },
  organization: { select: { name: true } },
  categories: { select: { categoryId: true, isPrimary: true } },
  targetGroups: { select: { targetGroupId: true } },
  attributes: { orderBy: { attributeId: 'asc' }, select: { attributeId: true, note: true } },
  languages: { orderBy: { languageCode: 'asc' }, select: { languageCode: true, note: true } },
  areas: { select: { municipalityId: true } },
  atLocations: {
    orderBy: [{ location: { name: 'asc' } }, { locationId: 'asc' }],
    select: {
      id: true,
      description: true,
      location: { select: LOCATION_FIELDS },
    },
  },
  schedules: {
    orderBy: [{ weekday: 'asc' }, { opensMinute: 'asc' }, { closesMinute: 'asc' }, { description: 'asc' }],
    select: { weekday: true, opensMinute: true, closesMinute: true, description: true, validFrom: true, validTo: true, serviceAtLocationId: true },
  },
  scheduleExceptions: {
    orderBy: [{ date: 'asc' }, { opensMinute: 'asc' }],
    select: { date: true, isClosed: true, opensMinute: true, closesMinute: true, reason: true },
  },
  phones: { where: { contactId: null, locationId: null }, orderBy: [{ number: 'asc' }, { id: 'asc' }], select: { number: true, kind: true, description: true } },
  contacts: {
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: {
      name: true,
      title: true,
      department: true,
      email: true,
      phones: { orderBy: [{ number: 'asc' }, { id: 'asc' }], select: { number: true, kind: true, description: true } },
    },
  },
  costOptions: {
    orderBy: [{ option: 'asc' }, { id: 'asc' }],
    select: { option: true, amount: true, currency: true, amountDescription: true, validFrom: true, validTo: true },
  },
  translations: { select: { locale: true, name: true, summary: true, easyReadSummary: true, description: true, applicationProcess: true, eligibilityDescription: true, feesDescription: true } },
} satisfies Prisma.ServiceSelect;

export interface LoadedServiceInput {
  input: ServiceInput;
  /** The service's updatedAt as ISO text: the version an update must name (optimistic lock). */
  version: string;
  slug: string;
  organizationName: string;
  status: ServiceStatusValue;
  lastConfirmedAt: Date | null;
  /** Who confirmed last, by name (or address when they have no name). */
  lastConfirmedBy: string | null;
}

/**
 * A service's editable data as the input its form and proposals use, or NOT_FOUND. Lists come
 * in a stable order (places by name, hours by weekday and time, phones by number...).
 * Callers authorize: this reads protected addresses.
 */
export async function readServiceInput(tx: Tx, serviceId: string): Promise<LoadedServiceInput> {
  const row = await tx.service.findUnique({ where: { id: serviceId }, select: inputSelect });
  if (!row) throw new AppError('NOT_FOUND', 'notFound');
  const placeIndex = new Map(row.atLocations.map((sal, i) => [sal.id, i]));
  const translation = (locale: string): TranslationInput => {
    const t = row.translations.find((x) => x.locale === locale);
    return Object.fromEntries(TRANSLATED_FIELDS.map((field) => [field, t?.[field] ?? ''])) as TranslationInput;
  };
  const primary = row.categories.find((c) => c.isPrimary) ?? row.categories[0];
  const input: ServiceInput = {
    organizationId: row.organizationId,
    name: row.name,
    alternateName: row.alternateName ?? '',
    summary: row.summary,
    description: row.description,
    easyReadSummary: row.easyReadSummary ?? '',
    applicationProcess: row.applicationProcess,
    eligibilityDescription: row.eligibilityDescription ?? '',
    minimumAge: row.minimumAge,
    maximumAge: row.maximumAge,
    isFree: row.isFree,
    feesDescription: row.feesDescription ?? '',
    email: row.email ?? '',
    url: row.url ?? '',
    status: row.status,
    keywords: row.keywords,
    primaryCategoryId: primary?.categoryId ?? '',
    categoryIds: row.categories.map((c) => c.categoryId).sort(),
    targetGroupIds: row.targetGroups.map((g) => g.targetGroupId).sort(),
    attributes: row.attributes.map((a) => ({ attributeId: a.attributeId, note: a.note ?? '' })),
    languages: row.languages.map((l) => ({ code: l.languageCode, note: l.note ?? '' })),
    areaMunicipalityIds: row.areas.map((a) => a.municipalityId).sort(),
    locations: row.atLocations.map(({ description, location: l }) => ({
      id: l.id,
      name: l.name,
      description: l.description ?? '',
      addressLine1: l.addressLine1 ?? '',
      addressLine2: l.addressLine2 ?? '',
      postalCode: l.postalCode ?? '',
      city: l.city ?? '',
      municipalityId: l.municipalityId ?? '',
      latitude: l.isProtected ? null : l.latitude,
      longitude: l.isProtected ? null : l.longitude,
      isProtected: l.isProtected,
      accessibilityDescription: l.accessibilityDescription ?? '',
      transportation: l.transportation ?? '',
      serviceDescription: description ?? '',
    })),
    schedules: row.schedules.map((s) => ({
      weekday: s.weekday,
      opens: clockOf(s.opensMinute),
      closes: clockOf(s.closesMinute),
      description: s.description ?? '',
      validFrom: isoOf(s.validFrom),
      validTo: isoOf(s.validTo),
      locationIndex: s.serviceAtLocationId ? (placeIndex.get(s.serviceAtLocationId) ?? null) : null,
    })),
    exceptions: row.scheduleExceptions.map((e) => ({
      date: isoOf(e.date),
      isClosed: e.isClosed,
      opens: e.isClosed || e.opensMinute === null ? '' : clockOf(e.opensMinute),
      closes: e.isClosed || e.closesMinute === null ? '' : clockOf(e.closesMinute),
      reason: e.reason ?? '',
    })),
    phones: row.phones.map((p) => ({ number: p.number, kind: p.kind, description: p.description ?? '' })),
    contacts: row.contacts.map((c) => ({
      name: c.name ?? '',
      title: c.title ?? '',
      department: c.department ?? '',
      email: c.email ?? '',
      phones: c.phones.map((p) => ({ number: p.number, kind: p.kind, description: p.description ?? '' })),
    })),
    costOptions: row.costOptions.map((c) => ({
      option: c.option,
      amount: c.amount === null ? null : c.amount.toNumber(),
      currency: c.currency,
      amountDescription: c.amountDescription ?? '',
      validFrom: isoOf(c.validFrom),
      validTo: isoOf(c.validTo),
    })),
    translations: { en: translation('en'), ar: translation('ar') },
  };
  return {
    input,
    version: row.updatedAt.toISOString(),
    slug: row.slug,
    organizationName: row.organization.name,
    status: row.status,
    lastConfirmedAt: row.lastConfirmedAt,
    lastConfirmedBy: row.lastConfirmedBy ? (row.lastConfirmedBy.name ?? row.lastConfirmedBy.email) : null,
  };
}

// ---------------------------------------------------------------- writing

/** A URL name from the service's name: Swedish letters folded (å, ä → a, ö → o), unique among services. */
async function uniqueServiceSlug(tx: Tx, name: string): Promise<string> {
  const base = foldText(name).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '') || 'tjanst';
  const taken = new Set((await tx.service.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((s) => s.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Every id the input points at must exist (and places must be the organisation's own): INVALID_INPUT per field otherwise. */
async function checkReferences(tx: Tx, input: ServiceInput): Promise<void> {
  const fieldErrors: Record<string, string[]> = {};
  const add = (path: string, key: string) => void (fieldErrors[path] ??= []).push(key);
  const existing = async (ids: string[], find: (ids: string[]) => Promise<{ id: string }[]>) => {
    const unique = [...new Set(ids.filter(Boolean))];
    if (unique.length === 0) return new Set<string>();
    return new Set((await find(unique)).map((r) => r.id));
  };
  const organization = await tx.organization.findUnique({ where: { id: input.organizationId }, select: { id: true } });
  if (!organization) add('organizationId', 'unknown');

  const categories = await existing(input.categoryIds, (ids) => tx.category.findMany({ where: { id: { in: ids } }, select: { id: true } }));
  if (!categories.has(input.primaryCategoryId)) add('primaryCategoryId', 'unknown');
  if (input.categoryIds.some((id) => id !== input.primaryCategoryId && !categories.has(id))) add('categoryIds', 'unknown');

  const groups = await existing(input.targetGroupIds, (ids) => tx.targetGroup.findMany({ where: { id: { in: ids } }, select: { id: true } }));
  if (input.targetGroupIds.some((id) => !groups.has(id))) add('targetGroupIds', 'unknown');

  const attributes = await existing(
    input.attributes.map((a) => a.attributeId),
    (ids) => tx.attribute.findMany({ where: { id: { in: ids } }, select: { id: true } }),
  );
  input.attributes.forEach((a, i) => {
    if (!attributes.has(a.attributeId)) add(`attributes.${i}.attributeId`, 'unknown');
  });

  const municipalities = await existing(
    [...input.areaMunicipalityIds, ...input.locations.map((l) => l.municipalityId)],
    (ids) => tx.municipality.findMany({ where: { id: { in: ids } }, select: { id: true } }),
  );
  if (input.areaMunicipalityIds.some((id) => !municipalities.has(id))) add('areaMunicipalityIds', 'unknown');

  const places = await existing(
    input.locations.flatMap((l) => (l.id ? [l.id] : [])),
    (ids) => tx.location.findMany({ where: { id: { in: ids }, organizationId: input.organizationId }, select: { id: true } }),
  );
  input.locations.forEach((l, i) => {
    if (l.municipalityId && !municipalities.has(l.municipalityId)) add(`locations.${i}.municipalityId`, 'unknown');
    if (l.id && !places.has(l.id)) add(`locations.${i}.id`, 'notInOrganization');
  });
  if (Object.keys(fieldErrors).length > 0) throw new AppError('INVALID_INPUT', 'invalid', fieldErrors);
}

const locationData = (l: LocationInput) => ({
  name: l.name,
  description: orNull(l.description),
  addressLine1: orNull(l.addressLine1),
  addressLine2: orNull(l.addressLine2),
  postalCode: orNull(l.postalCode),
  city: orNull(l.city),
  municipalityId: orNull(l.municipalityId),
  // Never geocoded or mapped: a protected place has no coordinates (the schema drops them too).
  latitude: l.isProtected ? null : l.latitude,
  longitude: l.isProtected ? null : l.longitude,
  isProtected: l.isProtected,
  accessibilityDescription: orNull(l.accessibilityDescription),
  transportation: orNull(l.transportation),
});

/**
 * The one write path of a service's editable data: parses `rawInput` (INVALID_INPUT with field
 * paths), checks what it points at, then creates the service (no `serviceId`; the slug comes
 * from the name) or replaces the service's fields and every relation the input covers, and
 * records the change for search. Places named by id are the organisation's own and are
 * updated with the input's fields; new places are created for the organisation.
 *
 * Callers authorize and write their own audit row. Run it inside a transaction, so a refusal
 * half-way leaves nothing written.
 */
export async function writeServiceInput(tx: Tx, serviceId: string | null, rawInput: unknown): Promise<{ id: string; slug: string; input: ServiceInput }> {
  const input = parseServiceInput(rawInput);
  await checkReferences(tx, input);

  const fields = {
    organizationId: input.organizationId,
    name: input.name,
    alternateName: orNull(input.alternateName),
    summary: input.summary,
    description: input.description,
    easyReadSummary: orNull(input.easyReadSummary),
    applicationProcess: input.applicationProcess,
    eligibilityDescription: orNull(input.eligibilityDescription),
    minimumAge: input.minimumAge,
    maximumAge: input.maximumAge,
    isFree: input.isFree,
    feesDescription: orNull(input.feesDescription),
    email: orNull(input.email),
    url: orNull(input.url),
    status: input.status,
    keywords: input.keywords,
  };

  let id: string;
  let slug: string;
  if (serviceId) {
    const updated = await tx.service.update({ where: { id: serviceId }, data: fields, select: { id: true, slug: true } });
    ({ id, slug } = updated);
    // Replace, not merge: what the input leaves out is gone.
    await tx.serviceCategory.deleteMany({ where: { serviceId: id } });
    await tx.serviceTargetGroup.deleteMany({ where: { serviceId: id } });
    await tx.serviceAttribute.deleteMany({ where: { serviceId: id } });
    await tx.serviceLanguage.deleteMany({ where: { serviceId: id } });
    await tx.serviceArea.deleteMany({ where: { serviceId: id } });
    await tx.schedule.deleteMany({ where: { serviceId: id } });
    await tx.scheduleException.deleteMany({ where: { serviceId: id } });
    await tx.serviceAtLocation.deleteMany({ where: { serviceId: id } });
    await tx.phone.deleteMany({ where: { serviceId: id, contactId: null, locationId: null } });
    await tx.contact.deleteMany({ where: { serviceId: id } });
    await tx.costOption.deleteMany({ where: { serviceId: id } });
  } else {
    slug = await uniqueServiceSlug(tx, input.name);
    id = (await tx.service.create({ data: { ...fields, slug }, select: { id: true } })).id;
  }

  await tx.serviceCategory.createMany({ data: input.categoryIds.map((categoryId) => ({ serviceId: id, categoryId, isPrimary: categoryId === input.primaryCategoryId })) });
  await tx.serviceTargetGroup.createMany({ data: input.targetGroupIds.map((targetGroupId) => ({ serviceId: id, targetGroupId })) });
  await tx.serviceAttribute.createMany({ data: input.attributes.map((a) => ({ serviceId: id, attributeId: a.attributeId, note: orNull(a.note) })) });
  await tx.serviceLanguage.createMany({ data: input.languages.map((l) => ({ serviceId: id, languageCode: l.code, note: orNull(l.note) })) });
  await tx.serviceArea.createMany({ data: input.areaMunicipalityIds.map((municipalityId) => ({ serviceId: id, municipalityId })) });

  const placeIds: string[] = [];
  for (const l of input.locations) {
    const locationId = l.id
      ? (await tx.location.update({ where: { id: l.id }, data: locationData(l), select: { id: true } })).id
      : (await tx.location.create({ data: { organizationId: input.organizationId, ...locationData(l) }, select: { id: true } })).id;
    const sal = await tx.serviceAtLocation.create({ data: { serviceId: id, locationId, description: orNull(l.serviceDescription) }, select: { id: true } });
    placeIds.push(sal.id);
  }

  await tx.schedule.createMany({
    data: input.schedules.map((s) => ({
      serviceId: id,
      serviceAtLocationId: s.locationIndex === null ? null : placeIds[s.locationIndex],
      weekday: s.weekday,
      ...periodMinutes(s.opens, s.closes),
      validFrom: dateOf(s.validFrom),
      validTo: dateOf(s.validTo),
      description: orNull(s.description),
    })),
  });
  await tx.scheduleException.createMany({
    data: input.exceptions.map((e) => {
      const hours = e.isClosed ? { opensMinute: null, closesMinute: null } : periodMinutes(e.opens, e.closes);
      return { serviceId: id, date: dateOf(e.date) as Date, isClosed: e.isClosed, ...hours, reason: orNull(e.reason) };
    }),
  });
  await tx.phone.createMany({ data: input.phones.map((p) => ({ serviceId: id, number: p.number, kind: p.kind, description: orNull(p.description) })) });
  for (const c of input.contacts) {
    await tx.contact.create({
      data: {
        serviceId: id,
        name: orNull(c.name),
        title: orNull(c.title),
        department: orNull(c.department),
        email: orNull(c.email),
        phones: { create: c.phones.map((p) => ({ number: p.number, kind: p.kind, description: orNull(p.description) })) },
      },
    });
  }
  await tx.costOption.createMany({
    data: input.costOptions.map((c) => ({
      serviceId: id,
      option: c.option,
      amount: c.amount,
      currency: c.currency,
      amountDescription: orNull(c.amountDescription),
      validFrom: dateOf(c.validFrom),
      validTo: dateOf(c.validTo),
    })),
  });
  for (const locale of TRANSLATION_LOCALES) {
    const t = input.translations[locale];
    const data = Object.fromEntries(TRANSLATED_FIELDS.map((field) => [field, orNull(t[field])]));
    // No text in a language: no row, and the page falls back to Swedish.
    if (Object.values(data).every((v) => v === null)) await tx.serviceTranslation.deleteMany({ where: { serviceId: id, locale } });
    else await tx.serviceTranslation.upsert({ where: { serviceId_locale: { serviceId: id, locale } }, create: { serviceId: id, locale, ...data }, update: data });
  }

  await recordServiceChanges(tx, [id]);
  return { id, slug, input };
}

/** Which top-level fields differ, for the audit row (values stay out of the log). */
function changedFields(before: ServiceInput, after: ServiceInput): string[] {
  return (Object.keys(after) as (keyof ServiceInput)[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

// ---------------------------------------------------------------- the coordinator's functions

/** A service's form data for the editor. */
export async function loadServiceInput(actor: Actor, serviceId: unknown): Promise<LoadedServiceInput> {
  authorize(actor, 'service.manage', null);
  const id = serviceIdOf(serviceId);
  return readServiceInput(await getDb(), id);
}

/** Creates a service from the editor's input; INVALID_INPUT with field paths, nothing written. */
export async function createService(actor: Actor, input: unknown): Promise<{ id: string; slug: string }> {
  authorize(actor, 'service.manage', null);
  const user = requireUser(actor);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const written = await writeServiceInput(tx, null, input);
    await tx.auditLog.create({
      data: {
        actorId: user.userId,
        action: 'service.create',
        entityType: 'Service',
        entityId: written.id,
        organizationId: written.input.organizationId,
        data: { name: written.input.name },
      },
    });
    return { id: written.id, slug: written.slug };
  });
}

/**
 * Replaces a service's data with the input. `expectedVersion` is the version the form was
 * loaded with: when someone changed the service since, CONFLICT ('stale') and nothing written.
 */
export async function updateService(actor: Actor, serviceId: unknown, input: unknown, expectedVersion: unknown): Promise<{ id: string; slug: string; version: string }> {
  authorize(actor, 'service.manage', null);
  const user = requireUser(actor);
  const id = serviceIdOf(serviceId);
  const version = typeof expectedVersion === 'string' ? new Date(expectedVersion) : new Date(Number.NaN);
  if (Number.isNaN(version.getTime())) throw new AppError('INVALID_INPUT', 'invalid', { form: ['stale'] });
  const db = await getDb();
  return db.$transaction(async (tx) => {
    // Compare-and-set on updatedAt: the row stays locked to this transaction from here on.
    const claimed = await tx.service.updateMany({ where: { id, updatedAt: version }, data: { updatedAt: new Date() } });
    if (claimed.count === 0) {
      const exists = await tx.service.count({ where: { id } });
      throw exists ? new AppError('CONFLICT', 'stale') : new AppError('NOT_FOUND', 'notFound');
    }
    const before = await readServiceInput(tx, id);
    const written = await writeServiceInput(tx, id, input);
    const after = await tx.service.findUniqueOrThrow({ where: { id }, select: { updatedAt: true } });
    await tx.auditLog.create({
      data: {
        actorId: user.userId,
        action: 'service.update',
        entityType: 'Service',
        entityId: id,
        organizationId: written.input.organizationId,
        data: { fields: changedFields(before.input, written.input) },
      },
    });
    return { id, slug: written.slug, version: after.updatedAt.toISOString() };
  });
}

/** "The details are right": stamps the confirmation and uses up the reminder links sent for it. */
export async function confirmService(actor: Actor, serviceId: unknown, now = new Date()): Promise<{ lastConfirmedAt: Date }> {
  authorize(actor, 'service.manage', null);
  const user = requireUser(actor);
  const id = serviceIdOf(serviceId);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const service = await tx.service.findUnique({ where: { id }, select: { organizationId: true } });
    if (!service) throw new AppError('NOT_FOUND', 'notFound');
    await tx.service.update({ where: { id }, data: { lastConfirmedAt: now, lastConfirmedById: user.userId } });
    const used = await tx.serviceConfirmationToken.updateMany({ where: { serviceId: id, usedAt: null }, data: { usedAt: now } });
    // Freshness is part of the ranking: the search document changes with it.
    await recordServiceChanges(tx, [id]);
    await tx.auditLog.create({
      data: { actorId: user.userId, action: 'service.confirm', entityType: 'Service', entityId: id, organizationId: service.organizationId, data: { tokensUsed: used.count } },
    });
    return { lastConfirmedAt: now };
  });
}

const statusSchema = z.enum(['ACTIVE', 'INACTIVE', 'DEFUNCT']);

/** Deactivates (INACTIVE: out of search and off the public pages) or reactivates a service. */
export async function setServiceStatus(actor: Actor, serviceId: unknown, status: unknown): Promise<{ status: ServiceStatusValue }> {
  authorize(actor, 'service.manage', null);
  const user = requireUser(actor);
  const id = serviceIdOf(serviceId);
  const parsed = statusSchema.safeParse(status);
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'invalid', { status: ['invalid'] });
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const service = await tx.service.findUnique({ where: { id }, select: { organizationId: true, status: true } });
    if (!service) throw new AppError('NOT_FOUND', 'notFound');
    if (service.status === parsed.data) return { status: parsed.data };
    await tx.service.update({ where: { id }, data: { status: parsed.data } });
    await recordServiceChanges(tx, [id]);
    await tx.auditLog.create({
      data: {
        actorId: user.userId,
        action: 'service.setStatus',
        entityType: 'Service',
        entityId: id,
        organizationId: service.organizationId,
        data: { before: service.status, after: parsed.data },
      },
    });
    return { status: parsed.data };
  });
}

// ---------------------------------------------------------------- the list

const optionalId = z.union([z.literal(''), serviceIdSchema]).catch('');

/** The list's query string: forgiving, since people edit URLs by hand. */
export const adminServiceListSchema = z.object({
  q: z
    .string()
    .transform((v) => v.replace(/\s+/g, ' ').trim().slice(0, 100))
    .catch(''),
  organizationId: optionalId,
  status: z.union([z.literal(''), statusSchema]).catch(''),
  freshness: z.enum(['', 'fresh', 'aging', 'stale']).catch(''),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type AdminServiceListFilter = z.output<typeof adminServiceListSchema>;

export interface AdminServiceItem {
  id: string;
  slug: string;
  name: string;
  organizationId: string;
  organizationName: string;
  status: ServiceStatusValue;
  lastConfirmedAt: Date | null;
  freshness: Freshness;
}

export interface AdminServicePage {
  items: AdminServiceItem[];
  total: number;
  page: number;
  pageCount: number;
  filter: AdminServiceListFilter;
}

/** Every service, 50 a page, narrowed by name, organisation, status and freshness; unconfirmed longest first within a name. */
export async function listAdminServices(actor: Actor, rawFilter: unknown, now = new Date()): Promise<AdminServicePage> {
  authorize(actor, 'service.manage', null);
  const filter = adminServiceListSchema.parse(rawFilter ?? {});
  const freshSince = new Date(now.getTime() - FRESH_DAYS * DAY_MS);
  const staleBefore = new Date(now.getTime() - STALE_DAYS * DAY_MS);
  const freshness: Record<Freshness, Prisma.ServiceWhereInput> = {
    fresh: { lastConfirmedAt: { gte: freshSince } },
    aging: { lastConfirmedAt: { lt: freshSince, gte: staleBefore } },
    stale: { OR: [{ lastConfirmedAt: null }, { lastConfirmedAt: { lt: staleBefore } }] },
  };
  const where: Prisma.ServiceWhereInput = {
    ...(filter.q ? { OR: [{ name: { contains: filter.q, mode: 'insensitive' } }, { slug: { contains: foldText(filter.q).replace(/\s+/g, '-') } }] } : {}),
    ...(filter.organizationId ? { organizationId: filter.organizationId } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.freshness ? { AND: [freshness[filter.freshness]] } : {}),
  };
  const db = await getDb();
  const total = await db.service.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / ADMIN_SERVICES_PER_PAGE));
  const page = Math.min(filter.page, pageCount);
  const rows = await db.service.findMany({
    where,
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    skip: (page - 1) * ADMIN_SERVICES_PER_PAGE,
    take: ADMIN_SERVICES_PER_PAGE,
    select: { id: true, slug: true, name: true, status: true, lastConfirmedAt: true, organization: { select: { id: true, name: true } } },
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      name: r.name,
      organizationId: r.organization.id,
      organizationName: r.organization.name,
      status: r.status,
      lastConfirmedAt: r.lastConfirmedAt,
      freshness: freshnessOf(r.lastConfirmedAt, now),
    })),
    total,
    page,
    pageCount,
    filter: { ...filter, page },
  };
}

// ---------------------------------------------------------------- the form's choices

export interface ServiceFormOptions {
  organizations: { id: string; name: string }[];
  categories: { id: string; name: string; isActive: boolean }[];
  targetGroups: { id: string; name: string }[];
  attributes: { id: string; name: string; description: string }[];
  municipalities: { id: string; name: string }[];
  /** The organisation's places, for adding an existing one to the service. */
  organizationLocations: LocationInput[];
}

/**
 * What the form offers to choose from: Swedish names (the editor works in Swedish), with the
 * places of one organisation. Callers authorize: this reads protected addresses.
 */
export async function readServiceFormOptions(tx: Tx, organizationId: string | null): Promise<ServiceFormOptions> {
  const [organizations, categories, targetGroups, attributes, municipalities, locations] = await Promise.all([
    tx.organization.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    tx.category.findMany({ orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }], select: { id: true, name: true, isActive: true } }),
    tx.targetGroup.findMany({ orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }], select: { id: true, name: true } }),
    tx.attribute.findMany({ orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }], select: { id: true, name: true, description: true } }),
    tx.municipality.findMany({ where: { isActive: true }, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    organizationId
      ? tx.location.findMany({
          where: { organizationId },
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
          select: LOCATION_FIELDS,
        })
      : Promise.resolve([]),
  ]);
  return {
    organizations,
    categories,
    targetGroups,
    attributes,
    municipalities,
    organizationLocations: locations.map((l) => ({
      id: l.id,
      name: l.name,
      description: l.description ?? '',
      addressLine1: l.addressLine1 ?? '',
      addressLine2: l.addressLine2 ?? '',
      postalCode: l.postalCode ?? '',
      city: l.city ?? '',
      municipalityId: l.municipalityId ?? '',
      latitude: l.isProtected ? null : l.latitude,
      longitude: l.isProtected ? null : l.longitude,
      isProtected: l.isProtected,
      accessibilityDescription: l.accessibilityDescription ?? '',
      transportation: l.transportation ?? '',
      serviceDescription: '',
    })),
  };
}

/** The form's choices for the coordinator. */
export async function getServiceFormOptions(actor: Actor, organizationId: unknown): Promise<ServiceFormOptions> {
  authorize(actor, 'service.manage', null);
  const parsed = serviceIdSchema.safeParse(organizationId);
  return readServiceFormOptions(await getDb(), parsed.success ? parsed.data : null);
}
