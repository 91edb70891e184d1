/**
 * Keywords of a service ("också känt som"), through the data layer on the demo data: who may
 * change them, what is stored, and that search finds the service by them at once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { resolveOpenNow } from '@/lib/directory/open-now';
import { keywordErrors } from '@/lib/directory/keyword-schemas';
import { getKeywordService, hasKeywordServices, listKeywordServices, updateServiceKeywords } from '@/lib/directory/keywords';
import { AppError } from '@/lib/errors/app-error';
import { analyzeSearchQuery } from '@/lib/search/analyze';
import { createPostgresEngine } from '@/lib/search/engines/postgres';
import { SERVICE_INDEX_TOPIC } from '@/lib/search/projection';
import { parseSearchQuery } from '@/lib/search/query';
import { seedDatabase } from '@/prisma/seed/index';
import { useTestDatabase } from '../helpers/db';

const db = useTestDatabase();

// Kvinnojouren Linnéan (association A) and Reda ekonomirådgivning (association B).
const OWN_SERVICE = 'linnean-stodsamtal';
const OTHER_SERVICE = 'reda-budget-drop-in';

const actors: Record<'coordinator' | 'member' | 'admin' | 'otherMember' | 'official', Actor> = {} as never;

async function actorFor(email: string): Promise<Actor> {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, memberships: { select: { organizationId: true, role: true } } } });
  return { kind: 'user', userId: user.id, memberships: user.memberships };
}

const serviceId = async (slug: string) => (await db.prisma.service.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;

/** Everything a keyword change writes: the service, its projection, the outbox, the audit log. */
async function writtenFor(slug: string) {
  const id = await serviceId(slug);
  return {
    keywords: (await db.prisma.service.findUniqueOrThrow({ where: { id }, select: { keywords: true } })).keywords,
    projection: await db.prisma.serviceSearchDocument.findUnique({ where: { serviceId: id }, select: { searchText: true, updatedAt: true } }),
    outbox: await db.prisma.outboxMessage.count({ where: { aggregateId: id } }),
    audit: await db.prisma.auditLog.count({ where: { entityId: id, action: 'service.editKeywords' } }),
  };
}

async function failureOf(call: Promise<unknown>): Promise<{ code: string; fieldErrors?: Record<string, string>; formError?: string }> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, ...keywordErrors.describe(error) };
  }
  throw new Error('expected the call to fail');
}

/** The slugs the PostgreSQL engine finds for a query, as a resident's search would ask. */
async function searchSlugs(q: string): Promise<string[]> {
  const query = parseSearchQuery({ q });
  const result = await createPostgresEngine(db.prisma).search({
    query,
    analysis: await analyzeSearchQuery(db.prisma, q),
    locale: 'sv',
    openNow: await resolveOpenNow(db.prisma, new Date()),
  });
  return result.hits.map((hit) => hit.slug);
}

beforeAll(async () => {
  await seedDatabase(db.prisma);
  actors.coordinator = await actorFor('samordnare@lisa.example');
  actors.member = await actorFor('medlem@lisa.example');
  actors.admin = await actorFor('foreningsadmin@lisa.example');
  actors.otherMember = await actorFor('medlem2@lisa.example');
  actors.official = await actorFor('tjansteperson.region@lisa.example');
}, 180_000);

