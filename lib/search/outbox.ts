/**
 * Applies the search outbox to Meilisearch. Rows are claimed with a lease (one UPDATE ...
 * FOR UPDATE SKIP LOCKED, so several workers never take the same row and no transaction stays
 * open while Meilisearch works); each batch loads the services' current state from the
 * database and upserts or deletes it, which is idempotent, so a batch that is retried after
 * a crash or an outage applies the same final state once more and nothing twice in effect.
 * A failed batch is retried with backoff; nothing is dropped.
 */
import type { Meilisearch } from 'meilisearch';
import type { Db } from '@/lib/db/client';
import { errorText } from '@/lib/log';
import { loadSearchDocuments } from './document';
import { applyDocuments, applySettings, indexExists, reindexServices, SearchRebuildBusyError } from './meili-index';
import { SEARCH_SETTINGS_TOPIC, SERVICE_INDEX_TOPIC } from './projection';

const MAX_BACKOFF_SECONDS = 10;

interface ClaimedRow {
  id: bigint;
  topic: string;
  aggregateId: string;
  attempts: number;
}

export interface OutboxRun {
  claimed: number;
  applied: number;
  failed: number;
  reindexed: boolean;
}

async function claim(db: Db, limit: number): Promise<ClaimedRow[]> {
  return db.$queryRaw<ClaimedRow[]>`
    -- The lease: a claimed row that is neither done nor released in a minute is taken again.
    UPDATE "OutboxMessage" SET "availableAt" = now() + interval '60 seconds', "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE "processedAt" IS NULL AND "availableAt" <= now() AND "topic" IN (${SERVICE_INDEX_TOPIC}, ${SEARCH_SETTINGS_TOPIC})
      ORDER BY "id" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING "id", "topic", "aggregateId", "attempts"`;
}

async function markDone(db: Db, ids: bigint[]): Promise<void> {
  await db.outboxMessage.updateMany({ where: { id: { in: ids } }, data: { processedAt: new Date(), lastError: null } });
}

async function release(db: Db, rows: ClaimedRow[], error: unknown): Promise<void> {
  // Back off 1, 2, 4, 8, then every 10 seconds: a returning server is caught up within 10 s.
  const attempts = Math.max(...rows.map((r) => r.attempts));
  const delay = Math.min(MAX_BACKOFF_SECONDS, 2 ** Math.max(0, attempts - 1));
  await db.outboxMessage.updateMany({
    where: { id: { in: rows.map((r) => r.id) } },
    data: { availableAt: new Date(Date.now() + delay * 1000), lastError: errorText(error).slice(0, 1000) },
  });
}

/** Claims up to `limit` rows and applies them. Throws nothing; failures stay in the outbox. */
export async function processSearchOutbox(db: Db, client: Meilisearch, options: { limit?: number } = {}): Promise<OutboxRun> {
  const rows = await claim(db, options.limit ?? 500);
  const run: OutboxRun = { claimed: rows.length, applied: 0, failed: 0, reindexed: false };
  if (rows.length === 0) return run;
  try {
    // A missing index (new server, wiped data) cannot be patched: rebuild it whole.
    if (!(await indexExists(client))) {
      await reindexServices(client, db);
      run.reindexed = true;
    } else {
      if (rows.some((r) => r.topic === SEARCH_SETTINGS_TOPIC)) await applySettings(client);
      const ids = [...new Set(rows.filter((r) => r.topic === SERVICE_INDEX_TOPIC).map((r) => r.aggregateId))];
      const documents = await loadSearchDocuments(db, ids);
      const present = new Set(documents.map((d) => d.id));
      await applyDocuments(client, documents, ids.filter((id) => !present.has(id)));
    }
    await markDone(db, rows.map((r) => r.id));
    run.applied = rows.length;
  } catch (error) {
    await release(db, rows, error);
    // Another worker is rebuilding the missing index: not a failure, the rows wait for it.
    if (!(error instanceof SearchRebuildBusyError)) run.failed = rows.length;
  }
  return run;
}

/** Rows still waiting (for health and tests). */
export async function pendingSearchChanges(db: Db): Promise<number> {
  return db.outboxMessage.count({ where: { processedAt: null, topic: { in: [SERVICE_INDEX_TOPIC, SEARCH_SETTINGS_TOPIC] } } });
}
