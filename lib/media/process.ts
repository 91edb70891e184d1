/**
 * Turns an uploaded image into the WebP variants the portal serves. The upload itself is
 * never kept: re-encoding drops everything but the pixels (EXIF with its GPS position and
 * camera owner, comments, anything hidden after the image data), so what residents download
 * is only what the editor saw.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { AppError } from '@/lib/errors/app-error';
import { sniffImageType } from './sniff';

export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
/** Decoding needs about 4 bytes a pixel: 40 megapixels is ~160 MB, a tiny file can claim far more. */
export const MAX_IMAGE_PIXELS = 40_000_000;
export const VARIANT_WIDTHS = [480, 960, 1600] as const;
/** The size an editor inserts into a post: sharp on phones, light enough for slow connections. */
const MAIN_VARIANT_WIDTH = 960;
/** Variant file names carry the width in 2-4 digits (MEDIA_SRC_PATTERN in lib/news/document.ts). */
const MIN_IMAGE_WIDTH = 10;
const WEBP_QUALITY = 80;

export const IMAGE_ERROR_KEYS = ['imageType', 'imageTooLarge', 'imageTooSmall', 'imageUnreadable'] as const;
export type ImageErrorKey = (typeof IMAGE_ERROR_KEYS)[number];

export interface ImageVariant {
  width: number;
  height: number;
  bytes: Buffer;
}

export interface ProcessedImage {
  /** Of the upload's bytes, to recognise the same file uploaded twice. */
  sha256: string;
  /** Narrowest first. */
  variants: ImageVariant[];
  /** The variant an editor inserts: 960 pixels wide, or the widest there is. */
  main: ImageVariant;
}

function refuse(key: ImageErrorKey): never {
  throw new AppError('INVALID_INPUT', key, { file: [key] });
}

/** The standard widths the image can fill without upscaling; a narrower image keeps its own width. */
function variantWidths(width: number): number[] {
  const widths = VARIANT_WIDTHS.filter((w) => w <= width);
  return widths.length > 0 ? widths : [width];
}

export async function processImage(bytes: Buffer): Promise<ProcessedImage> {
  if (bytes.length > MAX_IMAGE_BYTES) refuse('imageTooLarge');
  if (!sniffImageType(bytes)) refuse('imageType');

  // The header only, so the size is known before a pixel is decoded. Without the pixel limit
  // here, which would fail the oversized image as unreadable rather than as too large.
  const metadata = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch(() => refuse('imageUnreadable'));
  if (metadata.width * metadata.height > MAX_IMAGE_PIXELS) refuse('imageTooLarge');
  const { width } = metadata.autoOrient;
  if (width < MIN_IMAGE_WIDTH) refuse('imageTooSmall');

  // The limit stays on for decoding, should the header and the data disagree.
  const image = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS });

  const variants: ImageVariant[] = [];
  // One width at a time: each pass decodes the whole image, so passes in parallel would
  // multiply the memory a large upload takes.
  for (const target of variantWidths(width)) {
    const { data, info } = await image
      .clone()
      // Bakes the EXIF orientation into the pixels, since the tag goes with the rest of the metadata.
      .rotate()
      .resize({ width: target })
      .webp({ quality: WEBP_QUALITY })
      .toBuffer({ resolveWithObject: true })
      .catch(() => refuse('imageUnreadable'));
    variants.push({ width: info.width, height: info.height, bytes: data });
  }

  const main = variants.find((v) => v.width === MAIN_VARIANT_WIDTH) ?? variants[variants.length - 1]!;
  return { sha256: createHash('sha256').update(bytes).digest('hex'), variants, main };
}
