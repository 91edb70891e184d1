/**
 * The import runs of /admin/import: starting one from an uploaded file, running it after the
 * response, and reading runs back. Coordinator only ('directory.importExport').
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { Actor } from '@/lib/authz/actor';
import { requireUser } from '@/lib/authz/actor';
import { authorize } from '@/lib/authz/policy';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { createImportRun, runImport, type ImportFormat } from './import';
import type { ImportProblem } from './mapping';
import type { ImportSummary } from './write';

/** Server actions accept 31 MB (next.config.js); bigger files go through `npm run hsds:import`. */
export const MAX_UPLOAD_BYTES = 30 * 1024 * 1024;

/** A run still VALIDATING or IMPORTING after this long was cut off (the server stopped). */
const STALE_AFTER_MS = 60 * 60 * 1000;

export type ImportUploadError = 'fileMissing' | 'fileTooLarge' | 'fileType' | 'importRunning';

const uploadSchema = z.object({
  name: z.string().min(1).max(200),
  bytes: z.instanceof(Uint8Array),
});

export interface ImportRunView {
  id: string;
  format: ImportFormat;
  fileName: string;
  status: 'VALIDATING' | 'REJECTED' | 'IMPORTING' | 'SUCCEEDED' | 'FAILED';
  total: number;
  processed: number;
  errors: ImportProblem[];
  summary: ImportSummary | null;
  createdAt: Date;
  finishedAt: Date | null;
  createdByName: string | null;
  /** Still VALIDATING or IMPORTING, and recent enough that it can still be running. */
  isRunning: boolean;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function formatOf(name: string, bytes: Uint8Array): ImportFormat | null {
  const isZip = ZIP_MAGIC.every((b, i) => bytes[i] === b);
  if (/\.zip$/i.test(name)) return isZip ? 'HSDS_CSV' : null;
  if (/\.json$/i.test(name)) return isZip ? null : 'HSDS_JSON';
  return null;
}

const uploadDir = () => path.join(tmpdir(), 'lisa-hsds-imports');

/**
 * Checks the upload, stores it in a private temporary file and records the run. The caller
 * runs `performHsdsImport` after answering, so a large file never holds up the request.
 */
export async function startHsdsImport(actor: Actor, upload: { name: string; bytes: Uint8Array }): Promise<{ runId: string; filePath: string }> {
  authorize(actor, 'directory.importExport', null);
  const user = requireUser(actor);
  const parsed = uploadSchema.safeParse(upload);
  if (!parsed.success || parsed.data.bytes.length === 0) throw new AppError('INVALID_INPUT', 'No file', { file: ['fileMissing'] });
  if (parsed.data.bytes.length > MAX_UPLOAD_BYTES) throw new AppError('INVALID_INPUT', 'File too large', { file: ['fileTooLarge'] });
  const format = formatOf(parsed.data.name, parsed.data.bytes);
  if (!format) throw new AppError('INVALID_INPUT', 'Not an HSDS JSON file or CSV zip', { file: ['fileType'] });
  const db = await getDb();
  const running = await db.importRun.findFirst({
    where: { status: { in: ['VALIDATING', 'IMPORTING'] }, createdAt: { gt: new Date(Date.now() - STALE_AFTER_MS) } },
    select: { id: true },
  });
  if (running) throw new AppError('CONFLICT', 'Another import is running', { file: ['importRunning'] });
  const fileName = path.basename(parsed.data.name).replace(/[^\p{L}\p{N}._ -]/gu, '_');
  const runId = await createImportRun(db, { fileName, format, createdById: user.userId });
  await db.auditLog.create({ data: { actorId: user.userId, action: 'hsds.import.start', entityType: 'ImportRun', entityId: runId, data: { fileName, format, bytes: parsed.data.bytes.length } } });
  await mkdir(uploadDir(), { recursive: true, mode: 0o700 });
  // The name on disk is the run's id, never the uploaded name.
  const filePath = path.join(uploadDir(), `${runId}${format === 'HSDS_CSV' ? '.zip' : '.json'}`);
  await writeFile(filePath, parsed.data.bytes, { mode: 0o600 });
  return { runId, filePath };
}

/** Runs a started import to its end and removes the uploaded file. Not an endpoint. */
export async function performHsdsImport(runId: string, filePath: string, actorId: string | null): Promise<void> {
  try {
    await runImport(await getDb(), runId, filePath, { actorId });
  } finally {
    await rm(filePath, { force: true });
  }
}

const runSelect = {
  id: true,
  format: true,
  fileName: true,
  status: true,
  total: true,
  processed: true,
  errors: true,
  summary: true,
  createdAt: true,
  finishedAt: true,
  createdBy: { select: { name: true, email: true } },
} as const;

type RunRow = {
  id: string;
  format: ImportFormat;
  fileName: string;
  status: ImportRunView['status'];
  total: number;
  processed: number;
  errors: unknown;
  summary: unknown;
  createdAt: Date;
  finishedAt: Date | null;
  createdBy: { name: string | null; email: string } | null;
};

function toView(row: RunRow, now: number): ImportRunView {
  return {
    id: row.id,
    format: row.format,
    fileName: row.fileName,
    status: row.status,
    total: row.total,
    processed: row.processed,
    errors: Array.isArray(row.errors) ? (row.errors as ImportProblem[]) : [],
    summary: (row.summary as ImportSummary | null) ?? null,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
    createdByName: row.createdBy ? (row.createdBy.name ?? row.createdBy.email) : null,
    isRunning: (row.status === 'VALIDATING' || row.status === 'IMPORTING') && now - row.createdAt.getTime() < STALE_AFTER_MS,
  };
}

const runIdSchema = z.string().regex(/^[a-z0-9]{1,40}$/);

export async function getImportRun(actor: Actor, id: string): Promise<ImportRunView> {
  authorize(actor, 'directory.importExport', null);
  if (!runIdSchema.safeParse(id).success) throw new AppError('NOT_FOUND');
  const row = await (await getDb()).importRun.findUnique({ where: { id }, select: runSelect });
  if (!row) throw new AppError('NOT_FOUND');
  return toView(row, Date.now());
}

/** The latest runs, newest first, without their error lists. */
export async function listImportRuns(actor: Actor, take = 20): Promise<Omit<ImportRunView, 'errors'>[]> {
  authorize(actor, 'directory.importExport', null);
  const rows = await (await getDb()).importRun.findMany({ orderBy: { createdAt: 'desc' }, take, select: { ...runSelect, errors: false } });
  const now = Date.now();
  return rows.map((row) => {
    const { errors: _omitted, ...view } = toView({ ...row, errors: [] }, now);
    return view;
  });
}
