/**
 * `npm run hsds:export -- [--format json|csv] [--out path]`: the whole directory in Open
 * Referral HSDS 3.0, as one JSON document (default) or a zipped CSV datapackage. Protected
 * addresses are never in it. With the embedded PGlite database, stop the portal first.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { connectDb } from '../lib/db/client';
import { buildHsdsExport } from '../lib/directory/hsds-io/export';
import { getEnv } from '../lib/env';

async function main() {
  const { values } = parseArgs({ options: { format: { type: 'string', default: 'json' }, out: { type: 'string' } } });
  const format = values.format;
  if (format !== 'json' && format !== 'csv') {
    console.error('usage: npm run hsds:export -- [--format json|csv] [--out path]');
    process.exit(2);
  }
  const db = await connectDb(getEnv().DATABASE_URL);
  try {
    const file = await buildHsdsExport(db.prisma, format);
    const out = values.out ?? file.fileName;
    if (out === '-') process.stdout.write(file.body);
    else {
      await writeFile(out, file.body);
      console.error(`Wrote ${out} (${file.body.length} bytes)`);
    }
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(`hsds:export failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
