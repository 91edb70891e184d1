/**
 * What a workshop issue's attachment may be, decided from its bytes alone: the name and the
 * Content-Type the browser sends are the uploader's choice and never trusted. Accepted are
 * PDF, PNG, JPEG, WebP, UTF-8 plain text, Word (DOCX), Excel (XLSX) and OpenDocument text
 * (ODT); everything else (HTML, SVG, executables, macro documents, archives...) is refused.
 *
 * Images are re-encoded without their metadata (EXIF with its GPS position and camera owner,
 * comments), since a photo of a letter or a place can tell who took it and where. Documents
 * are kept byte for byte.
 */
import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import sharp from 'sharp';
import { AppError } from '@/lib/errors/app-error';
import { MAX_IMAGE_PIXELS } from '@/lib/media/process';
import { sniffImageType } from '@/lib/media/sniff';
import { ATTACHMENT_FIELD, ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, MAX_FILE_NAME_LENGTH, type AttachmentErrorKey, type AttachmentMimeType } from './attachment-rules';

const DOCX: AttachmentMimeType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX: AttachmentMimeType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ODT: AttachmentMimeType = 'application/vnd.oasis.opendocument.text';

/**
 * A refused batch: the reason at the file field, and the file it concerns when it is one of
 * them, so the form can name it.
 */
export class AttachmentRefusal extends AppError {
  constructor(
    readonly key: AttachmentErrorKey,
    readonly fileName: string | null = null,
  ) {
    super('INVALID_INPUT', key, { [ATTACHMENT_FIELD]: [key] });
  }
}

/** The extension a stored object's key ends with (lib/media/storage.ts reads the type from it). */
export function storageExtension(type: AttachmentMimeType): string {
  return ATTACHMENT_TYPES[type][0];
}

// ── Content ────────────────────────────────────────────────────────────────────────

const startsWith = (bytes: Buffer, signature: string) => bytes.subarray(0, signature.length).equals(Buffer.from(signature, 'latin1'));

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** More entries than any document has; a bound on the work a crafted archive can ask for. */
const MAX_ZIP_ENTRIES = 5_000;

/** The archive's central directory, or null when it is not a plain (non-ZIP64) ZIP file. */
function zipEntries(bytes: Buffer): ZipEntry[] | null {
  // The end record closes the file, followed only by a comment of at most 64 KB.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const offset = bytes.readUInt32LE(end + 16);
  // ZIP64 marks its fields 0xffffffff, which lands past the end: a 10 MB document needs none.
  if (count > MAX_ZIP_ENTRIES || offset + size > end) return null;
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    entries.push({
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      localOffset: bytes.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

/** One entry's content, stored or deflated, up to `limit` bytes; null for anything else. */
function readZipEntry(bytes: Buffer, entry: ZipEntry, limit: number): Buffer | null {
  const at = entry.localOffset;
  // Bit 0: encrypted, which no document's manifest is.
  if (entry.flags & 1 || at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) return null;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) return null;
  if (entry.method === 0) return data.length <= limit ? data : null;
  if (entry.method !== 8) return null;
  try {
    // The output bound stops a small entry that inflates to gigabytes.
    return inflateRawSync(data, { maxOutputLength: limit });
  } catch {
    return null;
  }
}

/** The main part's type of a Word or Excel document; macro-enabled variants have others. */
const OFFICE_MAIN_TYPES: Record<string, AttachmentMimeType> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml': DOCX,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': XLSX,
};

/** Macros run on the reader's computer once allowed; the accepted formats carry none. */
const MACRO_ENTRY = /(^|\/)vbaProject\.bin$|^(Basic|Scripts)\//i;

/** DOCX and XLSX by their [Content_Types].xml, ODT by its `mimetype` entry (ODF 1.2 part 3, 3.3). */
function sniffZipDocument(bytes: Buffer): AttachmentMimeType | null {
  const entries = zipEntries(bytes);
  if (!entries || entries.some((e) => MACRO_ENTRY.test(e.name))) return null;
  const entry = (name: string) => entries.find((e) => e.name === name);
  const mimetype = entry('mimetype');
  if (mimetype) {
    const declared = readZipEntry(bytes, mimetype, 256)?.toString('latin1').trim();
    return declared === ODT && entry('content.xml') ? ODT : null;
  }
  const contentTypes = entry('[Content_Types].xml');
  const xml = contentTypes && readZipEntry(bytes, contentTypes, 1024 * 1024)?.toString('utf8');
  if (!xml) return null;
  for (const match of xml.matchAll(/ContentType\s*=\s*["']([^"']+)["']/g)) {
    const type = OFFICE_MAIN_TYPES[match[1]!.trim()];
    if (type) return type;
  }
  return null;
}

/**
 * UTF-8 text without control characters other than tab, line and page breaks. Text a browser
 * would take for markup (the start of an HTML, XML or SVG document, WHATWG MIME sniffing 7.1)
 * is refused: served as text it is harmless, saved and opened on a computer it is not.
 */
function sniffText(bytes: Buffer): 'text/plain' | 'attachmentEncoding' | null {
  for (const byte of bytes) {
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f) return null;
  }
  let text: string;
  try {
    // A byte order mark is dropped by the decoder.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'attachmentEncoding';
  }
  return /^\s*<(?:[!?/]|[a-z])/i.test(text.slice(0, 1024)) ? null : 'text/plain';
}

