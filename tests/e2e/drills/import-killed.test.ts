/**
 * Drill: `npm run hsds:import` is killed (SIGKILL) while it writes. The import promises
 * (lib/directory/hsds-io/write.ts) that it writes in batches, one transaction each, and that
 * a cut-off import is completed by running it again. So after the kill every record the
 * database holds is whole (a service with all its hours, places and translations, in the
 * search projection with its outbox row), the count is a whole number of batches, the
 * killed run is left as it was, and the next run is not refused by it, completes the rest
 * and applies nothing twice; a third run changes nothing.
 */
import { writeFileSync, mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDb } from '@/lib/db/client';
import { SERVICE_BATCH } from '@/lib/directory/hsds-io/write';
import { prepareDatabase } from '../../../scripts/lib/database';
import { childEnv } from '../../../scripts/lib/child-env';
import { startProcess, tailFile } from '../../../scripts/lib/processes';
import { createEmptyDatabase, type EmptyDatabase } from '../../helpers/db';
import { generatedJson } from '../../helpers/hsds-generated';
import { ARTIFACTS, GiveUp, log, seconds, waitFor } from './harness';

/** Big enough that the services are written in several batches, small enough for CI. */
const SERVICES = 2 * SERVICE_BATCH;
const ORGANIZATIONS = Math.ceil(SERVICES / 20);
const GEN = 'gen-service-%';

let database: EmptyDatabase;
let dir: string;
let file: string;

beforeAll(async () => {
  const started = Date.now();
  database = await createEmptyDatabase();
  await prepareDatabase(database.url);
  dir = mkdtempSync(path.join(tmpdir(), 'lisa-drill-import-'));
  file = path.join(dir, 'katalog.json');
  writeFileSync(file, generatedJson(SERVICES));
  log('import', `database and a ${SERVICES}-service HSDS file ready in ${seconds(started)}`);
});

