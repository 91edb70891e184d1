/**
 * The coordinator's thesaurus editor, through the data layer, on the demo data (which loads
 * the shipped default thesaurus the way a production site does from /admin/installningar).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { AppError } from '@/lib/errors/app-error';
import { weekStartOf } from '@/lib/search/stats';
import {
  createThesaurusEntry,
  deleteThesaurusEntry,
  getThesaurusEntry,
  listThesaurusEntries,
  loadDefaultThesaurusEntries,
  updateThesaurusEntry,
} from '@/lib/search/thesaurus/admin';
import { defaultThesaurusRows } from '@/lib/search/thesaurus/default';
import { invalidateThesaurusCache, listActiveThesaurus } from '@/lib/search/thesaurus/entries';
import { ENTRIES_PER_PAGE, thesaurusErrors } from '@/lib/search/thesaurus/schemas';
import { getThesaurusUsage, USAGE_QUERY_LIMIT } from '@/lib/search/thesaurus/usage';
import { seedDatabase } from '@/prisma/seed/index';
import { useTestDatabase } from '../helpers/db';

const db = useTestDatabase();

let coordinator: Actor;
let member: Actor;

async function actorFor(email: string): Promise<Actor> {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, memberships: { select: { organizationId: true, role: true } } } });
  return { kind: 'user', userId: user.id, memberships: user.memberships };
}

/** The AppError a call fails with, as code and form keys. */
async function failureOf(call: Promise<unknown>): Promise<{ code: string; fieldErrors?: Record<string, string>; formError?: string }> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, ...thesaurusErrors.describe(error) };
  }
  throw new Error('expected the call to fail');
}

/** Everything about the table that a change could touch. */
const tableState = async () => ({
  entries: await db.prisma.searchSynonym.findMany({ orderBy: { input: 'asc' } }),
  audit: await db.prisma.auditLog.count({ where: { entityType: 'SearchSynonym' } }),
});

beforeAll(async () => {
  await seedDatabase(db.prisma);
  coordinator = await actorFor('samordnare@lisa.example');
  member = await actorFor('medlem@lisa.example');
}, 180_000);

describe('createThesaurusEntry', () => {
  it('saves the entry cleaned, as the coordinator’s own, with an audit row', async () => {
    const entry = await createThesaurusEntry(coordinator, {
      input: '  Min  Kille Slår Mig ',
      synonyms: 'våld i nära relation\nkvinnojour, Kvinnojour',
      categories: ['vald-i-nara-relation'],
      topic: 'Våld i nära relation',
      isActive: 'on',
    });
    const stored = await db.prisma.searchSynonym.findUniqueOrThrow({ where: { id: entry.id } });
    expect(stored).toMatchObject({
      input: 'min kille slår mig',
      synonyms: ['våld i nära relation', 'kvinnojour'],
      categories: ['vald-i-nara-relation'],
      isMutual: false,
      isActive: true,
      isDefault: false,
      updatedById: coordinator.kind === 'user' ? coordinator.userId : null,
    });
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'thesaurus.create', entityId: entry.id } });
    expect(audit.actorId).toBe(stored.updatedById);
    expect(audit.data).toMatchObject({ input: 'min kille slår mig', synonyms: ['våld i nära relation', 'kvinnojour'] });
  });

  it('reaches search at once: the cached thesaurus of this process is cleared', async () => {
    const before = await listActiveThesaurus(db.prisma);
    expect(before.some((e) => e.input === 'zorblåt')).toBe(false);
    await createThesaurusEntry(coordinator, { input: 'zorblåt', synonyms: 'quaxträd', isActive: true });
    const after = await listActiveThesaurus(db.prisma);
    expect(after.find((e) => e.input === 'zorblåt')).toEqual({ input: 'zorblåt', synonyms: ['quaxträd'], categories: [], isMutual: false });
  });

  it.each([
    [{ input: '', synonyms: 'term' }, { input: 'required' }],
    [{ input: 'hem*', synonyms: 'term' }, { input: 'wildcard' }],
    [{ input: 'ett ord', synonyms: '' }, { synonyms: 'termsRequired' }],
    [{ input: 'ett ord', synonyms: 'term', categories: ['finns-inte-alls'] }, { categories: 'unknownCategory' }],
    [{ input: 'x'.repeat(81), synonyms: 'term' }, { input: 'tooLong' }],
  ])('refuses %j with INVALID_INPUT %j and writes nothing', async (input, fieldErrors) => {
    const before = await tableState();
    expect(await failureOf(createThesaurusEntry(coordinator, input))).toEqual({ code: 'INVALID_INPUT', fieldErrors });
    expect(await tableState()).toEqual(before);
  });

  it('refuses a duplicate input as a CONFLICT on the field, also when it differs only in case or diacritics', async () => {
    await createThesaurusEntry(coordinator, { input: 'våldsam partner', synonyms: 'våld i nära relation', isActive: true });
    const before = await tableState();
    for (const input of ['våldsam partner', 'Våldsam  Partner', 'valdsam partner']) {
      expect(await failureOf(createThesaurusEntry(coordinator, { input, synonyms: 'något annat', isActive: true }))).toEqual({
        code: 'CONFLICT',
        fieldErrors: { input: 'duplicate' },
      });
    }
    expect(await tableState()).toEqual(before);
  });

  it('refuses everyone but the coordinator', async () => {
    const before = await tableState();
    expect((await failureOf(createThesaurusEntry(member, { input: 'medlemsord', synonyms: 'term' }))).code).toBe('FORBIDDEN');
    expect((await failureOf(createThesaurusEntry({ kind: 'anonymous' }, { input: 'anonymt ord', synonyms: 'term' }))).code).toBe('UNAUTHENTICATED');
    expect(await tableState()).toEqual(before);
  });
});

