/**
 * The coordinator's directory settings, through the data layer, on the demo data: categories
 * (icons, parents, translations), attributes, municipalities and target groups. A rename must
 * reach the search projection of every service that uses the record; a record in use is never
 * deleted.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import {
  createAttribute,
  createCategory,
  createMunicipality,
  createTargetGroup,
  deleteAttribute,
  deleteCategory,
  deleteMunicipality,
  deleteTargetGroup,
  getCategoryForAdmin,
  listAttributesForAdmin,
  listCategoriesForAdmin,
  listMunicipalitiesForAdmin,
  listTargetGroupsForAdmin,
  updateAttribute,
  updateCategory,
  updateMunicipality,
  updateTargetGroup,
} from '@/lib/directory/settings-admin';
import { settingsErrors } from '@/lib/directory/settings-schemas';
import { AppError } from '@/lib/errors/app-error';
import { seedDatabase } from '@/prisma/seed/index';
import { useTestDatabase } from '../helpers/db';

const db = useTestDatabase();

let coordinator: Actor;
let associationAdmin: Actor;

async function actorFor(email: string): Promise<Actor> {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, memberships: { select: { organizationId: true, role: true } } } });
  return { kind: 'user', userId: user.id, memberships: user.memberships };
}

async function failureOf(call: Promise<unknown>): Promise<{ code: string; fieldErrors?: Record<string, string>; formError?: string }> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, ...settingsErrors.describe(error) };
  }
  throw new Error('expected the call to fail');
}

/** Everything the settings could touch. */
const everything = async () => ({
  categories: await db.prisma.category.findMany({ orderBy: { id: 'asc' }, include: { translations: { orderBy: { locale: 'asc' } } } }),
  attributes: await db.prisma.attribute.findMany({ orderBy: { id: 'asc' }, include: { translations: { orderBy: { locale: 'asc' } } } }),
  municipalities: await db.prisma.municipality.findMany({ orderBy: { id: 'asc' } }),
  targetGroups: await db.prisma.targetGroup.findMany({ orderBy: { id: 'asc' }, include: { translations: { orderBy: { locale: 'asc' } } } }),
  documents: await db.prisma.serviceSearchDocument.findMany({ orderBy: { serviceId: 'asc' }, select: { serviceId: true, searchText: true, updatedAt: true } }),
  outbox: await db.prisma.outboxMessage.count(),
  audit: await db.prisma.auditLog.count(),
});

/** The search projection's text of the services, by id. */
const searchTexts = async (serviceIds: string[]) =>
  (await db.prisma.serviceSearchDocument.findMany({ where: { serviceId: { in: serviceIds } }, select: { searchText: true } })).map((d) => d.searchText);

beforeAll(async () => {
  await seedDatabase(db.prisma);
  coordinator = await actorFor('samordnare@lisa.example');
  associationAdmin = await actorFor('foreningsadmin@lisa.example');
}, 180_000);

