/**
 * Restore: the inverse of ./backup.ts, and its drill. Everything that can refuse is checked
 * before the first write (the archive against its own manifest, its migrations against this
 * code's, the database's migrations, whether the database already holds data); then all
 * tables are emptied and loaded in ONE transaction, sequences moved past the restored rows,
 * and every table's count and checksum compared with the manifest before COMMIT: a mismatch
 * rolls everything back. After the commit come the uploaded files, the PostgreSQL search
 * projection (a derived table, not in the archive) and Meilisearch.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Meilisearch } from 'meilisearch';
import { readMigrationFolders, type MigrationFolder } from '@/lib/db/migrations';
import type { MediaStorage } from '@/lib/media/storage';
import { SEARCHABLE } from '@/lib/search/document';
import { reindexServices } from '@/lib/search/meili-index';
import { rebuildSearchProjection, SEARCH_SETTINGS_TOPIC, SERVICE_INDEX_TOPIC } from '@/lib/search/projection';
import {
  appliedMigrations,
  compareMigrations,
  DERIVED_TABLES,
  manifestSchema,
  MANIFEST_ENTRY,
  mediaEntry,
  QUEUE_TABLES,
  quoteIdent,
  readCatalog,
  STORAGE_KEY_PATTERN,
  streamTable,
  tableEntry,
  type BackupManifest,
  type TableInfo,
} from './archive';
import { oneRow, type OpsDatabase, type SqlSession } from './database';
import { readTar } from './tar';

/** A restore that was refused before anything was written; the message says why and what to do. */
export class RestoreRefusedError extends Error {}

export interface RestoreOptions {
  /** Replace a database that already holds data. */
  force?: boolean;
  /** Where uploaded files go; null skips them (the report says how many were not restored). */
  media: MediaStorage | null;
  /** A configured Meilisearch to rebuild; null when search runs on PostgreSQL only. */
  meili: Meilisearch | null;
  /** The migrations this code has (tests hand in others). */
  migrations?: MigrationFolder[];
  /** Where the archive is unpacked; the system temporary folder by default. */
  workDir?: string;
  log?: (line: string) => void;
}

export interface TableCheck {
  table: string;
  expectedRows: number;
  actualRows: number;
  checksumMatches: boolean;
}

export interface RestoreReport {
  /** True when every table matched and the search projection holds every searchable service. */
  ok: boolean;
  /** False when a mismatch rolled the load back (nothing of the archive was kept). */
  committed: boolean;
  tables: TableCheck[];
  media: { restored: number; notRestored: number; missingInArchive: number };
  projection: { documents: number; searchableServices: number } | null;
  /** What happened to Meilisearch. */
  search: 'reindexed' | 'queued' | 'not-configured' | 'skipped';
  searchError?: string;
}

interface ExtractedEntry {
  file: string;
  bytes: number;
  lines: number;
  sha256: string;
}

const TABLE_ENTRY = /^tables\/([A-Za-z_][A-Za-z0-9_]*)\.jsonl$/;

/** Unpacks the archive into `dir`, hashing every entry; refuses names it does not expect. */
async function extractArchive(archive: string, dir: string): Promise<Map<string, ExtractedEntry>> {
  const entries = new Map<string, ExtractedEntry>();
  const input = createReadStream(archive).pipe(createGunzip());
  try {
    for await (const entry of readTar(input)) {
      const isMedia = entry.name.startsWith('media/') && STORAGE_KEY_PATTERN.test(entry.name.slice('media/'.length));
      if (entry.name !== MANIFEST_ENTRY && !TABLE_ENTRY.test(entry.name) && !isMedia) {
        throw new RestoreRefusedError(`The archive holds an unexpected entry ${JSON.stringify(entry.name)}; it is not a portal backup.`);
      }
      if (entries.has(entry.name)) throw new RestoreRefusedError(`The archive holds ${entry.name} twice.`);
      const file = path.join(dir, ...entry.name.split('/'));
      await mkdir(path.dirname(file), { recursive: true });
      const out = createWriteStream(file);
      const hash = createHash('sha256');
      let lines = 0;
      for await (const chunk of entry.body) {
        hash.update(chunk);
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
        if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      }
      await new Promise<void>((resolve, reject) => {
        out.once('error', reject);
        out.end(() => resolve());
      });
      entries.set(entry.name, { file, bytes: entry.size, lines, sha256: hash.digest('hex') });
    }
  } catch (error) {
    if (error instanceof RestoreRefusedError) throw error;
    throw new RestoreRefusedError(`The archive cannot be read: ${(error as Error).message}`);
  } finally {
    input.destroy();
  }
  return entries;
}

