/**
 * Offline migrations.
 *   deploy            apply prisma/migrations/* to DATABASE_URL (PGlite or PostgreSQL)
 *   create <name>     diff the committed migrations against prisma/schema.prisma on a
 *                     throw-away in-memory PGlite and write a new migration folder
 * The Prisma CLI would download a native schema engine, which these machines cannot reach.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { getEnv } from '../lib/env';
import { deployMigrations, MIGRATIONS_DIR, readMigrationFolders } from '../lib/db/migrations';
import { openPglite } from '../lib/db/pglite';

const SCHEMA_PATH = path.join(process.cwd(), 'prisma', 'schema.prisma');
const LOCKFILE = 'provider = "postgresql"\n';

async function loadSchemaEngine() {
  const require = createRequire(import.meta.url);
  const wasmPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/\.js$/, '.wasm');
  const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {
    './schema_engine_bg.js': engineBindings as unknown as WebAssembly.ModuleImports,
  });
  engineBindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return engineBindings.SchemaEngine;
}

/** Main and shadow databases are both fresh in-memory PGlite instances with our extensions. */
async function throwAwayAdapterFactory() {
  const main = new PrismaPGlite(await openPglite());
  return bindMigrationAwareSqlAdapterFactory({
    provider: 'postgres',
    adapterName: main.adapterName,
    connect: () => main.connect(),
    connectToShadowDb: async () => new PrismaPGlite(await openPglite()).connect(),
  });
}

async function create(name: string) {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error('Name the migration in snake_case, e.g. add_news_topics');
  const schema = readFileSync(SCHEMA_PATH, 'utf8');
  const SchemaEngine = await loadSchemaEngine();
  const engine = await SchemaEngine.new(
    { datamodels: [['schema.prisma', schema]] },
    () => undefined,
    await throwAwayAdapterFactory(),
  );
  const result = await engine.diff({
    from: {
      tag: 'migrations',
      baseDir: MIGRATIONS_DIR,
      lockfile: { path: 'migration_lock.toml', content: LOCKFILE },
      shadowDbInitScript: '',
      migrationDirectories: readMigrationFolders().map((m) => ({
        path: m.name,
        migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: m.sql } },
      })),
    },
    to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  const sql = result.stdout ?? '';
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log('The schema matches the migrations; nothing to create.');
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const folder = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'migration.sql'), sql);
  writeFileSync(path.join(MIGRATIONS_DIR, 'migration_lock.toml'), `# Do not edit by hand.\n${LOCKFILE}`);
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
