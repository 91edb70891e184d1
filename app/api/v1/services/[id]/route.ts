import { ANONYMOUS } from '@/lib/authz/actor';
import { getHsdsService, HSDS_RESPONSE_HEADERS, hsdsServiceIdSchema } from '@/lib/directory/hsds';
import { isAppError } from '@/lib/errors/app-error';

// Reads the database on every request; shared caches keep answers for five minutes (the headers).
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Open data: one published service as a fully nested HSDS 3.0 service (docs/api.md). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  // An id no service can have is simply not found; it never reaches the database.
  if (!hsdsServiceIdSchema.safeParse(id).success) {
    return Response.json({ error: 'No published service has this id' }, { status: 404, headers: HSDS_RESPONSE_HEADERS });
  }
  try {
    return Response.json(await getHsdsService(ANONYMOUS, id), { headers: HSDS_RESPONSE_HEADERS });
  } catch (error) {
    if (isAppError(error)) return Response.json({ error: error.message }, { status: error.httpStatus, headers: HSDS_RESPONSE_HEADERS });
    throw error;
  }
}
