import type { PrismaClient } from '@/lib/generated/prisma/client';
import { getDb } from '@/lib/db/client';

/** A stuck pool or a locked PGlite folder must not hang the health check (and its caller). */
const DATABASE_TIMEOUT_MS = 3000;

/**
 * True when the database answers `SELECT 1` in time. Never throws. Tests pass their own
 * client; the app uses the process-wide one for DATABASE_URL.
 */
export async function pingDatabase(prisma?: PrismaClient, timeoutMs = DATABASE_TIMEOUT_MS): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ping = (async () => {
    const db = prisma ?? (await getDb());
    await db.$queryRaw`SELECT 1`;
    return true;
  })().catch(() => false);
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