describe('categories', () => {
  it('creates a category with a bundled icon, a parent, a sort order and translations', async () => {
    const parent = await db.prisma.category.findUniqueOrThrow({ where: { slug: 'psykisk-halsa' } });
    const created = await createCategory(coordinator, {
      name: 'Ångest och oro',
      description: 'Stöd när oron tar över.',
      icon: 'heart',
      parentId: parent.id,
      sortOrder: '12',
      isActive: 'on',
      name_en: 'Anxiety and worry',
      name_ar: 'القلق',
    });
    expect(created.slug).toBe('angest-och-oro');
    const item = await getCategoryForAdmin(coordinator, created.id);
    expect(item).toMatchObject({ icon: 'heart', parentId: parent.id, parentName: 'Psykisk hälsa', sortOrder: 12, isActive: true, serviceCount: 0 });
    expect(item.translations).toEqual({ en: { name: 'Anxiety and worry', description: null }, ar: { name: 'القلق', description: null } });
    expect(await db.prisma.auditLog.count({ where: { action: 'category.create', entityId: created.id } })).toBe(1);
  });

  it('names each wrong field and writes nothing', async () => {
    const before = await everything();
    expect(await failureOf(createCategory(coordinator, { name: '', icon: 'https://evil.example/x.svg', sortOrder: 'först', parentId: 'finnsinte' }))).toEqual({
      code: 'INVALID_INPUT',
      fieldErrors: { name: 'required', icon: 'unknownIcon', sortOrder: 'invalidSortOrder' },
    });
    expect(await failureOf(createCategory(coordinator, { name: 'Ny', icon: 'heart', parentId: 'finnsinte' }))).toEqual({
      code: 'INVALID_INPUT',
      fieldErrors: { parentId: 'unknownParent' },
    });
    expect(await everything()).toEqual(before);
  });

  it('refuses a parent that is the category itself or one of its children', async () => {
    const parent = await db.prisma.category.findUniqueOrThrow({ where: { slug: 'psykisk-halsa' } });
    const child = await db.prisma.category.findUniqueOrThrow({ where: { slug: 'angest-och-oro' } });
    const before = await everything();
    expect(await failureOf(updateCategory(coordinator, parent.id, { name: parent.name, icon: parent.icon, parentId: child.id, isActive: 'on' }))).toMatchObject({
      fieldErrors: { parentId: 'parentCycle' },
    });
    expect(await failureOf(updateCategory(coordinator, parent.id, { name: parent.name, icon: parent.icon, parentId: parent.id, isActive: 'on' }))).toMatchObject({
      fieldErrors: { parentId: 'parentCycle' },
    });
    expect(await everything()).toEqual(before);
  });

  it('a rename reaches the search projection of every service in the category, and only those', async () => {
    const category = await db.prisma.category.findUniqueOrThrow({ where: { slug: 'ekonomi-och-skulder' } });
    const inside = (await db.prisma.serviceCategory.findMany({ where: { categoryId: category.id, service: { status: 'ACTIVE' } } })).map((r) => r.serviceId);
    expect(inside.length).toBeGreaterThan(0);
    const outside = await db.prisma.serviceSearchDocument.findFirstOrThrow({ where: { serviceId: { notIn: inside } } });
    expect((await searchTexts(inside)).some((text) => text.includes('pengabekymmer'))).toBe(false);

    const result = await updateCategory(coordinator, category.id, { name: 'Pengabekymmer och skulder', description: category.description, icon: 'coins', isActive: 'on', name_en: 'Money worries' });
    expect(result).toMatchObject({ slug: 'ekonomi-och-skulder', reindexed: inside.length });
    const texts = await searchTexts(inside);
    expect(texts).toHaveLength(inside.length);
    for (const text of texts) expect(text).toContain('pengabekymmer och skulder');
    expect(await db.prisma.outboxMessage.count({ where: { aggregateId: { in: inside } } })).toBeGreaterThanOrEqual(inside.length);
    expect(await db.prisma.serviceSearchDocument.findUniqueOrThrow({ where: { serviceId: outside.serviceId } })).toEqual(outside);
  });

  it('refuses to delete a category in use (by services, subcategories or the thesaurus), and deletes an unused one', async () => {
    const used = await db.prisma.category.findUniqueOrThrow({ where: { slug: 'psykisk-halsa' } });
    const before = await everything();
    expect(await failureOf(deleteCategory(coordinator, used.id))).toEqual({ code: 'CONFLICT', formError: 'inUse' });
    expect(await everything()).toEqual(before);
    const listed = (await listCategoriesForAdmin(coordinator)).find((c) => c.id === used.id)!;
    expect(listed.serviceCount + listed.childCount).toBeGreaterThan(0);

    const child = await db.prisma.category.findUniqueOrThrow({ where: { slug: 'angest-och-oro' } });
    await db.prisma.searchSynonym.create({ data: { input: 'orolig jämt testord', synonyms: ['ångest'], categories: ['angest-och-oro'] } });
    expect(await failureOf(deleteCategory(coordinator, child.id))).toEqual({ code: 'CONFLICT', formError: 'inUse' });
    await db.prisma.searchSynonym.delete({ where: { input: 'orolig jämt testord' } });
    await deleteCategory(coordinator, child.id);
    expect(await db.prisma.category.findUnique({ where: { id: child.id } })).toBeNull();
    expect(await db.prisma.auditLog.count({ where: { action: 'category.delete', entityId: child.id } })).toBe(1);
  });
});