describe('updateServiceKeywords', () => {
  it('stores the keywords trimmed and each once, and writes the projection, the outbox and the audit log in one go', async () => {
    const id = await serviceId(OWN_SERVICE);
    const before = await writtenFor(OWN_SERVICE);
    const saved = await updateServiceKeywords(actors.member, id, '  kvinnofrid \n\nKvinnofrid\nskyddat   boende, samtalsstöd');
    expect(saved.keywords).toEqual(['kvinnofrid', 'skyddat boende', 'samtalsstöd']);
    const after = await writtenFor(OWN_SERVICE);
    expect(after.keywords).toEqual(['kvinnofrid', 'skyddat boende', 'samtalsstöd']);
    expect(after.projection?.searchText).toContain('kvinnofrid');
    expect(after.outbox).toBe(before.outbox + 1);
    expect(await db.prisma.outboxMessage.findFirst({ where: { aggregateId: id }, orderBy: { id: 'desc' }, select: { topic: true } })).toEqual({
      topic: SERVICE_INDEX_TOPIC,
    });
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { entityId: id, action: 'service.editKeywords' }, orderBy: { id: 'desc' } });
    expect(audit.actorId).toBe(actors.member.kind === 'user' ? actors.member.userId : null);
    expect(audit.data).toEqual({ before: before.keywords, after: ['kvinnofrid', 'skyddat boende', 'samtalsstöd'] });
  });

  it('makes the service findable by a new keyword at once', async () => {
    // A word that appears nowhere in the demo data.
    expect(await searchSlugs('fjärilsnät')).not.toContain(OWN_SERVICE);
    await updateServiceKeywords(actors.admin, await serviceId(OWN_SERVICE), 'kvinnofrid\nfjärilsnät');
    expect(await searchSlugs('fjärilsnät')).toContain(OWN_SERVICE);
    // Removed again, and gone from search again.
    await updateServiceKeywords(actors.admin, await serviceId(OWN_SERVICE), 'kvinnofrid');
    expect(await searchSlugs('fjärilsnät')).not.toContain(OWN_SERVICE);
  });

  it('writes nothing when the keywords are unchanged', async () => {
    const before = await writtenFor(OWN_SERVICE);
    await updateServiceKeywords(actors.member, await serviceId(OWN_SERVICE), before.keywords);
    expect(await writtenFor(OWN_SERVICE)).toEqual(before);
  });

  it('lets the coordinator change any association’s service', async () => {
    const saved = await updateServiceKeywords(actors.coordinator, await serviceId(OTHER_SERVICE), ['kronofogden', 'skulder', 'budgetrådgivning']);
    expect(saved.keywords).toEqual(['kronofogden', 'skulder', 'budgetrådgivning']);
  });

  it('refuses a member of association A for a service of association B, whatever the request holds', async () => {
    const id = await serviceId(OTHER_SERVICE);
    const before = await writtenFor(OTHER_SERVICE);
    for (const keywords of ['kapat ord', '', undefined, 'x', Array.from({ length: 40 }, (_, i) => `ord ${i}`), ['bra', 'ord']]) {
      expect((await failureOf(updateServiceKeywords(actors.member, id, keywords))).code).toBe('FORBIDDEN');
    }
    for (const actor of [actors.admin, actors.official]) expect((await failureOf(updateServiceKeywords(actor, id, 'kapat ord'))).code).toBe('FORBIDDEN');
    expect((await failureOf(updateServiceKeywords({ kind: 'anonymous' }, id, 'kapat ord'))).code).toBe('UNAUTHENTICATED');
    expect((await failureOf(getKeywordService(actors.member, OTHER_SERVICE))).code).toBe('FORBIDDEN');
    expect(await writtenFor(OTHER_SERVICE)).toEqual(before);
  });

  it.each([
    [Array.from({ length: 31 }, (_, i) => `ord ${i}`), 'tooManyKeywords'],
    ['bra ord\nx', 'keywordTooShort'],
    [`bra ord\n${'l'.repeat(61)}`, 'keywordTooLong'],
    ['bra ord\n???', 'keywordInvalid'],
    [undefined, 'keywordInvalid'],
    [{ keywords: 'ett objekt' }, 'keywordInvalid'],
  ])('refuses %j with INVALID_INPUT (%s) and writes nothing', async (keywords, key) => {
    const before = await writtenFor(OWN_SERVICE);
    expect(await failureOf(updateServiceKeywords(actors.member, await serviceId(OWN_SERVICE), keywords))).toEqual({
      code: 'INVALID_INPUT',
      fieldErrors: { keywords: key },
    });
    expect(await writtenFor(OWN_SERVICE)).toEqual(before);
  });

  it('answers NOT_FOUND for a service that does not exist or an id that cannot be one', async () => {
    for (const id of ['finnsinte', '../x', '', 42]) expect((await failureOf(updateServiceKeywords(actors.coordinator, id, 'ord'))).code).toBe('NOT_FOUND');
    expect((await failureOf(getKeywordService(actors.coordinator, 'finns-inte'))).code).toBe('NOT_FOUND');
  });
});

describe('listKeywordServices', () => {
  it('gives an association’s people their association’s services, and nobody else’s', async () => {
    const linnean = await db.prisma.organization.findUniqueOrThrow({ where: { slug: 'kvinnojouren-linnean' }, select: { id: true, name: true } });
    const expected = await db.prisma.service.count({ where: { organizationId: linnean.id } });
    for (const actor of [actors.member, actors.admin]) {
      const page = await listKeywordServices(actor, {});
      expect(page.total).toBe(expected);
      expect(new Set(page.items.map((s) => s.organizationName))).toEqual(new Set([linnean.name]));
      expect(page.items.map((s) => s.slug)).not.toContain(OTHER_SERVICE);
    }
    expect(await hasKeywordServices(actors.member)).toBe(true);
  });

  it('gives the coordinator every service, narrowed by name, and officials and residents none', async () => {
    const all = await listKeywordServices(actors.coordinator, {});
    expect(all.total).toBe(await db.prisma.service.count());
    const narrowed = await listKeywordServices(actors.coordinator, { q: 'BUDGET' });
    expect(narrowed.items.map((s) => s.slug)).toContain(OTHER_SERVICE);
    expect(narrowed.items.every((s) => s.name.toLowerCase().includes('budget'))).toBe(true);
    for (const actor of [actors.official, { kind: 'anonymous' } as Actor]) {
      expect((await listKeywordServices(actor, {})).total).toBe(0);
      expect(await hasKeywordServices(actor)).toBe(false);
    }
  });
});