describe('updateThesaurusEntry', () => {
  it('changes the entry and records before and after', async () => {
    const entry = await createThesaurusEntry(coordinator, { input: 'ändringsord', synonyms: 'gammal term', isActive: true });
    const updated = await updateThesaurusEntry(coordinator, entry.id, {
      input: 'ändrat ord',
      synonyms: 'ny term, andra termen',
      categories: ['psykisk-halsa'],
      topic: 'Test',
      isMutual: 'on',
    });
    expect(updated).toMatchObject({ input: 'ändrat ord', synonyms: ['ny term', 'andra termen'], categories: ['psykisk-halsa'], topic: 'Test', isMutual: true, isActive: false });
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'thesaurus.update', entityId: entry.id } });
    expect(audit.data).toMatchObject({ before: { input: 'ändringsord', synonyms: ['gammal term'], isActive: true }, after: { input: 'ändrat ord', isActive: false } });
  });

  it('makes an edited default entry the coordinator’s own (isDefault false)', async () => {
    const entry = await db.prisma.searchSynonym.findFirstOrThrow({ where: { isDefault: true, input: { not: { contains: '*' } } }, orderBy: { input: 'asc' } });
    await updateThesaurusEntry(coordinator, entry.id, { ...entry, synonyms: [...entry.synonyms, 'egen term'] });
    expect(await db.prisma.searchSynonym.findUniqueOrThrow({ where: { id: entry.id } })).toMatchObject({ isDefault: false, synonyms: [...entry.synonyms, 'egen term'] });
  });

  it('writes nothing when saved unchanged, so a default entry stays a default one', async () => {
    const entry = await db.prisma.searchSynonym.findFirstOrThrow({ where: { isDefault: true }, orderBy: { input: 'desc' } });
    const before = await tableState();
    await updateThesaurusEntry(coordinator, entry.id, { ...entry });
    expect(await tableState()).toEqual(before);
  });

  it('refuses renaming onto another entry’s input, an unknown id, and bad input, writing nothing', async () => {
    const a = await createThesaurusEntry(coordinator, { input: 'första ordet', synonyms: 'term', isActive: true });
    await createThesaurusEntry(coordinator, { input: 'andra ordet', synonyms: 'term', isActive: true });
    const before = await tableState();
    expect(await failureOf(updateThesaurusEntry(coordinator, a.id, { input: 'Andra ordet', synonyms: 'term', isActive: true }))).toEqual({
      code: 'CONFLICT',
      fieldErrors: { input: 'duplicate' },
    });
    expect((await failureOf(updateThesaurusEntry(coordinator, 'finnsinte', { input: 'x', synonyms: 'term' }))).code).toBe('NOT_FOUND');
    expect((await failureOf(updateThesaurusEntry(coordinator, '../../etc', { input: 'x', synonyms: 'term' }))).code).toBe('NOT_FOUND');
    expect(await failureOf(updateThesaurusEntry(coordinator, a.id, { input: 'första ordet', synonyms: 'bra\n---' }))).toEqual({
      code: 'INVALID_INPUT',
      fieldErrors: { synonyms: 'termInvalid' },
    });
    expect((await failureOf(updateThesaurusEntry(member, a.id, { input: 'första ordet', synonyms: 'ny' }))).code).toBe('FORBIDDEN');
    expect(await tableState()).toEqual(before);
  });
});

