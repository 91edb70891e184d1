/**
 * Offline migrations.
 *   deploy            apply prisma/migrations/* to DATABASE_URL (PGlite or PostgreSQL)
 *   create <name>     write a new migration folder from changes to prisma/schema.prisma
 * The Prisma CLI would download a native schema engine, which these machines cannot reach.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getEnv } from '../lib/env';
import { deployMigrations, MIGRATIONS_DIR } from '../lib/db/migrations';
import { diffMigrationsToSchema, MIGRATION_LOCKFILE } from '../lib/db/schema-diff';

async function create(name: string) {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error('Name the migration in snake_case, e.g. add_news_topics');
  const sql = await diffMigrationsToSchema();
  if (!sql) {
    console.log('The schema matches the migrations; nothing to create.');
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const folder = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'migration.sql'), `${sql}\n`);
  writeFileSync(path.join(MIGRATIONS_DIR, 'migration_lock.toml'), `# Do not edit by hand.\n${MIGRATION_LOCKFILE}`);
  console.log(`Created ${path.relative(process.cwd(), folder)}/migration.sql`);
}

async function main() {
  const [command, name] = process.argv.slice(2);
  if (command === 'deploy') {
    const applied = await deployMigrations(getEnv().DATABASE_URL);
    console.log(applied.length ? `Applied ${applied.join(', ')}` : 'The database is up to date.');
  } else if (command === 'create' && name) {
    await create(name);
  } else {
    console.error('usage: migrate.ts deploy | create <name>');
    process.exit(2);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
