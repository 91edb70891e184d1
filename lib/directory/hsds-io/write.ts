/**
 * Writes a validated model to the database in batches, each batch one transaction. Every
 * record is compared with what the database holds first: an equal record is not written at
 * all, so importing the same file twice changes nothing (not even updatedAt). Services that
 * change, and services whose organisation, place or taxonomy terms change, go through
 * recordServiceChanges in the same transaction (search projection and outbox).
 */
import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { recordServiceChanges, type Tx } from '@/lib/search/projection';
import {
  canonical,
  ENTITY_KINDS,
  loadDirectoryModel,
  type AttributeM,
  type CategoryM,
  type ContactM,
  type DirectoryModel,
  type EntityKind,
  type LocationM,
  type MunicipalityM,
  type OrganizationM,
  type PhoneM,
  type ServiceM,
  type TargetGroupM,
} from './model';

export const SERVICE_BATCH = 200;
const OTHER_BATCH = 500;

export interface KindSummary {
  created: number;
  updated: number;
  unchanged: number;
}
export type ImportSummary = Record<EntityKind, KindSummary>;

export const emptySummary = (): ImportSummary =>
  Object.fromEntries(ENTITY_KINDS.map((k) => [k, { created: 0, updated: 0, unchanged: 0 }])) as ImportSummary;

export const recordCount = (model: DirectoryModel) => ENTITY_KINDS.reduce((sum, kind) => sum + model[kind].length, 0);

const date = (day: string | null) => (day ? new Date(`${day}T00:00:00Z`) : null);
const instant = (iso: string | null) => (iso ? new Date(iso) : null);

/** The model minus what is carried but not compared. */
function comparable(kind: EntityKind, record: object): string {
  if (kind === 'services') {
    const { updatedAt: _ignored, ...rest } = record as ServiceM;
    return canonical(rest);
  }
  return canonical(record);
}

type Writer<T> = (tx: Tx, record: T, isNew: boolean) => Promise<void>;

const translationRows = (translations: { locale: string; fields: Record<string, string | null> }[]) =>
  translations.map((t) => ({ locale: t.locale, ...t.fields }));