/** The type of an upload by its content, the reason it is refused, or null for a type not accepted. */
export function sniffAttachmentType(bytes: Buffer): AttachmentMimeType | 'attachmentEncoding' | null {
  if (startsWith(bytes, '%PDF-')) return 'application/pdf';
  const image = sniffImageType(bytes);
  if (image) return image;
  if (startsWith(bytes, 'PK\x03\x04')) return sniffZipDocument(bytes);
  return sniffText(bytes);
}

// ── Names ──────────────────────────────────────────────────────────────────────────

/** Control characters and the direction overrides that make "exe.pdf" look like "fdp.exe". */
const UNSAFE_CHARACTERS = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * The name as the uploader gave it, less any folder, control characters and direction
 * overrides, at most MAX_FILE_NAME_LENGTH characters. A name whose extension does not fit the
 * content gets one that does (`rapport.html` holding text becomes `rapport.html.txt`), so the
 * file never opens as something else on the reader's computer.
 */
export function cleanAttachmentName(raw: string, type: AttachmentMimeType): string {
  const base = raw.normalize('NFC');
  let name = base
    .slice(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1)
    // Tabs and line breaks become spaces before the other control characters go.
    .replace(/\s+/gu, ' ')
    .replace(UNSAFE_CHARACTERS, '')
    .trim()
    // A leading dot hides a saved file on most systems; trailing ones are dropped by Windows.
    .replace(/^[.\s]+|[.\s]+$/gu, '');
  const fits: readonly string[] = ATTACHMENT_TYPES[type];
  const dot = name.lastIndexOf('.');
  const current = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  let extension = fits.includes(current) ? name.slice(dot) : `.${fits[0]}`;
  if (fits.includes(current)) name = name.slice(0, dot);
  if (name === '') name = 'bilaga';
  extension = [...extension].slice(0, 10).join('');
  const characters = [...name];
  const room = MAX_FILE_NAME_LENGTH - [...extension].length;
  return (characters.length > room ? characters.slice(0, room).join('').trimEnd() : name) + extension;
}

/**
 * `Content-Disposition` for a download: an ASCII stand-in for old clients and the real name
 * in RFC 5987 `filename*`, which every current browser prefers.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

// ── Preparing ──────────────────────────────────────────────────────────────────────

export interface PreparedAttachment {
  fileName: string;
  mimeType: AttachmentMimeType;
  /** What is stored: the upload, or for an image the upload re-encoded without metadata. */
  bytes: Buffer;
  /** Of the stored bytes, so a download can be checked against it. */
  sha256: string;
}

/** Re-encodes an image in its own format, turned upright, with nothing but the pixels. */
async function withoutMetadata(bytes: Buffer, type: 'image/png' | 'image/jpeg' | 'image/webp', fileName: string): Promise<Buffer> {
  const unreadable = () => {
    throw new AttachmentRefusal('attachmentUnreadable', fileName);
  };
  // The header first, so a tiny file claiming a huge image is refused before it is decoded.
  const metadata = await sharp(bytes, { limitInputPixels: false }).metadata().catch(unreadable);
  if (metadata.width * metadata.height > MAX_IMAGE_PIXELS) throw new AttachmentRefusal('attachmentPixels', fileName);
  // The orientation tag goes with the rest of the metadata, so it is baked into the pixels.
  const image = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS }).rotate();
  const encoded = type === 'image/png' ? image.png() : type === 'image/jpeg' ? image.jpeg({ quality: 90 }) : image.webp({ quality: 90 });
  return encoded.toBuffer().catch(unreadable);
}

/** The type check alone, without decoding images: the cheap part of `prepareAttachment`. */
export function attachmentTypeOf(name: string, bytes: Buffer): AttachmentMimeType {
  if (bytes.length === 0) throw new AttachmentRefusal('attachmentEmpty', name);
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw new AttachmentRefusal('attachmentTooLarge', name);
  const type = sniffAttachmentType(bytes);
  if (type === 'attachmentEncoding') throw new AttachmentRefusal('attachmentEncoding', name);
  if (!type) throw new AttachmentRefusal('attachmentType', name);
  return type;
}

/** Checks one upload and makes what is stored of it; an AttachmentRefusal says why not. */
export async function prepareAttachment(name: string, bytes: Buffer): Promise<PreparedAttachment> {
  const type = attachmentTypeOf(name, bytes);
  const fileName = cleanAttachmentName(name, type);
  const stored = type === 'image/png' || type === 'image/jpeg' || type === 'image/webp' ? await withoutMetadata(bytes, type, name) : bytes;
  return { fileName, mimeType: type, bytes: stored, sha256: createHash('sha256').update(stored).digest('hex') };
}
