import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { getFilingAttachments } from '@/components/workshop/issues/filing-attachments';
import { loadIssuePage } from '@/components/workshop/issues/load-issue';
import { DraftEditor } from '@/components/workshop/issues/new-issue';
import { getPathname, redirect } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { requireSignedIn } from '@/lib/auth/session';
import { getFilingOptions } from '@/lib/workshop/queries';
import '@/components/workshop/issues/issues.css';

interface PageProps {
  params: Promise<{ locale: string; nummer: string }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'Workshop' });
  const { nummer } = await params;
  const title = /^\d{1,10}$/.test(nummer) ? t('editTitle', { number: Number(nummer) }) : t('newTitle');
  return { ...(await buildPageMetadata(locale, title, t('newDescription'))), robots: { index: false, follow: false } };
}

/** The association's draft in the filing form. Once sent, the issue is changed through its page only. */
export default async function EditDraftPage({ params }: PageProps) {
  const locale = await resolveLocale(params);
  const { nummer } = await params;
  const path = getPathname({ href: `/verkstad/${encodeURIComponent(nummer)}/redigera`, locale });
  const actor = await requireSignedIn(path);
  const { issue } = await loadIssuePage(path, nummer);
  if (issue.state !== 'DRAFT') redirect({ href: `/verkstad/${issue.number}`, locale });
  if (!issue.can.editDraft) notFound();
  const [options, attachments] = await Promise.all([getFilingOptions(actor), getFilingAttachments(locale, issue.attachments.length)]);
  return <DraftEditor locale={locale} issue={issue} options={options} attachments={attachments} />;
}
