import { getAttachmentFieldLabels, getAttachmentFormMessages } from '@/components/workshop/attachments/texts';
import type { AppLocale } from '@/i18n/routing';
import { MAX_ATTACHMENTS_PER_ISSUE } from '@/lib/workshop/attachment-rules';
import type { FilingAttachments } from './new-issue';

/**
 * The filing form's file field and the reasons a batch is refused, from the attachments
 * feature; none when a draft already has as many files as an issue may. A draft's field says
 * how many more fit.
 */
export async function getFilingAttachments(locale: AppLocale, attached = 0): Promise<FilingAttachments | undefined> {
  const remaining = MAX_ATTACHMENTS_PER_ISSUE - attached;
  if (remaining <= 0) return undefined;
  const [labels, messages] = await Promise.all([getAttachmentFieldLabels(locale, attached > 0 ? remaining : undefined), getAttachmentFormMessages(locale)]);
  return { labels, errors: messages.errors };
}
