/**
 * The MediaAsset rows behind lib/media/assets.ts, which authorizes and validates before it
 * calls these; nothing else should.
 */
import { z } from 'zod';
import { getDb } from '@/lib/db/client';

const variantsSchema = z.array(
  z.object({
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    storageKey: z.string(),
    byteSize: z.number().int().nonnegative(),
  }),
);

export type MediaVariantRecord = z.output<typeof variantsSchema>[number];

export type NewMediaAsset = {
  id: string;
  organizationId: string;
  uploadedById: string;
  /** The main variant's: key, type, size and dimensions. */
  storageKey: string;
  mimeType: string;
  byteSize: number;
  width: number;
  height: number;
  sha256: string;
  altText: string;
  variants: MediaVariantRecord[];
};

export async function insertMediaAsset(asset: NewMediaAsset): Promise<void> {
  const db = await getDb();
  await db.mediaAsset.create({ data: asset, select: { id: true } });
}

/** The asset's variants, or null when there is no such asset. A list that does not parse has none. */
export async function findMediaAssetVariants(id: string): Promise<MediaVariantRecord[] | null> {
  const db = await getDb();
  const asset = await db.mediaAsset.findUnique({ where: { id }, select: { variants: true } });
  if (!asset) return null;
  return variantsSchema.safeParse(asset.variants).data ?? [];
}
