import { ANONYMOUS } from '@/lib/authz/actor';
import { isAppError } from '@/lib/errors/app-error';
import { readMediaVariant } from '@/lib/media/assets';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * `GET /media/<assetId>/w<width>.webp`: one variant of an uploaded image. The bytes under a URL
 * never change, so browsers keep them for a year. Outside app/[locale]: the proxy does not
 * route paths whose last segment has a dot by language.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; file: string }> }): Promise<Response> {
  const { id, file } = await params;
  try {
    // The same answer for everyone (readMediaVariant is public), so no session is read.
    const { bytes, contentType } = await readMediaVariant(ANONYMOUS, id, file);
    return new Response(new Uint8Array(bytes), {
      headers: {
        'Content-Type': contentType,
        'Content-Length': String(bytes.length),
        // Uploaded bytes are only ever an image: never sniffed as HTML, never a document with script.
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'public, max-age=31536000, immutable',
      },
    });
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') {
      return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' } });
    }
    throw error;
  }
}
