/**
 * Images for news posts. An association's people upload them for posts of their own
 * association ('post.write'); each upload becomes WebP variants in the media storage and one
 * MediaAsset row. Variants are public at `/media/<assetId>/w<width>.webp`, the src the post
 * body's image nodes use (MEDIA_SRC_PATTERN in lib/news/document.ts).
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { hitRateLimit } from '@/lib/auth/mutations';
import type { Actor } from '@/lib/authz/actor';
import { authorize } from '@/lib/authz/policy';
import { AppError } from '@/lib/errors/app-error';
import { formErrorKeys } from '@/lib/forms/field-errors';
import { MAX_ALT_LENGTH } from '@/lib/news/document';
import { findMediaAssetVariants, insertMediaAsset } from './data';
import { IMAGE_ERROR_KEYS, processImage } from './process';
import { getMediaStorage, type StoredObject } from './storage';

/** Message keys of the upload's field errors (`file`, `alt`, `organizationId`). */
export const mediaErrors = formErrorKeys([...IMAGE_ERROR_KEYS, 'imageAlt'] as const);
export type MediaErrorKey = (typeof mediaErrors.keys)[number];

const UPLOAD_LIMIT = 60;
const UPLOAD_WINDOW_MS = 60 * 60 * 1000;

const organizationSchema = z.object({ organizationId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });
const altSchema = z.object({
  alt: z.string({ error: 'imageAlt' }).trim().min(1, { error: 'imageAlt' }).max(MAX_ALT_LENGTH, { error: 'imageAlt' }),
});

/** Asset ids as they appear in URLs (see newAssetId). */
const ASSET_ID_PATTERN = /^[a-z0-9]{20,32}$/;
const VARIANT_FILE_PATTERN = /^w\d{2,4}\.webp$/;

/**
 * The id is made here, not by the database: the files are stored under it before the row
 * exists. 128 random bits, so nobody finds the images of a draft by counting.
 */
const newAssetId = () => randomBytes(16).toString('hex');
const variantKey = (assetId: string, width: number) => `media/${assetId}/w${width}.webp`;

export interface MediaAssetDto {
  id: string;
  /** `/media/<id>/w960.webp`: the variant to insert into a post. */
  src: string;
  width: number;
  height: number;
  altText: string;
}

export interface ImageUpload {
  organizationId: unknown;
  altText: unknown;
  bytes: Buffer;
}

/**
 * Stores an image for the organisation's posts: JPEG, PNG or WebP (by content) up to 8 MB and
 * 40 megapixels, with an alt text of 1-300 characters. The upload's metadata is gone from
 * every variant; the upload itself is not kept.
 */
export async function uploadImage(actor: Actor, input: ImageUpload): Promise<MediaAssetDto> {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  const { organizationId } = mediaErrors.parse(organizationSchema, { organizationId: input.organizationId });
  // Before the image is looked at: decoding is the expensive part, and it is not theirs to spend.
  authorize(actor, 'post.write', { organizationId });
  const { alt } = mediaErrors.parse(altSchema, { alt: input.altText });
  const { allowed } = await hitRateLimit(`media-upload:${actor.userId}`, UPLOAD_LIMIT, UPLOAD_WINDOW_MS);
  if (!allowed) throw new AppError('RATE_LIMITED', 'rateLimited');
  const image = await processImage(input.bytes);

  const id = newAssetId();
  const mainKey = variantKey(id, image.main.width);
  const storage = getMediaStorage();
  const written: string[] = [];
  try {
    for (const variant of image.variants) {
      const key = variantKey(id, variant.width);
      // Noted before the write: a write that fails halfway may still leave a file behind.
      written.push(key);
      await storage.put(key, variant.bytes, 'image/webp');
    }
    await insertMediaAsset({
      id,
      organizationId,
      uploadedById: actor.userId,
      storageKey: mainKey,
      mimeType: 'image/webp',
      byteSize: image.main.bytes.length,
      width: image.main.width,
      height: image.main.height,
      sha256: image.sha256,
      altText: alt,
      variants: image.variants.map((v) => ({ width: v.width, height: v.height, storageKey: variantKey(id, v.width), byteSize: v.bytes.length })),
    });
  } catch (error) {
    // Files without their row are unreachable and never cleaned up later: remove them now.
    await Promise.allSettled(written.map((key) => storage.delete(key)));
    throw error;
  }
  return { id, src: `/${mainKey}`, width: image.main.width, height: image.main.height, altText: alt };
}

/**
 * One variant's bytes for `/media/<assetId>/<file>`. Public: post images are shown to
 * residents, and only someone who has seen a post knows an asset's random id. NOT_FOUND for
 * anything but an existing variant of an existing asset.
 */
export async function readMediaVariant(_actor: Actor, assetId: string, file: string): Promise<StoredObject> {
  if (!ASSET_ID_PATTERN.test(assetId) || !VARIANT_FILE_PATTERN.test(file)) throw new AppError('NOT_FOUND', 'notFound');
  const key = `media/${assetId}/${file}`;
  const variants = await findMediaAssetVariants(assetId);
  if (!variants?.some((v) => v.storageKey === key)) throw new AppError('NOT_FOUND', 'notFound');
  const stored = await getMediaStorage().get(key);
  if (!stored) throw new AppError('NOT_FOUND', 'notFound');
  return stored;
}
