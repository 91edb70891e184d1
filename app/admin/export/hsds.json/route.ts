import { hsdsExportResponse } from '@/lib/directory/hsds-io/export-response';

// The whole directory, read on each request and never cached.
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * `GET /admin/export/hsds.json`: the directory as one HSDS 3.0 JSON document, for the
 * coordinator. Outside app/[locale]: the proxy does not route paths ending in a file name by language.
 */
export function GET(): Promise<Response> {
  return hsdsExportResponse('json');
}
