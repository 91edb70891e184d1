import { checkHealth, healthHttpStatus } from '@/lib/health';

// Each request must check the live services; a cached answer would hide an outage.
export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const report = await checkHealth();
  return Response.json(report, {
    status: healthHttpStatus(report),
    headers: { 'Cache-Control': 'no-store' },
  });
}
