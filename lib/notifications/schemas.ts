/**
 * The inputs of the notification list and its forms, one schema per boundary. Messages are
 * keys of `Notifications.errors`.
 */
import { z } from 'zod';
import { formErrorKeys } from '@/lib/forms/field-errors';

export const NOTIFICATIONS_PER_PAGE = 25;

export const notificationErrors = formErrorKeys([] as const);
export type NotificationErrorKey = (typeof notificationErrors.keys)[number];

export const NOTIFICATION_SUCCESS_KEYS = ['read', 'allRead'] as const;
export type NotificationSuccessKey = (typeof NOTIFICATION_SUCCESS_KEYS)[number];

/** The ?klart= of the list after a redirect, if it is one of ours. */
export const notificationSuccessKeyOf = (value: unknown): NotificationSuccessKey | null =>
  NOTIFICATION_SUCCESS_KEYS.find((key) => key === value) ?? null;

/** A page number from the query string; anything else is the first page. */
export const notificationPageSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

/** Notification ids are cuids; anything else cannot be one of ours. */
export const notificationIdSchema = z.string({ message: 'notFound' }).regex(/^[a-z0-9]{20,32}$/, { message: 'notFound' });

/**
 * Where a notification may send its reader: a path on this site. Anything else (an absolute
 * URL, a protocol-relative `//host`, a backslash trick) is not followed.
 */
export function isLocalPath(url: string): boolean {
  return /^\/(?![/\\])/.test(url) && !/[\s\\]/.test(url);
}
