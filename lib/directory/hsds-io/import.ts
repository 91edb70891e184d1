/**
 * HSDS import: read (JSON document, or CSV datapackage as a zip or a folder), check every row,
 * and write only when nothing is wrong. The steps report through the ImportRun row, so the
 * page at /admin/import/<id> and the command line show the same progress and errors.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Db } from '@/lib/db/client';
import { parseRow } from './rows';
import { bytesOf, DATAPACKAGE_FILE, fileChunks, readCsv, readJson, type RawRow, type ReadProblem } from './formats';
import { tablesToModel, type ExistingRecords, type ImportProblem, type RowsByTable } from './mapping';
import { emptyTables, isTableName, SKIPPED_HSDS_TABLES, type HsdsTableName } from './tables';
import { recordCount, writeModel, type ImportSummary } from './write';

export type ImportFormat = 'HSDS_JSON' | 'HSDS_CSV';

/** More errors than this are counted, not listed: the list is for people to work through. */
export const MAX_LISTED_ERRORS = 5000;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** What kind of source a path is: a folder or a zip is a CSV datapackage, anything else JSON. */
export async function detectFormat(filePath: string): Promise<ImportFormat> {
  if ((await stat(filePath)).isDirectory()) return 'HSDS_CSV';
  const handle = await readFile(filePath).then((b) => b.subarray(0, 4));
  return ZIP_MAGIC.every((byte, i) => handle[i] === byte) ? 'HSDS_CSV' : 'HSDS_JSON';
}

interface PackageFile {
  name: string;
  table: HsdsTableName;
  chunks: () => AsyncIterable<Uint8Array>;
}

/** The CSV files of a datapackage, by its datapackage.json when there is one, else by file name. */
function packageTables(names: string[], descriptorText: string | null, onProblem: (p: ReadProblem) => void): Map<string, HsdsTableName> {
  const tables = new Map<string, HsdsTableName>();
  if (descriptorText !== null) {
    try {
      const descriptor = JSON.parse(descriptorText) as { resources?: { name?: unknown; path?: unknown }[] };
      for (const resource of descriptor.resources ?? []) {
        const name = String(resource.name ?? '');
        const file = String(resource.path ?? '');
        if (SKIPPED_HSDS_TABLES.has(name)) continue;
        if (!isTableName(name)) onProblem({ file: DATAPACKAGE_FILE, row: 0, field: 'resources', message: `unknown HSDS table ${name}` });
        else if (!names.includes(file)) onProblem({ file: DATAPACKAGE_FILE, row: 0, field: 'resources', message: `${file} is listed but not in the package` });
        else tables.set(file, name);
      }
      return tables;
    } catch {
      onProblem({ file: DATAPACKAGE_FILE, row: 0, field: '', message: 'datapackage.json is not valid JSON' });
    }
  }
  for (const name of names) {
    const table = path.basename(name, '.csv');
    if (name.endsWith('.csv') && isTableName(table)) tables.set(name, table);
    else if (name.endsWith('.csv') && !SKIPPED_HSDS_TABLES.has(table)) onProblem({ file: name, row: 0, field: '', message: 'not an HSDS table' });
  }
  return tables;
}

async function packageFiles(filePath: string, onProblem: (p: ReadProblem) => void): Promise<PackageFile[]> {
  if ((await stat(filePath)).isDirectory()) {
    const names = (await readdir(filePath)).sort();
    const descriptor = names.includes(DATAPACKAGE_FILE) ? await readFile(path.join(filePath, DATAPACKAGE_FILE), 'utf8') : null;
    return [...packageTables(names, descriptor, onProblem)].map(([name, table]) => ({ name, table, chunks: () => fileChunks(path.join(filePath, name)) }));
  }
  const zip = new Uint8Array(await readFile(filePath));
  const names: string[] = [];
  // Lists the entries without inflating any.
  unzipSync(zip, {
    filter: (file) => {
      if (!file.name.endsWith('/')) names.push(file.name);
      return false;
    },
  });
  const entry = (name: string) => unzipSync(zip, { filter: (file) => file.name === name })[name] ?? new Uint8Array(0);
  const descriptorName = names.find((n) => path.basename(n) === DATAPACKAGE_FILE);
  const descriptor = descriptorName ? new TextDecoder().decode(entry(descriptorName)) : null;
  // Packages zipped with their folder: paths in datapackage.json are relative to it.
  const prefix = descriptorName ? descriptorName.slice(0, -DATAPACKAGE_FILE.length) : '';
  const relative = names.filter((n) => n.startsWith(prefix)).map((n) => n.slice(prefix.length));
  return [...packageTables(relative, descriptor, onProblem)].map(([name, table]) => ({ name, table, chunks: () => bytesOf(entry(prefix + name)) }));
}

