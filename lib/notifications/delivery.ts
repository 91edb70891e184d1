/**
 * E-mailing notifications, from the worker (docs/decisions/0012-synergy-workshop.md,
 * "Notifications"). `emailedAt` is both the record of the send and the claim: a worker sets it
 * on the rows it takes (skipping rows another worker has locked) before it sends, so two
 * workers never mail the same row, and clears it again when the send fails so the row is
 * tried again. Disabled accounts are never mailed.
 *
 * - IMMEDIATE: one mail per notification, on the next worker pass.
 * - DAILY_DIGEST: one mail a day listing every notification not mailed yet, sent from 07:00
 *   Stockholm time. The day's digest takes the rows written before that day's 07:00, so once
 *   it has gone out nothing is left for that user until the next 07:00: the once-a-day rule
 *   holds across workers and restarts, and a digest whose send failed is tried again the same
 *   day instead of a day later. A day with nothing to list sends nothing.
 */
import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { getEnv, siteUrl, type Env } from '@/lib/env';
import type { Prisma } from '@/lib/generated/prisma/client';
import { errorText, log } from '@/lib/log';
import { MailDeliveryError, sendMail, type OutgoingMail } from '@/lib/mail/transport';
import { instantOfWallClock, wallClockAt } from '@/lib/time/zoned';
import { digestMail, immediateMail, type MailContext, type MailRecipient } from './mail';
import { NOTIFICATION_SELECT, toNotificationViews, type NotificationView } from './views';

/** The hour (Stockholm time) the daily digest goes out. */
export const DIGEST_HOUR = 7;
const IMMEDIATE_BATCH = 20;
const DIGEST_USERS_PER_PASS = 100;
/** After a failed send the worker waits this long before mailing again, instead of every pass. */
const PAUSE_AFTER_FAILURE_MS = 60_000;

export interface DeliveryOptions {
  now?: Date;
  /** The environment whose SMTP_URL and SITE_URL to use; the process's own by default. */
  env?: Env;
}

export interface DeliveryReport {
  sent: number;
  failed: number;
}

const ROW_WITH_RECIPIENT = {
  ...NOTIFICATION_SELECT,
  userId: true,
  user: { select: { email: true, name: true, locale: true, notificationMode: true } },
} satisfies Prisma.NotificationSelect;

/** The most recent 07:00 in Stockholm at or before `now`: the digest takes rows written before it. */
export function digestCutoff(now: Date): Date {
  const today = wallClockAt(now);
  const cutoff = instantOfWallClock(today.year, today.month, today.day, DIGEST_HOUR, 0);
  if (cutoff.getTime() <= now.getTime()) return cutoff;
  const yesterday = new Date(Date.UTC(today.year, today.month - 1, today.day - 1));
  return instantOfWallClock(yesterday.getUTCFullYear(), yesterday.getUTCMonth() + 1, yesterday.getUTCDate(), DIGEST_HOUR, 0);
}

async function mailContext(db: Db, env: Env): Promise<MailContext> {
  const site = await db.siteSetting.findUnique({ where: { id: 1 }, select: { shortName: true } });
  return { siteName: site?.shortName ?? 'LISA', baseUrl: siteUrl(env) };
}

/** Gives claimed rows back, so a later pass tries them again; only rows this claim still holds. */
async function release(db: Db, ids: string[], claimedAt: Date): Promise<void> {
  if (ids.length > 0) await db.notification.updateMany({ where: { id: { in: ids }, emailedAt: claimedAt }, data: { emailedAt: null } });
}

/** A refused recipient concerns one message; anything else (server down, no SMTP) every message after it. */
const concernsOnlyThisMessage = (error: unknown) =>
  (error instanceof MailDeliveryError && error.code === 'EENVELOPE') || (error instanceof AppError && error.code === 'INVALID_INPUT');