describe('attributes', () => {
  it('creates an attribute with a key made from its name, or the one given if free', async () => {
    const made = await createAttribute(coordinator, { name: 'Öppet på kvällar', icon: 'sun', isFilter: 'on', sortOrder: '9', name_en: 'Open evenings' });
    expect(made.key).toBe('oppet-pa-kvallar');
    const given = await createAttribute(coordinator, { key: 'sign-language', name: 'Teckenspråk', icon: '' });
    expect(given.key).toBe('sign-language');
    const listed = await listAttributesForAdmin(coordinator);
    expect(listed.find((a) => a.id === made.id)).toMatchObject({ icon: 'sun', isFilter: true, sortOrder: 9, translations: { en: { name: 'Open evenings' } } });
    expect(listed.find((a) => a.id === given.id)).toMatchObject({ icon: null, isFilter: false });
  });

  it('refuses a key in use, a bad key, an unknown icon and a translated description without a name, writing nothing', async () => {
    const before = await everything();
    expect(await failureOf(createAttribute(coordinator, { key: 'free', name: 'Gratis igen' }))).toEqual({ code: 'CONFLICT', fieldErrors: { key: 'keyTaken' } });
    expect(await failureOf(createAttribute(coordinator, { key: 'Med Mellanslag', name: 'X', icon: 'skull', description_en: 'Only a description' }))).toEqual({
      code: 'INVALID_INPUT',
      fieldErrors: { key: 'invalidKey', icon: 'unknownIcon', name_en: 'translationNameRequired' },
    });
    expect(await everything()).toEqual(before);
  });

  it('keeps the key on a rename and reindexes the services that have the attribute', async () => {
    const attribute = await db.prisma.attribute.findUniqueOrThrow({ where: { key: 'drop-in' } });
    const using = (await db.prisma.serviceAttribute.findMany({ where: { attributeId: attribute.id, service: { status: 'ACTIVE' } } })).map((r) => r.serviceId);
    expect(using.length).toBeGreaterThan(0);
    const outboxBefore = await db.prisma.outboxMessage.count({ where: { aggregateId: { in: using } } });
    const result = await updateAttribute(coordinator, attribute.id, { key: 'ignored', name: 'Kom när du vill', icon: 'door', isFilter: 'on' });
    expect(result).toMatchObject({ key: 'drop-in', reindexed: using.length });
    expect(await db.prisma.outboxMessage.count({ where: { aggregateId: { in: using } } })).toBe(outboxBefore + using.length);
  });

  it('refuses to delete an attribute services have, and deletes an unused one', async () => {
    const used = await db.prisma.attribute.findUniqueOrThrow({ where: { key: 'free' } });
    const before = await everything();
    expect(await failureOf(deleteAttribute(coordinator, used.id))).toEqual({ code: 'CONFLICT', formError: 'inUse' });
    expect(await everything()).toEqual(before);
    const unused = await db.prisma.attribute.findUniqueOrThrow({ where: { key: 'sign-language' } });
    await deleteAttribute(coordinator, unused.id);
    expect(await db.prisma.attribute.findUnique({ where: { id: unused.id } })).toBeNull();
  });
});

describe('municipalities', () => {
  it('creates a municipality with its SCB code and a folded URL name', async () => {
    const created = await createMunicipality(coordinator, { name: 'Örebro', code: '1880', regionName: 'Region Örebro län', isActive: 'on' });
    expect(created.slug).toBe('orebro');
    expect((await listMunicipalitiesForAdmin(coordinator)).find((m) => m.id === created.id)).toMatchObject({ code: '1880', isActive: true, useCount: 0 });
  });

  it('refuses a code that is not four digits or is taken, writing nothing', async () => {
    const before = await everything();
    expect(await failureOf(createMunicipality(coordinator, { name: 'Laxå', code: '188', regionName: '' }))).toEqual({
      code: 'INVALID_INPUT',
      fieldErrors: { code: 'invalidCode', regionName: 'required' },
    });
    expect(await failureOf(createMunicipality(coordinator, { name: 'Laxå', code: '1883', regionName: 'Region Örebro län' }))).toEqual({ code: 'CONFLICT', fieldErrors: { code: 'codeTaken' } });
    const orebro = await db.prisma.municipality.findUniqueOrThrow({ where: { code: '1880' } });
    expect(await failureOf(updateMunicipality(coordinator, orebro.id, { name: 'Örebro', code: '1862', regionName: 'Region Örebro län' }))).toEqual({ code: 'CONFLICT', fieldErrors: { code: 'codeTaken' } });
    expect(await everything()).toEqual(before);
  });

  it('a rename reaches the search projection of the services it covers or that sit there', async () => {
    const karlskoga = await db.prisma.municipality.findUniqueOrThrow({ where: { code: '1883' } });
    const covered = (await db.prisma.serviceArea.findMany({ where: { municipalityId: karlskoga.id, service: { status: 'ACTIVE' } } })).map((r) => r.serviceId);
    expect(covered.length).toBeGreaterThan(0);
    const result = await updateMunicipality(coordinator, karlskoga.id, { name: 'Karlskoga stad', code: '1883', regionName: karlskoga.regionName, isActive: 'on' });
    expect(result.reindexed).toBeGreaterThanOrEqual(covered.length);
    for (const text of await searchTexts(covered)) expect(text).toContain('karlskoga stad');
  });

  it('refuses to delete a municipality in use, and deletes an unused one', async () => {
    const karlskoga = await db.prisma.municipality.findUniqueOrThrow({ where: { code: '1883' } });
    const before = await everything();
    expect(await failureOf(deleteMunicipality(coordinator, karlskoga.id))).toEqual({ code: 'CONFLICT', formError: 'inUse' });
    expect(await everything()).toEqual(before);
    const orebro = await db.prisma.municipality.findUniqueOrThrow({ where: { code: '1880' } });
    await deleteMunicipality(coordinator, orebro.id);
    expect(await db.prisma.municipality.findUnique({ where: { id: orebro.id } })).toBeNull();
  });
});