/** Parses the manifest and checks every file of the archive against it. */
async function verifyArchive(entries: Map<string, ExtractedEntry>): Promise<BackupManifest> {
  const manifestEntry = entries.get(MANIFEST_ENTRY);
  if (!manifestEntry) throw new RestoreRefusedError('The archive has no manifest.json; it is not a portal backup.');
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(manifestEntry.file, 'utf8'));
  } catch {
    throw new RestoreRefusedError('The archive\'s manifest.json is not valid JSON.');
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    throw new RestoreRefusedError(`The archive's manifest is not one this version reads: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const manifest = parsed.data;
  const expected = new Set([MANIFEST_ENTRY]);
  const damaged: string[] = [];
  for (const table of manifest.tables) {
    const name = tableEntry(table.name);
    expected.add(name);
    const entry = entries.get(name);
    if (!entry) damaged.push(`${name} is missing`);
    else if (entry.sha256 !== table.sha256 || entry.bytes !== table.bytes || entry.lines !== table.rows) {
      damaged.push(`${name} does not match its checksum`);
    }
  }
  for (const media of manifest.media) {
    const name = mediaEntry(media.key);
    expected.add(name);
    const entry = entries.get(name);
    if (!entry) damaged.push(`${name} is missing`);
    else if (entry.sha256 !== media.sha256 || entry.bytes !== media.bytes) damaged.push(`${name} does not match its checksum`);
  }
  for (const name of entries.keys()) if (!expected.has(name)) damaged.push(`${name} is not in the manifest`);
  if (damaged.length > 0) {
    throw new RestoreRefusedError(`The archive is damaged or was changed after it was made: ${damaged.join('; ')}. Nothing was restored.`);
  }
  return manifest;
}

/** Refuses an archive made by another version of the code, or a database not migrated to this one. */
async function checkMigrations(sql: SqlSession, manifest: BackupManifest, code: MigrationFolder[]): Promise<void> {
  const codeList = code.map(({ name, checksum }) => ({ name, checksum }));
  const archiveDiff = compareMigrations(codeList, manifest.migrations);
  if (archiveDiff) {
    const details = [
      archiveDiff.missing.length ? `the archive lacks ${archiveDiff.missing.join(', ')} (it was made by an older version)` : '',
      archiveDiff.extra.length ? `the archive has ${archiveDiff.extra.join(', ')}, which this code does not know (it was made by a newer version)` : '',
      archiveDiff.edited.length ? `${archiveDiff.edited.join(', ')} differ between the archive and this code` : '',
    ].filter(Boolean);
    throw new RestoreRefusedError(
      `Wrong version: the archive's migrations do not match this code's: ${details.join('; ')}. ` +
        'Restore with the portal version that made the archive (then upgrade and migrate), or back up again with this version.',
    );
  }
  const applied = await appliedMigrations(sql);
  const dbDiff = compareMigrations(codeList, applied ?? []);
  if (dbDiff) {
    const details = [
      dbDiff.missing.length ? `it lacks ${dbDiff.missing.join(', ')}` : '',
      dbDiff.extra.length ? `it has ${dbDiff.extra.join(', ')}, which this code does not know` : '',
      dbDiff.edited.length ? `${dbDiff.edited.join(', ')} differ from this code's` : '',
    ].filter(Boolean);
    const hint = dbDiff.extra.length || dbDiff.edited.length ? 'Use the portal version that migrated it' : 'Migrate it first: npm run db:migrate';
    throw new RestoreRefusedError(`The database is not migrated to this code's version: ${details.join('; ')}. ${hint}, then restore again.`);
  }
}

