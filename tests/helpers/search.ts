/**
 * A real Meilisearch server for one test file, with MEILI_HOST, MEILI_MASTER_KEY and a
 * per-file MEILI_INDEX_PREFIX pointing at it:
 *
 *   const meili = useMeiliServer();   // before useTestDatabase(): getEnv caches the environment
 *   ... meili().client ...; await meili().stop(); await meili().restart();
 *
 * `restart` brings the server back on the same port, key and data, as after an outage.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, vi } from 'vitest';
import type { Db } from '@/lib/db/client';
import { createMeiliClient } from '@/lib/search/client';
import { createMeiliEngine } from '@/lib/search/engines/meilisearch';
import { createPostgresEngine } from '@/lib/search/engines/postgres';
import { reindexServices, servicesIndexName } from '@/lib/search/meili-index';
import type { EngineName, SearchEngine } from '@/lib/search/types';
import { startEmbeddedMeili, type EmbeddedMeili } from '@/lib/search/embedded-server';

export interface TestMeili {
  host: string;
  client: Meilisearch;
  indexPrefix: string;
  stop(): Promise<void>;
  restart(): Promise<void>;
}

export function useMeiliServer(): () => TestMeili {
  let server: EmbeddedMeili | undefined;
  let dataDir: string | undefined;
  let handle: TestMeili | undefined;
  const indexPrefix = `t${randomBytes(4).toString('hex')}_`;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'lisa-meili-test-'));
    server = await startEmbeddedMeili({ dataDir });
    const port = Number(new URL(server.host).port);
    const { host, masterKey } = server;
    vi.stubEnv('MEILI_HOST', host);
    vi.stubEnv('MEILI_MASTER_KEY', masterKey);
    vi.stubEnv('MEILI_INDEX_PREFIX', indexPrefix);
    handle = {
      host,
      client: createMeiliClient(host, masterKey, 10_000),
      indexPrefix,
      stop: async () => server?.stop(),
      restart: async () => {
        await server?.stop();
        server = await startEmbeddedMeili({ dataDir: dataDir as string, port, masterKey });
      },
    };
  }, 60_000);

  afterAll(async () => {
    vi.unstubAllEnvs();
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  return () => {
    if (!handle) throw new Error('The Meilisearch server runs only inside tests and hooks.');
    return handle;
  };
}

export interface EngineCase {
  name: EngineName;
  /** Called once the data is in the database: Meilisearch gets an index built from it. */
  create: () => Promise<SearchEngine>;
}

/** Both engines over the test database, for specs that every engine must pass. */
export function engineCases(prisma: () => Db, meili: () => TestMeili): EngineCase[] {
  return [
    { name: 'postgres', create: async () => createPostgresEngine(prisma()) },
    {
      name: 'meilisearch',
      create: async () => {
        await reindexServices(meili().client, prisma());
        return createMeiliEngine(meili().client, servicesIndexName());
      },
    },
  ];
}
