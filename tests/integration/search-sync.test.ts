/**
 * Search stays a true projection of the database: the full reindex, the outbox worker, and
 * the PostgreSQL fallback while Meilisearch is down, with the index catching up afterwards.
 */
import { describe, expect, it } from 'vitest';
import { ANONYMOUS } from '@/lib/authz/actor';
import { workOnce } from '@/lib/jobs/worker';
import { indexExists, reindexServices, servicesIndexName } from '@/lib/search/meili-index';
import { pendingSearchChanges, processSearchOutbox } from '@/lib/search/outbox';
import { recordServiceChanges, SERVICE_INDEX_TOPIC } from '@/lib/search/projection';
import { parseSearchQuery } from '@/lib/search/query';
import { searchDirectory } from '@/lib/search/service';
import { seedDatabase } from '@/prisma/seed/index';
import { useTestDatabase } from '../helpers/db';
import { useMeiliServer } from '../helpers/search';

const meili = useMeiliServer();
const db = useTestDatabase();

const search = (params: Record<string, string>) => searchDirectory(ANONYMOUS, parseSearchQuery(params), { locale: 'sv' });

async function indexedIds(): Promise<string[]> {
  const { results } = await meili().client.index(servicesIndexName()).getDocuments({ limit: 1000, fields: ['id'] });
  return results.map((d) => String(d.id)).sort();
}

async function projectedIds(): Promise<string[]> {
  return (await db.prisma.serviceSearchDocument.findMany({ select: { serviceId: true } })).map((r) => r.serviceId).sort();
}

/** Runs the outbox until nothing is waiting that is due now. */
async function drainOutbox(): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const run = await processSearchOutbox(db.prisma, meili().client);
    if (run.claimed === 0) return;
    if (run.failed > 0) throw new Error('outbox batch failed');
  }
}

async function renameService(slug: string, name: string): Promise<string> {
  return db.prisma.$transaction(async (tx) => {
    const service = await tx.service.update({ where: { slug }, data: { name }, select: { id: true } });
    await recordServiceChanges(tx, [service.id]);
    return service.id;
  });
}

async function deactivateService(slug: string): Promise<string> {
  return db.prisma.$transaction(async (tx) => {
    const service = await tx.service.update({ where: { slug }, data: { status: 'INACTIVE' }, select: { id: true } });
    await recordServiceChanges(tx, [service.id]);
    return service.id;
  });
}

