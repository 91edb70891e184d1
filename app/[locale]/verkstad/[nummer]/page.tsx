import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { IssueAttachments } from '@/components/workshop/attachments/issue-attachments';
import { IssuePage } from '@/components/workshop/issues/issue-page';
import { getPathname } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { issueSuccessKeyOf } from '@/lib/workshop/issue-forms';
import { loadIssuePage } from '@/components/workshop/issues/load-issue';
import '@/components/workshop/issues/issues.css';

interface PageProps {
  params: Promise<{ locale: string; nummer: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const { nummer } = await params;
  const [t, { issue }] = await Promise.all([getTranslations({ locale, namespace: 'Workshop' }), loadIssuePage(getPathname({ href: `/verkstad/${encodeURIComponent(nummer)}`, locale }), nummer)]);
  return { ...(await buildPageMetadata(locale, t('issueTitle', { number: issue.number, title: issue.title }), t('listDescription'))), robots: { index: false, follow: false } };
}

/** One issue as its reader may see it, with the forms the reader's rights allow. */
export default async function IssueDetailPage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const { nummer } = await params;
  const loaded = await loadIssuePage(getPathname({ href: `/verkstad/${encodeURIComponent(nummer)}`, locale }), nummer);
  const success = issueSuccessKeyOf((await searchParams).klart);
  return <IssuePage locale={locale} success={success} {...loaded} attachments={<IssueAttachments locale={locale} issue={loaded.issue} />} />;
}
