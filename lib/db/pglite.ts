import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

/** `pglite:memory` or `pglite:<folder>` (relative to the working directory). */
export function pgliteDataDir(url: string): string | undefined {
  const rest = url.slice('pglite:'.length);
  return rest === 'memory' || rest === '' ? undefined : rest;
}

/**
 * Opens an embedded PostgreSQL with the extensions the schema needs (pg_trgm and unaccent
 * for the search fallback). PGlite allows one process per data folder.
 */
export async function openPglite(dataDir?: string): Promise<PGlite> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = new PGlite({ dataDir, extensions: { pg_trgm, unaccent } });
  await pg.waitReady;
  return pg;
}
