/**
 * Diffs the committed migrations against prisma/schema.prisma with Prisma's schema engine
 * compiled to WebAssembly, on throw-away in-memory PGlite databases (main and shadow), so it
 * works offline and can never touch a real database. See docs/decisions/0002.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { MIGRATIONS_DIR, readMigrationFolders } from './migrations';
import { openPglite } from './pglite';

export const SCHEMA_PATH = path.join(process.cwd(), 'prisma', 'schema.prisma');
export const MIGRATION_LOCKFILE = 'provider = "postgresql"\n';

let engineClass: Promise<typeof engineBindings.SchemaEngine> | undefined;

/** The module keeps one WebAssembly instance; instantiate it once per process. */
function loadSchemaEngine() {
  engineClass ??= instantiateSchemaEngine();
  return engineClass;
}

async function instantiateSchemaEngine() {
  const require = createRequire(import.meta.url);
  const wasmPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/\.js$/, '.wasm');
  const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {
    './schema_engine_bg.js': engineBindings as unknown as WebAssembly.ModuleImports,
  });
  engineBindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return engineBindings.SchemaEngine;
}

async function throwAwayAdapterFactory() {
  const main = new PrismaPGlite(await openPglite());
  return bindMigrationAwareSqlAdapterFactory({
    provider: 'postgres',
    adapterName: main.adapterName,
    connect: () => main.connect(),
    connectToShadowDb: async () => new PrismaPGlite(await openPglite()).connect(),
  });
}

/** The SQL that would bring the migrations up to the schema; empty when they match. */
export async function diffMigrationsToSchema(schema = readFileSync(SCHEMA_PATH, 'utf8'), dir = MIGRATIONS_DIR): Promise<string> {
  const SchemaEngine = await loadSchemaEngine();
  const engine = await SchemaEngine.new({ datamodels: [['schema.prisma', schema]] }, () => undefined, await throwAwayAdapterFactory());
  try {
    const result = await engine.diff({
      from: {
        tag: 'migrations',
        baseDir: dir,
        lockfile: { path: 'migration_lock.toml', content: MIGRATION_LOCKFILE },
        shadowDbInitScript: '',
        migrationDirectories: readMigrationFolders(dir).map((m) => ({
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
    return /^-- This is an empty migration/.test(sql.trim()) ? '' : sql.trim();
  } finally {
    engine.free();
  }
}
