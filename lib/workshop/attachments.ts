/**
 * Files attached to a workshop issue: a letter from the municipality, a photo of a notice, a
 * spreadsheet of cases. Actor first, like the rest of the workshop's data layer.
 *
 * Who attaches: whoever may comment on the issue ('issue.comment'), and on a draft its filing
 * association ('issue.actAsFiler'), the same rule as the `can.attach` flag of getIssue.
 * Who downloads: signed-in readers of the issue only. A PUBLIC issue's attachments are not
 * public: residents see the issue's summary on /synergiverkstad, while a file may hold far
 * more (names, letters, case details) than the filer meant to publish, so a resident is asked
 * to sign in (401) and a reader who may not read the issue is told nothing exists (404).
 *
 * A batch is all or nothing: every file is checked (and images are stripped of their
 * metadata) before anything is stored; the blobs are then written to the media storage under
 * random keys and the rows in one transaction, and the blobs are removed again if it fails.
 * Attaching is not an issue event (the event types are the contract of decision 0012): it is
 * written to the audit log as 'issue.attach' and tells nobody.
 */
import { randomBytes } from 'node:crypto';
import { hitRateLimit } from '@/lib/auth/mutations';
import type { Actor } from '@/lib/authz/actor';
import { requireUser } from '@/lib/authz/actor';
import { authorize } from '@/lib/authz/policy';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import type { Prisma } from '@/lib/generated/prisma/client';
import { getMediaStorage } from '@/lib/media/storage';
import { AttachmentRefusal, attachmentTypeOf, prepareAttachment, storageExtension, type PreparedAttachment } from './attachment-files';
import { batchProblem, chosenFiles, MAX_ATTACHMENTS_PER_ISSUE } from './attachment-rules';
import { issueFacts, readableIssue, type LoadedIssue } from './issues';

type Tx = Prisma.TransactionClient;

/** An attachment as lists show it (the shape of IssueDetail's `attachments`). */
export interface AttachmentDto {
  id: string;
  fileName: string;
  mimeType: string;
  byteSize: number;
  createdAt: Date;
}