describe('search index sync', () => {
  it('the seed writes the projection and an outbox row per service in the same transactions', async () => {
    await seedDatabase(db.prisma);
    const services = await db.prisma.service.count({ where: { status: 'ACTIVE' } });
    expect(await db.prisma.serviceSearchDocument.count()).toBe(services);
    const serviceMessages = await db.prisma.outboxMessage.count({ where: { topic: SERVICE_INDEX_TOPIC, processedAt: null } });
    expect(serviceMessages).toBe(await db.prisma.service.count());
    // Besides them, only the migrations' request to push the index settings.
    expect(await pendingSearchChanges(db.prisma)).toBe(serviceMessages + 1);
  });

  it('the worker builds a missing index from the database, then drains the outbox', async () => {
    expect(await indexExists(meili().client)).toBe(false);
    await drainOutbox();
    expect(await indexExists(meili().client)).toBe(true);
    expect(await indexedIds()).toEqual(await projectedIds());
    expect(await pendingSearchChanges(db.prisma)).toBe(0);
  });

  it('indexes no address or coordinates of any location, protected or not', async () => {
    const { results } = await meili().client.index(servicesIndexName()).getDocuments({ limit: 1000 });
    const keys = new Set(results.flatMap((d) => Object.keys(d)));
    for (const forbidden of ['address', 'addressLine1', 'postalCode', 'latitude', 'longitude', 'city', 'locations']) {
      expect(keys.has(forbidden)).toBe(false);
    }
    const streets = (await db.prisma.location.findMany({ where: { addressLine1: { not: null } }, select: { addressLine1: true } })).map((l) => l.addressLine1 as string);
    expect(streets.length).toBeGreaterThan(0);
    const text = JSON.stringify(results);
    for (const street of streets) expect(text).not.toContain(street);
    expect(await db.prisma.location.count({ where: { isProtected: true, OR: [{ addressLine1: { not: null } }, { latitude: { not: null } }] } })).toBe(0);
  });

  it('answers on Meilisearch with synonyms and typos', async () => {
    const typo = await search({ q: 'ensamhett' });
    expect(typo.result.engine).toBe('meilisearch');
    expect(typo.result.total).toBeGreaterThan(0);
    const synonym = await search({ q: 'misshandel' });
    const categories = synonym.result.hits.flatMap((h) => h.categories);
    expect(categories).toContain('vald-i-nara-relation');
    expect(synonym.crisisLines).toContain('violence');
  });

  it('a change reaches the index through the outbox', async () => {
    await renameService('linnean-stodsamtal', 'Stödsamtal hos Linnéan Pelargonia');
    expect(await pendingSearchChanges(db.prisma)).toBe(1);
    await drainOutbox();
    const { result } = await search({ q: 'Pelargonia' });
    expect(result.engine).toBe('meilisearch');
    expect(result.hits.map((h) => h.slug)).toEqual(['linnean-stodsamtal']);
  });

  it('keeps answering from PostgreSQL while Meilisearch is down, and catches up when it returns', async () => {
    await meili().stop();
    const during = await search({ q: 'Pelargonia' });
    expect(during.result.engine).toBe('postgres');
    expect(during.result.hits.map((h) => h.slug)).toEqual(['linnean-stodsamtal']);

    // Changes made during the outage are searchable on PostgreSQL at once...
    await renameService('linnean-stodsamtal', 'Stödsamtal hos Linnéan Kornell');
    const goneId = await deactivateService('linnean-jourtelefon');
    const fallback = await search({ q: 'Kornell' });
    expect(fallback.result.engine).toBe('postgres');
    expect(fallback.result.hits.map((h) => h.slug)).toEqual(['linnean-stodsamtal']);

    // ...while the outbox keeps them: the worker fails, releases and loses nothing.
    const failed = await processSearchOutbox(db.prisma, meili().client);
    expect(failed.failed).toBe(2);
    expect(await pendingSearchChanges(db.prisma)).toBe(2);
    const rows = await db.prisma.outboxMessage.findMany({ where: { processedAt: null }, select: { lastError: true, attempts: true } });
    expect(rows.every((r) => r.lastError && r.attempts === 1)).toBe(true);

    await meili().restart();
    // The backoff has them wait; make them due now rather than sleep in a test.
    await db.prisma.outboxMessage.updateMany({ where: { processedAt: null }, data: { availableAt: new Date(Date.now() - 1000) } });
    await drainOutbox();
    expect(await pendingSearchChanges(db.prisma)).toBe(0);
    expect(await indexedIds()).toEqual(await projectedIds());
    expect(await indexedIds()).not.toContain(goneId);
    const doc = await meili().client.index(servicesIndexName()).getDocument((await db.prisma.service.findUniqueOrThrow({ where: { slug: 'linnean-stodsamtal' } })).id);
    expect(doc.name).toBe('Stödsamtal hos Linnéan Kornell');
  });

  it('a full reindex swaps in a complete new index and leaves no temporary index behind', async () => {
    const report = await reindexServices(meili().client, db.prisma);
    expect(report.documents).toBe(await db.prisma.serviceSearchDocument.count());
    expect(await indexedIds()).toEqual(await projectedIds());
    const { results } = await meili().client.getIndexes({ limit: 100 });
    expect(results.map((i) => i.uid).filter((uid) => uid.startsWith(meili().indexPrefix)).sort()).toEqual([servicesIndexName()]);
  });

  it('runs the daily freshness job once per day however many passes the worker makes', async () => {
    const now = new Date();
    // A listing confirmed 13 months ago, but still marked fresh in the projection.
    const service = await db.prisma.service.update({
      where: { slug: 'linnean-stodsamtal' },
      data: { lastConfirmedAt: new Date(now.getTime() - 395 * 24 * 60 * 60 * 1000) },
      select: { id: true },
    });
    await db.prisma.jobRun.deleteMany({});
    await workOnce(db.prisma, meili().client, now);
    await workOnce(db.prisma, meili().client, now);
    expect(await db.prisma.jobRun.count({ where: { name: 'search.freshness' } })).toBe(1);
    const row = await db.prisma.serviceSearchDocument.findUniqueOrThrow({ where: { serviceId: service.id }, select: { freshness: true } });
    expect(row.freshness).toBe(0);
    await drainOutbox();
    const doc = await meili().client.index(servicesIndexName()).getDocument(service.id);
    expect(doc.freshness).toBe(0);
  });
});
