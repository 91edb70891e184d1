/**
 * Export of the whole directory (every status, every organisation, place and taxonomy) as one
 * HSDS JSON document or as a zipped CSV datapackage. Coordinator only: unlike the open-data
 * API it includes inactive and defunct services.
 */
import type { Actor } from '@/lib/authz/actor';
import { authorize } from '@/lib/authz/policy';
import { getDb } from '@/lib/db/client';
import type { Tx } from '@/lib/search/projection';
import { tablesToCsvFiles, tablesToJson, zipFiles } from './formats';
import { modelToTables } from './mapping';
import { loadDirectoryModel } from './model';
import type { HsdsTables } from './tables';

export type ExportFormat = 'json' | 'csv';

export interface HsdsExportFile {
  fileName: string;
  contentType: string;
  body: Uint8Array;
}

/** The directory as HSDS rows, each table sorted by id. */
export async function exportTables(db: Tx): Promise<HsdsTables> {
  return modelToTables(await loadDirectoryModel(db));
}

export async function buildHsdsExport(db: Tx, format: ExportFormat): Promise<HsdsExportFile> {
  const tables = await exportTables(db);
  if (format === 'json') {
    return { fileName: 'hsds.json', contentType: 'application/json; charset=utf-8', body: new TextEncoder().encode(tablesToJson(tables)) };
  }
  return { fileName: 'hsds-csv.zip', contentType: 'application/zip', body: zipFiles(tablesToCsvFiles(tables)) };
}

/** The export the coordinator downloads from /admin/import. */
export async function exportDirectory(actor: Actor, format: ExportFormat): Promise<HsdsExportFile> {
  authorize(actor, 'directory.importExport', null);
  return buildHsdsExport(await getDb(), format);
}
