import { getDb } from '@/lib/db/client';

/**
 * The number of committed content changes (the ContentVersion row, bumped by a trigger on
 * every content table at commit). A string, since it is a BIGINT and only compared.
 */
export async function readContentVersion(): Promise<string> {
  const db = await getDb();
  const rows = await db.$queryRaw<{ version: bigint }[]>`SELECT "version" FROM "ContentVersion" WHERE "id" = 1`;
  const row = rows[0];
  if (!row) throw new Error('ContentVersion has no row: the database is not migrated');
  return row.version.toString();
}
