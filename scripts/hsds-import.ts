/**
 * `npm run hsds:import -- <file>`: imports an Open Referral HSDS 3.0 JSON document, or a CSV
 * datapackage (a .zip or a folder with datapackage.json). Every row is checked first; with
 * any error nothing is written, the errors are listed by file, row and field, and the exit
 * code is 1. Importing the same file again changes nothing. Progress goes to stderr.
 * With the embedded PGlite database, stop the portal first (one process per data folder).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { connectDb } from '../lib/db/client';
import { createImportRun, detectFormat, runImport, type ImportRunReport } from '../lib/directory/hsds-io/import';
import { getEnv } from '../lib/env';

function progressLine(report: ImportRunReport): string {
  if (report.status === 'VALIDATING') return 'Checking every row...';
  if (report.status === 'IMPORTING') {
    const percent = report.total ? Math.floor((report.processed / report.total) * 100) : 100;
    return `Writing: ${report.processed} of ${report.total} records (${percent} %)`;
  }
  return `Import ${report.status.toLowerCase()}`;
}

async function main() {
  const file = process.argv[2];
  if (!file || process.argv.length > 3) {
    console.error('usage: npm run hsds:import -- <hsds.json | hsds-csv.zip | datapackage folder>');
    process.exit(2);
  }
  if (!existsSync(file)) {
    console.error(`hsds:import: ${file} does not exist`);
    process.exit(2);
  }
  const db = await connectDb(getEnv().DATABASE_URL);
  try {
    const format = await detectFormat(file);
    const runId = await createImportRun(db.prisma, { fileName: path.basename(file), format, createdById: null });
    const started = Date.now();
    const report = await runImport(db.prisma, runId, file, { onProgress: (r) => console.error(progressLine(r)) });
    for (const e of report.errors) console.error(`${e.file}${e.row ? ` row ${e.row}` : ''}${e.field ? ` ${e.field}` : ''}: ${e.message}`);
    if (report.status !== 'SUCCEEDED') {
      console.error(`${report.errors.length} error(s); nothing was written (import run ${runId}).`);
      process.exitCode = 1;
      return;
    }
    for (const [kind, counts] of Object.entries(report.summary ?? {})) {
      if (counts.created + counts.updated + counts.unchanged > 0) {
        console.error(`${kind}: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`);
      }
    }
    console.error(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s (import run ${runId}).`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(`hsds:import failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
