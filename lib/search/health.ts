import { getEnv } from '@/lib/env';
import { createMeiliClient } from './client';

export interface MeiliConnection {
  host: string;
  masterKey?: string;
}

/** Short: the health route and the search fallback decision must not hang on a dead server. */
const PROBE_TIMEOUT_MS = 1000;

function configured(): MeiliConnection | undefined {
  const env = getEnv();
  return env.MEILI_HOST ? { host: env.MEILI_HOST, masterKey: env.MEILI_MASTER_KEY } : undefined;
}

/**
 * True when Meilisearch answers `/health` with `available`; false when it is not configured,
 * down, slow or answers anything else. Never throws (not even on a bad environment), so
 * callers can fall back to PostgreSQL.
 */
export async function probeMeili(connection?: MeiliConnection | null): Promise<boolean> {
  try {
    // `null` means "explicitly unconfigured"; `undefined` reads MEILI_HOST.
    const target = connection === undefined ? configured() : connection;
    if (!target) return false;
    const health = await createMeiliClient(target.host, target.masterKey, PROBE_TIMEOUT_MS).health();
    return health.status === 'available';
  } catch {
    return false;
  }
}
