/**
 * The coordinator's directory settings: categories, attributes, municipalities and target
 * groups (/admin/installningar/...). Every function takes the actor first and asks the policy
 * ('directory.settings') before it reads or writes. A change of a name (or a translated name)
 * reaches the search documents of every service that uses the record, in batches, in the same
 * transaction (recordServiceChanges). Deleting is for records nothing uses; a used one is
 * refused with CONFLICT 'inUse' and the list shows how much uses it. URL names (slugs, keys,
 * codes' slugs) never change after creation: filters, links and the thesaurus point at them.
 */
import type { Actor } from '@/lib/authz/actor';
import { authorize } from '@/lib/authz/policy';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { Prisma } from '@/lib/generated/prisma/client';
import { foldText } from '@/lib/search/document';
import type { Tx } from '@/lib/search/projection';
import type { IconKey } from './icon-keys';
import { recordServiceChangesInBatches } from './organization-editor';
import {
  attributeSchema,
  categorySchema,
  municipalitySchema,
  settingIdSchema,
  settingsErrors,
  targetGroupSchema,
  type AttributeInput,
  type CategoryInput,
  type TargetGroupInput,
} from './settings-schemas';

const LOCALES = ['en', 'ar'] as const;
type TranslatedLocale = (typeof LOCALES)[number];
type Translations = Record<TranslatedLocale, { name: string | null; description: string | null }>;

export interface CategoryAdminItem {
  id: string;
  slug: string;
  name: string;
  description: string;
  icon: string;
  parentId: string | null;
  parentName: string | null;
  sortOrder: number;
  isActive: boolean;
  translations: Translations;
  serviceCount: number;
  childCount: number;
  /** Thesaurus entries that point to the category by its slug. */
  thesaurusCount: number;
}

export interface AttributeAdminItem {
  id: string;
  key: string;
  name: string;
  description: string;
  icon: string | null;
  isFilter: boolean;
  sortOrder: number;
  translations: Translations;
  serviceCount: number;
}

export interface MunicipalityAdminItem {
  id: string;
  code: string;
  name: string;
  slug: string;
  regionName: string;
  isActive: boolean;
  /** Locations, service areas, organisations and workshop issues that point to it. */
  useCount: number;
}

export interface TargetGroupAdminItem {
  id: string;
  slug: string;
  name: string;
  sortOrder: number;
  translations: Translations;
  serviceCount: number;
}

const actorIdOf = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);

function parseId(id: unknown): string {
  const parsed = settingIdSchema.safeParse(id);
  if (!parsed.success) throw new AppError('NOT_FOUND', 'notFound');
  return parsed.data;
}

const translationsOf = (rows: { locale: string; name: string | null; description?: string | null }[]): Translations => {
  const one = (locale: TranslatedLocale) => {
    const row = rows.find((r) => r.locale === locale);
    return { name: row?.name ?? null, description: row?.description ?? null };
  };
  return { en: one('en'), ar: one('ar') };
};

/** A URL name from a name: Swedish letters folded, dashes between words. */
const slugBase = (name: string, fallback: string) => foldText(name).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '') || fallback;

async function uniqueSlug(taken: (base: string) => Promise<string[]>, name: string, fallback: string): Promise<string> {
  const base = slugBase(name, fallback);
  const used = new Set(await taken(base));
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

async function audit(tx: Tx, actor: Actor, action: string, entityType: string, entityId: string, data: Prisma.InputJsonValue): Promise<void> {
  await tx.auditLog.create({ data: { actorId: actorIdOf(actor), action, entityType, entityId, data } });
}

const inUse = () => new AppError('CONFLICT', 'inUse');

/** The unique index is the last word when two coordinators save the same key or code at once. */
function rethrowUnique(field: string, key: string) {
  return (error: unknown): never => {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new AppError('CONFLICT', 'conflict', { [field]: [key] });
    throw error;
  };
}

const namesChanged = (before: { name: string; translations: Translations }, after: { name: string; name_en: string | null; name_ar: string | null }) =>
  before.name !== after.name || before.translations.en.name !== after.name_en || before.translations.ar.name !== after.name_ar;

const TX_OPTIONS = { timeout: 120_000 };

// ── Categories ─────────────────────────────────────────────────────────────────────

const categorySelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  icon: true,
  parentId: true,
  sortOrder: true,
  isActive: true,
  parent: { select: { name: true } },
  translations: { select: { locale: true, name: true, description: true } },
  _count: { select: { services: true, children: true } },
} satisfies Prisma.CategorySelect;

