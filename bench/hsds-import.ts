/**
 * Import benchmark: a generated directory of N services (default 10,000) as HSDS JSON and as
 * a CSV zip, each imported into a new empty PGlite database in a child process, which reports
 * its time, resident memory before the import (the migrated empty database: PGlite's
 * WebAssembly heap is most of it) and at its peak, and the peak JavaScript heap. Run: `node --import tsx bench/hsds-import.ts [N]`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generatedCsvZip, generatedJson } from '../tests/helpers/hsds-generated';

async function child(file: string) {
  const { connectDb } = await import('../lib/db/client');
  const { deployMigrations } = await import('../lib/db/migrations');
  const { createImportRun, detectFormat, runImport } = await import('../lib/directory/hsds-io/import');
  const dir = await mkdtemp(path.join(tmpdir(), 'lisa-bench-db-'));
  const url = `pglite:${dir}`;
  await deployMigrations(url);
  const db = await connectDb(url);
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peak = Math.max(peak, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 50);
  const started = Date.now();
  let updates = 0;
  const runId = await createImportRun(db.prisma, { fileName: path.basename(file), format: await detectFormat(file), createdById: null });
  const report = await runImport(db.prisma, runId, file, { onProgress: () => updates++ });
  const seconds = (Date.now() - started) / 1000;
  clearInterval(sampler);
  const services = await db.prisma.service.count();
  await db.close();
  await rm(dir, { recursive: true, force: true });
  console.log(
    JSON.stringify({
      file: path.basename(file),
      status: report.status,
      services,
      total: report.total,
      processed: report.processed,
      progressUpdates: updates,
      seconds,
      rssBeforeMb: Math.round(baseline / 1048576),
      peakRssMb: Math.round(peak / 1048576),
      peakJsHeapMb: Math.round(peakHeap / 1048576),
    }),
  );
}

async function main() {
  if (process.argv[2] === '--child') return child(process.argv[3] ?? '');
  const count = Number(process.argv[2] ?? 10_000);
  const dir = await mkdtemp(path.join(tmpdir(), 'lisa-bench-hsds-'));
  const jsonFile = path.join(dir, 'hsds.json');
  const zipFile = path.join(dir, 'hsds-csv.zip');
  await writeFile(jsonFile, generatedJson(count));
  await writeFile(zipFile, generatedCsvZip(count));
  for (const file of [jsonFile, zipFile]) {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'bench/hsds-import.ts', '--child', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    process.stdout.write(result.stdout);
  }
  await rm(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
