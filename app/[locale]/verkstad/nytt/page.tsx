import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { getFilingAttachments } from '@/components/workshop/issues/filing-attachments';
import { NewIssue } from '@/components/workshop/issues/new-issue';
import { getPathname } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { requireSignedIn } from '@/lib/auth/session';
import { getFilingOptions } from '@/lib/workshop/queries';
import '@/components/workshop/issues/issues.css';

interface PageProps {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'Workshop' });
  return { ...(await buildPageMetadata(locale, t('newTitle'), t('newDescription'))), robots: { index: false, follow: false } };
}

/** An association files an issue: sent to the coordinator at once, or kept as a draft. */
export default async function NewIssuePage({ params }: PageProps) {
  const locale = await resolveLocale(params);
  const actor = await requireSignedIn(getPathname({ href: '/verkstad/nytt', locale }));
  const [options, attachments] = await Promise.all([getFilingOptions(actor), getFilingAttachments(locale)]);
  return <NewIssue locale={locale} options={options} attachments={attachments} />;
}
