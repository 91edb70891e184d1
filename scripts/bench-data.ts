/**
 * `npm run bench:data -- [--scale 1] [--seed 1] [--now 2026-12-01]`: writes the benchmark's
 * national-scale directory (QUALITY.md: 290 municipalities, 50,000 services, 8,000
 * organisations, 20,000 news posts, 5,000 workshop issues) into DATABASE_URL on top of the
 * demo data (migrated and seeded first when missing), then the search projection and, when
 * MEILI_HOST is set, a full Meilisearch reindex. Running it again replaces the previous bench
 * data (every row whose id starts with `bench-`). docs/decisions/0021-benchmark-dataset.md.
 */
import { parseArgs } from 'node:util';
import { connectDb } from '../lib/db/client';
import { createDataset } from '../lib/bench/dataset';
import { loadBenchDataset } from '../lib/bench/mutations';
import { formatDuration, Progress } from '../lib/bench/progress';
import { getEnv } from '../lib/env';
import { configuredMeili, reindexServices } from '../lib/search/meili-index';
import { prepareDatabase } from './lib/database';

/** Above this scale the embedded database is too slow and too large to be worth measuring. */
const MAX_PGLITE_SCALE = 0.05;

function options() {
  const { values } = parseArgs({
    options: { scale: { type: 'string', default: '1' }, seed: { type: 'string', default: '1' }, now: { type: 'string' } },
    allowPositionals: false,
  });
  const scale = Number(values.scale);
  const seed = Number(values.seed);
  if (!(scale > 0 && scale <= 1)) throw new Error(`--scale must be a number above 0 and at most 1 (got ${values.scale})`);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a whole number >= 0 (got ${values.seed})`);
  // Dates are relative to a day: the same seed on the same --now gives the same data.
  const day = values.now ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`--now must be YYYY-MM-DD (got ${day})`);
  return { scale, seed, now: new Date(`${day}T00:00:00Z`) };
}

async function main() {
  const { scale, seed, now } = options();
  const env = getEnv();
  const url = env.DATABASE_URL;
  if (url.startsWith('pglite:') && scale > MAX_PGLITE_SCALE) {
    throw new Error(
      `DATABASE_URL is the embedded PGlite database: at --scale ${scale} the benchmark needs PostgreSQL. ` +
        `Set DATABASE_URL=postgresql://... or use --scale ${MAX_PGLITE_SCALE} or less.`,
    );
  }
  const progress = new Progress(process.stderr);
  const started = Date.now();
  progress.note(`bench:data seed ${seed}, scale ${scale}, dates relative to ${now.toISOString().slice(0, 10)}`);
  progress.note('Migrating and loading the demo data when missing...');
  await prepareDatabase(url);

  const dataset = createDataset({ seed, scale, now });
  const db = await connectDb(url);
  try {
    const report = await loadBenchDataset(db.prisma, dataset, (entity, done, total) => progress.update(entity, done, total));
    const cleared = Object.values(report.cleared).reduce((a, b) => a + b, 0);
    if (cleared > 0) progress.note(`Replaced earlier bench data (${cleared} rows removed first).`);
    if (report.reusedMunicipalities.length > 0) progress.note(`Municipalities already in the database, reused: ${report.reusedMunicipalities.join(', ')}`);
    progress.note(`Rows written: ${Object.entries(report.rows).map(([t, n]) => `${t} ${n}`).join(', ')}`);

    const client = env.SEARCH_ENGINE === 'postgres' ? null : configuredMeili(60_000);
    if (client) {
      progress.note('Meilisearch: full reindex...');
      const result = await reindexServices(client, db.prisma);
      progress.note(`Meilisearch: ${result.documents} services indexed in ${formatDuration(result.milliseconds)}`);
    } else {
      progress.note('Meilisearch is not configured (MEILI_HOST) or SEARCH_ENGINE=postgres: search index not rebuilt.');
    }
    progress.note(`bench:data done in ${formatDuration(Date.now() - started)}`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:data failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
