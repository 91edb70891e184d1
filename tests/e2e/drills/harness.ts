/**
 * What the failure drills share: their own processes (app, worker, Meilisearch, a throwaway
 * PostgreSQL server), a small load generator on loopback, and the comparison of the
 * Meilisearch index with the database's search projection. Each drill starts and kills its
 * own processes; none touches the shared e2e server or the shared PostgreSQL server.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Meilisearch } from 'meilisearch';
import type { Db } from '@/lib/db/client';
import { createMeiliClient } from '@/lib/search/client';
import { findFreePort, startEmbeddedMeili, type EmbeddedMeili } from '@/lib/search/embedded-server';
import { childEnv } from '../../../scripts/lib/child-env';
import { startNext, type NextServer } from '../../../scripts/lib/next-app';
import { sleep, startProcess, type StartedProcess } from '../../../scripts/lib/processes';

export const ARTIFACTS = path.join(process.cwd(), 'tests', '.artifacts', 'drills');
/** The drills' index prefix, so the index name is known to the test process as well. */
export const INDEX_PREFIX = 'drill_';
export const INDEX_NAME = `${INDEX_PREFIX}services`;

export const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
export const log = (drill: string, message: string) => console.log(`[drill ${drill}] ${message}`);

// ---------------------------------------------------------------- Meilisearch

export interface DrillMeili {
  current: EmbeddedMeili;
  client: Meilisearch;
  /** SIGKILL: no shutdown, open connections reset, the data on disk as the crash left it. */
  kill(): Promise<void>;
  /** Back on the same port, data folder and key, as an operator's restart would bring it. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startDrillMeili(): Promise<DrillMeili> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lisa-drill-meili-'));
  const first = await startEmbeddedMeili({ dataDir });
  const port = Number(new URL(first.host).port);
  const meili: DrillMeili = {
    current: first,
    client: createMeiliClient(first.host, first.masterKey, 10_000),
    async kill() {
      process.kill(meili.current.pid, 'SIGKILL');
      // stop() waits for the exit we just caused and unregisters its exit hook.
      await meili.current.stop();
    },
    async restart() {
      await meili.current.stop();
      meili.current = await startEmbeddedMeili({ dataDir, port, masterKey: first.masterKey });
    },
    async stop() {
      await meili.current.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return meili;
}

/** Environment for an app or worker that indexes into the drill's Meilisearch. */
export function meiliEnv(meili: DrillMeili): Record<string, string> {
  return { MEILI_HOST: meili.current.host, MEILI_MASTER_KEY: meili.current.masterKey, MEILI_INDEX_PREFIX: INDEX_PREFIX };
}

// ---------------------------------------------------------------- app and worker

export async function startDrillApp(name: string, env: Record<string, string | undefined>): Promise<NextServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `lisa-drill-${name}-`));
  const server = await startNext({
    port: await findFreePort(),
    env: { APP_MODE: 'production', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    logFile: path.join(ARTIFACTS, `${name}-app.log`),
  });
  return {
    ...server,
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `scripts/worker.ts` as its own process (what `npm run worker` runs). */
export function startDrillWorker(name: string, env: Record<string, string>): StartedProcess {
  return startProcess(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
    cwd: process.cwd(),
    env: childEnv({ WORKER: 'on', LOG_LEVEL: 'warn', ...env }),
    logFile: path.join(ARTIFACTS, `${name}.log`),
  });
}

/** Thrown from a waitFor check: stop waiting, the awaited state can no longer come. */
export class GiveUp extends Error {}

/**
 * Polls until `check` returns a value other than undefined, or throws with `what` after
 * `timeoutMs`. A check that throws is asked again (a server may be on its way back), except
 * with GiveUp.
 */
export async function waitFor<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    let value: T | undefined;
    try {
      value = await check();
    } catch (error) {
      if (error instanceof GiveUp) throw error;
      lastError = error;
    }
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    await sleep(intervalMs);
  }
}

// ---------------------------------------------------------------- load

export interface LoadResult {
  url: string;
  startedAt: number;
  ms: number;
  /** undefined: no answer (connection refused or reset, or the request deadline passed). */
  status?: number;
  error?: string;
  /** /api/search only: which engine answered. */
  engine?: string;
  body?: string;
  /** An HTML answer that is the portal's error page (app/[locale]/error.tsx, app/global-error.tsx). */
  errorPage?: boolean;
}

/**
 * A few concurrent clients, each requesting the next URL of the list in turn until `stop`
 * resolves. Every request has its own deadline, so a hanging server shows as an error with
 * the time it took, never as a stuck drill.
 */
