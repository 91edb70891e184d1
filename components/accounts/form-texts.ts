import { getTranslations } from 'next-intl/server';
import type { AppLocale } from '@/i18n/routing';
import { ACCOUNT_ERROR_KEYS } from '@/lib/accounts/errors';
import type { AccountSuccessKey } from '@/lib/accounts/form-state';
import type { FormTexts } from './account-form';

const SUCCESS_KEYS: readonly AccountSuccessKey[] = ['nameSaved', 'preferencesSaved', 'passwordChanged', 'invitationSent'];

/** Every text an accounts form may show after a submission, resolved on the server. */
export async function getFormTexts(locale: AppLocale): Promise<FormTexts> {
  const t = await getTranslations({ locale, namespace: 'Account' });
  return {
    errorSummary: t('errorSummary'),
    errors: Object.fromEntries(ACCOUNT_ERROR_KEYS.map((key) => [key, t(`errors.${key}`)])),
    success: Object.fromEntries(SUCCESS_KEYS.map((key) => [key, t(`success.${key}`)])),
  };
}
