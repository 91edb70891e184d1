import { getTranslations } from 'next-intl/server';
import type { FormMessages } from '@/components/forms/form-parts';
import type { AppLocale } from '@/i18n/routing';
import { MAX_IMAGE_PIXELS } from '@/lib/media/process';
import { attachmentErrors, MAX_ATTACHMENT_BATCH_BYTES, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_ISSUE } from '@/lib/workshop/attachment-rules';
import type { AttachmentFieldLabels } from './attachment-field';

const MB = 1024 * 1024;

/** The limits the texts name, from the rules themselves. */
const LIMITS = {
  fileMb: MAX_ATTACHMENT_BYTES / MB,
  batchMb: MAX_ATTACHMENT_BATCH_BYTES / MB,
  max: MAX_ATTACHMENTS_PER_ISSUE,
  megapixels: MAX_IMAGE_PIXELS / 1_000_000,
};

/**
 * The attachment forms' messages, resolved on the server so no catalogue ships to the browser.
 * A form that takes files besides other fields (the filing form) adds these errors to its own.
 */
export async function getAttachmentFormMessages(locale: AppLocale): Promise<FormMessages> {
  const t = await getTranslations({ locale, namespace: 'WorkshopAttachments' });
  return {
    errorSummary: t('errorSummary'),
    errors: Object.fromEntries(attachmentErrors.keys.map((key) => [key, t(`errors.${key}`, LIMITS)])),
    success: { attached: t('success.attached') },
  };
}

/** The file field's label and hints; `remaining` adds how many more files the issue can take. */
export async function getAttachmentFieldLabels(locale: AppLocale, remaining?: number): Promise<AttachmentFieldLabels> {
  const t = await getTranslations({ locale, namespace: 'WorkshopAttachments' });
  const hint = t('fieldHint', LIMITS);
  return {
    label: t('field'),
    hint: remaining === undefined ? hint : `${hint} ${t('remaining', { count: remaining, max: LIMITS.max })}`,
    privacy: t('privacy'),
  };
}
