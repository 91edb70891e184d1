import { useTranslations } from 'next-intl';
import type { FormMessages } from '@/components/forms/form-parts';
import { ISSUE_FORM_ERROR_KEYS, ISSUE_SUCCESS_KEYS } from '@/lib/workshop/issue-forms';

/** The issue forms' messages, resolved on the server so no catalogue ships to the browser. */
export function useIssueFormMessages(): FormMessages {
  const t = useTranslations('Workshop');
  return {
    errorSummary: t('errorSummary'),
    errors: Object.fromEntries(ISSUE_FORM_ERROR_KEYS.map((key) => [key, t(`errors.${key}`)])),
    success: Object.fromEntries(ISSUE_SUCCESS_KEYS.map((key) => [key, t(`success.${key}`)])),
  };
}
