/**
 * Drill: the standalone worker (`npm run worker`) is killed (SIGKILL) while it applies a
 * long search outbox to Meilisearch. A new worker finishes the job: every outbox row ends
 * processed, the rows the dead worker had leased are taken again once their lease runs out
 * (lib/search/outbox.ts: 60 s), and the index equals the database's projection document for
 * document, so nothing was lost and nothing applied twice left a trace.
 *
 * PostgreSQL only: the standalone worker refuses the embedded database, which one process
 * (the web server, with its own worker inside) holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataset } from '@/lib/bench/dataset';
import { loadBenchDataset } from '@/lib/bench/mutations';
import { connectDb, type DbHandle } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { recordServiceChanges } from '@/lib/search/projection';
import { prepareDatabase } from '../../../scripts/lib/database';
import type { StartedProcess } from '../../../scripts/lib/processes';
import { createPostgresDatabase, type EmptyDatabase } from '../../helpers/db';
import { compareIndex, log, meiliEnv, seconds, startDrillMeili, startDrillWorker, waitFor, GiveUp, type DrillMeili } from './harness';

const postgres = getEnv().TEST_DATABASE_URL;

let database: EmptyDatabase;
let handle: DbHandle;
let meili: DrillMeili;
const workers: StartedProcess[] = [];
const db = () => handle.prisma;
const workerEnv = () => ({ DATABASE_URL: database.url, ...meiliEnv(meili) });

const pending = () => db().outboxMessage.count({ where: { processedAt: null } });

/** Every service, in chunks, through the one call every change makes (projection and outbox). */
async function recordAll(): Promise<number> {
  const ids = (await db().service.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((s) => s.id);
  for (let i = 0; i < ids.length; i += 200) {
    await db().$transaction((tx) => recordServiceChanges(tx, ids.slice(i, i + 200)), { timeout: 60_000 });
  }
  return ids.length;
}

beforeAll(async () => {
  if (!postgres) return;
  const started = Date.now();
  database = await createPostgresDatabase(postgres);
  await prepareDatabase(database.url);
  handle = await connectDb(database.url);
  // A small national-scale directory beside the demo data (1,500 services).
  await loadBenchDataset(db(), createDataset({ seed: 23, scale: 0.03, now: new Date() }));
  meili = await startDrillMeili();
  log('worker', `database (${await db().service.count()} services) and Meilisearch ready in ${seconds(started)}`);
});

afterAll(async () => {
  for (const worker of workers) await worker.stop();
  await meili?.stop();
  await handle?.close();
  await database?.drop();
});

describe.skipIf(!postgres)('drill: worker killed during outbox processing (needs TEST_DATABASE_URL: the standalone worker runs on PostgreSQL only)', () => {
  let leasedAtKill: bigint[] = [];

  it('a first worker builds the index and drains the outbox, then stops on SIGTERM', async () => {
    const started = Date.now();
    const first = startDrillWorker('worker-first', workerEnv());
    workers.push(first);
    await waitFor('outbox drained', 90_000, async () => ((await pending()) === 0 ? true : undefined), 500);
    await first.stop();
    expect(await first.exited).toBe(0);
    log('worker', `index built and outbox drained in ${seconds(started)}`);
  });

  it('queues more than 3,000 changes: every service touched, then all renamed and some deactivated', async () => {
    const first = await recordAll();
    await db().$executeRaw`UPDATE "Service" SET "name" = "name" || ' (ny)', "updatedAt" = now()`;
    await db().$executeRaw`UPDATE "Service" SET "status" = 'INACTIVE' WHERE "status" = 'ACTIVE' AND "id" LIKE 'bench-%' AND right("id", 1) = '7'`;
    const second = await recordAll();
    expect(await pending()).toBe(first + second);
    expect(first + second).toBeGreaterThan(3000);
    const difference = await compareIndex(meili.client, db());
    expect(difference.different.length + difference.stale.length).toBeGreaterThan(1000);
  });

  it('kills the worker while it holds a lease, with some rows done and some not', async () => {
    const started = Date.now();
    const doneBefore = await db().outboxMessage.count({ where: { processedAt: { not: null } } });
    const worker = startDrillWorker('worker-killed', workerEnv());
    workers.push(worker);
    leasedAtKill = await waitFor('a batch in flight after one applied', 90_000, async () => {
      if (worker.child.exitCode !== null) throw new GiveUp('the worker exited by itself');
      const [done, leased] = await Promise.all([
        db().outboxMessage.count({ where: { processedAt: { not: null } } }),
        db().$queryRaw<{ id: bigint }[]>`SELECT "id" FROM "OutboxMessage" WHERE "processedAt" IS NULL AND "availableAt" > now()`,
      ]);
      return done > doneBefore && leased.length > 0 ? leased.map((r) => r.id) : undefined;
    }, 25);
    process.kill(worker.pid, 'SIGKILL');
    await worker.exited;
    await worker.stop();
    const left = await pending();
    log('worker', `killed ${seconds(started)} after the start, ${leasedAtKill.length} rows leased, ${left} waiting`);
    expect(leasedAtKill.length).toBeGreaterThan(0);
    expect(left).toBeGreaterThan(0);
  });

  it('a new worker applies the rest, takes the dead lease again when it expires, and the index equals the database', async () => {
    const started = Date.now();
    const worker = startDrillWorker('worker-after', workerEnv());
    workers.push(worker);
    // The lease is 60 s; a row leased forever would fail here.
    await waitFor('every outbox row processed', 90_000, async () => ((await pending()) === 0 ? true : undefined), 500);
    log('worker', `outbox drained ${seconds(started)} after the restart (the dead worker's lease is 60 s)`);
    expect(await compareIndex(meili.client, db())).toEqual({ missing: [], stale: [], different: [] });

    const rows = await db().outboxMessage.findMany({ select: { id: true, attempts: true, lastError: true } });
    expect(rows.filter((r) => r.lastError !== null)).toEqual([]);
    // Claimed once, except the rows the dead worker held: those were claimed a second time.
    const leased = new Set(leasedAtKill);
    expect(rows.filter((r) => r.attempts !== (leased.has(r.id) ? 2 : 1))).toEqual([]);
    await worker.stop();
  }, 150_000);
});
