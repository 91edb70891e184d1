/**
 * The coordinator's thesaurus editor (/admin/installningar): list, create, change, delete
 * entries and load the shipped defaults. Every function takes the actor first and asks the
 * policy ('directory.settings') before it reads or writes. Every change writes an audit row
 * in its transaction and, once committed, clears this process's cached thesaurus so the next
 * search uses it (other processes within entries.ts's cache time).
 */
import type { Actor } from '@/lib/authz/actor';
import { authorize } from '@/lib/authz/policy';
import { getDb, type Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { Prisma } from '@/lib/generated/prisma/client';
import { foldText } from '../document';
import type { Tx } from '../projection';
import { loadDefaultThesaurus, type LoadReport } from './default';
import { invalidateThesaurusCache } from './entries';
import {
  ENTRIES_PER_PAGE,
  entryIdSchema,
  thesaurusEntrySchema,
  thesaurusErrors,
  thesaurusListSchema,
  type ThesaurusEntryInput,
  type ThesaurusListInput,
} from './schemas';

export interface ThesaurusEntryItem {
  id: string;
  input: string;
  synonyms: string[];
  /** Category slugs, as stored. */
  categories: string[];
  topic: string;
  isMutual: boolean;
  isActive: boolean;
  /** From the shipped default list and unchanged since. */
  isDefault: boolean;
  updatedAt: Date;
}

export interface ThesaurusPage {
  items: ThesaurusEntryItem[];
  total: number;
  page: number;
  pageCount: number;
  filter: ThesaurusListInput;
  /** Every topic in use, for the filter. */
  topics: string[];
}

export interface CategoryOption {
  slug: string;
  name: string;
  isActive: boolean;
}

const itemSelect = {
  id: true,
  input: true,
  synonyms: true,
  categories: true,
  topic: true,
  isMutual: true,
  isActive: true,
  isDefault: true,
  updatedAt: true,
} satisfies Prisma.SearchSynonymSelect;

const actorIdOf = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);

