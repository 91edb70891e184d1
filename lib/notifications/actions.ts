'use server';

/**
 * The notification list's server actions, public endpoints: each hands the current actor to
 * the data layer (which only ever touches the actor's own rows) and goes back to the list,
 * saying what was done, or returns message keys the page words.
 */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors/app-error';
import type { FormState } from '@/lib/forms/field-errors';
import { markAllNotificationsRead, markNotificationRead, NOTIFICATION_LIST_PATH } from './mutations';
import { notificationErrors, type NotificationErrorKey, type NotificationSuccessKey } from './schemas';

export type NotificationFormState = FormState<NotificationErrorKey, NotificationSuccessKey>;

function refused(error: unknown): NotificationFormState {
  if (!isAppError(error)) throw error;
  return { status: 'error', ...notificationErrors.describe(error) };
}

/** Back to the list in the form's language and on its page, with ?klart= for the status line. */
function backToList(formData: FormData, success: NotificationSuccessKey): never {
  const locale = formData.get('locale');
  const prefix = locale === 'en' || locale === 'ar' ? `/${locale}` : '';
  const page = formData.get('sida');
  const query = new URLSearchParams({ klart: success });
  if (typeof page === 'string' && /^[1-9]\d{0,5}$/.test(page)) query.set('sida', page);
  // The header's unread count is part of the layout; it must not show the old number.
  revalidatePath('/[locale]', 'layout');
  redirect(`${prefix}${NOTIFICATION_LIST_PATH}?${query}`);
}

export async function markNotificationReadAction(_previous: NotificationFormState, formData: FormData): Promise<NotificationFormState> {
  try {
    await markNotificationRead(await getActor(), formData.get('notificationId'));
  } catch (error) {
    return refused(error);
  }
  backToList(formData, 'read');
}

export async function markAllNotificationsReadAction(_previous: NotificationFormState, formData: FormData): Promise<NotificationFormState> {
  try {
    await markAllNotificationsRead(await getActor());
  } catch (error) {
    return refused(error);
  }
  backToList(formData, 'allRead');
}
