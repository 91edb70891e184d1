/**
 * Drill: PostgreSQL restarts while the app serves pages, searches and health checks. No
 * request hangs (each answers within 15 s), every failure during the outage is clean (the
 * portal's error page with a 5xx, a 5xx from the search API, 503 from /api/health), the
 * app's process stays up, and once PostgreSQL is back the app answers 200 again by itself,
 * without a restart, within 20 s.
 *
 * Runs on a throwaway PostgreSQL server of its own (Debian's PostgreSQL 15 binaries, a
 * temporary folder, a free port): the shared server is never restarted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../../../scripts/lib/database';
import type { NextServer } from '../../../scripts/lib/next-app';
import { sleep } from '../../../scripts/lib/processes';
import { log, runLoad, seconds, startDrillApp, startThrowawayPostgres, summarize, throwawayPostgresUnavailable, type LoadResult, type ThrowawayPostgres } from './harness';

const unavailable = throwawayPostgresUnavailable();
const PATHS = ['/', '/sok?q=stod', '/api/search?q=stod&live=1', '/api/health', '/sok?q=skulder&kommun=karlskoga', '/api/search?kategori=psykisk-halsa&live=1'];
const REQUEST_DEADLINE_MS = 15_000;
const RECOVERY_MS = 20_000;

let pg: ThrowawayPostgres;
let app: NextServer;

beforeAll(async () => {
  if (unavailable) return;
  const started = Date.now();
  pg = await startThrowawayPostgres();
  await prepareDatabase(pg.url);
  // PostgreSQL answers the searches too (no Meilisearch), so every path below needs it.
  app = await startDrillApp('postgres-restart', { DATABASE_URL: pg.url, WORKER: 'on', SEARCH_ENGINE: 'postgres' });
  log('postgres', `throwaway PostgreSQL, database and app ready in ${seconds(started)}`);
});

afterAll(async () => {
  await app?.stop();
  pg?.destroy();
});

const ok = (r: LoadResult) => r.status === 200 && !r.errorPage;

describe.skipIf(unavailable)(`drill: PostgreSQL restarted under load${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  it('answers every path before the restart', async () => {
    for (const path of PATHS) {
      const response = await fetch(`${app.url}${path}`);
      expect(response.status, path).toBe(200);
    }
  });

  it('fails cleanly while PostgreSQL is down and recovers by itself when it is back', async () => {
    const times = { down: 0, up: 0 };
    const drill = (async () => {
      await sleep(2000);
      pg.stop();
      times.down = Date.now();
      await sleep(3000);
      pg.start();
      times.up = Date.now();
      // Long enough to see the app recover, and to see it stay recovered.
      await sleep(12_000);
    })();
    const results = await runLoad({ baseUrl: app.url, paths: PATHS, concurrency: 4, until: drill, requestTimeoutMs: REQUEST_DEADLINE_MS, keepErrorBodies: true });
    log('postgres', `load: ${results.length} requests, ${JSON.stringify(summarize(results))}; restart took ${((times.up - times.down) / 1000).toFixed(1)} s`);

    // Nothing hangs and nothing is refused: the process answered every request.
    expect(results.filter((r) => r.error).map((r) => `${r.url}: ${r.error} after ${r.ms} ms`)).toEqual([]);
    expect(app.child.exitCode).toBeNull();
    expect(Math.max(...results.map((r) => r.ms))).toBeLessThan(REQUEST_DEADLINE_MS);

    // Before the restart all is well; failures are clean ones.
    expect(results.filter((r) => r.startedAt + r.ms < times.down - 500 && !ok(r)).map((r) => `${r.url} ${r.status}`)).toEqual([]);
    const failures = results.filter((r) => !ok(r));
    expect(failures.length).toBeGreaterThan(0);
    const unclean = failures.filter((r) => {
      if (r.url.endsWith('/api/health')) return r.status !== 503;
      if (r.url.includes('/api/search')) return r.status === undefined || r.status < 500;
      // Pages: the error page, with a 5xx (or 200 when the failure came after the page began to stream).
      return !r.errorPage;
    });
    expect(unclean.map((r) => `${r.url} ${r.status} ${r.body?.slice(0, 200)}`)).toEqual([]);

    // Back without a restart of the app: the last failure ends soon after PostgreSQL is up again.
    const lastFailure = Math.max(...failures.map((r) => r.startedAt + r.ms));
    log('postgres', `${failures.length} failed requests; the last failure ended ${((lastFailure - times.up) / 1000).toFixed(1)} s after PostgreSQL was up`);
    expect(lastFailure - times.up).toBeLessThan(RECOVERY_MS);
    const tail = results.filter((r) => r.startedAt > lastFailure);
    expect(new Set(tail.map((r) => new URL(r.url).pathname + new URL(r.url).search)).size).toBe(PATHS.length);
  });

  it('answers every path again afterwards, with the database healthy', async () => {
    for (const path of PATHS) {
      const response = await fetch(`${app.url}${path}`);
      expect(response.status, path).toBe(200);
    }
    expect(await (await fetch(`${app.url}/api/health`)).json()).toEqual({ status: 'ok', database: 'ok', search: 'postgres' });
  });
});