describe('deleteThesaurusEntry', () => {
  it('deletes the entry with an audit row keeping what it was; a second delete finds nothing', async () => {
    const entry = await createThesaurusEntry(coordinator, { input: 'raderas snart', synonyms: 'term', isActive: true });
    expect(await deleteThesaurusEntry(coordinator, entry.id)).toEqual({ input: 'raderas snart' });
    expect(await db.prisma.searchSynonym.findUnique({ where: { id: entry.id } })).toBeNull();
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'thesaurus.delete', entityId: entry.id } });
    expect(audit.data).toMatchObject({ input: 'raderas snart', synonyms: ['term'] });
    expect((await failureOf(deleteThesaurusEntry(coordinator, entry.id))).code).toBe('NOT_FOUND');
    expect((await failureOf(getThesaurusEntry(coordinator, entry.id))).code).toBe('NOT_FOUND');
  });

  it('refuses a member, deleting nothing', async () => {
    const entry = await createThesaurusEntry(coordinator, { input: 'står kvar', synonyms: 'term', isActive: true });
    expect((await failureOf(deleteThesaurusEntry(member, entry.id))).code).toBe('FORBIDDEN');
    expect(await db.prisma.searchSynonym.findUnique({ where: { id: entry.id } })).not.toBeNull();
  });
});

describe('loadDefaultThesaurusEntries', () => {
  const shipped = defaultThesaurusRows();

  it('fills an empty table with the default list, and a second load changes nothing', async () => {
    await db.prisma.searchSynonym.deleteMany();
    expect(await loadDefaultThesaurusEntries(coordinator)).toEqual({ added: shipped.length, updated: 0, keptEdited: 0 });
    const afterFirst = await db.prisma.searchSynonym.findMany({ orderBy: { input: 'asc' } });
    expect(afterFirst).toHaveLength(shipped.length);
    expect(afterFirst.every((e) => e.isDefault)).toBe(true);

    expect(await loadDefaultThesaurusEntries(coordinator)).toEqual({ added: 0, updated: 0, keptEdited: 0 });
    expect(await db.prisma.searchSynonym.findMany({ orderBy: { input: 'asc' } })).toEqual(afterFirst);
    expect(await db.prisma.auditLog.count({ where: { action: 'thesaurus.loadDefaults' } })).toBe(2);
  });

  it('keeps an entry the coordinator edited, and refreshes an unedited default one that is out of date', async () => {
    const [edited, stale] = shipped;
    const editedRow = await db.prisma.searchSynonym.findUniqueOrThrow({ where: { input: edited!.input } });
    await updateThesaurusEntry(coordinator, editedRow.id, { ...edited, synonyms: ['samordnarens egen term'], isActive: true });
    // As if an older default list had been loaded: same input, other terms, still unedited.
    await db.prisma.searchSynonym.update({ where: { input: stale!.input }, data: { synonyms: ['gammal standardterm'] } });

    expect(await loadDefaultThesaurusEntries(coordinator)).toEqual({ added: 0, updated: 1, keptEdited: 1 });
    expect(await db.prisma.searchSynonym.findUniqueOrThrow({ where: { input: edited!.input } })).toMatchObject({ synonyms: ['samordnarens egen term'], isDefault: false });
    expect(await db.prisma.searchSynonym.findUniqueOrThrow({ where: { input: stale!.input } })).toMatchObject({ synonyms: stale!.synonyms, isDefault: true });
  });

  it('refuses a member, loading nothing', async () => {
    const one = await db.prisma.searchSynonym.findFirstOrThrow({ where: { isDefault: true } });
    await db.prisma.searchSynonym.delete({ where: { id: one.id } });
    const before = await tableState();
    expect((await failureOf(loadDefaultThesaurusEntries(member))).code).toBe('FORBIDDEN');
    expect(await tableState()).toEqual(before);
    await loadDefaultThesaurusEntries(coordinator);
  });
});

