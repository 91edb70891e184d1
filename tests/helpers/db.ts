/**
 * A clean, migrated database per test file.
 *
 *   const db = useTestDatabase();          // registers beforeAll/afterAll
 *   it('...', async () => { await db.prisma.organization.count(); });
 *
 * or by hand:
 *
 *   let db: TestDatabase;
 *   beforeAll(async () => { db = await createTestDatabase(); });
 *   afterAll(() => db.drop());
 *
 * With TEST_DATABASE_URL (a PostgreSQL server URL) each call creates its own database on that
 * server, so files can run in parallel; otherwise it is an in-memory PGlite.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { afterAll, beforeAll } from 'vitest';
import { connectDb, setProcessDatabase } from '@/lib/db/client';
import { deployMigrations, readMigrationFolders } from '@/lib/db/migrations';
import { openPglite } from '@/lib/db/pglite';
import { getEnv } from '@/lib/env';
import { PrismaClient } from '@/lib/generated/prisma/client';

export interface TestDatabase {
  prisma: PrismaClient;
  /** `postgresql://.../lisa_test_<random>` or `pglite:memory` (not reachable by another client). */
  url: string;
  /** Disconnects and removes the database. Safe to call twice. */
  drop(): Promise<void>;
}

export interface EmptyDatabase {
  /** A URL that deployMigrations and connectDb can open, several times over. */
  url: string;
  drop(): Promise<void>;
}

function adminUrl(): string | undefined {
  return getEnv().TEST_DATABASE_URL;
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty PostgreSQL database on the TEST_DATABASE_URL server. */
export async function createPostgresDatabase(serverUrl: string): Promise<EmptyDatabase> {
  const name = `lisa_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  let dropped = false;
  return {
    url: withDatabase(serverUrl, name),
    async drop() {
      if (dropped) return;
      dropped = true;
      // FORCE ends connections a failed test may have left open (PostgreSQL 13+).
      await withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/**
 * An empty database that outlives a single connection (for migration tests and servers):
 * a new PostgreSQL database, or a PGlite folder in a temporary directory.
 */
export async function createEmptyDatabase(): Promise<EmptyDatabase> {
  const server = adminUrl();
  if (server) return createPostgresDatabase(server);
  const dir = await mkdtemp(path.join(tmpdir(), 'lisa-test-pglite-'));
  return {
    url: `pglite:${dir}`,
    drop: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Runs the committed migrations on a new in-memory PGlite, in order, like deployMigrations. */
async function migratedMemoryDatabase(): Promise<TestDatabase> {
  const pglite = await openPglite();
  for (const migration of readMigrationFolders()) {
    try {
      await pglite.exec(migration.sql);
    } catch (error) {
      await pglite.close();
      throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`);
    }
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  let dropped = false;
  return {
    prisma,
    url: 'pglite:memory',
    async drop() {
      if (dropped) return;
      dropped = true;
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

/** A clean database with every migration applied and a Prisma client connected to it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = adminUrl();
  if (!server) return migratedMemoryDatabase();
  const empty = await createPostgresDatabase(server);
  try {
    await deployMigrations(empty.url);
    const handle = await connectDb(empty.url);
    let dropped = false;
    return {
      prisma: handle.prisma,
      url: empty.url,
      async drop() {
        if (dropped) return;
        dropped = true;
        await handle.close();
        await empty.drop();
      },
    };
  } catch (error) {
    await empty.drop();
    throw error;
  }
}

/**
 * Creates the file's database in beforeAll and drops it in afterAll. The returned object
 * reads through to it, so tests can keep it in a const at the top of the file.
 */
export function useTestDatabase(): Pick<TestDatabase, 'prisma' | 'url'> {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
    // The data layer (getDb) in this test file now works on this database.
    setProcessDatabase(db.prisma);
  });
  afterAll(async () => {
    await db?.drop();
  });
  const current = () => {
    if (!db) throw new Error('The test database exists only inside tests and hooks (after beforeAll).');
    return db;
  };
  return {
    get prisma() {
      return current().prisma;
    },
    get url() {
      return current().url;
    },
  };
}
