import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { getEnv } from '@/lib/env';
import { openPglite, pgliteDataDir } from './pglite';

export type Db = PrismaClient;

export interface DbHandle {
  prisma: PrismaClient;
  close(): Promise<void>;
}

/** A Prisma client on the driver adapter that fits the URL (PGlite or pg). */
export async function connectDb(url: string): Promise<DbHandle> {
  if (url.startsWith('pglite:')) {
    const pg = await openPglite(pgliteDataDir(url));
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pg) });
    return {
      prisma,
      async close() {
        await prisma.$disconnect();
        await pg.close();
      },
    };
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  return { prisma, close: () => prisma.$disconnect() };
}

const holder = globalThis as unknown as { __lisaDb?: Promise<DbHandle> };

/** The process-wide client for DATABASE_URL (kept across hot reloads in development). */
export function getDb(): Promise<PrismaClient> {
  holder.__lisaDb ??= connectDb(getEnv().DATABASE_URL);
  return holder.__lisaDb.then((h) => h.prisma);
}

/**
 * Makes `getDb()` in this process answer with an existing client: the test harness points
 * the data layer at each test file's own database this way.
 */
export function setProcessDatabase(prisma: PrismaClient): void {
  holder.__lisaDb = Promise.resolve({ prisma, close: () => prisma.$disconnect() });
}