describe('listThesaurusEntries', () => {
  beforeAll(async () => {
    await createThesaurusEntry(coordinator, { input: 'filtertest ett', synonyms: 'Ångvält', topic: 'Filterämne', isActive: true });
    await createThesaurusEntry(coordinator, { input: 'filtertest två', synonyms: 'annat', topic: 'Filterämne' });
    await createThesaurusEntry(coordinator, { input: 'filtrets 100%_fall', synonyms: 'procent', isActive: true });
  });

  it('finds a text in the input or any term, ignoring case and diacritics', async () => {
    expect((await listThesaurusEntries(coordinator, { q: 'FILTERTEST' })).items.map((e) => e.input)).toEqual(['filtertest ett', 'filtertest två']);
    expect((await listThesaurusEntries(coordinator, { q: 'angvalt' })).items.map((e) => e.input)).toEqual(['filtertest ett']);
    // LIKE's wildcards are taken literally.
    expect((await listThesaurusEntries(coordinator, { q: '100%_' })).items.map((e) => e.input)).toEqual(['filtrets 100%_fall']);
    expect((await listThesaurusEntries(coordinator, { q: '%' })).items.map((e) => e.input)).toEqual(['filtrets 100%_fall']);
  });

  it('narrows by topic and by whether entries are in use', async () => {
    expect((await listThesaurusEntries(coordinator, { topic: 'Filterämne' })).items.map((e) => e.input)).toEqual(['filtertest ett', 'filtertest två']);
    expect((await listThesaurusEntries(coordinator, { topic: 'Filterämne', activity: 'inactive' })).items.map((e) => e.input)).toEqual(['filtertest två']);
    expect((await listThesaurusEntries(coordinator, { topic: 'Filterämne', activity: 'active' })).items.map((e) => e.input)).toEqual(['filtertest ett']);
    expect((await listThesaurusEntries(coordinator, {})).topics).toEqual(expect.arrayContaining(['Filterämne', 'Våld i nära relation']));
  });

  it('pages 50 at a time, and keeps a page beyond the end on the last one', async () => {
    const total = await db.prisma.searchSynonym.count();
    const first = await listThesaurusEntries(coordinator, {});
    expect(first.total).toBe(total);
    expect(first.items).toHaveLength(ENTRIES_PER_PAGE);
    expect(first.pageCount).toBe(Math.ceil(total / ENTRIES_PER_PAGE));
    const last = await listThesaurusEntries(coordinator, { page: '99999' });
    expect(last.page).toBe(first.pageCount);
    expect(last.items).toHaveLength(total - (first.pageCount - 1) * ENTRIES_PER_PAGE);
  });

  it('sorts å, ä and ö after z, as a Swedish dictionary does', async () => {
    for (const word of ['öl', 'apa', 'äng', 'zebra', 'ål']) await createThesaurusEntry(coordinator, { input: `sortord ${word}`, synonyms: 'term', isActive: true });
    expect((await listThesaurusEntries(coordinator, { q: 'sortord' })).items.map((e) => e.input)).toEqual([
      'sortord apa',
      'sortord zebra',
      'sortord ål',
      'sortord äng',
      'sortord öl',
    ]);
  });

  it('refuses a member', async () => {
    expect((await failureOf(listThesaurusEntries(member, {}))).code).toBe('FORBIDDEN');
  });
});

