/**
 * The restore drill: demo data backed up, restored into a fresh migrated database, and every
 * table compared. Runs on the engine the test harness picks: PGlite in temporary folders, or
 * PostgreSQL databases when TEST_DATABASE_URL is set (`createEmptyDatabase`).
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createReadStream, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployMigrations, readMigrationFolders } from '@/lib/db/migrations';
import { LocalStorage } from '@/lib/media/storage';
import { DERIVED_TABLES, readCatalog, streamTable, type TableDigest } from '@/lib/ops/archive';
import { createBackup, type BackupResult } from '@/lib/ops/backup';
import { openOpsDatabase, type OpsDatabase } from '@/lib/ops/database';
import { restoreBackup, RestoreRefusedError } from '@/lib/ops/restore';
import { createMeiliClient } from '@/lib/search/client';
import { SERVICE_INDEX_TOPIC } from '@/lib/search/projection';
import { endTar, readTar, writeTarEntry } from '@/lib/ops/tar';
import { seedDatabase } from '@/prisma/seed';
import { createEmptyDatabase, type EmptyDatabase } from '../helpers/db';

/** Row count and content checksum of every archived table, read in one snapshot. */
async function digests(db: OpsDatabase): Promise<Map<string, TableDigest>> {
  const result = new Map<string, TableDigest>();
  await db.sql.exec('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const tables = (await readCatalog(db.sql)).tables.filter((t) => !DERIVED_TABLES.has(t.name));
    for (const table of tables) result.set(table.name, await streamTable(db.sql, table));
  } finally {
    await db.sql.exec('COMMIT');
  }
  return result;
}

/** Rows in tables other than the outbox (which migrations themselves write to). */
async function rowsOutsideOutbox(db: OpsDatabase): Promise<number> {
  let rows = 0;
  for (const [table, digest] of await digests(db)) if (table !== 'OutboxMessage') rows += digest.rows;
  return rows;
}

