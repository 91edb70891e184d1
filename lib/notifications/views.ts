/**
 * Notification rows as the page and the mails show them: the facts stored on the row plus
 * what its sentence needs (the issue's number, the event it was written for, a reminder's
 * due date). Shared by the signed-in person's list and the worker's mails.
 */
import type { Prisma } from '@/lib/generated/prisma/client';
import type { NotificationType } from '@/lib/generated/prisma/enums';
import { dueAtOfKey, sentenceOf, type NotificationSubject, type SourceEvent } from './sentences';

type Tx = Prisma.TransactionClient;

export interface NotificationView extends NotificationSubject {
  id: string;
  type: NotificationType;
  /** The note the change came with (may be empty). */
  body: string;
  /** A path on this site, e.g. /verkstad/12. */
  url: string;
  isRead: boolean;
  createdAt: Date;
}

export const NOTIFICATION_SELECT = {
  id: true,
  type: true,
  title: true,
  body: true,
  url: true,
  dedupeKey: true,
  readAt: true,
  createdAt: true,
  issue: { select: { number: true } },
} satisfies Prisma.NotificationSelect;

type NotificationRow = Prisma.NotificationGetPayload<{ select: typeof NOTIFICATION_SELECT }>;

/** The rows as views, in the order given. One query finds the events behind state changes. */
export async function toNotificationViews(tx: Tx, rows: NotificationRow[]): Promise<NotificationView[]> {
  const eventIds = [...new Set(rows.filter((r) => r.type === 'ISSUE_STATE_CHANGED').map((r) => r.dedupeKey))];
  const events = new Map<string, SourceEvent>();
  if (eventIds.length > 0) {
    const found = await tx.workshopEvent.findMany({ where: { id: { in: eventIds } }, select: { id: true, type: true, toState: true } });
    for (const e of found) events.set(e.id, { type: e.type, toState: e.toState });
  }
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    sentence: sentenceOf(row.type, events.get(row.dedupeKey) ?? null),
    issueNumber: row.issue?.number ?? null,
    title: row.title,
    dueAt: row.type === 'ISSUE_DUE_SOON' || row.type === 'ISSUE_OVERDUE' ? dueAtOfKey(row.dedupeKey) : null,
    body: row.body,
    url: row.url,
    isRead: row.readAt !== null,
    createdAt: row.createdAt,
  }));
}
