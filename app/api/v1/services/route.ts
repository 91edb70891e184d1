import { z } from 'zod';
import { ANONYMOUS } from '@/lib/authz/actor';
import { HSDS_RESPONSE_HEADERS, hsdsPageQuerySchema, listHsdsServices } from '@/lib/directory/hsds';
import { isAppError } from '@/lib/errors/app-error';

// Reads the database on every request; shared caches keep answers for five minutes (the headers).
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Open data: the published services of the directory as an HSDS 3.0 page (docs/api.md). */
export async function GET(request: Request): Promise<Response> {
  const query = hsdsPageQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    const { fieldErrors } = z.flattenError(query.error);
    const message = query.error.issues.map((issue) => issue.message).join('; ');
    return Response.json({ error: message, fields: fieldErrors }, { status: 400, headers: HSDS_RESPONSE_HEADERS });
  }
  try {
    return Response.json(await listHsdsServices(ANONYMOUS, query.data), { headers: HSDS_RESPONSE_HEADERS });
  } catch (error) {
    if (isAppError(error)) return Response.json({ error: error.message }, { status: error.httpStatus, headers: HSDS_RESPONSE_HEADERS });
    throw error;
  }
}
