/**
 * `npm run restore -- <file.tar.gz> [--force] [--no-media]`: the restore drill. Checks the
 * archive and the versions, loads every table in one transaction into DATABASE_URL (migrate
 * it first: npm run db:migrate), verifies each table's row count and checksum against the
 * archive's manifest, restores the uploaded files and rebuilds search. Refuses a database
 * that holds data unless --force. Exit code 1 on any refusal or mismatch.
 * With the embedded PGlite database, stop the portal first (one process per data folder).
 */
import { parseArgs } from 'node:util';
import { getEnv } from '../lib/env';
import { getMediaStorage } from '../lib/media/storage';
import { openOpsDatabase } from '../lib/ops/database';
import { RestoreRefusedError, restoreBackup, type RestoreReport } from '../lib/ops/restore';
import { configuredMeili } from '../lib/search/meili-index';

const USAGE = 'usage: npm run restore -- <file.tar.gz> [--force] [--no-media]';

function printReport(report: RestoreReport): void {
  const width = Math.max(5, ...report.tables.map((t) => t.table.length));
  console.log(`${'Table'.padEnd(width)}  ${'Archive'.padStart(8)}  ${'Restored'.padStart(8)}  Checksum`);
  for (const t of report.tables) {
    const countOk = t.expectedRows === t.actualRows;
    console.log(
      `${t.table.padEnd(width)}  ${String(t.expectedRows).padStart(8)}  ${String(t.actualRows).padStart(8)}  ` +
        `${t.checksumMatches ? 'ok' : 'MISMATCH'}${countOk ? '' : '  COUNT MISMATCH'}`,
    );
  }
  if (!report.committed) {
    console.log('The restored data did not match the archive; the load was rolled back and nothing was kept.');
    return;
  }
  const { media, projection } = report;
  console.log(`Media files: ${media.restored} restored${media.notRestored ? `, ${media.notRestored} not restored (--no-media)` : ''}` +
    `${media.missingInArchive ? `, ${media.missingInArchive} were already missing when the archive was made` : ''}`);
  if (projection) {
    console.log(`Search projection: ${projection.documents} documents for ${projection.searchableServices} active services` +
      `${projection.documents === projection.searchableServices ? '' : '  MISMATCH'}`);
  }
  const search = {
    reindexed: 'Meilisearch: rebuilt and swapped in.',
    queued: `Meilisearch did not answer (${report.searchError}); every service is queued for the worker. Run npm run reindex when it is back to drop stale documents.`,
    'not-configured': 'Meilisearch: not configured (or SEARCH_ENGINE=postgres); searches use the PostgreSQL projection.',
    skipped: 'Meilisearch: skipped.',
  }[report.search];
  console.log(search);
}

async function main() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { force: { type: 'boolean', default: false }, 'no-media': { type: 'boolean', default: false } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const [archive, ...rest] = parsed.positionals;
  if (!archive || rest.length > 0) {
    console.error(USAGE);
    process.exit(2);
  }
  const env = getEnv();
  const started = Date.now();
  const db = await openOpsDatabase(env.DATABASE_URL);
  let report: RestoreReport;
  try {
    console.error(`Restoring ${archive} into ${db.engine === 'pglite' ? 'the embedded database' : 'PostgreSQL'}`);
    report = await restoreBackup(db, archive, {
      force: parsed.values.force,
      media: parsed.values['no-media'] ? null : getMediaStorage(),
      meili: env.SEARCH_ENGINE === 'postgres' ? null : configuredMeili(30_000),
      log: (line) => console.error(line),
    });
  } finally {
    await db.close();
  }
  printReport(report);
  console.error(`${report.ok ? 'Restore verified' : 'Restore FAILED verification'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (!report.ok) process.exit(1);
}

main().catch((error: unknown) => {
  if (error instanceof RestoreRefusedError) console.error(`restore refused: ${error.message}`);
  else console.error(`restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
