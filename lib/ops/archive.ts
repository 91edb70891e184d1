/**
 * The backup archive's format and the catalogue facts both ends read from the live database:
 * which tables there are, the order that satisfies their foreign keys, how to read each one
 * in a stable order, and which sequences number their rows.
 *
 * Archive (`.tar.gz`, format `lisa-backup` version 1):
 *   manifest.json           migrations, per-table row counts and SHA-256, sequences, media list
 *   tables/<Table>.jsonl    one `row_to_json` line per row, in primary-key order (derived
 *                           tables, DERIVED_TABLES, are left out and rebuilt)
 *   media/<storage key>     the uploaded files the rows refer to
 * A table file's SHA-256 is also the checksum of the table's content: restore recomputes it
 * from the restored rows with the same query and compares.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { oneRow, type SqlSession } from './database';

export const ARCHIVE_FORMAT = 'lisa-backup';
export const ARCHIVE_VERSION = 1;
export const MANIFEST_ENTRY = 'manifest.json';
export const tableEntry = (table: string) => `tables/${table}.jsonl`;
export const mediaEntry = (key: string) => `media/${key}`;

/** Same rule as lib/media/storage.ts: plain segments, none starting with a dot. */
export const STORAGE_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;
const TABLE_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Rows of these tables do not count as "data" when deciding whether a database is empty:
 * migrations themselves queue outbox messages (the search settings), so a freshly migrated
 * database already has one. Restore empties them like every other table.
 */
export const QUEUE_TABLES = new Set(['OutboxMessage']);

/**
 * Projections of other tables, left out of the archive and rebuilt after a restore: the
 * search documents carry the time they were built and how fresh each listing looked then.
 */
export const DERIVED_TABLES = new Set(['ServiceSearchDocument']);

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  createdAt: z.string(),
  engine: z.enum(['pglite', 'postgresql']),
  serverVersion: z.string(),
  migrations: z.array(z.object({ name: z.string(), checksum: z.string() })),
  tables: z.array(
    z.object({ name: z.string().regex(TABLE_NAME_PATTERN), rows: z.number().int().min(0), bytes: z.number().int().min(0), sha256 }),
  ),
  sequences: z.array(
    z.object({
      table: z.string().regex(TABLE_NAME_PATTERN),
      column: z.string(),
      /** The next value the sequence would hand out when the archive was made. */
      nextValue: z.string().regex(/^\d+$/),
    }),
  ),
  media: z.array(
    z.object({ key: z.string().regex(STORAGE_KEY_PATTERN), contentType: z.string(), bytes: z.number().int().min(0), sha256 }),
  ),
  /** Keys the rows refer to that the media store did not have when the archive was made. */
  missingMedia: z.array(z.string()),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

// ── Catalogue ──────────────────────────────────────────────────────────────────────

export interface TableInfo {
  name: string;
  /** Every column, in table order. */
  columns: string[];
  /** Columns of the primary key (or every column when there is none): the stable read order. */
  orderBy: { column: string; collatable: boolean }[];
  /** Columns that reference this same table: loaded empty, then filled in a second pass. */
  selfReferences: string[];
  /** Primary key columns (empty when the table has none). */
  primaryKey: string[];
  /** Tables this one references (other than itself). */
  parents: string[];
}

export interface SequenceInfo {
  table: string;
  column: string;
  sequence: string;
}

