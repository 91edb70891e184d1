/**
 * Relevance of directory search, measured on the resident-style query set in
 * tests/relevance/queries.ts over the demo data, on both engines.
 *
 * - recall@5: the share of queries with at least one right answer among the first five hits;
 * - MRR: the mean of 1 / (rank of the first right answer), over the first page of hits
 *   (a query with none there counts 0).
 *
 * Each engine's figures, and the queries it missed, are printed. Both engines must find a
 * right answer in the top five for at least nine queries in ten; the MRR floors are the
 * figures measured with the default thesaurus (docs/relevance.md) rounded down to 0.05, so a
 * change that pushes right answers down the page fails here too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { EngineName, SearchEngine } from '@/lib/search/types';
import { categories } from '@/prisma/seed/data/taxonomy';
import { seedDatabase } from '@/prisma/seed/index';
import { useTestDatabase } from '../helpers/db';
import { engineCases, useMeiliServer } from '../helpers/search';
import { figuresOf, relevanceReport, runRelevanceQueries, TOP } from '../relevance/measure';
import { relevanceQueries } from '../relevance/queries';

const meili = useMeiliServer();
const db = useTestDatabase();

/**
 * Before the thesaurus (2026-11-23) the engines found a right answer in the top five for 31%
 * (PostgreSQL) and 49% (Meilisearch) of the queries; see docs/relevance.md for today's figures.
 */
const FLOORS: Record<EngineName, { recallAt5: number; mrr: number }> = {
  postgres: { recallAt5: 0.9, mrr: 0.8 },
  meilisearch: { recallAt5: 0.9, mrr: 0.7 },
};
const MIN_QUERIES = 60;

const engines = engineCases(() => db.prisma, meili);

let activeServices = new Map<string, string[]>();

beforeAll(async () => {
  await seedDatabase(db.prisma);
  const rows = await db.prisma.service.findMany({
    where: { status: 'ACTIVE' },
    select: { slug: true, categories: { select: { category: { select: { slug: true } } } } },
  });
  activeServices = new Map(rows.map((r) => [r.slug, r.categories.map((c) => c.category.slug)]));
}, 180_000);

describe('relevanceQueries', () => {
  it(`has at least ${MIN_QUERIES} queries, each asked once and with at least one right answer`, () => {
    expect(relevanceQueries.length).toBeGreaterThanOrEqual(MIN_QUERIES);
    const asked = relevanceQueries.map((query) => query.q.toLowerCase());
    expect(new Set(asked).size).toBe(asked.length);
    for (const query of relevanceQueries) expect(query.relevant.length, query.q).toBeGreaterThan(0);
  });

  it('expects only active demo services, each once per query', () => {
    for (const query of relevanceQueries) {
      expect(query.relevant.filter((slug) => !activeServices.has(slug)), query.q).toEqual([]);
      expect(new Set(query.relevant).size, query.q).toBe(query.relevant.length);
    }
  });

  it('covers every category, and files each query under a category of one of its right answers', () => {
    expect(new Set(relevanceQueries.map((query) => query.category))).toEqual(new Set(categories.map((c) => c.slug)));
    for (const query of relevanceQueries) {
      const answerCategories = query.relevant.flatMap((slug) => activeServices.get(slug) ?? []);
      expect(answerCategories, query.q).toContain(query.category);
    }
  });
});

describe.each(engines)('search relevance: $name', ({ name, create }) => {
  let engine: SearchEngine;

  beforeAll(async () => {
    engine = await create();
  }, 120_000);

  it(`finds a right answer in the top ${TOP} for at least 9 queries in 10, and keeps its MRR`, async () => {
    const outcomes = await runRelevanceQueries(db.prisma, engine, relevanceQueries);
    for (const outcome of outcomes) expect(outcome.engine).toBe(name);
    console.log(relevanceReport(`Search relevance, ${name}`, outcomes));
    const figures = figuresOf(outcomes);
    expect(figures.recallAt5).toBeGreaterThanOrEqual(FLOORS[name].recallAt5);
    expect(figures.mrr).toBeGreaterThanOrEqual(FLOORS[name].mrr);
  }, 120_000);
});
