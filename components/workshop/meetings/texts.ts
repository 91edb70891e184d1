import { getTranslations } from 'next-intl/server';
import type { FormMessages } from '@/components/forms/form-parts';
import type { AppLocale } from '@/i18n/routing';
import { meetingErrors, MEETING_SUCCESS_KEYS } from '@/lib/workshop/meeting-schemas';

/** The meeting forms' messages, resolved on the server so no catalogue ships to the browser. */
export async function getMeetingFormMessages(locale: AppLocale): Promise<FormMessages> {
  const t = await getTranslations({ locale, namespace: 'WorkshopMeetings' });
  return {
    errorSummary: t('errorSummary'),
    errors: Object.fromEntries(meetingErrors.keys.map((key) => [key, t(`errors.${key}`)])),
    success: Object.fromEntries(MEETING_SUCCESS_KEYS.map((key) => [key, t(`success.${key}`)])),
  };
}