async function toCategoryItems(tx: Tx, rows: Prisma.CategoryGetPayload<{ select: typeof categorySelect }>[]): Promise<CategoryAdminItem[]> {
  const slugs = rows.map((r) => r.slug);
  const references = slugs.length
    ? await tx.$queryRaw<{ slug: string; count: bigint }[]>`
        SELECT c AS "slug", count(*) AS "count" FROM "SearchSynonym", unnest("categories") AS c
        WHERE c = ANY(${slugs}) GROUP BY c`
    : [];
  const bySlug = new Map(references.map((r) => [r.slug, Number(r.count)]));
  return rows.map(({ parent, translations, _count, ...row }) => ({
    ...row,
    parentName: parent?.name ?? null,
    translations: translationsOf(translations),
    serviceCount: _count.services,
    childCount: _count.children,
    thesaurusCount: bySlug.get(row.slug) ?? 0,
  }));
}

/** Every category (a few dozen), parents before children, in sort order. */
export async function listCategoriesForAdmin(actor: Actor): Promise<CategoryAdminItem[]> {
  authorize(actor, 'directory.settings', null);
  const db = await getDb();
  const rows = await db.category.findMany({ orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }], select: categorySelect });
  return toCategoryItems(db, rows);
}

export async function getCategoryForAdmin(actor: Actor, id: unknown): Promise<CategoryAdminItem> {
  authorize(actor, 'directory.settings', null);
  const categoryId = parseId(id);
  const db = await getDb();
  const row = await db.category.findUnique({ where: { id: categoryId }, select: categorySelect });
  if (!row) throw new AppError('NOT_FOUND', 'notFound');
  return (await toCategoryItems(db, [row]))[0]!;
}

/** A parent must exist and must not be the category itself or one of its descendants. */
async function assertParentFits(tx: Tx, categoryId: string | null, parentId: string | null): Promise<void> {
  if (!parentId) return;
  const unknown = new AppError('INVALID_INPUT', 'invalid', { parentId: ['unknownParent'] });
  let cursor: string | null = parentId;
  for (let depth = 0; cursor; depth += 1) {
    if (cursor === categoryId || depth > 50) throw new AppError('INVALID_INPUT', 'invalid', { parentId: ['parentCycle'] });
    const row: { parentId: string | null } | null = await tx.category.findUnique({ where: { id: cursor }, select: { parentId: true } });
    if (!row) throw unknown;
    cursor = row.parentId;
  }
}

async function writeCategoryTranslations(tx: Tx, categoryId: string, d: CategoryInput): Promise<void> {
  for (const locale of LOCALES) {
    const name = d[`name_${locale}`];
    const description = d[`description_${locale}`] || null;
    const where = { categoryId_locale: { categoryId, locale } };
    if (!name && !description) await tx.categoryTranslation.deleteMany({ where: { categoryId, locale } });
    else await tx.categoryTranslation.upsert({ where, create: { categoryId, locale, name, description }, update: { name, description } });
  }
}

const categoryFields = (d: CategoryInput) => ({ name: d.name, description: d.description, icon: d.icon as IconKey, parentId: d.parentId, sortOrder: d.sortOrder, isActive: d.isActive });

export async function createCategory(actor: Actor, input: unknown): Promise<{ id: string; slug: string }> {
  authorize(actor, 'directory.settings', null);
  const data = settingsErrors.parse(categorySchema, input);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    await assertParentFits(tx, null, data.parentId);
    const slug = await uniqueSlug(async (base) => (await tx.category.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((c) => c.slug), data.name, 'kategori');
    const created = await tx.category.create({ data: { slug, ...categoryFields(data) }, select: { id: true, slug: true } });
    await writeCategoryTranslations(tx, created.id, data);
    await audit(tx, actor, 'category.create', 'Category', created.id, { ...data, slug });
    return created;
  });
}

