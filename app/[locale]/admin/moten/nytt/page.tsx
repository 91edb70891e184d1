import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NotAllowed } from '@/components/admin/not-allowed';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { MeetingForm } from '@/components/workshop/meetings/meeting-form';
import { getMeetingFormMessages } from '@/components/workshop/meetings/texts';
import { getPathname, Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { requireSignedIn } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import { scheduleMeetingAction } from '@/lib/workshop/meeting-actions';
import { PLACE_MAX } from '@/lib/workshop/meeting-schemas';
import { TITLE_MAX } from '@/lib/workshop/schemas';

interface PageProps {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'WorkshopMeetings' });
  return { ...(await buildPageMetadata(locale, t('newTitle'), t('adminDescription'))), robots: { index: false, follow: false } };
}

/** Schedules a meeting; its agenda is filled from the queue when it is saved. */
export default async function NewMeetingPage({ params }: PageProps) {
  const locale = await resolveLocale(params);
  const actor = await requireSignedIn(getPathname({ href: '/admin/moten/nytt', locale }));
  if (!can(actor, 'meeting.manage', null)) return <NotAllowed />;
  const [t, messages] = await Promise.all([getTranslations({ locale, namespace: 'WorkshopMeetings' }), getMeetingFormMessages(locale)]);
  return (
    <div className="container container--text info-page">
      <h1>{t('newTitle')}</h1>
      <p className="lead">{t('newLead')}</p>
      <MeetingForm
        id="nytt-mote"
        action={scheduleMeetingAction}
        hidden={{ locale }}
        messages={messages}
        limits={{ title: TITLE_MAX, place: PLACE_MAX }}
        labels={{
          kind: t('fields.kind'),
          kindHint: t('fields.kindHint'),
          kinds: { WORKSHOP: t('kinds.WORKSHOP'), NETWORK: t('kinds.NETWORK') },
          title: t('fields.title'),
          startsAt: t('fields.startsAt'),
          endsAt: t('fields.endsAt'),
          timeHint: t('fields.timeHint'),
          place: t('fields.place'),
          submit: t('schedule'),
        }}
      />
      <p className="back-link">
        <Link href="/admin/moten">{t('backToList')}</Link>
      </p>
    </div>
  );
}
