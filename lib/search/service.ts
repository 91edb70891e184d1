/**
 * Directory search as pages and the API use it:
 *
 *   searchDirectory(actor, query, { locale, now?, record? }) -> { result, crisisLines }
 *
 * - `result` comes from Meilisearch, or from PostgreSQL when Meilisearch is not configured,
 *   fails or is slower than its short timeout; `result.engine` says which. After a failure
 *   Meilisearch is left alone for a few seconds, so a dead server costs one timeout, not one
 *   per search. Residents see no difference beyond the ranking details.
 * - `crisisLines`: help lines to show first (lib/search/crisis.ts), empty for most queries.
 * - `record: true` counts the search in the anonymous weekly statistics (pages and the API
 *   record; results-as-you-type does not).
 *
 * Published services are public, so every actor may search; the actor is taken all the same
 * so the data layer keeps one shape.
 */
import type { Meilisearch } from 'meilisearch';
import type { Actor } from '@/lib/authz/actor';
import { getDb, type Db } from '@/lib/db/client';
import { resolveOpenNow, type OpenNowFilter } from '@/lib/directory/open-now';
import { weekPosition } from '@/lib/directory/opening-hours';
import { getEnv } from '@/lib/env';
import { errorText, log } from '@/lib/log';
import { analyzeSearchQuery } from './analyze';
import { createMeiliClient } from './client';
import { crisisLinesFor, type CrisisLine } from './crisis';
import { createMeiliEngine } from './engines/meilisearch';
import { createPostgresEngine } from './engines/postgres';
import { servicesIndexName } from './meili-index';
import type { SearchQuery } from './query';
import { recordSearch } from './stats';
import type { EngineRequest, SearchResult } from './types';

/** A search that takes longer than this is answered by PostgreSQL instead. */
export const MEILI_SEARCH_TIMEOUT_MS = 1000;
/** How long to leave Meilisearch alone after it failed. */
const BACKOFF_MS = 10_000;

export interface DirectorySearch {
  result: SearchResult;
  crisisLines: CrisisLine[];
}

interface EngineState {
  client?: Meilisearch;
  clientKey?: string;
  skipMeiliUntil: number;
  openNow?: { key: string; expires: number; value: OpenNowFilter };
}

const state = globalThis as unknown as { __lisaSearch?: EngineState };
const engineState = (): EngineState => (state.__lisaSearch ??= { skipMeiliUntil: 0 });

function meiliClient(): Meilisearch | null {
  const env = getEnv();
  if (!env.MEILI_HOST) return null;
  const s = engineState();
  const key = `${env.MEILI_HOST}|${env.MEILI_MASTER_KEY ?? ''}`;
  if (!s.client || s.clientKey !== key) {
    s.client = createMeiliClient(env.MEILI_HOST, env.MEILI_MASTER_KEY, MEILI_SEARCH_TIMEOUT_MS);
    s.clientKey = key;
  }
  return s.client;
}

/** Open-now exceptions change rarely; one lookup per quarter hour and minute is plenty. */
async function openNowAt(db: Db, now: Date): Promise<OpenNowFilter> {
  const s = engineState();
  const position = weekPosition(now);
  const key = `${position.date}|${position.slot}`;
  if (s.openNow && s.openNow.key === key && s.openNow.expires > Date.now()) return s.openNow.value;
  const value = await resolveOpenNow(db, now);
  s.openNow = { key, expires: Date.now() + 60_000, value };
  return value;
}

async function runSearch(db: Db, request: EngineRequest): Promise<SearchResult> {
  const mode = getEnv().SEARCH_ENGINE;
  const postgres = createPostgresEngine(db);
  if (mode === 'postgres') return postgres.search(request);
  const client = meiliClient();
  if (!client) {
    if (mode === 'meilisearch') throw new Error('SEARCH_ENGINE=meilisearch but MEILI_HOST is not set');
    return postgres.search(request);
  }
  const s = engineState();
  if (mode === 'auto' && Date.now() < s.skipMeiliUntil) return postgres.search(request);
  try {
    return await createMeiliEngine(client, servicesIndexName()).search(request);
  } catch (error) {
    if (mode === 'meilisearch') throw error;
    s.skipMeiliUntil = Date.now() + BACKOFF_MS;
    log('warn', 'Meilisearch did not answer; searching PostgreSQL', { error: errorText(error), retryInMs: BACKOFF_MS });
    return postgres.search(request);
  }
}

export async function searchDirectory(
  _actor: Actor,
  query: SearchQuery,
  options: { locale: string; now?: Date; record?: boolean },
): Promise<DirectorySearch> {
  const db = await getDb();
  const now = options.now ?? new Date();
  const [analysis, openNow] = await Promise.all([analyzeSearchQuery(db, query.q), openNowAt(db, now)]);
  const result = await runSearch(db, { query, analysis, locale: options.locale, openNow });
  if (options.record && query.q) await recordSearch(db, query.q, result.total, now);
  return { result, crisisLines: crisisLinesFor(query.q) };
}

/** For the health endpoint: which engine would answer a search now. */
export function searchEngineInUse(meiliAnswers: boolean): SearchResult['engine'] {
  const mode = getEnv().SEARCH_ENGINE;
  if (mode === 'postgres') return 'postgres';
  if (mode === 'auto' && Date.now() < engineState().skipMeiliUntil) return 'postgres';
  return meiliAnswers ? 'meilisearch' : 'postgres';
}