async function loadClaimed(db: Db, ids: string[]) {
  const rows = await db.notification.findMany({ where: { id: { in: ids } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: ROW_WITH_RECIPIENT });
  const views = await toNotificationViews(db, rows);
  return rows.map((row, index) => ({
    userId: row.userId,
    recipient: { email: row.user.email, name: row.user.name, locale: row.user.locale, mode: row.user.notificationMode } satisfies MailRecipient,
    view: views[index]!,
  }));
}

async function send(mail: OutgoingMail, env: Env, what: Record<string, unknown>): Promise<unknown> {
  try {
    await sendMail(mail, env);
    return null;
  } catch (error) {
    log('warn', 'notification mail not sent; will retry', { ...what, error: errorText(error) });
    return error;
  }
}

/** Mails the oldest unmailed notifications of IMMEDIATE users, one message each. */
export async function deliverImmediateNotifications(db: Db, options: DeliveryOptions = {}): Promise<DeliveryReport> {
  const { now = new Date(), env = getEnv() } = options;
  const claimed = await db.$queryRaw<{ id: string }[]>`
    UPDATE "Notification" SET "emailedAt" = ${now}
    WHERE "id" IN (
      SELECT n."id" FROM "Notification" n JOIN "User" u ON u."id" = n."userId"
      WHERE n."emailedAt" IS NULL AND u."disabledAt" IS NULL AND u."notificationMode" = 'IMMEDIATE'
      ORDER BY n."createdAt", n."id"
      LIMIT ${IMMEDIATE_BATCH}
      FOR UPDATE OF n SKIP LOCKED)
    RETURNING "id"`;
  if (claimed.length === 0) return { sent: 0, failed: 0 };
  const context = await mailContext(db, env);
  const items = await loadClaimed(
    db,
    claimed.map((c) => c.id),
  );
  const report: DeliveryReport = { sent: 0, failed: 0 };
  for (const [index, item] of items.entries()) {
    const error = await send(immediateMail(item.recipient, item.view, context), env, { notificationId: item.view.id });
    if (!error) {
      report.sent += 1;
      continue;
    }
    if (concernsOnlyThisMessage(error)) {
      await release(db, [item.view.id], now);
      report.failed += 1;
      continue;
    }
    // The server is not taking mail: hand back this row and every one not tried yet.
    const rest = items.slice(index).map((i) => i.view.id);
    await release(db, rest, now);
    report.failed += rest.length;
    break;
  }
  return report;
}

/** Sends each DAILY_DIGEST user whose rows are due one message listing them all. */
export async function deliverDailyDigests(db: Db, options: DeliveryOptions = {}): Promise<DeliveryReport> {
  const { now = new Date(), env = getEnv() } = options;
  const cutoff = digestCutoff(now);
  const due = await db.notification.findMany({
    where: { emailedAt: null, createdAt: { lt: cutoff }, user: { notificationMode: 'DAILY_DIGEST', disabledAt: null } },
    distinct: ['userId'],
    select: { userId: true },
    take: DIGEST_USERS_PER_PASS,
  });
  const report: DeliveryReport = { sent: 0, failed: 0 };
  if (due.length === 0) return report;
  const context = await mailContext(db, env);
  for (const { userId } of due) {
    // All of the user's due rows in one statement: another worker finds them locked or mailed.
    const claimed = await db.$queryRaw<{ id: string }[]>`
      UPDATE "Notification" SET "emailedAt" = ${now}
      WHERE "id" IN (
        SELECT n."id" FROM "Notification" n JOIN "User" u ON u."id" = n."userId"
        WHERE n."userId" = ${userId} AND n."emailedAt" IS NULL AND n."createdAt" < ${cutoff}
          AND u."disabledAt" IS NULL AND u."notificationMode" = 'DAILY_DIGEST'
        FOR UPDATE OF n SKIP LOCKED)
      RETURNING "id"`;
    if (claimed.length === 0) continue;
    const items = await loadClaimed(
      db,
      claimed.map((c) => c.id),
    );
    const views: NotificationView[] = items.map((i) => i.view);
    const error = await send(digestMail(items[0]!.recipient, views, context), env, { userId, notifications: views.length });
    if (!error) {
      report.sent += 1;
      continue;
    }
    await release(
      db,
      views.map((v) => v.id),
      now,
    );
    report.failed += 1;
    if (!concernsOnlyThisMessage(error)) break;
  }
  return report;
}

let failedAt: number | null = null;
let toldMailIsOff = false;

/**
 * The worker's mail step: immediate notifications, then digests that are due. Does nothing
 * without SMTP_URL (saying so once), and pauses for a minute after a failed send so a server
 * that is down is not asked twice a second.
 */
export async function deliverNotificationMail(db: Db, now = new Date(), env: Env = getEnv()): Promise<DeliveryReport> {
  if (!env.SMTP_URL) {
    if (!toldMailIsOff) log('warn', 'notification mail is off: SMTP_URL is unset; notifications stay unmailed');
    toldMailIsOff = true;
    return { sent: 0, failed: 0 };
  }
  if (failedAt !== null && now.getTime() >= failedAt && now.getTime() < failedAt + PAUSE_AFTER_FAILURE_MS) return { sent: 0, failed: 0 };
  const immediate = await deliverImmediateNotifications(db, { now, env });
  const digests = await deliverDailyDigests(db, { now, env });
  const report = { sent: immediate.sent + digests.sent, failed: immediate.failed + digests.failed };
  failedAt = report.failed > 0 ? now.getTime() : null;
  if (report.sent > 0) log('info', 'notification mail sent', { messages: report.sent });
  return report;
}
