/**
 * `npm run reindex`: rebuilds search from the database. First the PostgreSQL projection
 * (the fallback engine's table), then, when MEILI_HOST is set, a new Meilisearch index that
 * is swapped in atomically, so searches keep answering from the old one until the end.
 * With the embedded PGlite database, stop the portal first (one process per data folder).
 */
import { connectDb } from '../lib/db/client';
import { getEnv } from '../lib/env';
import { configuredMeili, reindexServices } from '../lib/search/meili-index';
import { rebuildSearchProjection } from '../lib/search/projection';

async function main() {
  const env = getEnv();
  const db = await connectDb(env.DATABASE_URL);
  try {
    let started = Date.now();
    const projected = await rebuildSearchProjection(db.prisma);
    console.log(`PostgreSQL search projection: ${projected} services in ${Date.now() - started} ms`);
    const client = env.SEARCH_ENGINE === 'postgres' ? null : configuredMeili(30_000);
    if (!client) {
      console.log('Meilisearch is not configured (MEILI_HOST) or SEARCH_ENGINE=postgres: nothing more to do.');
      return;
    }
    started = Date.now();
    const report = await reindexServices(client, db.prisma);
    console.log(`Meilisearch: ${report.documents} services indexed and swapped in, ${Date.now() - started} ms`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(`reindex failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
