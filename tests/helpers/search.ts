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
import { createMeiliClient } from '@/lib/search/client';
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
