/**
 * Drill: Meilisearch is killed (SIGKILL) while searches come in. Every search still answers
 * from PostgreSQL with no 5xx; services changed during the outage are in the fallback at
 * once; when Meilisearch comes back on the same port and data, the worker brings the index
 * to exactly the database's projection within 60 s (nothing lost, nothing stale) and
 * searches go back to Meilisearch by themselves.
 *
 * With PostgreSQL (TEST_DATABASE_URL) the changes are made while the app serves; with the
 * embedded database only one process may open it, so the app is stopped for the changes and
 * started again, still during the outage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { connectDb, setProcessDatabase, type DbHandle } from '@/lib/db/client';
import { createService, loadServiceInput, setServiceStatus, updateService } from '@/lib/directory/service-editor';
import { prepareDatabase } from '../../../scripts/lib/database';
import type { NextServer } from '../../../scripts/lib/next-app';
import { sleep } from '../../../scripts/lib/processes';
import { createEmptyDatabase, type EmptyDatabase } from '../../helpers/db';
import {
  compareIndex,
  INDEX_NAME,
  inSync,
  log,
  meiliEnv,
  runLoad,
  seconds,
  startDrillApp,
  startDrillMeili,
  summarize,
  waitFor,
  type DrillMeili,
  type LoadResult,
} from './harness';

let database: EmptyDatabase;
let meili: DrillMeili;
let app: NextServer;
const isPglite = () => database.url.startsWith('pglite:');
const appEnv = () => ({ DATABASE_URL: database.url, WORKER: 'on', ...meiliEnv(meili) });

async function engineOf(): Promise<string | undefined> {
  const response = await fetch(`${app.url}/api/search?q=stod&live=1`, { signal: AbortSignal.timeout(5000) });
  return response.ok ? ((await response.json()) as { engine: string }).engine : undefined;
}

beforeAll(async () => {
  const started = Date.now();
  database = await createEmptyDatabase();
  await prepareDatabase(database.url);
  meili = await startDrillMeili();
  app = await startDrillApp('meili-killed', appEnv());
  log('meili', `app, database and Meilisearch ready in ${seconds(started)} (${database.url.split(':')[0]})`);
});

afterAll(async () => {
  await app?.stop();
  await meili?.stop();
  await database?.drop();
});

describe('drill: Meilisearch killed under load', () => {
  const changed = { deactivated: '', renamed: '', created: '' };
  const newName = 'Stödsamtal Drillvägen';
  const createdName = 'Nattjouren Drillstigen';

  it('serves searches from Meilisearch once the worker has built the index', async () => {
    await waitFor('engine meilisearch', 60_000, async () => ((await engineOf()) === 'meilisearch' ? true : undefined));
  });

  it('answers every search during the kill, from PostgreSQL once Meilisearch is gone, with no 5xx', async () => {
    const started = Date.now();
    let outageFrom = 0;
    const drill = (async () => {
      await sleep(1500);
      outageFrom = Date.now();
      await meili.kill();
      await sleep(4000);
    })();
    const results = await runLoad({
      baseUrl: app.url,
      paths: ['/api/search?q=stod&live=1', '/sok?q=vald', '/api/search?q=skulder&kommun=karlskoga&live=1', '/sok?q=ensamhet', '/api/search?kategori=psykisk-halsa&live=1'],
      concurrency: 6,
      until: drill,
      requestTimeoutMs: 15_000,
    });
    log('meili', `load: ${results.length} requests in ${seconds(started)}, ${JSON.stringify(summarize(results))}`);
    const during = results.filter((r) => r.startedAt >= outageFrom);
    expect(results.filter((r) => r.startedAt < outageFrom).length).toBeGreaterThan(0);
    expect(during.length).toBeGreaterThan(10);
    const failed = results.filter((r) => r.status !== 200);
    expect(failed.map((r: LoadResult) => `${r.url} ${r.status ?? r.error}`)).toEqual([]);
    const engines = new Set(during.filter((r) => r.engine).map((r) => r.engine));
    expect([...engines]).toEqual(['postgres']);
    // The client's timeout (1 s) bounds a request that met the kill; a refused connection is at once.
    expect(Math.max(...during.map((r) => r.ms))).toBeLessThan(5000);
  });

  it('takes changes to services during the outage, searchable on PostgreSQL at once', async () => {
    if (isPglite()) await app.stop();
    const handle: DbHandle = await connectDb(database.url);
    try {
      const db = handle.prisma;
      setProcessDatabase(db);
      const user = await db.user.findUniqueOrThrow({ where: { email: 'samordnare@lisa.example' }, select: { id: true, memberships: { select: { organizationId: true, role: true } } } });
      const coordinator: Actor = { kind: 'user', userId: user.id, memberships: user.memberships };
      const [first, second, third] = await db.service.findMany({ where: { status: 'ACTIVE' }, orderBy: { slug: 'asc' }, take: 3, select: { id: true } });
      changed.deactivated = first!.id;
      changed.renamed = second!.id;
      await setServiceStatus(coordinator, first!.id, 'INACTIVE');
      const loaded = await loadServiceInput(coordinator, second!.id);
      await updateService(coordinator, second!.id, { ...loaded.input, name: newName }, loaded.version);
      const template = await loadServiceInput(coordinator, third!.id);
      changed.created = (await createService(coordinator, { ...template.input, name: createdName, locations: [] })).id;
      expect(await db.outboxMessage.count({ where: { processedAt: null, aggregateId: { in: Object.values(changed) } } })).toBe(3);
    } finally {
      await handle.close();
    }
    if (isPglite()) app = await startDrillApp('meili-killed-2', appEnv());

    const response = await fetch(`${app.url}/api/search?q=${encodeURIComponent('Drillvägen')}&live=1`);
    const body = (await response.json()) as { engine: string; hits: { id: string }[] };
    expect(body.engine).toBe('postgres');
    expect(body.hits.map((h) => h.id)).toEqual([changed.renamed]);
  });

  it('brings the index to exactly the database within 60 s of the restart, and searches return to Meilisearch', async () => {
    const restarted = Date.now();
    await meili.restart();
    // PGlite: the app holds the folder, so the index is compared with the database after the app stops.
    let lastDifference;
    if (!isPglite()) {
      const handle = await connectDb(database.url);
      try {
        lastDifference = await waitFor('index equal to the database', 60_000, async () => {
          const difference = await compareIndex(meili.client, handle.prisma);
          return inSync(difference) ? difference : undefined;
        }, 500);
      } finally {
        await handle.close();
      }
    } else {
      await waitFor('outbox applied', 60_000, async () => {
        const [created, renamed] = await Promise.all(['Drillstigen', 'Drillvägen'].map((q) => meili.client.index(INDEX_NAME).search(q)));
        return created!.hits.length === 1 && renamed!.hits.length === 1 ? true : undefined;
      }, 500);
    }
    log('meili', `index caught up ${seconds(restarted)} after the restart`);
    await waitFor('engine meilisearch again', 30_000, async () => ((await engineOf()) === 'meilisearch' ? true : undefined), 500);
    const health = (await (await fetch(`${app.url}/api/health`)).json()) as { search: string };
    expect(health.search).toBe('meilisearch');

    if (isPglite()) {
      await app.stop();
      const db = await connectDb(database.url);
      try {
        lastDifference = await compareIndex(meili.client, db.prisma);
      } finally {
        await db.close();
      }
    }
    expect(lastDifference).toEqual({ missing: [], stale: [], different: [] });
    const indexed = await meili.client.index(INDEX_NAME).getDocuments({ limit: 1000, fields: ['id', 'name'] });
    const byId = new Map(indexed.results.map((d) => [String(d.id), d.name]));
    expect(byId.has(changed.deactivated)).toBe(false);
    expect(byId.get(changed.renamed)).toBe(newName);
    expect(byId.get(changed.created)).toBe(createdName);
  });
});
