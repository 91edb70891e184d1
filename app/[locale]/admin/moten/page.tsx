import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NotAllowed } from '@/components/admin/not-allowed';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { MeetingTable } from '@/components/workshop/meetings/meeting-table';
import { getPathname, Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { requireSignedIn } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import { meetingSuccessKeyOf } from '@/lib/workshop/meeting-schemas';
import { listMeetings } from '@/lib/workshop/meetings';
import '@/components/admin/thesaurus/thesaurus.css';
import '@/components/workshop/meetings/meetings.css';

interface PageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'WorkshopMeetings' });
  return { ...(await buildPageMetadata(locale, t('adminTitle'), t('adminDescription'))), robots: { index: false, follow: false } };
}

/** The coordinator's meetings: planned ones first, then those held, then those called off. */
export default async function AdminMeetingsPage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const actor = await requireSignedIn(getPathname({ href: '/admin/moten', locale }));
  if (!can(actor, 'meeting.manage', null)) return <NotAllowed />;
  const [t, lists] = await Promise.all([getTranslations({ locale, namespace: 'WorkshopMeetings' }), listMeetings(actor)]);
  const success = meetingSuccessKeyOf((await searchParams).klart);
  return (
    <div className="container info-page meetings-page">
      <h1>{t('adminTitle')}</h1>
      <p className="lead">{t('adminLead')}</p>
      {success ? (
        <p className="form-success" role="status">
          {t(`success.${success}`)}
        </p>
      ) : null}
      <p>
        <Link href="/admin/moten/nytt" className="button">
          {t('scheduleLink')}
        </Link>
      </p>

      <section aria-labelledby="planerade" className="form-section">
        <h2 id="planerade">{t('plannedHeading')}</h2>
        {lists.planned.length === 0 ? (
          <p>{t('plannedEmpty')}</p>
        ) : (
          <MeetingTable locale={locale} id="planerade-tabell" caption={t('plannedCaption')} rows={lists.planned} hrefBase="/admin/moten" />
        )}
      </section>

      <section aria-labelledby="genomforda" className="form-section">
        <h2 id="genomforda">{t('heldHeading')}</h2>
        {lists.held.length === 0 ? (
          <p>{t('heldEmpty')}</p>
        ) : (
          <MeetingTable locale={locale} id="genomforda-tabell" caption={t('heldCaption')} rows={lists.held} hrefBase="/admin/moten" />
        )}
      </section>

      {lists.cancelled.length > 0 ? (
        <section aria-labelledby="installda" className="form-section">
          <h2 id="installda">{t('cancelledHeading')}</h2>
          <MeetingTable locale={locale} id="installda-tabell" caption={t('cancelledCaption')} rows={lists.cancelled} hrefBase="/admin/moten" />
        </section>
      ) : null}
    </div>
  );
}