export async function updateCategory(actor: Actor, id: unknown, input: unknown): Promise<{ id: string; slug: string; reindexed: number }> {
  authorize(actor, 'directory.settings', null);
  const categoryId = parseId(id);
  const data = settingsErrors.parse(categorySchema, input);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const current = await tx.category.findUnique({ where: { id: categoryId }, select: { id: true, slug: true, name: true, translations: { select: { locale: true, name: true } } } });
    if (!current) throw new AppError('NOT_FOUND', 'notFound');
    await assertParentFits(tx, categoryId, data.parentId);
    await tx.category.update({ where: { id: categoryId }, data: categoryFields(data) });
    await writeCategoryTranslations(tx, categoryId, data);
    let reindexed = 0;
    if (namesChanged({ name: current.name, translations: translationsOf(current.translations) }, data)) {
      const ids = (await tx.serviceCategory.findMany({ where: { categoryId }, select: { serviceId: true } })).map((r) => r.serviceId);
      await recordServiceChangesInBatches(tx, ids);
      reindexed = ids.length;
    }
    await audit(tx, actor, 'category.update', 'Category', categoryId, { ...data, reindexed });
    return { id: categoryId, slug: current.slug, reindexed };
  }, TX_OPTIONS);
}

/** Deletes a category no service, subcategory or thesaurus entry uses; otherwise CONFLICT 'inUse' (deactivate it instead). */
export async function deleteCategory(actor: Actor, id: unknown): Promise<{ name: string }> {
  authorize(actor, 'directory.settings', null);
  const categoryId = parseId(id);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const row = await tx.category.findUnique({ where: { id: categoryId }, select: categorySelect });
    if (!row) throw new AppError('NOT_FOUND', 'notFound');
    const [item] = await toCategoryItems(tx, [row]);
    if (item!.serviceCount + item!.childCount + item!.thesaurusCount > 0) throw inUse();
    await tx.category.delete({ where: { id: categoryId } });
    await audit(tx, actor, 'category.delete', 'Category', categoryId, { slug: row.slug, name: row.name });
    return { name: row.name };
  });
}

// ── Attributes ─────────────────────────────────────────────────────────────────────

const attributeSelect = {
  id: true,
  key: true,
  name: true,
  description: true,
  icon: true,
  isFilter: true,
  sortOrder: true,
  translations: { select: { locale: true, name: true, description: true } },
  _count: { select: { services: true } },
} satisfies Prisma.AttributeSelect;

const toAttributeItem = ({ translations, _count, ...row }: Prisma.AttributeGetPayload<{ select: typeof attributeSelect }>): AttributeAdminItem => ({
  ...row,
  translations: translationsOf(translations),
  serviceCount: _count.services,
});

export async function listAttributesForAdmin(actor: Actor): Promise<AttributeAdminItem[]> {
  authorize(actor, 'directory.settings', null);
  const db = await getDb();
  return (await db.attribute.findMany({ orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }], select: attributeSelect })).map(toAttributeItem);
}

export async function getAttributeForAdmin(actor: Actor, id: unknown): Promise<AttributeAdminItem> {
  authorize(actor, 'directory.settings', null);
  const db = await getDb();
  const row = await db.attribute.findUnique({ where: { id: parseId(id) }, select: attributeSelect });
  if (!row) throw new AppError('NOT_FOUND', 'notFound');
  return toAttributeItem(row);
}

async function writeAttributeTranslations(tx: Tx, attributeId: string, d: AttributeInput): Promise<void> {
  for (const locale of LOCALES) {
    const name = d[`name_${locale}`];
    const description = d[`description_${locale}`] || null;
    if (!name) await tx.attributeTranslation.deleteMany({ where: { attributeId, locale } });
    else await tx.attributeTranslation.upsert({ where: { attributeId_locale: { attributeId, locale } }, create: { attributeId, locale, name, description }, update: { name, description } });
  }
}

const attributeFields = (d: AttributeInput) => ({ name: d.name, description: d.description, icon: d.icon, isFilter: d.isFilter, sortOrder: d.sortOrder });

