/**
 * One connection for backup and restore, whichever engine DATABASE_URL names: plain SQL for
 * the snapshot, cursors and bulk inserts, and a Prisma client on the same database for the
 * search rebuild afterwards. With PGlite both go through the one embedded instance (one
 * process per data folder), so SQL and Prisma calls must not interleave inside a transaction.
 */
import type { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { Db } from '@/lib/db/client';
import { openPglite, pgliteDataDir } from '@/lib/db/pglite';
import { PrismaClient } from '@/lib/generated/prisma/client';

export interface SqlSession {
  rows<T>(sql: string, params?: unknown[]): Promise<T[]>;
  exec(sql: string): Promise<void>;
}

/** The first row of a query that always answers one (a count, a setting). */
export async function oneRow<T>(sql: SqlSession, query: string, params?: unknown[]): Promise<T> {
  const [row] = await sql.rows<T>(query, params);
  if (!row) throw new Error(`Expected a row from: ${query}`);
  return row;
}

export interface OpsDatabase {
  engine: 'pglite' | 'postgresql';
  sql: SqlSession;
  prisma: Db;
  close(): Promise<void>;
}

/** Wraps an open PGlite (tests hand in theirs; the scripts open the data folder). */
export function pgliteOpsDatabase(db: PGlite, prisma?: Db): OpsDatabase {
  const client = prisma ?? new PrismaClient({ adapter: new PrismaPGlite(db) });
  return {
    engine: 'pglite',
    sql: {
      rows: async <T>(sql: string, params: unknown[] = []) => (await db.query<T>(sql, params)).rows,
      exec: async (sql) => {
        await db.exec(sql);
      },
    },
    prisma: client,
    close: async () => {
      if (!prisma) await client.$disconnect();
    },
  };
}

/** Opens the database at `url` for backup or restore; close() releases everything. */
export async function openOpsDatabase(url: string): Promise<OpsDatabase> {
  if (url.startsWith('pglite:')) {
    const embedded = await openPglite(pgliteDataDir(url));
    const ops = pgliteOpsDatabase(embedded);
    return {
      ...ops,
      close: async () => {
        await ops.close();
        await embedded.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
  return {
    engine: 'postgresql',
    sql: {
      rows: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
      exec: async (sql) => {
        await client.query(sql);
      },
    },
    prisma,
    close: async () => {
      await prisma.$disconnect();
      await client.end();
    },
  };
}