describe('getThesaurusUsage', () => {
  // A Wednesday; its week starts Monday 2026-11-16 (Stockholm).
  const now = new Date('2026-11-18T10:00:00Z');
  const thisWeek = weekStartOf(now);
  const weeksBefore = (weeks: number) => new Date(thisWeek.getTime() - weeks * 7 * 24 * 60 * 60 * 1000);
  const stat = (weekStart: Date, normalizedQuery: string, searchCount: number, zeroResultCount = 0, lowResultCount = 0) => ({
    weekStart,
    normalizedQuery,
    searchCount,
    zeroResultCount,
    lowResultCount,
  });

  beforeAll(async () => {
    // Made-up words, so the shipped default entries cannot fire on these queries.
    await createThesaurusEntry(coordinator, { input: 'blorfen', synonyms: 'term ett', isActive: true });
    await createThesaurusEntry(coordinator, { input: 'gnurk*', synonyms: 'term två', isActive: true });
    await createThesaurusEntry(coordinator, { input: 'plimsa', synonyms: 'trovel', isMutual: true, isActive: true });
    await createThesaurusEntry(coordinator, { input: 'kvarg mosse', synonyms: 'term tre', isActive: true });
    await createThesaurusEntry(coordinator, { input: 'snoddel', synonyms: 'term fyra' });
    await db.prisma.searchStat.deleteMany();
    await db.prisma.searchStat.createMany({
      data: [
        stat(thisWeek, 'blorfen', 5),
        stat(weeksBefore(1), 'blorfen', 2),
        stat(weeksBefore(11), 'gnurkade', 3),
        stat(thisWeek, 'gnurken idag', 1),
        stat(thisWeek, 'jag har trovel', 4),
        stat(thisWeek, 'kvarg mosse nu', 2),
        stat(thisWeek, 'mosse kvarg', 6, 1),
        stat(thisWeek, 'snoddel', 8, 6, 1),
        stat(weeksBefore(2), 'zyxlo ord', 3, 3),
        // Twelve weeks back is outside "the last 12 weeks".
        stat(weeksBefore(12), 'blorfen', 100),
        stat(weeksBefore(12), 'gammal sökning', 100, 100),
      ],
    });
    invalidateThesaurusCache(db.prisma);
  });

  it('counts per entry the searches of the last 12 weeks it fired on, with the most searched queries as examples', async () => {
    const usage = await getThesaurusUsage(coordinator, now);
    expect(usage.weeks).toBe(12);
    expect(usage.since).toEqual(weeksBefore(11));
    expect({
      blorfen: usage.byInput.blorfen,
      'gnurk*': usage.byInput['gnurk*'],
      plimsa: usage.byInput.plimsa,
      'kvarg mosse': usage.byInput['kvarg mosse'],
      snoddel: usage.byInput.snoddel,
    }).toEqual({
      blorfen: { searches: 7, queries: 1, examples: ['blorfen'] },
      'gnurk*': { searches: 4, queries: 2, examples: ['gnurkade', 'gnurken idag'] },
      plimsa: { searches: 4, queries: 1, examples: ['jag har trovel'] },
      'kvarg mosse': { searches: 2, queries: 1, examples: ['kvarg mosse nu'] },
      // Switched off: it does not fire.
      snoddel: undefined,
    });
  });

  it('lists the most searched queries nothing fired on that mostly found nothing or little', async () => {
    const usage = await getThesaurusUsage(coordinator, now);
    expect(usage.unmatched).toEqual([
      { query: 'snoddel', searches: 8, zeroResults: 6, lowResults: 1 },
      { query: 'zyxlo ord', searches: 3, zeroResults: 3, lowResults: 0 },
    ]);
    // Eight distinct queries in the window ("blorfen" of two weeks counts once).
    expect(usage.queriesRead).toBe(8);
    expect(usage.isCapped).toBe(false);
  });

  it(`reads at most the ${USAGE_QUERY_LIMIT} most searched queries`, async () => {
    await db.prisma.searchStat.createMany({
      data: Array.from({ length: USAGE_QUERY_LIMIT }, (_, i) => stat(thisWeek, `fyllnad ${i}`, 1)),
    });
    const usage = await getThesaurusUsage(coordinator, now);
    expect(usage.queriesRead).toBe(USAGE_QUERY_LIMIT);
    expect(usage.isCapped).toBe(true);
    // The most searched ones are the ones read.
    expect(usage.byInput.blorfen?.searches).toBe(7);
  });

  it('is for the coordinator only', async () => {
    expect((await failureOf(getThesaurusUsage(member, now))).code).toBe('FORBIDDEN');
  });
});