afterAll(async () => {
  await database?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function startImport(name: string) {
  const logFile = path.join(ARTIFACTS, `${name}.log`);
  const child = startProcess(process.execPath, ['--import', 'tsx', 'scripts/hsds-import.ts', file], {
    cwd: process.cwd(),
    env: childEnv({ DATABASE_URL: database.url, LOG_LEVEL: 'warn' }),
    logFile,
  });
  return { ...child, logFile };
}

/** "Writing: 1130 of 2531 records (44 %)" on stderr, the same progress the run row keeps. */
function writtenSoFar(logFile: string): { processed: number; total: number } | undefined {
  const lines = [...readFileSync(logFile, 'utf8').matchAll(/Writing: (\d+) of (\d+) records/g)];
  const last = lines.at(-1);
  return last ? { processed: Number(last[1]), total: Number(last[2]) } : undefined;
}

function summaryOf(logFile: string, kind: string): { created: number; updated: number; unchanged: number } {
  const match = new RegExp(`^${kind}: (\\d+) created, (\\d+) updated, (\\d+) unchanged$`, 'm').exec(readFileSync(logFile, 'utf8'));
  if (!match) throw new Error(`no ${kind} summary in ${logFile}:\n${tailFile(logFile)}`);
  return { created: Number(match[1]), updated: Number(match[2]), unchanged: Number(match[3]) };
}

async function withDb<T>(work: (db: Awaited<ReturnType<typeof connectDb>>['prisma']) => Promise<T>): Promise<T> {
  const handle = await connectDb(database.url);
  try {
    return await work(handle.prisma);
  } finally {
    await handle.close();
  }
}

/** Every generated service in the database is whole: nothing of a batch is half there. */
async function wholeServices() {
  return withDb(async (db) => {
    const services = await db.service.findMany({
      where: { id: { startsWith: 'gen-service-' } },
      select: {
        id: true,
        status: true,
        _count: { select: { schedules: true, atLocations: true, translations: true, languages: true, categories: true, areas: true } },
        searchDocument: { select: { serviceId: true } },
      },
    });
    const incomplete = services.filter(
      (s) =>
        JSON.stringify(s._count) !== JSON.stringify({ schedules: 3, atLocations: 1, translations: 1, languages: 2, categories: 1, areas: 1 }) ||
        (s.status === 'ACTIVE') !== (s.searchDocument !== null),
    );
    const outboxed = await db.outboxMessage.findMany({ where: { aggregateId: { startsWith: 'gen-service-' } }, select: { aggregateId: true } });
    const slugs = await db.$queryRaw<{ n: bigint }[]>`SELECT count(DISTINCT "slug") AS n FROM "Service" WHERE "id" LIKE ${GEN}`;
    return { count: services.length, incomplete: incomplete.map((s) => s.id), outboxed: new Set(outboxed.map((o) => o.aggregateId)), ids: services.map((s) => s.id), distinctSlugs: Number(slugs[0]!.n) };
  });
}

describe('drill: import killed while it writes', () => {
  let killedAt: { processed: number; total: number };

  it('is killed after some service batches are committed and before the end', async () => {
    const started = Date.now();
    const run = startImport('import-killed');
    // The services come after the places; kill once at least one service batch is written.
    const servicesStart = 1 + 8 + ORGANIZATIONS + SERVICES;
    killedAt = await waitFor('a committed service batch', 120_000, async () => {
      const progress = writtenSoFar(run.logFile);
      if (progress && progress.processed >= servicesStart + SERVICE_BATCH) return progress;
      if (run.child.exitCode !== null) throw new GiveUp(`the import ended before it could be killed:\n${tailFile(run.logFile)}`);
      return undefined;
    }, 20);
    process.kill(run.pid, 'SIGKILL');
    await run.exited;
    await run.stop();
    log('import', `killed at ${killedAt.processed} of ${killedAt.total} records, ${seconds(started)} after the start`);
    expect(killedAt.processed).toBeLessThan(killedAt.total);
  });

  it('leaves only whole batches of whole services behind, each in search and the outbox', async () => {
    const after = await wholeServices();
    expect(after.incomplete).toEqual([]);
    expect(after.count).toBeGreaterThanOrEqual(SERVICE_BATCH);
    // A batch is one transaction: whole batches or nothing (the kill may land after another commit).
    expect(after.count % SERVICE_BATCH === 0 || after.count === SERVICES).toBe(true);
    expect([...after.ids].every((id) => after.outboxed.has(id))).toBe(true);
    const runs = await withDb((db) => db.importRun.findMany({ select: { status: true, finishedAt: true } }));
    // Nobody was left to say how it ended: the run stays IMPORTING (the admin page calls it cut off after an hour).
    expect(runs).toEqual([{ status: 'IMPORTING', finishedAt: null }]);
  });

  it('runs again despite the cut-off run, completes it, and applies nothing twice', async () => {
    const started = Date.now();
    const before = await wholeServices();
    const again = startImport('import-again');
    const code = await again.exited;
    await again.stop();
    expect(code, tailFile(again.logFile)).toBe(0);
    log('import', `second run completed in ${seconds(started)}`);
    expect(summaryOf(again.logFile, 'services')).toEqual({ created: SERVICES - before.count, updated: 0, unchanged: before.count });

    const after = await wholeServices();
    expect(after.count).toBe(SERVICES);
    expect(after.distinctSlugs).toBe(SERVICES);
    expect(after.incomplete).toEqual([]);
    await withDb(async (db) => {
      expect(await db.organization.count({ where: { id: { startsWith: 'gen-org-' } } })).toBe(ORGANIZATIONS);
      expect(await db.location.count({ where: { id: { startsWith: 'gen-location-' } } })).toBe(SERVICES);
      expect(await db.phone.count({ where: { id: { startsWith: 'gen-phone-' } } })).toBe(SERVICES);
      expect(await db.schedule.count({ where: { serviceId: { startsWith: 'gen-service-' } } })).toBe(3 * SERVICES);
      // Two outbox rows per service, as one clean run writes them (the service's batch, then its
      // phone's): the services of the killed run were not written a second time.
      const rows = await db.outboxMessage.groupBy({ by: ['aggregateId'], where: { aggregateId: { startsWith: 'gen-service-' } }, _count: { _all: true } });
      expect(rows.length).toBe(SERVICES);
      expect(rows.filter((r) => r._count._all !== 2).map((r) => r.aggregateId)).toEqual([]);
      expect(await db.importRun.count({ where: { status: 'SUCCEEDED' } })).toBe(1);
    });
  });

  it('a third run finds everything in place and changes nothing', async () => {
    const third = startImport('import-third');
    const code = await third.exited;
    await third.stop();
    expect(code, tailFile(third.logFile)).toBe(0);
    expect(summaryOf(third.logFile, 'services')).toEqual({ created: 0, updated: 0, unchanged: SERVICES });
    expect(await withDb((db) => db.outboxMessage.count({ where: { aggregateId: { startsWith: 'gen-service-' } } }))).toBe(2 * SERVICES);
  });
});
