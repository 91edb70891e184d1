import { getActor } from '@/lib/auth/session';
import { siteUrl } from '@/lib/env';
import { isAppError } from '@/lib/errors/app-error';
import { uploadImage } from '@/lib/media/assets';
import { MAX_IMAGE_BYTES } from '@/lib/media/process';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The largest image plus room for the multipart envelope and the other fields. */
const MAX_REQUEST_BYTES = MAX_IMAGE_BYTES + 512 * 1024;

const NO_STORE = { 'Cache-Control': 'no-store' };

function failure(status: number, code: string, fields?: Record<string, string[]>): Response {
  return Response.json({ error: { code, ...(fields ? { fields } : {}) } }, { status, headers: NO_STORE });
}

/**
 * The session cookie is SameSite=Lax, which does not stop a form on another site of the same
 * site (a subdomain) from posting here; browsers always send Origin with a POST, so a foreign
 * one is refused. Requests without Origin come from outside a browser, where there is no
 * visitor's cookie to abuse.
 */
function isForeignOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (origin === null || origin === new URL(siteUrl()).origin) return false;
  // The host the browser addressed, as Next checks its server actions (request.url may name
  // another spelling of the same server, "localhost" for 127.0.0.1).
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return host === null || new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * `POST /api/media`, multipart/form-data with `file`, `alt` and `organizationId`: stores an
 * image for the association's news posts. 201 `{ id, src, width, height, altText }`; refusals
 * are `{ error: { code, fields? } }` with message keys per field (lib/media/assets.ts).
 */
export async function POST(request: Request): Promise<Response> {
  if (isForeignOrigin(request)) return failure(403, 'FORBIDDEN');
  // Checked before the body is read: the length bounds what is read, whatever the body says.
  const length = Number(request.headers.get('content-length') ?? Number.NaN);
  if (!Number.isInteger(length) || length < 0) return failure(411, 'LENGTH_REQUIRED');
  if (length > MAX_REQUEST_BYTES) return failure(413, 'INVALID_INPUT', { file: ['imageTooLarge'] });

  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return failure(400, 'INVALID_INPUT');
  }
  const file = form.get('file');
  try {
    const asset = await uploadImage(await getActor(), {
      organizationId: form.get('organizationId'),
      altText: form.get('alt'),
      bytes: file instanceof File ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0),
    });
    return Response.json(asset, { status: 201, headers: NO_STORE });
  } catch (error) {
    if (isAppError(error)) return failure(error.httpStatus, error.code, error.fieldErrors);
    throw error;
  }
}
