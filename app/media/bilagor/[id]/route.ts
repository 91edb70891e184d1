import { getActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors/app-error';
import { attachmentDisposition } from '@/lib/workshop/attachment-files';
import { readAttachment } from '@/lib/workshop/attachments';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const REFUSALS: Partial<Record<string, { status: number; text: string }>> = {
  UNAUTHENTICATED: { status: 401, text: 'Sign in to download attachments' },
  NOT_FOUND: { status: 404, text: 'Not found' },
};

/**
 * `GET /media/bilagor/<attachmentId>`: a file attached to a workshop issue, for signed-in
 * readers of the issue (lib/workshop/attachments.ts). Under /media/, outside app/[locale],
 * like the news images: the proxy gives it neither a language nor the pages' policy, and the
 * response carries its own, stricter one.
 *
 * Always a download, never a page: the stored type (checked from the content when it was
 * uploaded), nosniff, a sandbox without any source, and only the reader's own browser may keep it.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  try {
    const { fileName, mimeType, bytes } = await readAttachment(await getActor(), id);
    return new Response(new Uint8Array(bytes), {
      headers: {
        'Content-Type': mimeType === 'text/plain' ? 'text/plain; charset=utf-8' : mimeType,
        'Content-Length': String(bytes.length),
        'Content-Disposition': attachmentDisposition(fileName),
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        // Neither another site's page nor a shared computer's disk keeps a copy.
        'Cross-Origin-Resource-Policy': 'same-origin',
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    const refusal = isAppError(error) ? REFUSALS[error.code] : undefined;
    if (!refusal) throw error;
    return new Response(refusal.text, {
      status: refusal.status,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' },
    });
  }
}
