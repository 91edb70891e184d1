import { getMessages } from 'next-intl/server';
import type { AppLocale } from '@/i18n/routing';
import type { MessageTree } from './translate';

/** The `ServiceForm` texts in the page's language, for the form to carry to the browser. */
export async function loadServiceFormMessages(locale: AppLocale): Promise<MessageTree> {
  const messages = (await getMessages({ locale })) as unknown as Record<string, MessageTree>;
  return messages.ServiceForm ?? {};
}