/** Reads and checks each row on its own; rows that pass are kept for the cross-row checks. */
export async function readRows(filePath: string, fileName: string, format: ImportFormat): Promise<{ rows: RowsByTable; problems: ImportProblem[] }> {
  const rows = emptyTables() as unknown as RowsByTable;
  const problems: ImportProblem[] = [];
  const onProblem = (p: ReadProblem) => problems.push(p);
  const onRow = (raw: RawRow) => {
    const parsed = parseRow(raw.table, raw.values);
    if ('problems' in parsed) {
      for (const p of parsed.problems) problems.push({ file: raw.file, row: raw.row, ...p });
      // Kept, without its bad fields, so rows that point to it are not reported as well.
      const bad = new Set(parsed.problems.map((p) => p.field));
      const values = Object.fromEntries(
        Object.entries(raw.values).filter(([k, v]) => !bad.has(k) && (typeof v === 'string' || typeof v === 'number')),
      ) as Record<string, string | number>;
      rows[raw.table].push({ file: raw.file, row: raw.row, values });
    } else rows[raw.table].push({ file: raw.file, row: raw.row, values: parsed.row });
  };
  if (format === 'HSDS_JSON') {
    await readJson(fileName, fileChunks(filePath), onRow, onProblem);
  } else {
    const files = await packageFiles(filePath, onProblem);
    if (files.length === 0) problems.push({ file: fileName, row: 0, field: '', message: 'no HSDS CSV files found (organization.csv, service.csv, ...)' });
    for (const file of files) await readCsv(file.name, file.table, file.chunks(), onRow, onProblem);
  }
  return { rows, problems };
}

export async function loadExistingRecords(db: Db): Promise<ExistingRecords> {
  const [organizations, services, locations, contacts, categories, targetGroups, attributes, municipalities] = await Promise.all([
    db.organization.findMany({ select: { id: true, slug: true } }),
    db.service.findMany({ select: { id: true, slug: true } }),
    db.location.findMany({ select: { id: true } }),
    db.contact.findMany({ select: { id: true } }),
    db.category.findMany({ select: { id: true, slug: true } }),
    db.targetGroup.findMany({ select: { id: true, slug: true } }),
    db.attribute.findMany({ select: { id: true, key: true } }),
    db.municipality.findMany({ select: { id: true, code: true, slug: true, name: true } }),
  ]);
  return {
    organizations: new Map(organizations.map((o) => [o.id, o.slug])),
    services: new Map(services.map((s) => [s.id, s.slug])),
    locations: new Set(locations.map((l) => l.id)),
    contacts: new Set(contacts.map((c) => c.id)),
    categories: new Map(categories.map((c) => [c.id, c.slug])),
    targetGroups: new Map(targetGroups.map((g) => [g.id, g.slug])),
    attributes: new Map(attributes.map((a) => [a.id, a.key])),
    municipalities: new Map(municipalities.map((m) => [m.id, { code: m.code, slug: m.slug, name: m.name }])),
  };
}

export interface ImportRunReport {
  id: string;
  status: 'VALIDATING' | 'REJECTED' | 'IMPORTING' | 'SUCCEEDED' | 'FAILED';
  total: number;
  processed: number;
  errors: ImportProblem[];
  summary: ImportSummary | null;
}

function listed(problems: ImportProblem[]): ImportProblem[] {
  const sorted = [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.row - b.row));
  if (sorted.length <= MAX_LISTED_ERRORS) return sorted;
  return [
    ...sorted.slice(0, MAX_LISTED_ERRORS),
    { file: '', row: 0, field: '', message: `${sorted.length - MAX_LISTED_ERRORS} more errors are not listed; correct these and import again` },
  ];
}

/**
 * Runs an import that `createImportRun` recorded: validates everything, then writes in
 * batches, keeping the run's status, progress, errors and summary current.
 */
export async function runImport(
  db: Db,
  runId: string,
  filePath: string,
  options: { onProgress?: (report: ImportRunReport) => void; actorId?: string | null } = {},
): Promise<ImportRunReport> {
  const run = await db.importRun.findUniqueOrThrow({ where: { id: runId } });
  const report: ImportRunReport = { id: runId, status: 'VALIDATING', total: 0, processed: 0, errors: [], summary: null };
  const publish = () => options.onProgress?.({ ...report });
  publish();
  try {
    const { rows, problems } = await readRows(filePath, run.fileName, run.format);
    const { model, problems: crossProblems } = tablesToModel(rows, await loadExistingRecords(db));
    problems.push(...crossProblems);
    if (problems.length > 0) {
      report.status = 'REJECTED';
      report.errors = listed(problems);
      await db.importRun.update({ where: { id: runId }, data: { status: 'REJECTED', errors: report.errors as object[], finishedAt: new Date() } });
      publish();
      return report;
    }
    report.status = 'IMPORTING';
    report.total = recordCount(model);
    await db.importRun.update({ where: { id: runId }, data: { status: 'IMPORTING', total: report.total } });
    publish();
    const summary = await writeModel(db, model, async ({ processed, summary: sofar }) => {
      report.processed = processed;
      report.summary = sofar;
      await db.importRun.update({ where: { id: runId }, data: { processed } });
      publish();
    });
    report.status = 'SUCCEEDED';
    report.summary = summary;
    await db.$transaction([
      db.importRun.update({ where: { id: runId }, data: { status: 'SUCCEEDED', summary: summary as object, finishedAt: new Date() } }),
      db.auditLog.create({
        data: { actorId: options.actorId ?? run.createdById, action: 'hsds.import', entityType: 'ImportRun', entityId: runId, data: { fileName: run.fileName, summary } as object },
      }),
    ]);
    publish();
    return report;
  } catch (error) {
    report.status = 'FAILED';
    report.errors = [{ file: run.fileName, row: 0, field: '', message: `the import stopped: ${error instanceof Error ? error.message : String(error)}` }];
    await db.importRun.update({ where: { id: runId }, data: { status: 'FAILED', errors: report.errors as object[], finishedAt: new Date() } });
    publish();
    return report;
  }
}

export async function createImportRun(db: Db, input: { fileName: string; format: ImportFormat; createdById: string | null }): Promise<string> {
  const run = await db.importRun.create({ data: input, select: { id: true } });
  return run.id;
}