/** LIKE pattern for a folded filter text, with LIKE's own wildcards taken literally. */
const containsPattern = (text: string) => `%${foldText(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Entries, 50 a page, in Swedish alphabetical order (å, ä, ö after z), narrowed by a text
 * (in the input or any term, ignoring case and diacritics), a topic and whether active.
 */
export async function listThesaurusEntries(actor: Actor, input: unknown): Promise<ThesaurusPage> {
  authorize(actor, 'directory.settings', null);
  const filter = thesaurusErrors.parse(thesaurusListSchema, input ?? {});
  const db = await getDb();
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    conditions.push(Prisma.sql`(unaccent(lower(s."input")) LIKE ${pattern} ESCAPE '\\'
      OR EXISTS (SELECT 1 FROM unnest(s."synonyms") AS term WHERE unaccent(lower(term)) LIKE ${pattern} ESCAPE '\\'))`);
  }
  if (filter.topic) conditions.push(Prisma.sql`s."topic" = ${filter.topic}`);
  if (filter.activity !== 'all') conditions.push(Prisma.sql`s."isActive" = ${filter.activity === 'active'}`);
  // The thesaurus is hundreds of rows, not millions: the ids of every match, then one page.
  const matching = await db.$queryRaw<{ id: string }[]>`
    SELECT s."id" FROM "SearchSynonym" s
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY translate(lower(s."input"), 'åäöæø', '{|}|}') COLLATE "C", s."id"`;
  const total = matching.length;
  const pageCount = Math.max(1, Math.ceil(total / ENTRIES_PER_PAGE));
  const page = Math.min(filter.page, pageCount);
  const ids = matching.slice((page - 1) * ENTRIES_PER_PAGE, page * ENTRIES_PER_PAGE).map((row) => row.id);
  const [rows, topics] = await Promise.all([db.searchSynonym.findMany({ where: { id: { in: ids } }, select: itemSelect }), topicsOf(db)]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return { items: ids.flatMap((id) => byId.get(id) ?? []), total, page, pageCount, filter: { ...filter, page }, topics };
}

async function topicsOf(db: Db): Promise<string[]> {
  const rows = await db.searchSynonym.findMany({ where: { topic: { not: '' } }, distinct: ['topic'], select: { topic: true }, orderBy: { topic: 'asc' } });
  return rows.map((row) => row.topic);
}

/** Every topic in use, for the form's suggestions. */
export async function listThesaurusTopics(actor: Actor): Promise<string[]> {
  authorize(actor, 'directory.settings', null);
  return topicsOf(await getDb());
}

/** One entry for the edit form; NOT_FOUND when the id is unknown or malformed. */
export async function getThesaurusEntry(actor: Actor, id: unknown): Promise<ThesaurusEntryItem> {
  authorize(actor, 'directory.settings', null);
  const parsed = entryIdSchema.safeParse(id);
  if (!parsed.success) throw new AppError('NOT_FOUND', 'notFound');
  const db = await getDb();
  const entry = await db.searchSynonym.findUnique({ where: { id: parsed.data }, select: itemSelect });
  if (!entry) throw new AppError('NOT_FOUND', 'notFound');
  return entry;
}

/**
 * The categories an entry may point to, named in the page's language where a translation
 * exists. Inactive ones are listed too: an entry may still point to one, and the form must
 * not drop it silently.
 */
export async function listCategoryOptions(actor: Actor, locale: string): Promise<CategoryOption[]> {
  authorize(actor, 'directory.settings', null);
  const db = await getDb();
  const rows = await db.category.findMany({
    orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
    select: { slug: true, name: true, isActive: true, translations: { where: { locale }, select: { name: true } } },
  });
  return rows.map((c) => ({ slug: c.slug, name: c.translations[0]?.name ?? c.name, isActive: c.isActive }));
}

async function assertCategoriesExist(db: Tx, slugs: string[]): Promise<void> {
  if (slugs.length === 0) return;
  const found = await db.category.count({ where: { slug: { in: slugs } } });
  if (found !== slugs.length) throw new AppError('INVALID_INPUT', 'invalid', { categories: ['unknownCategory'] });
}

/**
 * Two entries whose inputs fold to the same words would fire on exactly the same queries
 * ("vald" and "våld"), so the second is a duplicate too, not only an identical string.
 */
async function assertInputFree(tx: Tx, input: string, exceptId: string | null): Promise<void> {
  const folded = foldText(input);
  const clash = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "SearchSynonym"
    WHERE unaccent(lower("input")) = ${folded} AND "id" <> ${exceptId ?? ''}
    LIMIT 1`;
  if (clash.length > 0) throw duplicate();
}

const duplicate = () => new AppError('CONFLICT', 'duplicate', { input: ['duplicate'] });

/** The unique index is the last word when two coordinators save the same input at once. */
function rethrowUniqueViolation(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw duplicate();
  throw error;
}

/** The entry as the audit log keeps it (no ids of people, no timestamps). */
const auditShape = (e: ThesaurusEntryInput) => ({
  input: e.input,
  synonyms: e.synonyms,
  categories: e.categories,
  topic: e.topic,
  isMutual: e.isMutual,
  isActive: e.isActive,
});

