import { getTranslations } from 'next-intl/server';
import type { FormMessages } from '@/components/forms/form-parts';
import type { AppLocale } from '@/i18n/routing';
import { NOTIFICATION_SUCCESS_KEYS, notificationErrors } from '@/lib/notifications/schemas';

/** The notification forms' messages, resolved on the server so no catalogue ships to the browser. */
export async function getNotificationFormMessages(locale: AppLocale): Promise<FormMessages> {
  const t = await getTranslations({ locale, namespace: 'Notifications' });
  return {
    errorSummary: t('errorSummary'),
    errors: Object.fromEntries(notificationErrors.keys.map((key) => [key, t(`errors.${key}`)])),
    success: Object.fromEntries(NOTIFICATION_SUCCESS_KEYS.map((key) => [key, t(`success.${key}`)])),
  };
}
