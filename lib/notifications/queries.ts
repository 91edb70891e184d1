/**
 * The signed-in person's own notifications: the list at /konto/aviseringar and the unread
 * count in the header. Nobody reads anyone else's.
 */
import { ownUserId } from '@/lib/accounts/queries';
import type { Actor } from '@/lib/authz/actor';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import type { NotificationMode } from '@/lib/generated/prisma/enums';
import { notificationErrors, notificationPageSchema, NOTIFICATIONS_PER_PAGE } from './schemas';
import { NOTIFICATION_SELECT, toNotificationViews, type NotificationView } from './views';

export type { NotificationView } from './views';

export interface NotificationPage {
  items: NotificationView[];
  page: number;
  pageCount: number;
  total: number;
  unread: number;
  /** How the person gets them by e-mail, to say so beside the list. */
  mode: NotificationMode;
}

/** Newest first, NOTIFICATIONS_PER_PAGE a page; a page past the end shows the last one. */
export async function listNotifications(actor: Actor, input: unknown): Promise<NotificationPage> {
  const userId = ownUserId(actor);
  const { page: requested } = notificationErrors.parse(notificationPageSchema, input ?? {});
  const db = await getDb();
  const [user, total, unread] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { notificationMode: true } }),
    db.notification.count({ where: { userId } }),
    db.notification.count({ where: { userId, readAt: null } }),
  ]);
  if (!user) throw new AppError('UNAUTHENTICATED');
  const pageCount = Math.max(1, Math.ceil(total / NOTIFICATIONS_PER_PAGE));
  const page = Math.min(requested, pageCount);
  const rows = await db.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (page - 1) * NOTIFICATIONS_PER_PAGE,
    take: NOTIFICATIONS_PER_PAGE,
    select: NOTIFICATION_SELECT,
  });
  return { items: await toNotificationViews(db, rows), page, pageCount, total, unread, mode: user.notificationMode };
}

export async function countUnreadNotifications(actor: Actor): Promise<number> {
  const userId = ownUserId(actor);
  const db = await getDb();
  return db.notification.count({ where: { userId, readAt: null } });
}
