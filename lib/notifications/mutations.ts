/**
 * Marking the signed-in person's own notifications read. Another person's notification is
 * answered as not found, so ids tell nothing about anyone else.
 */
import { ownUserId } from '@/lib/accounts/queries';
import type { Actor } from '@/lib/authz/actor';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { isLocalPath, notificationIdSchema } from './schemas';

/** Where the list sends a reader whose notification's link is not a path on this site. */
export const NOTIFICATION_LIST_PATH = '/konto/aviseringar';

/**
 * Marks one notification read (again is fine) and returns where it leads: its stored path,
 * or the list when the stored link is not a local path.
 */
export async function markNotificationRead(actor: Actor, id: unknown, now = new Date()): Promise<{ url: string }> {
  const userId = ownUserId(actor);
  // A malformed id names no notification, like an unknown one.
  const parsed = notificationIdSchema.safeParse(id);
  if (!parsed.success) throw new AppError('NOT_FOUND', 'notFound');
  const notificationId = parsed.data;
  const db = await getDb();
  const found = await db.notification.findFirst({ where: { id: notificationId, userId }, select: { url: true, readAt: true } });
  if (!found) throw new AppError('NOT_FOUND', 'notFound');
  if (!found.readAt) await db.notification.updateMany({ where: { id: notificationId, userId, readAt: null }, data: { readAt: now } });
  return { url: isLocalPath(found.url) ? found.url : NOTIFICATION_LIST_PATH };
}

/** Marks every unread notification of the person read; returns how many it marked. */
export async function markAllNotificationsRead(actor: Actor, now = new Date()): Promise<number> {
  const userId = ownUserId(actor);
  const db = await getDb();
  const { count } = await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: now } });
  return count;
}
