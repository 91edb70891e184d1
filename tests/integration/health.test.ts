import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHealth, healthHttpStatus } from '@/lib/health';
import { pingDatabase } from '@/lib/health/queries';
import { startEmbeddedMeili, type EmbeddedMeili } from '@/lib/search/embedded-server';
import { probeMeili } from '@/lib/search/health';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

describe('checkHealth', () => {
  let db: TestDatabase;
  let meili: EmbeddedMeili;
  let meiliDir: string;

  beforeAll(async () => {
    meiliDir = mkdtempSync(path.join(tmpdir(), 'lisa-meili-'));
    [db, meili] = await Promise.all([createTestDatabase(), startEmbeddedMeili({ dataDir: meiliDir })]);
  });

  afterAll(async () => {
    await meili?.stop();
    await db?.drop();
    if (meiliDir) rmSync(meiliDir, { recursive: true, force: true });
  });

  const database = () => pingDatabase(db.prisma);

  it('reports Meilisearch as the search engine while it answers', async () => {
    const report = await checkHealth({ database, search: () => probeMeili({ host: meili.host, masterKey: meili.masterKey }) });
    expect(report).toEqual({ status: 'ok', database: 'ok', search: 'meilisearch' });
    expect(healthHttpStatus(report)).toBe(200);
  });

  it('falls back to PostgreSQL when Meilisearch is not configured', async () => {
    const report = await checkHealth({ database, search: () => probeMeili(null) });
    expect(report).toEqual({ status: 'ok', database: 'ok', search: 'postgres' });
  });

  it('falls back to PostgreSQL when nothing listens at the configured address', async () => {
    const stopped = await startEmbeddedMeili({ dataDir: path.join(meiliDir, 'stopped') });
    await stopped.stop();
    const started = Date.now();
    const report = await checkHealth({ database, search: () => probeMeili({ host: stopped.host, masterKey: stopped.masterKey }) });
    expect(report).toEqual({ status: 'ok', database: 'ok', search: 'postgres' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports an error (and 503) when the database does not answer', async () => {
    const report = await checkHealth({
      database: () => Promise.reject(new Error('connection refused')),
      search: () => probeMeili({ host: meili.host }),
    });
    expect(report).toEqual({ status: 'error', database: 'error', search: 'meilisearch' });
    expect(healthHttpStatus(report)).toBe(503);
  });
});

describe('pingDatabase', () => {
  it('answers false, not an exception, for a database that is gone', async () => {
    const gone = await createTestDatabase();
    await gone.drop();
    expect(await pingDatabase(gone.prisma, 2000)).toBe(false);
  });
});

describe('probeMeili', () => {
  it('answers false for a host that is not Meilisearch', async () => {
    expect(await probeMeili({ host: 'http://127.0.0.1:9' })).toBe(false);
  });
});
