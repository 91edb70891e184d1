/**
 * The rules of a workshop issue's attachments that the forms show and check in the browser
 * too: which types, how large, how many, and the reasons a batch is refused. Pure, so client
 * components may import it; the server decides from the bytes (./attachment-files.ts).
 */
import { formErrorKeys } from '@/lib/forms/field-errors';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_ISSUE = 10;
/**
 * What one submission may carry in all: a server action's body is held in memory whole, so
 * next.config.js lets a request through the proxy and the action parser only a little above it.
 */
export const MAX_ATTACHMENT_BATCH_BYTES = 30 * 1024 * 1024;
/** Characters of a file name as shown; longer ones keep their start and their extension. */
export const MAX_FILE_NAME_LENGTH = 160;

/** The name of the file field, in the upload form and the filing form alike. */
export const ATTACHMENT_FIELD = 'attachments';

export const attachmentErrors = formErrorKeys([
  'attachmentRequired',
  'attachmentType',
  'attachmentEncoding',
  'attachmentEmpty',
  'attachmentTooLarge',
  'attachmentsTooLarge',
  'attachmentTooMany',
  'attachmentPixels',
  'attachmentUnreadable',
] as const);
export type AttachmentErrorKey = (typeof attachmentErrors.keys)[number];

/** Each accepted type and the file name extensions that fit it; the first is the one it gets when its name has none that fits. */
export const ATTACHMENT_TYPES = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
  'text/plain': ['txt', 'text', 'csv', 'md', 'log'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
} as const satisfies Record<string, readonly string[]>;
export type AttachmentMimeType = keyof typeof ATTACHMENT_TYPES;

/** For the file input's `accept`: a hint to the browser's file picker, nothing is decided by it. */
export const ATTACHMENT_ACCEPT = [...new Set(Object.values(ATTACHMENT_TYPES).flat())].map((ext) => `.${ext}`).join(',');

/** The message key (`WorkshopAttachments.types.*`) that names each type for readers. */
export const ATTACHMENT_TYPE_NAMES: Record<AttachmentMimeType, 'pdf' | 'png' | 'jpeg' | 'webp' | 'text' | 'docx' | 'xlsx' | 'odt'> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/webp': 'webp',
  'text/plain': 'text',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.oasis.opendocument.text': 'odt',
};

/**
 * A form sent without a file chosen still sends the field: an empty part without a name. Sent
 * through a server action, the server's multipart parser names that part "undefined" (or "blob"),
 * so those names on an empty part mean no file was chosen too.
 */
const UNNAMED = new Set(['', 'undefined', 'blob']);
export function chosenFiles<F extends { name: string; size: number }>(files: readonly F[]): F[] {
  return files.filter((file) => file.size > 0 || !UNNAMED.has(file.name));
}

/**
 * What is wrong with a batch by its count and sizes, before any content is read: the first
 * reason to refuse it and the file it concerns, or null. The same check runs in the browser
 * before a form is sent (a body over next.config.js's limit never reaches the server's own).
 */
export function batchProblem(files: readonly { name: string; size: number }[], alreadyAttached: number): { key: AttachmentErrorKey; fileName: string | null } | null {
  if (files.length === 0) return { key: 'attachmentRequired', fileName: null };
  if (alreadyAttached + files.length > MAX_ATTACHMENTS_PER_ISSUE) return { key: 'attachmentTooMany', fileName: null };
  for (const file of files) {
    if (file.size === 0) return { key: 'attachmentEmpty', fileName: file.name };
    if (file.size > MAX_ATTACHMENT_BYTES) return { key: 'attachmentTooLarge', fileName: file.name };
  }
  if (files.reduce((sum, file) => sum + file.size, 0) > MAX_ATTACHMENT_BATCH_BYTES) return { key: 'attachmentsTooLarge', fileName: null };
  return null;
}
