/**
 * The notification e-mails: one per notification for those who chose IMMEDIATE, one a day
 * listing everything for those who chose DAILY_DIGEST. Plain text in the recipient's language
 * (User.locale), worded from `Notifications.mail` and `Notifications.sentence`, with absolute
 * links into their language's part of the site and a line on where to change the choice.
 */
import { createTranslator } from 'next-intl';
import { routing, type AppLocale } from '@/i18n/routing';
import type { NotificationMode } from '@/lib/generated/prisma/enums';
import type { OutgoingMail } from '@/lib/mail/transport';
import { PORTAL_TIME_ZONE } from '@/lib/time/zoned';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';
import sv from '@/messages/sv.json';
import { isLocalPath } from './schemas';
import { notificationSentence, showsTitleApart } from './sentences';
import type { NotificationView } from './views';

// The message files have the same keys (a test checks it), so Swedish types them all.
const CATALOGUES: Record<AppLocale, typeof sv> = { sv, en: en as typeof sv, ar: ar as typeof sv };

/** A digest lists every note, but a long one only in part: the link leads to the rest. */
const DIGEST_NOTE_MAX = 500;
const SUBJECT_MAX = 300;

export interface MailRecipient {
  email: string;
  name: string;
  locale: string;
  mode: NotificationMode;
}

export interface MailContext {
  /** The portal's short name, e.g. "LISA". */
  siteName: string;
  /** siteUrl(): the public base URL without a trailing slash. */
  baseUrl: string;
}

function localeOf(recipient: MailRecipient): AppLocale {
  return routing.locales.find((l) => l === recipient.locale) ?? routing.defaultLocale;
}

function wording(recipient: MailRecipient, context: MailContext) {
  const locale = localeOf(recipient);
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: 'Notifications' });
  const prefix = locale === routing.defaultLocale ? '' : `/${locale}`;
  const link = (path: string) => `${context.baseUrl}${prefix}${isLocalPath(path) ? path : '/konto/aviseringar'}`;
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: PORTAL_TIME_ZONE });
  const sentence = (view: NotificationView) => notificationSentence((key, values) => t(`sentence.${key}`, values), view);
  const footer = [
    '',
    '-- ',
    t(`mail.preference.${recipient.mode}`, { url: link('/konto') }),
    t('mail.allNotifications', { url: link('/konto/aviseringar') }),
    '',
    t('mail.signature', { site: context.siteName }),
  ];
  return { t, link, dateFormat, sentence, footer };
}

/** A header value is one line and not too long, whatever a title holds. */
function subjectLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > SUBJECT_MAX ? `${line.slice(0, SUBJECT_MAX - 1)}…` : line;
}

/** One notification, mailed at once. */
export function immediateMail(recipient: MailRecipient, view: NotificationView, context: MailContext): OutgoingMail {
  const { t, link, dateFormat, sentence, footer } = wording(recipient, context);
  const lines = [t('mail.greeting', { name: recipient.name }), '', t('mail.sentenceLine', { sentence: sentence(view) })];
  if (showsTitleApart(view)) lines.push(t('mail.titleLine', { title: view.title }));
  if (view.dueAt) lines.push(t('mail.dueLine', { date: dateFormat.format(view.dueAt) }));
  if (view.body.trim()) lines.push('', t('mail.noteHeading'), view.body.trim());
  lines.push('', t('mail.open', { url: link(view.url) }), ...footer);
  return { to: recipient.email, subject: subjectLine(sentence(view)), text: lines.join('\n') };
}

/** Everything not mailed yet, in one message; never called with nothing to say. */
export function digestMail(recipient: MailRecipient, views: NotificationView[], context: MailContext): OutgoingMail {
  const { t, link, dateFormat, sentence, footer } = wording(recipient, context);
  const lines = [t('mail.greeting', { name: recipient.name }), '', t('mail.digestIntro', { count: views.length }), ''];
  views.forEach((view, index) => {
    lines.push(`${index + 1}. ${sentence(view)}`);
    if (showsTitleApart(view)) lines.push(`   ${t('mail.titleLine', { title: view.title })}`);
    if (view.dueAt) lines.push(`   ${t('mail.dueLine', { date: dateFormat.format(view.dueAt) })}`);
    const note = view.body.trim().replace(/\s+/g, ' ');
    if (note) lines.push(`   ${t('mail.noteHeading')} ${note.length > DIGEST_NOTE_MAX ? `${note.slice(0, DIGEST_NOTE_MAX - 1)}…` : note}`);
    lines.push(`   ${link(view.url)}`, '');
  });
  lines.pop();
  lines.push(...footer);
  return { to: recipient.email, subject: subjectLine(t('mail.digestSubject', { count: views.length, site: context.siteName })), text: lines.join('\n') };
}