/** Unpacks an archive, lets `change` edit the files, and packs it again in the same order. */
async function rewriteArchive(archive: string, out: string, change: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lisa-tamper-'));
  const names: string[] = [];
  for await (const entry of readTar(createReadStream(archive).pipe(createGunzip()))) {
    const file = path.join(dir, ...entry.name.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    const chunks: Buffer[] = [];
    for await (const chunk of entry.body) chunks.push(chunk);
    await writeFile(file, Buffer.concat(chunks));
    names.push(entry.name);
  }
  await change(dir);
  const tar = new PassThrough();
  const done = pipeline(tar, createGzip(), createWriteStream(out));
  for (const name of names) await writeTarEntry(tar, name, path.join(dir, ...name.split('/')));
  await endTar(tar);
  tar.end();
  await done;
  await rm(dir, { recursive: true, force: true });
}

describe('backup and restore drill', () => {
  let work: string;
  let sourceDb: EmptyDatabase;
  let targetDb: EmptyDatabase;
  let source: OpsDatabase;
  let sourceMedia: LocalStorage;
  let targetMedia: LocalStorage;
  let backup: BackupResult;
  let before: Map<string, TableDigest>;
  const imageBytes = Buffer.from('RIFF\0\0\0\0WEBPVP8 demo image bytes');

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'lisa-backup-test-'));
    sourceMedia = new LocalStorage(path.join(work, 'source-uploads'));
    targetMedia = new LocalStorage(path.join(work, 'target-uploads'));
    [sourceDb, targetDb] = await Promise.all([createEmptyDatabase(), createEmptyDatabase()]);
    await deployMigrations(sourceDb.url);
    source = await openOpsDatabase(sourceDb.url);
    const prisma = source.prisma;
    await seedDatabase(prisma);
    // A child whose parent sorts after it by id: the load must not depend on row order.
    const [first, last] = await Promise.all([
      prisma.category.findFirstOrThrow({ orderBy: { id: 'asc' } }),
      prisma.category.findFirstOrThrow({ orderBy: { id: 'desc' } }),
    ]);
    await prisma.category.update({ where: { id: first.id }, data: { parentId: last.id } });
    const organization = await prisma.organization.findFirstOrThrow();
    await prisma.mediaAsset.create({
      data: {
        organizationId: organization.id,
        storageKey: 'media/drill/original.webp',
        mimeType: 'image/webp',
        byteSize: imageBytes.length,
        width: 10,
        height: 10,
        sha256: 'x',
        altText: 'Drill',
        variants: [{ width: 5, height: 5, storageKey: 'media/drill/w5.webp', byteSize: 3 }],
      },
    });
    await sourceMedia.put('media/drill/original.webp', imageBytes, 'image/webp');
    await sourceMedia.put('media/drill/w5.webp', Buffer.from('abc'), 'image/webp');
    await prisma.auditLog.createMany({
      data: [1, 2, 3].map((n) => ({ action: 'drill.test', entityType: 'Drill', entityId: String(n) })),
    });
    backup = await createBackup(source, path.join(work, 'demo.tar.gz'), { media: sourceMedia });
    before = await digests(source);
  });

  afterAll(async () => {
    await source?.close();
    await Promise.all([sourceDb?.drop(), targetDb?.drop()]);
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('writes a manifest with the migrations, every table and the media files', () => {
    expect(backup.manifest.migrations.map((m) => m.name)).toEqual(readMigrationFolders().map((m) => m.name));
    expect(backup.manifest.tables.map((t) => t.name).sort()).toEqual([...before.keys()].sort());
    for (const table of backup.manifest.tables) {
      expect(table.rows, table.name).toBe(before.get(table.name)!.rows);
      expect(table.sha256, table.name).toBe(before.get(table.name)!.sha256);
    }
    expect(backup.manifest.tables.find((t) => t.name === 'Service')!.rows).toBeGreaterThan(50);
    expect(backup.manifest.media.map((m) => m.key)).toEqual(['media/drill/original.webp', 'media/drill/w5.webp']);
    expect(backup.manifest.missingMedia).toEqual([]);
  });

  it('refuses a database that is not migrated, writing nothing', async () => {
    const db = await openOpsDatabase(targetDb.url);
    try {
      await expect(restoreBackup(db, backup.file, { media: targetMedia, meili: null })).rejects.toThrow(/npm run db:migrate/);
      const rows = await db.sql.rows<{ present: boolean }>(`SELECT to_regclass('"Service"') IS NOT NULL AS present`);
      expect(rows).toEqual([{ present: false }]);
    } finally {
      await db.close();
    }
  });

  describe('into a fresh migrated database', () => {
    let target: OpsDatabase;
    beforeAll(async () => {
      await deployMigrations(targetDb.url);
      target = await openOpsDatabase(targetDb.url);
    });
    afterAll(async () => {
      await target?.close();
    });

    it('refuses an archive with one changed row, writing nothing', async () => {
      const tampered = path.join(work, 'tampered.tar.gz');
      await rewriteArchive(backup.file, tampered, async (dir) => {
        const file = path.join(dir, 'tables', 'Organization.jsonl');
        const text = await readFile(file, 'utf8');
        const [line, ...rest] = text.split('\n');
        const row = JSON.parse(line!) as { name: string };
        await writeFile(file, [JSON.stringify({ ...row, name: `${row.name} (changed)` }), ...rest].join('\n'));
      });
      const error = await restoreBackup(target, tampered, { media: targetMedia, meili: null }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RestoreRefusedError);
      expect((error as Error).message).toMatch(/tables\/Organization\.jsonl does not match its checksum/);
      expect(await rowsOutsideOutbox(target)).toBe(0);
      expect(await targetMedia.get('media/drill/original.webp')).toBeNull();
    });

    it('refuses an archive whose migrations differ from this code, writing nothing', async () => {
      const newer = [...readMigrationFolders(), { name: '29991231000000_future', sql: 'SELECT 1', checksum: 'f'.repeat(64) }];
      await expect(restoreBackup(target, backup.file, { media: targetMedia, meili: null, migrations: newer })).rejects.toThrow(
        /Wrong version: .*the archive lacks 29991231000000_future/,
      );
      const edited = path.join(work, 'other-version.tar.gz');
      await rewriteArchive(backup.file, edited, async (dir) => {
        const file = path.join(dir, 'manifest.json');
        const manifest = JSON.parse(await readFile(file, 'utf8')) as { migrations: unknown[] };
        manifest.migrations.pop();
        await writeFile(file, JSON.stringify(manifest));
      });
      await expect(restoreBackup(target, edited, { media: targetMedia, meili: null })).rejects.toThrow(/Wrong version/);
      expect(await rowsOutsideOutbox(target)).toBe(0);
    });

    it('restores every table with the same rows, the media files and the search projection', async () => {
      const report = await restoreBackup(target, backup.file, { media: targetMedia, meili: null });
      expect(report.ok).toBe(true);
      expect(report.committed).toBe(true);
      expect(report.tables).toHaveLength(before.size);
      expect(report.tables.every((t) => t.checksumMatches && t.expectedRows === t.actualRows)).toBe(true);

      const after = await digests(target);
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
      for (const [table, digest] of before) expect(after.get(table), table).toEqual(digest);

      const activeServices = await target.prisma.service.count({ where: { status: 'ACTIVE' } });
      expect(activeServices).toBeGreaterThan(0);
      expect(await target.prisma.serviceSearchDocument.count()).toBe(activeServices);
      expect(report.projection).toEqual({ documents: activeServices, searchableServices: activeServices });
      expect(report.search).toBe('not-configured');

      expect(report.media).toEqual({ restored: 2, notRestored: 0, missingInArchive: 0 });
      expect((await targetMedia.get('media/drill/original.webp'))?.bytes.equals(imageBytes)).toBe(true);
    });

    it('continues the sequences after the restored rows', async () => {
      const [maxAudit, maxOutbox, maxIssue] = await Promise.all([
        target.prisma.auditLog.aggregate({ _max: { id: true } }),
        target.prisma.outboxMessage.aggregate({ _max: { id: true } }),
        target.prisma.workshopIssue.aggregate({ _max: { number: true } }),
      ]);
      const audit = await target.prisma.auditLog.create({ data: { action: 'drill.after', entityType: 'Drill', entityId: 'after' } });
      const outbox = await target.prisma.outboxMessage.create({ data: { topic: 'drill', aggregateType: 'Drill', aggregateId: 'after' } });
      expect(audit.id).toBeGreaterThan(maxAudit._max.id!);
      expect(outbox.id).toBeGreaterThan(maxOutbox._max.id!);
      const [issueSequence] = await target.sql.rows<{ next: string }>(`SELECT nextval('"WorkshopIssue_number_seq"')::text AS next`);
      expect(Number(issueSequence!.next)).toBeGreaterThan(maxIssue._max.number!);
    });

    it('refuses a database that holds data without --force, and replaces it with --force', async () => {
      const holding = await digests(target);
      await expect(restoreBackup(target, backup.file, { media: targetMedia, meili: null })).rejects.toThrow(
        /already holds data .*--force/,
      );
      expect(await digests(target)).toEqual(holding);

      // Meilisearch configured but not answering: the restore stands, every service is queued.
      const silent = createMeiliClient('http://127.0.0.1:9', undefined, 1000);
      const report = await restoreBackup(target, backup.file, { media: targetMedia, meili: silent, force: true });
      expect(report.ok).toBe(true);
      expect(report.search).toBe('queued');
      const restoredOutbox = await source.prisma.outboxMessage.aggregate({ _max: { id: true } });
      const active = await target.prisma.service.findMany({ where: { status: 'ACTIVE' }, select: { id: true } });
      const queued = await target.prisma.outboxMessage.findMany({
        where: { topic: SERVICE_INDEX_TOPIC, processedAt: null, id: { gt: restoredOutbox._max.id! } },
        select: { aggregateId: true },
      });
      expect(new Set(queued.map((q) => q.aggregateId))).toEqual(new Set(active.map((s) => s.id)));
      // The rows written after the first restore are gone: the database is the archive again.
      expect(await target.prisma.auditLog.count({ where: { action: 'drill.after' } })).toBe(0);
      const after = await digests(target);
      for (const [table, digest] of before) {
        if (table !== 'OutboxMessage') expect(after.get(table), table).toEqual(digest);
      }
    });
  });
});
