import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openPglite, pgliteDataDir } from './pglite';

export const MIGRATIONS_DIR = path.join(process.cwd(), 'prisma', 'migrations');

export interface MigrationFolder {
  name: string;
  sql: string;
  checksum: string;
}

/** The committed migration folders, oldest first (standard Prisma layout). */
export function readMigrationFolders(dir = MIGRATIONS_DIR): MigrationFolder[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/** The few operations the runner needs, over PGlite or a pg client alike. */
interface SqlSession {
  rows<T>(sql: string, params?: unknown[]): Promise<T[]>;
  exec(script: string): Promise<void>;
  close(): Promise<void>;
}

async function openSession(url: string): Promise<SqlSession> {
  if (url.startsWith('pglite:')) {
    const db = await openPglite(pgliteDataDir(url));
    return {
      rows: async <T>(sql: string, params: unknown[] = []) => (await db.query<T>(sql, params)).rows,
      exec: async (script) => {
        await db.exec(script);
      },
      close: () => db.close(),
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    rows: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
    exec: async (script) => {
      await client.query(script);
    },
    close: () => client.end(),
  };
}

// Same table and lock id as Prisma Migrate, so the official CLI can take over where it runs.
const MIGRATION_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;
const PRISMA_ADVISORY_LOCK = 72707369;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

export class MigrationError extends Error {}

/**
 * Applies every committed migration that the database lacks, each in its own transaction,
 * and returns the names applied. Refuses to run over an edited or failed migration.
 */
export async function deployMigrations(url: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  const folders = readMigrationFolders(dir);
  const session = await openSession(url);
  try {
    await session.rows('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK]);
    await session.exec(MIGRATION_TABLE);
    const applied = await session.rows<AppliedRow>(
      'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
    );
    const byName = new Map(applied.map((r) => [r.migration_name, r]));
    const done: string[] = [];
    for (const folder of folders) {
      const row = byName.get(folder.name);
      if (row && !row.finished_at) {
        throw new MigrationError(`Migration ${folder.name} failed earlier; fix the database and mark it rolled back.`);
      }
      if (row) {
        if (row.checksum !== folder.checksum) {
          throw new MigrationError(`Migration ${folder.name} was edited after it was applied.`);
        }
        continue;
      }
      await session.exec('BEGIN');
      try {
        await session.exec(folder.sql);
        await session.rows(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), folder.checksum, folder.name],
        );
        await session.exec('COMMIT');
      } catch (error) {
        await session.exec('ROLLBACK');
        throw new MigrationError(`Migration ${folder.name} failed: ${(error as Error).message}`);
      }
      done.push(folder.name);
    }
    return done;
  } finally {
    await session.rows('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK]).catch(() => undefined);
    await session.close();
  }
}