export async function createThesaurusEntry(actor: Actor, input: unknown): Promise<ThesaurusEntryItem> {
  authorize(actor, 'directory.settings', null);
  const data = thesaurusErrors.parse(thesaurusEntrySchema, input);
  const db = await getDb();
  await assertCategoriesExist(db, data.categories);
  const created = await db
    .$transaction(async (tx) => {
      await assertInputFree(tx, data.input, null);
      const entry = await tx.searchSynonym.create({
        data: { ...data, isDefault: false, updatedById: actorIdOf(actor) },
        select: itemSelect,
      });
      await tx.auditLog.create({
        data: { actorId: actorIdOf(actor), action: 'thesaurus.create', entityType: 'SearchSynonym', entityId: entry.id, data: auditShape(data) },
      });
      return entry;
    })
    .catch(rethrowUniqueViolation);
  invalidateThesaurusCache(db);
  return created;
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((value, i) => value === b[i]);

/**
 * Changes an entry. A default entry that is changed in any way stops being a default one
 * (isDefault false), so loading a newer default list never undoes the coordinator's edit.
 * Saving the form unchanged writes nothing.
 */
export async function updateThesaurusEntry(actor: Actor, id: unknown, input: unknown): Promise<ThesaurusEntryItem> {
  authorize(actor, 'directory.settings', null);
  const entryId = entryIdSchema.safeParse(id);
  if (!entryId.success) throw new AppError('NOT_FOUND', 'notFound');
  const data = thesaurusErrors.parse(thesaurusEntrySchema, input);
  const db = await getDb();
  await assertCategoriesExist(db, data.categories);
  const result = await db
    .$transaction(async (tx) => {
      const current = await tx.searchSynonym.findUnique({ where: { id: entryId.data }, select: itemSelect });
      if (!current) throw new AppError('NOT_FOUND', 'notFound');
      const isUnchanged =
        current.input === data.input &&
        sameList(current.synonyms, data.synonyms) &&
        sameList(current.categories, data.categories) &&
        current.topic === data.topic &&
        current.isMutual === data.isMutual &&
        current.isActive === data.isActive;
      if (isUnchanged) return { entry: current, changed: false };
      if (current.input !== data.input) await assertInputFree(tx, data.input, current.id);
      const entry = await tx.searchSynonym.update({
        where: { id: current.id },
        data: { ...data, isDefault: false, updatedById: actorIdOf(actor) },
        select: itemSelect,
      });
      await tx.auditLog.create({
        data: {
          actorId: actorIdOf(actor),
          action: 'thesaurus.update',
          entityType: 'SearchSynonym',
          entityId: current.id,
          data: { before: { ...auditShape(current), isDefault: current.isDefault }, after: auditShape(data) },
        },
      });
      return { entry, changed: true };
    })
    .catch(rethrowUniqueViolation);
  if (result.changed) invalidateThesaurusCache(db);
  return result.entry;
}

export async function deleteThesaurusEntry(actor: Actor, id: unknown): Promise<{ input: string }> {
  authorize(actor, 'directory.settings', null);
  const entryId = entryIdSchema.safeParse(id);
  if (!entryId.success) throw new AppError('NOT_FOUND', 'notFound');
  const db = await getDb();
  const deleted = await db.$transaction(async (tx) => {
    const current = await tx.searchSynonym.findUnique({ where: { id: entryId.data }, select: itemSelect });
    if (!current) throw new AppError('NOT_FOUND', 'notFound');
    await tx.searchSynonym.delete({ where: { id: current.id } });
    await tx.auditLog.create({
      data: {
        actorId: actorIdOf(actor),
        action: 'thesaurus.delete',
        entityType: 'SearchSynonym',
        entityId: current.id,
        data: { ...auditShape(current), isDefault: current.isDefault },
      },
    });
    return { input: current.input };
  });
  invalidateThesaurusCache(db);
  return deleted;
}

/**
 * Loads the shipped default thesaurus: adds missing entries, refreshes unedited default ones,
 * leaves the coordinator's edited ones alone (lib/search/thesaurus/default.ts). Running it
 * again with the same list changes nothing.
 */
export async function loadDefaultThesaurusEntries(actor: Actor): Promise<LoadReport> {
  authorize(actor, 'directory.settings', null);
  const db = await getDb();
  const report = await db.$transaction(
    async (tx) => {
      const counts = await loadDefaultThesaurus(tx);
      await tx.auditLog.create({
        data: { actorId: actorIdOf(actor), action: 'thesaurus.loadDefaults', entityType: 'SearchSynonym', entityId: 'default', data: { ...counts } },
      });
      return counts;
    },
    // Hundreds of rows in one transaction; PGlite on a small machine needs more than the default 5 s.
    { timeout: 60_000 },
  );
  invalidateThesaurusCache(db);
  return report;
}