export async function createAttribute(actor: Actor, input: unknown): Promise<{ id: string; key: string }> {
  authorize(actor, 'directory.settings', null);
  const data = settingsErrors.parse(attributeSchema, input);
  const db = await getDb();
  return db
    .$transaction(async (tx) => {
      let key = data.key;
      if (key) {
        if (await tx.attribute.findUnique({ where: { key }, select: { id: true } })) throw new AppError('CONFLICT', 'conflict', { key: ['keyTaken'] });
      } else {
        key = await uniqueSlug(async (base) => (await tx.attribute.findMany({ where: { key: { startsWith: base } }, select: { key: true } })).map((a) => a.key), data.name, 'egenskap');
      }
      const created = await tx.attribute.create({ data: { key, ...attributeFields(data) }, select: { id: true, key: true } });
      await writeAttributeTranslations(tx, created.id, data);
      await audit(tx, actor, 'attribute.create', 'Attribute', created.id, { ...data, key });
      return created;
    })
    .catch(rethrowUnique('key', 'keyTaken'));
}

/** Changes an attribute; its key is kept (the search filter's URLs use it). */
export async function updateAttribute(actor: Actor, id: unknown, input: unknown): Promise<{ id: string; key: string; reindexed: number }> {
  authorize(actor, 'directory.settings', null);
  const attributeId = parseId(id);
  const data = settingsErrors.parse(attributeSchema, input);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const current = await tx.attribute.findUnique({ where: { id: attributeId }, select: { id: true, key: true, name: true, translations: { select: { locale: true, name: true } } } });
    if (!current) throw new AppError('NOT_FOUND', 'notFound');
    await tx.attribute.update({ where: { id: attributeId }, data: attributeFields(data) });
    await writeAttributeTranslations(tx, attributeId, data);
    let reindexed = 0;
    if (namesChanged({ name: current.name, translations: translationsOf(current.translations) }, data)) {
      const ids = (await tx.serviceAttribute.findMany({ where: { attributeId }, select: { serviceId: true } })).map((r) => r.serviceId);
      await recordServiceChangesInBatches(tx, ids);
      reindexed = ids.length;
    }
    await audit(tx, actor, 'attribute.update', 'Attribute', attributeId, { ...data, key: current.key, reindexed });
    return { id: attributeId, key: current.key, reindexed };
  }, TX_OPTIONS);
}

export async function deleteAttribute(actor: Actor, id: unknown): Promise<{ name: string }> {
  authorize(actor, 'directory.settings', null);
  const attributeId = parseId(id);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const row = await tx.attribute.findUnique({ where: { id: attributeId }, select: attributeSelect });
    if (!row) throw new AppError('NOT_FOUND', 'notFound');
    if (row._count.services > 0) throw inUse();
    await tx.attribute.delete({ where: { id: attributeId } });
    await audit(tx, actor, 'attribute.delete', 'Attribute', attributeId, { key: row.key, name: row.name });
    return { name: row.name };
  });
}

// ── Municipalities ─────────────────────────────────────────────────────────────────

const municipalitySelect = {
  id: true,
  code: true,
  name: true,
  slug: true,
  regionName: true,
  isActive: true,
  _count: { select: { locations: true, serviceAreas: true, organizations: true, issues: true } },
} satisfies Prisma.MunicipalitySelect;

const toMunicipalityItem = ({ _count, ...row }: Prisma.MunicipalityGetPayload<{ select: typeof municipalitySelect }>): MunicipalityAdminItem => ({
  ...row,
  useCount: _count.locations + _count.serviceAreas + _count.organizations + _count.issues,
});

export async function listMunicipalitiesForAdmin(actor: Actor): Promise<MunicipalityAdminItem[]> {
  authorize(actor, 'directory.settings', null);
  const db = await getDb();
  return (await db.municipality.findMany({ orderBy: [{ name: 'asc' }], select: municipalitySelect })).map(toMunicipalityItem);
}