export interface Catalog {
  /** In an order that satisfies every foreign key between different tables. */
  tables: TableInfo[];
  sequences: SequenceInfo[];
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Prisma's migration table belongs to the schema, not the data. ContentVersion only counts
 * changes for the page cache: it must keep rising across a restore (the restore's writes bump
 * it), never go back to an archived number that cached pages may still carry.
 */
const IN_SCHEMA = `n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname NOT IN ('_prisma_migrations', 'ContentVersion')`;

/** Reads the tables, keys and sequences of the current schema (bookkeeping tables aside). */
export async function readCatalog(sql: SqlSession): Promise<Catalog> {
  const columns = await sql.rows<{ table: string; column: string; collatable: boolean }>(
    `SELECT c.relname::text AS "table", a.attname::text AS "column", (a.attcollation <> 0) AS collatable
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE ${IN_SCHEMA} AND a.attnum > 0 AND NOT a.attisdropped
     ORDER BY c.relname, a.attnum`,
  );
  const keys = await sql.rows<{ table: string; column: string }>(
    `SELECT c.relname::text AS "table", a.attname::text AS "column"
     FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (k.conkey)
     WHERE ${IN_SCHEMA} AND k.contype = 'p'
     ORDER BY c.relname, array_position(k.conkey, a.attnum)`,
  );
  const references = await sql.rows<{ table: string; parent: string; column: string }>(
    `SELECT c.relname::text AS "table", p.relname::text AS parent, a.attname::text AS "column"
     FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_class p ON p.oid = k.confrelid
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (k.conkey)
     WHERE ${IN_SCHEMA} AND k.contype = 'f'`,
  );
  const sequences = await sql.rows<SequenceInfo>(
    `SELECT c.relname::text AS "table", a.attname::text AS "column",
            pg_get_serial_sequence(quote_ident(c.relname), a.attname)::text AS sequence
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE ${IN_SCHEMA} AND a.attnum > 0 AND NOT a.attisdropped
       AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL
     ORDER BY 1, 2`,
  );

  const byName = new Map<string, TableInfo>();
  for (const { table, column, collatable } of columns) {
    let info = byName.get(table);
    if (!info) byName.set(table, (info = { name: table, columns: [], orderBy: [], selfReferences: [], primaryKey: [], parents: [] }));
    info.columns.push(column);
    info.orderBy.push({ column, collatable });
  }
  for (const { table, column } of keys) byName.get(table)?.primaryKey.push(column);
  for (const info of byName.values()) {
    if (info.primaryKey.length > 0) info.orderBy = info.primaryKey.map((column) => info.orderBy.find((o) => o.column === column)!);
  }
  for (const { table, parent, column } of references) {
    const info = byName.get(table);
    if (!info) continue;
    if (parent === table) info.selfReferences.push(column);
    else if (!info.parents.includes(parent)) info.parents.push(parent);
  }
  return { tables: dependencyOrder([...byName.values()]), sequences };
}

/** Parents before children; ties by name, so the order is the same on every run. */
function dependencyOrder(tables: TableInfo[]): TableInfo[] {
  const pending = new Map(tables.map((t) => [t.name, t]));
  const ordered: TableInfo[] = [];
  while (pending.size > 0) {
    const ready = [...pending.values()]
      .filter((t) => t.parents.every((p) => !pending.has(p)))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    if (ready.length === 0) {
      throw new Error(`Foreign keys form a cycle between tables ${[...pending.keys()].join(', ')}; backup cannot order them.`);
    }
    for (const t of ready) {
      ordered.push(t);
      pending.delete(t.name);
    }
  }
  return ordered;
}

/**
 * The query whose rows are a table's archive lines. Text sorts by byte ("C"), so the order,
 * and with it the checksum, is the same on PGlite and on any PostgreSQL whatever its locale.
 */
export function tableRowsQuery(table: TableInfo): string {
  const order = table.orderBy.map((o) => `t.${quoteIdent(o.column)}${o.collatable ? ' COLLATE "C"' : ''}`).join(', ');
  return `SELECT row_to_json(t)::text AS line FROM ${quoteIdent(table.name)} t ORDER BY ${order}`;
}

export interface TableDigest {
  rows: number;
  bytes: number;
  sha256: string;
}

/**
 * Streams a table's lines through a cursor (so a large table never sits in memory) and
 * returns its count and checksum; `onLine` receives each line. Needs an open transaction.
 */
export async function streamTable(
  sql: SqlSession,
  table: TableInfo,
  onLine?: (line: string) => Promise<void> | void,
  fetchSize = 1000,
): Promise<TableDigest> {
  const hash = createHash('sha256');
  let rows = 0;
  let bytes = 0;
  await sql.exec(`DECLARE lisa_table_rows NO SCROLL CURSOR FOR ${tableRowsQuery(table)}`);
  try {
    for (;;) {
      const batch = await sql.rows<{ line: string }>(`FETCH FORWARD ${fetchSize} FROM lisa_table_rows`);
      for (const { line } of batch) {
        const text = `${line}\n`;
        hash.update(text);
        bytes += Buffer.byteLength(text);
        rows += 1;
        if (onLine) await onLine(text);
      }
      if (batch.length < fetchSize) break;
    }
  } catch (error) {
    // The transaction may be aborted by now; the first error is the one worth reporting.
    await sql.exec('CLOSE lisa_table_rows').catch(() => undefined);
    throw error;
  }
  await sql.exec('CLOSE lisa_table_rows');
  return { rows, bytes, sha256: hash.digest('hex') };
}

export interface AppliedMigration {
  name: string;
  checksum: string;
}

/** The migrations recorded in the database, oldest first; null when it has never been migrated. */
export async function appliedMigrations(sql: SqlSession): Promise<AppliedMigration[] | null> {
  const { present } = await oneRow<{ present: boolean }>(sql, `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`);
  if (!present) return null;
  return sql.rows<AppliedMigration>(
    `SELECT migration_name AS name, checksum FROM "_prisma_migrations"
     WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL ORDER BY migration_name`,
  );
}

export interface MigrationDifference {
  /** In `expected`, not in `actual`. */
  missing: string[];
  /** In `actual`, not in `expected`. */
  extra: string[];
  /** In both, with different contents. */
  edited: string[];
}

/** How `actual` differs from `expected`, or null when they are the same list. */
export function compareMigrations(expected: AppliedMigration[], actual: AppliedMigration[]): MigrationDifference | null {
  const actualByName = new Map(actual.map((m) => [m.name, m.checksum]));
  const expectedNames = new Set(expected.map((m) => m.name));
  const difference = {
    missing: expected.filter((m) => !actualByName.has(m.name)).map((m) => m.name),
    extra: actual.filter((m) => !expectedNames.has(m.name)).map((m) => m.name),
    edited: expected.filter((m) => actualByName.has(m.name) && actualByName.get(m.name) !== m.checksum).map((m) => m.name),
  };
  return difference.missing.length + difference.extra.length + difference.edited.length ? difference : null;
}