export interface AttachmentDownload {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

/** Batches per person and hour: far more than anyone attaches, few enough to bound the storage a script can fill. */
const UPLOAD_LIMIT = 60;
const UPLOAD_WINDOW_MS = 60 * 60 * 1000;

/** Attachment ids as the database makes them (cuid). */
const ATTACHMENT_ID_PATTERN = /^[a-z0-9]{20,40}$/;

/** Where an attachment is downloaded (app/media/bilagor/[id]/route.ts). */
export const attachmentHref = (id: string) => `/media/bilagor/${encodeURIComponent(id)}`;

/** Random, never the uploader's name: 128 bits, and the extension lib/media/storage.ts reads the type from. */
const newStorageKey = (prepared: PreparedAttachment) => `workshop/${randomBytes(16).toString('hex')}.${storageExtension(prepared.mimeType)}`;

/** The rule of `can.attach`: comment rights, or the filing association on its draft. */
function authorizeAttach(actor: Actor, issue: LoadedIssue): void {
  authorize(actor, issue.state === 'DRAFT' ? 'issue.actAsFiler' : 'issue.comment', issueFacts(issue));
}

/** Count, sizes and types of a batch, before any image is decoded; the first reason to refuse it. */
async function checkBatch(files: File[], alreadyAttached: number): Promise<{ name: string; bytes: Buffer }[]> {
  const chosen = chosenFiles(files);
  const problem = batchProblem(chosen, alreadyAttached);
  if (problem) throw new AttachmentRefusal(problem.key, problem.fileName);
  const uploads: { name: string; bytes: Buffer }[] = [];
  for (const file of chosen) {
    const bytes = Buffer.from(await file.arrayBuffer());
    attachmentTypeOf(file.name, bytes);
    uploads.push({ name: file.name, bytes });
  }
  return uploads;
}

/**
 * Whether a batch would be accepted on a new issue, without storing or decoding anything: for
 * the filing form, to refuse files before it creates the issue. Throws what addAttachments would
 * (AttachmentRefusal); an image that cannot be decoded is found only by addAttachments.
 */
export async function checkAttachmentFiles(files: File[]): Promise<void> {
  await checkBatch(files, 0);
}

async function loadForAttaching(tx: Tx, actor: Actor, issueNumber: unknown): Promise<{ issue: LoadedIssue; attached: number }> {
  const issue = await readableIssue(actor, tx, issueNumber);
  authorizeAttach(actor, issue);
  return { issue, attached: await tx.workshopAttachment.count({ where: { issueId: issue.id } }) };
}

/**
 * Attaches files to an issue, all or none: at most 10 MB each, 30 MB together, 10 per issue.
 * Empty file inputs (a form sent without a file chosen) are ignored. Returns the new
 * attachments in the order given.
 */
export async function addAttachments(actor: Actor, issueNumber: unknown, files: File[]): Promise<AttachmentDto[]> {
  const user = requireUser(actor);
  const db = await getDb();
  // Rights first: reading the files is work that is not theirs to ask for otherwise.
  const { attached } = await db.$transaction((tx) => loadForAttaching(tx, actor, issueNumber));
  const { allowed } = await hitRateLimit(`attachment-upload:${user.userId}`, UPLOAD_LIMIT, UPLOAD_WINDOW_MS);
  if (!allowed) throw new AppError('RATE_LIMITED', 'rateLimited');

  const uploads = await checkBatch(files, attached);
  const prepared: PreparedAttachment[] = [];
  // One at a time: decoding a large image takes memory, and a batch can hold ten.
  for (const upload of uploads) prepared.push(await prepareAttachment(upload.name, upload.bytes));

  const storage = getMediaStorage();
  const written: string[] = [];
  try {
    const keys: string[] = [];
    for (const item of prepared) {
      const key = newStorageKey(item);
      // Noted before the write: a write that fails halfway may still leave a file behind.
      written.push(key);
      await storage.put(key, item.bytes, item.mimeType);
      keys.push(key);
    }
    return await db.$transaction(async (tx) => {
      const { issue } = await loadForAttaching(tx, actor, issueNumber);
      // Holds the issue until the end, so two batches at once cannot pass ten together.
      await tx.$queryRaw`SELECT "id" FROM "WorkshopIssue" WHERE "id" = ${issue.id} FOR UPDATE`;
      const count = await tx.workshopAttachment.count({ where: { issueId: issue.id } });
      if (count + prepared.length > MAX_ATTACHMENTS_PER_ISSUE) throw new AttachmentRefusal('attachmentTooMany');
      const rows: AttachmentDto[] = [];
      const now = Date.now();
      for (const [index, item] of prepared.entries()) {
        rows.push(
          await tx.workshopAttachment.create({
            data: {
              issueId: issue.id,
              uploadedById: user.userId,
              fileName: item.fileName,
              mimeType: item.mimeType,
              byteSize: item.bytes.length,
              storageKey: keys[index]!,
              sha256: item.sha256,
              // A millisecond apart, so lists ordered by time keep the batch's order.
              createdAt: new Date(now + index),
            },
            select: { id: true, fileName: true, mimeType: true, byteSize: true, createdAt: true },
          }),
        );
      }
      await tx.auditLog.create({
        data: {
          actorId: user.userId,
          action: 'issue.attach',
          entityType: 'WorkshopIssue',
          entityId: issue.id,
          organizationId: issue.filedByOrganizationId,
          data: { attachments: rows.map((row, index) => ({ id: row.id, fileName: row.fileName, mimeType: row.mimeType, byteSize: row.byteSize, sha256: prepared[index]!.sha256 })) },
        },
      });
      return rows;
    });
  } catch (error) {
    // Blobs without their rows are unreachable and never cleaned up later: remove them now.
    await Promise.allSettled(written.map((key) => storage.delete(key)));
    throw error;
  }
}

/**
 * One attachment's bytes, for a signed-in reader of its issue. UNAUTHENTICATED for residents
 * whatever the id; NOT_FOUND for an unknown id and for an issue the reader may not read alike.
 */
export async function readAttachment(actor: Actor, attachmentId: unknown): Promise<AttachmentDownload> {
  requireUser(actor);
  if (typeof attachmentId !== 'string' || !ATTACHMENT_ID_PATTERN.test(attachmentId)) throw new AppError('NOT_FOUND', 'notFound');
  const db = await getDb();
  const attachment = await db.$transaction(async (tx) => {
    const row = await tx.workshopAttachment.findUnique({
      where: { id: attachmentId },
      select: { fileName: true, mimeType: true, storageKey: true, issue: { select: { number: true } } },
    });
    if (!row) throw new AppError('NOT_FOUND', 'notFound');
    await readableIssue(actor, tx, row.issue.number);
    return row;
  });
  const stored = await getMediaStorage().get(attachment.storageKey);
  if (!stored) throw new AppError('NOT_FOUND', 'notFound');
  return { fileName: attachment.fileName, mimeType: attachment.mimeType, bytes: stored.bytes };
}
