import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getFormTexts } from '@/components/accounts/form-texts';
import { InvitePanel } from '@/components/accounts/invite-panel';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { getPathname, Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { listInviteTargets } from '@/lib/accounts/queries';
import { requireSignedIn } from '@/lib/auth/session';

interface PageProps {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'Invitation' });
  return { ...(await buildPageMetadata(locale, t('inviteTitle'), t('inviteDescription'))), robots: { index: false, follow: false } };
}

export default async function InvitePage({ params }: PageProps) {
  const locale = await resolveLocale(params);
  const actor = await requireSignedIn(getPathname({ href: '/konto/bjud-in', locale }));
  const [targets, texts, t] = await Promise.all([listInviteTargets(actor), getFormTexts(locale), getTranslations({ locale, namespace: 'Invitation' })]);
  return (
    <div className="container container--text info-page">
      <h1>{t('inviteTitle')}</h1>
      {targets.length > 0 ? (
        <>
          <p className="lead">{t('inviteIntro')}</p>
          <InvitePanel targets={targets} locale={locale} texts={texts} />
        </>
      ) : (
        <p className="lead">{t('notAllowed')}</p>
      )}
      <p className="back-link">
        <Link href="/konto">{t('backToAccount')}</Link>
      </p>
    </div>
  );
}