/** Names of tables (queues aside) that hold at least one row. */
async function tablesWithData(sql: SqlSession, tables: TableInfo[]): Promise<string[]> {
  const holding: string[] = [];
  for (const table of tables) {
    if (QUEUE_TABLES.has(table.name)) continue;
    const { present } = await oneRow<{ present: boolean }>(sql, `SELECT EXISTS (SELECT 1 FROM ${quoteIdent(table.name)}) AS present`);
    if (present) holding.push(table.name);
  }
  return holding;
}

const BATCH_ROWS = 500;
const BATCH_BYTES = 2 * 1024 * 1024;

/** Feeds a table file to `run` as JSON arrays of at most BATCH_ROWS rows or about BATCH_BYTES. */
async function forEachBatch(file: string, run: (json: string) => Promise<void>): Promise<void> {
  let batch: string[] = [];
  let size = 0;
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    batch.push(line);
    size += line.length;
    if (batch.length >= BATCH_ROWS || size >= BATCH_BYTES) {
      await run(`[${batch.join(',')}]`);
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) await run(`[${batch.join(',')}]`);
}

/**
 * Loads one table from its archive lines: PostgreSQL turns each JSON object back into a row
 * of the table's own type, so every column type round-trips without code here knowing it.
 * Columns that point into the same table (a category's parent) are loaded empty and filled
 * in a second pass, since a parent may come after its child in key order.
 */
async function loadTable(sql: SqlSession, table: TableInfo, file: string): Promise<void> {
  const name = quoteIdent(table.name);
  const columns = table.columns.map(quoteIdent).join(', ');
  const values = table.columns.map((c) => (table.selfReferences.includes(c) ? 'NULL' : `r.${quoteIdent(c)}`)).join(', ');
  await forEachBatch(file, (json) =>
    sql.rows(`INSERT INTO ${name} (${columns}) SELECT ${values} FROM json_populate_recordset(NULL::${name}, $1::json) r`, [json]).then(() => undefined),
  );
  if (table.selfReferences.length === 0) return;
  if (table.primaryKey.length === 0) throw new Error(`${table.name} refers to itself but has no primary key to fill the references by.`);
  const set = table.selfReferences.map((c) => `${quoteIdent(c)} = r.${quoteIdent(c)}`).join(', ');
  const match = table.primaryKey.map((c) => `t.${quoteIdent(c)} = r.${quoteIdent(c)}`).join(' AND ');
  const anyReference = table.selfReferences.map((c) => `r.${quoteIdent(c)} IS NOT NULL`).join(' OR ');
  await forEachBatch(file, (json) =>
    sql
      .rows(`UPDATE ${name} t SET ${set} FROM json_populate_recordset(NULL::${name}, $1::json) r WHERE ${match} AND (${anyReference})`, [json])
      .then(() => undefined),
  );
}

/**
 * Restores `archive` into `db`. Throws RestoreRefusedError (nothing written) when the archive,
 * the versions or the database's contents forbid it; otherwise returns the drill's report.
 */
