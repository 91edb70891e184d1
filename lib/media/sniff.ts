/**
 * The type of an uploaded image, from its first bytes. File names and the browser's
 * Content-Type are chosen by the uploader, so neither is ever trusted; only the three formats
 * a news image may have are recognised, and everything else (SVG, HTML, GIF...) is refused.
 */
export type ImageMimeType = 'image/jpeg' | 'image/png' | 'image/webp';

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const RIFF = ascii('RIFF');
const WEBP = ascii('WEBP');

function hasBytesAt(bytes: Uint8Array, signature: number[], offset: number): boolean {
  return bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);
}

export function sniffImageType(bytes: Uint8Array): ImageMimeType | null {
  if (hasBytesAt(bytes, JPEG, 0)) return 'image/jpeg';
  if (hasBytesAt(bytes, PNG, 0)) return 'image/png';
  // RIFF, a 4-byte chunk size, then the form type.
  if (hasBytesAt(bytes, RIFF, 0) && hasBytesAt(bytes, WEBP, 8)) return 'image/webp';
  return null;
}
