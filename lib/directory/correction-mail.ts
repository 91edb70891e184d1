/**
 * The coordinator's reply to a suggested correction, mailed to the address the sender gave,
 * in the language the sender wrote in (CorrectionSuggestion.locale), worded from
 * `Corrections.replyMail`. Plain text; the reply is the coordinator's own words.
 */
import { createTranslator } from 'next-intl';
import { routing, type AppLocale } from '@/i18n/routing';
import type { OutgoingMail } from '@/lib/mail/transport';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';
import sv from '@/messages/sv.json';
import { CONTACT_RETENTION_DAYS } from './correction-schemas';

// The message files have the same keys (a test checks it), so Swedish types them all.
const CATALOGUES: Record<AppLocale, typeof sv> = { sv, en: en as typeof sv, ar: ar as typeof sv };
const SUBJECT_MAX = 300;

export interface CorrectionReplyInput {
  to: string;
  locale: string;
  /** The service's name in the sender's language (Swedish when it has none). */
  serviceName: string;
  /** The service page, absolute. */
  serviceUrl: string;
  reply: string;
  siteName: string;
}

export function correctionReplyMail(input: CorrectionReplyInput): OutgoingMail {
  const locale = routing.locales.find((l) => l === input.locale) ?? routing.defaultLocale;
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: 'Corrections.replyMail' });
  const subject = t('subject', { service: input.serviceName, site: input.siteName }).replace(/\s+/g, ' ').trim();
  return {
    to: input.to,
    subject: subject.length > SUBJECT_MAX ? `${subject.slice(0, SUBJECT_MAX - 1)}…` : subject,
    text: [
      t('greeting'),
      '',
      t('intro', { service: input.serviceName, site: input.siteName }),
      '',
      input.reply,
      '',
      t('serviceLink', { url: input.serviceUrl }),
      '',
      '-- ',
      t('retention', { days: CONTACT_RETENTION_DAYS }),
      t('noReply'),
      t('signature', { site: input.siteName }),
    ].join('\n'),
  };
}

/** The path of a service page in a language (Swedish at the root). */
export function servicePath(slug: string, locale: string): string {
  const prefix = locale === routing.defaultLocale || !routing.locales.some((l) => l === locale) ? '' : `/${locale}`;
  return `${prefix}/tjanster/${slug}`;
}