const writers: { [K in EntityKind]: Writer<DirectoryModel[K][number]> } = {
  async municipalities(tx, m: MunicipalityM) {
    const data = { code: m.code, name: m.name, slug: m.slug, regionName: m.regionName, isActive: m.isActive };
    await tx.municipality.upsert({ where: { id: m.id }, create: { id: m.id, ...data }, update: data });
  },
  async categories(tx, c: CategoryM) {
    const data = { slug: c.slug, name: c.name, description: c.description, icon: c.icon, parentId: c.parentId, sortOrder: c.sortOrder, isActive: c.isActive };
    await tx.category.upsert({ where: { id: c.id }, create: { id: c.id, ...data }, update: data });
    await tx.categoryTranslation.deleteMany({ where: { categoryId: c.id } });
    await tx.categoryTranslation.createMany({ data: translationRows(c.translations).map((t) => ({ categoryId: c.id, ...t })) });
  },
  async targetGroups(tx, g: TargetGroupM) {
    const data = { slug: g.slug, name: g.name, sortOrder: g.sortOrder };
    await tx.targetGroup.upsert({ where: { id: g.id }, create: { id: g.id, ...data }, update: data });
    await tx.targetGroupTranslation.deleteMany({ where: { targetGroupId: g.id } });
    await tx.targetGroupTranslation.createMany({
      data: g.translations.map((t) => ({ targetGroupId: g.id, locale: t.locale, name: t.fields.name ?? '' })),
    });
  },
  async attributes(tx, a: AttributeM) {
    const data = { key: a.key, name: a.name, description: a.description, icon: a.icon, isFilter: a.isFilter, sortOrder: a.sortOrder };
    await tx.attribute.upsert({ where: { id: a.id }, create: { id: a.id, ...data }, update: data });
    await tx.attributeTranslation.deleteMany({ where: { attributeId: a.id } });
    await tx.attributeTranslation.createMany({
      data: a.translations.map((t) => ({ attributeId: a.id, locale: t.locale, name: t.fields.name ?? '', description: t.fields.description })),
    });
  },
  async organizations(tx, o: OrganizationM) {
    const data = {
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
    };
    await tx.organization.upsert({ where: { id: o.id }, create: { id: o.id, ...data }, update: data });
    await tx.organizationTranslation.deleteMany({ where: { organizationId: o.id } });
    await tx.organizationTranslation.createMany({ data: translationRows(o.translations).map((t) => ({ organizationId: o.id, ...t })) });
  },
  async locations(tx, l: LocationM) {
    const { id, ...data } = l;
    await tx.location.upsert({ where: { id }, create: l, update: data });
  },
  async services(tx, s: ServiceM, isNew) {
    const data = {
      organizationId: s.organizationId,
      slug: s.slug,
      name: s.name,
      alternateName: s.alternateName,
      summary: s.summary,
      description: s.description,
      easyReadSummary: s.easyReadSummary,
      applicationProcess: s.applicationProcess,
      eligibilityDescription: s.eligibilityDescription,
      minimumAge: s.minimumAge,
      maximumAge: s.maximumAge,
      isFree: s.isFree,
      feesDescription: s.feesDescription,
      email: s.email,
      url: s.url,
      status: s.status,
      keywords: s.keywords,
      timezone: s.timezone,
      lastConfirmedAt: instant(s.lastConfirmedAt),
      // The file's last_modified is the record's own time; without one, now.
      ...(s.updatedAt ? { updatedAt: new Date(s.updatedAt) } : {}),
    } satisfies Prisma.ServiceUncheckedUpdateInput;
    if (isNew) {
      await tx.service.create({ data: { id: s.id, ...data } });
    } else {
      await tx.service.update({ where: { id: s.id }, data });
      // Children are replaced whole: the file says what the service has.
      await tx.schedule.deleteMany({ where: { serviceId: s.id } });
      await tx.serviceAtLocation.deleteMany({ where: { serviceId: s.id } });
      await tx.scheduleException.deleteMany({ where: { serviceId: s.id } });
      await tx.costOption.deleteMany({ where: { serviceId: s.id } });
      await tx.serviceTranslation.deleteMany({ where: { serviceId: s.id } });
      await tx.serviceCategory.deleteMany({ where: { serviceId: s.id } });
      await tx.serviceTargetGroup.deleteMany({ where: { serviceId: s.id } });
      await tx.serviceAttribute.deleteMany({ where: { serviceId: s.id } });
      await tx.serviceLanguage.deleteMany({ where: { serviceId: s.id } });
      await tx.serviceArea.deleteMany({ where: { serviceId: s.id } });
    }
    const serviceId = s.id;
    await tx.serviceTranslation.createMany({ data: translationRows(s.translations).map((t) => ({ serviceId, ...t })) });
    await tx.serviceCategory.createMany({ data: s.categories.map((c) => ({ serviceId, ...c })) });
    await tx.serviceTargetGroup.createMany({ data: s.targetGroupIds.map((targetGroupId) => ({ serviceId, targetGroupId })) });
    await tx.serviceAttribute.createMany({ data: s.attributes.map((a) => ({ serviceId, ...a })) });
    await tx.serviceLanguage.createMany({ data: s.languages.map((l) => ({ serviceId, ...l })) });
    await tx.serviceArea.createMany({ data: s.municipalityIds.map((municipalityId) => ({ serviceId, municipalityId })) });
    await tx.serviceAtLocation.createMany({ data: s.atLocations.map((a) => ({ serviceId, ...a })) });
    await tx.schedule.createMany({ data: s.schedules.map((p) => ({ serviceId, ...p, validFrom: date(p.validFrom), validTo: date(p.validTo) })) });
    await tx.scheduleException.createMany({ data: s.exceptions.map((e) => ({ serviceId, ...e, date: new Date(`${e.date}T00:00:00Z`) })) });
    await tx.costOption.createMany({ data: s.costOptions.map((c) => ({ serviceId, ...c, validFrom: date(c.validFrom), validTo: date(c.validTo) })) });
  },
  async contacts(tx, c: ContactM) {
    const { id, ...data } = c;
    await tx.contact.upsert({ where: { id }, create: c, update: data });
  },
  async phones(tx, p: PhoneM) {
    const { id, ...data } = p;
    await tx.phone.upsert({ where: { id }, create: p, update: data });
  },
};