describe('target groups', () => {
  it('creates a target group with translations and a folded URL name', async () => {
    const created = await createTargetGroup(coordinator, { name: 'Studenter på högskola', sortOrder: '3', name_en: 'Students', name_ar: 'الطلاب' });
    expect(created.slug).toBe('studenter-pa-hogskola');
    expect((await listTargetGroupsForAdmin(coordinator)).find((g) => g.id === created.id)).toMatchObject({ sortOrder: 3, translations: { en: { name: 'Students' }, ar: { name: 'الطلاب' } } });
  });

  it('a rename reaches the search projection of the services for that group', async () => {
    const group = await db.prisma.targetGroup.findUniqueOrThrow({ where: { slug: 'foraldrar' } });
    const using = (await db.prisma.serviceTargetGroup.findMany({ where: { targetGroupId: group.id, service: { status: 'ACTIVE' } } })).map((r) => r.serviceId);
    expect(using.length).toBeGreaterThan(0);
    await updateTargetGroup(coordinator, group.id, { name: 'Vårdnadshavare', sortOrder: '5', name_en: 'Parents' });
    for (const text of await searchTexts(using)) expect(text).toContain('vardnadshavare');
  });

  it('refuses to delete a target group in use, and deletes an unused one', async () => {
    const used = await db.prisma.targetGroup.findUniqueOrThrow({ where: { slug: 'foraldrar' } });
    const before = await everything();
    expect(await failureOf(deleteTargetGroup(coordinator, used.id))).toEqual({ code: 'CONFLICT', formError: 'inUse' });
    expect(await everything()).toEqual(before);
    const unused = await db.prisma.targetGroup.findUniqueOrThrow({ where: { slug: 'studenter-pa-hogskola' } });
    await deleteTargetGroup(coordinator, unused.id);
    expect(await db.prisma.targetGroup.findUnique({ where: { id: unused.id } })).toBeNull();
  });
});

describe('access', () => {
  it('refuses everyone but the coordinator, for reading and for every change, and leaves everything unchanged', async () => {
    const category = await db.prisma.category.findUniqueOrThrow({ where: { slug: 'aldre' } });
    const attribute = await db.prisma.attribute.findUniqueOrThrow({ where: { key: 'anonymous' } });
    const municipality = await db.prisma.municipality.findUniqueOrThrow({ where: { code: '1862' } });
    const group = await db.prisma.targetGroup.findUniqueOrThrow({ where: { slug: 'alla' } });
    const before = await everything();
    const calls = [
      listCategoriesForAdmin(associationAdmin),
      createCategory(associationAdmin, { name: 'X', icon: 'heart' }),
      updateCategory(associationAdmin, category.id, { name: 'X', icon: 'heart' }),
      deleteCategory(associationAdmin, category.id),
      createAttribute(associationAdmin, { name: 'X' }),
      updateAttribute(associationAdmin, attribute.id, { name: 'X' }),
      deleteAttribute(associationAdmin, attribute.id),
      createMunicipality(associationAdmin, { name: 'X', code: '9999', regionName: 'X' }),
      updateMunicipality(associationAdmin, municipality.id, { name: 'X', code: '1862', regionName: 'X' }),
      deleteMunicipality(associationAdmin, municipality.id),
      createTargetGroup(associationAdmin, { name: 'X' }),
      updateTargetGroup(associationAdmin, group.id, { name: 'X' }),
      deleteTargetGroup(associationAdmin, group.id),
    ];
    for (const call of calls) expect((await failureOf(call)).code).toBe('FORBIDDEN');
    expect(await everything()).toEqual(before);
  });
});