export async function getMunicipalityForAdmin(actor: Actor, id: unknown): Promise<MunicipalityAdminItem> {
  authorize(actor, 'directory.settings', null);
  const db = await getDb();
  const row = await db.municipality.findUnique({ where: { id: parseId(id) }, select: municipalitySelect });
  if (!row) throw new AppError('NOT_FOUND', 'notFound');
  return toMunicipalityItem(row);
}

const codeTaken = () => new AppError('CONFLICT', 'conflict', { code: ['codeTaken'] });

async function assertCodeFree(tx: Tx, code: string, exceptId: string | null): Promise<void> {
  const clash = await tx.municipality.findUnique({ where: { code }, select: { id: true } });
  if (clash && clash.id !== exceptId) throw codeTaken();
}

/** Services whose search documents name the municipality: by service area, or by where they sit. */
async function servicesInMunicipality(tx: Tx, municipalityId: string): Promise<string[]> {
  const [areas, sites] = await Promise.all([
    tx.serviceArea.findMany({ where: { municipalityId }, select: { serviceId: true } }),
    tx.serviceAtLocation.findMany({ where: { location: { municipalityId } }, select: { serviceId: true } }),
  ]);
  return [...new Set([...areas, ...sites].map((r) => r.serviceId))];
}

export async function createMunicipality(actor: Actor, input: unknown): Promise<{ id: string; slug: string }> {
  authorize(actor, 'directory.settings', null);
  const data = settingsErrors.parse(municipalitySchema, input);
  const db = await getDb();
  return db
    .$transaction(async (tx) => {
      await assertCodeFree(tx, data.code, null);
      const slug = await uniqueSlug(async (base) => (await tx.municipality.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((m) => m.slug), data.name, 'kommun');
      const created = await tx.municipality.create({ data: { ...data, slug }, select: { id: true, slug: true } });
      await audit(tx, actor, 'municipality.create', 'Municipality', created.id, { ...data, slug });
      return created;
    })
    .catch(rethrowUnique('code', 'codeTaken'));
}

export async function updateMunicipality(actor: Actor, id: unknown, input: unknown): Promise<{ id: string; slug: string; reindexed: number }> {
  authorize(actor, 'directory.settings', null);
  const municipalityId = parseId(id);
  const data = settingsErrors.parse(municipalitySchema, input);
  const db = await getDb();
  return db
    .$transaction(async (tx) => {
      const current = await tx.municipality.findUnique({ where: { id: municipalityId }, select: { id: true, slug: true, name: true } });
      if (!current) throw new AppError('NOT_FOUND', 'notFound');
      await assertCodeFree(tx, data.code, municipalityId);
      await tx.municipality.update({ where: { id: municipalityId }, data });
      let reindexed = 0;
      if (current.name !== data.name) {
        const ids = await servicesInMunicipality(tx, municipalityId);
        await recordServiceChangesInBatches(tx, ids);
        reindexed = ids.length;
      }
      await audit(tx, actor, 'municipality.update', 'Municipality', municipalityId, { ...data, reindexed });
      return { id: municipalityId, slug: current.slug, reindexed };
    }, TX_OPTIONS)
    .catch(rethrowUnique('code', 'codeTaken'));
}

/** Deletes a municipality nothing points to; one in use is refused (deactivate it instead). */
export async function deleteMunicipality(actor: Actor, id: unknown): Promise<{ name: string }> {
  authorize(actor, 'directory.settings', null);
  const municipalityId = parseId(id);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const row = await tx.municipality.findUnique({ where: { id: municipalityId }, select: municipalitySelect });
    if (!row) throw new AppError('NOT_FOUND', 'notFound');
    if (toMunicipalityItem(row).useCount > 0) throw inUse();
    await tx.municipality.delete({ where: { id: municipalityId } });
    await audit(tx, actor, 'municipality.delete', 'Municipality', municipalityId, { code: row.code, name: row.name });
    return { name: row.name };
  });
}

// ── Target groups ──────────────────────────────────────────────────────────────────

const targetGroupSelect = {
  id: true,
  slug: true,
  name: true,
  sortOrder: true,
  translations: { select: { locale: true, name: true } },
  _count: { select: { services: true } },
} satisfies Prisma.TargetGroupSelect;