/** Services whose search document shows this record (its name, place or term). */
async function servicesShowing(tx: Tx, kind: EntityKind, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const select = { id: true } as const;
  const where: Record<string, Prisma.ServiceWhereInput | undefined> = {
    municipalities: { OR: [{ areas: { some: { municipalityId: { in: ids } } } }, { atLocations: { some: { location: { municipalityId: { in: ids } } } } }] },
    categories: { categories: { some: { categoryId: { in: ids } } } },
    targetGroups: { targetGroups: { some: { targetGroupId: { in: ids } } } },
    attributes: { attributes: { some: { attributeId: { in: ids } } } },
    organizations: { organizationId: { in: ids } },
    locations: { atLocations: { some: { locationId: { in: ids } } } },
  };
  const filter = where[kind];
  if (!filter) return [];
  return (await tx.service.findMany({ where: filter, select })).map((s) => s.id);
}

/**
 * A protected location's export withholds its address and everything near it, so a file
 * cannot say what they are: what the database holds for them stays.
 */
function keepWithheld(incoming: LocationM, existing: LocationM | undefined): LocationM {
  if (!incoming.isProtected || !existing) return incoming;
  return {
    ...incoming,
    description: existing.description,
    addressLine1: existing.addressLine1,
    addressLine2: existing.addressLine2,
    postalCode: existing.postalCode,
    city: existing.city,
    municipalityId: existing.municipalityId,
    latitude: existing.latitude,
    longitude: existing.longitude,
    accessibilityDescription: existing.accessibilityDescription,
    transportation: existing.transportation,
  };
}

/** Categories after their parents, so a parent always exists when its child is written. */
function parentsFirst(categories: CategoryM[]): CategoryM[] {
  const pending = new Map(categories.map((c) => [c.id, c]));
  const out: CategoryM[] = [];
  while (pending.size > 0) {
    const before = pending.size;
    for (const c of pending.values()) {
      if (!c.parentId || !pending.has(c.parentId)) {
        out.push(c);
        pending.delete(c.id);
      }
    }
    // A cycle: write the rest as given and let the database refuse it.
    if (pending.size === before) {
      out.push(...pending.values());
      pending.clear();
    }
  }
  return out;
}

export interface WriteProgress {
  processed: number;
  summary: ImportSummary;
}

/**
 * Writes the model, calling `onBatch` after each committed batch. A failing batch rolls back
 * on its own; the batches before it stay (the run is FAILED and can be run again).
 */
export async function writeModel(db: Db, model: DirectoryModel, onBatch: (progress: WriteProgress) => Promise<void>): Promise<ImportSummary> {
  const summary = emptySummary();
  let processed = 0;
  for (const kind of ENTITY_KINDS) {
    const records: { id: string }[] = kind === 'categories' ? parentsFirst(model.categories) : model[kind];
    const size = kind === 'services' ? SERVICE_BATCH : OTHER_BATCH;
    for (let i = 0; i < records.length; i += size) {
      const batch = records.slice(i, i + size);
      const ids = batch.map((r) => r.id);
      const current = await loadDirectoryModel(db, { [kind]: ids });
      const currentById = new Map((current[kind] as { id: string }[]).map((r) => [r.id, r]));
      if (kind === 'locations') {
        for (const [i, r] of (batch as LocationM[]).entries()) batch[i] = keepWithheld(r, currentById.get(r.id) as LocationM | undefined);
      }
      const byId = new Map([...currentById].map(([id, r]) => [id, comparable(kind, r)]));
      const changed = batch.filter((r) => byId.get(r.id) !== comparable(kind, r));
      for (const r of batch) {
        if (!byId.has(r.id)) summary[kind].created++;
        else if (byId.get(r.id) !== comparable(kind, r)) summary[kind].updated++;
        else summary[kind].unchanged++;
      }
      if (changed.length > 0) {
        await db.$transaction(
          async (tx) => {
            const write = writers[kind] as Writer<{ id: string }>;
            for (const r of changed) await write(tx, r, !byId.has(r.id));
            const touched = new Set<string>();
            if (kind === 'services') for (const r of changed) touched.add(r.id);
            else if (kind === 'contacts' || kind === 'phones') {
              for (const r of changed as (ContactM | PhoneM)[]) if (r.serviceId) touched.add(r.serviceId);
            } else {
              const updatedIds = changed.filter((r) => byId.has(r.id)).map((r) => r.id);
              for (const id of await servicesShowing(tx, kind, updatedIds)) touched.add(id);
            }
            await recordServiceChanges(tx, [...touched]);
          },
          { timeout: 120_000, maxWait: 30_000 },
        );
      }
      processed += batch.length;
      await onBatch({ processed, summary });
    }
  }
  return summary;
}
