/**
 * The answer of the two export downloads (`GET /admin/export/hsds.json`, `.../hsds-csv.zip`):
 * the file as an attachment for the coordinator, 401 signed out, 403 for anyone else.
 */
import { getActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors/app-error';
import { exportDirectory, type ExportFormat } from './export';

const plain = (body: string, status: number) =>
  new Response(`${body}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } });

export async function hsdsExportResponse(format: ExportFormat): Promise<Response> {
  try {
    const file = await exportDirectory(await getActor(), format);
    return new Response(Buffer.from(file.body), {
      headers: {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    if (!isAppError(error)) throw error;
    // The path has no language (it ends in a file name), so the answer is in Swedish and English.
    if (error.code === 'UNAUTHENTICATED') return plain('Logga in för att ladda ner katalogen. / Sign in to download the directory.', 401);
    if (error.code === 'FORBIDDEN') return plain('Bara samordnaren kan ladda ner hela katalogen. / Only the coordinator can download the whole directory.', 403);
    throw error;
  }
}