const toTargetGroupItem = ({ translations, _count, ...row }: Prisma.TargetGroupGetPayload<{ select: typeof targetGroupSelect }>): TargetGroupAdminItem => ({
  ...row,
  translations: translationsOf(translations),
  serviceCount: _count.services,
});

export async function listTargetGroupsForAdmin(actor: Actor): Promise<TargetGroupAdminItem[]> {
  authorize(actor, 'directory.settings', null);
  const db = await getDb();
  return (await db.targetGroup.findMany({ orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }], select: targetGroupSelect })).map(toTargetGroupItem);
}

export async function getTargetGroupForAdmin(actor: Actor, id: unknown): Promise<TargetGroupAdminItem> {
  authorize(actor, 'directory.settings', null);
  const db = await getDb();
  const row = await db.targetGroup.findUnique({ where: { id: parseId(id) }, select: targetGroupSelect });
  if (!row) throw new AppError('NOT_FOUND', 'notFound');
  return toTargetGroupItem(row);
}

async function writeTargetGroupTranslations(tx: Tx, targetGroupId: string, d: TargetGroupInput): Promise<void> {
  for (const locale of LOCALES) {
    const name = d[`name_${locale}`];
    if (!name) await tx.targetGroupTranslation.deleteMany({ where: { targetGroupId, locale } });
    else await tx.targetGroupTranslation.upsert({ where: { targetGroupId_locale: { targetGroupId, locale } }, create: { targetGroupId, locale, name }, update: { name } });
  }
}

export async function createTargetGroup(actor: Actor, input: unknown): Promise<{ id: string; slug: string }> {
  authorize(actor, 'directory.settings', null);
  const data = settingsErrors.parse(targetGroupSchema, input);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const slug = await uniqueSlug(async (base) => (await tx.targetGroup.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((g) => g.slug), data.name, 'malgrupp');
    const created = await tx.targetGroup.create({ data: { slug, name: data.name, sortOrder: data.sortOrder }, select: { id: true, slug: true } });
    await writeTargetGroupTranslations(tx, created.id, data);
    await audit(tx, actor, 'targetGroup.create', 'TargetGroup', created.id, { ...data, slug });
    return created;
  });
}

export async function updateTargetGroup(actor: Actor, id: unknown, input: unknown): Promise<{ id: string; slug: string; reindexed: number }> {
  authorize(actor, 'directory.settings', null);
  const targetGroupId = parseId(id);
  const data = settingsErrors.parse(targetGroupSchema, input);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const current = await tx.targetGroup.findUnique({ where: { id: targetGroupId }, select: { id: true, slug: true, name: true, translations: { select: { locale: true, name: true } } } });
    if (!current) throw new AppError('NOT_FOUND', 'notFound');
    await tx.targetGroup.update({ where: { id: targetGroupId }, data: { name: data.name, sortOrder: data.sortOrder } });
    await writeTargetGroupTranslations(tx, targetGroupId, data);
    let reindexed = 0;
    if (namesChanged({ name: current.name, translations: translationsOf(current.translations) }, data)) {
      const ids = (await tx.serviceTargetGroup.findMany({ where: { targetGroupId }, select: { serviceId: true } })).map((r) => r.serviceId);
      await recordServiceChangesInBatches(tx, ids);
      reindexed = ids.length;
    }
    await audit(tx, actor, 'targetGroup.update', 'TargetGroup', targetGroupId, { ...data, reindexed });
    return { id: targetGroupId, slug: current.slug, reindexed };
  }, TX_OPTIONS);
}

export async function deleteTargetGroup(actor: Actor, id: unknown): Promise<{ name: string }> {
  authorize(actor, 'directory.settings', null);
  const targetGroupId = parseId(id);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const row = await tx.targetGroup.findUnique({ where: { id: targetGroupId }, select: targetGroupSelect });
    if (!row) throw new AppError('NOT_FOUND', 'notFound');
    if (row._count.services > 0) throw inUse();
    await tx.targetGroup.delete({ where: { id: targetGroupId } });
    await audit(tx, actor, 'targetGroup.delete', 'TargetGroup', targetGroupId, { slug: row.slug, name: row.name });
    return { name: row.name };
  });
}
