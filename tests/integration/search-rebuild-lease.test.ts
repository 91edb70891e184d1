/**
 * Several processes may want to rebuild the search index at once (workers starting together
 * on an empty Meilisearch, an operator's `npm run reindex`). One rebuilds; the others are
 * told so, and the index that results is complete and configured.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { reindexServices, SearchRebuildBusyError, servicesIndexName, servicesIndexSettings } from '@/lib/search/meili-index';
import { processSearchOutbox } from '@/lib/search/outbox';
import { SERVICE_INDEX_TOPIC } from '@/lib/search/projection';
import { seedDatabase } from '@/prisma/seed/index';
import { useTestDatabase } from '../helpers/db';
import { useMeiliServer } from '../helpers/search';

const meili = useMeiliServer();
const db = useTestDatabase();

beforeAll(async () => {
  await seedDatabase(db.prisma);
});

async function indexedIds(): Promise<string[]> {
  const { results } = await meili().client.index(servicesIndexName()).getDocuments({ limit: 1000, fields: ['id'] });
  return results.map((d) => String(d.id)).sort();
}

async function projectedIds(): Promise<string[]> {
  return (await db.prisma.serviceSearchDocument.findMany({ select: { serviceId: true } })).map((r) => r.serviceId).sort();
}

describe('reindexServices', () => {
  it('lets one of two simultaneous rebuilds run and tells the other that one is under way', async () => {
    const results = await Promise.allSettled([reindexServices(meili().client, db.prisma), reindexServices(meili().client, db.prisma)]);
    const done = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(done).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(SearchRebuildBusyError);

    expect(await indexedIds()).toEqual(await projectedIds());
    const settings = await meili().client.index(servicesIndexName()).getSettings();
    expect(settings.filterableAttributes?.slice().sort()).toEqual(servicesIndexSettings().filterableAttributes?.slice().sort());
    const { results: indexes } = await meili().client.getIndexes({ limit: 100 });
    expect(indexes.map((i) => i.uid).filter((uid) => uid.startsWith(meili().indexPrefix))).toEqual([servicesIndexName()]);
  });

  it('frees the lease when a rebuild ends, leaving no row behind, so the next one runs', async () => {
    expect(await db.prisma.jobRun.count({ where: { name: 'search.rebuild' } })).toBe(0);
    const report = await reindexServices(meili().client, db.prisma);
    expect(report.documents).toBe(await db.prisma.serviceSearchDocument.count());
    expect(await db.prisma.jobRun.count({ where: { name: 'search.rebuild' } })).toBe(0);
  });

  it('takes over a lease left by a rebuild that died with its process', async () => {
    // What a process killed mid-rebuild leaves behind: the lease, never removed.
    const lease = { name: 'search.rebuild', periodKey: 'lease' };
    await db.prisma.jobRun.create({ data: { ...lease, startedAt: new Date(Date.now() - 60_000) } });
    await expect(reindexServices(meili().client, db.prisma)).rejects.toBeInstanceOf(SearchRebuildBusyError);

    await db.prisma.jobRun.update({ where: { name_periodKey: lease }, data: { startedAt: new Date(Date.now() - 16 * 60_000) } });
    const report = await reindexServices(meili().client, db.prisma);
    expect(report.documents).toBe(await db.prisma.serviceSearchDocument.count());
    expect(await db.prisma.jobRun.count({ where: lease })).toBe(0);
  });

  it('has the outbox wait, not fail, while another process rebuilds the missing index', async () => {
    const { taskUid } = await meili().client.deleteIndex(servicesIndexName());
    await meili().client.tasks.waitForTask(taskUid);
    const lease = { name: 'search.rebuild', periodKey: 'lease' };
    await db.prisma.jobRun.create({ data: { ...lease, startedAt: new Date() } });
    const service = await db.prisma.service.findFirstOrThrow({ select: { id: true } });
    await db.prisma.outboxMessage.create({ data: { topic: SERVICE_INDEX_TOPIC, aggregateType: 'Service', aggregateId: service.id } });

    const run = await processSearchOutbox(db.prisma, meili().client);
    expect(run).toMatchObject({ applied: 0, failed: 0, reindexed: false });
    expect(run.claimed).toBeGreaterThan(0);
    // Released for a later pass, once the other process's index is in place.
    const waiting = await db.prisma.outboxMessage.findMany({ where: { processedAt: null }, select: { availableAt: true } });
    expect(waiting.length).toBe(run.claimed);
    expect(waiting.every((r) => r.availableAt.getTime() > Date.now())).toBe(true);
    await db.prisma.jobRun.delete({ where: { name_periodKey: lease } });
  });
});
