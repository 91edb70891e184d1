import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { MinutesNotAllowed } from '@/components/workshop/meetings/minutes-not-allowed';
import { MeetingTable } from '@/components/workshop/meetings/meeting-table';
import { getPathname } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { requireSignedIn } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import { listPublishedMinutes } from '@/lib/workshop/meetings';
import '@/components/admin/thesaurus/thesaurus.css';
import '@/components/workshop/meetings/meetings.css';

interface PageProps {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'WorkshopMeetings' });
  return { ...(await buildPageMetadata(locale, t('minutesTitle'), t('minutesDescription'))), robots: { index: false, follow: false } };
}

/** The published minutes of the workshop's meetings, for every signed-in member of the network. */
export default async function MinutesListPage({ params }: PageProps) {
  const locale = await resolveLocale(params);
  const actor = await requireSignedIn(getPathname({ href: '/verkstad/moten', locale }));
  const t = await getTranslations({ locale, namespace: 'WorkshopMeetings' });
  if (!can(actor, 'minutes.read', null)) return <MinutesNotAllowed locale={locale} />;
  const meetings = await listPublishedMinutes(actor);
  return (
    <div className="container info-page meetings-page">
      <h1>{t('minutesTitle')}</h1>
      <p className="lead">{t('minutesLead')}</p>
      {meetings.length === 0 ? (
        <p>{t('minutesEmpty')}</p>
      ) : (
        <MeetingTable locale={locale} id="protokoll-tabell" caption={t('minutesCaption')} rows={meetings} hrefBase="/verkstad/moten" />
      )}
    </div>
  );
}
