import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployMigrations, MIGRATIONS_DIR, MigrationError, readMigrationFolders } from '@/lib/db/migrations';
import { createEmptyDatabase, type EmptyDatabase } from '../helpers/db';

describe('deployMigrations', () => {
  let database: EmptyDatabase;
  // A private copy of the committed migrations, so the test can edit one.
  let migrationsDir: string;

  beforeAll(async () => {
    database = await createEmptyDatabase();
    migrationsDir = mkdtempSync(path.join(tmpdir(), 'lisa-migrations-'));
    cpSync(MIGRATIONS_DIR, migrationsDir, { recursive: true });
  });

  afterAll(async () => {
    await database?.drop();
    if (migrationsDir) rmSync(migrationsDir, { recursive: true, force: true });
  });

  it('finds the committed migration folders', () => {
    expect(readMigrationFolders(migrationsDir).length).toBeGreaterThan(0);
  });

  it('applies every folder, oldest first, to a fresh database', async () => {
    const applied = await deployMigrations(database.url, migrationsDir);
    expect(applied).toEqual(readMigrationFolders(migrationsDir).map((m) => m.name));
  });

  it('applies nothing the second time', async () => {
    expect(await deployMigrations(database.url, migrationsDir)).toEqual([]);
  });

  it('refuses to run when an applied migration was edited', async () => {
    const [first] = readMigrationFolders(migrationsDir);
    if (!first) throw new Error('no migrations');
    writeFileSync(path.join(migrationsDir, first.name, 'migration.sql'), `${first.sql}\n-- edited\n`);
    const attempt = deployMigrations(database.url, migrationsDir);
    await expect(attempt).rejects.toBeInstanceOf(MigrationError);
    await expect(deployMigrations(database.url, migrationsDir)).rejects.toThrow(/was edited after it was applied/);
  });
});
