/**
 * `npm run backup -- [--out file.tar.gz] [--no-media]`: the whole database (PGlite or
 * PostgreSQL, from DATABASE_URL) in one consistent snapshot, plus the uploaded files, as one
 * archive (format in lib/ops/archive.ts). Progress goes to stderr. With the embedded PGlite
 * database, stop the portal first (one process per data folder).
 */
import { parseArgs } from 'node:util';
import { getEnv } from '../lib/env';
import { getMediaStorage } from '../lib/media/storage';
import { createBackup } from '../lib/ops/backup';
import { openOpsDatabase } from '../lib/ops/database';

const USAGE = 'usage: npm run backup -- [--out file.tar.gz] [--no-media]';

async function main() {
  let values;
  try {
    ({ values } = parseArgs({ options: { out: { type: 'string' }, 'no-media': { type: 'boolean', default: false } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const out = values.out ?? `lisa-backup-${stamp}.tar.gz`;
  const started = Date.now();
  const db = await openOpsDatabase(getEnv().DATABASE_URL);
  try {
    console.error(`Backing up ${db.engine === 'pglite' ? 'the embedded database' : 'PostgreSQL'}`);
    const result = await createBackup(db, out, {
      media: values['no-media'] ? null : getMediaStorage(),
      log: (line) => console.error(line),
    });
    const rows = result.manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    console.error(
      `Wrote ${result.file}: ${result.manifest.tables.length} tables, ${rows} rows, ${result.manifest.media.length} media files, ` +
        `${result.bytes} bytes in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    if (result.manifest.missingMedia.length > 0) {
      console.error(`Warning: ${result.manifest.missingMedia.length} referenced media files are not in the archive (listed in its manifest).`);
    }
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
