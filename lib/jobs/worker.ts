/**
 * The background worker: publishes scheduled news posts, applies the search outbox to
 * Meilisearch, writes due-date reminders, mails notifications and runs the scheduled jobs.
 * It runs beside the web server (instrumentation.ts), never from page visits, and is
 * safe to run in several processes at once (outbox leases, JobRun rows as once-per-period
 * locks).
 */
import type { Meilisearch } from 'meilisearch';
import { getDb, type Db } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { errorText, log } from '@/lib/log';
import { configuredMeili, indexExists, reindexServices, SearchRebuildBusyError } from '@/lib/search/meili-index';
import { processSearchOutbox } from '@/lib/search/outbox';
import { SEARCH_SETTINGS_TOPIC, SERVICE_INDEX_TOPIC } from '@/lib/search/projection';
import { refreshStaleFreshness } from '@/lib/search/freshness';
import { freshnessPeriodKey, runFreshnessJobs } from '@/lib/directory/freshness';
import { eraseHandledCorrectionContacts } from '@/lib/directory/corrections';
import { isoDate } from '@/lib/directory/opening-hours';
import { wallClockAt } from '@/lib/time/zoned';
import { publishDuePosts } from '@/lib/news/posts';
import { deliverNotificationMail } from '@/lib/notifications/delivery';
import { reminderPeriodKey, writeDueReminders } from '@/lib/notifications/reminders';

const POLL_MS = 500;
const settledPeriods = new Set<string>();

export interface RunningWorker {
  stop(): Promise<void>;
}

/**
 * Runs `job` at most once per `periodKey` across every worker process: the JobRun row is the
 * lock. A job that failed is recorded with its error and tried again next period.
 */
export async function runOncePerPeriod(db: Db, name: string, periodKey: string, job: () => Promise<void>): Promise<boolean> {
  // The worker asks every half second; once this process has seen the period taken, it stops
  // asking the database.
  const key = `${name}|${periodKey}`;
  if (settledPeriods.has(key)) return false;
  const inserted = await db.$executeRaw`
    INSERT INTO "JobRun" ("name", "periodKey", "startedAt") VALUES (${name}, ${periodKey}, now()) ON CONFLICT DO NOTHING`;
  settledPeriods.add(key);
  if (inserted === 0) return false;
  try {
    await job();
    await db.jobRun.update({ where: { name_periodKey: { name, periodKey } }, data: { finishedAt: new Date() } });
  } catch (error) {
    await db.jobRun.update({ where: { name_periodKey: { name, periodKey } }, data: { finishedAt: new Date(), error: errorText(error).slice(0, 1000) } });
    log('error', 'scheduled job failed', { job: name, periodKey, error: errorText(error) });
  }
  return true;
}

/** Without Meilisearch the projection is the whole index: outbox rows have nothing left to do. */
async function settleOutboxWithoutMeili(db: Db): Promise<void> {
  await db.outboxMessage.updateMany({
    where: { processedAt: null, topic: { in: [SERVICE_INDEX_TOPIC, SEARCH_SETTINGS_TOPIC] } },
    data: { processedAt: new Date() },
  });
}

/** One pass of everything due; returns whether more outbox work is waiting. */
export async function workOnce(db: Db, client: Meilisearch | null, now = new Date()): Promise<boolean> {
  const published = await publishDuePosts(db, now);
  if (published.length > 0) log('info', 'scheduled posts published', { posts: published.length });
  await runOncePerPeriod(db, 'search.freshness', isoDate(wallClockAt(now)), async () => {
    await refreshStaleFreshness(db, now);
  });
  // Listing confirmation requests and stale-listing alerts: once a day, from FRESHNESS_MAIL_HOUR (07:00).
  const freshnessDay = freshnessPeriodKey(now);
  if (freshnessDay) await runOncePerPeriod(db, 'directory.freshness', freshnessDay, () => runFreshnessJobs(db, now));
  // The correction form promises that a sender's address is erased 30 days after handling.
  await runOncePerPeriod(db, 'corrections.eraseContacts', isoDate(wallClockAt(now)), async () => {
    const erased = await eraseHandledCorrectionContacts(db, now);
    if (erased > 0) log('info', 'correction contacts erased', { erased });
  });
  await runOncePerPeriod(db, 'notifications.reminders', reminderPeriodKey(now), async () => {
    const written = await writeDueReminders(db, now);
    if (written.dueSoon + written.overdue > 0) log('info', 'due-date reminders written', { ...written });
  });
  if (!client) {
    await settleOutboxWithoutMeili(db);
    await deliverNotificationMail(db, now);
    return false;
  }
  const limit = 500;
  const run = await processSearchOutbox(db, client, { limit });
  if (run.failed > 0) log('warn', 'search outbox batch failed; will retry', { rows: run.failed });
  if (run.reindexed) log('info', 'search index was missing and has been rebuilt');
  // After the outbox: a slow mail server must not hold up the search index.
  await deliverNotificationMail(db, now);
  return run.claimed === limit && run.failed === 0;
}

export function startWorker(): RunningWorker {
  const env = getEnv();
  const client = env.SEARCH_ENGINE === 'postgres' ? null : configuredMeili();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const tick = async () => {
    let more = false;
    try {
      const db = await getDb();
      more = await workOnce(db, client);
    } catch (error) {
      log('error', 'worker pass failed', { error: errorText(error) });
    }
    if (!stopped) timer = setTimeout(() => (current = tick()), more ? 0 : POLL_MS);
  };

  current = (async () => {
    if (client) {
      try {
        const db = await getDb();
        // A server without the index (first start, wiped data): build it before serving.
        if (!(await indexExists(client))) {
          const report = await reindexServices(client, db);
          log('info', 'search index built', { ...report });
        }
      } catch (error) {
        if (error instanceof SearchRebuildBusyError) log('info', 'search index is being built by another process');
        else log('warn', 'search index check failed; searches use PostgreSQL until it answers', { error: errorText(error) });
      }
    }
    await tick();
  })();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
