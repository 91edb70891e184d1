import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { NotAllowed } from '@/components/admin/not-allowed';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { PrintSheets } from '@/components/workshop/meetings/print-sheets';
import { getPathname, Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { requireSignedIn } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import { findMeeting } from '@/lib/workshop/meetings';
import '@/components/workshop/meetings/meetings.css';

interface PageProps {
  params: Promise<{ locale: string; id: string }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'WorkshopMeetings' });
  return { ...(await buildPageMetadata(locale, t('printTitle'), t('adminDescription'))), robots: { index: false, follow: false } };
}

/** The agenda to print: a cover page, then one page per item (see meetings.css). */
export default async function PrintAgendaPage({ params }: PageProps) {
  const locale = await resolveLocale(params);
  const { id } = await params;
  const actor = await requireSignedIn(getPathname({ href: `/admin/moten/${encodeURIComponent(id)}/utskrift`, locale }));
  if (!can(actor, 'meeting.manage', null)) return <NotAllowed />;
  const meeting = await findMeeting(actor, id);
  if (!meeting) notFound();
  const t = await getTranslations({ locale, namespace: 'WorkshopMeetings' });
  return (
    <div className="container container--text info-page meetings-print-page">
      <div className="meetings-print-page__screen">
        <h1>{t('printHeading', { title: meeting.title })}</h1>
        <p className="lead">{t('printLead')}</p>
        <p>
          <Link href={`/admin/moten/${meeting.id}`}>{t('backToMeeting')}</Link>
        </p>
      </div>
      <PrintSheets locale={locale} meeting={meeting} />
    </div>
  );
}