export async function restoreBackup(db: OpsDatabase, archive: string, options: RestoreOptions): Promise<RestoreReport> {
  const log = options.log ?? (() => undefined);
  const staging = await mkdtemp(path.join(options.workDir ?? tmpdir(), 'lisa-restore-'));
  try {
    log('Reading and checking the archive');
    const entries = await extractArchive(archive, staging);
    const manifest = await verifyArchive(entries);
    const { sql } = db;
    await checkMigrations(sql, manifest, options.migrations ?? readMigrationFolders());
    const catalog = await readCatalog(sql);
    const archived = new Set(manifest.tables.map((t) => t.name));
    const restorable = catalog.tables.filter((t) => !DERIVED_TABLES.has(t.name));
    const present = new Set(restorable.map((t) => t.name));
    const unmatched = [...archived].filter((t) => !present.has(t)).concat([...present].filter((t) => !archived.has(t)));
    if (unmatched.length > 0) {
      throw new RestoreRefusedError(`The database's tables differ from the archive's (${unmatched.join(', ')}), although the migrations match.`);
    }
    const holding = await tablesWithData(sql, restorable);
    if (holding.length > 0 && !options.force) {
      throw new RestoreRefusedError(
        `The database already holds data (${holding.length} tables, e.g. ${holding.slice(0, 3).join(', ')}). ` +
          'Restoring replaces all of it: run again with --force to do so.',
      );
    }

    const byName = new Map(manifest.tables.map((t) => [t.name, t]));
    const tables: TableCheck[] = [];
    await sql.exec('BEGIN');
    let committed = false;
    try {
      if (holding.length > 0) log(`Emptying ${holding.length} tables that hold data`);
      // TRUNCATE is transactional in PostgreSQL: until COMMIT the old data is still there.
      await sql.exec(`TRUNCATE ${catalog.tables.map((t) => quoteIdent(t.name)).join(', ')} RESTART IDENTITY CASCADE`);
      for (const table of restorable) {
        await loadTable(sql, table, entries.get(tableEntry(table.name))!.file);
        log(`  ${table.name}: ${byName.get(table.name)!.rows} rows`);
      }
      const nextValues = new Map(manifest.sequences.map((s) => [`${s.table}.${s.column}`, s.nextValue]));
      for (const s of catalog.sequences) {
        // Past both the archived sequence and the highest restored value, so new rows never collide.
        await sql.rows(
          `SELECT setval($1::regclass, GREATEST(v, 1), v >= 1)
           FROM (SELECT GREATEST($2::bigint - 1, COALESCE((SELECT max(${quoteIdent(s.column)}) FROM ${quoteIdent(s.table)}), 0)) AS v) s`,
          [s.sequence, nextValues.get(`${s.table}.${s.column}`) ?? '1'],
        );
      }
      log('Verifying row counts and checksums');
      for (const table of restorable) {
        const expected = byName.get(table.name)!;
        const actual = await streamTable(sql, table);
        tables.push({ table: table.name, expectedRows: expected.rows, actualRows: actual.rows, checksumMatches: actual.sha256 === expected.sha256 });
      }
      if (tables.every((t) => t.expectedRows === t.actualRows && t.checksumMatches)) {
        await sql.exec('COMMIT');
        committed = true;
      } else {
        await sql.exec('ROLLBACK');
      }
    } catch (error) {
      await sql.exec('ROLLBACK').catch(() => undefined);
      throw error;
    }

    const report: RestoreReport = {
      ok: committed,
      committed,
      tables,
      media: { restored: 0, notRestored: 0, missingInArchive: manifest.missingMedia.length },
      projection: null,
      search: 'skipped',
    };
    if (!committed) return report;

    if (options.media) {
      log(`Restoring ${manifest.media.length} media files`);
      for (const media of manifest.media) {
        const bytes = await readFile(entries.get(mediaEntry(media.key))!.file);
        await options.media.put(media.key, bytes, media.contentType);
        report.media.restored += 1;
      }
    } else {
      report.media.notRestored = manifest.media.length;
    }

    log('Rebuilding the search projection');
    const documents = await rebuildSearchProjection(db.prisma);
    const searchableServices = await db.prisma.service.count({ where: SEARCHABLE });
    report.projection = { documents, searchableServices };
    if (documents !== searchableServices) report.ok = false;

    if (!options.meili) {
      report.search = 'not-configured';
    } else {
      log('Rebuilding the Meilisearch index');
      try {
        await reindexServices(options.meili, db.prisma);
        report.search = 'reindexed';
      } catch (error) {
        // The database is restored; the worker brings Meilisearch along when it answers again.
        const services = await db.prisma.service.findMany({ where: SEARCHABLE, select: { id: true } });
        await db.prisma.outboxMessage.createMany({
          data: [
            { topic: SEARCH_SETTINGS_TOPIC, aggregateType: 'SearchSettings', aggregateId: 'services' },
            ...services.map((s) => ({ topic: SERVICE_INDEX_TOPIC, aggregateType: 'Service', aggregateId: s.id })),
          ],
        });
        report.search = 'queued';
        report.searchError = (error as Error).message;
      }
    }
    return report;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
