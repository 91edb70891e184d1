/**
 * The Meilisearch side of the directory: index names, settings, document upserts, and the
 * full rebuild that fills a new index and swaps it in atomically, so searches never see a
 * half-built index.
 */
import type { Meilisearch, Settings } from 'meilisearch';
import type { Db } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { allSearchDocuments, type SearchDocument } from './document';
import { createMeiliClient } from './client';

/** Indexing tasks wait longer than searches: a batch of 1,000 documents takes a while. */
const TASK_TIMEOUT_MS = 120_000;

export function servicesIndexName(prefix = getEnv().MEILI_INDEX_PREFIX): string {
  return `${prefix}services`;
}

/** The configured server's admin client, or null when Meilisearch is not configured. */
export function configuredMeili(timeoutMs?: number): Meilisearch | null {
  const env = getEnv();
  if (!env.MEILI_HOST) return null;
  return createMeiliClient(env.MEILI_HOST, env.MEILI_MASTER_KEY, timeoutMs);
}

export function servicesIndexSettings(): Settings {
  return {
    // Order matters: a match in a name weighs more than one in a description.
    searchableAttributes: [
      'name',
      'alternateName',
      'keywords',
      'categoryNames',
      'name_en',
      'name_ar',
      'summary',
      'easyReadSummary',
      'summary_en',
      'summary_ar',
      'targetGroupNames',
      'organizationName',
      'municipalityNames',
      'description',
      'description_en',
      'description_ar',
    ],
    filterableAttributes: ['id', 'categories', 'municipalities', 'targetGroups', 'languages', 'attributes', 'openSlots', 'isFree'],
    sortableAttributes: ['sortName', 'freshness'],
    // Fresher listings win among equally relevant ones; stale ones (over 12 months) sink.
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'freshness:desc'],
    displayedAttributes: ['id', 'slug', 'name', 'name_en', 'name_ar', 'summary', 'summary_en', 'summary_ar', 'organizationName', 'organizationSlug', 'categories', 'municipalities'],
    // The thesaurus is applied in our query layer (lib/search/analyze.ts), for both engines alike.
    synonyms: {},
    faceting: { maxValuesPerFacet: 300 },
    pagination: { maxTotalHits: 5000 },
    // Short words with one typo match too much ("vald" must still find "våld": diacritics
    // are folded, not typos).
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  };
}

async function wait(client: Meilisearch, taskUid: number): Promise<void> {
  const task = await client.tasks.waitForTask(taskUid, { timeout: TASK_TIMEOUT_MS, interval: 50 });
  if (task.status !== 'succeeded') {
    throw new Error(`Meilisearch task ${taskUid} (${task.type}) ${task.status}: ${task.error?.message ?? 'no error message'}`);
  }
}

export async function applySettings(client: Meilisearch, indexName = servicesIndexName()): Promise<void> {
  const { taskUid } = await client.index(indexName).updateSettings(servicesIndexSettings());
  await wait(client, taskUid);
}

/** Upserts documents and removes the ids that are no longer searchable; waits until applied. */
export async function applyDocuments(client: Meilisearch, documents: SearchDocument[], removedIds: string[], indexName = servicesIndexName()): Promise<void> {
  const index = client.index<SearchDocument>(indexName);
  if (documents.length > 0) await wait(client, (await index.addDocuments(documents, { primaryKey: 'id' })).taskUid);
  if (removedIds.length > 0) await wait(client, (await index.deleteDocuments(removedIds)).taskUid);
}

export async function indexExists(client: Meilisearch, indexName = servicesIndexName()): Promise<boolean> {
  try {
    await client.getIndex(indexName);
    return true;
  } catch (error) {
    if (isIndexNotFound(error)) return false;
    throw error;
  }
}

export function isIndexNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'cause' in error && (error as { cause?: { code?: string } }).cause?.code === 'index_not_found';
}

async function deleteIndexIfExists(client: Meilisearch, name: string): Promise<void> {
  if (await indexExists(client, name)) await wait(client, (await client.deleteIndex(name)).taskUid);
}

export interface ReindexReport {
  documents: number;
  milliseconds: number;
}

/** Another process is rebuilding the index right now; its result will serve. */
export class SearchRebuildBusyError extends Error {
  constructor() {
    super('Another process is rebuilding the search index; try again when it has finished');
    this.name = 'SearchRebuildBusyError';
  }
}

/**
 * One rebuild at a time across every process (workers starting together on an empty server,
 * `npm run reindex`): two would share the `_next` index and delete it under each other. The
 * lease is a JobRun row that exists only while a rebuild runs; one older than 15 minutes is
 * taken over (a rebuild that has run that long died with its process). Returns the lease's
 * start, which names it for the release, or null when another process holds it.
 */
async function takeRebuildLease(db: Db): Promise<Date | null> {
  const [taken] = await db.$queryRaw<{ startedAt: Date }[]>`
    INSERT INTO "JobRun" ("name", "periodKey", "startedAt") VALUES ('search.rebuild', 'lease', now())
    ON CONFLICT ("name", "periodKey") DO UPDATE SET "startedAt" = now()
    WHERE "JobRun"."startedAt" < now() - interval '15 minutes'
    RETURNING "startedAt"`;
  return taken?.startedAt ?? null;
}

/** Removes our lease, unless it expired and another process holds it now. */
async function releaseRebuildLease(db: Db, startedAt: Date): Promise<void> {
  await db.jobRun.deleteMany({ where: { name: 'search.rebuild', periodKey: 'lease', startedAt } });
}

/**
 * Rebuilds the services index from the database into a fresh index, then swaps it with the
 * live one in a single Meilisearch operation and drops the old copy. SearchRebuildBusyError
 * when another process is doing the same.
 */
export async function reindexServices(client: Meilisearch, db: Db, options: { batchSize?: number } = {}): Promise<ReindexReport> {
  const lease = await takeRebuildLease(db);
  if (!lease) throw new SearchRebuildBusyError();
  try {
    return await rebuildServicesIndex(client, db, options);
  } finally {
    await releaseRebuildLease(db, lease);
  }
}

async function rebuildServicesIndex(client: Meilisearch, db: Db, options: { batchSize?: number }): Promise<ReindexReport> {
  const started = Date.now();
  const live = servicesIndexName();
  const next = `${live}_next`;
  await deleteIndexIfExists(client, next);
  await wait(client, (await client.createIndex(next, { primaryKey: 'id' })).taskUid);
  await applySettings(client, next);
  let documents = 0;
  // Send batches without waiting for each (Meilisearch queues them), then wait for all.
  const tasks: number[] = [];
  for await (const batch of allSearchDocuments(db, options.batchSize ?? 2000)) {
    tasks.push((await client.index(next).addDocuments(batch, { primaryKey: 'id' })).taskUid);
    documents += batch.length;
  }
  for (const task of tasks) await wait(client, task);
  if (!(await indexExists(client, live))) await wait(client, (await client.createIndex(live, { primaryKey: 'id' })).taskUid);
  await wait(client, (await client.swapIndexes([{ indexes: [live, next], rename: false }])).taskUid);
  await deleteIndexIfExists(client, next);
  return { documents, milliseconds: Date.now() - started };
}
