import type { Db } from '@/lib/db/client';
import { recordServiceChanges } from './projection';

/**
 * Freshness ages without anyone touching a service: once a day, services whose listing crossed
 * the 6- or 12-month line get a new search document (and sink in the ranking). The thresholds
 * are those of freshnessOf in document.ts.
 */
export async function refreshStaleFreshness(db: Db, now = new Date()): Promise<number> {
  const rows = await db.$queryRaw<{ serviceId: string }[]>`
    SELECT d."serviceId" FROM "ServiceSearchDocument" d JOIN "Service" s ON s."id" = d."serviceId"
    WHERE d."freshness" <> CASE
      WHEN s."lastConfirmedAt" IS NULL THEN 0
      WHEN s."lastConfirmedAt" >= ${now}::timestamp - interval '183 days' THEN 2
      WHEN s."lastConfirmedAt" >= ${now}::timestamp - interval '365 days' THEN 1
      ELSE 0 END`;
  const ids = rows.map((r) => r.serviceId);
  for (let i = 0; i < ids.length; i += 200) {
    const batch = ids.slice(i, i + 200);
    await db.$transaction((tx) => recordServiceChanges(tx, batch), { timeout: 60_000 });
  }
  return ids.length;
}
