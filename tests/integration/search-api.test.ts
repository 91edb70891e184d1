/**
 * GET /api/search on the PostgreSQL engine (SEARCH_ENGINE=postgres): the JSON shape, the
 * 400 answers to bad parameters, and the anonymous statistics it keeps.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/api/search/route';
import { weekStartOf } from '@/lib/search/stats';
import { seedDatabase } from '@/prisma/seed/index';
import { useTestDatabase } from '../helpers/db';

vi.stubEnv('SEARCH_ENGINE', 'postgres');
const db = useTestDatabase();

beforeAll(async () => {
  await seedDatabase(db.prisma);
});

const get = (query: string) => GET(new Request(`http://localhost/api/search?${query}`));

describe('GET /api/search', () => {
  it('answers with engine, total, hits and facets', async () => {
    const response = await get('q=v%C3%A5ld&kommun=karlskoga');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.engine).toBe('postgres');
    expect(body.total).toBeGreaterThan(0);
    expect(body.hits.length).toBeGreaterThan(0);
    for (const hit of body.hits) {
      expect(Object.keys(hit).sort()).toEqual(['categories', 'id', 'municipalities', 'name', 'organization', 'slug', 'snippet']);
      expect(hit.municipalities).toContain('karlskoga');
    }
    expect(Object.keys(body.facets).sort()).toEqual(['attributes', 'categories', 'languages', 'municipalities', 'openNow', 'targetGroups']);
    expect(body.crisisLines).toEqual(['violence']);
  });

  it('names hits in the language asked for', async () => {
    const translated = await db.prisma.serviceTranslation.findFirstOrThrow({ where: { locale: 'en', name: { not: null } }, select: { name: true, service: { select: { slug: true, name: true } } } });
    const body = await (await get(`q=${encodeURIComponent(translated.service.name)}&lang=en`)).json();
    expect(body.hits.find((h: { slug: string }) => h.slug === translated.service.slug)?.name).toBe(translated.name);
  });

  it.each([
    ['sida=0', 'sida'],
    ['sida=abc', 'sida'],
    ['per_sida=500', 'per_sida'],
    ['kommun=Karl%20skoga', 'kommun'],
    ['oppet=igar', 'oppet'],
    ['gratis=kanske', 'gratis'],
    [`q=${'a'.repeat(201)}`, 'q'],
    ['lang=xx', 'lang'],
  ])('answers 400 naming the parameter for %s', async (query, field) => {
    const response = await get(query);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toMatch(/\S/);
    expect(Object.keys(body.fieldErrors)).toContain(field);
  });

  it('counts searches per week by normalised query, and never results-as-you-type', async () => {
    await db.prisma.searchStat.deleteMany({});
    await get('q=%20Skulder%20hos%20KRONOFOGDEN!%20');
    await get('q=skulder+hos+kronofogden');
    await get('q=skulder+hos+kronofogden&live=1');
    await get('q=xqzvw+ingenting');
    const rows = await db.prisma.searchStat.findMany({ orderBy: { normalizedQuery: 'asc' } });
    expect(rows.map((r) => [r.normalizedQuery, r.searchCount, r.zeroResultCount])).toEqual([
      ['skulder hos kronofogden', 2, 0],
      ['xqzvw ingenting', 1, 1],
    ]);
    expect(rows[0]?.weekStart.toISOString().slice(0, 10)).toBe(weekStartOf(new Date()).toISOString().slice(0, 10));
  });

  it('masks number sequences before anything is stored', async () => {
    await get('q=19850101-1234+070-123+45+67');
    const stored = (await db.prisma.searchStat.findMany({ select: { normalizedQuery: true } })).map((r) => r.normalizedQuery);
    expect(stored.some((q) => /\d{4}/.test(q))).toBe(false);
  });
});