export async function runLoad(options: {
  baseUrl: string;
  paths: string[];
  concurrency: number;
  until: Promise<unknown>;
  requestTimeoutMs: number;
  /** Keep the body of non-2xx answers (for the error page checks). */
  keepErrorBodies?: boolean;
}): Promise<LoadResult[]> {
  let stopped = false;
  void options.until.finally(() => {
    stopped = true;
  });
  const results: LoadResult[] = [];
  let next = 0;
  const client = async () => {
    while (!stopped) {
      const url = `${options.baseUrl}${options.paths[next++ % options.paths.length]}`;
      const startedAt = Date.now();
      const result: LoadResult = { url, startedAt, ms: 0 };
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(options.requestTimeoutMs), redirect: 'manual' });
        result.status = response.status;
        const text = await response.text();
        if (url.includes('/api/search') && response.ok) result.engine = (JSON.parse(text) as { engine: string }).engine;
        if (!response.ok && options.keepErrorBodies) result.body = text;
        if (response.headers.get('content-type')?.includes('text/html')) result.errorPage = isErrorPage(text);
      } catch (error) {
        result.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        // Connection refused comes back at once: do not spin.
        await sleep(50);
      }
      result.ms = Date.now() - startedAt;
      results.push(result);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  return results;
}

/**
 * The portal's error page: rendered on the server (its Swedish title, messages/sv.json
 * Error.title); or Next's error document (`<html id="__next_error__">`, sent when the root
 * layout itself fails), which boots app/global-error.tsx in the browser; or a page whose
 * server error React streamed for the browser to show the error page (a numeric digest;
 * not-found and redirects carry named ones).
 */
export function isErrorPage(html: string): boolean {
  return /<h1[^>]*>Något gick fel<\/h1>/.test(html) || html.includes('<html id="__next_error__"') || /data-dgst="\d+"/.test(html);
}

export function summarize(results: LoadResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) {
    const key = r.status === undefined ? 'no answer' : String(r.status);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

// ---------------------------------------------------------------- index and database

/** The fields Meilisearch hands back (displayedAttributes in lib/search/meili-index.ts). */
const DISPLAYED = ['id', 'slug', 'name', 'name_en', 'name_ar', 'summary', 'summary_en', 'summary_ar', 'organizationName', 'organizationSlug', 'categories', 'municipalities'] as const;

type Displayed = Record<(typeof DISPLAYED)[number], unknown>;

const pick = (doc: Record<string, unknown>): Displayed =>
  Object.fromEntries(DISPLAYED.map((k) => [k, doc[k] ?? null])) as Displayed;

export async function indexedDocuments(client: Meilisearch): Promise<Map<string, Displayed>> {
  const docs = new Map<string, Displayed>();
  for (let offset = 0; ; offset += 1000) {
    const { results } = await client.index(INDEX_NAME).getDocuments({ limit: 1000, offset });
    for (const d of results) docs.set(String(d.id), pick(d));
    if (results.length < 1000) return docs;
  }
}

/** The search projection: what the index must hold, document for document. */
export async function projectedDocuments(db: Db): Promise<Map<string, Displayed>> {
  const rows = await db.serviceSearchDocument.findMany({ select: { serviceId: true, document: true } });
  return new Map(rows.map((r) => [r.serviceId, pick(r.document as Record<string, unknown>)]));
}

export interface IndexDifference {
  missing: string[];
  stale: string[];
  different: string[];
}

/** Empty lists when the index equals the projection exactly. */
export async function compareIndex(client: Meilisearch, db: Db): Promise<IndexDifference> {
  const [indexed, projected] = await Promise.all([indexedDocuments(client), projectedDocuments(db)]);
  return {
    missing: [...projected.keys()].filter((id) => !indexed.has(id)),
    stale: [...indexed.keys()].filter((id) => !projected.has(id)),
    different: [...projected].filter(([id, doc]) => indexed.has(id) && JSON.stringify(indexed.get(id)) !== JSON.stringify(doc)).map(([id]) => id),
  };
}

export const inSync = (d: IndexDifference) => d.missing.length + d.stale.length + d.different.length === 0;

// ---------------------------------------------------------------- a throwaway PostgreSQL server

const PG_BIN = '/usr/lib/postgresql/15/bin';

/** Why the throwaway server cannot run here, or undefined when it can. */
export function throwawayPostgresUnavailable(): string | undefined {
  if (!existsSync(path.join(PG_BIN, 'initdb')) || !existsSync(path.join(PG_BIN, 'pg_ctl'))) return `no PostgreSQL binaries in ${PG_BIN}`;
  if (process.getuid?.() === 0) {
    try {
      execFileSync('id', ['postgres'], { stdio: 'ignore' });
    } catch {
      return 'running as root without a postgres user for initdb';
    }
  }
  return undefined;
}

export interface ThrowawayPostgres {
  /** `postgresql://postgres@127.0.0.1:<port>/postgres` */
  url: string;
  stop(): void;
  start(): void;
  destroy(): void;
}

/** initdb refuses root: the server's commands run as the postgres user then. */
function pgCommand(binary: string, args: string[]): void {
  const command = path.join(PG_BIN, binary);
  if (process.getuid?.() === 0) execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' });
  else execFileSync(command, args, { stdio: 'pipe' });
}

/** A private PostgreSQL 15 on a free loopback port, in a temporary folder, trust auth. */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lisa-drill-pg-'));
  chmodSync(dir, 0o755);
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', dir]);
  const data = path.join(dir, 'data');
  const port = await findFreePort();
  pgCommand('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off`;
  const start = () => pgCommand('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-o', options, '-w', '-t', '30', 'start']);
  const stop = () => pgCommand('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']);
  start();
  let destroyed = false;
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      try {
        pgCommand('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
