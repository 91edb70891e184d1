/**
 * Backup: one `.tar.gz` archive (format in ./archive.ts) with every table of the database,
 * read in one REPEATABLE READ snapshot so the tables agree with each other while the portal
 * keeps writing, plus the uploaded files the rows refer to. Rows stream through cursors into
 * files beside the target and the archive is renamed into place at the end, so a failed run
 * never leaves a half archive under the requested name.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { PassThrough } from 'node:stream';
import { createGzip } from 'node:zlib';
import type { MediaStorage } from '@/lib/media/storage';
import {
  appliedMigrations,
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  DERIVED_TABLES,
  mediaEntry,
  MANIFEST_ENTRY,
  readCatalog,
  streamTable,
  tableEntry,
  type BackupManifest,
} from './archive';
import { oneRow, type OpsDatabase } from './database';
import { endTar, writeTarEntry } from './tar';

export interface BackupOptions {
  /** Where uploaded files are read from; null leaves media out (the manifest says so). */
  media: MediaStorage | null;
  /** Progress lines (the script prints them on stderr). */
  log?: (line: string) => void;
  now?: Date;
}

export interface BackupResult {
  file: string;
  bytes: number;
  manifest: BackupManifest;
}

/** Every storage key the rows refer to: images with their resized variants, workshop files. */
const MEDIA_KEYS_QUERY = `
  SELECT "storageKey" AS key FROM "MediaAsset"
  UNION
  SELECT v->>'storageKey' FROM "MediaAsset" m
    CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(m."variants") = 'array' THEN m."variants" ELSE '[]'::jsonb END) v
    WHERE v->>'storageKey' IS NOT NULL
  UNION
  SELECT "storageKey" FROM "WorkshopAttachment"
  ORDER BY 1`;

async function writeLine(out: NodeJS.WritableStream, text: string): Promise<void> {
  if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}

async function closeStream(out: ReturnType<typeof createWriteStream>): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    out.once('error', reject);
    out.end(() => resolve());
  });
}

/** Writes a backup of `db` to `outFile` and returns its manifest. */
export async function createBackup(db: OpsDatabase, outFile: string, options: BackupOptions): Promise<BackupResult> {
  const log = options.log ?? (() => undefined);
  const target = path.resolve(outFile);
  await mkdir(path.dirname(target), { recursive: true });
  // Next to the target, not in /tmp: same disk, so large databases do not fill a small /tmp.
  const staging = await mkdtemp(path.join(path.dirname(target), '.lisa-backup-'));
  try {
    const { sql } = db;
    await sql.exec('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    let manifest: BackupManifest;
    let mediaKeys: string[];
    try {
      const migrations = await appliedMigrations(sql);
      if (!migrations) throw new Error('The database has no migration table: it was never migrated, so there is nothing to back up.');
      const { version } = await oneRow<{ version: string }>(sql, 'SELECT current_setting(\'server_version\') AS version');
      const catalog = await readCatalog(sql);
      await mkdir(path.join(staging, 'tables'));
      const tables: BackupManifest['tables'] = [];
      for (const table of catalog.tables.filter((t) => !DERIVED_TABLES.has(t.name))) {
        const out = createWriteStream(path.join(staging, tableEntry(table.name)));
        const digest = await streamTable(sql, table, (line) => writeLine(out, line));
        await closeStream(out);
        tables.push({ name: table.name, ...digest });
        log(`  ${table.name}: ${digest.rows} rows`);
      }
      const sequences: BackupManifest['sequences'] = [];
      for (const s of catalog.sequences) {
        const state = await oneRow<{ next: string }>(
          sql,
          `SELECT (CASE WHEN is_called THEN last_value + 1 ELSE last_value END)::text AS next FROM ${s.sequence}`,
        );
        sequences.push({ table: s.table, column: s.column, nextValue: state.next });
      }
      mediaKeys = (await sql.rows<{ key: string }>(MEDIA_KEYS_QUERY)).map((r) => r.key);
      manifest = {
        format: ARCHIVE_FORMAT,
        version: ARCHIVE_VERSION,
        createdAt: (options.now ?? new Date()).toISOString(),
        engine: db.engine,
        serverVersion: version,
        migrations,
        tables,
        sequences,
        media: [],
        missingMedia: [],
      };
    } finally {
      await sql.exec('COMMIT');
    }

    if (options.media) {
      log(`  media: ${mediaKeys.length} files`);
      for (const key of mediaKeys) {
        const object = await options.media.get(key);
        if (!object) {
          manifest.missingMedia.push(key);
          log(`  media: ${key} is referenced but missing from the store; left out`);
          continue;
        }
        const file = path.join(staging, ...mediaEntry(key).split('/'));
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, object.bytes);
        manifest.media.push({
          key,
          contentType: object.contentType,
          bytes: object.bytes.length,
          sha256: createHash('sha256').update(object.bytes).digest('hex'),
        });
      }
    } else if (mediaKeys.length > 0) {
      manifest.missingMedia.push(...mediaKeys);
      log(`  media: left out (${mediaKeys.length} files); the archive holds the database only`);
    }
    await writeFile(path.join(staging, MANIFEST_ENTRY), `${JSON.stringify(manifest, null, 2)}\n`);

    const partial = `${target}.${randomBytes(4).toString('hex')}.partial`;
    const tar = new PassThrough();
    const written = pipeline(tar, createGzip(), createWriteStream(partial));
    try {
      await writeTarEntry(tar, MANIFEST_ENTRY, path.join(staging, MANIFEST_ENTRY));
      for (const table of manifest.tables) await writeTarEntry(tar, tableEntry(table.name), path.join(staging, tableEntry(table.name)));
      for (const media of manifest.media) await writeTarEntry(tar, mediaEntry(media.key), path.join(staging, ...mediaEntry(media.key).split('/')));
      await endTar(tar);
      tar.end();
      await written;
      await rename(partial, target);
    } catch (error) {
      tar.destroy();
      await written.catch(() => undefined);
      await rm(partial, { force: true });
      throw error;
    }
    return { file: target, bytes: (await stat(target)).size, manifest };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
