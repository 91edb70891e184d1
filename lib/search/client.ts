import { Meilisearch } from 'meilisearch';

/** Long enough for a search under load, short enough that a hung server falls back quickly. */
export const MEILI_REQUEST_TIMEOUT_MS = 2000;

/**
 * A Meilisearch client that never waits forever (the client has no timeout by default) and
 * does not reuse connections: with Node's keep-alive each request waited ~44 ms on these
 * machines, far more than a loopback connect costs.
 */
export function createMeiliClient(host: string, apiKey?: string, timeout = MEILI_REQUEST_TIMEOUT_MS): Meilisearch {
  return new Meilisearch({
    host,
    apiKey,
    timeout,
    requestInit: { headers: { Connection: 'close' } },
  });
}
